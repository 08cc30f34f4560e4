import { inArray } from "drizzle-orm";
import { inboundAttachments, inboundMessages, requestFiles } from "../../../db/schema";
import type { Executor } from "../../utils/db.server";
import { objectStore, type ObjectStore } from "./storage.server";

// Bytes are put in the store before the row naming them is committed, so a crash (or a lost connection)
// between the two leaves an object no row names: never a row naming missing bytes. This sweep removes such
// objects once they are old enough that no upload or message in progress can still be about to name them.
// It needs the store to belong to this database alone (one bucket prefix per deployment).

/** Objects younger than this are never swept: an upload's put and its commit are seconds apart. */
export const ORPHAN_MIN_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/** Every column that names a stored file. */
async function referenced(db: Executor, names: string[]): Promise<Set<string>> {
  const [files, raws, attachments] = await Promise.all([
    db.select({ name: requestFiles.storageName }).from(requestFiles).where(inArray(requestFiles.storageName, names)),
    db.select({ name: inboundMessages.rawKey }).from(inboundMessages).where(inArray(inboundMessages.rawKey, names)),
    db.select({ name: inboundAttachments.storageKey }).from(inboundAttachments).where(inArray(inboundAttachments.storageKey, names)),
  ]);
  return new Set([...files, ...raws, ...attachments].map((r) => r.name));
}

/** Removes stored files older than `minAgeMs` that no row names; returns how many. */
export async function sweepOrphanedFiles(
  db: Executor,
  options: { store?: ObjectStore; minAgeMs?: number; now?: number } = {},
): Promise<number> {
  const store = options.store ?? objectStore();
  const cutoff = (options.now ?? Date.now()) - (options.minAgeMs ?? ORPHAN_MIN_AGE_MS);
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const names = batch;
    batch = [];
    if (names.length === 0) return;
    const kept = await referenced(db, names);
    for (const name of names) {
      if (kept.has(name)) continue;
      await store.remove(name);
      removed += 1;
    }
  };
  for await (const item of store.list()) {
    if (item.modifiedAt.getTime() > cutoff) continue;
    batch.push(item.storageName);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return removed;
}
