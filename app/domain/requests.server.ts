import type { PgSelect } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, campaigns, communications, jurisdictions, organizations, requestCounts, requestEvents, requests, requestSearch, tagUses, users, vendors } from "../../db/schema";
import type { RequestStatus, RequestVisibility } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { addDays } from "../utils/dates";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownRequests, ownVendors, visibleCampaigns, visibleRequests, visibleTimelineEntries, visibleUsers } from "./access.server";
import {
  effectiveDirection,
  effectiveSort,
  encodeCursor,
  FOLLOW_UP_INTERVAL_DAYS,
  MAX_TAGS,
  normalizeTags,
  type EditRequestInput,
  type NewRequestInput,
  type RequestFilters,
  type RequestSort,
  type SortDirection,
} from "./request-input";
import { STATUS_LABELS, isOpenStatus, transitionProblem } from "./request-status";
import { refreshDeadline, type DeadlineSnapshot } from "./deadlines.server";
import { isUuid, lockRequest, recordEvent } from "./request-events.server";
import { coverageColumns } from "./coverage-sql.server";
import { findMember } from "./members.server";
import { containsPattern, requestTextMatches, searchMatch, searchPartRows, searchRank } from "./request-search.server";
import { chooseSearchPath, hasSeveralWords, SEARCH_PROBE_ROWS, type SearchPath } from "./search-path";
import { agencyFromDirectory } from "./directory-links.server";
import { conflicted, fail, ok, type Result } from "./results";
import { CONFLICT_MESSAGE, displayValue, editVersion } from "./edit-version";
import type { FieldChange, TimelineEvent, TimelineEventData } from "./timeline";

export { isUuid, lockRequest, recordEvent };

const assignee = alias(users, "assignee");
const requester = alias(users, "requester");
const targetState = alias(jurisdictions, "target_state");

export { containsPattern };

const listColumns = {
  id: requests.id,
  number: requests.number,
  title: requests.title,
  status: requests.status,
  agencyId: requests.agencyId,
  agencyName: agencies.name,
  jurisdictionName: jurisdictions.name,
  stateCode: sql<string | null>`coalesce(${targetState.code}, ${jurisdictions.code})`,
  vendorId: requests.vendorId,
  vendorName: vendors.name,
  campaignId: requests.campaignId,
  assigneeId: requests.assigneeId,
  assigneeName: assignee.name,
  filedOn: requests.filedOn,
  method: requests.method,
  trackingNumber: requests.trackingNumber,
  nextActionOn: requests.nextActionOn,
  receivedOn: requests.receivedOn,
  dueOn: requests.dueOn,
  dueStatutory: requests.dueStatutory,
  dueBasis: requests.dueBasis,
  followUpOn: requests.followUpOn,
  longOverdueOn: requests.longOverdueOn,
  tags: requests.tags,
  createdAt: requests.createdAt,
  updatedAt: requests.updatedAt,
  organizationId: requests.organizationId,
  organizationName: organizations.name,
  organizationCode: organizations.shortCode,
  visibility: requests.visibility,
  embargoUntil: requests.embargoUntil,
  ...coverageColumns,
};

export type RequestListRow = {
  id: string;
  number: number;
  title: string;
  status: RequestStatus;
  /** Set for requests to an agency; vendorId is set instead for requests to a vendor. */
  agencyId: string | null;
  agencyName: string | null;
  jurisdictionName: string | null;
  stateCode: string | null;
  vendorId: string | null;
  vendorName: string | null;
  campaignId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  filedOn: string | null;
  method: string | null;
  trackingNumber: string | null;
  nextActionOn: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  dueStatutory: boolean;
  dueBasis: string | null;
  followUpOn: string | null;
  longOverdueOn: string | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  /** The organization that owns the request: the viewer's, or a coalition member's that shares it. */
  organizationId: string;
  organizationName: string;
  /** The organization's short code: the request is "TRC-12" (see requestReference). */
  organizationCode: string;
  visibility: RequestVisibility;
  embargoUntil: string | null;
  coverageReceived: number;
  coverageTotal: number;
};

/** Filters from the URL, and (from an agency's page) the agency's directory ORI: requests to any agency row linked to it. */
type ListFilters = Partial<RequestFilters> & { agencyOri?: string; ids?: readonly string[] };

/**
 * Sorted by best match, a search ranks its most recently updated matches, up to this many (+ 1) per organization,
 * and counts them as it reads them: past this many the list says "more than 200".
 */
export const RANKED_MATCHES = 200;

/** The list's total is exact up to this many rows; past it the list says "more than 10,000". */
export const EXACT_TOTAL_LIMIT = 10_000;
/** A search's total is exact up to this many matches ("more than 200"). */
export const EXACT_SEARCH_TOTAL_LIMIT = RANKED_MATCHES;

/** The filters every organization's part of the list shares (who may see what is per part, see listRequests). */
function filterConditions(viewer: Viewer, filters: ListFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(requests.status, filters.status));
  const byOri = filters.agencyOri ? sql`${requests.agencyId} in (select a.id from agencies a where a.ori = ${filters.agencyOri})` : null;
  if (filters.agency && byOri) conditions.push(or(eq(requests.agencyId, filters.agency), byOri)!);
  else if (filters.agency) conditions.push(eq(requests.agencyId, filters.agency));
  else if (byOri) conditions.push(byOri);
  if (filters.vendor) conditions.push(eq(requests.vendorId, filters.vendor));
  if (filters.campaign) conditions.push(eq(requests.campaignId, filters.campaign));
  if (filters.ids) conditions.push(filters.ids.length ? inArray(requests.id, [...filters.ids]) : sql`false`);
  if (filters.visibility) conditions.push(eq(requests.visibility, filters.visibility));
  if (filters.assignee === "me") conditions.push(eq(requests.assigneeId, viewer.id));
  else if (filters.assignee === "none") conditions.push(isNull(requests.assigneeId));
  else if (filters.assignee) conditions.push(eq(requests.assigneeId, filters.assignee));
  if (filters.assigneeId) conditions.push(eq(requests.assigneeId, filters.assigneeId));
  else if (filters.assigneeName) {
    // Anyone of the organization's or its partners' (a list row shows a partner's assignee too), former members included.
    const organizationIds = [viewer.organizationId, ...viewer.partnerOrganizationIds];
    conditions.push(
      sql`${requests.assigneeId} in (select u.id from ${users} u where u.organization_id in (${sql.join(
        organizationIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and u.name ilike ${containsPattern(filters.assigneeName)})`,
    );
  }
  if (filters.tag) conditions.push(sql`${requests.tags} @> array[${filters.tag.toLowerCase()}]::text[]`);
  return conditions;
}

