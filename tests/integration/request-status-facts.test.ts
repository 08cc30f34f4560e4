import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requestEvents, requests } from "../../db/schema";
import { ENGAGED_STATUSES, FINAL_STATUSES, PAUSED_STATUSES, RESPONSE_STATUSES } from "~/domain/analytics";
import { recordEvent } from "~/domain/request-events.server";
import { REQUEST_STATUSES, type RequestStatus } from "~/domain/request-status";
import { db, queryRows } from "~/utils/db.server";
import { makeOrganization, makeRequest } from "./factories";

// request_status_facts is what analytics reads instead of the timeline; a trigger keeps it from the status_changed
// events with the status lists written in SQL (migration 0025). These check those lists against analytics.ts's
// constants, status by status, and the kept rows against a recomputation from the events.

const has = (list: readonly string[], status: string) => list.includes(status);

type Facts = {
  responded_on: string | null;
  completed_on: string | null;
  engaged: boolean;
  paused_before_response: number;
  paused_before_completion: number;
};

async function factsOf(requestId: string): Promise<Facts | null> {
  const [row] = await queryRows<Facts>(
    db,
    sql`select responded_on::text, completed_on::text, engaged, paused_before_response, paused_before_completion
          from request_status_facts where request_id = ${requestId}`,
  );
  return row ? { ...row, paused_before_response: Number(row.paused_before_response), paused_before_completion: Number(row.paused_before_completion) } : null;
}

describe("request_status_facts", () => {
  it("follows analytics.ts's status lists for every status, and equals a recomputation from the events", async () => {
    const org = await makeOrganization("Facts");
    const move = (id: string, from: RequestStatus, to: RequestStatus, on: string) =>
      recordEvent(db, org.viewer, id, { kind: "status_changed", data: { from, to, on } } as Parameters<typeof recordEvent>[3]);
    const ids: string[] = [];
    for (const status of REQUEST_STATUSES.filter((s) => s !== "draft" && s !== "submitted")) {
      // A: submitted 2 Mar, then the status on 5 Mar. B: the same, then fulfilled on 9 Mar.
      const a = (await makeRequest(org.viewer, org.agencyId)).id;
      const b = (await makeRequest(org.viewer, org.agencyId)).id;
      ids.push(a, b);
      expect(await factsOf(a)).toBeNull(); // no status change yet
      for (const id of [a, b]) {
        await move(id, "draft", "submitted", "2026-03-02");
        await move(id, "submitted", status, "2026-03-05");
      }
      await move(b, status, "fulfilled", "2026-03-09");
      expect(await factsOf(a), status).toEqual({
        responded_on: has(RESPONSE_STATUSES, status) ? "2026-03-05" : null,
        completed_on: has(FINAL_STATUSES, status) ? "2026-03-05" : null,
        engaged: has(ENGAGED_STATUSES, status),
        paused_before_response: 0,
        paused_before_completion: 0,
      });
      const paused = has(PAUSED_STATUSES, status) ? 4 : 0; // 5 to 9 Mar, when it was answered
      expect(await factsOf(b), status).toEqual({
        responded_on: has(RESPONSE_STATUSES, status) ? "2026-03-05" : "2026-03-09",
        completed_on: has(FINAL_STATUSES, status) ? "2026-03-05" : "2026-03-09",
        engaged: true,
        paused_before_response: has(RESPONSE_STATUSES, status) ? 0 : paused,
        paused_before_completion: has(FINAL_STATUSES, status) ? 0 : paused,
      });
    }
    // The kept rows equal the view they are computed from, and go when their events or request go.
    const differ = () =>
      queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from (
              (select * from request_status_facts where request_id in (select id from requests where organization_id = ${org.org.id})
               except select * from request_status_facts_source where request_id in (select id from requests where organization_id = ${org.org.id}))
              union all
              (select * from request_status_facts_source where request_id in (select id from requests where organization_id = ${org.org.id})
               except select * from request_status_facts where request_id in (select id from requests where organization_id = ${org.org.id}))) d`,
      ).then((rows) => Number(rows[0]!.n));
    expect(await differ()).toBe(0);
    await db.delete(requestEvents).where(sql`${requestEvents.requestId} = ${ids[1]!} and ${requestEvents.kind} = 'status_changed' and ${requestEvents.data}->>'to' = 'fulfilled'`);
    expect((await factsOf(ids[1]!))?.completed_on).toBe(has(FINAL_STATUSES, REQUEST_STATUSES.filter((s) => s !== "draft" && s !== "submitted")[0]!) ? "2026-03-05" : null);
    expect(await differ()).toBe(0);
    await db.delete(requests).where(eq(requests.id, ids[0]!));
    expect(await factsOf(ids[0]!)).toBeNull();
  });
});
