// npm run bench:upload
// Builds the app, starts the production server on a fresh embedded database in a temp DATA_DIR, uploads a
// 1 GiB CSV over HTTP (curl, streamed from disk) and compares the time with `cp` of the same file on the same
// disk; samples the server's memory while it receives; times the preview of the uploaded file. Cleans up.
// With BENCH_DATABASE_URL=postgres://... it runs a second time against a fresh database on that server, to
// show the server's memory without the embedded database's own.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const GIB = 1024 ** 3;
const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? GIB);
const RUNS = 3;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const work = mkdtempSync(path.join(tmpdir(), "jointask-bench-upload-"));
const dataDir = path.join(work, "data");
const bigFile = path.join(work, "stops-1gib.csv");

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function writeCsv(): Promise<number> {
  const races = ["black", "white", "hispanic", "asian/pacific islander", "other", "unknown"];
  const outcomes = ["warning", "citation", "summons", "arrest"];
  const rows: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    rows.push(
      `${2021 + (i % 5)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")},${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")},"${i % 900} block of Main St, Harrisburg",${i % 9},${races[i % 6]},${i % 2 ? "male" : "female"},${16 + (i % 70)},${((i * 2654435761) >>> 0).toString(16)},"speeding, ${i % 40} over",${outcomes[i % 4]},${i % 3 === 0}`,
    );
  }
  const header = "date,time,location,precinct,subject_race,subject_sex,subject_age,officer_id_hash,reason_for_stop,outcome,search_conducted\n";
  const block = Buffer.from(`${rows.join("\n")}\n`);
  const out = createWriteStream(bigFile);
  let written = 0;
  const write = async (chunk: Buffer) => {
    written += chunk.length;
    if (!out.write(chunk)) await once(out, "drain");
  };
  await write(Buffer.from(header));
  while (written + block.length <= SIZE) await write(block);
  // Fill up to the exact size with whole rows.
  const rest = SIZE - written;
  const cut = block.subarray(0, rest).lastIndexOf(0x0a) + 1;
  await write(Buffer.concat([block.subarray(0, cut), Buffer.alloc(rest - cut, 0x20)]));
  out.end();
  await once(out, "close");
  return statSync(bigFile).size;
}

function timeCommand(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
  return performance.now() - start;
}

function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

async function run(size: number, databaseUrl: string | null) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    FILES_DIR: path.join(work, databaseUrl ? "files-postgres" : "files-embedded"),
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl ?? "",
    SESSION_SECRET: "bench-upload-session-secret-0123456789abcdef",
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
    // A kept-alive connection the server closed while we were copying files fails once: try again.
    const fetchAgain = async (url: string, init: RequestInit) => {
      try {
        return await fetch(url, init);
      } catch {
        return fetch(url, init);
      }
    };
    const api = async (url: string, init: RequestInit = {}) => {
      const response = await fetchAgain(`${base}${url}`, { ...init, headers: { Cookie: cookie, "Content-Type": "application/json", ...init.headers } });
      return (await response.json()) as { data: any };
    };
    const agencyId = (await api("/api/v1/requests?pageSize=1")).data[0].agency.id as string;
    const requestIds: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      requestIds.push((await api("/api/v1/requests", { method: "POST", body: JSON.stringify({ title: `Bench upload ${i + 1}`, description: "1 GiB CSV", agencyId }) })).data.id);
    }

    const copies: number[] = [];
    const durableCopies: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const target = path.join(work, `copy-${i}.csv`);
      copies.push(timeCommand("cp", [bigFile, target]));
      rmSync(target);
      durableCopies.push(timeCommand("sh", ["-c", `cp "${bigFile}" "${target}" && sync "${target}"`]));
      rmSync(target);
    }

    const baseline = rssOf(server.pid!);
    let peak = baseline.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!).rss)), 20);
    const uploads: number[] = [];
    let lastFile: { id: string; sha256: string; requestId: string } | null = null;
    for (const requestId of requestIds) {
      const start = performance.now();
      // Asynchronously, so the memory sampler keeps running while the server receives.
      const curl = spawn("curl", ["-sS", "-H", "Expect:", "-b", cookie, "-F", `file=@${bigFile};type=text/csv`, `${base}/api/v1/requests/${requestId}/files`]);
      let out = "";
      curl.stdout.on("data", (c) => (out += c));
      await once(curl, "exit");
      uploads.push(performance.now() - start);
      const body = JSON.parse(out) as { data?: { id: string; sha256: string; size: number }; error?: string };
      if (!body.data) throw new Error(`Upload failed: ${out}`);
      if (body.data.size !== size) throw new Error(`Stored ${body.data.size} bytes of ${size}`);
      lastFile = { ...body.data, requestId };
    }
    clearInterval(sampler);
    const after = rssOf(server.pid!);
    const expected = execFileSync("sha256sum", [bigFile]).toString().split(" ")[0];
    if (lastFile!.sha256 !== expected) throw new Error("The stored SHA-256 doesn't match the file's");

    const previews: number[] = [];
    let rowsLine = "";
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const html = await (await fetchAgain(`${base}/requests/${lastFile!.requestId}/files/${lastFile!.id}`, { headers: { Cookie: cookie } })).text();
      previews.push(performance.now() - start);
      rowsLine = /([\d,]+) rows( \(counted by line breaks\))?/.exec(html)?.[0] ?? "(row count not found)";
    }

    const cp = median(copies);
    const cpSync = median(durableCopies);
    const up = median(uploads);
    console.log(`File: ${mb(size)} CSV (${rowsLine}), SHA-256 checked against sha256sum`);
    console.log(`cp, same disk (median of ${RUNS}):        ${seconds(cp)}  ${mb(size / (cp / 1000))}/s   runs: ${copies.map(seconds).join(", ")}`);
    console.log(`cp + fsync (median of ${RUNS}):           ${seconds(cpSync)}  ${mb(size / (cpSync / 1000))}/s   runs: ${durableCopies.map(seconds).join(", ")}`);
    console.log(`Upload over HTTP (median of ${RUNS}):     ${seconds(up)}  ${mb(size / (up / 1000))}/s   runs: ${uploads.map(seconds).join(", ")}`);
    console.log(`  throughput as a ratio to cp:          ${(cp / up).toFixed(2)}   (target >= 0.5)`);
    console.log(`  ratio to cp + fsync (uploads fsync):  ${(cpSync / up).toFixed(2)}`);
    console.log(`Server memory: ${mb(baseline.rss)} before the uploads, peak ${mb(peak)} while receiving (+${mb(peak - baseline.rss)}), ${mb(after.rss)} after`);
    console.log(`  Peak since start (VmHWM; includes start-up and, embedded, migrations and demo seed): ${mb(after.hwm)}   (target: peak < 200 MB)`);
    console.log(`1 GiB CSV preview (HTTP GET of the preview page, median of ${RUNS}): ${seconds(median(previews))}   runs: ${previews.map(seconds).join(", ")}   (target < 1 s)`);
  } finally {
    server.kill("SIGTERM");
    await Promise.race([once(server, "exit"), new Promise((r) => setTimeout(r, 15_000))]);
  }
}

async function main() {
  console.log(`Working in ${work}`);
  console.log("Building…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
  console.log(`Writing a ${mb(SIZE)} CSV…`);
  const size = await writeCsv();
  try {
    await run(size, null);
    const serverUrl = process.env.BENCH_DATABASE_URL;
    if (serverUrl) {
      const name = `jointask_bench_${Date.now().toString(36)}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      try {
        await run(size, url.toString());
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
