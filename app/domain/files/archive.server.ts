import type { Readable } from "node:stream";
import type { ZipEntryData } from "archiver";
import type { FileKind } from "../../../db/schema/field-values";
import { uniqueNames } from "./filename";
import { lazyStoredStream } from "./storage.server";

// Kinds that are already compressed: stored as they are, so zipping them costs no CPU.
const STORED: ReadonlySet<FileKind> = new Set(["xlsx", "pdf", "other"]);

/**
 * A zip of the stored files, produced as it is read: each file is opened (on disk, or fetched from the bucket)
 * only when the archiver reaches it, so one is open at a time and nothing is held in memory.
 */
export async function zipStream(files: ReadonlyArray<{ storageName: string; originalName: string; kind: FileKind; createdAt: Date }>): Promise<Readable> {
  // Loaded on first use, like the other libraries only some requests need, to keep the idle server small.
  const { ZipArchive } = await import("archiver");
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const names = uniqueNames(files.map((f) => f.originalName));
  files.forEach((file, i) =>
    archive.append(lazyStoredStream(file.storageName), { name: names[i]!, date: file.createdAt, store: STORED.has(file.kind) } as ZipEntryData),
  );
  void archive.finalize().catch((error: unknown) => archive.destroy(error instanceof Error ? error : new Error(String(error))));
  return archive;
}
