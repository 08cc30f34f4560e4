// npm run bench:load
// Builds the app, starts the production server on a fresh embedded database (demo data seeded) in a temp
// DATA_DIR, signs in, and for three pages (the requests list, a request page, the API list) runs 50 concurrent
// clients on kept-alive connections for BENCH_LOAD_SECONDS (default 10) each. Prints throughput, p50 and p99
// latency and errors per page, and the server's memory (sampled every 50 ms; target: under 400 MB at 50
// clients). The load generator is built in (node:http): autocannon is not a dependency of the project.
// With BENCH_DATABASE_URL=postgres://... it runs against a fresh database on that server instead, to show the
// server's memory without the embedded database's own.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const work = mkdtempSync(path.join(tmpdir(), "jointask-bench-load-"));

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `CLIENTS` loops, each sending the next GET as soon as the last answered, for `SECONDS`. */
async function hammer(port: number, pathname: string, cookie: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let errors = 0;
  const statuses = new Map<number, number>();
  const until = performance.now() + SECONDS * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.get({ host: "127.0.0.1", port, path: pathname, agent, headers: { Cookie: cookie } }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - start);
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
          if ((res.statusCode ?? 500) >= 400) errors += 1;
          resolve();
        });
      });
      req.on("error", () => {
        errors += 1;
        resolve();
      });
    });
  const client = async () => {
    while (performance.now() < until) await one();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, statuses };
}

async function main() {
  console.log(`Working in ${work}`);
  console.log("Building…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) return run(null);
  const name = `jointask_bench_load_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function run(databaseUrl: string | null) {
  const env = {
    ...process.env,
    DATA_DIR: path.join(work, "data"),
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl ?? "",
    SEED_DEMO: "1",
    SESSION_SECRET: "bench-load-session-secret-0123456789abcdef",
  };
  if (databaseUrl) execFileSync(process.execPath, ["--import", "tsx", "db/cli/seed-demo.ts"], { cwd: root, env, stdio: "ignore" });
  console.log(databaseUrl ? "Postgres server (BENCH_DATABASE_URL)" : "Embedded database (PGlite)");
  const server = spawn(process.execPath, ["build/server.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout.on("data", (c) => (log += c));
  server.stderr.on("data", (c) => (log += c));
  try {
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
    const login = await fetch(`${base}/login`, { method: "POST", body: new URLSearchParams({ email: "demo@example.org", password: "demo-password" }), redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const list = (await (await fetch(`${base}/api/v1/requests?pageSize=1`, { headers: { Cookie: cookie } })).json()) as { data: { id: string }[] };
    const requestId = list.data[0]!.id;

    console.log(`${CLIENTS} concurrent clients, ${SECONDS} s per page; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on 2 shared cores`);
    const baseline = rssOf(server.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 50);
    for (const [label, pathname] of [
      ["Requests list  GET /requests", "/requests"],
      ["Request page   GET /requests/:id", `/requests/${requestId}`],
      ["API list       GET /api/v1/requests", "/api/v1/requests"],
    ] as const) {
      const r = await hammer(port, pathname, cookie);
      const codes = [...r.statuses].map(([code, n]) => `${code}×${n}`).join(" ");
      console.log(`${label.padEnd(38)} ${r.perSecond.toFixed(1).padStart(7)} req/s   p50 ${ms(r.p50).padStart(9)}   p99 ${ms(r.p99).padStart(9)}   errors ${r.errors}   (${codes})`);
    }
    clearInterval(sampler);
    console.log(`Server memory: ${mb(baseline)} before, peak ${mb(peak)} under load, ${mb(rssOf(server.pid!))} after   (target: peak < 400 MB)`);
  } finally {
    server.kill("SIGTERM");
    await Promise.race([once(server, "exit"), new Promise((r) => setTimeout(r, 15_000))]);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
