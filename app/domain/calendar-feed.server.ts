import { requestReference } from "./request-reference";
import { hashSecretToken, newSecretToken } from "./secret-tokens.server";
import { and, asc, desc, eq, isNull, or, isNotNull, sql, type SQL } from "drizzle-orm";
import { OPEN_STATUS_LIST_SQL, agencies, calendarFeeds, organizations, requestEvents, requests, users, vendors } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { addDays, formatDate, todayIn } from "../utils/dates";
import { queryRows } from "../utils/db.server";
import { writeCalendar, type AllDayEvent } from "./ics";
import { viewerColumns, type Viewer } from "./accounts.server";
import { ownRequests } from "./access.server";


/** A new secret feed address for the viewer; the token is shown once and only its hash is kept. */
export async function createCalendarFeed(viewer: Viewer, db: Executor = defaultDb): Promise<string> {
  const { token, hash } = newSecretToken();
  await db.insert(calendarFeeds).values({ userId: viewer.id, tokenHash: hash });
  return token;
}

export async function revokeCalendarFeed(viewer: Viewer, feedId: string, db: Executor = defaultDb): Promise<boolean> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.userId, viewer.id), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

export function listCalendarFeeds(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, viewer.id))
    .orderBy(desc(calendarFeeds.createdAt));
}

