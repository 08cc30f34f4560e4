import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, calendarFeeds, jurisdictions, organizations, requestEvents, requests } from "../../db/schema";
import { LAW_TABLE } from "../../app/domain/deadlines/laws";
import * as agencyPage from "~/routes/agencies.$agencyId";
import * as agencyEdit from "~/routes/agencies.$agencyId_.edit";
import * as agenciesIndex from "~/routes/agencies._index";
import * as agenciesNew from "~/routes/agencies.new";
import * as home from "~/routes/_index";
import * as lawsIndex from "~/routes/laws._index";
import * as settingsCalendar from "~/routes/settings.calendar";
import * as chase from "~/routes/chase";
import * as calendarRoute from "~/routes/calendar.$token";
import * as lawPage from "~/routes/laws.$code";
import { createCalendarFeed, listCalendarFeeds } from "~/domain/calendar-feed.server";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiRequests from "~/routes/api.v1.requests";
import * as jurisdictionsIndex from "~/routes/jurisdictions._index";
import * as jurisdictionSuggestions from "~/routes/jurisdictions.suggestions";
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

  it("can't add an agency in A's city, and the add-agency form offers none of A's places", async () => {
    const form = await callRoute(agenciesNew.loader, { url: "/agencies/new", cookie: bCookie });
    expect(form.status).toBe(200);
    await expectNoLeak(form);
    // The form's jurisdiction box suggests B's own places, never A's (searched by each city's name).
    const placeName = async (id: string) => (await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.id, id)))[0]!.name;
    const suggested = async (q: string) => {
      const answer = await callRoute(jurisdictionSuggestions.loader, { url: `/jurisdictions/suggestions?q=${encodeURIComponent(q)}`, cookie: bCookie });
      await expectNoLeak(answer);
      return ((await answer.json()) as { hits: { id: string }[] }).hits.map((j) => j.id);
    };
    expect(await suggested(await placeName(b.cityId))).toContain(b.cityId);
    expect(await suggested(await placeName(a.cityId))).toEqual([]);

    const countIn = async (organizationId: string) => (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.organizationId, organizationId))).length;
    const [aBefore, bBefore] = [await countIn(a.org.id), await countIn(b.org.id)];
    const response = await callRoute(agenciesNew.action, {
      url: "/agencies/new",
      cookie: bCookie,
      form: { name: "Planted Police", type: "police", jurisdictionId: a.cityId },
    });
    expect(response.status).toBe(400);
    const reply = (await response.clone().json()) as { error: Record<string, string[]> };
    expect(reply.error.jurisdictionId).toEqual(["Choose a jurisdiction from the list"]);
    await expectNoLeak(response);
    expect(await db.select().from(agencies).where(eq(agencies.name, "Planted Police"))).toEqual([]);
    expect([await countIn(a.org.id), await countIn(b.org.id)]).toEqual([aBefore, bBefore]);
  });

  it("sees its own week at /, nothing of the other organization", async () => {
    const response = await callRoute(home.loader, { url: "/", cookie: bCookie });
    expect(response.status).toBe(200);
    await expectNoLeak(response);
  });

  it("sees the reference law table on /laws, not A's corrections or policy, and B's changes stay in B", async () => {
    const aAdmin = await cookieFor(a.admin.id);
    const corrected = await callRoute(lawPage.action, {
      url: "/laws/NY",
      cookie: aAdmin,
      params: { code: "NY" },
      form: { intent: "correct-law", responseDays: "12", dayType: "business", reason: "Alpha's reading of NY" },
    });
    expect(corrected.status).toBe(302);
    expect((await callRoute(lawsIndex.action, { url: "/laws", cookie: aAdmin, form: { intent: "follow-up-policy", followUpBusinessDays: "15" } })).status).toBe(302);

    const view = await callRoute(lawsIndex.loader, { url: "/laws", cookie: bCookie });
    expect(view.status).toBe(200);
    await expectNoLeak(view);
    const body = (await view.clone().json()) as { laws: { law: { jurisdiction: string; responseDays: number | null }; corrected: boolean }[]; policy: { followUpBusinessDays: number } };
    const ny = body.laws.find((l) => l.law.jurisdiction === "NY");
    expect(ny).toMatchObject({ corrected: false, law: { responseDays: LAW_TABLE.find((l) => l.jurisdiction === "NY")!.responseDays } });
    expect(body.laws.every((l) => !l.corrected)).toBe(true);
    const [aPolicy] = await db.select({ days: organizations.followUpBusinessDays }).from(organizations).where(eq(organizations.id, a.org.id));
    expect(aPolicy!.days).toBe(15);
    expect(body.policy.followUpBusinessDays).not.toBe(15);

    // B's admin sets B's own policy and corrects PA for B: A's policy and A's request's due date don't move.
    const [aRequestBefore] = await db.select({ dueOn: requests.dueOn, dueBasis: requests.dueBasis }).from(requests).where(eq(requests.id, aRequestId));
    expect((await callRoute(lawsIndex.action, { url: "/laws", cookie: bCookie, form: { intent: "follow-up-policy", followUpBusinessDays: "20" } })).status).toBe(302);
    const bCorrection = await callRoute(lawPage.action, {
      url: "/laws/PA",
      cookie: bCookie,
      params: { code: "PA" },
      form: { intent: "correct-law", responseDays: "20", dayType: "business", reason: "Bravo's reading of PA" },
    });
    expect(bCorrection.status).toBe(302);
    const [aPolicyAfter] = await db.select({ days: organizations.followUpBusinessDays }).from(organizations).where(eq(organizations.id, a.org.id));
    expect(aPolicyAfter!.days).toBe(15);
    const [aRequestAfter] = await db.select({ dueOn: requests.dueOn, dueBasis: requests.dueBasis }).from(requests).where(eq(requests.id, aRequestId));
    expect(aRequestAfter).toEqual(aRequestBefore);
    const aView = await callRoute(lawPage.loader, { url: "/laws/PA", cookie: aAdmin, params: { code: "PA" } });
    const aHistory = ((await aView.json()) as { history: { reason: string }[] }).history.map((h) => h.reason);
    expect(aHistory).not.toContain("Bravo's reading of PA");
    const bView = await callRoute(lawPage.loader, { url: "/laws/NY", cookie: bCookie, params: { code: "NY" } });
    await expectNoLeak(bView);
    expect(((await bView.json()) as { history: unknown[] }).history).toEqual([]);
  });

  it("lists only its own calendar feeds on /settings/calendar and can't revoke A's", async () => {
    const aFeedToken = await createCalendarFeed(a.viewer);
    const [aFeed] = await listCalendarFeeds(a.viewer);
    expect(aFeedToken).toBeTruthy();
    const page = await callRoute(settingsCalendar.loader, { url: "/settings/calendar", cookie: bCookie });
    expect(page.status).toBe(200);
    await expectNoLeak(page);
    expect(await page.clone().text()).not.toContain(aFeed!.id);
    const revoke = await callRoute(settingsCalendar.action, { url: "/settings/calendar", cookie: bCookie, form: { intent: "revoke", feedId: aFeed!.id } });
    expect(revoke.status).toBe(404);
    const [stillThere] = await db.select().from(calendarFeeds).where(and(eq(calendarFeeds.id, aFeed!.id), isNull(calendarFeeds.revokedAt)));
    expect(stillThere).toBeDefined();
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
    for (const [handler, url] of [
      [agenciesNew.loader, "/agencies/new"],
      [lawsIndex.loader, "/laws"],
      [settingsCalendar.loader, "/settings/calendar"],
    ] as const) {
      const response = await callRoute(handler, { url });
      expect(response.status, url).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
    const home_ = await callRoute(home.loader, { url: "/" });
    expect(home_.headers.get("Location")).toBe("/login");
    const api = await callRoute(apiRequests.loader, { url: "/api/v1/requests" });
    expect(api.status).toBe(401);
    await expectNoLeak(api);
  });
});
