import { parseWithZod } from "@conform-to/zod/v4";
import { and, eq, inArray } from "drizzle-orm";
import { organizations, requests } from "../../db/schema";
import type { RequestStatus, RequestVisibility } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { formatDate } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { visibleRequests } from "./access.server";
import { BULK_ALL_LIMIT, BULK_BATCH_SIZE, BULK_VISIBILITIES, tagsInputSchema, type BulkAction, type BulkTarget } from "./bulk-input";
import { chosenAssignee } from "./members.server";
import type { Permission } from "./permissions";
import { applyParsedRequestChange, permissionFor, requestChangeSchema, type ChangeContext } from "./request-changes.server";
import { parseRequestFilters, type RequestFilters } from "./request-input";
import { requestReference } from "./request-reference";
import { STATUS_LABELS } from "./request-status";
import { changeTags, countMatching, ownMatchingIdBatches } from "./requests.server";
import { VISIBILITY_LABELS } from "./visibility";

// Changing many requests of the list at once: the ticked ones, or every request matching the list's filters.
// Each request is changed by the same domain call as its own page's form (REQUEST_CHANGES, or changeTags
// for tags), so the permission checks, the visibility rule (only the organization's own requests
// change) and the timeline entry are those of a single change. Every match is read in keyset batches of
// BULK_BATCH_SIZE ids, each batch changed in one transaction (each request in its own savepoint), so nothing
// holds the whole list in memory; at most BULK_ALL_LIMIT requests are changed per run.

/** A bulk change, its input parsed: tags, or the parsed input of one of the request page's changes. */
export type BulkChange =
  | { action: "add-tags" | "remove-tags"; tags: string[] }
  | { action: "assign"; value: { assigneeId?: string }; assigneeName: string | null }
  | { action: "change-status"; value: { status: RequestStatus; on?: string; note?: string } }
  | { action: "set-visibility"; value: { visibility: RequestVisibility } }
  | { action: "set-next-action"; value: { nextActionOn?: string } };

/** The permission each bulk change needs (tags are an edit of the request, as on its edit form). */
export function bulkPermission(action: BulkAction): Permission {
  return action === "add-tags" || action === "remove-tags" ? "request.edit" : permissionFor(action);
}

/** The change's fields, checked by the schema of the single request's form; field errors otherwise. */
export async function parseBulkChange(
  viewer: Viewer,
  action: BulkAction,
  form: FormData | URLSearchParams,
  today: string,
): Promise<{ ok: true; change: BulkChange } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const fields = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === "string") fields.append(key, value);
  fields.set("intent", action);
  if (action === "add-tags" || action === "remove-tags") {
    const parsed = tagsInputSchema.safeParse({ tags: fields.get("tags") ?? "" });
    if (!parsed.success) return { ok: false, fieldErrors: { tags: parsed.error.issues.map((i) => i.message) } };
    return { ok: true, change: { action, tags: parsed.data.tags } };
  }
  if (action === "set-visibility") {
    const visibility = fields.get("visibility");
    if (!(BULK_VISIBILITIES as readonly (string | null)[]).includes(visibility)) {
      return { ok: false, fieldErrors: { visibility: ["Choose private or the coalition: a request is made public from its own page"] } };
    }
    // Only the visibility itself: no embargo or confirmed files in bulk.
    for (const key of [...fields.keys()]) if (key !== "visibility" && key !== "intent") fields.delete(key);
  }
  const submission = parseWithZod(fields, { schema: requestChangeSchema(action, today) });
  if (submission.status !== "success") {
    const fieldErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].length > 0));
    return { ok: false, fieldErrors };
  }
  const value = submission.value as Record<string, unknown>;
  if (action === "assign") {
    const chosen = await chosenAssignee(viewer, { assigneeId: (value.assigneeId as string | undefined) || undefined, assigneeName: fields.get("assigneeName") });
    if (!chosen.ok) return { ok: false, fieldErrors: { [chosen.field]: [chosen.message] } };
    return { ok: true, change: { action, value: { assigneeId: chosen.member?.id }, assigneeName: chosen.member?.name ?? null } };
  }
  return { ok: true, change: { action, value } as BulkChange };
}

