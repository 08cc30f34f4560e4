import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
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
  await ensureStorage();
  const tempPath = path.join(tempDir(), `${randomUUID()}.part`);
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

/**
 * Removes temp files left by a crash. Only old ones: with a shared FILES_DIR, another instance may be
 * receiving an upload right now.
 */
export async function sweepStaleTempFiles(maxAgeMs = 24 * 60 * 60 * 1000): Promise<number> {
  await ensureStorage();
  let removed = 0;
  for (const name of await readdir(tempDir())) {
    const file = path.join(tempDir(), name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > maxAgeMs) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
