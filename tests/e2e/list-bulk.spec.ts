import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The requests list grown up, as a person uses it: tick two requests, add a tag after the review page, save the
// filtered list as a view, download it as CSV; on a phone the box column keeps the page within the screen.

test("ticks two requests, tags them after a review, saves the view and downloads the CSV", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests");
  const boxes = page.getByRole("checkbox", { name: /^Select [A-Z][A-Z0-9]*-\d+:/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByLabel("Tags to add or remove").fill("e2e-bulk");
  await page.getByRole("button", { name: "Add tags…" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Review the change" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Add the tag “e2e-bulk” on 2 requests");
  await page.getByRole("button", { name: "Change 2 requests" }).click();
  await expect(page.getByRole("status")).toContainText("2 requests changed.");

  await page.goto("/requests?tag=e2e-bulk");
  await expect(page.getByRole("checkbox", { name: /^Select [A-Z][A-Z0-9]*-\d+:/ })).toHaveCount(2);
  await page.getByLabel("View name").fill("E2E bulk tagged");
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("status")).toContainText("View “E2E bulk tagged” saved.");
  await expect(page.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name: "E2E bulk tagged" })).toBeVisible();

  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(href).toBe("/requests/export.csv?tag=e2e-bulk");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain("e2e-bulk");
});

test("on a phone the list with its boxes fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page);
  await page.goto("/requests");
  await expect(page.getByRole("checkbox", { name: /^Select [A-Z][A-Z0-9]*-\d+:/ }).first()).toBeVisible();
  await expect(page.getByLabel("Select all on this page")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("picks people with search boxes: assigns a request to someone found by name, then filters by them", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests?assignee=none");
  const box = page.getByRole("checkbox", { name: /^Select [A-Z][A-Z0-9]*-\d+:/ }).first();
  const label = (await box.getAttribute("aria-label")) ?? "";
  const reference = /^Select ([A-Z][A-Z0-9]*-\d+):/.exec(label)?.[1];
  expect(reference).toBeTruthy();
  await box.check();
  // "Assign to" suggests members as one types; picking one fills the box with their whole name.
  const assignTo = page.getByRole("combobox", { name: "Assign to" });
  await assignTo.fill("tor");
  await page.getByRole("option", { name: "Maya Torres" }).click();
  await expect(assignTo).toHaveValue("Maya Torres");
  await page.getByRole("button", { name: "Assign…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review the change" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Assign to Maya Torres on 1 request");
  await page.getByRole("button", { name: "Change 1 request" }).click();
  await expect(page.getByRole("status")).toContainText("1 request changed.");

  // The filter: a name box, not a select of every member.
  await page.goto("/requests");
  await expect(page.getByRole("combobox", { name: "Assignee's name" })).toBeVisible();
  await expect(page.locator("#filter-assignee option")).toHaveCount(3);
  await page.getByRole("combobox", { name: "Assignee's name" }).fill("maya");
  await page.getByRole("option", { name: "Maya Torres" }).click();
  await page.getByRole("search").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/assigneeId=/);
  await expect(page.getByRole("checkbox", { name: new RegExp(`^Select ${reference}:`) })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Assignee's name" })).toHaveValue("Maya Torres");
});

test("assigns a request from its page with the search box", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests");
  await page.getByRole("link", { name: "Traffic stops 2021–present" }).first().click();
  await page.locator("summary", { hasText: /^Assign$/ }).click();
  const box = page.getByRole("combobox", { name: "Assignee" });
  await box.fill("okaf");
  await page.getByRole("option", { name: "Sam Okafor" }).click();
  await page.getByRole("button", { name: "Save assignee" }).click();
  await expect(page.getByRole("status")).toContainText("Assignment saved.");
  await expect(page.getByRole("combobox", { name: "Assignee" })).toHaveValue("Sam Okafor");
  await expect(page.getByText(/(Reassigned from .* to|Assigned to) Sam Okafor/).first()).toBeVisible();
});
