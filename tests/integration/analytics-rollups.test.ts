import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, requests } from "../../db/schema";
import type { Viewer } from "~/domain/accounts.server";
import { PUBLIC } from "~/domain/access.server";
import type { AnalyticsFilters } from "~/domain/analytics";
import { analytics, analyticsLive, baseQuery, scorecard, scorecardLive, type AnalyticsResult } from "~/domain/analytics.server";
import { foldAnalytics, groupScorecard } from "~/domain/analytics-rollups.server";
import { changeStatus, logExtension } from "~/domain/requests.server";
import { deleteSystem } from "~/domain/systems.server";
import { setRequestVisibility } from "~/domain/visibility.server";
import type { RequestStatus } from "../../db/schema/values";
import { todayIn } from "~/utils/dates";
import { db, queryRows } from "~/utils/db.server";
import { formCoalition, freshViewer, makeAgency, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, makeVendorRequest } from "./factories";

// The rollups (analytics-rollups.server.ts) must give exactly what the live query gives (analyticsLive,
// scorecardLive: the reference). A varied fixture (paused clocks, extensions, late, on time, overdue now and not
// yet due, private / coalition / public and embargoed, two organizations in a coalition and an outsider, products
// on agencies, a request to a vendor), then a random sequence of edits; after each, every audience and filter
// the rollups answer is compared with the live query, for today and for days ahead (the time-dependent part).

const T0 = todayIn("America/New_York"); // never before the rollups' watermark (yesterday in UTC)
const day = (offset: number) => new Date(Date.parse(`${T0}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const TODAYS = [T0, day(3)];

let seed = 20261206;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org, b: Org, c: Org;
let viewerA: Viewer, viewerC: Viewer;
const agenciesOf: Record<string, string[]> = {};
const vendorIds: string[] = [];
const productIds: string[] = [];
const systems: { viewer: Viewer; id: string }[] = [];
const live: { id: string; viewer: Viewer; org: string }[] = [];
let groupComparisons = 0;
let groupScorecards = 0;

async function move(viewer: Viewer, id: string, status: RequestStatus, on: string) {
  return changeStatus(viewer, id, { status, on }, T0);
}

async function filed(viewer: Viewer, agencyId: string, received: number) {
  const { id } = await makeRequest(viewer, agencyId, { visibility: pick(["coalition", "coalition", "private"] as const) });
  await move(viewer, id, "submitted", day(received));
  live.push({ id, viewer, org: viewer.organizationId });
  return id;
}

/** Order-free parts (ties) made comparable. */
function normal(result: AnalyticsResult) {
  return { ...result, outcomes: [...result.outcomes].sort((x, y) => x.outcome.localeCompare(y.outcome)) };
}

async function compareAll(step: string, todays = TODAYS) {
  const audiences: [string, Viewer | typeof PUBLIC][] = [["A", viewerA], ["C", viewerC], ["B", b.viewer], ["public", PUBLIC]];
  const filterSets: AnalyticsFilters[] = [
    {},
    { owner: "own" },
    { state: "PA" },
    { state: "NJ" },
    { agencyType: "sheriff" },
    { vendor: vendorIds[0] },
    { vendor: vendorIds[1] },
    { product: productIds[0] },
    { product: productIds[2] },
    { agency: agenciesOf[a.org.id]![0] },
  ];
  for (const today of todays) {
    for (const [name, audience] of audiences) {
      for (const filters of name === "A" ? filterSets : filterSets.slice(0, name === "C" ? 6 : 2)) {
        const rolled = await analytics(audience, filters, { today });
        const reference = await analyticsLive(audience, filters, { today });
        expect(normal(rolled), `${step}: analytics for ${name} ${JSON.stringify(filters)} on ${today}`).toEqual(normal(reference));
        if (!filters.state && !filters.agencyType && !filters.vendor && !filters.product && !filters.agency) {
          // Both rollup levels: the per-agency rows always, the group rows when nothing has marked them stale
          // (marks on the fixture's changes of places and products last until the next fold).
          const byAgency = await analytics(audience, filters, { today, level: "agencies" });
          expect(normal(byAgency), `${step}: per-agency rollups for ${name} ${JSON.stringify(filters)} on ${today}`).toEqual(normal(reference));
          const [marks] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from analytics_group_marks`);
          if (marks!.n === 0) {
            const byGroup = await analytics(audience, filters, { today, level: "groups" });
            expect(normal(byGroup), `${step}: group rollups for ${name} ${JSON.stringify(filters)} on ${today}`).toEqual(normal(reference));
            groupComparisons += 1;
          }
        }
      }
      const targets = [
        { agencyId: agenciesOf[a.org.id]![0]! },
        { agencyId: agenciesOf[a.org.id]![1]! },
        { agencyId: c.agencyId },
        { vendorId: vendorIds[0]! },
        { vendorId: vendorIds[1]! },
        { productId: productIds[0]! },
        { productId: productIds[2]! },
      ];
      for (const target of targets) {
        expect(await scorecard(audience, target, today), `${step}: scorecard for ${name} ${JSON.stringify(target)} on ${today}`).toEqual(
          await scorecardLive(audience, target, today),
        );
        // A vendor's and product's scorecard read the group rows when nothing has marked them (counted, so the
        // comparison above is known to have covered that reading too).
        if (!("agencyId" in target) && (await groupScorecard(db, audience, target, today, baseQuery))) groupScorecards += 1;
      }
    }
  }
}

