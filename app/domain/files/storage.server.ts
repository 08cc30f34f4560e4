import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { dataDir } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { createS3Store } from "./storage-s3.server";

// Where received files and stored mail live: an ObjectStore. The default is the local directory FILES_DIR
// (default DATA_DIR/files), each file under a server-generated name; with FILES_URL=s3://bucket/prefix it is
// S3-compatible object storage (storage-s3.server.ts). Either way, uploads in progress and other staged
// bytes are written to FILES_DIR/tmp on this machine first, flushed and hashed, and only then put in the
// store; a database row naming a stored file is committed only after the put succeeded. Tests on the
// in-memory database get a throwaway directory.

/** Where the bytes of received files and stored mail are kept, by server-generated name (a UUID). */
export interface ObjectStore {
  readonly kind: "local" | "s3";
  /** For messages: the directory or s3:// address. */
  readonly location: string;
  /**
   * Moves a complete, flushed staged file (under FILES_DIR/tmp) into the store under a new name, durably,
   * and returns the name. The staged file is gone afterwards, whether the put succeeded or not.
   */
  putStaged(tempPath: string, sizeBytes: number): Promise<string>;
  /** The stored bytes as a stream, read as it is consumed; null when the name is missing from the store. */
  open(storageName: string): Promise<{ body: Readable; sizeBytes: number } | null>;
  /** The stored size, or null when missing. */
  stat(storageName: string): Promise<{ sizeBytes: number } | null>;
  /** Removes a stored file; no error when it is already gone. */
  remove(storageName: string): Promise<void>;
  /**
   * Runs `use` with a path on this machine holding the file's bytes: the stored file itself on disk, or, for
   * object storage, a temp copy streamed down into FILES_DIR/tmp and removed afterwards. For the readers that
   * need a seekable file (previews, checks, DuckDB profiles).
   */
  withLocalFile<T>(storageName: string, use: (localPath: string) => Promise<T>): Promise<T>;
  /** Stored names with when they were written, for the orphan sweep (names only, not the temp area). */
  list(): AsyncIterable<{ storageName: string; modifiedAt: Date }>;
}

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

/** Puts a flushed temp file in the store (local: renamed to a new name, the rename made durable); returns the name. */
export function placeStagedFile(tempPath: string, sizeBytes: number): Promise<string> {
  return objectStore().putStaged(tempPath, sizeBytes);
}

export const isStorageName = (name: string) => STORAGE_NAME.test(name);

/** The local directory: the default store, FILES_DIR. */
export const localStore: ObjectStore = {
  kind: "local",
  get location() {
    return filesDir();
  },
  async putStaged(tempPath) {
    const storageName = randomUUID();
    try {
      await rename(tempPath, storedPath(storageName));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    await syncDirectory(filesDir());
    return storageName;
  },
  async open(storageName) {
    const file = storedPath(storageName);
    // Opened now, so a missing file is known before any header is sent, and a later removal can't cut it short.
    const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!handle) return null;
    const info = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    return { body: handle.createReadStream({ highWaterMark: 1024 * 1024 }), sizeBytes: info.size };
  },
  async stat(storageName) {
    const info = await stat(storedPath(storageName)).catch(() => null);
    return info ? { sizeBytes: info.size } : null;
  },
  async remove(storageName) {
    await rm(storedPath(storageName), { force: true });
  },
  async withLocalFile(storageName, use) {
    return use(storedPath(storageName));
  },
  async *list() {
    const names = await readdir(filesDir()).catch(() => [] as string[]);
    for (const name of names) {
      if (!STORAGE_NAME.test(name)) continue;
      const info = await stat(path.join(filesDir(), name)).catch(() => null);
      if (info?.isFile()) yield { storageName: name, modifiedAt: info.mtime };
    }
  },
};

let chosen: ObjectStore | undefined;

/** The store this process uses: S3 when FILES_URL is set, else the local directory. */
export function objectStore(): ObjectStore {
  if (chosen) return chosen;
  if (env.FILES_URL) {
    // The SDK itself is loaded on first use (see storage-s3.server.ts), so the local default never loads it.
    chosen = createS3Store({
      ...env.FILES_URL,
      endpoint: env.FILES_S3_ENDPOINT,
      region: env.FILES_S3_REGION,
      forcePathStyle: env.FILES_S3_FORCE_PATH_STYLE,
      cacheBytes: env.FILES_CACHE_BYTES,
    });
  } else chosen = localStore;
  return chosen;
}

/** Tests: use this store (or, with undefined, the one the environment names) from now on. */
export function useObjectStore(store: ObjectStore | undefined): void {
  chosen = store;
}

/**
 * A stream that opens its source only when first read: a zip of many stored files keeps one open at a time,
 * as the archiver reads its entries in turn.
 */
export function lazyStoredStream(storageName: string, store: ObjectStore = objectStore()): Readable {
  let source: Readable | undefined;
  const stream = new Readable({
    highWaterMark: 1024 * 1024,
    read() {
      if (source) {
        source.resume();
        return;
      }
      store.open(storageName).then(
        (opened) => {
          if (!opened) {
            stream.destroy(new Error(`Stored file missing from storage: ${storageName}`));
            return;
          }
          source = opened.body;
          source.on("data", (chunk: Buffer) => {
            if (!stream.push(chunk)) source!.pause();
          });
          source.once("end", () => stream.push(null));
          source.once("error", (error) => stream.destroy(error));
        },
        (error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
    destroy(error, callback) {
      source?.destroy();
      callback(error);
    },
  });
  return stream;
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