/** What the change does, in words, for the review and the report. */
export function describeBulkChange(change: BulkChange): string {
  const quoted = (tags: string[]) => tags.map((t) => `“${t}”`).join(", ");
  switch (change.action) {
    case "add-tags":
      return `Add the tag${change.tags.length === 1 ? "" : "s"} ${quoted(change.tags)}`;
    case "remove-tags":
      return `Remove the tag${change.tags.length === 1 ? "" : "s"} ${quoted(change.tags)}`;
    case "assign":
      return change.assigneeName ? `Assign to ${change.assigneeName}` : "Unassign (nobody)";
    case "change-status":
      return `Change the status to ${STATUS_LABELS[change.value.status]}${change.value.note ? `, with the note “${change.value.note}”` : ""}`;
    case "set-visibility":
      return `Make them visible to: ${VISIBILITY_LABELS[change.value.visibility]}`;
    case "set-next-action":
      return change.value.nextActionOn ? `Set the next action date to ${formatDate(change.value.nextActionOn)}` : "Clear the next action date";
  }
}

/** The list's filters a bulk change to every match was made from (the same schema as the list's URL). */
export function bulkFilters(target: BulkTarget): { ok: true; filters: RequestFilters } | { ok: false; message: string } {
  const parsed = parseRequestFilters(new URLSearchParams(target.filter));
  if (!parsed.success) return { ok: false, message: `The list's filters are not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` };
  return { ok: true, filters: parsed.data };
}

type BulkRow = { id: string; number: number; organizationId: string; organizationCode: string; title: string; status: RequestStatus; assigneeId: string | null; tags: string[]; visibility: RequestVisibility; nextActionOn: string | null };

/** The requests of these ids the viewer sees (its own and those its partners share), with what a change compares. */
function readRows(db: Executor, viewer: Viewer, ids: readonly string[]): Promise<BulkRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({
      id: requests.id,
      number: requests.number,
      organizationId: requests.organizationId,
      organizationCode: organizations.shortCode,
      title: requests.title,
      status: requests.status,
      assigneeId: requests.assigneeId,
      tags: requests.tags,
      visibility: requests.visibility,
      nextActionOn: requests.nextActionOn,
    })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .where(and(inArray(requests.id, [...ids]), visibleRequests(viewer)))
    .orderBy(requests.number);
}

/** The request is already as the change would leave it: nothing to do, and nothing goes on its timeline. */
function alreadySo(change: BulkChange, row: BulkRow): boolean {
  switch (change.action) {
    case "add-tags":
      return change.tags.every((t) => row.tags.includes(t));
    case "remove-tags":
      return !change.tags.some((t) => row.tags.includes(t));
    case "assign":
      return (row.assigneeId ?? null) === (change.value.assigneeId ?? null);
    case "change-status":
      return row.status === change.value.status;
    case "set-visibility":
      return row.visibility === change.value.visibility;
    case "set-next-action":
      return (row.nextActionOn ?? null) === (change.value.nextActionOn ?? null);
  }
}

export type BulkSample = { id: string; reference: string; title: string; shared: boolean };

export type BulkPreview = {
  /** The organization's own requests the change would apply to (up to BULK_ALL_LIMIT + 1 for every match). */
  own: number;
  /** Requests that coalition partners share: seen, never changed. */
  shared: number;
  /** Ticked ids that are no request the viewer sees. */
  notFound: number;
  /** More than BULK_ALL_LIMIT of the organization's requests match: the filters must be narrowed. */
  tooMany: boolean;
  sample: BulkSample[];
};

const SAMPLE_SIZE = 50;

/** What the review page shows before a bulk change: how many requests it would change, and some of them. */
export async function previewBulk(viewer: Viewer, target: BulkTarget, filters: RequestFilters | null, db: Executor = defaultDb): Promise<BulkPreview> {
  const sampleOf = (rows: BulkRow[]) =>
    rows.slice(0, SAMPLE_SIZE).map((r) => ({ id: r.id, reference: requestReference(r), title: r.title, shared: r.organizationId !== viewer.organizationId }));
  if (target.scope === "selected") {
    const rows = await readRows(db, viewer, target.requestIds);
    const own = rows.filter((r) => r.organizationId === viewer.organizationId);
    return { own: own.length, shared: rows.length - own.length, notFound: target.requestIds.length - rows.length, tooMany: false, sample: sampleOf(own) };
  }
  const counted = await countMatching(viewer, filters ?? {}, BULK_ALL_LIMIT, db);
  const first = await ownMatchingIdBatches(viewer, filters ?? {}, SAMPLE_SIZE, db).next();
  const rows = first.done ? [] : await readRows(db, viewer, first.value);
  return { own: counted.own, shared: counted.shared, notFound: 0, tooMany: counted.own > BULK_ALL_LIMIT, sample: sampleOf(rows) };
}

