import { and, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns, catalogFields, recordTypes, requestFields, requests } from "../../db/schema";
import type { Viewer } from "~/domain/accounts.server";
import { PUBLIC } from "~/domain/access.server";
import { analytics, scorecard } from "~/domain/analytics.server";
import { setAskedFields, updateFieldStates } from "~/domain/fields.server";
import { myWeek } from "~/domain/my-week.server";
import { assignRequest, changeStatus, logExtension, setNextAction } from "~/domain/requests.server";
import * as analyticsCsv from "~/routes/analytics[.]csv";
import * as analyticsPage from "~/routes/analytics";
import * as home from "~/routes/_index";
import { setRequestVisibility } from "~/domain/visibility.server";
import type { RequestStatus } from "../../db/schema/values";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, freshViewer, makeAgency, makeMember, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

// A fixture whose figures are worked out by hand below. Every request is received on Monday 2 March 2026 in
// Pennsylvania (Right-to-Know Law: 5 business days), so each is due Monday 9 March unless paused or extended.
//
// Alpha PD (runs product "Records One" of vendor "Acme"):
//   R1 fulfilled 6 Mar                                   response 4, completion 4, on time
//   R2 denied 16 Mar                                     response 14, completion 14, late
//   R3 clarification 4 Mar, resumed 11 Mar, fulfilled 13 Mar: 7 days paused
//                                                        response 11-7 = 4, completion 4, on time (due moved by the pause)
//   R4 extension to 8 Apr logged 6 Mar, partly 1 Apr, fulfilled 20 Apr
//                                                        response 30, completion 49, on time (the extension)
//   R5 acknowledged 3 Mar, still waiting                 late, overdue now
//   R6 draft                                             counted as a request only
// Beta Sheriff:
//   R7 no responsive records 5 Mar                       response 3, on time; made public
// Alpha response days sorted: 4, 4, 14, 30 -> q1 4, median (4+14)/2 = 9, q3 14 + 0.25*(30-14) = 18.
// Alpha completion days: 4, 4, 14, 49 -> median 9. On time 3 (R1, R3, R4), late 2 (R2, R5): 60%.
// Partner C (coalition): a coalition request fulfilled 3 Mar (response 1) is counted; its private one is not.
// Outsider B: a private request fulfilled the same day is never counted.

const RECEIVED = "2026-03-02";

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org;
let b: Org;
let c: Org;
let viewerA: Viewer;
let alpha: string;
let beta: string;
let productId: string;
const ids: Record<string, string> = {};

async function filed(viewer: Viewer, agencyId: string, label: string, visibility: "private" | "coalition" = "coalition") {
  const { id } = await makeRequest(viewer, agencyId, { title: label, visibility });
  await move(viewer, id, "submitted", RECEIVED);
  return id;
}

async function move(viewer: Viewer, id: string, status: RequestStatus, on: string) {
  const result = await changeStatus(viewer, id, { status, on }, TODAY);
  if (!result?.ok) throw new Error(`${status} on ${on}: ${JSON.stringify(result)}`);
}

