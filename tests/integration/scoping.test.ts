import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requestEvents, requests } from "../../db/schema";
import * as agencyPage from "~/routes/agencies.$agencyId";
import * as agencyEdit from "~/routes/agencies.$agencyId_.edit";
import * as agenciesIndex from "~/routes/agencies._index";
import * as chase from "~/routes/chase";
import * as calendarRoute from "~/routes/calendar.$token";
import * as lawPage from "~/routes/laws.$code";
import { createCalendarFeed } from "~/domain/calendar-feed.server";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiRequests from "~/routes/api.v1.requests";
import * as jurisdictionsIndex from "~/routes/jurisdictions._index";
import * as requestEdit from "~/routes/requests.$requestId_.edit";
import * as requestPage from "~/routes/requests.$requestId";
import * as requestsIndex from "~/routes/requests._index";
import * as requestsNew from "~/routes/requests.new";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";

// Organization B signs in and tries every route with organization A's ids. Nothing of A may come back:
// not its request titles or text, not its agency, not its people, and nothing of A may change.

const SECRET_TITLE = "Confidential stop-data ask ZX81";
const SECRET_TEXT = "Whistleblower tip about unit 7Q";

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let aRequestId: string;
let bCookie: string;

beforeAll(async () => {
  a = await makeOrganization("Alpha");
  b = await makeOrganization("Bravo");
  aRequestId = (await makeRequest(a.viewer, a.agencyId, { title: SECRET_TITLE, description: SECRET_TEXT, initialStatus: "submitted" })).id;
  await makeRequest(b.viewer, b.agencyId, { title: "Bravo's own request" });
  bCookie = await cookieFor(b.admin.id);
});

async function expectNoLeak(response: Response) {
  const text = await response.clone().text();
  expect(text).not.toContain(SECRET_TITLE);
  expect(text).not.toContain(SECRET_TEXT);
  expect(text).not.toContain(aRequestId);
  expect(text).not.toContain(a.agencyId);
  expect(text).not.toContain(a.admin.email);
  expect(text).not.toContain("Alpha");
}

async function snapshotOfA() {
  const [row] = await db.select().from(requests).where(eq(requests.id, aRequestId));
  const events = await db.select().from(requestEvents).where(eq(requestEvents.requestId, aRequestId));
  return { row, eventCount: events.length };
}

