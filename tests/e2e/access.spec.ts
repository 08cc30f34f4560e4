import { expect, test, type Browser } from "@playwright/test";
import { signIn } from "./support";

// Every page here must hydrate under the Content-Security-Policy: a CSP violation or a console error fails.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    // The 403 page of the test below is expected; anything else on the console is not.
    if (message.type() === "error" && !message.text().includes("status of 403")) throw new Error(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    throw error;
  });
});

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, "demo-password");
  return { context, page };
}

test("pages hydrate under the Content-Security-Policy and navigate without reloading", async ({ page }) => {
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  await signIn(page, "demo@example.org", "demo-password");

  // A hydrated app fetches the next page's data instead of loading a new document.
  const dataRequest = page.waitForRequest((r) => r.url().includes("_data=") && r.url().includes("/agencies"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agencies" }).click();
  await dataRequest;
  await expect(page.getByRole("heading", { level: 1, name: "Agencies" })).toBeVisible();

  // The other pages load under the same policy without a violation (the console listener above).
  for (const [path, heading] of [
    ["/requests/new", "New request"],
    ["/analytics", "Analytics"],
    ["/chase", "Chase board"],
    ["/jurisdictions", "Jurisdictions"],
    ["/laws/PA", /PA|Pennsylvania/],
    ["/settings/calendar", "Calendar feed"],
    ["/admin/users", "Users"],
    ["/admin/audit", "Audit log"],
    ["/account", "Your account"],
    ["/account/tokens", "API tokens"],
    ["/deadlines", "When is a records request due?"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
});

test("an admin disables a user, whose open session ends at once, then enables them again", async ({ page, browser }) => {
  const maya = await signedInPage(browser, "maya@example.org");

  await signIn(page, "demo@example.org", "demo-password");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Disable Maya Torres" }).click();
  await expect(page.getByRole("status")).toHaveText("User disabled: their sessions have ended and their API tokens no longer work.");
  await expect(page.getByRole("row", { name: /Maya Torres/ })).toContainText("Disabled");

  await maya.page.reload();
  await expect(maya.page).toHaveURL(/\/login/);

  await page.getByRole("button", { name: "Enable Maya Torres" }).click();
  await expect(page.getByRole("status")).toHaveText("User enabled: they can sign in again.");
  await signIn(maya.page, "maya@example.org", "demo-password");
  await maya.context.close();

  await page.getByRole("link", { name: "audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  // Newest first: Maya's sign-in after being enabled, then the enabling, then the disabling.
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("Signed in");
  await expect(rows.nth(1)).toContainText("Maya Torres");
  await expect(rows.nth(2)).toContainText("User enabled");
  await expect(rows.nth(2)).toContainText("maya@example.org");
  await expect(rows.nth(3)).toContainText("User disabled");
  await expect(rows.nth(3)).toContainText("Dana Demo");
});

test("a user creates an API token, uses it on the JSON API, and revokes it", async ({ page, request }) => {
  await signIn(page, "sam@example.org", "demo-password");
  // Sam is an advocate: no Users link, and the page itself is a friendly 403.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  const forbidden = await page.goto("/admin/users");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this" })).toBeVisible();
  await expect(page.getByText("Your role (Advocate) can't do this: invite people, change roles, disable and enable users.")).toBeVisible();
  await page.goto("/requests");
  await page.getByRole("link", { name: /Sam Okafor/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^jat_/);

  const api = await request.get("/api/v1/requests", { headers: { Authorization: `Bearer ${token}` } });
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { total: number }).total).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByLabel("Token", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByRole("status")).toHaveText("Token revoked: it no longer works.");
  expect((await request.get("/api/v1/requests", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});
