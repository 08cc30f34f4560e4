import { and, asc, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, jurisdictions, organizations, requestEvents, requests, users, vendors } from "../../db/schema";
import type { AgencyType, RequestStatus } from "../../db/schema/values";
import { db as defaultDb, type Executor } from "../utils/db.server";
import { PUBLIC, publishingPreview, visibleRequests, visibleTimelineEntries, type Audience, type PublishingPreview } from "./access.server";
import type { Viewer } from "./accounts.server";
import { isUuid } from "./request-events.server";
import { containsPattern } from "./requests.server";
import type { DeadlineSnapshot } from "./deadlines.server";
import { getRequestFields } from "./fields.server";
import { getRequestFile, listRequestFiles } from "./files.server";
import { isPublicSlug, PUBLIC_PAGE_SIZE, type PublicIndexFilters } from "./public-requests";
import { publicTimelineItem, redactPeople, type Person, type PublicTimelineItem } from "./public-timeline";
import type { TimelineEventData } from "./timeline";

// The public request pages: what anyone, signed in or not, may read. Every query takes its condition from
// app/domain/access.server.ts with the PUBLIC audience (published requests, their entries and files that are
// not internal); nothing here decides visibility itself. Only columns meant for the public are selected, so
// nothing else can reach a page's HTML or its serialized loader data.

const targetState = alias(jurisdictions, "target_state");

const stateCode = sql<string | null>`coalesce(${targetState.code}, ${jurisdictions.code})`;

const rowColumns = {
  id: requests.id,
  slug: requests.publicSlug,
  title: requests.title,
  status: requests.status,
  organizationName: organizations.name,
  timeZone: organizations.timeZone,
  agencyName: agencies.name,
  agencyType: agencies.type,
  placeName: jurisdictions.name,
  placeStateCode: targetState.code,
  stateCode,
  vendorName: vendors.name,
  filedOn: requests.filedOn,
  dueOn: requests.dueOn,
  dueStatutory: requests.dueStatutory,
  followUpOn: requests.followUpOn,
  longOverdueOn: requests.longOverdueOn,
  publicAt: requests.publicAt,
};

type RawRow = {
  id: string;
  slug: string | null;
  title: string;
  status: RequestStatus;
  organizationName: string;
  timeZone: string;
  agencyName: string | null;
  agencyType: AgencyType | null;
  placeName: string | null;
  placeStateCode: string | null;
  stateCode: string | null;
  vendorName: string | null;
  filedOn: string | null;
  dueOn: string | null;
  dueStatutory: boolean;
  followUpOn: string | null;
  longOverdueOn: string | null;
  publicAt: Date | null;
};

/** What the request is sent to, as the public pages name it. */
export type PublicTarget =
  | { kind: "agency"; name: string; agencyType: AgencyType | null; place: string | null; stateCode: string | null }
  | { kind: "vendor"; name: string };

function targetOf(row: RawRow): PublicTarget {
  if (row.vendorName !== null) return { kind: "vendor", name: row.vendorName };
  // A city or county is named with its state; a state (or federal) agency's place is the state itself.
  const place = row.placeName === null ? null : row.placeStateCode ? `${row.placeName}, ${row.placeStateCode}` : row.placeName;
  return { kind: "agency", name: row.agencyName ?? "", agencyType: row.agencyType, place, stateCode: row.stateCode };
}

function rowOf(row: RawRow) {
  return {
    slug: row.slug ?? "",
    title: row.title,
    status: row.status,
    organizationName: row.organizationName,
    timeZone: row.timeZone,
    target: targetOf(row),
    filedOn: row.filedOn,
    dueOn: row.dueOn,
    dueStatutory: row.dueStatutory,
    followUpOn: row.followUpOn,
    longOverdueOn: row.longOverdueOn,
    publishedAt: (row.publicAt ?? new Date(0)).toISOString(),
  };
}
export type PublicRequestRow = ReturnType<typeof rowOf>;

