import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// Every main page passes axe's WCAG 2.1 A/AA rules without serious or critical violations, on a desktop and a phone.

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    label,
  ).toEqual([]);
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`main pages are accessible on a ${viewport.name}`, async ({ page }) => {
    // Fifteen pages, each analysed by axe: far more work than one interaction.
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await page.goto("/login");
    await expectAccessible(page, "/login");
    await page.goto("/deadlines?jurisdiction=PA&received=2026-12-21");
    await expectAccessible(page, "/deadlines");
    await page.goto("/forgot-password");
    await expectAccessible(page, "/forgot-password");
    await signIn(page);
    for (const path of ["/", "/analytics", "/requests", "/requests/new", "/chase", "/agencies", "/agencies/new", "/jurisdictions", "/laws", "/laws/PA", "/settings/calendar", "/admin/users", "/coalition", "/directory?q=oakland+pd", "/directory/contacts-import", "/agencies?q=oakland"]) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await page.goto("/requests");
    await page.getByRole("link", { name: "Stop data (RIPA) 2022–present" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Timeline" })).toBeVisible();
    await expectAccessible(page, "request page");
    // The demo joint ask: its city-by-field grid of what came back, and the form that starts a joint ask.
    await page.goto("/campaigns");
    await page.getByRole("link", { name: "Traffic stops 2021–present" }).first().click();
    await expect(page.getByRole("table", { name: "What came back for each field asked, by request" })).toBeVisible();
    await expectAccessible(page, "joint ask page");
    await page.goto("/campaigns/new");
    await expectAccessible(page, "/campaigns/new");
    await page.goto("/requests/00000000-0000-4000-8000-000000000000");
    await expectAccessible(page, "404 page");
  });
}
