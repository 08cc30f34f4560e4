import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { OPEN_STATUS_LIST_SQL, agencies, contactBounces, jurisdictions, organizations, requests, users, vendors } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import { addDays } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { ownRequests } from "./access.server";
import { hasOpenBounce } from "./mail/bounces.server";
import { OPEN_STATUSES } from "./request-status";

/** The chase board's sections, in the order a coordinator works through them. */
export const CHASE_SECTIONS = [
  {
    key: "fix_contact",
    title: "Fix the contact",
    description: "A letter bounced: the agency never got it. Correct the address on the agency's page, then resend the letter from there.",
  },
  { key: "overdue", title: "Overdue: chase now", description: "Past the due date and no follow-up scheduled." },
  { key: "waiting_on_us", title: "Waiting on us", description: "The agency asked for a clarification or a fee: the clock is stopped until we answer." },
  { key: "due_soon", title: "Due within 7 days", description: "The agency's deadline is coming up." },
  { key: "follow_up", title: "Follow-up due", description: "The next action date has come, or the organization's follow-up date for a law with no deadline." },
  { key: "overdue_scheduled", title: "Overdue, follow-up scheduled", description: "Past due; already chased, with the next follow-up planned." },
  { key: "no_next_action", title: "Open with no next action", description: "Nothing is due and nothing is planned: set a next action." },
] as const;
export type ChaseSectionKey = (typeof CHASE_SECTIONS)[number]["key"];

/** Sections that count as "needs attention" in the navigation. */
export const ATTENTION_SECTIONS: readonly ChaseSectionKey[] = ["fix_contact", "overdue", "waiting_on_us", "due_soon", "follow_up"];

/**
 * Which section an open request belongs to, first match wins. One SQL expression, so the board and the
 * counts in the navigation can never disagree.
 */
function sectionOf(today: string, bounced: SQL = hasOpenBounce): SQL<ChaseSectionKey | null> {
  const weekAhead = addDays(today, 7);
  return sql<ChaseSectionKey | null>`case
    when ${bounced} then 'fix_contact'
    when ${requests.status} = 'draft' then null
    when ${requests.dueOn} < ${today} and (${requests.nextActionOn} is null or ${requests.nextActionOn} <= ${today}) then 'overdue'
    when ${requests.status} in ('clarification_requested', 'fee_requested') then 'waiting_on_us'
    when ${requests.dueOn} between ${today} and ${weekAhead} then 'due_soon'
    when ${requests.nextActionOn} <= ${today}
      or (not ${requests.dueStatutory} and ${requests.followUpOn} <= ${today} and ${requests.nextActionOn} is null) then 'follow_up'
    when ${requests.dueOn} < ${today} then 'overdue_scheduled'
    when ${requests.nextActionOn} is null then 'no_next_action'
    else null end`;
}

/** Open requests, and drafts whose first letter bounced (they wait for the contact to be fixed). */
const openRequests = (viewer: Viewer) =>
  and(ownRequests(viewer), or(inArray(requests.status, [...OPEN_STATUSES]), and(eq(requests.status, "draft"), hasOpenBounce)))!;

/** Where letters go now: the agency's records email, or the vendor's contact. */
const contactEmail = sql<string | null>`case when ${requests.vendorId} is null then ${agencies.recordsContactEmail} else ${vendors.contactEmail} end`;

const assignee = alias(users, "chase_assignee");

/** Rows per section on the board; a section's own page ("show all") lists this many per page. */
export const CHASE_BOARD_ROWS = 25;
export const CHASE_SECTION_PAGE_ROWS = 50;

/** The open statuses as a literal list, so the planner can match the partial indexes (db/schema/requests.ts). */
const openStatusList = sql.raw(OPEN_STATUS_LIST_SQL);
/** The board's order: the date that matters first (a request with none last), then the number. */
const chaseSortKey = sql<string | null>`coalesce(${requests.dueOn}, ${requests.followUpOn}, ${requests.nextActionOn})`;

/** Where a page of a section starts: after this (sort date, number). */
export interface ChaseCursor {
  on: string | null;
  number: number;
}

export function encodeChaseCursor(cursor: ChaseCursor): string {
  return `${cursor.on ?? "none"}_${cursor.number}`;
}

