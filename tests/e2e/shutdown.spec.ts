import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// A second server of its own (the shared one must keep serving the other specs), on a fresh embedded database.
const port = Number(process.env.E2E_PORT) + 1;
let dataDir: string;
let server: ChildProcessWithoutNullStreams;
let log = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "jointask-shutdown-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", PORT: String(port) };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ["build/server.js"], { env, stdio: ["pipe", "pipe", "pipe"] });
  server.stdout.on("data", (chunk) => (log += chunk));
  server.stderr.on("data", (chunk) => (log += chunk));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited during start-up:\n${log}`);
    try {
      if ((await fetch(`http://localhost:${port}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start within 90 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

function responseOf(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.on("data", (chunk) => (text += chunk));
    socket.on("close", () => resolve(text));
  });
}

test("on SIGTERM the server refuses new connections, finishes the sign-in in flight, then closes the database and exits", async () => {
  const body = new URLSearchParams({ email: "demo@example.org", password: "demo-password" }).toString();
  const half = Math.floor(body.length / 2);
  const inFlight = await connect();
  const response = responseOf(inFlight);
  inFlight.write(
    `POST /login HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: http://localhost:${port}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n` +
      body.slice(0, half),
  );
  await new Promise((r) => setTimeout(r, 300));

  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  await expect.poll(() => log, { timeout: 10_000 }).toContain("SIGTERM: no new requests");
  await expect(connect()).rejects.toThrow(/ECONNREFUSED/);
  expect(server.exitCode).toBeNull();

  inFlight.write(body.slice(half));
  const text = await response;
  // The action read the user and wrote a session, so the database was still open for it.
  expect(text).toMatch(/^HTTP\/1\.1 302 /);
  expect(text).toMatch(/set-cookie: /i);

  expect(await exited).toBe(0);
  expect(log).toContain("Database closed. Bye.");
});
