import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { agencies, inboundMessages, requestFields, requests, vendors } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { addDays, startOfDayIn } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { ownRequests, visibleInboundMessages } from "./access.server";
import { OPEN_STATUSES } from "./request-status";

// The home page of a signed-in user ("My week"): what is overdue, due in the next 7 days, which next actions are
// due, the replies waiting in the review queue and the fields received this week, each counted for the user
// (requests assigned to them) beside the organization (all its requests). Work lists are the organization's
// own requests (ownRequests), as on the chase board: a partner's shared request is not ours to chase.
// Bounded: every count stops at COUNT_CAP, and at most ROWS rows per list.

export const ROWS = 5;
/** Counts stop here and show as "1,000+". */
export const COUNT_CAP = 1000;

export interface WeekRow {
  id: string;
  number: number;
  title: string;
  status: string;
  date: string | null;
  target: string | null;
}

export interface MyWeek {
  today: string;
  weekEnd: string;
  counts: Record<"overdue" | "dueSoon" | "nextActions" | "fieldsReceived", { mine: number; organization: number }> & { review: number };
  overdue: WeekRow[];
  dueSoon: WeekRow[];
  nextActions: WeekRow[];
  review: { id: string; subject: string; fromAddress: string | null; receivedAt: Date }[];
  /** Requests with fields received this week, latest first: how many, and the first few names. */
  fieldsReceived: { requestId: string; number: number; title: string; fields: number; labels: string[]; lastChangedAt: Date }[];
}

export async function myWeek(viewer: Viewer, today: string, db: Executor = defaultDb): Promise<MyWeek> {
  const weekEnd = addDays(today, 7);
  const weekStart = startOfDayIn(addDays(today, -6), viewer.timeZone);
  const open = inArray(requests.status, [...OPEN_STATUSES]);
  const mine = eq(requests.assigneeId, viewer.id);
  const overdue = and(open, lt(requests.dueOn, today))!;
  const dueSoon = and(open, gte(requests.dueOn, today), lte(requests.dueOn, weekEnd))!;
  const nextActions = and(open, lte(requests.nextActionOn, today))!;
  const received = and(inArray(requestFields.state, ["received", "partly_received"]), gte(requestFields.stateChangedAt, weekStart))!;

  // Each count stops at COUNT_CAP ("1,000+"), so a national organization's week costs the same as a small one's:
  // the capped subquery reads at most COUNT_CAP + 1 index entries.
  const capped = async (condition: SQL) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(db.select({ one: sql`1` }).from(requests).where(and(ownRequests(viewer), condition)).limit(COUNT_CAP + 1).as("capped"));
    return row?.n ?? 0;
  };
  const [overdueMine, overdueOrg, dueSoonMine, dueSoonOrg, nextMine, nextOrg] = await Promise.all([
    capped(and(overdue, mine)!),
    capped(overdue),
    capped(and(dueSoon, mine)!),
    capped(dueSoon),
    capped(and(nextActions, mine)!),
    capped(nextActions),
  ]);
  const counts = { overdueMine, overdueOrg, dueSoonMine, dueSoonOrg, nextMine, nextOrg };
  const fieldsCapped = async (condition: SQL) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(
        db
          .select({ one: sql`1` })
          .from(requestFields)
          .innerJoin(requests, eq(requests.id, requestFields.requestId))
          .where(and(ownRequests(viewer), received, condition))
          .limit(COUNT_CAP + 1)
          .as("capped"),
      );
    return row?.n ?? 0;
  };
  const [fieldsMine, fieldsOrg] = await Promise.all([fieldsCapped(mine), fieldsCapped(sql`true`)]);
  const fieldCounts = { mine: fieldsMine, organization: fieldsOrg };
  const [reviewCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(
      db
        .select({ one: sql`1` })
        .from(inboundMessages)
        .where(and(visibleInboundMessages(viewer), eq(inboundMessages.status, "review")))
        .limit(COUNT_CAP + 1)
        .as("capped"),
    );
  const rows = (condition: ReturnType<typeof and>, date: typeof requests.dueOn | typeof requests.nextActionOn) =>
    db
      .select({
        id: requests.id,
        number: requests.number,
        title: requests.title,
        status: requests.status,
        date,
        target: sql<string | null>`coalesce(${agencies.name}, ${vendors.name})`,
      })
      .from(requests)
      .leftJoin(agencies, eq(agencies.id, requests.agencyId))
      .leftJoin(vendors, eq(vendors.id, requests.vendorId))
      .where(and(ownRequests(viewer), mine, condition))
      .orderBy(asc(date), asc(requests.number))
      .limit(ROWS);

  const [overdueRows, dueSoonRows, nextRows, reviewRows, fieldRows] = await Promise.all([
    rows(overdue, requests.dueOn),
    rows(dueSoon, requests.dueOn),
    rows(nextActions, requests.nextActionOn),
    db
      .select({ id: inboundMessages.id, subject: inboundMessages.subject, fromAddress: inboundMessages.fromAddress, receivedAt: inboundMessages.receivedAt })
      .from(inboundMessages)
      .where(and(visibleInboundMessages(viewer), eq(inboundMessages.status, "review")))
      .orderBy(asc(inboundMessages.receivedAt))
      .limit(ROWS),
    db
      .select({
        requestId: requests.id,
        number: requests.number,
        title: requests.title,
        fields: sql<number>`count(*)::int`,
        labels: sql<string[]>`(array_agg(${requestFields.label} order by ${requestFields.position}, ${requestFields.label}))[1:4]`,
        lastChangedAt: sql<Date>`max(${requestFields.stateChangedAt})`,
      })
      .from(requestFields)
      .innerJoin(requests, eq(requests.id, requestFields.requestId))
      .where(and(ownRequests(viewer), received))
      .groupBy(requests.id, requests.number, requests.title)
      .orderBy(desc(sql`max(${requestFields.stateChangedAt})`), asc(requests.number))
      .limit(ROWS),
  ]);

  return {
    today,
    weekEnd,
    counts: {
      overdue: { mine: counts.overdueMine, organization: counts.overdueOrg },
      dueSoon: { mine: counts.dueSoonMine, organization: counts.dueSoonOrg },
      nextActions: { mine: counts.nextMine, organization: counts.nextOrg },
      fieldsReceived: fieldCounts,
      review: reviewCount?.n ?? 0,
    },
    overdue: overdueRows,
    dueSoon: dueSoonRows,
    nextActions: nextRows,
    review: reviewRows,
    fieldsReceived: fieldRows,
  };
}