/**
 * The sort as one non-null key and its SQL type: dates put rows without one last in either direction (a far
 * future or far past stand-in), so "(key, id) after (k, i)" pages through them like any other row.
 */
function sortKey(sort: RequestSort, dir: SortDirection, q: string | undefined, ownText = true): { key: SQL; type: string } {
  const lastDate = dir === "asc" ? sql.raw(`'infinity'::date`) : sql.raw(`'-infinity'::date`);
  switch (sort) {
    case "updated":
      return { key: sql`${requests.updatedAt}`, type: "timestamptz" };
    case "created":
      return { key: sql`${requests.createdAt}`, type: "timestamptz" };
    case "filed":
      return { key: sql`coalesce(${requests.filedOn}, ${lastDate})`, type: "date" };
    case "next_action":
      return { key: sql`coalesce(${requests.nextActionOn}, ${lastDate})`, type: "date" };
    case "due":
      return { key: sql`coalesce(${requests.dueOn}, ${lastDate})`, type: "date" };
    case "title":
      return { key: sql`lower(${requests.title})`, type: "text" };
    case "status":
      return { key: sql`${requests.status}`, type: "request_status" };
    case "number":
      return { key: sql`${requests.number}`, type: "integer" };
    case "relevance":
      return { key: searchRank(q ?? "", { ownText }), type: "real" };
  }
}

export type RequestListResult = {
  rows: RequestListRow[];
  /** Exact when totalExact; otherwise the limit + 1 (10,001, or 201 for a search), shown as "more than 10,000" ("more than 200"). */
  total: number;
  totalExact: boolean;
  /** The page number when the list was asked by page (null when by cursor). */
  page: number | null;
  pageSize: number;
  pageCount: number | null;
  sort: RequestSort;
  dir: SortDirection;
  /** Cursors for the next and the previous page, null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
};

/** One organization's part of the list: the viewer's own requests, or a coalition partner's non-private ones. */
type ListPart = { organizationId: string; shared: boolean };

/**
 * What the list reads, filters applied: its parts (one per organization) and, for each part, the conditions its
 * rows meet (several when searching: a request matches if any does). The list, its CSV export and bulk changes
 * all select through this, so they agree on which requests match and who may see them.
 */
export async function listPlan(viewer: Viewer, filters: ListFilters, db: Executor = defaultDb) {
  const q = filters.q || undefined;
  const parts: ListPart[] = [];
  if (filters.owner !== "shared") parts.push({ organizationId: viewer.organizationId, shared: false });
  if (filters.owner !== "own") for (const id of viewer.partnerOrganizationIds) parts.push({ organizationId: id, shared: true });
  const common = filterConditions(viewer, filters);
  if (filters.agencyName) {
    // The agencies first (the organization's and its partners'), then their requests by id.
    const named = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(inArray(agencies.organizationId, [viewer.organizationId, ...viewer.partnerOrganizationIds]), ilike(agencies.name, containsPattern(filters.agencyName))));
    common.push(named.length ? inArray(requests.agencyId, named.map((a) => a.id)) : sql`false`);
  }
  // Each part: the organization's rows the viewer may see, the filters, and the search.
  const partWheres = (part: ListPart) => {
    const base = [eq(requests.organizationId, part.organizationId), part.shared ? ne(requests.visibility, "private") : undefined, ...common];
    return [and(...base, q ? requestTextMatches(part.organizationId, q, { ownText: !part.shared }) : undefined)!];
  };
  /**
   * For a search: where a part's matches are read from request_search, the search table (its rows ordered by
   * its own copy of updated_at), joined to requests only when other filters ask for the request's columns.
   */
  const searchSource = (part: ListPart, query: string) => {
    const ownText = !part.shared;
    // `rows`: the part's rows the search reads (filters applied); `text`: the search itself.
    const text = searchMatch(query, { ownText });
    if (!common.length) {
      const rows = searchPartRows(part.organizationId, { ownText });
      return { from: sql`${requestSearch}`, rows, text, where: sql`${rows} and ${text}` };
    }
    const base = [eq(requests.organizationId, part.organizationId), part.shared ? ne(requests.visibility, "private") : undefined, ...common];
    const rows = and(...base, searchPartRows(part.organizationId, { ownText }))!;
    return { from: sql`${requests} inner join ${requestSearch} on ${requestSearch.requestId} = ${requests.id}`, rows, text, where: sql`${rows} and ${text}` };
  };
  return { parts, partWheres, searchSource, q };
}
type ListPlan = Awaited<ReturnType<typeof listPlan>>;

/** The tables a list row's columns come from (listColumns, the CSV export's): organization, agency, place, vendor, assignee. */
function withListJoins<T extends PgSelect>(query: T) {
  return query
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId));
}

/**
 * A page of the requests the viewer sees. Each organization's part is its own query (the viewer's own
 * requests; each coalition partner's non-private ones), ordered and limited through the organization's index,
 * and the parts are joined by UNION ALL; then the page's rows are read by id. Pages are keyset pages
 * (`cursor`: after or before a row's sort key and id) or, for old links, numbered pages (`page`). The total is
 * counted up to EXACT_TOTAL_LIMIT rows.
 */
