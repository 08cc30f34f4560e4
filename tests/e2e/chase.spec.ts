import { expect, test } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("a coordinator sees an overdue request on the chase board, logs a follow-up, and it moves", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  // The navigation shows how many requests need attention.
  const chaseLink = page.getByRole("link", { name: /Chase \d+ need attention/ });
  await expect(chaseLink).toBeVisible();
  await chaseLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Chase board" })).toBeVisible();

  const overdue = page.getByRole("region", { name: /Overdue: chase now/ });
  const item = overdue.locator("li", { hasText: "Traffic stops 2021–present" }).filter({ hasText: "Harrisburg Bureau of Police" });
  await expect(item).toContainText(/overdue by \d+ days?/);

  // "Log follow-up" offers both, each saying what it does.
  await item.locator("summary", { hasText: "Log follow-up" }).click();
  await expect(item.getByText("Sends the follow-up letter (with the tracking number and due date) to righttoknow@harrisburgpa.example through the outbox.")).toBeVisible();
  await expect(item.getByRole("button", { name: /Send the follow-up letter for [A-Z0-9]+-1 Traffic stops/ })).toBeEnabled();
  await expect(item.getByText("Records a follow-up you sent another way; nothing is sent from here.")).toBeVisible();
  await item.getByLabel(/How the follow-up was sent for [A-Z0-9]+-1\b/).selectOption({ label: "Phone" });
  await item.getByRole("button", { name: /Record a follow-up sent elsewhere for [A-Z0-9]+-1 Traffic stops/ }).click();
  await expect(page.getByRole("status")).toContainText("Follow-up logged; next one in 7 days");

  await expect(overdue.getByText("Traffic stops 2021–present", { exact: false }).filter({ hasText: /[A-Z0-9]+-1 / })).toHaveCount(0);
  const scheduled = page.getByRole("region", { name: /Overdue, follow-up scheduled/ });
  await expect(scheduled.getByRole("link", { name: /^[A-Z0-9]+-1 Traffic stops 2021–present$/ })).toBeVisible();

  // The follow-up is on the request's timeline.
  await scheduled.getByRole("link", { name: /^[A-Z0-9]+-1 Traffic stops 2021–present$/ }).click();
  const timeline = page.getByRole("list", { name: "Timeline, oldest first" });
  await expect(timeline.locator(".timeline__headline").last()).toHaveText("Edited next action date");
  await expect(timeline).toContainText("Follow-up sent to the agency.");
  await expect(page.getByRole("region", { name: "Deadline" })).toContainText("Right-to-Know Law");
});

test("anyone can use the public deadline calculator without signing in", async ({ page }) => {
  await page.goto("/deadlines");
  await page.getByLabel("Law").selectOption("PA");
  await page.getByLabel("Received by the agency").fill("2026-12-21");
  await page.getByRole("button", { name: "Calculate" }).click();
  await expect(page.getByRole("heading", { name: "Due Tue 29 Dec 2026" })).toBeVisible();
  await expect(page.getByText("skipping Fri 25 Dec (Christmas Day)")).toBeVisible();
});
