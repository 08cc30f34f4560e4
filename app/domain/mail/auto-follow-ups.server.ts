import { and, eq, inArray, isNotNull, lt, not, sql } from "drizzle-orm";
import { agencies, contactBounces, organizations, outboxMessages, requestEvents, requests, vendors } from "../../../db/schema";
import type { Database, Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { ownRequests } from "../access.server";
import { lockRequest, recordEvent } from "../request-events.server";
import { conflicted, fail, ok, type Result } from "../results";
import { editVersion, staleEdit } from "../edit-version";
import { autoFollowUpKey, followUpDate, MAX_FOLLOW_UP_INTERVAL_DAYS } from "./auto-follow-ups";
import { hasOpenBounce } from "./bounces.server";
import { draftLetter, letterContext } from "./letters.server";
import { enqueueMail, threadHeaders } from "./outbox.server";
import { WAITING_ON_AGENCY } from "./reminders";

type Logger = Pick<Console, "info" | "warn" | "error">;

// Automatic follow-up letters: an organization turns them on (and any request off); an overdue request's
// follow-up then goes out on its first overdue day and every N days after while it stays overdue. Each
// letter's outbox idempotency key is the request and the date (auto-follow-up:<request>:<date>), inserted in
// the same transaction as its timeline entry, so however many app instances run this, and whatever restarts
// happen in between, each request gets one letter per date.

export interface AutoFollowUpPolicy {
  enabled: boolean;
  intervalDays: number;
}

export async function getAutoFollowUpPolicy(organizationId: string, db: Executor = defaultDb): Promise<AutoFollowUpPolicy> {
  const [row] = await db
    .select({ enabled: organizations.autoFollowUpEnabled, intervalDays: organizations.autoFollowUpIntervalDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row!;
}

const POLICY_FIELDS = ["enabled", "intervalDays"] as const;
const POLICY_LABELS = { enabled: "Send automatic follow-up letters", intervalDays: "Then again every (days)" };

/** The version of the policy the settings form carries (see edit-version.ts). */
export function autoFollowUpPolicyVersion(policy: AutoFollowUpPolicy): string {
  return editVersion(policy, POLICY_FIELDS);
}

/** Admins only (org.settings). A form opened before another admin's save is refused with both versions. */
export async function setAutoFollowUpPolicy(
  viewer: Viewer,
  input: AutoFollowUpPolicy & { version?: string },
  db: Executor = defaultDb,
): Promise<Result<null>> {
  if (viewer.role !== "admin") return fail("enabled", "Only an admin can change automatic follow-ups.");
  if (!Number.isInteger(input.intervalDays) || input.intervalDays < 1 || input.intervalDays > MAX_FOLLOW_UP_INTERVAL_DAYS) {
    return fail("intervalDays", `Choose a number of days between 1 and ${MAX_FOLLOW_UP_INTERVAL_DAYS}.`);
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ enabled: organizations.autoFollowUpEnabled, intervalDays: organizations.autoFollowUpIntervalDays })
      .from(organizations)
      .where(eq(organizations.id, viewer.organizationId))
      .for("update");
    const next = { enabled: input.enabled, intervalDays: input.intervalDays };
    const stale = staleEdit({ version: input.version, current: current!, next, fields: POLICY_FIELDS, labels: POLICY_LABELS });
    if (stale) return conflicted(stale);
    await tx.update(organizations).set({ autoFollowUpEnabled: next.enabled, autoFollowUpIntervalDays: next.intervalDays }).where(eq(organizations.id, viewer.organizationId));
    return ok(null);
  });
}

/** Turns the organization's automatic follow-ups off (or back on) for one request; a timeline entry. */
export async function setRequestAutoFollowUp(viewer: Viewer, requestId: string, on: boolean, db: Executor = defaultDb): Promise<Result<{ changed: boolean }> | null> {
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    if (current.autoFollowUp === on) return ok({ changed: false });
    await tx.update(requests).set({ autoFollowUp: on }).where(eq(requests.id, current.id));
    await recordEvent(tx, viewer, current.id, {
      kind: "edited",
      data: { changes: [{ field: "autoFollowUp", label: "Automatic follow-ups", from: current.autoFollowUp ? "on" : "off", to: on ? "on" : "off" }] },
    });
    return ok({ changed: true });
  });
}

/** Where the letter goes: the agency's records email, or the vendor's contact. */
const contactEmail = sql<string | null>`case when ${requests.vendorId} is null then ${agencies.recordsContactEmail} else ${vendors.contactEmail} end`;

/**
 * Queues the follow-ups due today (the organization's local date) for one organization whose automatic
 * follow-ups are on. Requests waiting on the agency, past due, not turned off, with an address that isn't
 * bouncing; a date is skipped when a follow-up letter already went out that day or after (someone sent one).
 */