beforeAll(async () => {
  a = await makeOrganization("Analytics A");
  b = await makeOrganization("Analytics B");
  c = await makeOrganization("Analytics C");
  await formCoalition(a, c);
  viewerA = await freshViewer(a.admin.id);
  const viewerC = await freshViewer(c.admin.id);
  alpha = (await makeAgency(viewerA, { name: "Alpha PD", place: "Alphaville" })).agencyId;
  beta = (await makeAgency(viewerA, { name: "Beta Sheriff", place: "Betatown", kind: "county", type: "sheriff" })).agencyId;
  const vendorId = await makeVendor(viewerA, "Acme");
  productId = await makeProduct(viewerA, vendorId, "Records One");
  await makeSystem(viewerA, alpha, { productId });

  ids.r1 = await filed(viewerA, alpha, "R1");
  await move(viewerA, ids.r1, "fulfilled", "2026-03-06");
  ids.r2 = await filed(viewerA, alpha, "R2");
  await move(viewerA, ids.r2, "denied", "2026-03-16");
  ids.r3 = await filed(viewerA, alpha, "R3");
  await move(viewerA, ids.r3, "clarification_requested", "2026-03-04");
  await move(viewerA, ids.r3, "awaiting_response", "2026-03-11");
  await move(viewerA, ids.r3, "fulfilled", "2026-03-13");
  ids.r4 = await filed(viewerA, alpha, "R4");
  const extended = await logExtension(viewerA, ids.r4, { on: "2026-03-06", newDueDate: "2026-04-08", reason: "Review", requesterAgreed: false });
  if (!extended?.ok) throw new Error(JSON.stringify(extended));
  await move(viewerA, ids.r4, "partially_fulfilled", "2026-04-01");
  await move(viewerA, ids.r4, "fulfilled", "2026-04-20");
  ids.r5 = await filed(viewerA, alpha, "R5");
  await move(viewerA, ids.r5, "acknowledged", "2026-03-03");
  ids.r6 = (await makeRequest(viewerA, alpha, { title: "R6" })).id;
  ids.r7 = await filed(viewerA, beta, "R7");
  await move(viewerA, ids.r7, "no_responsive_records", "2026-03-05");
  const published = await setRequestVisibility(viewerA, ids.r7, { visibility: "public" });
  if (!published?.ok) throw new Error(JSON.stringify(published));

  // Partner C: one shared, one private request; outsider B: one private request.
  ids.c1 = await filed(viewerC, c.agencyId, "C1", "coalition");
  await move(viewerC, ids.c1, "fulfilled", "2026-03-03");
  ids.c2 = await filed(viewerC, c.agencyId, "C2", "private");
  await move(viewerC, ids.c2, "fulfilled", "2026-03-02");
  ids.b1 = await filed(b.viewer, b.agencyId, "B1", "private");
  await move(b.viewer, ids.b1, "fulfilled", "2026-03-02");

  // Fields on R1 and R2: subject race and hashed officer id of the standard Stops type.
  const stops = await db.select({ id: catalogFields.id, key: catalogFields.key }).from(catalogFields)
    .innerJoin(recordTypes, eq(recordTypes.id, catalogFields.recordTypeId))
    .where(and(isNull(catalogFields.organizationId), eq(recordTypes.key, "stops"), inArray(catalogFields.key, ["subject_race", "officer_id_hash"])));
  expect(stops).toHaveLength(2);
  for (const id of [ids.r1, ids.r2]) {
    const asked = await setAskedFields(viewerA, id, { catalogFieldIds: stops.map((s) => s.id), keepCustomIds: [] });
    if (!asked?.ok) throw new Error(JSON.stringify(asked));
  }
  const fieldsOf = async (id: string) => db.select({ id: requestFields.id, key: requestFields.key }).from(requestFields).where(eq(requestFields.requestId, id));
  const r1Fields = await fieldsOf(ids.r1);
  const r2Fields = await fieldsOf(ids.r2);
  const byKey = (rows: { id: string; key: string }[], key: string) => rows.find((r) => r.key === key)!.id;
  const set1 = await updateFieldStates(viewerA, ids.r1, { fields: [
    { id: byKey(r1Fields, "subject_race"), state: "received" },
    { id: byKey(r1Fields, "officer_id_hash"), state: "partly_received", note: "2024 only" },
  ] });
  if (!set1?.ok) throw new Error(JSON.stringify(set1));
  const set2 = await updateFieldStates(viewerA, ids.r2, { fields: [
    { id: byKey(r2Fields, "subject_race"), state: "received" },
    { id: byKey(r2Fields, "officer_id_hash"), state: "denied", note: "Exemption 708(b)(6)" },
  ] });
  if (!set2?.ok) throw new Error(JSON.stringify(set2));

  // A joint ask holding R1, R2, R5 and the draft R6.
  const [campaign] = await db.insert(campaigns).values({ organizationId: a.org.id, title: "Stops everywhere", ask: "Stops", letterTemplate: "Dear {{agency}}" }).returning({ id: campaigns.id });
  await db.update(requests).set({ campaignId: campaign!.id }).where(inArray(requests.id, [ids.r1!, ids.r2!, ids.r5!, ids.r6!]));
  ids.campaign = campaign!.id;
});

