import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { requestEvents, requestFiles, requests } from "../../db/schema";
import type { RequestVisibility } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { startOfDayIn, todayIn } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { can } from "./permissions";
import { NOT_PUBLIC_EVENT_KINDS, ownRequests } from "./access.server";
import { lockRequest, recordEvent } from "./request-events.server";
import { fail, ok, type FlaggedFile, type Result } from "./results";
import { objectStore } from "./files/storage.server";
import { fileFlagReasons } from "./previews.server";
import { eventHeadline, type TimelineEventData } from "./timeline";
import { publicSlug, VISIBILITY_LABELS, type VisibilityInput } from "./visibility";

// Changing who sees a request, or one of its timeline entries or files. Each change is an event on the
// request's timeline (itself seen only by the organization) and a line in the audit log.

/** Random hex tail for public page addresses, so they cannot be guessed. */
function randomTail(): string {
  return randomBytes(5).toString("hex");
}

/**
 * The request's received files that would be public and that the app flags (a column that looks like personal
 * data, a hidden sheet, hidden rows or columns), with why: what its file pages warn about.
 */
export async function filesFlaggedForPublishing(viewer: Viewer, requestId: string, db: Executor = defaultDb): Promise<FlaggedFile[]> {
  const files = await db
    .select({ id: requestFiles.id, name: requestFiles.originalName, kind: requestFiles.kind, sizeBytes: requestFiles.sizeBytes, storageName: requestFiles.storageName })
    .from(requestFiles)
    .innerJoin(requests, eq(requests.id, requestFiles.requestId))
    .where(and(eq(requestFiles.requestId, requestId), eq(requests.organizationId, viewer.organizationId), eq(requestFiles.internal, false)));
  const flagged: FlaggedFile[] = [];
  for (const file of files) {
    const reasons = await objectStore().withLocalFile(file.storageName, (path) => fileFlagReasons({ path, kind: file.kind, sizeBytes: file.sizeBytes }));
    if (reasons.length) flagged.push({ id: file.id, name: file.name, reasons });
  }
  return flagged;
}

/**
 * What publishing the viewer's own request keeps within the organization: its internal entries, the kinds of
 * entries the public never reads (assignments, visibility changes), and its internal files. Null when the
 * request is not the organization's.
 */
export async function keptFromPublic(viewer: Viewer, requestId: string, db: Executor = defaultDb) {
  const [request] = await db.select({ id: requests.id }).from(requests).where(and(eq(requests.id, requestId), ownRequests(viewer))).limit(1);
  if (!request) return null;
  const [[entries], [files]] = await Promise.all([
    db
      .select({
        internal: sql<number>`count(*) filter (where ${requestEvents.internal})::int`,
        innerWork: sql<number>`count(*) filter (where not ${requestEvents.internal} and ${inArray(requestEvents.kind, [...NOT_PUBLIC_EVENT_KINDS])})::int`,
      })
      .from(requestEvents)
      .where(eq(requestEvents.requestId, request.id)),
    db
      .select({ internal: sql<number>`count(*) filter (where ${requestFiles.internal})::int` })
      .from(requestFiles)
      .where(eq(requestFiles.requestId, request.id)),
  ]);
  return { internalEntries: entries?.internal ?? 0, innerWorkEntries: entries?.innerWork ?? 0, internalFiles: files?.internal ?? 0 };
}

