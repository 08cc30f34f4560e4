import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { dataDir } from "../../utils/db.server";
import { env } from "../../utils/env.server";

// Where received files live: FILES_DIR (default DATA_DIR/files), each under a server-generated name, with
// uploads in progress in FILES_DIR/tmp. Tests on the in-memory database get a throwaway directory.

let resolved: string | undefined;

export function filesDir(): string {
  if (resolved) return resolved;
  if (env.FILES_DIR) resolved = path.resolve(env.FILES_DIR);
  else if (env.PGLITE_MEMORY && !env.DATABASE_URL) {
    const throwaway = mkdtempSync(path.join(tmpdir(), "jointask-files-"));
    process.once("exit", () => rmSync(throwaway, { recursive: true, force: true }));
    resolved = throwaway;
  }
  else resolved = path.join(dataDir, "files");
  return resolved;
}

export const tempDir = () => path.join(filesDir(), "tmp");

const STORAGE_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The path of a stored file; the name always comes from the database, and is checked anyway. */
export function storedPath(storageName: string): string {
  if (!STORAGE_NAME.test(storageName)) throw new Error(`Not a storage name: ${storageName}`);
  return path.join(filesDir(), storageName);
}

let prepared: Promise<void> | undefined;
export function ensureStorage(): Promise<void> {
  return (prepared ??= mkdir(tempDir(), { recursive: true, mode: 0o700 }).then(() => undefined));
}

/** Makes a rename in the directory durable (the file's own data is flushed before the rename). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes bytes already in memory (a mail attachment, a raw message) to a new temp file under FILES_DIR/tmp and
 * flushes it to disk, as an upload is. Then place it with placeStagedFile, or remove it.
 */
export async function stageBuffer(content: Uint8Array): Promise<{ tempPath: string; sizeBytes: number; sha256: string }> {
  const tempPath = await newTempPath();
  const handle = await open(tempPath, "wx", 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tempPath, { force: true });
    throw error;
  }
  await handle.close();
  return { tempPath, sizeBytes: content.length, sha256: createHash("sha256").update(content).digest("hex") };
}

/** Renames a flushed temp file to a new server-generated name and makes the rename durable; returns the name. */
export async function placeStagedFile(tempPath: string): Promise<string> {
  const storageName = randomUUID();
  try {
    await rename(tempPath, storedPath(storageName));
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(filesDir());
  return storageName;
}

// Temp files carry the id of the process writing them (`<instance>~<uuid>.part`), and every process that
// writes one keeps `<instance>.alive` in FILES_DIR/tmp fresh. A temp file whose writer's heartbeat is missing
// or stale belongs to a process that died (kill -9, a crash, a power cut): any instance removes it at start-up
// and in its periodic sweep, while instances sharing FILES_DIR keep each other's uploads in progress.

const INSTANCE = `i${randomBytes(8).toString("hex")}`;
export const HEARTBEAT_EVERY_MS = 20_000;
/** A heartbeat older than this is a dead process's. */
export const HEARTBEAT_STALE_MS = 90_000;
const TEMP_NAME = /^(i[0-9a-f]{16})~[0-9a-f-]{36}\.part$/;

let heartbeat: Promise<void> | undefined;

const heartbeatText = () => `${hostname()}\n${process.pid}\n`;

/** Whether a heartbeat names a process of this machine that no longer runs: dead now, not in 90 seconds. */
async function diedOnThisHost(file: string): Promise<boolean> {
  const text = await readFile(file, "utf8").catch(() => "");
  const [host, pidText] = text.split("\n");
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function startHeartbeat(): Promise<void> {
  return (heartbeat ??= (async () => {
    await ensureStorage();
    const file = path.join(tempDir(), `${INSTANCE}.alive`);
    await writeFile(file, heartbeatText(), { mode: 0o600 });
    const timer = setInterval(() => {
      const now = new Date();
      utimes(file, now, now).catch(() => writeFile(file, heartbeatText(), { mode: 0o600 }).catch(() => {}));
    }, HEARTBEAT_EVERY_MS);
    timer.unref();
    process.once("exit", () => {
      clearInterval(timer);
      rmSync(file, { force: true });
    });
  })());
}

/** A new temp file path under FILES_DIR/tmp, owned by this process (whose heartbeat it starts). */
export async function newTempPath(): Promise<string> {
  await startHeartbeat();
  return path.join(tempDir(), `${INSTANCE}~${randomUUID()}.part`);
}

/**
 * Removes temp files left by a crash: those of a process whose heartbeat is missing or stale, at once; any
 * other temp file only when older than `maxAgeMs` (a file without an owner, from before owners were named).
 * Heartbeats of dead processes go too.
 */
export async function sweepStaleTempFiles(maxAgeMs = 24 * 60 * 60 * 1000, now = Date.now()): Promise<number> {
  await ensureStorage();
  const names = await readdir(tempDir());
  const alive = new Set<string>();
  for (const name of names) {
    if (!name.endsWith(".alive")) continue;
    const info = await stat(path.join(tempDir(), name)).catch(() => null);
    const instance = name.slice(0, -".alive".length);
    const fresh = info && now - info.mtimeMs <= HEARTBEAT_STALE_MS;
    if (instance === INSTANCE || (fresh && !(await diedOnThisHost(path.join(tempDir(), name))))) alive.add(instance);
    else await rm(path.join(tempDir(), name), { force: true });
  }
  let removed = 0;
  for (const name of names) {
    if (name.endsWith(".alive")) continue;
    const file = path.join(tempDir(), name);
    const owner = TEMP_NAME.exec(name)?.[1];
    const info = await stat(file).catch(() => null);
    if (!info) continue;
    const orphaned = owner !== undefined && owner !== INSTANCE && !alive.has(owner);
    if (orphaned || now - info.mtimeMs > maxAgeMs) {
      await rm(file, { force: true, recursive: true });
      removed += 1;
    }
  }
  return removed;
}

/** Sweeps every `everyMs` (every ten minutes by default) while the server runs. */
export function startTempSweeps(everyMs = 10 * 60 * 1000, log: (error: unknown) => void = () => {}): () => void {
  const timer = setInterval(() => void sweepStaleTempFiles().catch(log), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
