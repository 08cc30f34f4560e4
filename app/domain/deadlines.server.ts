import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, agencyClosures, jurisdictions, lawRevisions, laws, organizations, requestEvents, requests, users } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { todayIn } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { ownRequests } from "./access.server";
import { deadlineEventsFromTimeline, type DeadlineTimelineEntry } from "./deadline-events";
import { computeDeadline } from "./deadlines/compute";
import type { AgencyCalendar, AgencyRule, DeadlineResult, GovernmentLevel, LawRule, RequestChannel } from "./deadlines/types";
import { recordEvent, type EventActor } from "./request-events.server";
import { OPEN_STATUSES } from "./request-status";
import { CORRECTABLE_LAW_FIELDS } from "./deadline-input";
export { CORRECTABLE_LAW_FIELDS };

type LawRow = typeof laws.$inferSelect;

export type LawCorrection = Partial<Record<keyof typeof CORRECTABLE_LAW_FIELDS, number | string | null>>;

export function lawRuleFrom(row: LawRow, correction: LawCorrection = {}): LawRule {
  const merged = { ...row, ...correction } as LawRow;
  return {
    jurisdiction: merged.jurisdictionCode,
    lawName: merged.lawName,
    citation: merged.citation,
    responseDays: merged.dayType === "none" ? null : merged.responseDays,
    dayType: merged.responseDays === null ? "none" : merged.dayType,
    responseCountsFrom: merged.responseCountsFrom,
    extensionDays: merged.extensionDays,
    extensionDayType: merged.extensionDays === null ? null : (merged.extensionDayType ?? "calendar"),
    extensionNote: merged.extensionNote,
    appealNote: merged.appealNote,
    acknowledgementDays: merged.acknowledgementDays,
    acknowledgementDayType: merged.acknowledgementDays === null ? null : (merged.acknowledgementDayType ?? "calendar"),
    appealDays: merged.appealDays,
    appealDayType: merged.appealDays === null ? null : (merged.appealDayType ?? "calendar"),
    source: merged.source,
    confidence: merged.confidence,
    ...(merged.details ? { details: merged.details } : {}),
  };
}

/** The law in force for an organization: the reference row with the organization's latest correction. */
export async function effectiveLaw(db: Executor, organizationId: string | null, code: string): Promise<LawRule | null> {
  const [row] = await db.select().from(laws).where(eq(laws.jurisdictionCode, code)).limit(1);
  if (!row) return null;
  if (!organizationId) return lawRuleFrom(row);
  const [revision] = await db
    .select({ changes: lawRevisions.changes })
    .from(lawRevisions)
    .where(and(eq(lawRevisions.organizationId, organizationId), eq(lawRevisions.jurisdictionCode, code)))
    .orderBy(desc(lawRevisions.createdAt), desc(lawRevisions.id))
    .limit(1);
  return lawRuleFrom(row, (revision?.changes ?? {}) as LawCorrection);
}

const DAY_TYPE_WORD = { business: "business", calendar: "calendar" } as const;

/** One line saying what the due date rests on, e.g. "Right-to-Know Law (65 P.S. § 67.901): 5 business days". */
export function describeBasis(law: LawRule | null, result: DeadlineResult, agencyRule: AgencyRule | null, followUpDays: number): string {
  if (!law) return `No public-records law applies; follow up after ${followUpDays} business days (organization policy, not statutory)`;
  if (result.flags.includes("no_statutory_deadline")) {
    return `${law.lawName} sets no fixed number of days; follow up after ${followUpDays} business days (organization policy, not statutory)`;
  }
  const base = agencyRule
    ? `Agency rule: ${agencyRule.days} ${DAY_TYPE_WORD[agencyRule.dayType]} days (${agencyRule.reason})`
    : `${law.lawName} (${law.citation}): ${law.responseDays} ${law.dayType} days`;
  if (result.flags.includes("extension_beyond_limit") && result.proposedDueDate) {
    return `${base}; the agency's extension to ${result.proposedDueDate} goes beyond what the law allows`;
  }
  return result.flags.includes("paused") ? `${base}; clock paused` : base;
}