export type BulkReport = {
  changed: number;
  /** Already as asked: left alone, nothing on their timeline. */
  unchanged: number;
  /** The change was refused for these (a status they can't move to, a role that may not assign them...). */
  skipped: number;
  /** Shared by coalition partners: only their organization may change them. */
  shared: number;
  /** Ticked ids that are no request the viewer sees (another organization's, or deleted). */
  notFound: number;
  /** Some of the skipped ones, with why. */
  skippedExamples: { reference: string; reason: string }[];
  /** Every match was not reached: BULK_ALL_LIMIT requests were changed or looked at. */
  stopped: boolean;
};

const EXAMPLES = 10;

/**
 * Applies the change to the ticked requests, or to every request of the viewer's organization matching the
 * filters, batch by batch. The caller has checked bulkPermission.
 */
export async function applyBulk(
  viewer: Viewer,
  target: BulkTarget,
  filters: RequestFilters | null,
  change: BulkChange,
  context: Omit<ChangeContext, "db">,
  db: Executor = defaultDb,
): Promise<BulkReport> {
  const report: BulkReport = { changed: 0, unchanged: 0, skipped: 0, shared: 0, notFound: 0, skippedExamples: [], stopped: false };
  const skip = (row: BulkRow, reason: string) => {
    report.skipped += 1;
    if (report.skippedExamples.length < EXAMPLES) report.skippedExamples.push({ reference: requestReference(row), reason });
  };

  const runBatch = async (ids: string[]) => {
    const asked = change;
    await db.transaction(async (tx) => {
      const rows = await readRows(tx, viewer, ids);
      report.notFound += ids.length - rows.length;
      for (const row of rows) {
        if (row.organizationId !== viewer.organizationId) {
          report.shared += 1;
          continue;
        }
        if (alreadySo(change, row)) {
          report.unchanged += 1;
          continue;
        }
        if ("tags" in asked) {
          const result = await changeTags(viewer, row.id, asked.action === "add-tags" ? { add: asked.tags, remove: [] } : { add: [], remove: asked.tags }, tx);
          if (!result) report.notFound += 1;
          else if (!result.ok) skip(row, Object.values(result.fieldErrors).flat()[0] ?? "Refused");
          else report.changed += 1;
          continue;
        }
        const outcome = await applyParsedRequestChange(viewer, row.id, asked.action, asked.value, { ...context, db: tx });
        if (outcome.kind === "done") report.changed += 1;
        else if (outcome.kind === "not-found") report.notFound += 1;
        else skip(row, outcome.message);
      }
    });
  };

  if (target.scope === "selected") {
    for (let i = 0; i < target.requestIds.length; i += BULK_BATCH_SIZE) await runBatch(target.requestIds.slice(i, i + BULK_BATCH_SIZE));
    return report;
  }
  let seen = 0;
  for await (const ids of ownMatchingIdBatches(viewer, filters ?? {}, BULK_BATCH_SIZE, db)) {
    const room = BULK_ALL_LIMIT - seen;
    await runBatch(ids.slice(0, room));
    seen += Math.min(ids.length, room);
    if (seen >= BULK_ALL_LIMIT) {
      report.stopped = true;
      break;
    }
  }
  report.shared = (await countMatching(viewer, filters ?? {}, BULK_ALL_LIMIT, db)).shared;
  return report;
}

/** The report in a sentence or three, for the flash message after the change. */
export function describeBulkReport(change: BulkChange, report: BulkReport): string {
  const n = (count: number, noun = "request") => `${count.toLocaleString("en-US")} ${count === 1 ? noun : `${noun}s`}`;
  const parts = [`${describeBulkChange(change)}: ${n(report.changed)} changed.`];
  if (report.unchanged) parts.push(`${n(report.unchanged)} already so.`);
  if (report.skipped) {
    const examples = report.skippedExamples.map((e) => `${e.reference}: ${e.reason}`).join(" ");
    parts.push(`${n(report.skipped)} skipped${report.skipped > report.skippedExamples.length ? ` (the first ${report.skippedExamples.length} below)` : ""}. ${examples}`);
  }
  if (report.shared) parts.push(`${n(report.shared)} shared by coalition partners left alone (only their organization can change them).`);
  if (report.notFound) parts.push(`${n(report.notFound)} not found (not a request your organization sees).`);
  if (report.stopped) parts.push(`Stopped after ${BULK_ALL_LIMIT.toLocaleString("en-US")} requests: narrow the filters and apply again for the rest.`);
  return parts.join(" ");
}