export async function setRequestVisibility(
  viewer: Viewer,
  requestId: string,
  input: Omit<VisibilityInput, "confirmFileIds"> & { confirmFileIds?: string[] },
  context: { ipAddress?: string | null } = {},
  db: Executor = defaultDb,
): Promise<Result<{ visibility: RequestVisibility; publicSlug: string | null; embargoUntil: string | null }> | null> {
  if (input.visibility === "public" && !can(viewer, "request.publish")) {
    return fail("visibility", "Only coordinators and admins can make a request public.");
  }
  const today = todayIn(viewer.timeZone);
  if (input.embargoUntil && input.embargoUntil <= today) {
    return fail("embargoUntil", "The embargo date must be after today; leave it empty to publish now");
  }
  // Files the app flagged don't become public on one click: each needs the coordinator's confirmation.
  const confirmed = new Set(input.confirmFileIds ?? []);
  const flagged = input.visibility === "public" ? await filesFlaggedForPublishing(viewer, requestId, db) : [];
  const unconfirmed = flagged.filter((f) => !confirmed.has(f.id));
  if (unconfirmed.length) {
    const names = unconfirmed.map((f) => `“${f.name}”`).join(", ");
    return {
      ok: false,
      fieldErrors: {
        confirmFileIds: [
          `Nothing was published: ${unconfirmed.length === 1 ? "a file" : `${unconfirmed.length} files`} the app flagged would become public (${names}). Mark ${unconfirmed.length === 1 ? "it" : "them"} internal, or confirm each below to publish it anyway.`,
        ],
      },
      flaggedFiles: unconfirmed,
    };
  }
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    // Taking a public request back is also for those who may publish: it changes what the public sees.
    if (current.visibility === "public" && input.visibility !== "public" && !can(viewer, "request.publish")) {
      return fail("visibility", "Only coordinators and admins can take a public request back.");
    }
    const embargoUntil = input.visibility === "public" ? (input.embargoUntil ?? null) : null;
    if (current.visibility === input.visibility && (current.embargoUntil ?? null) === embargoUntil) {
      return ok({ visibility: current.visibility, publicSlug: current.publicSlug, embargoUntil });
    }
    let publicAt: Date | null = null;
    if (input.visibility === "public") {
      publicAt = embargoUntil
        ? startOfDayIn(embargoUntil, viewer.timeZone)
        : // Already published: keep the original publication instant.
          current.visibility === "public" && !current.embargoUntil && current.publicAt
          ? current.publicAt
          : new Date();
    }
    const slug = input.visibility === "public" ? (current.publicSlug ?? publicSlug(current.title, randomTail())) : current.publicSlug;
    await tx
      .update(requests)
      .set({ visibility: input.visibility, embargoUntil, publicAt, publicSlug: slug })
      .where(eq(requests.id, current.id));
    await recordEvent(
      tx,
      viewer,
      current.id,
      {
        kind: "visibility_changed",
        data: {
          from: current.visibility,
          to: input.visibility,
          embargoUntil,
          previousEmbargoUntil: current.embargoUntil ?? null,
          ...(flagged.length ? { flaggedFilesConfirmed: flagged.map((f) => f.name) } : {}),
        },
      },
      undefined,
      { internal: true },
    );
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "request.visibility_changed",
      targetType: "request",
      targetId: current.id,
      details: {
        number: current.number,
        from: VISIBILITY_LABELS[current.visibility],
        to: VISIBILITY_LABELS[input.visibility],
        ...(embargoUntil ? { embargoUntil } : {}),
      },
      ipAddress: context.ipAddress ?? null,
    });
    return ok({ visibility: input.visibility, publicSlug: slug, embargoUntil });
  });
}

/**
 * Hides a timeline entry or a file from everyone outside the organization (internal), or shows it again. Hiding
 * a file also hides the entry that announced it, so its name doesn't show where the file doesn't.
 */
export async function setEntryInternal(
  viewer: Viewer,
  requestId: string,
  input: { entryType: "event" | "file"; entryId: string; internal: boolean },
  context: { ipAddress?: string | null } = {},
  db: Executor = defaultDb,
): Promise<Result<{ changed: boolean }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    let label: string;
    if (input.entryType === "file") {
      const [file] = await tx
        .select({ id: requestFiles.id, name: requestFiles.originalName, internal: requestFiles.internal })
        .from(requestFiles)
        .where(and(eq(requestFiles.id, input.entryId), eq(requestFiles.requestId, current.id)))
        .limit(1);
      if (!file) return fail("entryId", "That file is not on this request");
      if (file.internal === input.internal) return ok({ changed: false });
      await tx.update(requestFiles).set({ internal: input.internal }).where(eq(requestFiles.id, file.id));
      await tx
        .update(requestEvents)
        .set({ internal: input.internal })
        .where(and(eq(requestEvents.requestId, current.id), eq(requestEvents.kind, "file_added"), sql`${requestEvents.data}->>'fileId' = ${file.id}`));
      label = file.name;
    } else {
      const [event] = await tx
        .select({ id: requestEvents.id, kind: requestEvents.kind, data: requestEvents.data, internal: requestEvents.internal })
        .from(requestEvents)
        .where(and(eq(requestEvents.id, input.entryId), eq(requestEvents.requestId, current.id)))
        .limit(1);
      if (!event) return fail("entryId", "That entry is not on this request's timeline");
      if (event.kind === "visibility_changed" || event.kind === "entry_visibility_changed") {
        return fail("entryId", "Changes of who sees the request are always internal");
      }
      if (event.internal === input.internal) return ok({ changed: false });
      await tx.update(requestEvents).set({ internal: input.internal }).where(eq(requestEvents.id, event.id));
      label = eventHeadline({ kind: event.kind, data: event.data } as TimelineEventData);
    }
    await recordEvent(
      tx,
      viewer,
      current.id,
      { kind: "entry_visibility_changed", data: { entryType: input.entryType, entryId: input.entryId, label, internal: input.internal } },
      undefined,
      { internal: true },
    );
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: input.internal ? "request.entry_hidden" : "request.entry_shown",
      targetType: "request",
      targetId: current.id,
      details: { number: current.number, entryType: input.entryType, entryId: input.entryId, label },
      ipAddress: context.ipAddress ?? null,
    });
    return ok({ changed: true });
  });
}
