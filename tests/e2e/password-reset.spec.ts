import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("someone who forgot their password gets a link by email, chooses a new one and is signed in", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill("riley@example.org");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address, we sent a link to choose a new password; it works for 60 minutes.");

  // No SMTP_URL: the message is in the development mailbox, where an admin of the organization may read it.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "demo@example.org", "demo-password");
  await adminPage.goto("/outbox");
  await adminPage.getByRole("row").filter({ hasText: "riley@example.org" }).getByRole("link", { name: "Reset your JointAsk password" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Reset your JointAsk password" })).toBeVisible();
  const body = await adminPage.getByRole("region", { name: "Message", exact: true }).innerText();
  const link = /\/reset-password\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link).toBeTruthy();
  await admin.close();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("riley-new-password");
  await page.getByLabel("Confirm new password").fill("riley-new-password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Your password is changed and you are signed in. Every other session of your account has ended.");

  // The link worked once.
  const again = await page.goto(link!);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "This link was already used" })).toBeVisible();
});
