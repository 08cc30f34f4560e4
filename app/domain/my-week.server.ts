import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
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
// Bounded: one counting statement, and at most ROWS rows per list.

export const ROWS = 5;

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

  const [counts] = await db
    .select({
      overdueMine: sql<number>`count(*) filter (where ${and(overdue, mine)})::int`,
      overdueOrg: sql<number>`count(*) filter (where ${overdue})::int`,
      dueSoonMine: sql<number>`count(*) filter (where ${and(dueSoon, mine)})::int`,
      dueSoonOrg: sql<number>`count(*) filter (where ${dueSoon})::int`,
      nextMine: sql<number>`count(*) filter (where ${and(nextActions, mine)})::int`,
      nextOrg: sql<number>`count(*) filter (where ${nextActions})::int`,
    })
    .from(requests)
    .where(and(ownRequests(viewer), open));
  const [fieldCounts] = await db
    .select({
      mine: sql<number>`count(*) filter (where ${mine})::int`,
      organization: sql<number>`count(*)::int`,
    })
    .from(requestFields)
    .innerJoin(requests, eq(requests.id, requestFields.requestId))
    .where(and(ownRequests(viewer), received));
  const [reviewCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundMessages)
    .where(and(visibleInboundMessages(viewer), eq(inboundMessages.status, "review")));

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
      overdue: { mine: counts?.overdueMine ?? 0, organization: counts?.overdueOrg ?? 0 },
      dueSoon: { mine: counts?.dueSoonMine ?? 0, organization: counts?.dueSoonOrg ?? 0 },
      nextActions: { mine: counts?.nextMine ?? 0, organization: counts?.nextOrg ?? 0 },
      fieldsReceived: { mine: fieldCounts?.mine ?? 0, organization: fieldCounts?.organization ?? 0 },
      review: reviewCount?.n ?? 0,
    },
    overdue: overdueRows,
    dueSoon: dueSoonRows,
    nextActions: nextRows,
    review: reviewRows,
    fieldsReceived: fieldRows,
  };
}