/** A stand-in rule for requests with no jurisdiction (e.g. to a vendor): no statutory clock, policy follow-up. */
const NO_LAW: LawRule = {
  jurisdiction: "US",
  lawName: "No public-records law",
  citation: "",
  responseDays: null,
  dayType: "none",
  responseCountsFrom: "receipt",
  extensionDays: null,
  extensionDayType: null,
  extensionNote: "",
  appealNote: "",
  acknowledgementDays: null,
  acknowledgementDayType: null,
  appealDays: null,
  appealDayType: null,
  source: "",
  confidence: "high",
};

const stateOf = alias(jurisdictions, "state_of");

/** The facts the engine needs about one request, read in the caller's transaction. */
async function loadDeadlineInputs(tx: Executor, requestId: string) {
  const [row] = await tx
    .select({
      id: requests.id,
      organizationId: requests.organizationId,
      receivedOn: requests.receivedOn,
      receivedTime: requests.receivedTime,
      method: requests.method,
      agencyId: requests.agencyId,
      jurisdictionKind: jurisdictions.kind,
      jurisdictionName: jurisdictions.name,
      county: jurisdictions.county,
      dueOn: requests.dueOn,
      dueStatutory: requests.dueStatutory,
      code: sql<string | null>`coalesce(${jurisdictions.code}, ${stateOf.code})`,
      ruleDays: agencies.deadlineRuleDays,
      ruleDayType: agencies.deadlineRuleDayType,
      ruleReason: agencies.deadlineRuleReason,
      timeZone: organizations.timeZone,
      followUpDays: organizations.followUpBusinessDays,
    })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(stateOf, eq(stateOf.id, jurisdictions.stateId))
    .where(eq(requests.id, requestId))
    .limit(1);
  if (!row) return null;
  const timeline = await tx
    .select({ kind: requestEvents.kind, data: requestEvents.data, occurredAt: requestEvents.occurredAt })
    .from(requestEvents)
    .where(
      and(
        eq(requestEvents.requestId, requestId),
        inArray(requestEvents.kind, ["status_changed", "extension_logged", "agreed_date_set"]),
      ),
    )
    .orderBy(asc(requestEvents.seq));
  const closures = row.agencyId
    ? await tx
        .select({ date: agencyClosures.closedOn, reason: agencyClosures.reason })
        .from(agencyClosures)
        .where(eq(agencyClosures.agencyId, row.agencyId))
        .orderBy(asc(agencyClosures.closedOn))
    : [];
  const entries = timeline.map((e) => ({
    kind: e.kind,
    on: typeof e.data.on === "string" ? e.data.on : todayIn(row.timeZone, e.occurredAt),
    data: e.data,
  })) as DeadlineTimelineEntry[];
  const level: GovernmentLevel | null =
    row.jurisdictionKind === null ? null : row.jurisdictionKind === "federal" || row.jurisdictionKind === "state" ? "state" : "local";
  const county = row.jurisdictionKind === "county" ? row.jurisdictionName : row.county;
  const agencyCalendar: AgencyCalendar = { county: county ?? null, closures };
  const channel: RequestChannel | null = row.method ?? null;
  return { ...row, entries, level, agencyCalendar, channel };
}

export type DeadlineSnapshot = DeadlineResult & { basis: string; lawName: string | null; citation: string | null; appealNote: string | null; extensionNote: string | null };

/**
 * Recomputes a request's deadlines from its law, received date and timeline, stores them, and writes a
 * due_date_changed event (old -> new, and why) when the due date moved. Call it inside the transaction
 * of every change that can move a deadline.
 */
