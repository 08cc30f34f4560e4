import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { pickInBox, signIn } from "./support";

const timelineHeadlines = (page: Page) => page.getByRole("list", { name: "Timeline, oldest first" }).locator(".timeline__headline");

/** Postfix's bounce (tests/fixtures/mail/classified/bounce-postfix.eml) for a letter to `address`. */
function postfixBounce(replyAddress: string, address: string): Buffer {
  const fixture = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures", "mail", "classified", "bounce-postfix.eml"), "utf8");
  return Buffer.from(
    fixture
      .replaceAll("{{TO}}", replyAddress)
      .replaceAll("{{MESSAGE_ID}}", `<bounce-${Date.now()}@mail.steelton.example>`)
      .replaceAll("{{ORIGINAL_MESSAGE_ID}}", `<unknown-${Date.now()}@jointask.example>`)
      .replaceAll("records@springfield-il.example", address),
  );
}

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("a bounce arrives, the advocate fixes the agency's contact and resends the letter", async ({ page }) => {
  await signIn(page);
  const stamp = Date.now();
  const agencyName = `Steelton Police ${stamp}`;
  const oldAddress = `records-${stamp}@steelton.example`;
  const newAddress = `openrecords-${stamp}@steelton.example`;

  await page.goto("/agencies/new");
  await page.getByLabel("Name", { exact: true }).fill(agencyName);
  await page.getByLabel("Kind").selectOption({ label: "Police department" });
  await pickInBox(page, "Jurisdiction", "harrisb", "Harrisburg · Pennsylvania", "Harrisburg, Pennsylvania");
  await page.getByLabel("Records email").fill(oldAddress);
  await page.getByRole("button", { name: "Add agency" }).click();
  await expect(page.getByRole("heading", { level: 1, name: agencyName })).toBeVisible();

  const title = `Use-of-force reports ${stamp}`;
  await page.goto("/requests/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("What is asked").fill("Use-of-force reports for 2024, with the officer's unit.");
  await pickInBox(page, "Agency", agencyName, agencyName);
  await page.getByRole("button", { name: "Create request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const requestUrl = page.url();

  // The request letter goes out (to the development mailbox).
  await page.getByRole("link", { name: "Write letter" }).click();
  const replyAddress = (await page.getByRole("region", { name: "How it is sent" }).locator("code").textContent())!;
  await expect(page.getByLabel("To")).toHaveValue(oldAddress);
  await page.getByRole("button", { name: "Send letter" }).click();
  await expect(page.getByRole("status")).toContainText(`queued for ${oldAddress}`);

  // The agency's mail server bounces it; the advocate uploads the bounce from the inbox.
  await page.goto("/inbox");
  await page.getByLabel("Email file (.eml)").setInputFiles({ name: "bounce.eml", mimeType: "message/rfc822", buffer: postfixBounce(replyAddress, oldAddress) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toContainText("This is a bounce: the letter did not reach the agency.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(timelineHeadlines(page).last()).toHaveText(new RegExp(`^Delivery failed to ${oldAddress.replace(/[.+]/g, "\\$&")}: 550 5\\.1\\.1 .*User unknown`));
  const notice = page.getByRole("region", { name: "A letter bounced" });
  await expect(notice).toContainText(`Delivery failed to ${oldAddress}`);
  // Not the agency's answer: the status stays Submitted.
  await expect(page.locator(".page-header__meta .badge").first()).toHaveText("Submitted");

  // The chase board groups it under "Fix the contact".
  await page.goto("/chase");
  const fix = page.getByRole("region", { name: /^Fix the contact/ });
  await expect(fix).toContainText(title);
  await fix.getByRole("link", { name: new RegExp(`^Fix the contact for [A-Z0-9]+-\\d+ ${title}$`) }).click();

  // The agency page marks the address as bouncing and lists the letter.
  await expect(page.getByRole("heading", { level: 1, name: agencyName })).toBeVisible();
  await expect(page.getByText("Bouncing", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Letters that bounced (1)" })).toContainText(title);

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Records email").fill(newAddress);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Agency saved. 1 letter bounced from the old address: resend it to the new one below.");
  await page.getByRole("button", { name: `Resend 1 letter to ${newAddress}` }).click();
  await expect(page.getByRole("status")).toHaveText(`1 letter queued again to ${newAddress}; each is on its request's timeline.`);

  // The request's timeline shows the resend, then its delivery; the bounce notice is gone.
  await page.goto(requestUrl);
  await expect(async () => {
    await page.reload();
    await expect(timelineHeadlines(page)).toContainText([
      `Request letter resent to ${newAddress} (it bounced from ${oldAddress})`,
      `Email delivered to the development mailbox for ${newAddress}`,
    ]);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("region", { name: "A letter bounced" })).toHaveCount(0);
});