describe("analytics over a hand-computed fixture", () => {
  it("uses the deadline engine's due dates the figures are computed against", async () => {
    const rows = await db.select({ id: requests.id, dueOn: requests.dueOn }).from(requests).where(inArray(requests.id, [ids.r1!, ids.r3!, ids.r4!]));
    const due = Object.fromEntries(rows.map((r) => [r.id, r.dueOn]));
    expect(due[ids.r1!]).toBe("2026-03-09");
    expect(due[ids.r4!]).toBe("2026-04-08");
    // Paused on 4 Mar with days left, resumed 11 Mar: due after the resumption, and after the 13 Mar answer.
    expect(due[ids.r3!]! >= "2026-03-13").toBe(true);
  });

  it("computes medians, quartiles and on-time rates by agency, with paused clocks and extensions", async () => {
    const result = await analytics(viewerA, { owner: "own" }, { today: TODAY });
    const alphaRow = result.byAgency.find((g) => g.key === alpha)!;
    expect(alphaRow.requests).toBe(6);
    expect(alphaRow.response).toEqual({ n: 4, q1: 4, median: 9, q3: 18 });
    expect(alphaRow.completion.median).toBe(9);
    expect(alphaRow.completion.n).toBe(4);
    expect(alphaRow.onTime).toBe(3);
    expect(alphaRow.late).toBe(2);
    expect(alphaRow.overdueNow).toBe(1);
    expect(alphaRow.lawCode).toBe("PA");
    expect(alphaRow.periodDays).toBe(5);
    expect(alphaRow.periodDayType).toBe("business");
    const betaRow = result.byAgency.find((g) => g.key === beta)!;
    expect(betaRow.response).toEqual({ n: 1, q1: 3, median: 3, q3: 3 });
    // Own requests only: Alpha's 6, Beta's 1 and the organization's first agency's none.
    expect(result.total.requests).toBe(7);
    expect(result.total.response).toEqual({ n: 5, q1: 4, median: 4, q3: 14 });
    expect(result.total.onTime).toBe(4);
    expect(result.total.late).toBe(2);
  });

  it("counts a coalition partner's shared request but no private request of another organization", async () => {
    const result = await analytics(viewerA, {}, { today: TODAY });
    expect(result.total.requests).toBe(8);
    // 1, 3, 4, 4, 14, 30 -> q1 3.25, median 4, q3 11.5
    expect(result.total.response).toEqual({ n: 6, q1: 3.25, median: 4, q3: 11.5 });
    expect(result.byAgency.map((g) => g.key)).not.toContain(b.agencyId);
    const outsider = await analytics(b.viewer, {}, { today: TODAY });
    expect(outsider.total.requests).toBe(1);
    expect(outsider.total.response.median).toBe(0);
  });

  it("gives on-time counts by month of the due date, outcomes and exemptions", async () => {
    const result = await analytics(viewerA, { owner: "own" }, { today: TODAY });
    // March: R1, R2, R3, R5, R7 (R3's moved due date is still in March); April: R4.
    expect(result.months).toEqual([
      { month: "2026-03", due: 5, onTime: 3, late: 2 },
      { month: "2026-04", due: 1, onTime: 1, late: 0 },
    ]);
    expect(Object.fromEntries(result.outcomes.map((o) => [o.outcome, o.n]))).toEqual({ fulfilled: 3, denied: 1, no_responsive_records: 1 });
    expect(result.exemptions).toEqual([{ note: "Exemption 708(b)(6)", n: 1 }]);
  });

  it("gives the share of requests that received each field, overall and by product", async () => {
    const result = await analytics(viewerA, { owner: "own" }, { today: TODAY });
    const race = result.fields.filter((f) => f.key === "subject_race");
    expect(race).toEqual([
      expect.objectContaining({ product: null, asked: 2, received: 2, partly: 0 }),
      expect.objectContaining({ product: "Records One (Acme)", asked: 2, received: 2, partly: 0 }),
    ]);
    const officer = result.fields.find((f) => f.key === "officer_id_hash" && f.product === null)!;
    expect(officer).toMatchObject({ asked: 2, received: 0, partly: 1 });
    const byProduct = result.byProduct.find((g) => g.key === productId)!;
    expect(byProduct.requests).toBe(6);
    expect(byProduct.response.median).toBe(9);
  });

  it("gives a joint ask's funnel", async () => {
    const result = await analytics(viewerA, {}, { today: TODAY });
    expect(result.funnels).toEqual([
      { campaignId: ids.campaign, title: "Stops everywhere", drafted: 4, sent: 3, acknowledged: 3, answered: 2, dataReceived: 2 },
    ]);
  });

  it("filters by product, agency type and period", async () => {
    const byProduct = await analytics(viewerA, { product: productId }, { today: TODAY });
    expect(byProduct.total.requests).toBe(6);
    const sheriffs = await analytics(viewerA, { agencyType: "sheriff" }, { today: TODAY });
    expect(sheriffs.total.requests).toBe(1);
    const later = await analytics(viewerA, { from: "2026-03-03" }, { today: TODAY });
    expect(later.total.requests).toBe(0);
  });

  it("gives scorecards, and the public only public requests' figures", async () => {
    const card = await scorecard(viewerA, { agencyId: alpha }, TODAY);
    expect(card).toMatchObject({ requests: 6, medianResponse: 9, onTime: 3, late: 2, answered: 4 });
    expect(card.outcomes).toMatchObject({ fulfilled: 3, denied: 1 });
    const hidden = await scorecard(PUBLIC, { agencyId: alpha }, TODAY);
    expect(hidden.requests).toBe(0);
    const shown = await scorecard(PUBLIC, { agencyId: beta }, TODAY);
    expect(shown).toMatchObject({ requests: 1, medianResponse: 3, onTime: 1, late: 0 });
    const product = await scorecard(viewerA, { productId }, TODAY);
    expect(product.requests).toBe(6);
  });
});

