import { expect, test, type Page } from "@playwright/test";
import { pickInBox, signIn } from "./support";

async function newDraftRequest(page: Page, title: string) {
  await page.goto("/requests/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("What is asked").fill("Body-worn camera retention schedules and audit logs since 2019.");
  await pickInBox(page, "Agency", "harrisburg bur", "Harrisburg Bureau of Police");
  await page.getByRole("button", { name: "Create request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
}

const timelineHeadlines = (page: Page) => page.getByRole("list", { name: "Timeline, oldest first" }).locator(".timeline__headline");

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("a coordinator writes the request letter, previews and sends it, and finds it in the outbox and on the timeline", async ({ page }) => {
  await signIn(page);
  const title = `Body camera retention ${Date.now()}`;
  await newDraftRequest(page, title);

  await page.getByRole("link", { name: "Write letter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a letter" })).toBeVisible();
  await expect(page.getByLabel("To")).toHaveValue("righttoknow@harrisburgpa.example");
  await expect(page.getByLabel("Subject")).toHaveValue(`Right-to-Know Law request: ${title}`);
  const letter = page.getByRole("textbox", { name: "Letter", exact: true });
  await expect(letter).toHaveValue(/Under the Right-to-Know Law \(65 P\.S\. §§ 67\.101-67\.3104\)/);
  await expect(letter).toHaveValue(/within 5 business days of receipt \(65 P\.S\. § 67\.901\)/);
  await expect(letter).toHaveValue(/within 5 business days of receipt/);

  // A tricky address is refused by the field, and nothing is sent.
  await page.getByLabel("To").fill("Records <righttoknow@harrisburgpa.example>");
  await page.getByRole("button", { name: "Send letter" }).click();
  await expect(page.getByText("To: enter just the address, without a name or angle brackets")).toBeVisible();
  await expect(page.getByLabel("To")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("To").fill("righttoknow@harrisburgpa.example");
  await letter.fill(`${await letter.inputValue()}\nP.S. Electronic copies are fine.`);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("P.S. Electronic copies are fine.");
  await expect(preview).toContainText(/requests\+[0-9a-f-]+-[0-9a-f]{16}@/);

  await page.getByRole("button", { name: "Send letter" }).click();
  await expect(page.getByRole("status")).toHaveText("Request letter queued for righttoknow@harrisburgpa.example. It will be sent in a moment.");
  await expect(timelineHeadlines(page)).toContainText(["Request letter queued to righttoknow@harrisburgpa.example"]);

  // The worker delivers it to the development mailbox (no SMTP_URL): the timeline records it, and the draft is filed.
  await expect(async () => {
    await page.reload();
    await expect(timelineHeadlines(page)).toHaveText([
      "Request created as Draft",
      "Request letter queued to righttoknow@harrisburgpa.example",
      "Email delivered to the development mailbox for righttoknow@harrisburgpa.example",
      "Status changed from Draft to Submitted",
      /^Due date set: /,
    ]);
  }).toPass({ timeout: 15_000 });

  await page.getByRole("link", { name: "Mail", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Development mailbox");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Sent", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: `Right-to-Know Law request: ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Right-to-Know Law request: ${title}`);
  await expect(page.getByText("P.S. Electronic copies are fine.").first()).toBeVisible();
  await page.getByText("Source as delivered to the development mailbox").click();
  await expect(page.locator("pre.raw-source")).toContainText("To: righttoknow@harrisburgpa.example");
});

test("an agency reply uploaded as .eml is filed on its request's timeline, attachment included", async ({ page }) => {
  await signIn(page);
  const title = `Dispatch audio ${Date.now()}`;
  await newDraftRequest(page, title);
  await page.getByRole("link", { name: "Write letter" }).click();
  const replyAddress = (await page.getByRole("region", { name: "How it is sent" }).locator("code").textContent())!;
  expect(replyAddress).toMatch(/^requests\+/);

  const eml = [
    "From: Open Records Officer <righttoknow@harrisburgpa.example>",
    `To: ${replyAddress}`,
    `Subject: RE: ${title}`,
    `Message-ID: <${Date.now()}@harrisburgpa.example>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Your request is granted; the schedule is attached.",
    "--b1",
    'Content-Type: text/csv; name="schedule.csv"',
    'Content-Disposition: attachment; filename="schedule.csv"',
    "",
    "record,retention_days",
    "audio,365",
    "--b1--",
    "",
  ].join("\r\n");

  await page.goto("/inbox");
  // The mail pages are one section of the navigation: "Mail" is marked on the inbox and the review queue too,
  // and the tabs mark the page's own.
  const mailNav = page.getByRole("navigation", { name: "Mail" });
  await expect(page.getByRole("link", { name: "Mail", exact: true })).toHaveClass(/\bactive\b/);
  await expect(mailNav.getByRole("link", { name: "Inbox" })).toHaveAttribute("aria-current", "page");
  await page.goto("/inbox/review");
  await expect(page.getByRole("link", { name: "Mail", exact: true })).toHaveClass(/\bactive\b/);
  await expect(mailNav.getByRole("link", { name: /^To review/ })).toHaveAttribute("aria-current", "page");
  await expect(mailNav.getByRole("link", { name: "Inbox" })).not.toHaveAttribute("aria-current", "page");
  await page.goto("/inbox");
  await page.getByLabel("Email file (.eml)").setInputFiles({ name: "reply.eml", mimeType: "message/rfc822", buffer: Buffer.from(eml) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toHaveText("The email was filed on this request.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(timelineHeadlines(page).last()).toHaveText("Email received from Open Records Officer <righttoknow@harrisburgpa.example>");
  await expect(page.getByText("Your request is granted; the schedule is attached.")).toBeVisible();
  // The attachment is one of the request's received files, previewed like an upload.
  const attachment = page.getByRole("list", { name: "Attachments" }).getByRole("link", { name: "schedule.csv", exact: true });
  await expect(attachment).toHaveAttribute("href", /^\/requests\/[0-9a-f-]+\/files\/[0-9a-f-]+$/);
  await expect(page.getByRole("table", { name: "Files received" }).getByRole("link", { name: "schedule.csv", exact: true })).toBeVisible();
  await attachment.click();
  await expect(page.getByRole("heading", { level: 1, name: "schedule.csv" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^First 1 of 1 rows?$/ })).toBeVisible();
  await expect(page.getByText(/^Received from agency by email, /)).toBeVisible();
});
