import { and, asc, eq, gte, inArray, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, mailDigests, organizations, overdueNotices, requests, users, vendors } from "../../../db/schema";
import { digestIsEmpty, digestMessage, OVERDUE_SUMMARY_LINES, overdueAlertMessage, overdueSummaryMessage, type DigestItem } from "../../../emails";
import type { Database, Executor } from "../../utils/db.server";
import { addDays } from "../../utils/dates";
import { OPEN_STATUSES, STATUS_LABELS } from "../request-status";
import { mailConfig } from "./config.server";
import { queueAutoFollowUps } from "./auto-follow-ups.server";
import { enqueueMail, notifyOutbox } from "./outbox.server";
import { digestSections, localClock, WAITING_ON_AGENCY } from "./reminders";
import { ownRequests } from "../access.server";
import { enqueueRequestWebhook } from "../webhooks/endpoints.server";

type Logger = Pick<Console, "info" | "warn" | "error">;

/** The date a request's answer is due, as the deadline engine stored it (null while paused or with no fixed deadline). */
const dueDate = requests.dueOn;

/** Alerts go out for requests that became overdue within this many days; older ones are in the digest. */
const ALERT_WINDOW_DAYS = 7;

/** Who the request goes to: its agency or, for a request to a vendor, the vendor. */
const recipientName = sql<string>`coalesce(${agencies.name}, ${vendors.name})`;

const assignee = alias(users, "assignee");
const requester = alias(users, "requester");

interface OrganizationClock {
  id: string;
  name: string;
  timeZone: string;
  digestHour: number;
  autoFollowUpEnabled: boolean;
  autoFollowUpIntervalDays: number;
}

export interface ReminderSummary {
  digests: number;
  alerts: number;
  /** Automatic follow-up letters queued (auto-follow-ups.server.ts). */
  followUps: number;
}

/**
 * One pass of the reminders: for every organization whose digest hour has come in its time zone, the overdue
 * alerts not yet queued and today's digest for each coordinator who hasn't had it. A request becomes overdue
 * at local midnight; its alert waits for the working day, with the digest, rather than arriving at night.
 * Safe to run from any number of instances at once and as often as liked: each alert has its own idempotency
 * key, and each digest is claimed by inserting the (person, local date) row first.
 */
export async function runReminders(
  db: Database,
  now: Date = new Date(),
  organizationIds?: string[],
  log: Logger = console,
): Promise<ReminderSummary> {
  const orgs: OrganizationClock[] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      timeZone: organizations.timeZone,
      digestHour: organizations.digestHour,
      autoFollowUpEnabled: organizations.autoFollowUpEnabled,
      autoFollowUpIntervalDays: organizations.autoFollowUpIntervalDays,
    })
    .from(organizations)
    .where(organizationIds ? inArray(organizations.id, organizationIds) : undefined);
  const summary: ReminderSummary = { digests: 0, alerts: 0, followUps: 0 };
  for (const org of orgs) {
    const clock = localClock(now, org.timeZone);
    if (clock.hour < org.digestHour) continue;
    summary.alerts += await queueOverdueAlerts(db, org, clock.date, log);
    summary.digests += await queueDigests(db, org, clock.date, log);
    // Automatic follow-up letters go out at the same working hour as the alerts, never at night.
    if (org.autoFollowUpEnabled) {
      summary.followUps += await queueAutoFollowUps(db, { id: org.id, timeZone: org.timeZone, intervalDays: org.autoFollowUpIntervalDays }, clock.date, log);
    }
  }
  if (summary.digests + summary.alerts + summary.followUps > 0) notifyOutbox();
  return summary;
}

// Alerts and digests refused for their address are tried again at every pass, so they go out as soon as the
// address is corrected; the refusal is logged once per message and process, not every minute.
const reported = new Set<string>();
function reportOnce(key: string, log: Logger, message: string): void {
  if (reported.has(key)) return;
  if (reported.size > 10_000) reported.clear();
  reported.add(key);
  log.error(message);
}

/**
 * A person with more than this many requests becoming overdue in one pass gets one summary listing them instead
 * of an alert each: on the national dataset's first morning, one organization had 32,504 alerts for 51 people.
 */
export const OVERDUE_ALERTS_ONE_BY_ONE = 3;

type OverdueRow = Awaited<ReturnType<typeof overdueToTell>>[number];
type Told = { id: string; name: string; email: string };

/** The address was refused: the transaction that claimed the notices is rolled back, to try again next pass. */
class AddressRefused extends Error {
  constructor(readonly fieldErrors: Record<string, string[] | undefined>) {
    super("address refused");
  }
}

