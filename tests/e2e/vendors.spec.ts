import { expect, test } from "@playwright/test";
import { signIn } from "./support";
import { dueDateFor, lawFor } from "../../app/domain/deadlines";
import { describeDue, todayIn } from "../../app/utils/dates";

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

const RMS = "Enterprise Law Enforcement Records (New World RMS)";

// Added to the demo by tests/e2e/prepare.ts: three cities on Mark43 RMS under three different laws.
const MARK43_CITIES = [
  { agency: "Denver Police Department", state: "CO" },
  { agency: "Reading Police Department", state: "PA" },
  { agency: "Baltimore Police Department", state: "MD" },
] as const;

test("grouping follows hosting: the vendor page shows who uses a product through a host", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByRole("link", { name: "Tyler Technologies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tyler Technologies" })).toBeVisible();
  // Madison gets its CAD through the county 911 center: grouping follows the hosting.
  await expect(page.getByRole("row", { name: /Madison Police Department/ })).toContainText("through Dane County Public Safety Communications");
  // The map draws the state outlines from one cached file (not in the page): Wisconsin's has a size once it loads.
  const wisconsin = page.locator("svg.us-map__svg use").filter({ has: page.locator("title", { hasText: /^Wisconsin:/ }) });
  await expect.poll(() => wisconsin.evaluate((use) => (use as SVGGraphicsElement).getBBox().width)).toBeGreaterThan(10);
  await expect(page.locator(".us-map path")).toHaveCount(0);
  await page.getByRole("link", { name: RMS, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: RMS })).toBeVisible();
  await expect(page.getByText("3 cities and counties")).toBeVisible();
});

test("from a product page, a coordinator starts a joint ask for three cities and tracks the three requests", async ({ page }) => {
  // Due dates are counted from today in the organization's time zone, each under its own state's law.
  const today = todayIn("America/New_York");
  const expected = MARK43_CITIES.map((c) => {
    const law = lawFor(c.state)!;
    const due = dueDateFor(c.state, today);
    if (!due) throw new Error(`${c.state} should have a fixed response time`);
    return { ...c, lawName: law.lawName, due, shown: describeDue(due, today) };
  });
  expect(new Set(expected.map((e) => e.due)).size).toBe(3);

  await signIn(page, "maya@example.org");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
  await page.getByRole("link", { name: "Mark43", exact: true }).click();
  await page.getByRole("link", { name: "Mark43 RMS", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mark43 RMS" })).toBeVisible();
  await expect(page.getByText("3 cities and counties")).toBeVisible();
  await page.getByRole("link", { name: "Start a joint ask" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "New joint ask" })).toBeVisible();
  const targets = page.getByRole("group", { name: "Agencies to ask" }).getByRole("checkbox");
  await expect(targets).toHaveCount(3);
  for (const { agency } of MARK43_CITIES) await expect(page.getByRole("checkbox", { name: new RegExp(agency) })).toBeChecked();
  await page.getByLabel("Title", { exact: true }).fill("Use of force from Mark43 RMS");
  await page.getByLabel("What is asked").fill("Use-of-force reports since 2020 as the RMS's standard export.");
  // The ask from the catalog: a record type and two of its fields, record-level, de-identified.
  await page.getByRole("checkbox", { name: "Use of Force Reports", exact: true }).check();
  await page.locator("summary", { hasText: "Use of Force Reports" }).click();
  const uofFields = page.getByRole("group", { name: "Use of Force Reports", exact: true });
  await uofFields.getByRole("checkbox", { name: "Subject race" }).check();
  await uofFields.getByRole("checkbox", { name: "Officer id (hashed)" }).check();
  await page.getByLabel("Record-level (one row per stop, call, complaint...)").check();
  await page.getByLabel("Asked for de-identified data", { exact: false }).check();
  await page.getByLabel("Submitted today (each gets its own due date)").check();

  await page.getByRole("button", { name: "Preview letters" }).click();
  const preview = page.getByRole("region", { name: /Preview/ });
  for (const e of expected) {
    await expect(preview).toContainText(new RegExp(`To the [^,]+, ${e.agency}:`));
    await expect(preview).toContainText(e.lawName);
  }

  await page.getByRole("button", { name: "Create the requests" }).click();
  await expect(page.getByRole("status")).toHaveText("Joint ask created with 3 requests.");
  await expect(page.getByRole("heading", { level: 1, name: "Use of force from Mark43 RMS" })).toBeVisible();

  const table = page.getByRole("table", { name: "Requests of this joint ask" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("checkbox") });
  await expect(rows).toHaveCount(3);
  const shownDates: string[] = [];
  for (const e of expected) {
    const row = rows.filter({ hasText: e.agency });
    await expect(row.getByRole("cell").filter({ hasText: "Submitted" })).toHaveCount(1);
    await expect(row.locator('td[data-label="Law"]')).toContainText(e.lawName);
    // Each request's own statutory due date, worked out from its state's law and today.
    const due = row.locator('td[data-label="Due"]');
    await expect(due).toHaveText(e.shown);
    shownDates.push((await due.textContent()) ?? "");
  }
  expect(new Set(shownDates).size).toBe(3);

  // The city-by-field grid: a row per request, a column per field asked, each state in words.
  const matrix = page.getByRole("table", { name: "What came back for each field asked, by request" });
  await expect(matrix.getByRole("columnheader", { name: /Subject race/ })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: /Officer id \(hashed\)/ })).toBeVisible();
  for (const { agency } of MARK43_CITIES) {
    const row = matrix.getByRole("row", { name: new RegExp(agency) });
    await expect(row.getByRole("rowheader")).toContainText(agency);
    await expect(row.getByRole("cell").filter({ hasText: "Not yet" })).toHaveCount(2);
    await expect(row).toContainText("0 of 2 fields received");
  }

  // The list of targets is searched and filtered by a GET form (the filters stay in the address), 50 a page.
  const find = page.getByRole("search", { name: "Find targets" });
  await find.getByLabel("City, county or agency").fill("denver");
  await find.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/q=denver/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Denver");
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("1 matching request");
  await find.getByLabel("City, county or agency").fill("");
  await find.getByLabel("Request status").selectOption({ label: "Draft" });
  await find.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("No request of this joint ask matches these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(rows).toHaveCount(3);

  // One follow-up on every open request at once, recorded on each request's timeline.
  await page.getByText("Log a follow-up").click();
  await page.getByLabel("Follow-up sent").fill("Checking in on our request of today.");
  await page.getByRole("button", { name: "Log follow-up on selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Follow-up logged on 3 requests.");
  await rows.filter({ hasText: "Denver" }).getByRole("link").first().click();
  await expect(page.getByRole("list", { name: "Timeline, oldest first" })).toContainText("Added to the joint ask “Use of force from Mark43 RMS”");
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
  await expect(page.getByText("No agency matches that name")).toBeVisible();
});
