import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";
import { lawFor } from "../../app/domain/deadlines";
import { addDays, todayIn } from "../../app/utils/dates";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), label).toEqual([]);
}

const longDate = (iso: string) => new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

test("a coordinator creates a joint ask to three agencies and the vendor, previews letters, sends all, and follows up all overdue", async ({ page }) => {
  const today = todayIn("America/New_York");
  const title = `Stop data from Mark43 ${Date.now()}`;
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByRole("link", { name: "Mark43", exact: true }).click();
  await page.getByRole("link", { name: "Mark43 RMS", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mark43 RMS" })).toBeVisible();
  await page.getByRole("link", { name: "Start a joint ask" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New joint ask" })).toBeVisible();
  for (const agency of ["Denver Police Department", "Reading Police Department", "Baltimore Police Department"]) {
    await expect(page.getByRole("checkbox", { name: new RegExp(agency) })).toBeChecked();
  }
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("What is asked").fill("Traffic and pedestrian stop data as the RMS's standard export.");
  await page.getByRole("checkbox", { name: "Stops", exact: true }).check();
  await page.locator("summary", { hasText: "Stops" }).first().click();
  const stopFields = page.getByRole("group", { name: "Stops", exact: true });
  await stopFields.getByRole("checkbox", { name: "Subject race" }).check();
  await page.getByLabel("Period from").fill("2021-01-01");
  await page.getByLabel("Period to").fill("2025-12-31");
  await page.getByText(/Also ask Mark43/).click();
  await page.getByRole("button", { name: "Create the requests" }).click();
  await expect(page.getByRole("status")).toHaveText("Joint ask created with 4 requests.");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const campaignUrl = page.url();

  // Two letters previewed: each one letter (one date, one greeting), with the field, the period and its own law.
  for (const [agency, state] of [
    ["Denver Police Department", "CO"],
    ["Reading Police Department", "PA"],
  ] as const) {
    await page.getByRole("link", { name: `Letter to ${agency}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Letter to ${agency}` })).toBeVisible();
    const text = (await page.getByLabel("Letter text").textContent()) ?? "";
    expect(text.split(longDate(today)).length - 1).toBe(1);
    expect(text.match(/^To /gm)).toHaveLength(1);
    expect(text.match(/^Thank you/gm)).toHaveLength(1);
    expect(text).toContain("Subject race");
    expect(text).toContain("Period: records dated from January 1, 2021 to December 31, 2025.");
    expect(text).toContain(lawFor(state)!.citation);
    if (state === "CO") await expectAccessible(page, "a target's letter");
    await page.goto(campaignUrl);
  }

  // Send all: three letters go (Denver, Reading, Mark43); Baltimore waits for an address, added on the spot.
  await page.getByRole("link", { name: /Send the letters/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Send the letters" })).toBeVisible();
  await page.getByRole("button", { name: "Send all 3 letters" }).click();
  await expect(page.getByRole("status").first()).toContainText("3 letters queued");
  // The progress page follows the letters out of the outbox by itself.
  await expect(page.getByText(/0 queued · 3 sent · 0 failed/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "1 target has no records email" })).toBeVisible();
  await expectAccessible(page, "the send page");
  await page.getByLabel("Records email of Baltimore Police Department").fill("records@baltimorepolice.example");
  await page.getByRole("button", { name: "Save email" }).click();
  await expect(page.getByRole("status").first()).toContainText("Records email saved");
  await page.getByRole("button", { name: "Send all 1 letter" }).click();
  await expect(page.getByRole("status").first()).toContainText("1 letter queued");
  // A second send sends nothing again.
  await expect(page.getByText("Every letter with a records email has been sent.")).toBeVisible();
  await expect(page.getByText(/0 queued · 4 sent · 0 failed/)).toBeVisible({ timeout: 20_000 });

  // Three letters to agencies and one to the vendor, in the outbox.
  await page.getByRole("link", { name: "Mail", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const rows = page.getByRole("row").filter({ hasText: title });
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: "Request for records" })).toHaveCount(1);

  // The clock passes for Denver: received 40 days ago, it is overdue. Follow up all overdue, once.
  await page.goto(campaignUrl);
  await page.getByRole("table", { name: "Requests of this joint ask" }).getByRole("link", { name: "Denver Police Department", exact: true }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  const past = addDays(today, -40);
  await page.getByLabel("Filed date").fill(past);
  await page.getByLabel("Received by agency").fill(past);
  await page.getByRole("button", { name: "Save changes" }).click();
  // Wait for the save: navigating away at once could cancel it.
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Follow up all 1 overdue" }).click();
  await expect(page.getByRole("status")).toContainText("Follow-up letter queued for 1 overdue request");
  await page.getByRole("button", { name: "Follow up all 1 overdue" }).click();
  await expect(page.getByRole("status")).toContainText("already followed up for this due date");
  await page.getByRole("link", { name: "Mail", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: title }).filter({ hasText: "Follow-up" })).toHaveCount(1);
});
