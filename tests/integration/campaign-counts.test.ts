import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { campaigns, requests } from "../../db/schema";
import { REQUEST_STATUSES } from "../../db/schema/values";
import { campaignCounts, countRowsLive } from "~/domain/campaign-targets.server";
import { listCampaignRequests, summarize } from "~/domain/campaigns.server";
import { changeStatus, setRequestCampaign } from "~/domain/requests.server";
import type { Viewer } from "~/domain/accounts.server";
import { db, queryRows } from "~/utils/db.server";
import { formCoalition, freshViewer, makeOrganization, makeRequest, TODAY } from "./factories";
import { prng } from "./support/prng";

// The joint ask's summary reads campaign_counts, kept by a trigger on requests (migration
// 0046_campaign_counts_trigger). After random edits on every write path (insert, status, due date, assignee,
// visibility, moving between joint asks and out, moving to another organization, delete), the kept rows equal a
// GROUP BY over the requests, and each viewer's summary equals the live count of the rows it may see.

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org;
let b: Org;
let viewerA: Viewer;
let viewerB: Viewer;
const campaignIds: string[] = [];

beforeAll(async () => {
  a = await makeOrganization("Kept A");
  b = await makeOrganization("Kept B");
  await formCoalition(a, b);
  viewerA = await freshViewer(a.admin.id);
  viewerB = await freshViewer(b.admin.id);
  for (const title of ["Kept ask one", "Kept ask two"]) {
    const [row] = await db
      .insert(campaigns)
      .values({ organizationId: a.org.id, title, ask: "Stops.", recordTypes: ["stops"], letterTemplate: "Dear {agency}" })
      .returning({ id: campaigns.id });
    campaignIds.push(row!.id);
  }
}, 120_000);

/** The kept rows of these joint asks, and the same recounted from the requests. */
async function keptAndRecounted() {
  const ids = sql.join(campaignIds.map((id) => sql`${id}::uuid`), sql`, `);
  const order = sql`order by 1, 2, 3, 4, 5, 6`;
  const kept = await queryRows<Record<string, unknown>>(
    db,
    sql`select campaign_id::text, organization_id::text, visibility::text, status::text, assignee_id::text, due_on::text, n::int
          from campaign_counts where campaign_id in (${ids}) ${order}`,
  );
  const recounted = await queryRows<Record<string, unknown>>(
    db,
    sql`select campaign_id::text, organization_id::text, visibility::text, status::text, assignee_id::text,
               (case when status in ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested',
                                     'partially_fulfilled', 'appealed', 'in_litigation') then due_on end)::text as due_on, count(*)::int as n
          from requests where campaign_id in (${ids}) group by 1, 2, 3, 4, 5, 6 ${order}`,
  );
  return { kept, recounted };
}

/** Each viewer's summary of each joint ask against the live count (and against summarize() over every row). */
async function expectSummariesLive(today: string) {
  for (const viewer of [viewerA, viewerB]) {
    for (const campaignId of campaignIds) {
      const [kept, live, rows] = await Promise.all([
        campaignCounts(viewer, campaignId, today),
        countRowsLive(viewer, campaignId, today),
        listCampaignRequests(viewer, campaignId),
      ]);
      const key = (r: { status: string; assigneeId: string | null }) => `${r.status}/${r.assigneeId ?? ""}`;
      const liveTotal = live.reduce((n, r) => n + r.n, 0);
      expect(kept.total, `${viewer.organizationName} ${campaignId}`).toBe(liveTotal);
      expect(kept.overdue).toBe(live.reduce((n, r) => n + r.overdue, 0));
      const liveByStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, live.filter((r) => r.status === s).reduce((n, r) => n + r.n, 0)]).filter(([, n]) => n));
      const keptByStatus = Object.fromEntries(Object.entries(kept.statusCounts).filter(([, n]) => n));
      expect(keptByStatus).toEqual(liveByStatus);
      expect(new Set(live.map(key)).size).toBeGreaterThanOrEqual(kept.assignees.length);
      // The page's figures as summarize() made them from every row the viewer sees.
      const recount = summarize(rows, today);
      const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));
      expect({ ...kept, statusCounts: nonZero(kept.statusCounts) }).toEqual({ ...recount, statusCounts: nonZero(recount.statusCounts) });
    }
  }
}