export function decodeChaseCursor(value: string | null | undefined): ChaseCursor | null {
  const m = /^(\d{4}-\d{2}-\d{2}|none)_(\d{1,9})$/.exec(value ?? "");
  if (!m) return null;
  return { on: m[1] === "none" ? null : m[1]!, number: Number(m[2]) };
}

function afterCursor(cursor: ChaseCursor | null): SQL {
  if (!cursor) return sql`true`;
  if (cursor.on === null) return sql`(${chaseSortKey} is null and ${requests.number} > ${cursor.number})`;
  return sql`(${chaseSortKey} > ${cursor.on} or (${chaseSortKey} = ${cursor.on} and ${requests.number} > ${cursor.number}) or ${chaseSortKey} is null)`;
}

/**
 * Each section as one or more index-friendly supersets ("branches"): a branch's rows are read in board order
 * from a partial index and filtered by the exact section rule, so a page of a section reads about a page of
 * rows, whatever the organization's size. Their union is exactly the section (every member matches a branch).
 */
function sectionBranches(key: ChaseSectionKey, viewer: Viewer, today: string): SQL[] {
  const org = sql`${requests.organizationId} = ${viewer.organizationId}`;
  const open = sql`${org} and ${requests.status} in ${openStatusList}`;
  const weekAhead = addDays(today, 7);
  switch (key) {
    case "fix_contact":
      return [
        sql`${org} and (${requests.status} in ${openStatusList} or ${requests.status} = 'draft')
            and ${requests.id} in (select ${contactBounces.requestId} from ${contactBounces}
                                    where ${contactBounces.organizationId} = ${viewer.organizationId} and ${contactBounces.resolution} is null)`,
      ];
    case "overdue":
      return [sql`${open} and ${chaseSortKey} < ${today}`];
    case "waiting_on_us": {
      // Paused and not overdue: due today or later, or undated, or past due with a follow-up planned.
      const paused = sql`${requests.status} in ('clarification_requested', 'fee_requested')`;
      return [
        sql`${org} and ${paused} and ${chaseSortKey} >= ${today} and ${requests.dueOn} is not null`,
        sql`${open} and ${paused} and ${requests.dueOn} is null`,
        sql`${open} and ${paused} and ${requests.nextActionOn} is not null and ${requests.nextActionOn} > ${today} and ${requests.dueOn} < ${today}`,
      ];
    }
    case "due_soon":
      return [sql`${open} and ${chaseSortKey} between ${today} and ${weekAhead} and ${requests.dueOn} is not null`];
    case "follow_up":
      return [
        sql`${open} and ${requests.nextActionOn} is not null and ${requests.nextActionOn} <= ${today}`,
        sql`${open} and not ${requests.dueStatutory} and ${requests.followUpOn} <= ${today} and ${requests.nextActionOn} is null`,
      ];
    case "overdue_scheduled":
      return [sql`${open} and ${requests.nextActionOn} is not null and ${requests.nextActionOn} > ${today} and ${requests.dueOn} < ${today}`];
    case "no_next_action":
      return [
        sql`${open} and ${requests.dueOn} is not null and ${chaseSortKey} > ${weekAhead}`,
        sql`${open} and ${requests.dueOn} is null`,
      ];
  }
}

const chaseColumns = (section: SQL<ChaseSectionKey | null>) => ({
  id: requests.id,
  number: requests.number,
  // For the reference shown ("TRC-12"): one row by primary key per request of the page.
  organizationCode: sql<string>`(select ${organizations.shortCode} from ${organizations} where ${organizations.id} = ${requests.organizationId})`,
  title: requests.title,
  status: requests.status,
  // A request goes to an agency or, for a joint ask, to the vendor itself.
  agencyName: sql<string>`coalesce(${agencies.name}, ${vendors.name})`,
  jurisdictionName: sql<string>`coalesce(${jurisdictions.name}, 'Vendor')`,
  assigneeId: requests.assigneeId,
  assigneeName: assignee.name,
  dueOn: requests.dueOn,
  dueStatutory: requests.dueStatutory,
  followUpOn: requests.followUpOn,
  longOverdueOn: requests.longOverdueOn,
  nextActionOn: requests.nextActionOn,
  agencyId: requests.agencyId,
  vendorId: requests.vendorId,
  contactEmail,
  // The latest bounce nobody has dealt with, and whether the current contact is an address that bounces.
  bouncedAddress: sql<string | null>`(select ${contactBounces.address} from ${contactBounces} where ${contactBounces.requestId} = ${requests.id} and ${contactBounces.resolution} is null order by ${contactBounces.createdAt} desc limit 1)`,
  contactBouncing: sql<boolean>`exists (select 1 from ${contactBounces} where ${contactBounces.resolution} is null and lower(${contactBounces.address}) = lower(${contactEmail}) and (${contactBounces.agencyId} = ${requests.agencyId} or ${contactBounces.vendorId} = ${requests.vendorId}))`,
  autoFollowUp: requests.autoFollowUp,
  section,
  sortOn: sql<string | null>`${chaseSortKey}::text`,
});

