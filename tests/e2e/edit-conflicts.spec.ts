import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("two people editing one agency: the second save is refused with both versions, and saving again keeps it", async ({ page, context }) => {
  await signIn(page);
  await page.goto("/agencies");
  await page.getByRole("link", { name: "Madison Police Department" }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Madison Police Department" })).toBeVisible();
  const editUrl = page.url();
  const other = await context.newPage();
  await other.goto(editUrl);

  const stamp = Date.now().toString(36);
  await page.getByLabel("Records contact").fill(`Lt. Ortiz ${stamp}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Agency saved.");

  await other.getByLabel("Request portal").fill(`https://records.example.org/${stamp}`);
  await other.getByRole("button", { name: "Save" }).click();
  const conflict = other.getByRole("alert").filter({ has: other.getByRole("heading", { name: "Someone else saved first" }) });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Records contact/ })).toContainText(`Lt. Ortiz ${stamp}`);
  // The form still holds what this person typed.
  await expect(other.getByLabel("Request portal")).toHaveValue(`https://records.example.org/${stamp}`);

  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("status")).toHaveText(/Agency saved\./);
});
