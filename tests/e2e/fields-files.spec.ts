import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { pickInBox, signIn } from "./support";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const fixture = path.join(fixtures, "stops-3-of-5.csv");

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

test("an advocate asks for 5 fields, uploads a CSV holding 3 of them, confirms the matches and sees 3 of 5", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests");
  await page.getByRole("link", { name: "New request" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Stop data with hashed officer ids");
  await page.getByLabel("What is asked").fill("Record-level stop data since 2021 with subject race and a hashed officer id.");
  await pickInBox(page, "Agency", "madison pol", "Madison Police Department");
  await page.getByRole("button", { name: "Create request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stop data with hashed officer ids");
  await expect(page.getByText("No fields asked")).toBeVisible();

  await page.getByText("Choose the fields asked").click();
  await page.getByText(/^Stops \(0 of \d+ asked\)$/).click();
  const stops = page.getByRole("group", { name: "Stops", exact: true });
  for (const label of ["Date", "Subject race", "Subject sex", "Officer id (hashed)", "Reason for stop"]) {
    await stops.getByLabel(label, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Save fields asked" }).click();
  await expect(page.getByRole("status")).toHaveText("Fields asked: 5 added.");
  await expect(page.getByText("0 of 5 fields received")).toBeVisible();

  await page.getByLabel("File", { exact: true }).setInputFiles(fixture);
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "stops-3-of-5.csv" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText('Received "stops-3-of-5.csv"');
  await expect(page.getByText("3 of 5 fields asked were found among this file's columns.")).toBeVisible();
  await expect(page.getByLabel("Record Subject race as")).toHaveValue("received");
  await expect(page.getByLabel("Record Officer id (hashed) as")).toHaveValue("received");
  await expect(page.getByLabel("Record Subject sex as")).toHaveValue("not_yet");
  await expect(page.getByRole("table", { name: "First 5 of 5 rows" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download", exact: true }).click();
  expect((await download).suggestedFilename()).toBe("stops-3-of-5.csv");

  // The profile is computed in the background; the page updates by itself when it is done.
  await expect(page.getByRole("heading", { name: "Checked against the ask" })).toBeVisible({ timeout: 20_000 });
  const profile = page.getByRole("region", { name: "Dataset profile" });
  await expect(profile.getByRole("rowheader", { name: "Badge Hash" })).toBeVisible();

  await page.getByRole("button", { name: "Confirm what came back" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved what came back for 3 fields.");
  await page.getByRole("link", { name: /Stop data with hashed officer ids/ }).click();
  await expect(page.getByText("3 of 5 fields received")).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline, oldest first" });
  await expect(timeline.getByText("File received: stops-3-of-5.csv (245 bytes)")).toBeVisible();
  // One entry lists the three changes.
  await expect(timeline.getByText("What came back recorded for 3 fields, from stops-3-of-5.csv")).toBeVisible();
  await expect(timeline.getByText(/Subject race \(Stops\): received, was not yet/)).toBeVisible();

  await page.getByRole("link", { name: "Requests", exact: true }).first().click();
  const row = page.getByRole("row").filter({ hasText: "Stop data with hashed officer ids" });
  await expect(row.getByRole("cell", { name: "3 of 5" })).toBeVisible();
});

test("a file whose content contradicts its name is refused on the form, and nothing is added", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests");
  await page.getByRole("link", { name: "Body camera policy and audit logs" }).first().click();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "calls.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("call_id,priority\n1,2\n") });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText(/"calls.xlsx" is named as an Excel workbook, but it is not a zip archive/)).toBeVisible();
  await expect(page.getByLabel("File", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No files received yet")).toBeVisible();
});

test("a received PDF is shown in a sandboxed frame on its preview page, and can still be downloaded", async ({ page }) => {
  const policyErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to frame/i.test(message.text())) policyErrors.push(message.text());
  });
  await signIn(page);
  await page.goto("/requests");
  await page.getByRole("link", { name: "Body camera policy and audit logs" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Body camera policy and audit logs");
  const requestUrl = page.url();
  expect(requestUrl).toMatch(/\/requests\/[0-9a-f-]{36}$/);
  // The PDF came with an email from the agency: log it, then attach the file to it.
  await page.getByText("Log a communication").click();
  await page.getByRole("textbox", { name: "Summary" }).fill("The agency emailed its body camera policy.");
  await page.getByRole("button", { name: "Log communication" }).click();
  await expect(page.getByRole("status")).toHaveText("Communication logged.");
  const cameWithSelect = page.getByLabel("Came with (optional)");
  const emailed = await cameWithSelect.locator("option", { hasText: "The agency emailed its body camera policy." }).getAttribute("value");
  await cameWithSelect.selectOption(emailed!);
  await page.getByLabel("File", { exact: true }).setInputFiles(path.join(fixtures, "three-pages.pdf"));
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "three-pages.pdf" })).toBeVisible();
  await expect(page.getByText(/A PDF of 3 pages/)).toBeVisible();
  const cameWith = page.getByRole("definition").filter({ hasText: "The agency emailed its body camera policy." });
  await expect(cameWith).toContainText("Received from agency by email");

  const frame = page.getByTitle("three-pages.pdf (PDF)");
  await expect(frame).toHaveAttribute("sandbox", "");
  const src = await frame.getAttribute("src");
  expect(src).toMatch(/^\/requests\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}\/inline$/);
  await expect(page.getByRole("link", { name: "Download", exact: true })).toBeVisible();

  // Only this page's policy allows a frame, and only from this site; the PDF itself may only be framed by us, sandboxed.
  const previewPolicy = (await page.request.get(page.url())).headers()["content-security-policy"];
  expect(previewPolicy).toContain("frame-src 'self'");
  expect((await page.request.get(requestUrl)).headers()["content-security-policy"]).toContain("frame-src 'none'");
  const pdf = await page.request.get(src!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-security-policy"]).toMatch(/^sandbox;.*frame-ancestors 'self'/);
  expect(pdf.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Back on the request page, the files card opens the preview as a page of its own: the frame is allowed there too.
  await page.goto(requestUrl);
  await expect(page.getByRole("row", { name: /three-pages\.pdf/ })).toContainText("Came with: Received from agency by email");
  await page.getByRole("link", { name: "three-pages.pdf", exact: true }).click();
  await expect(page.getByTitle("three-pages.pdf (PDF)")).toHaveAttribute("src", src!);
  expect(policyErrors).toEqual([]);
});