beforeAll(async () => {
  a = await makeOrganization("Rollups A");
  b = await makeOrganization("Rollups B");
  c = await makeOrganization("Rollups C");
  await formCoalition(a, c);
  viewerA = await freshViewer(a.admin.id);
  viewerC = await freshViewer(c.admin.id);
  const alpha = (await makeAgency(viewerA, { name: "Alpha PD", place: "Alphaville" })).agencyId;
  const beta = (await makeAgency(viewerA, { name: "Beta Sheriff", place: "Beta County", kind: "county", type: "sheriff" })).agencyId;
  const gamma = (await makeAgency(viewerA, { name: "Gamma PD", place: "Gammatown", state: "NJ" })).agencyId;
  agenciesOf[a.org.id] = [alpha, beta, gamma, a.agencyId];
  agenciesOf[c.org.id] = [c.agencyId];
  agenciesOf[b.org.id] = [b.agencyId];
  vendorIds.push(await makeVendor(viewerA, "Acme"), await makeVendor(viewerC, "Bolt"));
  productIds.push(
    await makeProduct(viewerA, vendorIds[0]!, "Records One"),
    await makeProduct(viewerA, vendorIds[0]!, "Dispatch One", "computer_aided_dispatch"),
    await makeProduct(viewerC, vendorIds[1]!, "Bolt RMS"),
  );
  systems.push({ viewer: viewerA, id: await makeSystem(viewerA, alpha, { productId: productIds[0]! }) });
  systems.push({ viewer: viewerA, id: await makeSystem(viewerA, beta, { productId: productIds[1]! }, { systemType: "computer_aided_dispatch" }) });
  systems.push({ viewer: viewerA, id: await makeSystem(viewerA, beta, { productId: productIds[0]! }) });
  systems.push({ viewer: viewerC, id: await makeSystem(viewerC, c.agencyId, { productId: productIds[2]! }) });

  // Received 1 to 45 days ago: some answered on time, some late, some paused, some extended, some open and
  // overdue, some not yet due.
  for (let i = 0; i < 14; i += 1) {
    const received = -1 - Math.floor(random() * 45);
    const id = await filed(viewerA, pick(agenciesOf[a.org.id]!), received);
    const kind = i % 7;
    const at = (offset: number) => day(Math.min(-1, received + offset));
    if (kind === 0) await move(viewerA, id, "fulfilled", at(3));
    if (kind === 1) await move(viewerA, id, "denied", at(20));
    if (kind === 2) {
      await move(viewerA, id, "clarification_requested", at(2));
      await move(viewerA, id, "awaiting_response", at(9));
      await move(viewerA, id, "partially_fulfilled", at(12));
    }
    if (kind === 3) {
      await logExtension(viewerA, id, { on: at(2), newDueDate: day(received + 40), reason: "Review", requesterAgreed: false });
      await move(viewerA, id, "no_responsive_records", at(25));
    }
    if (kind === 4) await move(viewerA, id, "acknowledged", at(1));
    if (kind === 5) await move(viewerA, id, "fee_requested", at(2));
  }
  for (let i = 0; i < 5; i += 1) {
    const id = await filed(viewerC, c.agencyId, -1 - Math.floor(random() * 30));
    if (i % 2 === 0) await move(viewerC, id, "fulfilled", day(-1));
  }
  for (let i = 0; i < 3; i += 1) {
    const id = await filed(b.viewer, b.agencyId, -1 - Math.floor(random() * 30));
    if (i === 0) await move(b.viewer, id, "denied", day(-1));
  }
  const toVendor = await makeVendorRequest(viewerA, vendorIds[0]!, { initialStatus: "submitted" });
  live.push({ id: toVendor.id, viewer: viewerA, org: a.org.id });
  const published = await setRequestVisibility(viewerA, live[0]!.id, { visibility: "public" });
  if (!published?.ok) throw new Error(JSON.stringify(published));
  const embargoed = await setRequestVisibility(viewerA, live[1]!.id, { visibility: "public", embargoUntil: day(5) });
  if (!embargoed?.ok) throw new Error(JSON.stringify(embargoed));
}, 120_000);

