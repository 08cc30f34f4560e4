// npm run bench:load
// Builds the app, starts the production server on a fresh embedded database (demo data seeded) in a temp
// DATA_DIR, signs in, and for three pages (the requests list, a request page, the API list) runs 50 concurrent
// clients on kept-alive connections for BENCH_LOAD_SECONDS (default 10) each. Prints throughput, p50 and p99
// latency and errors per page, and the server's memory (sampled every 50 ms; target: under 400 MB at 50
// clients), with autocannon as the load generator.
// With BENCH_DATABASE_URL=postgres://... it runs against a fresh database on that server instead, to show the
// server's memory without the embedded database's own.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import autocannon from "autocannon";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { serveNodeFlags } from "./serve-flags";

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

/** `CLIENTS` kept-alive connections, each sending the next GET as soon as the last answered, for `SECONDS`. */
async function hammer(port: number, pathname: string, cookie: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${pathname}`,
    connections: CLIENTS,
    duration: SECONDS,
    headers: { Cookie: cookie },
  });
  const statuses = new Map<string, number>();
  for (const [code, n] of Object.entries({ "1xx": result["1xx"], "2xx": result["2xx"], "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"] })) {
    if (n) statuses.set(code, n);
  }
  return {
    count: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
  };
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
  // The same Node flags as `npm run serve` (the heap size), read from package.json so the bench runs what users run.
  const nodeFlags = serveNodeFlags(root);
  console.log(`Server: node ${[...nodeFlags, "build/server.js"].join(" ")}; MAX_CONCURRENT_REQUESTS ${process.env.MAX_CONCURRENT_REQUESTS ?? "8 (default)"}`);
  const server = spawn(process.execPath, [...nodeFlags, "build/server.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
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
