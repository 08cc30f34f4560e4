import { expect, test, type Page } from "@playwright/test";
import { pickInBox, signIn } from "./support";

async function changeStatus(page: Page, label: string) {
  await page.getByLabel("New status").selectOption({ label });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("status")).toHaveText(`Status changed to ${label}.`);
  await expect(page.locator(".page-header").getByText(label, { exact: true })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("a coordinator files a request, moves it through three statuses, adds a note and reads the timeline", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests");
  await expect(page.getByRole("link", { name: "Traffic stops 2021–present" }).first()).toBeVisible();

  await page.getByRole("link", { name: "New request" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Dispatch audio retention policy");
  await page.getByLabel("What is asked").fill("The retention schedule for 911 call recordings and CAD data.");
  await pickInBox(page, "Agency", "madison pol", "Madison Police Department");
  await page.getByLabel("Tags").fill("retention, calls for service");
  await page.getByRole("button", { name: "Create request" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dispatch audio retention policy");
  await expect(page.getByRole("status")).toContainText("created");
  await expect(page.locator(".page-header").getByText("Draft", { exact: true })).toBeVisible();

  await changeStatus(page, "Submitted");
  await changeStatus(page, "Acknowledged");
  await changeStatus(page, "Fulfilled");

  await page.getByText("Add a note").click();
  await page.getByLabel("Note", { exact: true }).fill("Received the schedule as a PDF.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("status")).toHaveText("Note added.");

  const headlines = page.getByRole("list", { name: "Timeline, oldest first" }).locator(".timeline__headline");
  await expect(headlines).toHaveText([
    "Request created as Draft",
    "Status changed from Draft to Submitted",
    "Status changed from Submitted to Acknowledged",
    "Status changed from Acknowledged to Fulfilled",
    "Note added",
  ]);
  await expect(page.getByText("Received the schedule as a PDF.")).toBeVisible();

  // Editing shows the form, saves, and says on the timeline what changed.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Edit request [A-Z0-9]+-\d+/ })).toBeVisible();
  await page.getByLabel("Agency tracking number").fill("MPD-26-900");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(headlines.last()).toHaveText("Edited tracking number");
  await expect(page.getByText("MPD-26-900").first()).toBeVisible();

  // The new request is in the list, findable by its tag.
  await page.goto("/requests?tag=retention");
  await expect(page.getByRole("link", { name: "Dispatch audio retention policy" })).toBeVisible();
});

test("a filed date in the future gets a field error, with and without JavaScript", async ({ page, browser }) => {
  await signIn(page);
  await page.goto("/requests/new");
  await page.getByLabel("Title", { exact: true }).fill("Bad date");
  await page.getByLabel("What is asked").fill("Anything");
  await pickInBox(page, "Agency", "oakland", "Oakland Police Department");
  await page.getByLabel("Filed date", { exact: true }).fill("2099-01-01");
  await page.getByRole("button", { name: "Create request" }).click();
  const filed = page.getByLabel("Filed date", { exact: true });
  await expect(filed).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Filed date can't be in the future")).toBeVisible();
  await expect(page).toHaveURL(/\/requests\/new$/);

  // Without JavaScript the server answers the same way (status 400, the message by the field).
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await signIn(noJs);
  await noJs.goto("/requests/new");
  await noJs.getByLabel("Title", { exact: true }).fill("Bad date");
  await noJs.getByLabel("What is asked").fill("Anything");
  // Without JavaScript the agency box is a text box: the server finds the one agency the name typed means.
  await noJs.getByLabel("Agency", { exact: true }).fill("Oakland Police Department");
  await noJs.getByLabel("Filed date", { exact: true }).fill("2099-01-01");
  const [response] = await Promise.all([
    noJs.waitForResponse((r) => r.url().endsWith("/requests/new") && r.request().method() === "POST"),
    noJs.getByRole("button", { name: "Create request" }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(noJs.getByText("Filed date can't be in the future")).toBeVisible();
  await expect(noJs.getByLabel("Title", { exact: true })).toHaveValue("Bad date");
  await expect(noJs.getByLabel("Agency", { exact: true })).toHaveValue("Oakland Police Department");
  await context.close();
});

test("another organization's request is a 404 page that reveals nothing", async ({ page }) => {
  await signIn(page);
  const response = await page.goto(`/requests/${process.env.E2E_OTHER_REQUEST_ID}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(process.env.E2E_OTHER_TITLE!);
  const api = await page.request.get(`/api/v1/requests/${process.env.E2E_OTHER_REQUEST_ID}`);
  expect(api.status()).toBe(404);
});

test("an agency's edit page shows its form and saves", async ({ page }) => {
  await signIn(page);
  await page.goto("/agencies");
  await page.getByRole("link", { name: "Madison Police Department" }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Madison Police Department" })).toBeVisible();
  await page.getByLabel("Records contact").fill("Records Custodian (Lt. Ortiz)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Agency saved.");
  await expect(page.getByText("Records Custodian (Lt. Ortiz)")).toBeVisible();
});

test("signed-out visitors are sent to sign in, and come back after", async ({ page }) => {
  await page.goto("/agencies");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fagencies/);
  await page.getByLabel("Email").fill("demo@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agencies" })).toBeVisible();
});
