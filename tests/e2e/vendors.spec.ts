import { expect, test, type Page } from "@playwright/test";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill("demo@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

const RMS = "Enterprise Law Enforcement Records (New World RMS)";

test("from a product page, a coordinator starts a joint ask for three cities and tracks the three requests", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByRole("link", { name: "Tyler Technologies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tyler Technologies" })).toBeVisible();
  // Madison gets its CAD through the county 911 center: grouping follows the hosting.
  await expect(page.getByRole("row", { name: /Madison Police Department/ })).toContainText("through Dane County Public Safety Communications");

  await page.getByRole("link", { name: RMS, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: RMS })).toBeVisible();
  await expect(page.getByText("3 cities and counties")).toBeVisible();
  await page.getByRole("link", { name: "Start a joint ask" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "New joint ask" })).toBeVisible();
  const targets = page.getByRole("group", { name: "Agencies to ask" }).getByRole("checkbox");
  await expect(targets).toHaveCount(3);
  for (const agency of ["Harrisburg Bureau of Police", "Madison Police Department", "Dane County Sheriff's Office"]) {
    await expect(page.getByRole("checkbox", { name: new RegExp(agency) })).toBeChecked();
  }
  await page.getByLabel("Title", { exact: true }).fill("Use of force from the shared RMS");
  await page.getByLabel("What is asked").fill("Use-of-force reports since 2020 as the RMS's standard export.");
  await page.getByLabel("Record types").fill("use of force");
  await page.getByLabel("Submitted today (each gets its own due date)").check();

  await page.getByRole("button", { name: "Preview letters" }).click();
  const preview = page.getByRole("region", { name: /Preview/ });
  await expect(preview).toContainText("To the records custodian, Harrisburg Bureau of Police");
  await expect(preview).toContainText("Under the Right-to-Know Law (65 P.S. § 67.901)");
  await expect(preview).toContainText("Wisconsin Public Records Law");

  await page.getByRole("button", { name: "Create the requests" }).click();
  await expect(page.getByRole("status")).toHaveText("Joint ask created with 3 requests.");
  await expect(page.getByRole("heading", { level: 1, name: "Use of force from the shared RMS" })).toBeVisible();

  const table = page.getByRole("table", { name: "Requests of this joint ask" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("checkbox") });
  await expect(rows).toHaveCount(3);
  await expect(table).toContainText("Harrisburg Bureau of Police");
  await expect(table).toContainText("Madison Police Department");
  await expect(table).toContainText("Dane County Sheriff's Office");
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    await expect(row.getByRole("cell").filter({ hasText: "Submitted" })).toHaveCount(1);
    // Each request is under its own state's law, with its own response time.
    await expect(row.locator('td[data-label="Due"]')).not.toBeEmpty();
  }
  await expect(rows.filter({ hasText: "Harrisburg" })).toContainText("Right-to-Know Law");
  await expect(rows.filter({ hasText: "Harrisburg" })).toContainText("5 business days");
  await expect(rows.filter({ hasText: "Madison" })).toContainText("Wisconsin Public Records Law");

  // One follow-up on every open request at once, recorded on each request's timeline.
  await page.getByText("Log a follow-up").click();
  await page.getByLabel("Follow-up sent").fill("Checking in on our request of today.");
  await page.getByRole("button", { name: "Log follow-up on selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Follow-up logged on 3 requests.");
  await rows.filter({ hasText: "Madison" }).getByRole("link").first().click();
  await expect(page.getByRole("list", { name: "Timeline, oldest first" })).toContainText("Added to the joint ask “Use of force from the shared RMS”");
  await expect(page.getByRole("list", { name: "Timeline, oldest first" }).getByText("Checking in on our request of today.")).toBeVisible();
});

test("a bad import file is refused with its problems listed by line, and nothing is imported", async ({ page }) => {
  await signIn(page);
  await page.goto("/vendors/import");
  await page
    .getByLabel("Or paste the CSV")
    .fill(["state,place,agency,system_type,vendor,product", "WI,Verona,Verona Police,RMS,Tyler Technologies,New World RMS", "ZZ,Nowhere,Nowhere Police,RMS,Tyler Technologies,New World RMS"].join("\n"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing has been imported" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Problems by line" }).getByRole("row", { name: /3 state Unknown state “ZZ”/ })).toBeVisible();
  await page.goto("/agencies?q=Verona");
  await expect(page.getByText("No agency matches that name.")).toBeVisible();
});
