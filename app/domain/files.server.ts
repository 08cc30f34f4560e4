import { rm } from "node:fs/promises";
import { and, asc, desc, eq } from "drizzle-orm";
import { communications, requestFiles, requests, users } from "../../db/schema";
import type { FileKind } from "../../db/schema/field-values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { env } from "../utils/env.server";
import type { Viewer } from "./accounts.server";
import { ownRequests, visibleFiles, type Audience } from "./access.server";
import { inspectUpload } from "./files/inspect.server";
import { objectStore } from "./files/storage.server";
import { cleanOriginalName, receiveUpload, UploadError, type ReceivedUpload } from "./files/upload.server";
import { fileFlagReasons } from "./previews.server";
import { isUuid, lockRequest, recordEvent, touch } from "./requests.server";
import { notifyProfileQueued } from "./profiles/worker.server";

export interface RequestFile {
  id: string;
  requestId: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  mediaType: string;
  kind: FileKind;
  communicationId: string | null;
  uploadedByName: string | null;
  createdAt: Date;
  /** Seen only by the request's organization. */
  internal: boolean;
}

const fileColumns = {
  id: requestFiles.id,
  requestId: requestFiles.requestId,
  originalName: requestFiles.originalName,
  sizeBytes: requestFiles.sizeBytes,
  sha256: requestFiles.sha256,
  mediaType: requestFiles.mediaType,
  kind: requestFiles.kind,
  communicationId: requestFiles.communicationId,
  uploadedByName: users.name,
  createdAt: requestFiles.createdAt,
  internal: requestFiles.internal,
};

/** The request's files the audience may see, newest first; empty when it can't see the request. */
export async function listRequestFiles(viewer: Audience, requestId: string, db: Executor = defaultDb): Promise<RequestFile[]> {
  if (!isUuid(requestId)) return [];
  return db
    .select(fileColumns)
    .from(requestFiles)
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .leftJoin(users, eq(users.id, requestFiles.uploadedById))
    .where(and(eq(requestFiles.requestId, requestId), visibleFiles(viewer)))
    .orderBy(desc(requestFiles.createdAt), asc(requestFiles.id));
}

/** One file of a request with the name of its bytes in the store, or null when it doesn't exist or isn't visible. */
export async function getRequestFile(viewer: Audience, requestId: string, fileId: string, db: Executor = defaultDb) {
  if (!isUuid(requestId) || !isUuid(fileId)) return null;
  const [row] = await db
    .select({ ...fileColumns, storageName: requestFiles.storageName })
    .from(requestFiles)
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .leftJoin(users, eq(users.id, requestFiles.uploadedById))
    .where(and(eq(requestFiles.id, fileId), eq(requestFiles.requestId, requestId), visibleFiles(viewer)))
    .limit(1);
  if (!row) return null;
  return row;
}
export type StoredRequestFile = NonNullable<Awaited<ReturnType<typeof getRequestFile>>>;

/** The request's files with where their bytes are, oldest first (for a zip of them all). */
export async function listStoredRequestFiles(viewer: Audience, requestId: string, db: Executor = defaultDb) {
  if (!isUuid(requestId)) return [];
  const rows = await db
    .select({ ...fileColumns, storageName: requestFiles.storageName })
    .from(requestFiles)
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .leftJoin(users, eq(users.id, requestFiles.uploadedById))
    .where(and(eq(requestFiles.requestId, requestId), visibleFiles(viewer)))
    .orderBy(asc(requestFiles.createdAt), asc(requestFiles.id));
  return rows;
}

/** Communications a file can be attached to, newest first. */
export async function listAttachableCommunications(viewer: Viewer, requestId: string, db: Executor = defaultDb) {
  if (!isUuid(requestId)) return [];
  return db
    .select({
      id: communications.id,
      direction: communications.direction,
      channel: communications.channel,
      occurredOn: communications.occurredOn,
      summary: communications.summary,
    })
    .from(communications)
    .innerJoin(requests, eq(requests.id, communications.requestId))
    .where(and(eq(communications.requestId, requestId), ownRequests(viewer)))
    .orderBy(desc(communications.occurredOn), desc(communications.createdAt));
}