export async function listRequests(viewer: Viewer, filters: ListFilters, db: Executor = defaultDb): Promise<RequestListResult> {
  const pageSize = filters.pageSize ?? 25;
  const sort = effectiveSort(filters);
  const dir = effectiveDirection(filters);
  const cursor = filters.cursor && filters.cursor.sort === sort && filters.cursor.dir === dir ? filters.cursor : undefined;
  const page = cursor ? null : (filters.page ?? 1);
  const offset = page ? (page - 1) * pageSize : 0;
  const { parts, partWheres, searchSource, q } = await listPlan(viewer, filters, db);
  const { key, type } = sortKey(sort, dir, q);

  // Reading backwards (the previous page) runs the order the other way and turns the rows round after.
  const backwards = Boolean(cursor?.before);
  const readDir = backwards ? (dir === "asc" ? "desc" : "asc") : dir;
  const order = sql.raw(readDir);
  const keyset = cursor
    ? sql`(${key}, ${requests.id}) ${sql.raw(readDir === "asc" ? ">" : "<")} (${cursor.key}::${sql.raw(type)}, ${cursor.id}::uuid)`
    : undefined;
  const limit = offset + pageSize + 1;
  const ordered = (where: SQL) =>
    sql`(select ${requests.id} as id, ${key} as k from ${requests} where ${and(where, keyset)}
      order by ${key} ${order}, ${requests.id} ${order} limit ${limit})`;
  // Ranking every match of a very common word would read them all: the best matches are ranked among the
  // RANKED_MATCHES most recently updated ones (sorting by a date reaches every match), read from the search
  // table in its (organization, updated_at) order or, for a rarer word, through its GIN indexes.
  // Each part's RANKED_MATCHES + 1 most recent matches at most are read (m0, m1, ...: each read once); how many
  // there were is the part's count, so the same reading gives the total ("more than 200" once a part has more).
  // Each part's matches are read as the planner judges best: a common word's through the organization's rows
  // latest first (stopping at RANKED_MATCHES + 1), a rarer word's through the GIN indexes.
  // Several words: the way each part's matches are read is chosen from a sample (search-path.ts), since the
  // planner takes words searched together for independent ones.
  const matches = (part: ListPart, i: number, query: string, path: SearchPath | null) => {
    const { from, rows, text, where } = searchSource(part, query);
    const rank = searchRank(query, { ownText: !part.shared });
    if (path === "recent") {
      // The part's rows latest first, each tested: OFFSET 0 keeps the test out of the inner query, so Postgres
      // reads (organization, updated_at) backwards and stops at the RANKED_MATCHES + 1st match.
      return sql`${sql.raw(`m${i}`)} as (select ${requestSearch.requestId} as id, ${rank} as k
        from (select ${requestSearch}.* from ${from} where ${rows} order by ${requestSearch.updatedAt} desc offset 0) as ${requestSearch}
        where ${text} order by ${requestSearch.updatedAt} desc, ${requestSearch.requestId} desc limit ${RANKED_MATCHES + 1})`;
    }
    return sql`${sql.raw(`m${i}`)} as (select ${requestSearch.requestId} as id, ${rank} as k from ${from} where ${where}
      order by ${requestSearch.updatedAt} desc, ${requestSearch.requestId} desc limit ${RANKED_MATCHES + 1})`;
  };
  /** Each part's way, from how many of its SEARCH_PROBE_ROWS latest rows match (one statement for all parts). */
  const searchPaths = async (query: string): Promise<(SearchPath | null)[]> => {
    if (!hasSeveralWords(query)) return parts.map(() => null);
    const probe = (part: ListPart, i: number) => {
      const { from, rows, text } = searchSource(part, query);
      const total = sql`(select coalesce(sum(${requestCounts.n}), 0) from ${requestCounts}
        where ${requestCounts.organizationId} = ${part.organizationId}${part.shared ? sql` and ${requestCounts.visibility} <> 'private'` : sql``})`;
      return sql`(select ${i}::int as i, (count(*) filter (where ${text}))::int as matched, count(*)::int as read, ${total}::int as total
        from (select ${requestSearch}.* from ${from} where ${rows} order by ${requestSearch.updatedAt} desc limit ${SEARCH_PROBE_ROWS}) as ${requestSearch})`;
    };
    const sampled = await queryRows<{ i: number; matched: number; read: number; total: number }>(db, sql.join(parts.map(probe), sql` union all `));
    return parts.map((_, i) => {
      const row = sampled.find((r) => Number(r.i) === i);
      return row ? chooseSearchPath({ matched: Number(row.matched), read: Number(row.read), total: Number(row.total) }, RANKED_MATCHES + 1) : null;
    });
  };
  const ranked = (i: number) =>
    sql`(select w.id, w.k from ${sql.raw(`m${i}`)} w
      where ${cursor ? sql`(w.k, w.id) ${sql.raw(readDir === "asc" ? ">" : "<")} (${cursor.key}::real, ${cursor.id}::uuid)` : sql`true`}
      order by w.k ${order}, w.id ${order} limit ${limit})`;
  const totalLimit = q ? EXACT_SEARCH_TOTAL_LIMIT : EXACT_TOTAL_LIMIT;
  const countBranch = (part: ListPart) => {
    if (!q) return sql`(select ${requests.id} from ${requests} where ${partWheres(part)[0]!} limit ${totalLimit + 1})`;
    const { from, where } = searchSource(part, q);
    return sql`(select ${requestSearch.requestId} from ${from} where ${where} limit ${totalLimit + 1})`;
  };
  const countQuery = () =>
    queryRows<{ n: number }>(
      db,
      // The outer limit stops the UNION ALL as soon as 10,001 rows are counted: later parts are then not read.
      sql`select count(*)::int as n from (select 1 from (${sql.join(parts.map(countBranch), sql` union all `)}) u limit ${totalLimit + 1}) c`,
    );

  // The page's details, read by id: for the keys picked already (a search by best match), or joined to the
  // statement that picks them (one round trip fewer), their order then given by pos.
  const detailsOf = (from: { ids: string[] } | { picking: SQL }) => {
    const base = db
      .select({ ...listColumns, pickedKey: sql<string | null>`${"picking" in from ? sql`p.k` : sql`null`}`, pickedPos: sql<number | null>`${"picking" in from ? sql`p.pos` : sql`null`}` })
      .from(requests);
    const joined = "picking" in from ? base.innerJoin(sql`(${from.picking}) p`, sql`p.id = ${requests.id}`) : base;
    return withListJoins(joined.$dynamic()).where("ids" in from ? inArray(requests.id, from.ids) : undefined);
  };

  let picked: { id: string; k: string }[];
  let counted: { n: number }[];
  let pickedDetails: Awaited<ReturnType<typeof detailsOf>> | null = null;
  if (!parts.length) [picked, counted] = [[], [{ n: 0 }]];
  else if (sort === "relevance" && q) {
    const paths = await searchPaths(q);
    // One statement: the page's rows in order (pos), and a last row (pos null) with the parts' counts summed.
    const statement = sql`with ${sql.join(parts.map((part, i) => matches(part, i, q, paths[i] ?? null)), sql`, `)},
        b as (${sql.join(parts.map((_, i) => ranked(i)), sql` union all `)})
        select p.id, p.k, p.pos, null::int as n from (
          select b.id, b.k::text as k, (row_number() over (order by b.k ${order}, b.id ${order}))::int as pos from b
           order by b.k ${order}, b.id ${order} limit ${pageSize + 1} offset ${offset}) p
        union all
        select null, null, null, (${sql.join(parts.map((_, i) => sql`(select count(*) from ${sql.raw(`m${i}`)})`), sql` + `)})::int`;
    const rows = await queryRows<{ id: string | null; k: string | null; pos: number | null; n: number | null }>(db, statement);
    picked = rows.filter((r) => r.pos !== null).sort((a, b) => a.pos! - b.pos!).map((r) => ({ id: r.id!, k: r.k! }));
    counted = [{ n: Number(rows.find((r) => r.pos === null)?.n ?? 0) }];
  } else {
    // The page's keys (and one more, to know whether a next page exists) in order, with their details.
    const picking = sql`select u.id, u.k::text as k, (row_number() over (order by u.k ${order}, u.id ${order}))::int as pos
      from (${sql.join(parts.map((part) => ordered(partWheres(part)[0]!)), sql` union all `)}) u
      order by u.k ${order}, u.id ${order} limit ${pageSize + 1} offset ${offset}`;
    [pickedDetails, counted] = await Promise.all([detailsOf({ picking }), countQuery()]);
    pickedDetails.sort((a, b) => Number(a.pickedPos) - Number(b.pickedPos));
    picked = pickedDetails.map((row) => ({ id: row.id, k: row.pickedKey! }));
  }
  const more = picked.length > pageSize;
  const pageKeys = picked.slice(0, pageSize);
  if (backwards) pageKeys.reverse();

  const details = pickedDetails ?? (pageKeys.length ? await detailsOf({ ids: pageKeys.map((p) => p.id) }) : []);
  const byId = new Map(details.map(({ pickedKey: _k, pickedPos: _p, ...row }) => [row.id, row]));
  const rows: RequestListRow[] = [];
  for (const p of pageKeys) {
    const row = byId.get(p.id);
    if (row) rows.push(row);
  }

  const n = Math.min(Number(counted[0]?.n ?? 0), totalLimit + 1);
  const totalExact = n <= totalLimit;
  const at = (row: { id: string; k: string } | undefined, before: boolean) =>
    row ? encodeCursor({ sort, dir, before, key: row.k, id: row.id }) : null;
  // Forwards: a next page if a row beyond this one came back; a previous page if this one did not start the list.
  // Backwards: the other way round.
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(cursor) || offset > 0;
  return {
    rows,
    total: n,
    totalExact,
    page,
    pageSize,
    pageCount: totalExact ? Math.max(1, Math.ceil(n / pageSize)) : null,
    sort,
    dir,
    nextCursor: hasNext && pageKeys.length ? at(pageKeys[pageKeys.length - 1], false) : null,
    prevCursor: hasPrev && pageKeys.length ? at(pageKeys[0], true) : null,
  };
}

