import { expect, type Page } from "@playwright/test";

/** Signs in through the login form (the demo admin unless told otherwise) and waits for the home page (My week). */
export async function signIn(page: Page, email = "demo@example.org", password = "demo-password") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
}

/**
 * Types part of a name in a form's search box (an agency, a jurisdiction) and picks the suggestion whose text
 * starts with `option`: the box then holds that name and the form sends its id.
 */
export async function pickInBox(page: Page, label: string, typed: string, option: string, shown = option) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.fill(typed);
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await page.getByRole("option", { name: new RegExp(`^${escaped}`) }).first().click();
  await expect(box).toHaveValue(shown);
}