describe("a user of another organization", () => {
  it("gets 404 for the request page, its edit page and its JSON", async () => {
    for (const [handler, url] of [
      [requestPage.loader, `/requests/${aRequestId}`],
      [requestEdit.loader, `/requests/${aRequestId}/edit`],
      [apiRequest.loader, `/api/v1/requests/${aRequestId}`],
    ] as const) {
      const response = await callRoute(handler, { url, cookie: bCookie, params: { requestId: aRequestId } });
      expect(response.status, url).toBe(404);
      await expectNoLeak(response);
    }
  });

  it("gets 404 for the agency page and its edit page", async () => {
    for (const [handler, url] of [
      [agencyPage.loader, `/agencies/${a.agencyId}`],
      [agencyEdit.loader, `/agencies/${a.agencyId}/edit`],
    ] as const) {
      const response = await callRoute(handler, { url, cookie: bCookie, params: { agencyId: a.agencyId } });
      expect(response.status, url).toBe(404);
      await expectNoLeak(response);
    }
  });

  it("can change nothing through any action on the request", async () => {
    const before = await snapshotOfA();
    const attempts: Array<Record<string, string>> = [
      { intent: "change-status", status: "submitted", note: "hijack" },
      { intent: "add-note", body: "hijack" },
      { intent: "log-communication", direction: "incoming", channel: "email", occurredOn: "2026-11-20", summary: "hijack" },
      { intent: "assign", assigneeId: b.admin.id },
    ];
    for (const form of attempts) {
      const response = await callRoute(requestPage.action, { url: `/requests/${aRequestId}`, cookie: bCookie, params: { requestId: aRequestId }, form });
      expect(response.status, form.intent).toBe(404);
      await expectNoLeak(response);
    }
    const edit = await callRoute(requestEdit.action, {
      url: `/requests/${aRequestId}/edit`,
      cookie: bCookie,
      params: { requestId: aRequestId },
      form: { title: "hijacked", description: "hijacked", agencyId: b.agencyId, requesterId: b.admin.id },
    });
    expect(edit.status).toBe(404);
    const agencyAttempt = await callRoute(agencyEdit.action, {
      url: `/agencies/${a.agencyId}/edit`,
      cookie: bCookie,
      params: { agencyId: a.agencyId },
      form: { name: "hijacked", type: "police", jurisdictionId: b.cityId },
    });
    expect(agencyAttempt.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("never sees the request in lists, filters, search or the API list", async () => {
    const urls = [
      "/requests",
      `/requests?q=${encodeURIComponent("ZX81")}`,
      `/requests?agency=${a.agencyId}`,
      `/requests?assignee=${a.admin.id}`,
      "/requests?tag=stops",
    ];
    for (const url of urls) {
      const response = await callRoute(requestsIndex.loader, { url, cookie: bCookie });
      expect(response.status, url).toBe(200);
      await expectNoLeak(response);
    }
    for (const url of ["/api/v1/requests", `/api/v1/requests?q=ZX81`, `/api/v1/requests?agency=${a.agencyId}`]) {
      const response = await callRoute(apiRequests.loader, { url, cookie: bCookie });
      expect(response.status, url).toBe(200);
      const body = (await response.clone().json()) as { data: unknown[]; total: number };
      if (url !== "/api/v1/requests") expect(body.total).toBe(0);
      await expectNoLeak(response);
    }
    // The list counts B's own request only, so counts reveal nothing of A either.
    const all = (await (await callRoute(apiRequests.loader, { url: "/api/v1/requests", cookie: bCookie })).json()) as { total: number };
    expect(all.total).toBe(1);
  });

  it("does not see A's agencies, people or places in menus and lists", async () => {
    for (const [handler, url] of [
      [agenciesIndex.loader, "/agencies"],
      [jurisdictionsIndex.loader, "/jurisdictions"],
      [requestsNew.loader, "/requests/new"],
    ] as const) {
      const response = await callRoute(handler, { url, cookie: bCookie });
      expect(response.status, url).toBe(200);
      await expectNoLeak(response);
      expect(await response.text()).not.toContain(a.cityId);
    }
  });

  it("cannot file a request at A's agency or assign it to A's people", async () => {
    const viaForm = await callRoute(requestsNew.action, {
      url: "/requests/new",
      cookie: bCookie,
      form: { title: "x", description: "y", agencyId: a.agencyId, initialStatus: "draft" },
    });
    expect(viaForm.status).toBe(400);
    const viaApi = await callRoute(apiRequests.action, {
      url: "/api/v1/requests",
      cookie: bCookie,
      json: { title: "x", description: "y", agencyId: b.agencyId, assigneeId: a.admin.id },
    });
    expect(viaApi.status).toBe(400);
    const body = (await viaApi.json()) as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.assigneeId).toBeDefined();
  });

  it("sees nothing of A on the chase board, and can't chase A's request from it", async () => {
    const board = await callRoute(chase.loader, { url: "/chase", cookie: bCookie });
    expect(board.status).toBe(200);
    await expectNoLeak(board);
    for (const intent of ["log-follow-up", "set-next-action"]) {
      const response = await callRoute(chase.action, { url: "/chase", cookie: bCookie, form: { intent, requestId: aRequestId, nextActionOn: "2027-01-04" } });
      expect(response.status, intent).toBe(404);
    }
  });

  it("gets nothing of A from its own calendar feed, and A's law corrections don't reach B", async () => {
    const token = await createCalendarFeed(b.viewer);
    const feed = await callRoute(calendarRoute.loader, { url: `/calendar/${token}.ics`, params: { token: `${token}.ics` } });
    expect(feed.status).toBe(200);
    await expectNoLeak(feed);
    const aAdmin = await cookieFor(a.admin.id);
    await callRoute(lawPage.action, { url: "/laws/PA", cookie: aAdmin, params: { code: "PA" }, form: { intent: "correct-law", responseDays: "9", dayType: "business", reason: "Alpha's private reading" } });
    const bView = await callRoute(lawPage.loader, { url: "/laws/PA", cookie: bCookie, params: { code: "PA" } });
    await expectNoLeak(bView);
    const body = (await bView.clone().json()) as { law: { responseDays: number }; history: unknown[] };
    expect(body.law.responseDays).toBe(5);
    expect(body.history).toEqual([]);
  });

  it("cannot guess ids: malformed and unknown ids are 404s, not errors", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "' or 1=1 --"]) {
      const response = await callRoute(requestPage.loader, { url: `/requests/x`, cookie: bCookie, params: { requestId: id } });
      expect(response.status).toBe(404);
      const api = await callRoute(apiRequest.loader, { url: `/api/v1/requests/x`, cookie: bCookie, params: { requestId: id } });
      expect(api.status).toBe(404);
    }
  });
});

describe("a signed-out visitor", () => {
  it("is sent to sign in from every page and gets 401 from the API", async () => {
    const pages = [
      [requestsIndex.loader, "/requests", {}],
      [requestPage.loader, `/requests/${aRequestId}`, { requestId: aRequestId }],
      [agenciesIndex.loader, "/agencies", {}],
      [jurisdictionsIndex.loader, "/jurisdictions", {}],
    ] as const;
    for (const [handler, url, params] of pages) {
      const response = await callRoute(handler, { url, params });
      expect(response.status, url).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
    const api = await callRoute(apiRequests.loader, { url: "/api/v1/requests" });
    expect(api.status).toBe(401);
    await expectNoLeak(api);
  });
});