function indexConditions(filters: Partial<PublicIndexFilters>): SQL {
  // A public request always has its page address; the condition only keeps a broken row off the list.
  const conditions: SQL[] = [visibleRequests(PUBLIC), isNotNull(requests.publicSlug)];
  if (filters.status) conditions.push(eq(requests.status, filters.status));
  if (filters.state) conditions.push(sql`${stateCode} = ${filters.state}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(or(ilike(requests.title, pattern), ilike(requests.description, pattern))!);
  }
  return and(...conditions)!;
}

/** Counts of the public index stop here: above it the index says "more than 10,000". */
export const PUBLIC_TOTAL_CAP = 10_000;

/** Where a keyset page of the public index starts: after this (published instant, id). */
export interface PublicCursor {
  publishedAt: string;
  id: string;
}

export function encodePublicCursor(cursor: PublicCursor): string {
  return `${cursor.publishedAt}_${cursor.id}`;
}

export function decodePublicCursor(value: string | null | undefined): PublicCursor | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(value ?? "");
  if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
  return { publishedAt: m[1]!, id: m[2]! };
}

/**
 * Published requests of every organization, newest published first (then by id, so pages never overlap). With
 * `after`, the page after that cursor (keyset: the cost of a page is a page, however deep); else page `page`.
 * The total is exact up to PUBLIC_TOTAL_CAP (`totalCapped` above it). `next` is the following page's cursor.
 */
export async function listPublicRequests(
  filters: Partial<PublicIndexFilters>,
  options: { pageSize?: number; after?: PublicCursor | null } = {},
  db: Executor = defaultDb,
): Promise<{
  rows: PublicRequestRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  next: string | null;
}> {
  const pageSize = options.pageSize ?? PUBLIC_PAGE_SIZE;
  const page = options.after ? 1 : (filters.page ?? 1);
  const where = indexConditions(filters);
  const after = options.after
    ? sql`(${requests.publicAt} < ${options.after.publishedAt}::timestamptz or (${requests.publicAt} = ${options.after.publishedAt}::timestamptz and ${requests.id} > ${options.after.id}::uuid))`
    : sql`true`;
  const [rows, [totals]] = await Promise.all([
    db
      .select({ ...rowColumns, id: requests.id })
      .from(requests)
      .innerJoin(organizations, eq(organizations.id, requests.organizationId))
      .leftJoin(agencies, eq(agencies.id, requests.agencyId))
      .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
      .leftJoin(vendors, eq(vendors.id, requests.vendorId))
      .where(and(where, after))
      .orderBy(desc(requests.publicAt), asc(requests.id))
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count() })
      .from(
        db
          .select({ one: sql`1`.as("one") })
          .from(requests)
          .leftJoin(agencies, eq(agencies.id, requests.agencyId))
          .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
          .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
          .where(where)
          .limit(PUBLIC_TOTAL_CAP + 1)
          .as("c"),
      ),
  ]);
  const counted = Number(totals?.total ?? 0);
  const total = Math.min(counted, PUBLIC_TOTAL_CAP);
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return {
    rows: shown.map(rowOf),
    total,
    totalCapped: counted > PUBLIC_TOTAL_CAP,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    next: rows.length > pageSize && last ? encodePublicCursor({ publishedAt: (last.publicAt ?? new Date(0)).toISOString(), id: last.id }) : null,
  };
}

/**
 * The states the index can filter by: the reference list of states (read from its 52 rows, not by grouping every
 * published request). A state with no published request lists nothing.
 */
export async function listPublicStates(db: Executor = defaultDb): Promise<string[]> {
  const rows = await db
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(and(sql`${jurisdictions.organizationId} is null`, eq(jurisdictions.kind, "state"), isNotNull(jurisdictions.code)))
    .orderBy(jurisdictions.code);
  return rows.map((r) => r.code).filter((c): c is string => c !== null);
}

const pageColumns = {
  ...rowColumns,
  organizationId: requests.organizationId,
  description: requests.description,
  receivedOn: requests.receivedOn,
  acknowledgementDueOn: requests.acknowledgementDueOn,
  appealDueOn: requests.appealDueOn,
  deadline: requests.deadline,
};

/** One request with the columns its public page shows, among those the audience may read. */
async function findForPage(db: Executor, audience: Audience, condition: SQL) {
  const [row] = await db
    .select(pageColumns)
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .where(and(condition, visibleRequests(audience)))
    .limit(1);
  return row ?? null;
}
type PageRow = NonNullable<Awaited<ReturnType<typeof findForPage>>>;

/**
 * The organization's people, to withhold their names and addresses from what the public reads. Read only to
 * redact, never shown; disabled members included (their names are still in old letters).
 */
async function peopleOf(db: Executor, organizationId: string): Promise<Person[]> {
  return db.select({ name: users.name, email: users.email }).from(users).where(eq(users.organizationId, organizationId));
}

type TimelineRow = TimelineEventData & { id: string; occurredAt: Date };

/** The request's entries the public may read, oldest first; what each may say is decided by publicTimelineItem. */
async function publicTimelineRows(db: Executor, audience: typeof PUBLIC | PublishingPreview, requestId: string): Promise<TimelineRow[]> {
  const rows = await db
    .select({ id: requestEvents.id, kind: requestEvents.kind, data: requestEvents.data, occurredAt: requestEvents.occurredAt })
    .from(requestEvents)
    .innerJoin(requests, eq(requests.id, requestEvents.requestId))
    .where(and(eq(requestEvents.requestId, requestId), visibleTimelineEntries(audience)))
    .orderBy(asc(requestEvents.seq));
  return rows as unknown as TimelineRow[];
}

/** A published request's public page, or null: unknown, not public, embargoed or malformed all look the same. */
export async function getPublicRequest(slug: string, db: Executor = defaultDb) {
  if (!isPublicSlug(slug)) return null;
  const found = await findForPage(db, PUBLIC, eq(requests.publicSlug, slug));
  if (!found) return null;
  return publicPageOf(db, PUBLIC, found, (fileId) => `/r/${found.slug}/files/${fileId}`);
}
export type PublicRequest = NonNullable<Awaited<ReturnType<typeof getPublicRequest>>>;

/**
 * The public page the viewer's own request would have if it were published now, built by the same code as the
 * public page with the public's rules for entries and files; file links go to the organization's own downloads.
 * Null when the request is not the viewer's organization's.
 */
export async function previewPublicRequest(viewer: Viewer, requestId: string, db: Executor = defaultDb): Promise<PublicRequest | null> {
  if (!isUuid(requestId)) return null;
  const audience = publishingPreview(viewer);
  const found = await findForPage(db, audience, eq(requests.id, requestId));
  if (!found) return null;
  const page = await publicPageOf(db, audience, found, (fileId) => `/requests/${found.id}/files/${fileId}/download`);
  // Not published yet: it would be published now.
  return found.publicAt ? page : { ...page, publishedAt: new Date().toISOString() };
}

async function publicPageOf(db: Executor, audience: typeof PUBLIC | PublishingPreview, found: PageRow, downloadUrlOf: (fileId: string) => string) {
  const [fieldsData, files, people, timelineRows] = await Promise.all([
    getRequestFields(audience, found.id, db),
    listRequestFiles(audience, found.id, db),
    peopleOf(db, found.organizationId),
    publicTimelineRows(db, audience, found.id),
  ]);
  const publicFileIds = new Set(files.map((f) => f.id));
  const timeline = timelineRows
    .map((row) => publicTimelineItem(row, { people, publicFileIds }))
    .filter((item): item is PublicTimelineItem => item !== null);
  const { deadline } = found;
  return {
    ...rowOf(found),
    description: found.description,
    receivedOn: found.receivedOn,
    acknowledgementDueOn: found.acknowledgementDueOn,
    appealDueOn: found.appealDueOn,
    deadline: deadline as unknown as DeadlineSnapshot | null,
    ask: fieldsData
      ? {
          ...fieldsData.ask,
          deidentifyNotes: fieldsData.ask.deidentifyNotes === null ? null : redactPeople(fieldsData.ask.deidentifyNotes, people),
          recordTypes: fieldsData.recordTypes.map((t) => t.name),
        }
      : null,
    fields: (fieldsData?.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      recordTypeName: f.recordTypeName,
      state: f.state,
      stateNote: f.stateNote === null ? null : redactPeople(f.stateNote, people),
      stateFileName: f.stateFileId && publicFileIds.has(f.stateFileId) ? f.stateFileName : null,
    })),
    coverage: fieldsData?.coverage ?? { received: 0, total: 0 },
    byState: fieldsData?.byState ?? null,
    timeline,
    files: files.map((f) => ({
      id: f.id,
      name: f.originalName,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      mediaType: f.mediaType,
      kind: f.kind,
      receivedAt: f.createdAt.toISOString(),
      downloadUrl: downloadUrlOf(f.id),
    })),
  };
}

/** A public file of a published request with where its bytes are; null for anything the public may not have. */
export async function getPublicRequestFile(slug: string, fileId: string, db: Executor = defaultDb) {
  const [found] = isPublicSlug(slug)
    ? await db
        .select({ id: requests.id })
        .from(requests)
        .where(and(eq(requests.publicSlug, slug), visibleRequests(PUBLIC)))
        .limit(1)
    : [];
  if (!found) return null;
  return getRequestFile(PUBLIC, found.id, fileId, db);
}