export async function refreshDeadline(
  tx: Executor,
  viewer: EventActor,
  requestId: string,
  reason: string,
  options: { occurredAt?: Date } = {},
): Promise<DeadlineSnapshot | null> {
  const inputs = await loadDeadlineInputs(tx, requestId);
  if (!inputs) return null;
  if (!inputs.receivedOn) {
    if (inputs.dueOn) await clearDeadline(tx, viewer, requestId, inputs.dueOn, reason);
    return null;
  }
  const law = inputs.code ? await effectiveLaw(tx, inputs.organizationId, inputs.code) : null;
  const agencyRule: AgencyRule | null =
    inputs.ruleDays && inputs.ruleDayType && inputs.ruleReason
      ? { days: inputs.ruleDays, dayType: inputs.ruleDayType, reason: inputs.ruleReason }
      : null;
  const result = computeDeadline({
    law: law ?? NO_LAW,
    receivedDate: inputs.receivedOn,
    events: deadlineEventsFromTimeline(inputs.entries),
    agencyRule,
    policyFollowUpBusinessDays: inputs.followUpDays,
    receivedAt: inputs.receivedTime,
    channel: inputs.channel,
    governmentLevel: inputs.level,
    agencyCalendar: inputs.agencyCalendar,
  });
  const snapshot: DeadlineSnapshot = {
    ...result,
    basis: describeBasis(law, result, agencyRule, inputs.followUpDays),
    lawName: law?.lawName ?? null,
    citation: law?.citation ?? null,
    appealNote: law?.appealNote ?? null,
    extensionNote: law?.extensionNote ?? null,
  };
  await tx
    .update(requests)
    .set({
      dueOn: result.dueDate,
      dueStatutory: result.statutory,
      dueBasis: snapshot.basis,
      followUpOn: result.followUpDate,
      longOverdueOn: result.longOverdueDate,
      acknowledgementDueOn: result.acknowledgementDueDate,
      appealDueOn: result.appealDueDate,
      deadline: snapshot as unknown as Record<string, unknown>,
    })
    .where(eq(requests.id, requestId));
  if ((inputs.dueOn ?? null) !== (result.dueDate ?? null)) {
    await recordEvent(tx, viewer, requestId, {
      kind: "due_date_changed",
      data: {
        from: inputs.dueOn ?? null,
        to: result.dueDate,
        reason,
        statutory: result.statutory,
        basis: snapshot.basis,
        flags: result.flags.filter((f) => f === "extension_beyond_limit" || f === "paused"),
      },
    }, options.occurredAt);
  }
  return snapshot;
}

async function clearDeadline(tx: Executor, viewer: EventActor, requestId: string, previous: string, reason: string) {
  await tx
    .update(requests)
    .set({ dueOn: null, dueBasis: null, followUpOn: null, longOverdueOn: null, acknowledgementDueOn: null, appealDueOn: null, deadline: null })
    .where(eq(requests.id, requestId));
  await recordEvent(tx, viewer, requestId, {
    kind: "due_date_changed",
    data: { from: previous, to: null, reason, statutory: true, basis: "No received date" },
  });
}

/** Recomputes every request of the organization that a law or agency-rule change can move. */
export async function refreshDeadlinesWhere(
  tx: Executor,
  viewer: Viewer,
  filter: { jurisdictionCode?: string; agencyId?: string; openOnly?: boolean },
  reason: string,
): Promise<number> {
  const conditions = [ownRequests(viewer), isNotNull(requests.receivedOn)];
  if (filter.openOnly) conditions.push(inArray(requests.status, [...OPEN_STATUSES]));
  if (filter.agencyId) conditions.push(eq(requests.agencyId, filter.agencyId));
  if (filter.jurisdictionCode) conditions.push(sql`coalesce(${jurisdictions.code}, ${stateOf.code}) = ${filter.jurisdictionCode}`);
  const affected = await tx
    .select({ id: requests.id })
    .from(requests)
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(stateOf, eq(stateOf.id, jurisdictions.stateId))
    .where(and(...conditions));
  for (const { id } of affected) await refreshDeadline(tx, viewer, id, reason);
  return affected.length;
}

/** The law table as the organization sees it, with how many corrections each law has. */
export async function listLaws(db: Executor, organizationId: string) {
  const rows = await db.select().from(laws).orderBy(asc(laws.jurisdictionCode));
  const revisions = await db
    .select({ code: lawRevisions.jurisdictionCode, changes: lawRevisions.changes, createdAt: lawRevisions.createdAt })
    .from(lawRevisions)
    .where(eq(lawRevisions.organizationId, organizationId))
    .orderBy(asc(lawRevisions.createdAt), asc(lawRevisions.id));
  const latest = new Map<string, LawCorrection>();
  for (const r of revisions) latest.set(r.code, r.changes as LawCorrection);
  return rows.map((row) => {
    const correction = latest.get(row.jurisdictionCode);
    return { law: lawRuleFrom(row, correction ?? {}), corrected: !!correction && Object.keys(correction).length > 0 };
  });
}