/**
 * The next `limit` matching rows' ids and sort keys after `after` (a key and an id), in the order `key, id`
 * `dir`, over the parts given: the list's keyset query without its count, for reading every match in batches.
 */
async function nextMatchingKeys(
  db: Executor,
  plan: ListPlan,
  parts: readonly ListPart[],
  sortBy: { key: SQL; type: string },
  dir: SortDirection,
  after: { key: string; id: string } | null,
  limit: number,
): Promise<{ id: string; k: string }[]> {
  if (!parts.length) return [];
  const order = sql.raw(dir);
  const keyset = after
    ? sql`(${sortBy.key}, ${requests.id}) ${sql.raw(dir === "asc" ? ">" : "<")} (${after.key}::${sql.raw(sortBy.type)}, ${after.id}::uuid)`
    : undefined;
  const ordered = (where: SQL) =>
    sql`(select ${requests.id} as id, ${sortBy.key} as k from ${requests} where ${and(where, keyset)}
      order by ${sortBy.key} ${order}, ${requests.id} ${order} limit ${limit})`;
  const branch = (part: ListPart) => {
    const wheres = plan.partWheres(part);
    return wheres.length === 1 ? ordered(wheres[0]!) : sql`(select * from (${sql.join(wheres.map(ordered), sql` union `)}) x order by k ${order}, id ${order} limit ${limit})`;
  };
  return queryRows<{ id: string; k: string }>(
    db,
    sql`select u.id, u.k::text as k from (${sql.join(parts.map(branch), sql` union all `)}) u order by u.k ${order}, u.id ${order} limit ${limit}`,
  );
}

/** A row of the requests CSV: what the export's columns need, nothing more. */
export type RequestExportRow = {
  id: string;
  number: number;
  organizationCode: string;
  title: string;
  agencyName: string | null;
  vendorName: string | null;
  stateCode: string | null;
  status: RequestStatus;
  filedOn: string | null;
  dueOn: string | null;
  assigneeName: string | null;
  tags: string[];
  trackingNumber: string | null;
  updatedAt: Date;
};

/**
 * Every request of the list for these filters, in the list's order, as batches of `batchSize` rows read by
 * keyset (never the whole list in memory): what the CSV export streams. A search sorted by best match is read
 * most recently updated first (the list ranks only the RANKED_MATCHES most recent matches; an export wants all).
 */
export async function* matchingRequestBatches(
  viewer: Viewer,
  filters: ListFilters,
  options: { batchSize?: number } = {},
  db: Executor = defaultDb,
): AsyncGenerator<RequestExportRow[]> {
  const batchSize = options.batchSize ?? 1000;
  const relevance = effectiveSort(filters) === "relevance";
  const sort: RequestSort = relevance ? "updated" : effectiveSort(filters);
  const dir: SortDirection = relevance ? "desc" : effectiveDirection(filters);
  const plan = await listPlan(viewer, filters, db);
  const sortBy = sortKey(sort, dir, plan.q);
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const keys = await nextMatchingKeys(db, plan, plan.parts, sortBy, dir, after, batchSize);
    if (!keys.length) return;
    const detailsQuery = db
      .select({
        id: requests.id,
        number: requests.number,
        organizationCode: organizations.shortCode,
        title: requests.title,
        agencyName: agencies.name,
        vendorName: vendors.name,
        stateCode: sql<string | null>`coalesce(${targetState.code}, ${jurisdictions.code})`,
        status: requests.status,
        filedOn: requests.filedOn,
        dueOn: requests.dueOn,
        assigneeName: assignee.name,
        tags: requests.tags,
        trackingNumber: requests.trackingNumber,
        updatedAt: requests.updatedAt,
      })
      .from(requests)
      .$dynamic();
    const details = await withListJoins(detailsQuery).where(inArray(requests.id, keys.map((k) => k.id)));
    const byId = new Map(details.map((row) => [row.id, row]));
    const rows: RequestExportRow[] = [];
    for (const k of keys) {
      const row = byId.get(k.id);
      if (row) rows.push(row);
    }
    yield rows;
    if (keys.length < batchSize) return;
    const last = keys[keys.length - 1]!;
    after = { key: last.k, id: last.id };
  }
}

/**
 * The ids of the viewer's own organization's requests that match the filters, in batches of `batchSize` in id
 * order (ids never change, so a batch's changes can't move a row back into a later batch): what a bulk change
 * to every match works through. Coalition partners' requests are never among them.
 */