/** The signed-in identity behind a feed token, or null when the token is unknown, revoked or the user disabled. */
async function viewerForToken(db: Executor, token: string): Promise<Viewer | null> {
  const [row] = await db
    .select({
      feedId: calendarFeeds.id,
      ...viewerColumns,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(calendarFeeds.tokenHash, hashSecretToken(token)), isNull(calendarFeeds.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  await db.update(calendarFeeds).set({ lastUsedAt: new Date() }).where(eq(calendarFeeds.id, row.feedId));
  const { feedId: _feedId, ...viewer } = row;
  return viewer;
}

/** The feed covers the past CALENDAR_PAST_DAYS to CALENDAR_FUTURE_DAYS ahead, the nearest dates first. */
export const CALENDAR_PAST_DAYS = 30;
export const CALENDAR_FUTURE_DAYS = 365;
/** At most this many entries: up to CALENDAR_MAX_PAST of the window's past days, the rest upcoming. */
export const CALENDAR_MAX_EVENTS = 1000;
export const CALENDAR_MAX_PAST = 250;

const openStatusList = sql.raw(OPEN_STATUS_LIST_SQL);

type DatedKind = "due" | "follow-up" | "acknowledgement" | "next-action" | "appeal";

interface ExtensionEntry {
  eventId: string;
  on: string;
  reason: string;
  from: string | null;
  to: string;
}

/**
 * Ids (from the database) as one uuid[] parameter: a thousand separate parameters cost more to build than to run.
 */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * Each logged extension of the given requests with the due date it set: the explicit new date, or else the
 * date of the due-date change written right after it in the same transaction. An extension that moved
 * nothing has no entry. Reads those requests' events only (by request id).
 */
async function extensionsOf(db: Executor, requestIds: readonly string[]): Promise<Map<string, ExtensionEntry[]>> {
  const byRequest = new Map<string, ExtensionEntry[]>();
  if (requestIds.length === 0) return byRequest;
  const events = await db
    .select({ id: requestEvents.id, requestId: requestEvents.requestId, kind: requestEvents.kind, data: requestEvents.data })
    .from(requestEvents)
    .where(and(sql`${requestEvents.requestId} = any(${uuidArray(requestIds)})`, sql`${requestEvents.kind} in ('extension_logged', 'due_date_changed')`))
    .orderBy(asc(requestEvents.requestId), asc(requestEvents.seq));
  events.forEach((event, i) => {
    if (event.kind !== "extension_logged") return;
    const next = events[i + 1];
    const change = next && next.requestId === event.requestId && next.kind === "due_date_changed" ? next.data : null;
    const explicit = typeof event.data.newDueDate === "string" ? event.data.newDueDate : null;
    const to = explicit ?? (typeof change?.to === "string" ? change.to : null);
    if (!to) return;
    const list = byRequest.get(event.requestId) ?? [];
    list.push({
      eventId: event.id,
      on: typeof event.data.on === "string" ? event.data.on : to,
      reason: typeof event.data.reason === "string" ? event.data.reason : "",
      from: typeof change?.from === "string" ? change.from : null,
      to,
    });
    byRequest.set(event.requestId, list);
  });
  return byRequest;
}

/**
 * The dated entries of the viewer's requests between `from` and `to`: each kind of date read in date order from
 * its own index and limited, so the cost is bounded by the cap, not by the organization's size. `direction`
 * "asc" reads the nearest upcoming dates first, "desc" the most recent past ones.
 */
async function datedEntries(db: Executor, viewer: Viewer, from: string, to: string, direction: "asc" | "desc", limit: number) {
  const org = sql`${requests.organizationId} = ${viewer.organizationId}`;
  const open = sql`${org} and ${requests.status} in ${openStatusList}`;
  const order = direction === "asc" ? sql`asc` : sql`desc`;
  const kinds: Array<[DatedKind, SQL, SQL]> = [
    ["due", sql`${requests.dueOn}`, open],
    ["follow-up", sql`${requests.followUpOn}`, sql`${open} and not ${requests.dueStatutory} and ${requests.dueOn} is null`],
    ["acknowledgement", sql`${requests.acknowledgementDueOn}`, sql`${org} and ${requests.status} = 'submitted'`],
    ["next-action", sql`${requests.nextActionOn}`, open],
    ["appeal", sql`${requests.appealDueOn}`, sql`${org} and (${requests.status} in ${openStatusList} or ${requests.status} = 'denied')`],
  ];
  const parts = kinds.map(
    ([kind, column, where]) => sql`(select ${requests.id}::text as id, ${kind}::text as kind, ${column}::text as on_date
        from ${requests} where ${where} and ${column} between ${from} and ${to}
        order by ${column} ${order} limit ${limit})`,
  );
  return queryRows<{ id: string; kind: DatedKind; on_date: string }>(
    db,
    sql`select * from (${sql.join(parts, sql` union all `)}) d order by d.on_date ${order}, d.kind, d.id limit ${limit}`,
  );
}

/**
 * The ICS calendar for a feed token: due dates (with extensions already applied), one entry per logged
 * extension on the date it set, acknowledgement and appeal deadlines, follow-up dates and next actions of the
 * open requests the user may see, from CALENDAR_PAST_DAYS ago to CALENDAR_FUTURE_DAYS ahead (the window is
 * stated in the calendar's description), at most CALENDAR_MAX_EVENTS entries, nearest first. Null for a bad token.
 */
export async function calendarFor(token: string, baseUrl: string, db: Executor = defaultDb, today?: string): Promise<string | null> {
  const viewer = await viewerForToken(db, token);
  if (!viewer) return null;
  const day = today ?? todayIn(viewer.timeZone);
  const from = addDays(day, -CALENDAR_PAST_DAYS);
  const until = addDays(day, CALENDAR_FUTURE_DAYS);
  const [past, upcoming] = await Promise.all([
    datedEntries(db, viewer, from, addDays(day, -1), "desc", CALENDAR_MAX_PAST + 1),
    datedEntries(db, viewer, day, until, "asc", CALENDAR_MAX_EVENTS + 1),
  ]);
  const pastKept = past.slice(0, CALENDAR_MAX_PAST);
  const dated = [...pastKept.reverse(), ...upcoming.slice(0, CALENDAR_MAX_EVENTS - pastKept.length)];
  let capped = past.length > CALENDAR_MAX_PAST || upcoming.length > CALENDAR_MAX_EVENTS - pastKept.length;
  const ids = [...new Set(dated.map((d) => d.id))];

  const [rows, extensions] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: requests.id,
            number: requests.number,
            title: requests.title,
            status: requests.status,
            agencyName: sql<string>`coalesce(${agencies.name}, ${vendors.name})`,
            dueBasis: requests.dueBasis,
          })
          .from(requests)
          .leftJoin(agencies, eq(agencies.id, requests.agencyId))
          .leftJoin(vendors, eq(vendors.id, requests.vendorId))
          .where(and(ownRequests(viewer), sql`${requests.id} = any(${uuidArray(ids)})`)),
    extensionsOf(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));

  const events: Array<AllDayEvent & { order: number }> = [];
  const add = (r: (typeof rows)[number], kind: string, on: string, title: string, description: string) => {
    events.push({ uid: `${r.id}-${kind}@jointask`, on, title, description, url: `${baseUrl}/requests/${r.id}`, categories: ["JointAsk", kind], order: events.length });
  };
  const extended = new Set<string>();
  for (const d of dated) {
    const r = byId.get(d.id);
    if (!r) continue;
    const label = `${requestReference({ organizationCode: viewer.organizationCode, number: r.number })} ${r.title} (${r.agencyName})`;
    const on = d.on_date;
    if (d.kind === "due") add(r, "due", on, `Due: ${label}`, r.dueBasis ?? "Response due");
    else if (d.kind === "follow-up") add(r, "follow-up", on, `Follow up: ${label}`, `${r.dueBasis ?? ""} (not a statutory deadline)`);
    else if (d.kind === "acknowledgement") add(r, "acknowledgement", on, `Acknowledgement due: ${label}`, "The law sets a deadline to acknowledge the request.");
    else if (d.kind === "next-action") add(r, "next-action", on, `Next action: ${label}`, "Next action date set in JointAsk.");
    else add(r, "appeal", on, `Appeal deadline: ${label}`, "Last day to appeal the denial.");
    if (r.status !== "denied" && !extended.has(r.id)) {
      extended.add(r.id);
      for (const x of extensions.get(r.id) ?? []) {
        if (x.to < from || x.to > until) continue;
        const moved = x.from ? ` from ${formatDate(x.from)}` : "";
        add(r, `extension-${x.eventId}`, x.to, `Extended due: ${label}`, `Extension logged ${formatDate(x.on)}: ${x.reason}. Due date moved${moved} to ${formatDate(x.to)}.`);
      }
    }
  }
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  if (events.length > CALENDAR_MAX_EVENTS) {
    events.length = CALENDAR_MAX_EVENTS;
    capped = true;
  }
  const window = `${formatDate(from)} to ${formatDate(until)}`;
  const description =
    `Deadlines and next actions of ${viewer.organizationName}'s open requests from ${window} ` +
    `(the past ${CALENDAR_PAST_DAYS} days to a year ahead)` +
    (capped ? `; only the ${CALENDAR_MAX_EVENTS.toLocaleString("en-US")} nearest dates are included, the chase board lists the rest.` : ".");
  return writeCalendar({ productId: "jointask/calendar", name: `JointAsk: ${viewer.organizationName}`, description }, events);
}
