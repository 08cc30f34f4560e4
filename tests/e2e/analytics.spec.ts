import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("sign-in opens My week, whose figures link to the lists behind them", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
  const overdue = page.getByRole("region", { name: "Overdue" });
  await expect(overdue.getByText("Assigned to me")).toBeVisible();
  await expect(overdue.getByText("Organization")).toBeVisible();
  await page.getByRole("region", { name: "Due in the next 7 days" }).getByRole("link", { name: /in the organization$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  await expect(page).toHaveURL(/owner=own&sort=due&dir=asc/);
});

test("analytics draws its charts as images with a table and a CSV of the same numbers, and filters without JavaScript", async ({ page, browser }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();

  const byAgency = page.getByRole("region", { name: "Days to first response, by agency" });
  const chart = byAgency.getByRole("img");
  await expect(chart).toHaveAttribute("aria-label", /Median and quartiles of days to first response/);
  await expect(byAgency.getByText("Days to first response (calendar days)")).toBeVisible();
  await expect(byAgency.getByText(/n = \d+ answered requests/)).toBeVisible();
  const table = byAgency.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Response median (days)" })).toBeVisible();
  const firstAgency = (await table.getByRole("rowheader").first().textContent())!.trim();
  expect(firstAgency.length).toBeGreaterThan(0);

  // Every chart on the page is an image with a name, in a section that has a table.
  const images = page.locator("main figure.chart svg[role=img]");
  expect(await images.count()).toBeGreaterThanOrEqual(5);
  for (const svg of await images.all()) await expect(svg).toHaveAttribute("aria-label", /\S/);

  const csvHref = await byAgency.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("Agency,Law,Statutory period,Requests");
  expect(text).toContain(firstAgency);

  // The filter form is a plain GET: it works with JavaScript off.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await signIn(noJs);
  await noJs.goto("/analytics");
  await noJs.getByLabel("State", { exact: true }).selectOption({ label: "Pennsylvania" });
  await noJs.getByRole("button", { name: "Show" }).click();
  await expect(noJs).toHaveURL(/state=PA/);
  await expect(noJs.getByRole("region", { name: "Days to first response, by state law" }).getByRole("table").getByRole("rowheader").first()).toHaveText("PA");
  await context.close();
});

test("an agency page shows the agency's own figures", async ({ page }) => {
  await signIn(page);
  await page.goto("/agencies");
  await page.getByRole("link", { name: "Oakland Police Department" }).first().click();
  const card = page.getByRole("region", { name: "How it answers" });
  await expect(card.getByText("Requests (n)")).toBeVisible();
  await expect(card.getByText("Median days to first response")).toBeVisible();
  await expect(card.getByRole("link", { name: "More in analytics" })).toHaveAttribute("href", /\/analytics\?agency=/);
});
