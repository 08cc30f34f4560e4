/**
 * npx tsx bench/rollup-writes.ts — what the analytics rollups' triggers cost a write, on the national dataset
 * (bench/scale-dataset.ts; SCALE_DATABASE_URL). Each write runs in a transaction that is rolled back, so the
 * dataset is unchanged: a status change as the app makes one (the request's status, then its status facts row
 * replaced as the new timeline entry's trigger replaces it), for one request and for 500 in one transaction (a bulk
 * change), with the rollup triggers (they append to analytics_deltas) and without them (the floor: the same
 * transaction with those four triggers disabled inside it; ALTER TABLE holds its lock until the rollback, a few
 * hundred ms, with lock_timeout 2 s). Also the fold of the 500 changes' deltas. Median of RUNS (5) runs each.
 */
import { loadavg } from "node:os";
import postgres from "postgres";
import { SCALE_DATABASE_URL, SCALE_ORGANIZATION } from "./scale-dataset";

const RUNS = Number(process.env.RUNS ?? 5);
const ROLLUP_TRIGGERS = [
  ["requests", "requests_analytics_insert"],
  ["requests", "requests_analytics_update"],
  ["requests", "requests_analytics_delete"],
  ["request_status_facts", "request_status_facts_analytics"],
] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const sql = postgres(SCALE_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const ids = (
      await sql<{ id: string }[]>`
        select r.id from requests r join organizations o on o.id = r.organization_id
         where o.name = ${SCALE_ORGANIZATION} and r.status = 'acknowledged' and r.agency_id is not null
         order by r.id limit 500`
    ).map((r) => r.id);
    if (ids.length < 500) throw new Error(`only ${ids.length} acknowledged requests`);
    const change = async (tx: postgres.TransactionSql, batch: string[]) => {
      for (const id of batch) {
        await tx`update requests set status = 'fulfilled' where id = ${id}`;
        // what the new timeline entry's trigger leaves in request_status_facts (written directly: the refresh
        // reads the request's events; this times the rollup triggers, not that)
        await tx`delete from request_status_facts where request_id = ${id}`;
        await tx`insert into request_status_facts (request_id, responded_on, completed_on, engaged, paused_before_response, paused_before_completion)
                 values (${id}, current_date, current_date, true, 0, 0)`;
      }
    };
    const time = async (batch: string[], withTriggers: boolean, fold = false) => {
      const times: number[] = [];
      const folds: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await sql
          .begin(async (tx) => {
            await tx`set local lock_timeout = '2s'`;
            if (!withTriggers) for (const [table, trigger] of ROLLUP_TRIGGERS) await tx.unsafe(`alter table "${table}" disable trigger "${trigger}"`);
            const t = performance.now();
            await change(tx, batch);
            times.push(performance.now() - t);
            if (fold) {
              const f = performance.now();
              await tx`select analytics_fold()`;
              folds.push(performance.now() - f);
            }
            throw new Error("rollback");
          })
          .catch((error: unknown) => {
            if (!(error instanceof Error && error.message === "rollback")) throw error;
          });
      }
      return { ms: median(times), fold: folds.length ? median(folds) : null };
    };
    const one = ids.slice(0, 1);
    const rows = [
      ["status change, 1 request", await time(one, false), await time(one, true)],
      ["bulk status change, 500 requests (one transaction)", await time(ids, false), await time(ids, true, true)],
    ] as const;
    console.log(`Load average: ${loadavg().map((l) => l.toFixed(2)).join(" ")} (${RUNS} runs each, median)`);
    console.log("write".padEnd(52), "floor (no rollup triggers)".padStart(28), "with rollup triggers".padStart(22), "fold of its deltas".padStart(20));
    for (const [label, floor, withTriggers] of rows) {
      console.log(
        label.padEnd(52),
        `${floor.ms.toFixed(1)} ms`.padStart(28),
        `${withTriggers.ms.toFixed(1)} ms (+${(((withTriggers.ms - floor.ms) / floor.ms) * 100).toFixed(0)}%)`.padStart(22),
        (withTriggers.fold === null ? "" : `${withTriggers.fold.toFixed(1)} ms`).padStart(20),
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

await main();
