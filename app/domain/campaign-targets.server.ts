// A joint ask's targets, bounded: one keyset page of its requests (50, with search and filters) and the counts of
// the summary read by indexed aggregates (requests_campaign_idx), never by loading every target into the page.
import { sql, type SQL } from "drizzle-orm";
import { agencies, campaignCounts as campaignCountsTable, contactBounces, directoryAgencies, jurisdictions, organizations, outboxMessages, requests, users, vendors } from "../../db/schema";
import type { OutboxStatus, RequestStatus } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleRequests, visibleRollupRows } from "./access.server";
import { containsPattern } from "./request-search.server";
import { isUuid } from "./request-events.server";
import { OPEN_STATUSES, STATUS_TONES, type StatusTone } from "./request-status";
import { MAP_CELL_DEGREES, RECEIVED_STATUSES } from "./groups.server";
import {
  CAMPAIGN_TARGETS_LIST,
  encodeKeyset,
  TARGET_PAGE_SIZE,
  type CampaignTargetQuery,
  type KeysetCursor,
} from "./target-list-input";

const statusList = (statuses: readonly RequestStatus[]) => sql.join(statuses.map((s) => sql`${s}::request_status`), sql`, `);

/** The latest first letter (request_letter) of each own request: what the send page calls its letter. */
const letterOf = (viewer: Viewer) => sql`left join lateral (
    select ${outboxMessages.status}::text as status from ${outboxMessages}
     where ${outboxMessages.requestId} = ${requests.id} and ${outboxMessages.kind} = 'request_letter'
       and ${requests.organizationId} = ${viewer.organizationId}::uuid
     order by ${outboxMessages.createdAt} desc limit 1) letter on true`;

const bouncing = sql`exists (select 1 from ${contactBounces} where ${contactBounces.requestId} = ${requests.id} and ${contactBounces.resolution} is null)`;

/**
 * A request's agency, read by its primary key for each request (a lateral lookup, under the table's own name). A
 * plain join let the planner, which guesses a joint ask holds fewer requests than it does, hash every agency
 * (18,000 on the national dataset: about 10 ms a query) to match a few hundred.
 */
const agencyOfRequest = sql`left join lateral (select * from ${agencies} where ${agencies.id} = ${requests.agencyId} limit 1) ${agencies} on true`;

const targetJoins = sql`${agencyOfRequest}
  left join ${jurisdictions} j on j.id = ${agencies.jurisdictionId}
  left join ${jurisdictions} ts on ts.id = j.state_id
  left join ${vendors} on ${vendors.id} = ${requests.vendorId}`;

// The order of the per-city table (and the CSV): the vendor first, then by state, place and target, then id.
const K1 = sql`(case when ${requests.vendorId} is null then 1 else 0 end)`;
const K2 = sql`coalesce(ts.code, j.code, '')`;
const K3 = sql`lower(coalesce(j.name, ''))`;
const K4 = sql`lower(coalesce(${agencies.name}, ${vendors.name}, ''))`;

function filtersOf(viewer: Viewer, campaignId: string, query: Partial<Omit<CampaignTargetQuery, "cursor">>): SQL {
  const parts: SQL[] = [sql`${requests.campaignId} = ${campaignId}::uuid`, sql`(${visibleRequests(viewer)})`];
  if (query.q) {
    const pattern = containsPattern(query.q);
    parts.push(sql`(${agencies.name} ilike ${pattern} or ${vendors.name} ilike ${pattern} or j.name ilike ${pattern})`);
  }
  if (query.status) parts.push(sql`${requests.status} = ${query.status}::request_status`);
  if (query.state) parts.push(sql`coalesce(ts.code, j.code) = ${query.state}`);
  const own = sql`${requests.organizationId} = ${viewer.organizationId}::uuid`;
  switch (query.letter) {
    case "unsent":
      parts.push(sql`${own} and ${requests.status} = 'draft' and letter.status is null`);
      break;
    case "queued":
      parts.push(sql`letter.status in ('queued', 'sending')`);
      break;
    case "sent":
      parts.push(sql`letter.status = 'sent'`);
      break;
    case "failed":
      parts.push(sql`letter.status = 'failed'`);
      break;
    case "bounced":
      parts.push(sql`${own} and ${bouncing}`);
      break;
    case undefined:
      break;
  }
  return sql.join(parts, sql` and `);
}