describe("analytics rollups", () => {
  it("hold deltas until folded, and fold them away", async () => {
    const [mark] = await queryRows<{ day: string }>(db, sql`select day::text as day from analytics_watermark`);
    expect(T0 >= mark!.day).toBe(true); // else every comparison would be with the live fallback
    // (on Postgres other test files write at the same time: count this fixture's organizations' deltas)
    const ours = sql`select count(*)::int as n from analytics_deltas where organization_id in (${a.org.id}, ${b.org.id}, ${c.org.id})`;
    const [pending] = await queryRows<{ n: number }>(db, ours);
    expect(pending!.n).toBeGreaterThan(0);
    await compareAll("before any fold");
    await foldAnalytics(db);
    const [after] = await queryRows<{ n: number }>(db, ours);
    expect(after!.n).toBe(0);
    groupComparisons = 0;
    groupScorecards = 0;
    await compareAll("folded");
    // the fold rewrote the group rows and cleared the marks: they were compared (and read by default)
    expect(groupComparisons).toBeGreaterThan(0);
    expect(groupScorecards).toBeGreaterThan(0);
  }, 300_000);

  // A random sequence of edits, four steps per test (shorter tests keep the runner's progress reports flowing).
  const statuses: RequestStatus[] = ["acknowledged", "clarification_requested", "fee_requested", "awaiting_response", "partially_fulfilled", "fulfilled", "denied", "no_responsive_records", "appealed"];
  for (const first of [0, 4, 8]) {
    it(`equal the live query after every step of a random sequence of edits (steps ${first}-${first + 3})`, () => edits(first, first + 4), 300_000);
  }

  it("equal the live query after the watermark moves", async () => {
    // Moving the watermark (the daily fold) keeps them equal, for every today from it on.
    await queryRows(db, sql`select analytics_fold(${day(2)}::date)`);
    await compareAll("watermark moved 2 days ahead", [day(2), day(3), day(5)]);
  }, 300_000);

  async function edits(from: number, to: number) {
    for (let step = from; step < to; step += 1) {
      const target = pick(live);
      const action = pick(["status", "status", "agency", "privacy", "delete", "product", "fold", "due", "received", "place"] as const);
      let done = action as string;
      if (action === "status") {
        const status = pick(statuses);
        const result = await move(target.viewer, target.id, status, day(-Math.floor(random() * 5)));
        done = `status ${status} ${result?.ok ? "" : "(refused)"}`;
      } else if (action === "agency") {
        const [row] = await db.select({ agencyId: requests.agencyId }).from(requests).where(eq(requests.id, target.id));
        if (row?.agencyId) await db.update(requests).set({ agencyId: pick(agenciesOf[target.org]!) }).where(eq(requests.id, target.id));
      } else if (action === "privacy") {
        const visibility = pick(["private", "coalition", "public"] as const);
        const embargo = visibility === "public" && random() < 0.5 ? day(4) : undefined;
        await setRequestVisibility(target.viewer, target.id, { visibility, embargoUntil: embargo });
        done = `privacy ${visibility} ${embargo ?? ""}`;
      } else if (action === "delete") {
        await db.delete(requests).where(eq(requests.id, target.id));
        live.splice(live.indexOf(target), 1);
      } else if (action === "product") {
        if (random() < 0.5 && systems.length > 1) {
          const system = systems.splice(Math.floor(random() * systems.length), 1)[0]!;
          await deleteSystem(system.viewer, system.id);
          done = "product removed";
        } else {
          systems.push({ viewer: viewerA, id: await makeSystem(viewerA, pick(agenciesOf[a.org.id]!), { productId: pick(productIds.slice(0, 2)) }) });
          done = "product added";
        }
      } else if (action === "place") {
        // an agency moves to another state's place (the group rows are marked until the next fold)
        const [agency] = await db.select({ id: agencies.id, jurisdictionId: agencies.jurisdictionId }).from(agencies).where(eq(agencies.id, pick(agenciesOf[a.org.id]!)));
        const [other] = await db.select({ jurisdictionId: agencies.jurisdictionId }).from(agencies).where(eq(agencies.id, pick(agenciesOf[a.org.id]!)));
        await db.update(agencies).set({ jurisdictionId: other!.jurisdictionId }).where(eq(agencies.id, agency!.id));
        done = `place ${agency!.jurisdictionId === other!.jurisdictionId ? "(same)" : "moved"}`;
      } else if (action === "fold") {
        await foldAnalytics(db);
      } else if (action === "due") {
        await db.update(requests).set({ dueOn: day(Math.floor(random() * 10) - 5) }).where(eq(requests.id, target.id));
      } else if (action === "received") {
        await db.update(requests).set({ receivedOn: day(-10 - Math.floor(random() * 10)) }).where(eq(requests.id, target.id));
      }
      // today, and (every other step) a day the live part is read for
      await compareAll(`step ${step} (${done})`, step % 2 === 0 ? [T0] : TODAYS);
    }
  }
});
