// npm run bench:profile
// Builds the app, starts the production server on a fresh embedded database in a temp DATA_DIR, uploads
// generated calls-for-service CSVs of 100 MB and 1 GB, and times their dataset profiles (computed by the
// server's background worker) while sampling the server process's memory (VmRSS, which counts DuckDB's
// native memory too) and the profiler's child process (where DuckDB runs). Prints the figures beside the goal: 1 GB in under 20 s with under 300 MB of server
// memory. With BENCH_DATABASE_URL=postgres://... it runs again on a fresh database on that server (named
// with BENCH_DATABASE_PREFIX, default "jointask_bench_"), which shows the server's memory without the
// embedded database's own. The generated files are written to a temp directory and deleted afterwards.
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const SIZES = (process.env.BENCH_PROFILE_MB ?? "100,1000").split(",").map((s) => Number(s.trim()) * 1e6);
const GOAL_SECONDS = 20;
const GOAL_MB = 300;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const work = mkdtempSync(path.join(tmpdir(), "jointask-bench-profile-"));
const dataDir = path.join(work, "data");

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Calls for service over 2022-2025 with San Diego's columns, call types from a list of 250, a hashed officer id. */
async function writeCsv(file: string, size: number): Promise<{ bytes: number; rows: number }> {
  const out = createWriteStream(file);
  const types = Array.from({ length: 250 }, (_, k) => `T${k.toString(36).toUpperCase()}`);
  const dispositions = ["A", "R", "K", "CAN", "DUP", "W", "U", "O"];
  const races = ["W", "B", "H", "A", "O", ""];
  const start = Date.UTC(2022, 0, 1);
  const span = 4 * 365 * 86_400_000;
  let written = 0;
  let rows = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write("incident_num,date_time,day_of_week,address_number_primary,address_road_primary,call_type,disposition,beat,priority,subject_race,officer_id_hash\n");
  while (written < size) {
    let chunk = "";
    for (let k = 0; k < 5000; k++, rows++) {
      const t = new Date(start + ((rows * 97_003) % span));
      const when = t.toISOString().replace("T", " ").slice(0, 19);
      const hash = `${((rows * 2654435761) >>> 0).toString(16).padStart(8, "0")}${((rows * 40503) >>> 0).toString(16).padStart(8, "0")}`;
      chunk += `E${String(rows).padStart(11, "0")},${when},${t.getUTCDay() + 1},${(rows % 99) * 100},ROAD ${rows % 500},${types[(rows * 7919) % 250]},${dispositions[rows % 8]},${100 + (rows % 600)},${rows % 5},${races[rows % 6]},${hash}\n`;
    }
    await write(chunk);
  }
  out.end();
  await once(out, "close");
  return { bytes: statSync(file).size, rows };
}