describe("the kept joint ask counts", () => {
  it("equal the live count after random edits on every write path", async () => {
    const random = prng(1414);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const dates = ["2026-11-01", "2026-11-20", "2026-11-23", "2026-11-25", "2026-11-30", "2026-12-20", null];
    const assignees = [null, a.admin.id, a.member.id];
    const ids: Array<{ id: string; org: Org }> = [];
    // Requests of both organizations in the two joint asks, some private.
    for (let i = 0; i < 24; i++) {
      const org = i % 3 === 2 ? b : a;
      const made = await makeRequest(org.viewer, org.agencyId, { initialStatus: i % 2 ? "submitted" : "draft", visibility: i % 5 === 0 ? "private" : "coalition" });
      await db.update(requests).set({ campaignId: campaignIds[i % 2]! }).where(eq(requests.id, made.id));
      ids.push({ id: made.id, org });
    }
    let checked = 0;
    for (let step = 0; step < 60; step++) {
      const live = ids.filter((x) => x.id);
      const target = pick(live);
      const op = Math.floor(random() * 9);
      switch (op) {
        case 0:
          await changeStatus(target.org.viewer, target.id, { status: pick(["acknowledged", "fulfilled", "denied", "awaiting_response", "fee_requested", "withdrawn"] as const) }, TODAY);
          break;
        case 1:
          await db.update(requests).set({ dueOn: pick(dates) }).where(eq(requests.id, target.id));
          break;
        case 2:
          await db.update(requests).set({ assigneeId: target.org === a ? pick(assignees) : pick([null, b.admin.id]) }).where(eq(requests.id, target.id));
          break;
        case 3:
          await db.update(requests).set({ visibility: pick(["private", "coalition"] as const) }).where(eq(requests.id, target.id));
          break;
        case 4:
          // Into the other joint ask, or out of any (and back in later by case 5).
          await db.update(requests).set({ campaignId: random() < 0.5 ? null : pick(campaignIds) }).where(eq(requests.id, target.id));
          break;
        case 5: {
          if (target.org === a) await setRequestCampaign(a.viewer, target.id, pick(campaignIds));
          else await db.update(requests).set({ campaignId: pick(campaignIds) }).where(eq(requests.id, target.id));
          break;
        }
        case 6: {
          // A new request made straight into a joint ask (as generating one does).
          const org = random() < 0.5 ? a : b;
          const made = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
          await db.update(requests).set({ campaignId: pick(campaignIds), dueOn: pick(dates) }).where(eq(requests.id, made.id));
          ids.push({ id: made.id, org });
          break;
        }
        case 7:
          // Moved to the other organization (its number taken from a range of its own), with its assignee let go.
          if (target.org === a) {
            await db
              .update(requests)
              .set({ organizationId: b.org.id, assigneeId: null, number: 90_000 + step })
              .where(eq(requests.id, target.id));
            target.org = b;
          }
          break;
        case 8:
          await db.delete(requests).where(eq(requests.id, target.id));
          target.id = "";
          break;
      }
      if (step % 6 === 5) {
        const { kept, recounted } = await keptAndRecounted();
        expect(kept, `after step ${step}`).toEqual(recounted);
        checked += 1;
      }
    }
    expect(checked).toBe(10);
    const { kept } = await keptAndRecounted();
    expect(kept.length).toBeGreaterThan(3);
    // "Overdue" moves with today; the kept due dates answer any day.
    for (const today of ["2026-11-01", TODAY, "2026-12-31"]) await expectSummariesLive(today);
    // A bulk move of several rows at once (one statement), then the joint ask deleted: its rows go to zero.
    const remaining = ids.filter((x) => x.id).map((x) => x.id);
    await db.update(requests).set({ status: "submitted", dueOn: "2026-11-02" }).where(inArray(requests.id, remaining));
    expect((await keptAndRecounted()).kept).toEqual((await keptAndRecounted()).recounted);
    await expectSummariesLive(TODAY);
    await db.delete(campaigns).where(eq(campaigns.id, campaignIds[1]!));
    const after = await keptAndRecounted();
    expect(after.kept).toEqual(after.recounted);
    expect(after.kept.every((r) => r.campaign_id === campaignIds[0])).toBe(true);
  });
});
