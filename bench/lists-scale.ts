/**
 * The requests list's queries on the national dataset (issue 14), timed in-process (SQL + mapping, no HTTP):
 * listRequests (default, status filter, text search, tracking-number fragment, sort by due, page 500, a deep
 * keyset page), the API's page of 25, the navigation count and the tag menu. Prints median and p95 of 30 runs
 * beside the targets (page p95 < 100 ms, API p95 < 50 ms), and with --explain the EXPLAIN ANALYZE of each.
 *
 * Usage: LISTS_SCALE_URL=postgres://... [LISTS_SEARCH_PATH=sl,public] npx tsx bench/lists-scale.ts [--explain]
 * (the dataset is bench/scale-dataset.ts's; this script never builds or drops it).
 */
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "../db/schema";
import type { Database } from "../db/client";

const url = process.env.LISTS_SCALE_URL ?? "postgres://postgres@127.0.0.1:5432/jointask_scale";
process.env.DATABASE_URL ??= url;
const searchPath = process.env.LISTS_SEARCH_PATH;
const explain = process.argv.includes("--explain");
const RUNS = 30;

const { viewerFor } = await import("../app/domain/accounts.server");
const { listRequests, listTags } = await import("../app/domain/requests.server");
const { chaseCounts } = await import("../app/domain/chase.server");
const { requestSummaryJson } = await import("../app/domain/request-json");

const client = postgres(url, { max: 4, onnotice: () => {}, ...(searchPath ? { connection: { search_path: searchPath } } : {}) });
let capture: { query: string; params: unknown[] }[] | null = null;
const db = drizzle(client, {
  schema,
  logger: { logQuery: (query, params) => capture?.push({ query, params }) },
}) as unknown as Database;

const [user] = await client<{ id: string }[]>`select id from users where email = 'scale@trc.example'`;
if (!user) throw new Error("No scale@trc.example: build the dataset with bench/scale-dataset.ts first");
const viewer = (await viewerFor(db, user.id))!;
const today = new Date().toISOString().slice(0, 10);

const middle = await listRequests(viewer, { page: 2000 }, db);
const cases: [string, () => Promise<unknown>, number][] = [
  ["list: default (updated)", () => listRequests(viewer, {}, db), 100],
  ["list: status = awaiting_response", () => listRequests(viewer, { status: "awaiting_response" }, db), 100],
  ["list: text search 'overtime payroll'", () => listRequests(viewer, { q: "overtime payroll" }, db), 100],
  ["list: text search 'complaints discipline 2019'", () => listRequests(viewer, { q: "complaints discipline 2019" }, db), 100],
  ["list: tracking fragment '78005'", () => listRequests(viewer, { q: "78005" }, db), 100],
  ["list: sort by due", () => listRequests(viewer, { sort: "due" }, db), 100],
  ["list: sort by due, desc", () => listRequests(viewer, { sort: "due", dir: "desc" }, db), 100],
  ["list: page 500", () => listRequests(viewer, { page: 500 }, db), 100],
  ["list: keyset page at row 50,000", () => listRequests(viewer, { cursor: { sort: "updated", dir: "desc", before: false, ...decode(middle.nextCursor!) } }, db), 100],
  ["list: agency name 'county'", () => listRequests(viewer, { agencyName: "county" }, db), 100],
  ["API: default page of 25 as JSON", async () => (await listRequests(viewer, {}, db)).rows.map((r) => requestSummaryJson(r, today)), 50],
  ["API: text search as JSON", async () => (await listRequests(viewer, { q: "overtime payroll" }, db)).rows.map((r) => requestSummaryJson(r, today)), 50],
  ["navigation count (chaseCounts)", () => chaseCounts(viewer, today, db), 100],
  ["tag menu (listTags)", () => listTags(viewer, db), 100],
];

function decode(cursor: string) {
  const [, , , key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as string[];
  return { key: key!, id: id! };
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
console.log(`${"case".padEnd(44)} ${"median".padStart(8)} ${"p95".padStart(8)}  target p95`);
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
for (const [label, run, target] of cases) {
  if (only && !label.includes(only)) continue;
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const p95 = pct(times, 95);
  console.log(`${label.padEnd(44)} ${pct(times, 50).toFixed(1).padStart(6)}ms ${p95.toFixed(1).padStart(6)}ms  < ${target} ms ${p95 < target ? "ok" : "OVER"}`);
  if (explain) {
    capture = [];
    await run();
    for (const { query, params } of capture) {
      const plan = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
      console.log(`  -- ${query.slice(0, 140).replace(/\s+/g, " ")}...`);
      for (const line of plan) console.log(`     ${Object.values(line)[0]}`);
    }
    capture = null;
  }
}
await client.end({ timeout: 5 });
process.exit(0);
