import { hashSecretToken, newSecretToken } from "./secret-tokens.server";
import { and, asc, desc, eq, inArray, isNull, or, isNotNull, sql, type SQL } from "drizzle-orm";
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { agencies, calendarFeeds, organizations, requestEvents, requests, users, vendors } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { addDays, formatDate } from "../utils/dates";
import { viewerColumns, type Viewer } from "./accounts.server";
import { ownRequests } from "./access.server";
import { OPEN_STATUSES } from "./request-status";


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

const dateArray = (iso: string): DateArray => iso.split("-").map(Number) as DateArray;

function allDay(iso: string) {
  return { start: dateArray(iso), end: dateArray(addDays(iso, 1)) };
}

interface ExtensionEntry {
  eventId: string;
  on: string;
  reason: string;
  from: string | null;
  to: string;
}

/**
 * Each logged extension of the given requests with the due date it set: the explicit new date, or else the
 * date of the due-date change written right after it in the same transaction. An extension that moved
 * nothing has no entry.
 */
async function extensionsOf(db: Executor, inFeed: SQL | undefined): Promise<Map<string, ExtensionEntry[]>> {
  const events = await db
    .select({ id: requestEvents.id, requestId: requestEvents.requestId, kind: requestEvents.kind, data: requestEvents.data })
    .from(requestEvents)
    .innerJoin(requests, eq(requests.id, requestEvents.requestId))
    .where(and(inFeed, inArray(requestEvents.kind, ["extension_logged", "due_date_changed"])))
    .orderBy(asc(requestEvents.requestId), asc(requestEvents.seq));
  const byRequest = new Map<string, ExtensionEntry[]>();
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
 * The ICS calendar for a feed token: due dates (with extensions already applied), one entry per logged
 * extension on the date it set, acknowledgement and appeal deadlines, follow-up dates and next actions of the
 * open requests the user may see. Null for a bad token.
 */
export async function calendarFor(token: string, baseUrl: string, db: Executor = defaultDb): Promise<string | null> {
  const viewer = await viewerForToken(db, token);
  if (!viewer) return null;
  const inFeed = and(
    ownRequests(viewer),
    or(inArray(requests.status, [...OPEN_STATUSES]), and(eq(requests.status, "denied"), isNotNull(requests.appealDueOn))),
  );
  const rows = await db
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      status: requests.status,
      agencyName: sql<string>`coalesce(${agencies.name}, ${vendors.name})`,
      dueOn: requests.dueOn,
      dueStatutory: requests.dueStatutory,
      followUpOn: requests.followUpOn,
      acknowledgementDueOn: requests.acknowledgementDueOn,
      appealDueOn: requests.appealDueOn,
      nextActionOn: requests.nextActionOn,
      dueBasis: requests.dueBasis,
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .where(inFeed)
    .orderBy(asc(requests.number));
  const extensions = await extensionsOf(db, inFeed);

  const events: EventAttributes[] = [];
  for (const r of rows) {
    const url = `${baseUrl}/requests/${r.id}`;
    const label = `#${r.number} ${r.title} (${r.agencyName})`;
    const add = (kind: string, iso: string | null, title: string, description: string) => {
      if (!iso) return;
      events.push({ ...allDay(iso), title, description, url, uid: `${r.id}-${kind}@jointask`, categories: ["JointAsk", kind] });
    };
    if (r.status !== "denied") {
      if (r.dueOn) add("due", r.dueOn, `Due: ${label}`, r.dueBasis ?? "Response due");
      else if (!r.dueStatutory) add("follow-up", r.followUpOn, `Follow up: ${label}`, `${r.dueBasis ?? ""} (not a statutory deadline)`);
      if (r.status === "submitted") add("acknowledgement", r.acknowledgementDueOn, `Acknowledgement due: ${label}`, "The law sets a deadline to acknowledge the request.");
      add("next-action", r.nextActionOn, `Next action: ${label}`, "Next action date set in JointAsk.");
      for (const x of extensions.get(r.id) ?? []) {
        const moved = x.from ? ` from ${formatDate(x.from)}` : "";
        add(`extension-${x.eventId}`, x.to, `Extended due: ${label}`, `Extension logged ${formatDate(x.on)}: ${x.reason}. Due date moved${moved} to ${formatDate(x.to)}.`);
      }
    }
    add("appeal", r.appealDueOn, `Appeal deadline: ${label}`, "Last day to appeal the denial.");
  }
  const { error, value } = createEvents(events, { productId: "jointask/calendar", calName: `JointAsk: ${viewer.organizationName}` });
  if (error || !value) throw error ?? new Error("Could not build the calendar");
  return value;
}
