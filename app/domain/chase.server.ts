import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, contactBounces, jurisdictions, requests, users, vendors } from "../../db/schema";
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

export async function chaseBoard(viewer: Viewer, today: string, db: Executor = defaultDb) {
  const section = sectionOf(today);
  const rows = await db
    .select({
      id: requests.id,
      number: requests.number,
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
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .where(and(openRequests(viewer), sql`${section} is not null`))
    .orderBy(asc(sql`coalesce(${requests.dueOn}, ${requests.followUpOn}, ${requests.nextActionOn})`), asc(requests.number));

  return CHASE_SECTIONS.map((s) => {
    const inSection = rows.filter((r) => r.section === s.key);
    // Grouped by assignee, unassigned last, so each person sees their own list.
    const groups = new Map<string, { assigneeId: string | null; assigneeName: string; rows: typeof inSection }>();
    for (const r of inSection) {
      const key = r.assigneeId ?? "";
      if (!groups.has(key)) groups.set(key, { assigneeId: r.assigneeId, assigneeName: r.assigneeName ?? "Unassigned", rows: [] });
      groups.get(key)!.rows.push(r);
    }
    const ordered = [...groups.values()].sort((a, b) =>
      a.assigneeId === null ? 1 : b.assigneeId === null ? -1 : a.assigneeName.localeCompare(b.assigneeName),
    );
    return { ...s, total: inSection.length, groups: ordered };
  });
}

/** The statuses of OPEN_STATUSES as SQL literals, so the planner matches the partial index requests_open_attention_idx. */
const OPEN_STATUS_LIST = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * How many open requests need attention now, for the navigation (every page loads it). Same rows and sections
 * as the board, read as an index-only scan of the open rows (requests_open_attention_idx) plus the drafts whose
 * letter bounced; "has an open bounce" is one hashed set of request ids rather than a probe per row.
 */
export async function chaseCounts(viewer: Viewer, today: string, db: Executor = defaultDb) {
  const bounced = sql`${requests.id} in (select ${contactBounces.requestId} from ${contactBounces} where ${contactBounces.resolution} is null)`;
  const section = sectionOf(today, bounced);
  const rows = await queryRows<{ section: string | null; n: number }>(
    db,
    sql`select s.section, count(*)::int as n from (
      select ${section} as section from ${requests}
        where ${requests.organizationId} = ${viewer.organizationId} and ${requests.status} in (${OPEN_STATUS_LIST})
      union all
      select ${section} from ${requests}
        where ${requests.organizationId} = ${viewer.organizationId} and ${requests.status} = 'draft' and ${bounced}
    ) s group by s.section`,
  );
  const bySection = Object.fromEntries(rows.map((r) => [r.section ?? "none", Number(r.n)])) as Record<string, number>;
  return {
    overdue: bySection.overdue ?? 0,
    attention: ATTENTION_SECTIONS.reduce((sum, key) => sum + (bySection[key] ?? 0), 0),
  };
}
