import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signIn } from "./support";
import { DEFAULT_AGENCY_LETTER } from "../../app/domain/letters";

// A script files a joint ask to three agencies through the API alone, with a token made on the tokens page;
// the joint ask page then shows the three letters sent.

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
});

type Agency = { id: string; name: string; recordsContactEmail: string | null };

test("a token made on the tokens page files a three-agency joint ask through the API, and the page shows 3 sent", async ({ page, baseURL }) => {
  await signIn(page);
  await page.goto("/account/tokens");
  await page.getByLabel("Token name").fill(`e2e joint ask ${Date.now()}`);
  await page.getByRole("radio", { name: /Read and write/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^jat_/);

  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });

  // Three of the organization's agencies, each given a records email through the API when it has none.
  const search = await api.get("/api/v1/agencies");
  expect(search.status()).toBe(200);
  expect(Number(search.headers()["ratelimit-limit"])).toBeGreaterThan(0);
  expect(search.headers()["ratelimit-remaining"]).toMatch(/^\d+$/);
  expect(search.headers()["ratelimit-reset"]).toMatch(/^\d+$/);
  const own = ((await search.json()) as { own: Agency[] }).own;
  const three = [...own.filter((a) => a.recordsContactEmail), ...own.filter((a) => !a.recordsContactEmail)].slice(0, 3);
  expect(three).toHaveLength(3);
  for (const agency of three.filter((a) => !a.recordsContactEmail)) {
    const current = (await (await api.get(`/api/v1/agencies/${agency.id}`)).json()) as { data: { version: string } };
    const saved = await api.patch(`/api/v1/agencies/${agency.id}`, { data: { recordsContactEmail: `records-${agency.id.slice(0, 8)}@example.org`, version: current.data.version } });
    expect(saved.status(), await saved.text()).toBe(200);
  }

  // Create the joint ask with the first agency, add all three (the first is skipped), send all.
  const title = `API joint ask ${Date.now()}`;
  const created = await api.post("/api/v1/joint-asks", {
    data: { title, ask: "Traffic stop data as a CSV export.", newRecordType: "Stops", letterTemplate: DEFAULT_AGENCY_LETTER, targets: [three[0]!.id] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const jointAskId = ((await created.json()) as { data: { id: string } }).data.id;
  const added = await api.post(`/api/v1/joint-asks/${jointAskId}/targets`, { data: { targets: three.map((a) => a.id) } });
  expect(added.status(), await added.text()).toBe(200);
  expect(await added.json()).toMatchObject({ created: 2, skipped: 1 });
  const sent = await api.post(`/api/v1/joint-asks/${jointAskId}/send-all`, { data: {} });
  expect(sent.status(), await sent.text()).toBe(200);
  expect(await sent.json()).toMatchObject({ queued: 3, withoutContact: 0, failed: [] });

  // The requests, read back through the API: three, each filed with the agency.
  const detail = (await (await api.get(`/api/v1/joint-asks/${jointAskId}`)).json()) as { data: { requests: { id: string }[] } };
  expect(detail.data.requests).toHaveLength(3);
  for (const r of detail.data.requests) {
    const one = (await (await api.get(`/api/v1/requests/${r.id}`)).json()) as { data: { status: string; agency: { id: string } | null } };
    expect(one.data.status).toBe("submitted");
  }
  const mine = (await (await api.get("/api/v1/joint-asks?pageSize=5")).json()) as { data: { id: string; title: string }[] };
  expect(mine.data.map((j) => j.id)).toContain(jointAskId);

  await api.dispose();

  // The joint ask page: three letters sent once the outbox has handed them over.
  await page.goto(`/campaigns/${jointAskId}/send`);
  await expect(page.getByText(/0 queued · 3 sent · 0 failed/)).toBeVisible({ timeout: 20_000 });
  await page.goto(`/campaigns/${jointAskId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const letters = page.getByRole("region", { name: "Letters" });
  await expect(letters.locator("dt", { hasText: /^Sent$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("3");
  await expect(letters.locator("dt", { hasText: /^Not sent yet$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText("0");
});