export async function* ownMatchingIdBatches(viewer: Viewer, filters: ListFilters, batchSize: number, db: Executor = defaultDb): AsyncGenerator<string[]> {
  const plan = await listPlan(viewer, filters, db);
  const own = plan.parts.filter((p) => !p.shared);
  const byId = { key: sql`${requests.id}`, type: "uuid" };
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const keys = await nextMatchingKeys(db, plan, own, byId, "asc", after, batchSize);
    if (!keys.length) return;
    yield keys.map((k) => k.id);
    if (keys.length < batchSize) return;
    const last = keys[keys.length - 1]!;
    after = { key: last.k, id: last.id };
  }
}

/** How many requests match the filters: the organization's own, and its partners' shared ones, each counted up to `limit` + 1. */
export async function countMatching(viewer: Viewer, filters: ListFilters, limit: number, db: Executor = defaultDb): Promise<{ own: number; shared: number }> {
  const plan = await listPlan(viewer, filters, db);
  const count = async (parts: ListPart[]) => {
    if (!parts.length) return 0;
    const branch = (part: ListPart) =>
      sql`(${sql.join(plan.partWheres(part).map((where) => sql`(select ${requests.id} from ${requests} where ${where} limit ${limit + 1})`), sql` union `)})`;
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from (${sql.join(parts.map(branch), sql` union all `)}) u limit ${limit + 1}) c`,
    );
    return Number(row?.n ?? 0);
  };
  return { own: await count(plan.parts.filter((p) => !p.shared)), shared: await count(plan.parts.filter((p) => p.shared)) };
}

export async function getRequest(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      ...listColumns,
      description: requests.description,
      portalUrl: requests.portalUrl,
      receivedTime: requests.receivedTime,
      requesterId: requests.requesterId,
      requesterName: requester.name,
      jurisdictionId: jurisdictions.id,
      agencyType: agencies.type,
      acknowledgementDueOn: requests.acknowledgementDueOn,
      appealDueOn: requests.appealDueOn,
      deadline: requests.deadline,
      campaignTitle: campaigns.title,
      publicAt: requests.publicAt,
      publicSlug: requests.publicSlug,
      autoFollowUp: requests.autoFollowUp,
    })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(targetState, eq(targetState.id, jurisdictions.stateId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    // A joint ask of a former coalition partner is no longer shown.
    .leftJoin(campaigns, and(eq(campaigns.id, requests.campaignId), visibleCampaigns(viewer)))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .where(and(eq(requests.id, id), visibleRequests(viewer)))
    .limit(1);
  return row ?? null;
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

/** The request's events, oldest first. */
export async function getTimeline(viewer: Viewer, requestId: string, db: Executor = defaultDb): Promise<TimelineEvent[]> {
  if (!isUuid(requestId)) return [];
  const rows = await db
    .select({
      id: requestEvents.id,
      kind: requestEvents.kind,
      data: requestEvents.data,
      occurredAt: requestEvents.occurredAt,
      actorName: users.name,
      internal: requestEvents.internal,
    })
    .from(requestEvents)
    .innerJoin(requests, eq(requests.id, requestEvents.requestId))
    .leftJoin(users, eq(users.id, requestEvents.actorId))
    .where(and(eq(requestEvents.requestId, requestId), visibleTimelineEntries(viewer)))
    .orderBy(asc(requestEvents.seq));
  return rows as unknown as TimelineEvent[];
}

async function findAgency(db: Executor, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.id, id), ownAgencies(viewer)))
    .limit(1);
  return row ?? null;
}

async function findVendor(db: Executor, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.id, id), ownVendors(viewer)))
    .limit(1);
  return row ?? null;
}

async function findCampaign(db: Executor, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), visibleCampaigns(viewer)))
    .limit(1);
  return row ?? null;
}

/** The agency or the vendor a request goes to, checked to be the organization's own; a field error otherwise. */
async function findTarget(
  db: Executor,
  viewer: Viewer,
  input: { agencyId?: string; vendorId?: string },
): Promise<Result<{ agencyId: string | null; vendorId: string | null }>> {
  if (input.agencyId && input.vendorId) return fail("vendorId", "Choose an agency or a vendor, not both");
  if (input.vendorId) {
    const vendor = await findVendor(db, viewer, input.vendorId);
    return vendor ? ok({ agencyId: null, vendorId: vendor.id }) : fail("vendorId", "Choose a vendor from the list");
  }
  const agency = input.agencyId ? await findAgency(db, viewer, input.agencyId) : null;
  return agency ? ok({ agencyId: agency.id, vendorId: null }) : fail("agencyId", "Choose an agency from the list");
}

/** A new request, optionally generated as part of a joint ask (campaignId). */
export type CreateRequestInput = Omit<NewRequestInput, "visibility"> & {
  visibility?: NewRequestInput["visibility"];
  campaignId?: string;
  /** Made by a joint ask: its first letter is composed from the joint ask's letter text. */
  campaignLetter?: boolean;
};

export async function createRequest(
  viewer: Viewer,
  input: CreateRequestInput,
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ id: string; number: number }>> {
  // An agency picked from the national directory: the organization's agency for it, created or linked on the way.
  if (input.directoryOri && !input.agencyId && !input.vendorId) {
    const picked = await agencyFromDirectory(viewer, input.directoryOri, db);
    if (!picked.ok) return picked;
    input = { ...input, agencyId: picked.value.id };
  }
  const target = await findTarget(db, viewer, input);
  if (!target.ok) return target;
  const campaign = input.campaignId ? await findCampaign(db, viewer, input.campaignId) : null;
  if (input.campaignId && !campaign) return fail("campaignId", "Choose a joint ask from the list");
  const assigned = input.assigneeId ? await findMember(viewer, input.assigneeId, db) : null;
  if (input.assigneeId && !assigned) return fail("assigneeId", "Choose an assignee from your organization");

  const status: RequestStatus = input.initialStatus;
  const filedOn = status === "submitted" ? (input.filedOn ?? today) : (input.filedOn ?? null);
  const receivedOn = status === "submitted" ? (input.receivedOn ?? filedOn) : (input.receivedOn ?? null);

  const created = await db.transaction(async (tx) => {
    const [org] = await tx
      .update(organizations)
      .set({ lastRequestNumber: sql`${organizations.lastRequestNumber} + 1` })
      .where(eq(organizations.id, viewer.organizationId))
      .returning({ number: organizations.lastRequestNumber });
    const [row] = await tx
      .insert(requests)
      .values({
        organizationId: viewer.organizationId,
        number: org!.number,
        title: input.title,
        description: input.description,
        ...target.value,
        campaignId: campaign?.id ?? null,
        campaignLetter: Boolean(campaign && input.campaignLetter),
        requesterId: viewer.id,
        assigneeId: assigned?.id ?? null,
        status,
        filedOn,
        method: input.method ?? null,
        trackingNumber: input.trackingNumber ?? null,
        portalUrl: input.portalUrl ?? null,
        nextActionOn: input.nextActionOn ?? null,
        receivedOn,
        receivedTime: input.receivedTime ?? null,
        tags: input.tags,
        visibility: input.visibility ?? "coalition",
        createdById: viewer.id,
      })
      .returning({ id: requests.id, number: requests.number });
    await recordEvent(tx, viewer, row!.id, { kind: "created", data: { status, title: input.title } });
    if (receivedOn) await refreshDeadline(tx, viewer, row!.id, "Request submitted");
    if (campaign) {
      await recordEvent(tx, viewer, row!.id, { kind: "campaign_joined", data: { campaignId: campaign.id, campaignTitle: campaign.title } });
    }
    if (assigned) {
      await recordEvent(tx, viewer, row!.id, {
        kind: "assignment_changed",
        data: { fromId: null, fromName: null, toId: assigned.id, toName: assigned.name },
      });
    }
    return row!;
  });
  return ok(created);
}

const EDIT_LABELS = {
  title: "Title",
  description: "What is asked",
  agencyId: "Agency",
  vendorId: "Vendor",
  requesterId: "Requester",
  method: "Method",
  filedOn: "Filed date",
  trackingNumber: "Tracking number",
  portalUrl: "Portal link",
  nextActionOn: "Next action date",
  receivedOn: "Received date",
  receivedTime: "Time received",
  tags: "Tags",
} as const;

/** The values the edit form shows, whose version it carries. */
export const REQUEST_EDIT_FIELDS = [...Object.keys(EDIT_LABELS), "assigneeId"] as const;

/** The version of a request's editable values, for its edit form and the API. */
export function requestEditVersion(row: Record<string, unknown>): string {
  return editVersion(row, REQUEST_EDIT_FIELDS);
}

export async function updateRequest(
  viewer: Viewer,
  id: string,
  input: EditRequestInput,
  db: Executor = defaultDb,
): Promise<Result<{ changed: number }> | null> {
  const target = await findTarget(db, viewer, input);
  if (!target.ok) return target;
  const requesterRow = await findMember(viewer, input.requesterId, db);
  if (!requesterRow) return fail("requesterId", "Choose a requester from your organization");
  const assigned = input.assigneeId ? await findMember(viewer, input.assigneeId, db) : null;
  if (input.assigneeId && !assigned) return fail("assigneeId", "Choose an assignee from your organization");

  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;

    const next = {
      title: input.title,
      description: input.description,
      ...target.value,
      requesterId: requesterRow.id,
      method: input.method ?? null,
      filedOn: input.filedOn ?? null,
      trackingNumber: input.trackingNumber ?? null,
      portalUrl: input.portalUrl ?? null,
      nextActionOn: input.nextActionOn ?? null,
      receivedOn: input.receivedOn ?? null,
      receivedTime: input.receivedTime ?? null,
      tags: input.tags,
    };
    const changes: FieldChange[] = [];
    const names: Record<string, (value: string | null) => Promise<string | null>> = {
      agencyId: async (v) => (v ? ((await findAgency(tx, viewer, v))?.name ?? null) : null),
      vendorId: async (v) => (v ? ((await findVendor(tx, viewer, v))?.name ?? null) : null),
      requesterId: async (v) => (v ? ((await findMember(viewer, v, tx))?.name ?? null) : null),
    };
    for (const field of Object.keys(EDIT_LABELS) as (keyof typeof EDIT_LABELS)[]) {
      const before = field === "tags" ? current.tags.join(", ") : (current[field] ?? null);
      const after = field === "tags" ? next.tags.join(", ") : (next[field] ?? null);
      if ((before || null) === (after || null)) continue;
      const display = names[field];
      changes.push({
        field,
        label: EDIT_LABELS[field],
        // Long text is summarised; the new text is on the request itself.
        from: display ? await display(before) : field === "description" ? null : before || null,
        to: display ? await display(after) : field === "description" ? null : after || null,
      });
    }
    const assignmentChanged = (current.assigneeId ?? null) !== (assigned?.id ?? null);
    if (changes.length === 0 && !assignmentChanged) return ok({ changed: 0 });
    // Someone saved since this form was opened: refuse rather than overwrite their change, showing where
    // what is saved now differs from what this form would save.
    if (input.version && input.version !== requestEditVersion(current)) {
      const assigneeChange = assignmentChanged
        ? [{ field: "assigneeId", label: "Assignee", theirs: current.assigneeId ? ((await findMember(viewer, current.assigneeId, tx))?.name ?? null) : null, yours: assigned?.name ?? null }]
        : [];
      return conflicted({
        message: CONFLICT_MESSAGE,
        version: requestEditVersion(current),
        values: [...changes.map((c) => ({ field: c.field, label: c.label, theirs: c.field === "description" ? displayValue(current.description) : c.from, yours: c.field === "description" ? displayValue(next.description) : c.to })), ...assigneeChange],
      });
    }

    await tx
      .update(requests)
      .set({ ...next, assigneeId: assigned?.id ?? null })
      .where(eq(requests.id, current.id));
    if (changes.length > 0) await recordEvent(tx, viewer, current.id, { kind: "edited", data: { changes } });
    // The method matters too: some laws count an emailed request as received a business day later.
    const moved = changes
      .filter((c) => c.field === "receivedOn" || c.field === "receivedTime" || c.field === "method" || c.field === "agencyId")
      .map((c) => c.label.toLowerCase());
    if (moved.length > 0) await refreshDeadline(tx, viewer, current.id, `Edited ${moved.join(" and ")}`);
    if (assignmentChanged) {
      const previous = current.assigneeId ? await findMember(viewer, current.assigneeId, tx) : null;
      await recordEvent(tx, viewer, current.id, {
        kind: "assignment_changed",
        data: {
          fromId: current.assigneeId,
          fromName: previous?.name ?? null,
          toId: assigned?.id ?? null,
          toName: assigned?.name ?? null,
        },
      });
    }
    return ok({ changed: changes.length + (assignmentChanged ? 1 : 0) });
  });
}

export async function changeStatus(
  viewer: Viewer,
  id: string,
  input: { status: RequestStatus; note?: string; on?: string },
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ from: RequestStatus; to: RequestStatus; deadline: DeadlineSnapshot | null }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    const problem = transitionProblem(current.status, input.status);
    if (problem) return fail("status", problem);
    const on = input.on ?? today;
    if (current.receivedOn && on < current.receivedOn) {
      return fail("on", "Date can't be before the agency received the request");
    }
    // Filing a draft records when it was filed and received, unless those dates were already given.
    const filing = input.status === "submitted" && current.status === "draft";
    const filedOn = current.filedOn ?? on;
    await tx
      .update(requests)
      .set({
        status: input.status,
        ...(filing ? { filedOn, receivedOn: current.receivedOn ?? filedOn } : {}),
      })
      .where(eq(requests.id, current.id));
    await recordEvent(tx, viewer, current.id, {
      kind: "status_changed",
      data: { from: current.status, to: input.status, on, ...(input.note ? { note: input.note } : {}) },
    });
    const deadline = await refreshDeadline(tx, viewer, current.id, `Status changed to ${STATUS_LABELS[input.status]}`);
    return ok({ from: current.status, to: input.status, deadline });
  });
}

/** Logs an agency's extension notice; the due date moves and an extension beyond the law's limit is flagged. */
export async function logExtension(
  viewer: Viewer,
  id: string,
  input: { on: string; newDueDate?: string; days?: number; reason: string; requesterAgreed: boolean },
  db: Executor = defaultDb,
): Promise<Result<{ deadline: DeadlineSnapshot | null; beyondLimit: boolean }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    if (!current.receivedOn) return fail("newDueDate", "File the request first: an extension needs a received date");
    if (!isOpenStatus(current.status)) return fail("newDueDate", `The request is ${STATUS_LABELS[current.status].toLowerCase()}: nothing left to extend`);
    if (input.newDueDate && current.dueOn && input.newDueDate <= current.dueOn) {
      return fail("newDueDate", "An extension must move the due date later");
    }
    const data = {
      on: input.on,
      reason: input.reason,
      requesterAgreed: input.requesterAgreed,
      ...(input.newDueDate ? { newDueDate: input.newDueDate } : { days: input.days }),
    };
    await recordEvent(tx, viewer, current.id, { kind: "extension_logged", data });
    const deadline = await refreshDeadline(tx, viewer, current.id, `Extension: ${input.reason}`);
    const beyondLimit = !!deadline?.flags.includes("extension_beyond_limit");
    return ok({ deadline, beyondLimit });
  });
}

/** Records a due date the requester and the agency agreed on; it replaces the computed one. */
export async function setAgreedDate(
  viewer: Viewer,
  id: string,
  input: { on: string; dueDate: string; reason: string },
  db: Executor = defaultDb,
): Promise<Result<{ deadline: DeadlineSnapshot | null }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    if (!current.receivedOn) return fail("dueDate", "File the request first: an agreed date needs a received date");
    if (current.receivedOn && input.dueDate <= current.receivedOn) return fail("dueDate", "The agreed date must be after the received date");
    await recordEvent(tx, viewer, current.id, { kind: "agreed_date_set", data: input });
    const deadline = await refreshDeadline(tx, viewer, current.id, `Agreed with the agency: ${input.reason}`);
    return ok({ deadline });
  });
}

async function setNextActionIn(tx: Executor, viewer: Viewer, current: { id: string; nextActionOn: string | null }, nextActionOn: string | null) {
  if ((current.nextActionOn ?? null) === nextActionOn) return;
  await tx.update(requests).set({ nextActionOn }).where(eq(requests.id, current.id));
  await recordEvent(tx, viewer, current.id, {
    kind: "edited",
    data: { changes: [{ field: "nextActionOn", label: EDIT_LABELS.nextActionOn, from: current.nextActionOn, to: nextActionOn }] },
  });
}

/** Sets or clears the next-action date (e.g. "remind me in 3 weeks"). */
export async function setNextAction(viewer: Viewer, id: string, nextActionOn: string | null, db: Executor = defaultDb): Promise<Result<null> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    await setNextActionIn(tx, viewer, current, nextActionOn);
    return ok(null);
  });
}


/** Logs a follow-up sent to the agency and schedules the next one (a week later unless a date is given). */
export async function logFollowUp(
  viewer: Viewer,
  id: string,
  input: { channel: "email" | "portal" | "mail" | "phone" | "in_person" | "other"; note?: string; nextActionOn?: string },
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ nextActionOn: string }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    if (input.nextActionOn && input.nextActionOn <= today) return fail("nextActionOn", "The next follow-up must be after today");
    const summary = input.note ?? "Follow-up sent to the agency.";
    const [communication] = await tx
      .insert(communications)
      .values({ organizationId: viewer.organizationId, requestId: current.id, createdById: viewer.id, direction: "outgoing", channel: input.channel, occurredOn: today, summary })
      .returning({ id: communications.id });
    await recordEvent(tx, viewer, current.id, {
      kind: "communication_logged",
      data: { communicationId: communication!.id, direction: "outgoing", channel: input.channel, occurredOn: today, summary },
    });
    const next = input.nextActionOn ?? addDays(today, FOLLOW_UP_INTERVAL_DAYS);
    await setNextActionIn(tx, viewer, current, next);
    await touch(tx, current.id);
    return ok({ nextActionOn: next });
  });
}

export async function touch(tx: Executor, requestId: string) {
  await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, requestId));
}

export async function addNote(
  viewer: Viewer,
  id: string,
  body: string,
  db: Executor = defaultDb,
  options: { internal?: boolean } = {},
): Promise<Result<null> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    await touch(tx, current.id);
    await recordEvent(tx, viewer, current.id, { kind: "note_added", data: { body } }, undefined, options);
    return ok(null);
  });
}

export async function logCommunication(
  viewer: Viewer,
  id: string,
  input: {
    direction: "outgoing" | "incoming";
    channel: "email" | "portal" | "mail" | "phone" | "in_person" | "other";
    occurredOn: string;
    summary: string;
    internal?: boolean;
  },
  db: Executor = defaultDb,
): Promise<Result<{ communicationId: string }> | null> {
  const { internal, ...communication } = input;
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    const [row] = await tx
      .insert(communications)
      .values({ organizationId: viewer.organizationId, requestId: current.id, createdById: viewer.id, ...communication })
      .returning({ id: communications.id });
    await touch(tx, current.id);
    await recordEvent(
      tx,
      viewer,
      current.id,
      { kind: "communication_logged", data: { communicationId: row!.id, ...communication } },
      undefined,
      { internal },
    );
    return ok({ communicationId: row!.id });
  });
}

export async function assignRequest(
  viewer: Viewer,
  id: string,
  assigneeId: string | null,
  db: Executor = defaultDb,
): Promise<Result<null> | null> {
  const assigned = assigneeId ? await findMember(viewer, assigneeId, db) : null;
  if (assigneeId && !assigned) return fail("assigneeId", "Choose an assignee from your organization");
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    if ((current.assigneeId ?? null) === (assigned?.id ?? null)) return ok(null);
    const previous = current.assigneeId ? await findMember(viewer, current.assigneeId, tx) : null;
    await tx.update(requests).set({ assigneeId: assigned?.id ?? null }).where(eq(requests.id, current.id));
    await recordEvent(tx, viewer, current.id, {
      kind: "assignment_changed",
      data: {
        fromId: current.assigneeId,
        fromName: previous?.name ?? null,
        toId: assigned?.id ?? null,
        toName: assigned?.name ?? null,
      },
    });
    return ok(null);
  });
}

/** Adds tags a request doesn't have yet; recorded as an edit of its tags. */
export async function addTags(
  viewer: Viewer,
  id: string,
  tags: readonly string[],
  db: Executor = defaultDb,
): Promise<Result<{ added: number }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    const next = normalizeTags([...current.tags, ...tags]);
    const added = next.length - current.tags.length;
    if (added === 0) return ok({ added: 0 });
    if (next.length > MAX_TAGS) return fail("tags", `Request #${current.number} would have more than ${MAX_TAGS} tags`);
    await tx.update(requests).set({ tags: next }).where(eq(requests.id, current.id));
    await recordEvent(tx, viewer, current.id, {
      kind: "edited",
      data: { changes: [{ field: "tags", label: EDIT_LABELS.tags, from: current.tags.join(", ") || null, to: next.join(", ") }] },
    });
    return ok({ added });
  });
}