describe("My week", () => {
  it("counts the user's work beside the organization's, and nothing of another organization", async () => {
    const assigned = await assignRequest(viewerA, ids.r5!, viewerA.id);
    expect(assigned?.ok).toBe(true);
    const assignedR1 = await assignRequest(viewerA, ids.r1!, viewerA.id);
    expect(assignedR1?.ok).toBe(true);
    const next = await setNextAction(viewerA, ids.r5!, TODAY);
    expect(next?.ok).toBe(true);
    const week = await myWeek(viewerA, TODAY);
    // Overdue: R5 alone (open, due 9 Mar); R2 was denied, so it is closed.
    expect(week.counts.overdue).toEqual({ mine: 1, organization: 1 });
    expect(week.overdue.map((r) => r.id)).toEqual([ids.r5]);
    expect(week.counts.nextActions).toEqual({ mine: 1, organization: 1 });
    expect(week.nextActions.map((r) => r.date)).toEqual([TODAY]);
    expect(week.counts.dueSoon).toEqual({ mine: 0, organization: 0 });
    // Received or partly received since 17 Nov: R1's two fields and R2's subject race; R1 is mine.
    expect(week.counts.fieldsReceived).toEqual({ mine: 2, organization: 3 });
    expect(week.fieldsReceived.map((r) => [r.requestId, r.fields])).toEqual(expect.arrayContaining([[ids.r1, 2], [ids.r2, 1]]));
    // The review queue: nothing of the organization's own. (An admin also reviews mail that matched no
    // organization, which other test files on a shared database may be adding, so a member is asked.)
    const member = await makeMember(a, "coordinator");
    expect((await myWeek(await freshViewer(member.id), TODAY)).counts.review).toBe(0);
    // The partner sees its own week: A's requests are A's to chase.
    const partner = await myWeek(await freshViewer(c.admin.id), TODAY);
    expect(partner.counts.overdue.organization).toBe(0);
    expect(partner.counts.fieldsReceived.organization).toBe(0);
  });

  it("is the signed-in home page; signed out, / still sends to sign-in", async () => {
    const signedIn = await callRoute(home.loader, { url: "/", cookie: await cookieFor(a.admin.id) });
    expect(signedIn.status).toBe(200);
    const signedOut = await callRoute(home.loader, { url: "/" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/login");
  });
});

describe("analytics routes", () => {
  it("renders the page, names a bad filter with a 400, and downloads the same numbers as CSV", async () => {
    const cookie = await cookieFor(a.admin.id);
    const page = await callRoute(analyticsPage.loader, { url: "/analytics?owner=own", cookie });
    expect(page.status).toBe(200);
    const bad = await callRoute(analyticsPage.loader, { url: "/analytics?agencyType=spies", cookie });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.agencyType).toEqual(["Unknown agency type"]);
    const csv = await callRoute(analyticsCsv.loader, { url: `/analytics.csv?owner=own&agency=${alpha}&table=agencies`, cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^Agency,Law,Statutory period,Requests,Answered \(n\),Response Q1 \(days\),Response median \(days\)/);
    expect(lines[1]).toBe("Alpha PD,PA,5 business days,6,4,4,9,18,4,9,3,2,60%,1");
    const noTable = await callRoute(analyticsCsv.loader, { url: "/analytics.csv?table=everything", cookie });
    expect(noTable.status).toBe(400);
    const signedOut = await callRoute(analyticsPage.loader, { url: "/analytics" });
    expect(signedOut.status).toBe(302);
  });
});
