/**
 * The national agency directory: start-up time of the embedded database (PGlite, in a temporary data
 * directory) and of a Postgres server database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * skipped if unreachable), first with an empty database (migrations, reference data, the directory's first
 * load) and then again with everything already there; then the directory search's server time (median and
 * p95 over typical queries, the word index built beforehand, its build time printed) on both drivers.
 * Run with `npm run bench:directory`. Prints figures; always exits 0.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

// The app's own database handle opens on import: keep it in memory, out of the way of the one measured here.
process.env.PGLITE_MEMORY = "1";
delete process.env.DATABASE_URL;
const { openDatabase } = await import("../db/client");
type Handle = ReturnType<typeof openDatabase>;
const { runMigrations } = await import("../db/migrate");
const { seedReferenceData } = await import("../db/seed/reference");
const { loadDirectory } = await import("../db/seed/directory");
const { directoryIndex, resetDirectoryIndex, searchDirectory } = await import("../app/domain/directory.server");
const { dbHandle: appHandle } = await import("../app/utils/db.server");

const QUERIES = [
  "oakland pd",
  "sherif lane county",
  "pd oakland",
  "oaklnd police",
  "AK0010100",
  "police",
  "sheriff",
  "new york city police",
  "highway patrol",
  "university of california berkeley",
  "lee county sheriff",
  "portland",
  "chicago",
  "harris county",
  "texas department of public safety",
  "miami dade",
  "st louis county police",
  "univ texas austin",
  "tribal police",
  "springfield police",
];
const RUNS = 10;

const ms = (start: number) => performance.now() - start;
const fmt = (n: number) => `${n.toFixed(1)} ms`;

async function startUp(open: () => Handle): Promise<{ total: number; directory: number; loaded: boolean }> {
  const start = performance.now();
  const handle = open();
  await runMigrations(handle);
  await seedReferenceData(handle.db);
  const before = performance.now();
  const load = await loadDirectory(handle.db);
  const directory = ms(before);
  const total = ms(start);
  await handle.close();
  return { total, directory, loaded: load.loaded };
}

async function searchFigures(handle: Handle) {
  resetDirectoryIndex();
  const built = performance.now();
  await directoryIndex(handle.db);
  const indexMs = ms(built);
  const samples: number[] = [];
  for (const q of QUERIES) await searchDirectory(null, { q, limit: 20 }, handle.db); // warm-up
  for (let run = 0; run < RUNS; run++) {
    for (const q of QUERIES) {
      const start = performance.now();
      await searchDirectory(null, { q, limit: 20 }, handle.db);
      samples.push(ms(start));
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { indexMs, median: at(0.5), p95: at(0.95), max: samples[samples.length - 1]!, count: samples.length };
}

async function report(label: string, open: () => Handle) {
  console.log(`\n${label}`);
  const first = await startUp(open);
  console.log(`  start-up, empty database: ${fmt(first.total)} (of which the directory's first load ${fmt(first.directory)}, loaded: ${first.loaded})`);
  const again = await startUp(open);
  console.log(`  start-up, directory already loaded: ${fmt(again.total)} (directory check ${fmt(again.directory)}, loaded: ${again.loaded})`);
  const handle = open();
  try {
    const s = await searchFigures(handle);
    console.log(`  word index built in ${fmt(s.indexMs)} (once per process, on first search)`);
    console.log(`  search over ${QUERIES.length} queries x ${RUNS}: median ${fmt(s.median)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)} (target: under 50 ms)`);
  } finally {
    await handle.close();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "jointask-bench-directory-"));
try {
  await report("Embedded database (PGlite, data directory on disk)", () => openDatabase({ driver: "pglite", dataDir: dir }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `jointask_bench_dir_${Date.now().toString(36)}_${process.pid}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
let created = false;
try {
  await admin.unsafe(`create database "${name}"`);
  created = true;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await report(`Postgres server (${url.host})`, () => openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 }));
} catch (error) {
  console.log(`\nPostgres server skipped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (created) await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
  await admin.end({ timeout: 5 });
  await appHandle.close();
}