/** Adds and takes off tags; recorded as an edit of its tags (nothing when they were already so). */
export async function changeTags(
  viewer: Viewer,
  id: string,
  change: { add: readonly string[]; remove: readonly string[] },
  db: Executor = defaultDb,
): Promise<Result<{ tags: string[] }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    const removing = new Set(normalizeTags(change.remove));
    const next = normalizeTags([...current.tags, ...change.add]).filter((t) => !removing.has(t));
    if (next.length > MAX_TAGS) return fail("add", `A request has at most ${MAX_TAGS} tags`);
    if (next.join(",") === current.tags.join(",")) return ok({ tags: next });
    await tx.update(requests).set({ tags: next }).where(eq(requests.id, current.id));
    await recordEvent(tx, viewer, current.id, {
      kind: "edited",
      data: { changes: [{ field: "tags", label: EDIT_LABELS.tags, from: current.tags.join(", ") || null, to: next.join(", ") || null }] },
    });
    return ok({ tags: next });
  });
}

/** Puts a request into a joint ask (moving it out of any other), or takes it out with campaignId null. */
export async function setRequestCampaign(
  viewer: Viewer,
  id: string,
  campaignId: string | null,
  db: Executor = defaultDb,
): Promise<Result<{ changed: boolean }> | null> {
  const campaign = campaignId ? await findCampaign(db, viewer, campaignId) : null;
  if (campaignId && !campaign) return fail("campaignId", "Choose a joint ask from the list");
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, id);
    if (!current) return null;
    if ((current.campaignId ?? null) === (campaign?.id ?? null)) return ok({ changed: false });
    if (current.campaignId) {
      const previous = await findCampaign(tx, viewer, current.campaignId);
      await recordEvent(tx, viewer, current.id, {
        kind: "campaign_left",
        data: { campaignId: current.campaignId, campaignTitle: previous?.title ?? "" },
      });
    }
    await tx.update(requests).set({ campaignId: campaign?.id ?? null }).where(eq(requests.id, current.id));
    if (campaign) {
      await recordEvent(tx, viewer, current.id, { kind: "campaign_joined", data: { campaignId: campaign.id, campaignTitle: campaign.title } });
    }
    return ok({ changed: true });
  });
}