export async function queueAutoFollowUps(
  db: Database,
  org: { id: string; timeZone: string; intervalDays: number },
  today: string,
  log: Logger = console,
): Promise<number> {
  const candidates = await db
    .select({ id: requests.id, number: requests.number, dueOn: requests.dueOn, contactEmail })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .where(
      and(
        ownRequests({ organizationId: org.id }),
        eq(requests.autoFollowUp, true),
        inArray(requests.status, [...WAITING_ON_AGENCY]),
        isNotNull(requests.dueOn),
        lt(requests.dueOn, today),
        not(hasOpenBounce),
        sql`nullif(trim(${contactEmail}), '') is not null`,
        // Nor to an address that bounced on another request to the same agency or vendor.
        sql`not exists (select 1 from ${contactBounces} where ${contactBounces.resolution} is null and ${contactBounces.address} = lower(trim(${contactEmail}))
          and (${contactBounces.agencyId} = ${requests.agencyId} or ${contactBounces.vendorId} = ${requests.vendorId}))`,
      ),
    )
    .orderBy(requests.number);
  const due = candidates.flatMap((r) => {
    const date = followUpDate(r.dueOn!, today, org.intervalDays);
    return date ? [{ ...r, date, key: autoFollowUpKey(r.id, date) }] : [];
  });
  if (due.length === 0) return 0;

  // Dates already sent, and follow-ups someone sent by hand within a date's period.
  const ids = due.map((d) => d.id);
  const [sent, manual] = await Promise.all([
    db.select({ key: outboxMessages.idempotencyKey }).from(outboxMessages).where(inArray(outboxMessages.idempotencyKey, due.map((d) => d.key))),
    db
      .select({ requestId: outboxMessages.requestId, on: sql<string>`max((${outboxMessages.createdAt} at time zone ${org.timeZone})::date)::text` })
      .from(outboxMessages)
      // Sent by a person (the automatic ones are keyed by their date already).
      .where(and(inArray(outboxMessages.requestId, ids), eq(outboxMessages.kind, "follow_up"), isNotNull(outboxMessages.createdById), not(eq(outboxMessages.status, "failed"))))
      .groupBy(outboxMessages.requestId),
  ]);
  const sentKeys = new Set(sent.map((s) => s.key));
  const lastManual = new Map(manual.map((m) => [m.requestId, m.on]));

  let queued = 0;
  for (const request of due) {
    if (sentKeys.has(request.key)) continue;
    const last = lastManual.get(request.id);
    if (last && last >= request.date) continue;
    try {
      if (await queueOne(db, org.id, request.id, request.key, today)) queued++;
    } catch (error) {
      log.error(`mail: automatic follow-up for request #${request.number} (${request.id}) of organization ${org.id} failed; it is tried again at the next pass:`, error);
    }
  }
  return queued;
}

/** One request's follow-up for one date: the letter and its timeline entry in one transaction, or nothing. */
async function queueOne(db: Database, organizationId: string, requestId: string, key: string, today: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Re-read under a lock: the request may have been answered or turned off since the list was made.
    const [request] = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.id, requestId),
          eq(requests.organizationId, organizationId),
          eq(requests.autoFollowUp, true),
          inArray(requests.status, [...WAITING_ON_AGENCY]),
          lt(requests.dueOn, today),
        ),
      )
      .for("update");
    if (!request) return false;
    const context = await letterContext({ organizationId }, requestId, tx);
    const to = context?.contactEmail?.trim();
    if (!context || !to) return false;
    const letter = await draftLetter("follow_up", context, today, tx);
    const thread = await threadHeaders(tx, requestId);
    const queued = await enqueueMail(tx, {
      organizationId,
      requestId,
      kind: "follow_up",
      idempotencyKey: key,
      to,
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
      fromName: context.requesterName,
      replyTo: context.replyAddress,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
    });
    if (!queued.ok) throw new Error(`the letter was refused: ${Object.values(queued.fieldErrors).flat().join(" ")}`);
    if (!queued.value.created) return false;
    await tx.insert(requestEvents).values({
      organizationId,
      requestId,
      kind: "email_queued",
      actorId: null,
      data: { outboxMessageId: queued.value.id, letterKind: "follow_up", to, subject: letter.subject, body: letter.text, automatic: true },
    });
    await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, requestId));
    return true;
  });
}

/** What the request page says about automatic follow-ups for one request. */
export function describeAutoFollowUp(policy: AutoFollowUpPolicy, requestOn: boolean): string {
  if (!policy.enabled) return "Off for the whole organization (an admin can turn them on in Email preferences).";
  if (!requestOn) return "Off for this request.";
  return `On: when this request is overdue, the follow-up letter goes out on the first overdue day and every ${policy.intervalDays} days after.`;
}

