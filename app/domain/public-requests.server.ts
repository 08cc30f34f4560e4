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

/** Published requests of every organization, newest published first (then by id, so pages never overlap). */
export async function listPublicRequests(
  filters: Partial<PublicIndexFilters>,
  options: { pageSize?: number } = {},
  db: Executor = defaultDb,
): Promise<{ rows: PublicRequestRow[]; total: number; page: number; pageSize: number; pageCount: number }> {
  const pageSize = options.pageSize ?? PUBLIC_PAGE_SIZE;
  const page = filters.page ?? 1;
  const where = indexConditions(filters);
  const [rows, [totals]] = await Promise.all([
    db
      .select(rowColumns)
      .from(requests)
      .innerJoin(organizations, eq(organizations.id, requests.organizationId))
      .leftJoin(agencies, eq(agencies.id, requests.agencyId))
      .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
      .leftJoin(vendors, eq(vendors.id, requests.vendorId))
      .where(where)
      .orderBy(desc(requests.publicAt), asc(requests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count() })
      .from(requests)
      .leftJoin(agencies, eq(agencies.id, requests.agencyId))
      .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
      .where(where),
  ]);
  const total = Number(totals?.total ?? 0);
  return { rows: rows.map(rowOf), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The states that published requests go to, for the index's filter. */
export async function listPublicStates(db: Executor = defaultDb): Promise<string[]> {
  const rows = await db
    .select({ code: stateCode })
    .from(requests)
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
    .where(and(visibleRequests(PUBLIC), isNotNull(stateCode)))
    .groupBy(stateCode)
    .orderBy(stateCode);
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
