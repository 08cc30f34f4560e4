// Times the analytics page's loader parts in process on a dataset: npx tsx bench/analytics-timing.ts
// (DATABASE_URL = the dataset; SCALE_EMAIL's viewer). Prints each part's median and p95 over N runs.
import { sql } from "drizzle-orm";
import { db, queryRows } from "../app/utils/db.server";
import { analytics, analyticsFilterOptions, analyticsExtras } from "../app/domain/analytics.server";
import { analyticsTables } from "../app/domain/analytics-tables";
import { viewerFor } from "../app/domain/accounts.server";
import { loadavg } from "node:os";

const N = Number(process.env.RUNS ?? 15);
async function main() {
  const [u] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'scale@trc.example'`);
  const viewer = (await viewerFor(db, u!.id))!;
  const parts: Record<string, () => Promise<unknown>> = {
    options: () => analyticsFilterOptions(viewer),
    extras: () => analyticsExtras(db, viewer, {}, new Date().toISOString().slice(0, 10)),
    "analytics (per-agency rows)": () => analytics(viewer, {}, { level: "agencies" }),
    "analytics (group rows)": () => analytics(viewer, {}, { level: "groups" }),
    "analytics (default) + tables": async () => JSON.stringify(analyticsTables(await analytics(viewer, {}))).length,
    "own (per-agency rows)": () => analytics(viewer, { owner: "own" }, { level: "agencies" }),
    "own (group rows)": () => analytics(viewer, { owner: "own" }, { level: "groups" }),
  };
  for (const [name, fn] of Object.entries(parts)) {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < N; i += 1) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
    console.log(`${name.padEnd(30)} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms`);
  }
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  process.exit(0);
}
void main();