function rssOf(pid: number): { rss: number; hwm: number } {
  let status = "";
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return { rss: 0, hwm: 0 };
  }
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat, counted in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The server's child processes (the profiler runs in one per job). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function run(files: Array<{ file: string; bytes: number; rows: number }>, databaseUrl: string | null) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    FILES_DIR: path.join(work, databaseUrl ? "files-postgres" : "files-embedded"),
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl ?? "",
    SESSION_SECRET: "bench-profile-session-secret-0123456789abcdef",
    MAIL_WORKER: "false",
  };
  if (databaseUrl) execFileSync(process.execPath, ["--import", "tsx", "db/cli/seed-demo.ts"], { cwd: root, env, stdio: "ignore" });
  console.log(`\n== ${databaseUrl ? "Postgres server (BENCH_DATABASE_URL)" : "Embedded database (PGlite)"}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on 2 shared cores`);
  const server = spawn(process.execPath, ["build/server.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout.on("data", (c) => (log += c));
  server.stderr.on("data", (c) => (log += c));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(log);
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      } else if (server.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`The server exited:\n${log}`));
      }
    }, 200);
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const login = await fetch(`${base}/login`, { method: "POST", body: new URLSearchParams({ email: "demo@example.org", password: "demo-password" }), redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const api = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(`${base}${url}`, { ...init, headers: { Cookie: cookie, "Content-Type": "application/json", ...init.headers } });
      return (await response.json()) as { data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const agencyId = (await api("/api/v1/requests?pageSize=1")).data[0].agency.id as string;
    // Let the demo's own files (if any) be profiled first.
    await new Promise((r) => setTimeout(r, 3000));
    for (const { file, bytes, rows } of files) {
      const requestId = (await api("/api/v1/requests", { method: "POST", body: JSON.stringify({ title: `Bench profile ${mb(bytes)}`, description: "Generated CSV", agencyId }) })).data.id as string;
      const curl = spawn("curl", ["-sS", "-H", "Expect:", "-b", cookie, "-F", `file=@${file};type=text/csv`, `${base}/api/v1/requests/${requestId}/files`]);
      let out = "";
      curl.stdout.on("data", (c) => (out += c));
      await once(curl, "exit");
      const uploaded = JSON.parse(out) as { data?: { id: string } };
      if (!uploaded.data) throw new Error(`Upload failed: ${out}`);
      const queuedAt = performance.now();
      const baseline = rssOf(server.pid!).rss;
      let peak = baseline;
      let childPeak = 0;
      let totalPeak = baseline;
      const childCpu = new Map<number, number>();
      const sampler = setInterval(() => {
        const own = rssOf(server.pid!).rss;
        const kids = childrenOf(server.pid!);
        for (const pid of kids) childCpu.set(pid, Math.max(childCpu.get(pid) ?? 0, cpuSecondsOf(pid)));
        const children = kids.reduce((sum, pid) => sum + rssOf(pid).rss, 0);
        peak = Math.max(peak, own);
        childPeak = Math.max(childPeak, children);
        totalPeak = Math.max(totalPeak, own + children);
      }, 25);
      let profile: { status: string; rows: number | null; seconds: number | null; error: string | null; columns: unknown[] | null } | null = null;
      for (;;) {
        profile = (await api(`/api/v1/requests/${requestId}/files/${uploaded.data.id}`)).data.profile;
        if (profile?.status === "done" || profile?.status === "failed") break;
        await new Promise((r) => setTimeout(r, 250));
      }
      clearInterval(sampler);
      const wall = performance.now() - queuedAt;
      if (profile.status !== "done") throw new Error(`The profile failed: ${profile.error}`);
      if (profile.rows !== rows) throw new Error(`The profile counted ${profile.rows} rows of ${rows}`);
      const seconds = (profile.seconds ?? 0) * 1000;
      const big = bytes >= 900e6;
      console.log(`${mb(bytes)} CSV, ${rows.toLocaleString("en-US")} rows, ${profile.columns?.length} columns (rows checked):`);
      console.log(`  profile time (engine):              ${secs(seconds)}${big ? `   (goal < ${GOAL_SECONDS} s: ${seconds / 1000 < GOAL_SECONDS ? "met" : "NOT met"})` : ""}`);
      console.log(`  from upload to "done" (queue+poll): ${secs(wall)}`);
      console.log(`  server memory: ${mb(baseline)} before, peak ${mb(peak)} while profiling (+${mb(peak - baseline)})${big ? `   (goal < ${GOAL_MB} MB: ${peak / 1e6 < GOAL_MB ? "met" : "NOT met"})` : ""}`);
      console.log(`  the profiler's own process (DuckDB): peak ${mb(childPeak)}; server and profiler together: peak ${mb(totalPeak)}`);
      const cpu = [...childCpu.values()].reduce((a, b) => a + b, 0);
      console.log(`  CPU time the profiler used: ${cpu.toFixed(1)} s (user + system, 2 threads); on 2 idle cores that is about ${(cpu / 2).toFixed(1)} s of wall time`);
    }
    console.log(`  Peak since start (VmHWM; includes start-up, migrations, seeding, sign-in, uploads): ${mb(rssOf(server.pid!).hwm)}`);
  } finally {
    server.kill("SIGTERM");
    await Promise.race([once(server, "exit"), new Promise((r) => setTimeout(r, 15_000))]);
  }
}

async function main() {
  console.log(`Working in ${work}`);
  console.log("Building…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  const files: Array<{ file: string; bytes: number; rows: number }> = [];
  try {
    for (const size of SIZES) {
      const file = path.join(work, `calls-${mb(size).replace(" ", "")}.csv`);
      console.log(`Writing a ${mb(size)} CSV…`);
      files.push({ file, ...(await writeCsv(file, size)) });
    }
    await run(files, null);
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (serverUrl) {
      const name = `${process.env.BENCH_DATABASE_PREFIX ?? "jointask_bench_"}profile_${Date.now().toString(36)}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      try {
        await run(files, url.toString());
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
