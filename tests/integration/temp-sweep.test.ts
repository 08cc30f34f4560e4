import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { stageBuffer, sweepStaleTempFiles, tempDir } from "~/domain/files/storage.server";

// Upload temp files of a process that died are removed at the next start-up (and by the periodic sweep),
// not a day later; those of a live instance sharing FILES_DIR stay.

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-temp-sweep-"));
  process.env.FILES_DIR = dir;
  return dir;
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

const root = path.join(__dirname, "..", "..");

describe("temp files of a dead process", () => {
  it("are removed at once after kill -9, while a live writer's stay", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "support", "temp-writer.ts")], {
      cwd: root,
      env: { ...process.env, FILES_DIR: storage },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const file = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        if (out.includes("\n")) resolve(out.trim());
      });
      child.once("exit", (code) => reject(new Error(`writer exited ${code}`)));
    });
    expect(existsSync(file)).toBe(true);
    // While it runs, its upload is in progress: kept.
    expect(await sweepStaleTempFiles()).toBe(0);
    expect(existsSync(file)).toBe(true);

    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    // Its heartbeat is seconds old, but names a process of this machine that is gone.
    expect(await sweepStaleTempFiles()).toBeGreaterThanOrEqual(1);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it("judges other machines' files by their heartbeat, and keeps this process's own", async () => {
    mkdirSync(tempDir(), { recursive: true });
    const live = "i00000000000000aa";
    const dead = "i00000000000000bb";
    const silent = "i00000000000000cc";
    writeFileSync(path.join(tempDir(), `${live}.alive`), "other-host\n123\n");
    writeFileSync(path.join(tempDir(), `${dead}.alive`), "other-host\n456\n");
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60 * 1000);
    utimesSync(path.join(tempDir(), `${dead}.alive`), fiveMinutesAgo, fiveMinutesAgo);
    const names = { live: `${live}~${randomUUID()}.part`, dead: `${dead}~${randomUUID()}.part`, silent: `${silent}~${randomUUID()}.part`, legacy: `${randomUUID()}.part` };
    for (const name of Object.values(names)) writeFileSync(path.join(tempDir(), name), "partial");
    const own = await stageBuffer(new TextEncoder().encode("mine"));

    await sweepStaleTempFiles();
    const exists = (name: string) => existsSync(path.join(tempDir(), name));
    expect(exists(names.live)).toBe(true);
    expect(exists(names.dead)).toBe(false);
    expect(exists(names.silent)).toBe(false);
    expect(exists(`${dead}.alive`)).toBe(false);
    // A temp file of no named owner is judged by age only.
    expect(exists(names.legacy)).toBe(true);
    expect(existsSync(own.tempPath)).toBe(true);
  });
});
