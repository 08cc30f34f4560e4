import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// A coordinator publishes a request; a signed-out visitor finds it on /r and reads its page, which search
// engines may index, under the Content-Security-Policy and without serious accessibility problems.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    // The 404 of an unknown public address (below) is expected; anything else on the console is not.
    if (message.type() === "error" && !message.text().includes("status of 404")) throw new Error(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    throw error;
  });
});

async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    label,
  ).toEqual([]);
}

test("a published request is on the public index and its public page, for anyone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My week" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Public requests" })).toBeVisible();

  // Publish the first request of the list.
  const first = page.getByRole("table", { name: "Requests" }).locator("a.row-title").first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await page.getByText("Change who can see it").click();
  await page.getByRole("radio", { name: /^Public/ }).check();
  await page.getByRole("button", { name: "Save who can see it" }).click();
  // Publishing shows the public page as it will read first.
  await expect(page.getByRole("heading", { level: 1, name: "Publish this request" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "The public page, as it will read" })).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("The request is public.")).toBeVisible();
  await page.getByRole("link", { name: "Its public page" }).click();
  await expect(page).toHaveURL(/\/r\/[a-z0-9-]+$/);
  const publicUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Signed out: the index lists it and its search finds it.
  const index = await page.goto("/r");
  expect(index!.headers()["x-robots-tag"]).toBeUndefined();
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Public records requests" })).toBeVisible();
  await page.getByLabel("Search title and text").fill(title);
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: /Published requests matching the search/ });
  await expect(table.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page, "/r");
  await table.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const response = await page.goto(publicUrl);
  expect(response!.status()).toBe(200);
  expect(response!.headers()["x-robots-tag"]).toBeUndefined();
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /public-records request by/);
  await expect(page).toHaveTitle(`${title} · Public records request · JointAsk`);
  for (const heading of ["What is asked", "Files received", "Timeline", "Summary", "Deadline"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  // No one of the organization is named (the demo's people), and there are no links into the app.
  const text = await page.locator("main").innerText();
  for (const name of ["Dana Demo", "Sam Okafor", "demo@example.org"]) expect(text).not.toContain(name);
  await expect(page.locator('main a[href^="/requests"], main a[href^="/outbox"], main a[href^="/inbox"]')).toHaveCount(0);
  await expectAccessible(page, "/r/:slug");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "/r/:slug on a phone");

  // Other pages stay out of search engines; an unknown address is a plain 404.
  const login = await page.goto("/login");
  expect(login!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  const missing = await page.goto("/r/no-such-request-0000000000");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No public request here" })).toBeVisible();
});