/** Requests waiting on their agency that became overdue within the alert window and have had no notice yet. */
function overdueToTell(db: Database, org: OrganizationClock, today: string) {
  return db
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      dueDate: sql<string>`${dueDate}`,
      agencyName: recipientName,
      vendorId: requests.vendorId,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      assigneeEmail: assignee.email,
      assigneeWants: assignee.emailOverdueAlerts,
      requesterId: requester.id,
      requesterName: requester.name,
      requesterEmail: requester.email,
      requesterWants: requester.emailOverdueAlerts,
      requesterDisabledAt: requester.disabledAt,
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .leftJoin(assignee, and(eq(assignee.id, requests.assigneeId), isNull(assignee.disabledAt)))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .where(
      and(
        ownRequests({ organizationId: org.id }),
        inArray(requests.status, [...WAITING_ON_AGENCY]),
        lt(dueDate, today),
        gte(dueDate, addDays(today, -ALERT_WINDOW_DAYS)),
        notExists(db.select({ one: sql`1` }).from(overdueNotices).where(and(eq(overdueNotices.requestId, requests.id), eq(overdueNotices.dueOn, dueDate)))),
      ),
    )
    .orderBy(asc(requests.number));
}

async function queueOverdueAlerts(db: Database, org: OrganizationClock, today: string, log: Logger): Promise<number> {
  const due = await overdueToTell(db, org, today);
  // Who is told of each: its assignee; with nobody assigned, its requester.
  const byPerson = new Map<string, { person: Told; rows: OverdueRow[] }>();
  for (const request of due) {
    // The organization's webhooks hear of it whoever gets the email (or nobody): once per request and due
    // date, by the deliveries' (endpoint, key) unique index.
    await enqueueRequestWebhook(db, {
      type: "request.overdue",
      key: `overdue:${request.id}:${request.dueDate}`,
      requestId: request.id,
      change: { due_date: request.dueDate, today },
    });
    const person = request.assigneeId
      ? { id: request.assigneeId, name: request.assigneeName!, email: request.assigneeEmail!, wants: request.assigneeWants! }
      : { id: request.requesterId, name: request.requesterName, email: request.requesterEmail, wants: request.requesterWants };
    if (!person.wants || (!request.assigneeId && request.requesterDisabledAt)) continue;
    const entry = byPerson.get(person.id) ?? { person, rows: [] };
    entry.rows.push(request);
    byPerson.set(person.id, entry);
  }
  let queued = 0;
  for (const { person, rows } of byPerson.values()) {
    const batches = rows.length > OVERDUE_ALERTS_ONE_BY_ONE ? [rows] : rows.map((row) => [row]);
    for (const batch of batches) {
      try {
        queued += await tellOverdue(db, org, today, person, batch);
      } catch (error) {
        if (!(error instanceof AddressRefused)) throw error;
        const first = batch[0]!;
        reportOnce(
          `overdue:${person.id}:${first.id}:${first.dueDate}`,
          log,
          `mail: overdue ${batch.length === 1 ? `alert for request #${first.number} (${first.id})` : `summary of ${batch.length} requests`} of organization ${org.id} not queued: ` +
            `the address of user ${person.id} <${person.email}> was refused (${refusal(error.fieldErrors)}). It goes out once the address is corrected.`,
        );
      }
    }
  }
  return queued;
}

/**
 * Claims the overdue notices of `rows` for `person` and queues, in the same transaction, their alert (one row) or
 * one summary (several). Rows another instance claimed first are left out; nothing claimed, nothing sent.
 */
async function tellOverdue(db: Database, org: OrganizationClock, today: string, person: Told, rows: OverdueRow[]): Promise<number> {
  const config = mailConfig();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(overdueNotices)
      .values(rows.map((r) => ({ requestId: r.id, dueOn: r.dueDate, recipientUserId: person.id })))
      .onConflictDoNothing()
      .returning({ requestId: overdueNotices.requestId });
    const ids = new Set(claimed.map((c) => c.requestId));
    const told = rows.filter((r) => ids.has(r.id));
    if (!told.length) return 0;
    const requestUrl = (r: OverdueRow) => `${config.appUrl}/requests/${r.id}`;
    const preferencesUrl = `${config.appUrl}/settings/email`;
    const one = rows.length === 1 ? told[0]! : null;
    const rendered = one
      ? overdueAlertMessage({
          userName: person.name,
          requestNumber: one.number,
          title: one.title,
          agencyName: one.agencyName,
          recipientKind: one.vendorId ? "vendor" : "agency",
          dueDate: one.dueDate,
          today,
          requestUrl: requestUrl(one),
          followUpUrl: `${requestUrl(one)}/letters?kind=follow_up`,
          preferencesUrl,
        })
      : overdueSummaryMessage({
          userName: person.name,
          requests: told.slice(0, OVERDUE_SUMMARY_LINES).map((r) => ({ number: r.number, title: r.title, agencyName: r.agencyName, dueDate: r.dueDate, url: requestUrl(r) })),
          total: told.length,
          chaseUrl: `${config.appUrl}/chase`,
          preferencesUrl,
        });
    const result = await enqueueMail(tx, {
      organizationId: org.id,
      requestId: one?.id,
      recipientUserId: person.id,
      kind: "overdue_alert",
      // A summary is keyed by its person, day and first request: another later that day lists others.
      idempotencyKey: one ? `overdue:${one.id}:${one.dueDate}` : `overdue-summary:${person.id}:${today}:${told[0]!.id}`,
      to: person.email,
      ...rendered,
    });
    if (!result.ok) throw new AddressRefused(result.fieldErrors);
    await tx
      .update(overdueNotices)
      .set({ outboxMessageId: result.value.id })
      .where(and(inArray(overdueNotices.requestId, [...ids]), isNull(overdueNotices.outboxMessageId)));
    return result.value.created ? 1 : 0;
  });
}