/**
 * Agencies whose name contains `q`, among those whose requests the viewer may see (its organization's and its
 * coalition partners'), for the list's agency search box: a few, shortest names first.
 */
export async function suggestAgencies(viewer: Viewer, q: string, limit = 8, db: Executor = defaultDb) {
  return db
    .select({ id: agencies.id, name: agencies.name, jurisdictionName: jurisdictions.name })
    .from(agencies)
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .where(and(inArray(agencies.organizationId, [viewer.organizationId, ...viewer.partnerOrganizationIds]), ilike(agencies.name, containsPattern(q))))
    .orderBy(sql`length(${agencies.name})`, asc(agencies.name), asc(agencies.id))
    .limit(limit);
}

/** The name of an agency the viewer may filter by (its organization's or a partner's), or null. */
export async function filterAgencyName(viewer: Viewer, id: string, db: Executor = defaultDb): Promise<string | null> {
  const [row] = await db
    .select({ name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.id, id), inArray(agencies.organizationId, [viewer.organizationId, ...viewer.partnerOrganizationIds])))
    .limit(1);
  return row?.name ?? null;
}

/** At most this many tags in the filter menu (the most used first, then shown A-Z). */
export const TAG_MENU_LIMIT = 500;

/**
 * Tags in use on the requests the viewer sees, for the filter menu: the organization's own, and those on its
 * coalition partners' non-private requests. Read from tag_uses (one row per organization and tag, kept by a
 * trigger), so it costs the number of distinct tags, not of requests.
 */
export async function listTags(viewer: Viewer, db: Executor = defaultDb): Promise<string[]> {
  const rows = await tagMenuQuery(viewer, db);
  return rows.map((r) => r.tag).sort();
}

/** listTags' query, before its rows are sorted A-Z (listFilterOptions reads it as a subquery). */
export function tagMenuQuery(viewer: Viewer, db: Executor = defaultDb) {
  const partners = viewer.partnerOrganizationIds.length
    ? and(inArray(tagUses.organizationId, [...viewer.partnerOrganizationIds]), sql`${tagUses.sharedUses} > 0`)
    : undefined;
  const own = and(eq(tagUses.organizationId, viewer.organizationId), sql`${tagUses.uses} > 0`);
  return db
    .select({ tag: tagUses.tag, uses: sql<number>`sum(${tagUses.uses})::int`.as("uses") })
    .from(tagUses)
    .where(partners ? or(own, partners) : own)
    .groupBy(tagUses.tag)
    .orderBy(desc(sql`sum(${tagUses.uses})`), asc(tagUses.tag))
    .limit(TAG_MENU_LIMIT);
}