export async function lawHistory(db: Executor, organizationId: string, code: string) {
  return db
    .select({
      id: lawRevisions.id,
      changes: lawRevisions.changes,
      reason: lawRevisions.reason,
      createdAt: lawRevisions.createdAt,
      by: users.name,
    })
    .from(lawRevisions)
    .leftJoin(users, eq(users.id, lawRevisions.createdById))
    .where(and(eq(lawRevisions.organizationId, organizationId), eq(lawRevisions.jurisdictionCode, code)))
    .orderBy(desc(lawRevisions.createdAt), desc(lawRevisions.id));
}

export async function baseLaw(db: Executor, code: string) {
  const [row] = await db.select().from(laws).where(eq(laws.jurisdictionCode, code)).limit(1);
  return row ?? null;
}

/** The public calculator: a jurisdiction's reference law (no organization's corrections) and a received date. */
export async function publicDeadline(db: Executor, code: string, receivedOn: string) {
  const row = await baseLaw(db, code);
  if (!row) return null;
  const law = lawRuleFrom(row);
  const result = computeDeadline({ law, receivedDate: receivedOn });
  return {
    jurisdiction: law.jurisdiction,
    lawName: law.lawName,
    citation: law.citation,
    receivedDate: receivedOn,
    dueDate: result.dueDate,
    dayType: law.dayType,
    days: law.responseDays,
    extensionDays: law.extensionDays,
    extensionDayType: law.extensionDayType,
    noFixedDeadline: law.dayType === "none",
    followUpDate: law.dayType === "none" ? result.followUpDate : null,
    acknowledgementDueDate: result.acknowledgementDueDate,
    notes: law.extensionNote,
    appealNotes: law.appealNote,
    steps: result.steps,
    source: law.source,
    confidence: law.confidence,
  };
}

export async function lawOptions(db: Executor) {
  const rows = await db.select({ code: laws.jurisdictionCode, lawName: laws.lawName }).from(laws).orderBy(asc(laws.jurisdictionCode));
  return rows;
}

/**
 * Records an organization's correction of a law (only the fields that differ from the reference table) and
 * re-dates the organization's requests under that law, each with a timeline entry saying why.
 */
export async function correctLaw(
  db: Executor,
  viewer: Viewer,
  code: string,
  input: Record<keyof typeof CORRECTABLE_LAW_FIELDS, number | string | null> & { reason: string },
): Promise<{ changedFields: string[]; redated: number } | null> {
  return db.transaction(async (tx) => {
    const base = await baseLaw(tx, code);
    if (!base) return null;
    const requested: LawCorrection = {};
    for (const field of Object.keys(CORRECTABLE_LAW_FIELDS) as (keyof typeof CORRECTABLE_LAW_FIELDS)[]) {
      const value = field === "dayType" && input.responseDays === null ? "none" : input[field];
      if ((base[field] ?? null) !== (value ?? null)) requested[field] = value ?? null;
    }
    const current = await effectiveLaw(tx, viewer.organizationId, code);
    await tx.insert(lawRevisions).values({
      organizationId: viewer.organizationId,
      jurisdictionCode: code,
      changes: requested as Record<string, unknown>,
      reason: input.reason,
      createdById: viewer.id,
    });
    const after = await effectiveLaw(tx, viewer.organizationId, code);
    const changedFields = (Object.keys(CORRECTABLE_LAW_FIELDS) as (keyof typeof CORRECTABLE_LAW_FIELDS)[]).filter(
      (f) => JSON.stringify(current?.[f === "dayType" ? "dayType" : f] ?? null) !== JSON.stringify(after?.[f] ?? null),
    );
    const redated = await refreshDeadlinesWhere(tx, viewer, { jurisdictionCode: code }, `Law table corrected (${code}): ${input.reason}`);
    return { changedFields, redated };
  });
}