export type UploadOutcome =
  | { ok: true; file: RequestFile; duplicate: boolean }
  | { ok: false; status: number; field: "file" | "communicationId"; message: string };

async function findByChecksum(db: Executor, requestId: string, sha256: string): Promise<RequestFile | null> {
  const [row] = await db
    .select(fileColumns)
    .from(requestFiles)
    .leftJoin(users, eq(users.id, requestFiles.uploadedById))
    .where(and(eq(requestFiles.requestId, requestId), eq(requestFiles.sha256, sha256)))
    .limit(1);
  return row ?? null;
}

export interface ReceivedFileInput {
  originalName: string;
  /** A complete file already in the store (put before the row is written). */
  storageName: string;
  sizeBytes: number;
  sha256: string;
  mediaType: string;
  kind: FileKind;
}

export interface RecordedFile {
  fileId: string;
  /** Where the request file's bytes are: the given file's, or, for a duplicate, the file received before. */
  storageName: string;
  duplicate: boolean;
}

/**
 * Records files that arrived another way than an upload (a reply's attachments) as the request's received
 * files, in the caller's transaction, deduplicated by checksum as uploads are: a file whose SHA-256 is
 * already on the request is not recorded again, and the existing one is returned, flagged as a duplicate (its
 * own stored copy is then the caller's to remove). The caller records the timeline event.
 */
export async function recordReceivedFiles(
  tx: Executor,
  target: { organizationId: string; requestId: string; communicationId: string | null; uploadedById: string | null },
  files: readonly ReceivedFileInput[],
): Promise<RecordedFile[]> {
  const recorded: RecordedFile[] = [];
  // One at a time: two identical attachments in one message make one file.
  for (const file of files) {
    // A file the app flags for personal data stays within the organization until someone shows it.
    const internal =
      (await objectStore().withLocalFile(file.storageName, (path) => fileFlagReasons({ path, kind: file.kind, sizeBytes: file.sizeBytes }))).length > 0;
    const [row] = await tx
      .insert(requestFiles)
      .values({
        organizationId: target.organizationId,
        requestId: target.requestId,
        communicationId: target.communicationId,
        originalName: cleanOriginalName(file.originalName) || "attachment",
        storageName: file.storageName,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        mediaType: file.mediaType,
        kind: file.kind,
        uploadedById: target.uploadedById,
        internal,
      })
      .onConflictDoNothing({ target: [requestFiles.requestId, requestFiles.sha256] })
      .returning({ id: requestFiles.id });
    if (row) {
      recorded.push({ fileId: row.id, storageName: file.storageName, duplicate: false });
      continue;
    }
    const [existing] = await tx
      .select({ id: requestFiles.id, storageName: requestFiles.storageName })
      .from(requestFiles)
      .where(and(eq(requestFiles.requestId, target.requestId), eq(requestFiles.sha256, file.sha256)))
      .limit(1);
    recorded.push({ fileId: existing!.id, storageName: existing!.storageName, duplicate: true });
  }
  return recorded;
}

/**
 * Receives a file for a request from a multipart body (field `file`, optional `communicationId`), checks it,
 * and records it. The database row is written only after the bytes are flushed and put in the store (renamed
 * into FILES_DIR, or uploaded to the bucket), in one transaction with its timeline event; on any failure
 * nothing is recorded and the stored copy is removed. A crash between the put and the commit leaves an object
 * no row names, which the orphan sweep removes (sweepOrphanedFiles); never a row naming missing bytes.
 * A file whose SHA-256 is already on the request is not stored again: the existing one is returned, flagged
 * as a duplicate. Null unless the request is the organization's own (the body is then not read).
 */
