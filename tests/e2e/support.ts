import { expect, type Page } from "@playwright/test";

/** Signs in through the login form (the demo admin unless told otherwise) and waits for the home page (My week). */
export async function signIn(page: Page, email = "demo@example.org", password = "demo-password") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
}
