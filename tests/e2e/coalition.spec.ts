import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 7's path through the app: an admin invites a coordinator by email, who accepts from the link in the
// development outbox, then sees the coalition's shared joint ask but not the partner's private request; a
// signed-out visitor reads a published request.

const PARTNER = "Bay Area Records Collective";
const PARTNER_SHARED = "Traffic stops 2021–present (Richmond)";
const PARTNER_PRIVATE = "Gunshot-detection alerts and dispatch outcomes (draft, not shared)";
const PARTNER_PUBLISHED = "Use-of-force reports 2020–present (Berkeley)";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("an invited coordinator joins, sees the coalition's shared joint ask but not the partner's private request", async ({ page, browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, "demo@example.org", "demo-password");
  await adminPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  const invite = adminPage.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email").fill("cora@example.org");
  await invite.getByLabel("Role", { exact: true }).selectOption({ label: "Coordinator" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(adminPage.getByRole("status")).toContainText("cora@example.org");

  // No SMTP_URL: the invitation waits in the development mailbox.
  await adminPage.goto("/outbox");
  await adminPage.getByRole("row").filter({ hasText: "cora@example.org" }).getByRole("link").first().click();
  const body = await adminPage.getByRole("region", { name: "Message", exact: true }).innerText();
  const link = /\/invitations\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  await admin.close();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: /Join Three Rivers Police Data Coalition/ })).toBeVisible();
  await page.getByLabel("Your name").fill("Cora Coordinator");
  await page.getByLabel("Password", { exact: true }).fill("cora-password-1");
  await page.getByLabel("Confirm password").fill("cora-password-1");
  await page.getByRole("button", { name: /^Join / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cora Coordinator/ })).toBeVisible();

  // The coalition: the partner organization is a member.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coalition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Police Data Coalition" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(PARTNER) })).toBeVisible();

  // The shared joint ask lists the partner's request, marked as theirs.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Joint asks" }).click();
  await page.getByRole("link", { name: "Traffic stops 2021–present", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Traffic stops 2021–present" })).toBeVisible();
  const partnerRow = page.getByRole("table", { name: "Requests of this joint ask" }).getByRole("row", { name: /Richmond Police Department/ });
  await expect(partnerRow).toContainText(PARTNER);
  // Bulk actions are for the organization's own requests only.
  await expect(partnerRow.getByRole("checkbox")).toHaveCount(0);

  // The partner's shared request opens read-only; its private one is nowhere.
  await partnerRow.getByRole("link", { name: "Richmond Police Department" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(PARTNER_SHARED.replace(/[()]/g, "\\$&")) })).toBeVisible();
  await expect(page.getByRole("note")).toContainText(`${PARTNER} shares this request with your coalition`);
  await expect(page.getByRole("button", { name: "Change status" })).toHaveCount(0);
  await page.goto("/requests?q=Gunshot");
  await expect(page.getByText("No requests match these filters")).toBeVisible();
  await page.goto("/requests?pageSize=100");
  await expect(page.getByRole("link", { name: PARTNER_SHARED })).toBeVisible();
  await expect(page.getByText(PARTNER_PRIVATE)).toHaveCount(0);
});

test("a signed-out visitor reads a published request, and nothing private", async ({ page }) => {
  await page.goto("/r");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(PARTNER_PRIVATE)).toHaveCount(0);
  await expect(page.getByText("Contracts with the RMS vendor")).toHaveCount(0); // public, but under embargo
  await page.getByRole("link", { name: PARTNER_PUBLISHED }).click();
  await expect(page.getByRole("heading", { level: 1, name: PARTNER_PUBLISHED })).toBeVisible();
  await expect(page.getByText("Fulfilled").first()).toBeVisible();
  await expect(page.getByText("Received a CSV of 2,314 reports with hashed officer ids.")).toBeVisible();
  await expect(page.getByText("Priya Partner")).toHaveCount(0);
});