function refusal(fieldErrors: Record<string, string[] | undefined>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${(messages ?? []).join(" ")}`)
    .join("; ");
}

async function queueDigests(db: Database, org: OrganizationClock, today: string, log: Logger): Promise<number> {
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, org.id),
        inArray(users.role, ["admin", "coordinator"]),
        isNull(users.disabledAt),
        eq(users.emailDigest, true),
        notExists(
          db
            .select({ one: sql`1` })
            .from(mailDigests)
            .where(and(eq(mailDigests.userId, users.id), eq(mailDigests.localDate, today))),
        ),
      ),
    );
  let queued = 0;
  for (const person of people) {
    if (await queueDigest(db, org, person, today, log)) queued++;
  }
  return queued;
}

/** Today's digest for one person, exactly once: the (person, date) row is the lock, written with the message. */
async function queueDigest(
  db: Database,
  org: OrganizationClock,
  person: { id: string; name: string; email: string },
  today: string,
  log: Logger,
): Promise<boolean> {
  const config = mailConfig();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(mailDigests)
      .values({ userId: person.id, localDate: today, organizationId: org.id })
      .onConflictDoNothing()
      .returning({ userId: mailDigests.userId });
    if (!claimed) return false;

    const sections = digestSections(await digestCandidates(tx, org.id, person.id, today), today);
    if (digestIsEmpty(sections)) return false;
    const item = (r: DigestRow, date: string | null): DigestItem => ({
      number: r.number,
      title: r.title,
      agencyName: r.agencyName,
      statusLabel: STATUS_LABELS[r.status],
      date,
      url: `${config.appUrl}/requests/${r.id}`,
    });
    const rendered = digestMessage({
      userName: person.name,
      organizationName: org.name,
      today,
      requestsUrl: `${config.appUrl}/requests`,
      preferencesUrl: `${config.appUrl}/settings/email`,
      overdue: sections.overdue.map((r) => item(r, r.dueDate)),
      dueThisWeek: sections.dueThisWeek.map((r) => item(r, r.dueDate)),
      waitingOnUs: sections.waitingOnUs.map((r) => item(r, r.nextActionOn)),
      nextActions: sections.nextActions.map((r) => item(r, r.nextActionOn)),
    });
    const result = await enqueueMail(tx, {
      organizationId: org.id,
      recipientUserId: person.id,
      kind: "digest",
      idempotencyKey: `digest:${person.id}:${today}`,
      to: person.email,
      ...rendered,
    });
    if (!result.ok) {
      // Not lost: the claim is given back, so today's digest goes out once the address is corrected.
      await tx.delete(mailDigests).where(and(eq(mailDigests.userId, person.id), eq(mailDigests.localDate, today)));
      reportOnce(
        `digest:${person.id}:${today}`,
        log,
        `mail: digest of ${today} for user ${person.id} <${person.email}> of organization ${org.id} not queued: ` +
          `the address was refused (${refusal(result.fieldErrors)}). It goes out once the address is corrected.`,
      );
      return false;
    }
    await tx
      .update(mailDigests)
      .set({ outboxMessageId: result.value.id })
      .where(and(eq(mailDigests.userId, person.id), eq(mailDigests.localDate, today)));
    return result.value.created;
  });
}

type DigestRow = Awaited<ReturnType<typeof digestCandidates>>[number];

/** Open requests assigned to the person or to nobody, with something dated in the coming week or waiting on us. */
function digestCandidates(db: Executor, organizationId: string, userId: string, today: string) {
  const weekEnd = addDays(today, 6);
  return db
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      status: requests.status,
      agencyName: recipientName,
      dueDate: sql<string | null>`${dueDate}`,
      nextActionOn: requests.nextActionOn,
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .where(
      and(
        ownRequests({ organizationId }),
        or(eq(requests.assigneeId, userId), isNull(requests.assigneeId)),
        inArray(requests.status, [...OPEN_STATUSES]),
        or(lte(dueDate, weekEnd), lte(requests.nextActionOn, weekEnd), inArray(requests.status, ["clarification_requested", "fee_requested"])),
      ),
    )
    .orderBy(asc(requests.number))
    .limit(200);
}

/** Runs the reminders every minute in the app process; the first pass right away. */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { db: Database; intervalMs?: number; log?: Logger }) {}

  start(): void {
    const tick = () => {
      this.running = runReminders(this.options.db, new Date(), undefined, this.options.log).catch((error: unknown) =>
        (this.options.log ?? console).error("mail: reminders failed:", error),
      );
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
