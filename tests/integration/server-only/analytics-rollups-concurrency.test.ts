import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { scorecard, scorecardLive } from "~/domain/analytics.server";
import { foldAnalytics } from "~/domain/analytics-rollups.server";
import { todayIn } from "~/utils/dates";
import { db, queryRows } from "~/utils/db.server";
import { makeAgency, makeOrganization, makeRequest } from "../factories";

// Two transactions changing many requests of the same two agencies, in opposite orders, at the same time (as two
// bulk status changes do, one request at a time), while a fold runs: neither waits on the other over the rollups
// (the triggers only append deltas), so neither deadlocks; the figures afterwards equal the live query's.
// Postgres only: an embedded database has one connection.

describe("analytics rollups under concurrent bulk changes", () => {
  it("don't deadlock two transactions touching the same agencies in opposite order, and stay exact", async () => {
    const org = await makeOrganization("Rollups concurrency");
    const x = (await makeAgency(org.viewer, { name: "X PD", place: "Xville" })).agencyId;
    const y = (await makeAgency(org.viewer, { name: "Y PD", place: "Ytown" })).agencyId;
    const onX: string[] = [];
    const onY: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      onX.push((await makeRequest(org.viewer, x)).id);
      onY.push((await makeRequest(org.viewer, y)).id);
    }
    await foldAnalytics(db);
    const url = process.env.DATABASE_URL!;
    const first = postgres(url, { max: 1, onnotice: () => {} });
    const second = postgres(url, { max: 1, onnotice: () => {} });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    // Each request changed by its own statement, interleaved: A goes X then Y, B goes Y then X.
    const bulk = (conn: postgres.Sql, ids: string[], status: string) =>
      conn.begin(async (tx) => {
        for (const id of ids) {
          await tx`update requests set status = ${status}, received_on = current_date - 10, due_on = current_date - 3 where id = ${id}`;
          await pause();
        }
      });
    try {
      const results = await Promise.allSettled([
        bulk(first, [...onX.slice(0, 10), ...onY.slice(0, 10)], "fulfilled"),
        bulk(second, [...onY.slice(10), ...onX.slice(10)], "acknowledged"),
        (async () => {
          await pause();
          await foldAnalytics(db);
        })(),
      ]);
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok", "ok"]);
      // Again, each on the other's agencies first.
      const again = await Promise.allSettled([
        bulk(first, [...onY.slice(10), ...onX.slice(0, 10)], "denied"),
        bulk(second, [...onX.slice(10), ...onY.slice(0, 10)], "partially_fulfilled"),
      ]);
      expect(again.map((r) => (r.status === "rejected" ? String(r.reason) : "ok"))).toEqual(["ok", "ok"]);
    } finally {
      await first.end({ timeout: 5 });
      await second.end({ timeout: 5 });
    }
    const today = todayIn(org.viewer.timeZone);
    for (const agencyId of [x, y]) {
      const rolled = await scorecard(org.viewer, { agencyId }, today);
      expect(rolled).toEqual(await scorecardLive(org.viewer, { agencyId }, today));
      expect(rolled.requests).toBe(20);
    }
    await foldAnalytics(db);
    const [pending] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from analytics_deltas where organization_id = ${org.org.id}`);
    expect(pending!.n).toBe(0);
    for (const agencyId of [x, y]) {
      expect(await scorecard(org.viewer, { agencyId }, today)).toEqual(await scorecardLive(org.viewer, { agencyId }, today));
    }
  }, 120_000);
});