export async function setFollowUpPolicy(db: Executor, viewer: Viewer, days: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.update(organizations).set({ followUpBusinessDays: days }).where(eq(organizations.id, viewer.organizationId));
    return refreshDeadlinesWhere(tx, viewer, {}, `Follow-up policy changed to ${days} business days`);
  });
}

export async function organizationPolicy(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ followUpBusinessDays: organizations.followUpBusinessDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row!;
}

/**
 * After a deploy changed the reference (calendar or law facts) of some jurisdictions: re-dates every open
 * request under them, in every organization, each change on its timeline as made by the app. Batched so one
 * transaction never holds many rows. Returns how many requests were re-dated.
 */
export async function redateAfterReferenceChange(db: Executor, changed: readonly { code: string; summary: string }[]): Promise<number> {
  let count = 0;
  for (const { code, summary } of changed) {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch = await db
        .select({ id: requests.id, organizationId: requests.organizationId })
        .from(requests)
        .innerJoin(agencies, eq(agencies.id, requests.agencyId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
        .leftJoin(stateOf, eq(stateOf.id, jurisdictions.stateId))
        .where(
          and(
            sql`${requests.id} > ${after}`,
            isNotNull(requests.receivedOn),
            inArray(requests.status, [...OPEN_STATUSES]),
            sql`coalesce(${jurisdictions.code}, ${stateOf.code}) = ${code}`,
          ),
        )
        .orderBy(asc(requests.id))
        .limit(200);
      if (batch.length === 0) break;
      await db.transaction(async (tx) => {
        for (const row of batch) {
          await refreshDeadline(tx, { id: null, organizationId: row.organizationId }, row.id, `Deadline reference updated (${code}): ${summary}`);
        }
      });
      count += batch.length;
      after = batch[batch.length - 1]!.id;
    }
  }
  return count;
}

/** An agency's own closed days, latest first. */
export async function listAgencyClosures(db: Executor, viewer: Viewer, agencyId: string) {
  return db
    .select({ id: agencyClosures.id, closedOn: agencyClosures.closedOn, reason: agencyClosures.reason, createdAt: agencyClosures.createdAt, by: users.name })
    .from(agencyClosures)
    .leftJoin(users, eq(users.id, agencyClosures.createdById))
    .where(and(eq(agencyClosures.agencyId, agencyId), eq(agencyClosures.organizationId, viewer.organizationId)))
    .orderBy(desc(agencyClosures.closedOn));
}

/**
 * Adds a closed day to one of the organization's agencies and re-dates that agency's open requests, each
 * change on its timeline. Null when the agency is not the organization's; "exists" when that day is already
 * closed.
 */
export async function addAgencyClosure(
  db: Executor,
  viewer: Viewer,
  agencyId: string,
  input: { closedOn: string; reason: string },
): Promise<{ redated: number } | "exists" | null> {
  return db.transaction(async (tx) => {
    const [agency] = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.id, agencyId), eq(agencies.organizationId, viewer.organizationId)))
      .for("update");
    if (!agency) return null;
    const inserted = await tx
      .insert(agencyClosures)
      .values({ organizationId: viewer.organizationId, agencyId, closedOn: input.closedOn, reason: input.reason, createdById: viewer.id })
      .onConflictDoNothing()
      .returning({ id: agencyClosures.id });
    if (inserted.length === 0) return "exists";
    const redated = await refreshDeadlinesWhere(tx, viewer, { agencyId, openOnly: true }, `Agency closed ${input.closedOn}: ${input.reason}`);
    return { redated };
  });
}

/** Removes one of an agency's closed days and re-dates its open requests. False when there was no such day. */
export async function removeAgencyClosure(db: Executor, viewer: Viewer, agencyId: string, closureId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(agencyClosures)
      .where(and(eq(agencyClosures.id, closureId), eq(agencyClosures.agencyId, agencyId), eq(agencyClosures.organizationId, viewer.organizationId)))
      .returning({ closedOn: agencyClosures.closedOn, reason: agencyClosures.reason });
    if (!removed) return false;
    await refreshDeadlinesWhere(tx, viewer, { agencyId, openOnly: true }, `Closed day ${removed.closedOn} removed (${removed.reason})`);
    return true;
  });
}
