import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contactBounces, inboundMessages, requests } from "../../db/schema";
import { ATTENTION_SECTIONS, chaseBoard, chaseCounts } from "~/domain/chase.server";
import { db, queryRows } from "~/utils/db.server";
import { makeOrganization, makeRequest, TODAY } from "./factories";

// The navigation's count reads the open rows through their own index: it must keep counting exactly what the
// chase board shows in its "needs attention" sections.

describe("the navigation's needs-attention count", () => {
  it("equals the board's attention sections, bounced drafts and open bounces included", async () => {
    const org = await makeOrganization("Attention");
    const make = async (set: Partial<typeof requests.$inferInsert>, initialStatus: "draft" | "submitted" = "submitted") => {
      const created = await makeRequest(org.viewer, org.agencyId, { initialStatus });
      if (Object.keys(set).length) await db.update(requests).set(set).where(eq(requests.id, created.id));
      return created.id;
    };
    await make({ dueOn: "2026-11-01" }); // overdue
    await make({ dueOn: "2026-11-01", nextActionOn: "2026-12-01" }); // overdue, scheduled: not counted
    await make({ status: "fee_requested", dueOn: "2026-12-20" }); // waiting on us
    await make({ dueOn: "2026-11-25" }); // due soon
    await make({ dueOn: "2026-12-20", nextActionOn: "2026-11-20" }); // follow-up
    await make({ dueOn: "2026-12-20" }); // nothing due: not counted
    await make({ status: "fulfilled", dueOn: "2026-11-01" }); // answered: not counted
    await make({}, "draft"); // a draft: not counted
    const bounce = async (requestId: string) => {
      const [inbound] = await db
        .insert(inboundMessages)
        .values({ organizationId: org.org.id, requestId, status: "filed", channel: "upload", messageId: `<${randomUUID()}@x.example>`, rawKey: "x", rawSize: 1, classification: "bounce" })
        .returning();
      await db.insert(contactBounces).values({ organizationId: org.org.id, requestId, agencyId: org.agencyId, inboundMessageId: inbound!.id, address: "old@attention.example", reason: "550 5.1.1 User unknown" });
    };
    await bounce(await make({}, "draft")); // a draft whose letter bounced: fix the contact
    await bounce(await make({ dueOn: "2026-12-20" })); // an open request whose letter bounced

    const board = await chaseBoard(org.viewer, TODAY);
    // Every section here is shorter than a board's rows: what it lists is what it holds, counted independently.
    for (const section of board) expect([section.key, section.total]).toEqual([section.key, section.shown]);
    const bySection = Object.fromEntries(board.map((s) => [s.key, s.shown]));
    expect(bySection).toMatchObject({ fix_contact: 2, overdue: 1, waiting_on_us: 1, due_soon: 1, follow_up: 1, overdue_scheduled: 1 });
    const attention = ATTENTION_SECTIONS.reduce((sum, key) => sum + (bySection[key] ?? 0), 0);
    expect(await chaseCounts(org.viewer, TODAY)).toEqual({ overdue: 1, attention });
    expect(attention).toBe(6);
  });

  it("stays equal to the board and to a recount as requests are changed, closed, moved and deleted", async () => {
    const org = await makeOrganization("Attention moves");
    const boardAttention = async () => {
      const board = await chaseBoard(org.viewer, TODAY);
      for (const section of board) expect([section.key, section.total]).toEqual([section.key, section.shown]);
      const by = Object.fromEntries(board.map((s) => [s.key, s.shown]));
      return { overdue: by.overdue ?? 0, attention: ATTENTION_SECTIONS.reduce((sum, key) => sum + (by[key] ?? 0), 0) };
    };
    // attention_counts (kept by the trigger) against a count of the requests themselves.
    const recount = async () => {
      const kept = await queryRows<{ k: string; n: number }>(
        db,
        sql`select concat_ws('|', paused, due_on, next_action_on, follow_up_on, due_statutory) as k, n from attention_counts
             where organization_id = ${org.org.id} order by 1`,
      );
      const counted = await queryRows<{ k: string; n: number }>(
        db,
        sql`select concat_ws('|', status in ('clarification_requested', 'fee_requested'), due_on, next_action_on, follow_up_on, due_statutory) as k, count(*)::int as n
              from requests where organization_id = ${org.org.id}
               and status in ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')
             group by 1 order by 1`,
      );
      expect(kept.map((r) => [r.k, Number(r.n)])).toEqual(counted.map((r) => [r.k, Number(r.n)]));
    };
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" })).id);
    const steps: [string, Partial<typeof requests.$inferInsert>][] = [
      [ids[0]!, { dueOn: "2026-11-01" }],
      [ids[1]!, { dueOn: "2026-11-01" }], // same key as the first: one row counting two
      [ids[2]!, { status: "clarification_requested", dueOn: "2026-12-20" }],
      [ids[3]!, { dueOn: "2026-11-25", nextActionOn: "2026-11-20" }],
      [ids[4]!, { dueStatutory: false, followUpOn: "2026-11-10", dueOn: null }],
      [ids[1]!, { nextActionOn: "2026-12-01" }], // overdue, now scheduled
      [ids[0]!, { status: "fulfilled" }], // closed: no longer counted
      [ids[2]!, { status: "awaiting_response" }], // resumed
      [ids[5]!, { status: "withdrawn" }],
      [ids[5]!, { status: "appealed", dueOn: "2026-11-24" }], // reopened
    ];
    for (const [id, set] of steps) {
      await db.update(requests).set(set).where(eq(requests.id, id));
      expect(await chaseCounts(org.viewer, TODAY)).toEqual(await boardAttention());
      await recount();
    }
    await db.delete(requests).where(eq(requests.id, ids[3]!));
    expect(await chaseCounts(org.viewer, TODAY)).toEqual(await boardAttention());
    await recount();
    expect(await chaseCounts(org.viewer, TODAY)).toEqual({ overdue: 0, attention: 2 }); // #4 follow-up, #5 due soon
  });
});