export type CampaignTargetRow = {
  id: string;
  number: number;
  status: RequestStatus;
  agencyId: string | null;
  agencyName: string | null;
  vendorId: string | null;
  vendorName: string | null;
  jurisdictionName: string | null;
  stateCode: string | null;
  dueOn: string | null;
  filedOn: string | null;
  trackingNumber: string | null;
  assigneeName: string | null;
  updatedAt: string;
  organizationId: string;
  organizationName: string;
  /** The first letter's outbox state (own requests only; null when none was queued). */
  letter: OutboxStatus | null;
  bouncing: boolean;
};

export interface CampaignTargetPage {
  rows: CampaignTargetRow[];
  /** How many targets match the filters (all pages). */
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * One page (50) of the joint ask's requests the viewer sees, in the table's order, after (or before) the cursor's
 * row, narrowed by name, request status, letter state and state. Every target appears on exactly one page.
 */
export async function campaignTargetPage(
  viewer: Viewer,
  campaignId: string,
  query: Partial<CampaignTargetQuery>,
  db: Executor = defaultDb,
  pageSize = TARGET_PAGE_SIZE,
  /** When the caller has the total already (the kept counts, for the unfiltered list): no count query. */
  knownTotal?: number,
): Promise<CampaignTargetPage> {
  if (!isUuid(campaignId)) return { rows: [], total: 0, nextCursor: null, prevCursor: null };
  const { cursor, ...filters } = query;
  const where = filtersOf(viewer, campaignId, filters);
  const backwards = Boolean(cursor?.before);
  const dir = backwards ? sql.raw("desc") : sql.raw("asc");
  const keyset = cursor
    ? sql`and (${K1}, ${K2}, ${K3}, ${K4}, ${requests.id}) ${sql.raw(backwards ? "<" : ">")} (${Number(cursor.keys[0])}::int, ${cursor.keys[1]}::text, ${cursor.keys[2]}::text, ${cursor.keys[3]}::text, ${cursor.id}::uuid)`
    : sql``;
  const [rows, counted] = await Promise.all([
    queryRows<Omit<CampaignTargetRow, "updatedAt"> & { k1: number; k2: string; k3: string; k4: string; updatedAt: unknown }>(
      db,
      sql`select ${requests.id}::text as id, ${requests.number} as number, ${requests.status}::text as status,
                 ${requests.agencyId}::text as "agencyId", ${agencies.name} as "agencyName",
                 ${requests.vendorId}::text as "vendorId", ${vendors.name} as "vendorName",
                 j.name as "jurisdictionName", coalesce(ts.code, j.code) as "stateCode",
                 ${requests.dueOn}::text as "dueOn", ${requests.filedOn}::text as "filedOn",
                 ${requests.trackingNumber} as "trackingNumber", ${users.name} as "assigneeName",
                 ${requests.updatedAt} as "updatedAt", ${requests.organizationId}::text as "organizationId",
                 ${organizations.name} as "organizationName", letter.status as letter,
                 (${requests.organizationId} = ${viewer.organizationId}::uuid and ${bouncing}) as bouncing,
                 ${K1} as k1, ${K2} as k2, ${K3} as k3, ${K4} as k4
            from ${requests}
            join ${organizations} on ${organizations.id} = ${requests.organizationId}
            ${targetJoins}
            left join ${users} on ${users.id} = ${requests.assigneeId}
            ${letterOf(viewer)}
           where ${where} ${keyset}
           order by ${K1} ${dir}, ${K2} ${dir}, ${K3} ${dir}, ${K4} ${dir}, ${requests.id} ${dir}
           limit ${pageSize + 1}`,
    ),
    knownTotal !== undefined
      ? Promise.resolve([{ total: knownTotal }])
      : queryRows<{ total: number }>(
          db,
          sql`select count(*)::int as total from ${requests} ${targetJoins} ${filters.letter ? letterOf(viewer) : sql``} where ${where}`,
        ),
  ]);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const at = (row: (typeof rows)[number] | undefined, before: boolean) =>
    row ? encodeKeyset(CAMPAIGN_TARGETS_LIST, { before, keys: [String(row.k1), row.k2, row.k3, row.k4], id: row.id }) : null;
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(cursor);
  return {
    rows: page.map(({ k1: _1, k2: _2, k3: _3, k4: _4, ...row }) => ({
      ...row,
      updatedAt: (row.updatedAt instanceof Date ? row.updatedAt : new Date(String(row.updatedAt))).toISOString(),
      bouncing: Boolean(row.bouncing),
    })),
    total: counted[0]?.total ?? 0,
    nextCursor: hasNext && page.length ? at(page[page.length - 1], false) : null,
    prevCursor: hasPrev && page.length ? at(page[0], true) : null,
  };
}

export interface CampaignCounts {
  total: number;
  open: number;
  overdue: number;
  received: number;
  drafts: number;
  statusCounts: Record<RequestStatus, number>;
  assignees: Array<{ id: string | null; name: string; total: number; open: number }>;
}

/**
 * Requests of the joint ask (visible) by status and assignee, with how many of each are overdue, summed over the
 * trigger-kept campaign_counts (migration 0046_campaign_counts_trigger): a few rows per status, assignee and due
 * date of the open ones, never the requests themselves.
 */
function countRows(viewer: Viewer, campaignId: string, today: string, db: Executor) {
  const visible = visibleRollupRows(viewer, sql`c.organization_id`, sql`c.visibility`);
  return queryRows<{ status: RequestStatus; assigneeId: string | null; assigneeName: string | null; n: number; overdue: number }>(
    db,
    sql`select c.status::text as status, c.assignee_id::text as "assigneeId", ${users.name} as "assigneeName",
               sum(c.n)::int as n,
               coalesce(sum(c.n) filter (where c.due_on < ${today}::date and c.status in (${statusList(OPEN_STATUSES)})), 0)::int as overdue
          from ${campaignCountsTable} c
          left join ${users} on ${users.id} = c.assignee_id
         where c.campaign_id = ${campaignId}::uuid and ${visible}
         group by 1, 2, 3
        having sum(c.n) > 0`,
  );
}

/** The same rows counted from the requests themselves (what the page did before the kept counts; tests compare). */
export function countRowsLive(viewer: Viewer, campaignId: string, today: string, db: Executor = defaultDb) {
  return queryRows<{ status: RequestStatus; assigneeId: string | null; assigneeName: string | null; n: number; overdue: number }>(
    db,
    sql`select ${requests.status}::text as status, ${requests.assigneeId}::text as "assigneeId", ${users.name} as "assigneeName",
               count(*)::int as n,
               count(*) filter (where ${requests.dueOn} < ${today}::date and ${requests.status} in (${statusList(OPEN_STATUSES)}))::int as overdue
          from ${requests}
          left join ${users} on ${users.id} = ${requests.assigneeId}
         where ${requests.campaignId} = ${campaignId}::uuid and (${visibleRequests(viewer)})
         group by 1, 2, 3`,
  );
}

/**
 * The summary at the top of the joint ask's page, as summarize() computes it from every row, but counted by the
 * database from the kept counts (countRows): requests by status and assignee, with the overdue ones (open, due before today).
 */
export async function campaignCounts(viewer: Viewer, campaignId: string, today: string, db: Executor = defaultDb): Promise<CampaignCounts> {
  const rows = !isUuid(campaignId) ? [] : await countRows(viewer, campaignId, today, db);
  const statusCounts = {} as Record<RequestStatus, number>;
  const assignees = new Map<string, { id: string | null; name: string; total: number; open: number }>();
  const counts: CampaignCounts = { total: 0, open: 0, overdue: 0, received: 0, drafts: 0, statusCounts, assignees: [] };
  for (const row of rows) {
    statusCounts[row.status] = (statusCounts[row.status] ?? 0) + row.n;
    const isOpen = OPEN_STATUSES.includes(row.status);
    counts.total += row.n;
    counts.overdue += row.overdue;
    if (isOpen) counts.open += row.n;
    if (RECEIVED_STATUSES.includes(row.status)) counts.received += row.n;
    const key = row.assigneeId ?? "";
    const entry = assignees.get(key) ?? { id: row.assigneeId, name: row.assigneeName ?? "Unassigned", total: 0, open: 0 };
    entry.total += row.n;
    if (isOpen) entry.open += row.n;
    assignees.set(key, entry);
  }
  counts.drafts = statusCounts.draft ?? 0;
  counts.assignees = [...assignees.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return counts;
}

export type LetterCounts = {
  queued: number;
  sent: number;
  failed: number;
  unsent: number;
  unsentWithoutContact: number;
  bounced: number;
  /** The organization's own requests in the joint ask (the letters are its). */
  total: number;
  /** Its open ones due before today (when today is given; as campaign-mail's countOverdue counts them), and those
   * of them without a records address or bouncing (their follow-up can't go). */
  overdue: number;
  overdueWithoutContact: number;
};

/** The letters of the organization's requests in the joint ask, as sendProgress() counts them, by one aggregate. */
export async function letterCounts(viewer: Viewer, campaignId: string, db: Executor = defaultDb, today?: string): Promise<LetterCounts> {
  const contact = sql`nullif(trim(case when ${requests.vendorId} is null then ${agencies.recordsContactEmail} else ${vendors.contactEmail} end), '')`;
  const unsent = sql`${requests.status} = 'draft' and letter.status is null`;
  const overdue = today ? sql`${requests.dueOn} < ${today}::date and ${requests.status} in (${statusList(OPEN_STATUSES)})` : sql`false`;
  const none: LetterCounts = { queued: 0, sent: 0, failed: 0, unsent: 0, unsentWithoutContact: 0, bounced: 0, total: 0, overdue: 0, overdueWithoutContact: 0 };
  if (!isUuid(campaignId)) return none;
  const [row] = await queryRows<LetterCounts>(
    db,
    sql`select count(*) filter (where letter.status in ('queued', 'sending'))::int as queued,
               count(*) filter (where letter.status = 'sent')::int as sent,
               count(*) filter (where letter.status = 'failed')::int as failed,
               count(*) filter (where ${unsent})::int as unsent,
               count(*) filter (where ${unsent} and ${contact} is null)::int as "unsentWithoutContact",
               count(*) filter (where ${bouncing})::int as bounced,
               count(*)::int as total,
               count(*) filter (where ${overdue})::int as overdue,
               count(*) filter (where ${overdue} and (${contact} is null or ${bouncing}))::int as "overdueWithoutContact"
          from ${requests}
          ${agencyOfRequest}
          left join ${vendors} on ${vendors.id} = ${requests.vendorId}
          ${letterOf(viewer)}
         where ${requests.campaignId} = ${campaignId}::uuid and ${requests.organizationId} = ${viewer.organizationId}::uuid`,
  );
  return row ?? none;
}

/**
 * The joint ask's requests (visible) to agencies for the US map, aggregated by the database: one row per state,
 * status tone and map cell (MAP_CELL_DEGREES; requests to agencies without a directory location: one row per
 * state and tone) with how many requests it holds and the first three agency names. The page carries a bounded
 * map (the country's cells, not one dot per request) whatever the joint ask's size.
 */
export async function campaignMapCells(viewer: Viewer, campaignId: string, db: Executor = defaultDb) {
  if (!isUuid(campaignId)) return [];
  const tone = sql.join(
    Object.entries(STATUS_TONES).map(([status, t]) => sql`when ${status}::request_status then ${t}`),
    sql` `,
  );
  return queryRows<{ requests: number; names: string[]; stateCode: string | null; tone: StatusTone; latitude: number | null; longitude: number | null }>(
    db,
    sql`select count(*)::int as requests, (array_agg(${agencies.name} order by ${agencies.name}))[1:3] as names,
               coalesce(ts.code, j.code) as "stateCode", (case ${requests.status} ${tone} end)::text as tone,
               avg(d.latitude)::float8 as latitude, avg(d.longitude)::float8 as longitude
          from ${requests} ${targetJoins}
          left join ${directoryAgencies} d on d.ori = ${agencies.ori}
         where ${requests.campaignId} = ${campaignId}::uuid and (${visibleRequests(viewer)}) and ${requests.agencyId} is not null
         group by 3, 4, floor(d.latitude / ${MAP_CELL_DEGREES}), floor(d.longitude / ${MAP_CELL_DEGREES})
         order by 3 nulls last, 4, 5 nulls last, 6 nulls last`,
  );
}

/** The agencies the joint ask already asks (to leave them out of "add agencies" search results). */
export async function askedAgencyIds(viewer: Viewer, campaignId: string, db: Executor = defaultDb): Promise<string[]> {
  if (!isUuid(campaignId)) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct ${requests.agencyId}::text as id from ${requests}
         where ${requests.campaignId} = ${campaignId}::uuid and (${visibleRequests(viewer)}) and ${requests.agencyId} is not null`,
  );
  return rows.map((r) => r.id);
}
