import { createReadStream } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { FileKind } from "../../../db/schema/field-values";
import { dataDir } from "../../utils/db.server";
import { inspectUpload } from "../files/inspect.server";
import { objectStore, placeStagedFile, stageBuffer } from "../files/storage.server";

// Mail keeps its bytes (raw messages and attachments) in the received-files store, like uploads: written to a
// temp file under FILES_DIR/tmp, flushed, then put in the store under a server-generated name (renamed into
// FILES_DIR, or uploaded to the bucket with FILES_URL) before any row names it. Rows written before that point
// at DATA_DIR/mail-attachments/<xx>/<sha256>; those are still read from there, on this machine's disk.

const LEGACY_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

export interface StoredMailFile {
  storageName: string;
  sizeBytes: number;
  sha256: string;
}

export interface StoredAttachment extends StoredMailFile {
  /** Judged from the bytes, as an upload's are; content the name contradicts is kept, as "other", unpreviewed. */
  kind: FileKind;
  mediaType: string;
}

export const isLegacyMailKey = (key: string) => LEGACY_KEY.test(key);

const legacyPath = (key: string) => path.join(dataDir, "mail-attachments", key);

export async function storeMailFile(content: Uint8Array): Promise<StoredMailFile> {
  const staged = await stageBuffer(content);
  return { storageName: await placeStagedFile(staged.tempPath, staged.sizeBytes), sizeBytes: staged.sizeBytes, sha256: staged.sha256 };
}

/** Stores an attachment and says what it is from its content, as an upload is checked. Nothing is refused. */
export async function storeMailAttachment(content: Uint8Array, filename: string): Promise<StoredAttachment> {
  const staged = await stageBuffer(content);
  let inspection;
  try {
    inspection = await inspectUpload(staged.tempPath, filename, staged.sizeBytes);
  } catch (error) {
    await rm(staged.tempPath, { force: true });
    throw error;
  }
  // An upload that fails the check is refused; mail is never dropped, so it is kept, but not previewed.
  const type = inspection.ok ? { kind: inspection.kind, mediaType: inspection.mediaType } : { kind: "other" as const, mediaType: "application/octet-stream" };
  return { storageName: await placeStagedFile(staged.tempPath, staged.sizeBytes), sizeBytes: staged.sizeBytes, sha256: staged.sha256, ...type };
}

/** What an attachment stored earlier is, judged again from its bytes (for mail filed from the review queue). */
export async function inspectStoredAttachment(storageName: string, filename: string, sizeBytes: number): Promise<Pick<StoredAttachment, "kind" | "mediaType">> {
  const inspection = await objectStore().withLocalFile(storageName, (localPath) => inspectUpload(localPath, filename, sizeBytes));
  return inspection.ok ? { kind: inspection.kind, mediaType: inspection.mediaType } : { kind: "other", mediaType: "application/octet-stream" };
}

/** A legacy message's or attachment's bytes (DATA_DIR/mail-attachments), to copy into the store. */
export function readLegacyMailFile(key: string): Promise<Buffer> {
  if (!isLegacyMailKey(key)) throw new Error(`Not a legacy mail key: ${key}`);
  return readFile(legacyPath(key));
}

/** A stored message or attachment as a stream with its size, for a download; null when missing. */
export async function openMailFile(key: string): Promise<{ body: Readable; sizeBytes: number } | null> {
  if (!isLegacyMailKey(key)) return objectStore().open(key);
  const info = await stat(legacyPath(key)).catch(() => null);
  return info ? { body: createReadStream(legacyPath(key), { highWaterMark: 1024 * 1024 }), sizeBytes: info.size } : null;
}

/** Removes stored copies no row points at any more (an attachment that duplicated a file already received). */
export async function removeMailFiles(storageNames: Iterable<string>): Promise<void> {
  for (const name of storageNames) {
    if (!isLegacyMailKey(name)) await objectStore().remove(name);
  }
}