/**
 * "The row is in this section", written so the planner guesses half the rows pass: it takes `case ... = key` for
 * a rare match (0.5%) and, to find a page of them, collected and sorted every row of the branch (tens of thousands
 * for "due soon") instead of walking the index in board order and stopping at the limit. Same rows either way.
 */
const inSection = (section: SQL<ChaseSectionKey | null>, key: ChaseSectionKey) => sql`coalesce(${section} = ${key}, false)`;

/** The ids of one page of a section, in board order: each branch ordered and limited, then merged. */
async function sectionPageIds(db: Executor, viewer: Viewer, today: string, key: ChaseSectionKey, after: ChaseCursor | null, limit: number) {
  const section = sectionOf(today);
  const parts = sectionBranches(key, viewer, today).map(
    (where) => sql`(select ${requests.id} as id, ${chaseSortKey} as sort_on, ${requests.number} as number from ${requests}
                     where ${where} and ${inSection(section, key)} and ${afterCursor(after)}
                     order by ${chaseSortKey} asc nulls last, ${requests.number} asc limit ${limit})`,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from (${sql.join(parts, sql` union all `)}) p order by sort_on asc nulls last, number asc limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

async function sectionRows(db: Executor, viewer: Viewer, today: string, key: ChaseSectionKey, after: ChaseCursor | null, limit: number) {
  const ids = await sectionPageIds(db, viewer, today, key, after, limit + 1);
  if (ids.length === 0) return { rows: [], more: false };
  const rows = await db
    .select(chaseColumns(sectionOf(today)))
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .where(and(inArray(requests.id, ids), ownRequests(viewer)))
    .orderBy(sql`${chaseSortKey} asc nulls last`, asc(requests.number));
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

type ChaseRow = Awaited<ReturnType<typeof sectionRows>>["rows"][number];

function byAssignee(rows: ChaseRow[]) {
  // Grouped by assignee, unassigned last, so each person sees their own list.
  const groups = new Map<string, { assigneeId: string | null; assigneeName: string; rows: ChaseRow[] }>();
  for (const r of rows) {
    const key = r.assigneeId ?? "";
    if (!groups.has(key)) groups.set(key, { assigneeId: r.assigneeId, assigneeName: r.assigneeName ?? "Unassigned", rows: [] });
    groups.get(key)!.rows.push(r);
  }
  return [...groups.values()].sort((a, b) => (a.assigneeId === null ? 1 : b.assigneeId === null ? -1 : a.assigneeName.localeCompare(b.assigneeName)));
}

/**
 * The chase board: every section with its first rows (CHASE_BOARD_ROWS) and its exact total (from the kept
 * counts, sectionCounts). With `section`, only that section, one page of
 * CHASE_SECTION_PAGE_ROWS after `after`, and the cursor of the next page. Each section costs about a page of
 * rows, whatever the organization's size.
 */
export async function chaseBoard(
  viewer: Viewer,
  today: string,
  db: Executor = defaultDb,
  options: { section?: ChaseSectionKey; after?: ChaseCursor | null } = {},
) {
  const sections = options.section ? CHASE_SECTIONS.filter((s) => s.key === options.section) : CHASE_SECTIONS;
  const limit = options.section ? CHASE_SECTION_PAGE_ROWS : CHASE_BOARD_ROWS;
  const [totals, pages] = await Promise.all([
    sectionCounts(viewer, today, db),
    Promise.all(sections.map((s) => sectionRows(db, viewer, today, s.key, options.section ? (options.after ?? null) : null, limit))),
  ]);
  return sections.map((s, i) => {
      const { rows, more } = pages[i]!;
      const last = rows.at(-1);
      return {
        ...s,
        total: totals[s.key],
        shown: rows.length,
        more,
        next: more && last ? encodeChaseCursor({ on: last.sortOn, number: last.number }) : null,
        groups: byAssignee(rows),
      };
  });
}

export function isChaseSection(value: string | null | undefined): value is ChaseSectionKey {
  return CHASE_SECTIONS.some((s) => s.key === value);
}

/**
 * The section of an open request without a bounce, from the columns that decide it (a row of attention_counts or
 * of requests): sectionOf with "has an open bounce" false, for OPEN_STATUSES only.
 */
function openSectionOf(today: string, c: { paused: SQL; dueOn: SQL; nextActionOn: SQL; followUpOn: SQL; dueStatutory: SQL }): SQL<ChaseSectionKey | null> {
  const weekAhead = addDays(today, 7);
  return sql<ChaseSectionKey | null>`case
    when ${c.dueOn} < ${today} and (${c.nextActionOn} is null or ${c.nextActionOn} <= ${today}) then 'overdue'
    when ${c.paused} then 'waiting_on_us'
    when ${c.dueOn} between ${today} and ${weekAhead} then 'due_soon'
    when ${c.nextActionOn} <= ${today}
      or (not ${c.dueStatutory} and ${c.followUpOn} <= ${today} and ${c.nextActionOn} is null) then 'follow_up'
    when ${c.dueOn} < ${today} then 'overdue_scheduled'
    when ${c.nextActionOn} is null then 'no_next_action'
    else null end`;
}

/**
 * How many open requests need attention now, for the navigation (every page loads it). Same rows and sections
 * as the board (tests/integration/attention-count.test.ts), without reading the open requests themselves:
 * attention_counts holds them counted by the columns that decide their section (kept by a trigger, migration
 * 0025), so the count reads a few thousand rows however many requests there are. The few requests with an open
 * bounce are then moved to "fix the contact": their ordinary section's count taken off, and the bounced drafts
 * (which attention_counts doesn't hold) added.
 */
export async function chaseCounts(viewer: Viewer, today: string, db: Executor = defaultDb) {
  const bySection = await sectionCounts(viewer, today, db);
  return {
    overdue: bySection.overdue,
    attention: ATTENTION_SECTIONS.reduce((sum, key) => sum + bySection[key], 0),
  };
}

/** How many requests each section of the board holds (see chaseCounts: from attention_counts, bounces moved). */
export async function sectionCounts(viewer: Viewer, today: string, db: Executor = defaultDb): Promise<Record<ChaseSectionKey, number>> {
  const bounced = sql`${requests.id} in (select ${contactBounces.requestId} from ${contactBounces} where ${contactBounces.resolution} is null)`;
  const counted = openSectionOf(today, {
    paused: sql`c.paused`,
    dueOn: sql`c.due_on`,
    nextActionOn: sql`c.next_action_on`,
    followUpOn: sql`c.follow_up_on`,
    dueStatutory: sql`c.due_statutory`,
  });
  const ordinary = openSectionOf(today, {
    paused: sql`${requests.status} in ('clarification_requested', 'fee_requested')`,
    dueOn: sql`${requests.dueOn}`,
    nextActionOn: sql`${requests.nextActionOn}`,
    followUpOn: sql`${requests.followUpOn}`,
    dueStatutory: sql`${requests.dueStatutory}`,
  });
  const rows = await queryRows<{ section: string | null; n: number }>(
    db,
    sql`select s.section, sum(s.n)::int as n from (
      select ${counted} as section, c.n from attention_counts c where c.organization_id = ${viewer.organizationId}
      union all
      select ${ordinary}, -1 from ${requests}
        where ${requests.organizationId} = ${viewer.organizationId} and ${requests.status} in ${openStatusList} and ${bounced}
      union all
      select 'fix_contact', 1 from ${requests}
        where ${requests.organizationId} = ${viewer.organizationId} and (${requests.status} in ${openStatusList} or ${requests.status} = 'draft') and ${bounced}
    ) s group by s.section`,
  );
  const bySection = new Map(rows.map((r) => [r.section, Number(r.n)]));
  return Object.fromEntries(CHASE_SECTIONS.map((s) => [s.key, bySection.get(s.key) ?? 0])) as Record<ChaseSectionKey, number>;
}
