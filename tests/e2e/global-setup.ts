import { spawn, spawnSync } from "node:child_process";
import { serveNodeFlags } from "../../bench/serve-flags";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Starts the production build (npm run build has run) on a fresh embedded database, the way `npm start`
 * does, and stops it afterwards with SIGTERM, checking that it shuts down cleanly.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jointask-e2e-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", PORT: process.env.E2E_PORT! };
  delete env.DATABASE_URL;

  const prepared = spawnSync(process.execPath, ["--import", "tsx", "tests/e2e/prepare.ts"], { env, encoding: "utf8" });
  if (prepared.status !== 0) throw new Error(`e2e prepare failed:\n${prepared.stdout}\n${prepared.stderr}`);
  const fixture = JSON.parse(readFileSync(path.join(dataDir, "e2e-fixture.json"), "utf8")) as Record<string, string>;
  process.env.E2E_OTHER_REQUEST_ID = fixture.otherRequestId;
  process.env.E2E_OTHER_TITLE = fixture.otherTitle;

  const server = spawn(process.execPath, [...serveNodeFlags(process.cwd()), "build/server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout.on("data", (chunk) => (log += chunk));
  server.stderr.on("data", (chunk) => (log += chunk));
  const url = `http://localhost:${process.env.E2E_PORT}/healthz`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited during start-up:\n${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not answer ${url} within 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000))]);
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`The server did not shut down cleanly on SIGTERM (${code}):\n${log}`);
  };
}