export async function acceptUpload(
  viewer: Viewer,
  requestId: string,
  request: Request,
  db: Executor = defaultDb,
): Promise<UploadOutcome | null> {
  if (!isUuid(requestId)) return null;
  const [visible] = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, requestId), ownRequests(viewer)))
    .limit(1);
  if (!visible) return null;

  let upload: ReceivedUpload;
  try {
    upload = await receiveUpload(request, { maxBytes: env.UPLOAD_MAX_BYTES });
  } catch (error) {
    if (error instanceof UploadError) return { ok: false, status: error.status, field: "file", message: error.message };
    throw error;
  }

  let stored: string | null = null;
  try {
    const communicationId = upload.fields.communicationId?.trim() || null;
    if (communicationId && !isUuid(communicationId)) {
      return { ok: false, status: 400, field: "communicationId", message: "Choose a communication from the list." };
    }
    const inspection = await inspectUpload(upload.tempPath, upload.originalName, upload.sizeBytes);
    if (!inspection.ok) return { ok: false, status: inspection.status, field: "file", message: inspection.message };

    const existing = await findByChecksum(db, requestId, upload.sha256);
    if (existing) return { ok: true, file: existing, duplicate: true };

    // A file the app flags for personal data stays within the organization until someone shows it (judged on
    // the staged copy, before it goes to the store).
    const internal = (await fileFlagReasons({ path: upload.tempPath, kind: inspection.kind, sizeBytes: upload.sizeBytes })).length > 0;

    const storageName = await objectStore().putStaged(upload.tempPath, upload.sizeBytes);
    stored = storageName;

    const outcome = await db.transaction(async (tx): Promise<UploadOutcome | null> => {
      const current = await lockRequest(tx, viewer, requestId);
      if (!current) return null;
      if (communicationId) {
        const [communication] = await tx
          .select({ id: communications.id })
          .from(communications)
          .where(and(eq(communications.id, communicationId), eq(communications.requestId, current.id)))
          .limit(1);
        if (!communication) return { ok: false, status: 400, field: "communicationId", message: "Choose a communication logged on this request." };
      }
      const [row] = await tx
        .insert(requestFiles)
        .values({
          organizationId: current.organizationId,
          requestId: current.id,
          communicationId,
          originalName: upload.originalName,
          storageName,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          mediaType: inspection.mediaType,
          kind: inspection.kind,
          uploadedById: viewer.id,
          internal,
        })
        .onConflictDoNothing({ target: [requestFiles.requestId, requestFiles.sha256] })
        .returning({ id: requestFiles.id });
      if (!row) {
        // The same file arrived twice at once; the other upload recorded it.
        const other = await findByChecksum(tx, current.id, upload.sha256);
        return other ? { ok: true, file: other, duplicate: true } : null;
      }
      await touch(tx, current.id);
      await recordEvent(tx, viewer, current.id, {
        kind: "file_added",
        data: {
          fileId: row.id,
          name: upload.originalName,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
          mediaType: inspection.mediaType,
          fileKind: inspection.kind,
          ...(communicationId ? { communicationId } : {}),
          ...(internal ? { flaggedInternal: true } : {}),
        },
      }, undefined, { internal });
      const [saved] = await tx
        .select(fileColumns)
        .from(requestFiles)
        .leftJoin(users, eq(users.id, requestFiles.uploadedById))
        .where(eq(requestFiles.id, row.id));
      return { ok: true, file: saved!, duplicate: false };
    });
    if (outcome?.ok && !outcome.duplicate) {
      stored = null;
      // A tabular file was queued for its profile by the insert (a trigger): start on it now.
      notifyProfileQueued();
    }
    return outcome;
  } finally {
    await rm(upload.tempPath, { force: true });
    if (stored) await objectStore().remove(stored).catch((error: unknown) => console.error(`Removing stored file ${stored} after a failed upload:`, error));
  }
}
