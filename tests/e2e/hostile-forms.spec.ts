import { expect, test } from "@playwright/test";
import { pickInBox, signIn } from "./support";

// Hand-made form posts a browser never sends, against the production server: each answered with a 4xx page,
// never a 500.

test("the fields page renders a hand-made list longer than the request's fields, and hostile shapes get a 4xx", async ({ page }) => {
  await signIn(page);
  await page.goto("/requests");
  // A request with two fields asked, so the page has its "what came back" form.
  await page.getByRole("link", { name: "New request" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Hostile form target");
  await page.getByLabel("What is asked").fill("Stop data since 2021.");
  await pickInBox(page, "Agency", "madison pol", "Madison Police Department");
  await page.getByRole("button", { name: "Create request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hostile form target");
  await page.getByText("Choose the fields asked").click();
  await page.getByText(/^Stops \(0 of \d+ asked\)$/).click();
  const stops = page.getByRole("group", { name: "Stops", exact: true });
  for (const label of ["Date", "Subject race"]) await stops.getByLabel(label, { exact: true }).check();
  await page.getByRole("button", { name: "Save fields asked" }).click();
  await expect(page.getByRole("status")).toHaveText("Fields asked: 2 added.");
  const requestUrl = new URL(page.url());
  const fieldsUrl = `${requestUrl.pathname}/fields`;

  // A document POST (no JavaScript): the page is rendered with the form's errors, not a server error (the form
  // once rendered a row for each of the 1,001 submitted entries, and the 3rd had no field: a 500).
  const longList = await page.request.post(fieldsUrl, { form: { intent: "update-states", "fields[1000].id": "x", "fields[1000].state": "received" } });
  expect(longList.status()).toBe(400);

  const hostile = await page.request.post(fieldsUrl, { form: { intent: "update-states", "fields[20000000].id": "x" } });
  expect(hostile.status()).toBe(400);
  expect(await hostile.text()).toContain("has an index above");

  const login = await page.request.post("/login", { headers: { "Content-Type": "text/plain" }, data: "email=a@b.org" });
  expect(login.status()).toBe(415);

  const nul = await page.request.get("/r?q=%00");
  expect(nul.status()).toBe(400);

  const redirect = await page.request.post("/login", {
    form: { email: "demo@example.org", password: "demo-password", redirectTo: "/requests?q=Łódź" },
    maxRedirects: 0,
  });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers().location).toBe("/requests?q=%C5%81%C3%B3d%C5%BA");
});
