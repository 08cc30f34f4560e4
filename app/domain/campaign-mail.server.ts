import { requestReference } from "./request-reference";
import { formatLetterDate } from "../utils/dates";
// A joint ask's mail: each target's letter (preview, edit one), send all, follow up all overdue, and one summary
// follow-up to an agency with several open requests. Everything goes through the outbox, each letter under an
// idempotency key, so doing any of it twice never sends a letter twice.
import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { agencies, campaigns, inboundMessages, jurisdictions, outboxMessages, requestEvents, requests, vendors } from "../../db/schema";
import type { OutboxStatus, RequestStatus } from "../../db/schema/values";
import { renderEditedLetter, type RenderedMessage } from "../../emails";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownRequests, ownVendors, visibleCampaigns, visibleInboundMessages } from "./access.server";
import { hasOpenBounce } from "./mail/bounces.server";
import { checkEmailAddress, headerValueProblem } from "./mail/addresses";
import { draftLetter, letterContext, sendLetter } from "./mail/letters.server";
import { enqueueMail, notifyOutbox } from "./mail/outbox.server";
import { replyAddressFor } from "./mail/reply-address.server";
import { MAX_LETTER_BODY, MAX_LETTER_SUBJECT } from "./mail/letter-input";
import { changeStatus, isUuid, recordEvent } from "./requests.server";
import { OPEN_STATUSES } from "./request-status";
import { fail, ok, type Result } from "./results";

const contactEmail = sql<string | null>`case when ${requests.vendorId} is null then ${agencies.recordsContactEmail} else ${vendors.contactEmail} end`;

/** The joint ask, when the viewer sees it (its own or its coalition's). */
async function campaignOf(db: Executor, viewer: Viewer, campaignId: string) {
  if (!isUuid(campaignId)) return null;
  const [row] = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), visibleCampaigns(viewer)))
    .limit(1);
  return row ?? null;
}

export interface CampaignTarget {
  requestId: string;
  number: number;
  status: RequestStatus;
  agencyId: string | null;
  vendorId: string | null;
  targetName: string;
  jurisdictionName: string | null;
  contactEmail: string | null;
  bouncing: boolean;
  dueOn: string | null;
  edited: boolean;
  /** The first letter's outbox state, when it was queued. */
  letter: OutboxStatus | null;
}

/** The viewer's organization's requests in the joint ask, with their contact and first letter's state. */
export async function campaignTargets(viewer: Viewer, campaignId: string, db: Executor = defaultDb): Promise<CampaignTarget[] | null> {
  if (!(await campaignOf(db, viewer, campaignId))) return null;
  const firstLetter = db
    .selectDistinctOn([outboxMessages.requestId], { requestId: outboxMessages.requestId, status: outboxMessages.status })
    .from(outboxMessages)
    .innerJoin(requests, eq(requests.id, outboxMessages.requestId))
    .where(and(eq(requests.campaignId, campaignId), ownRequests(viewer), eq(outboxMessages.kind, "request_letter")))
    .orderBy(outboxMessages.requestId, sql`${outboxMessages.createdAt} desc`)
    .as("first_letter");
  const rows = await db
    .select({
      requestId: requests.id,
      number: requests.number,
      status: requests.status,
      agencyId: requests.agencyId,
      vendorId: requests.vendorId,
      targetName: sql<string>`coalesce(${agencies.name}, ${vendors.name})`,
      jurisdictionName: jurisdictions.name,
      contactEmail,
      bouncing: hasOpenBounce,
      dueOn: requests.dueOn,
      edited: sql<boolean>`${requests.letterText} is not null`,
      letter: firstLetter.status,
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .leftJoin(firstLetter, eq(firstLetter.requestId, requests.id))
    .where(and(eq(requests.campaignId, campaignId), ownRequests(viewer)))
    .orderBy(sql`${requests.vendorId} is null`, asc(jurisdictions.name), asc(sql`coalesce(${agencies.name}, ${vendors.name})`), asc(requests.number));
  return rows.map((r) => ({ ...r, contactEmail: r.contactEmail?.trim() || null, bouncing: Boolean(r.bouncing) }));
}

/** A letter not yet sent: the request is still a draft and no first letter was queued for it. */
export const isUnsent = (t: CampaignTarget) => t.status === "draft" && t.letter === null;

export interface SendProgress {
  /** Letters in the outbox not yet handed over (queued or being sent). */
  queued: number;
  sent: number;
  failed: number;
  /** Drafts whose letter has not been queued, with and without an address to send it to. */
  unsent: number;
  unsentWithoutContact: number;
}

export function sendProgress(targets: readonly CampaignTarget[]): SendProgress {
  const progress: SendProgress = { queued: 0, sent: 0, failed: 0, unsent: 0, unsentWithoutContact: 0 };
  for (const t of targets) {
    if (t.letter === "queued" || t.letter === "sending") progress.queued += 1;
    else if (t.letter === "sent") progress.sent += 1;
    else if (t.letter === "failed") progress.failed += 1;
    if (isUnsent(t)) {
      progress.unsent += 1;
      if (!t.contactEmail) progress.unsentWithoutContact += 1;
    }
  }
  return progress;
}

/** One target's first letter as it will be sent (composed, or as edited), with where it goes. */
export async function targetLetter(viewer: Viewer, campaignId: string, requestId: string, today: string, db: Executor = defaultDb) {
  if (!(await campaignOf(db, viewer, campaignId)) || !isUuid(requestId)) return null;
  const context = await letterContext(viewer, requestId, db);
  if (!context) return null;
  const [row] = await db
    .select({ campaignId: requests.campaignId, status: requests.status })
    .from(requests)
    .where(eq(requests.id, requestId))
    .limit(1);
  if (row?.campaignId !== campaignId) return null;
  const letter: RenderedMessage = await draftLetter("request_letter", context, today, db);
  return {
    requestId,
    number: context.number,
    status: row.status,
    targetName: context.agencyName,
    recipientKind: context.recipientKind,
    jurisdictionName: context.jurisdictionName,
    law: context.law ? { lawName: context.law.lawName, citation: context.law.citation } : null,
    to: context.contactEmail?.trim() || null,
    replyAddress: context.replyAddress,
    edited: Boolean(context.editedLetter),
    subject: letter.subject,
    text: letter.text,
  };
}

/**
 * Saves one target's first letter as edited (or, with null, goes back to the letter composed from the joint
 * ask's text), on that request's timeline. Only a letter not sent yet can be edited.
 */
export async function saveTargetLetter(
  viewer: Viewer,
  campaignId: string,
  requestId: string,
  letter: { subject: string; body: string } | null,
  db: Executor = defaultDb,
): Promise<Result<{ changed: boolean }> | null> {
  if (!(await campaignOf(db, viewer, campaignId)) || !isUuid(requestId)) return null;
  if (letter) {
    const subject = letter.subject.trim();
    const problem = headerValueProblem(subject, "Subject");
    if (problem) return fail("subject", problem);
    if (!subject) return fail("subject", "Subject is required");
    if (subject.length > MAX_LETTER_SUBJECT) return fail("subject", `Subject must be at most ${MAX_LETTER_SUBJECT} characters`);
    if (!letter.body.trim()) return fail("body", "The letter is empty");
    if (letter.body.length > MAX_LETTER_BODY) return fail("body", `The letter must be at most ${MAX_LETTER_BODY} characters`);
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: requests.id, status: requests.status, letterSubject: requests.letterSubject, letterText: requests.letterText })
      .from(requests)
      .where(and(eq(requests.id, requestId), eq(requests.campaignId, campaignId), ownRequests(viewer)))
      .for("update");
    if (!current) return null;
    const [queued] = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.requestId, requestId), eq(outboxMessages.kind, "request_letter")))
      .limit(1);
    if (current.status !== "draft" || queued) return fail("body", "This letter has been sent already; write a new letter from the request's page instead.");
    const next = letter ? { letterSubject: letter.subject.trim(), letterText: letter.body.replace(/\r\n?/g, "\n").trim() } : { letterSubject: null, letterText: null };
    if (next.letterSubject === current.letterSubject && next.letterText === current.letterText) return ok({ changed: false });
    await tx.update(requests).set({ ...next, updatedAt: new Date() }).where(eq(requests.id, requestId));
    await recordEvent(tx, viewer, requestId, {
      kind: "edited",
      data: {
        changes: [{ field: "letter", label: "Letter to this target", from: null, to: null }],
        note: letter ? "Edited for this target only" : "Back to the joint ask's letter",
      },
    });
    return ok({ changed: true });
  });
}

export interface SendAllResult {
  /** Letters put in the outbox now. */
  queued: number;
  /** Letters that were in the outbox already (a second click, another tab): not queued again. */
  already: number;
  /** Unsent letters left because their target has no address (or it bounces). */
  withoutContact: number;
  failed: Array<{ number: number; message: string }>;
}

/**
 * Sends every unsent letter of the joint ask (or only the selected requests) through the outbox, each to its
 * target's records contact, and files each request: submitted, received the day of the send, due under its own
 * law. One transaction per letter, under the key `campaign-letter:<request>`: sending twice never sends twice.
 */
export async function sendAllLetters(
  viewer: Viewer,
  campaignId: string,
  today: string,
  options: { requestIds?: readonly string[] } = {},
  db: Executor = defaultDb,
): Promise<Result<SendAllResult> | null> {
  const targets = await campaignTargets(viewer, campaignId, db);
  if (!targets) return null;
  const selected = options.requestIds?.length ? new Set(options.requestIds) : null;
  if (selected && [...selected].some((id) => !targets.some((t) => t.requestId === id))) {
    return fail("requestIds", "Some selected requests are not your organization's requests in this joint ask; reload the page");
  }
  const result: SendAllResult = { queued: 0, already: 0, withoutContact: 0, failed: [] };
  for (const target of targets) {
    if (selected && !selected.has(target.requestId)) continue;
    if (!isUnsent(target)) continue;
    if (!target.contactEmail || target.bouncing) {
      result.withoutContact += 1;
      continue;
    }
    const outcome = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: requests.status, method: requests.method })
        .from(requests)
        .where(and(eq(requests.id, target.requestId), ownRequests(viewer)))
        .for("update");
      if (!locked || locked.status !== "draft") return "already" as const;
      const context = (await letterContext(viewer, target.requestId, tx))!;
      const letter = await draftLetter("request_letter", context, today, tx);
      const to = context.contactEmail?.trim() ?? "";
      const queued = await enqueueMail(tx, {
        organizationId: viewer.organizationId,
        requestId: target.requestId,
        kind: "request_letter",
        idempotencyKey: `campaign-letter:${target.requestId}`,
        to,
        subject: letter.subject,
        text: letter.text,
        html: letter.html,
        fromName: context.requesterName,
        replyTo: context.replyAddress,
        createdById: viewer.id,
      });
      if (!queued.ok) return { error: Object.values(queued.fieldErrors).flat().join(" ") || "The letter could not be queued." };
      if (!queued.value.created) return "already" as const;
      await tx.insert(requestEvents).values({
        organizationId: viewer.organizationId,
        requestId: target.requestId,
        kind: "email_queued",
        actorId: viewer.id,
        data: { outboxMessageId: queued.value.id, letterKind: "request_letter", to, subject: letter.subject, body: letter.text },
      });
      if (!locked.method) await tx.update(requests).set({ method: "email" }).where(eq(requests.id, target.requestId));
      // Filed today: received the day of the send, its due date computed under its own law by the deadline engine.
      const filed = await changeStatus(viewer, target.requestId, { status: "submitted", on: today, note: "Sent with the joint ask's letters" }, today, tx);
      if (!filed || !filed.ok) throw new Error(`could not file request ${target.requestId}`);
      return "queued" as const;
    });
    if (outcome === "queued") result.queued += 1;
    else if (outcome === "already") result.already += 1;
    else result.failed.push({ number: target.number, message: outcome.error });
  }
  if (result.queued > 0) {
    await db.update(campaigns).set({ updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
    notifyOutbox();
  }
  return ok(result);
}

/** The joint ask's overdue requests of the viewer's organization: open, past their due date. */
async function overdueTargets(db: Executor, viewer: Viewer, campaignId: string, today: string) {
  return db
    .select({ requestId: requests.id, number: requests.number, dueOn: requests.dueOn, contactEmail, bouncing: hasOpenBounce })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .where(and(eq(requests.campaignId, campaignId), ownRequests(viewer), inArray(requests.status, [...OPEN_STATUSES]), isNotNull(requests.dueOn), lt(requests.dueOn, today)))
    .orderBy(asc(requests.number));
}

export async function countOverdue(viewer: Viewer, campaignId: string, today: string, db: Executor = defaultDb) {
  if (!isUuid(campaignId)) return { total: 0, withoutContact: 0 };
  const rows = await overdueTargets(db, viewer, campaignId, today);
  return { total: rows.length, withoutContact: rows.filter((r) => !r.contactEmail?.trim() || r.bouncing).length };
}

/**
 * Sends the follow-up letter (as drafted: tracking number, due date and all) to every overdue target of the
 * joint ask, through the outbox, once per target and due date (a later due date makes a new follow-up), each on
 * its request's timeline.
 */
export async function followUpAllOverdue(
  viewer: Viewer,
  campaignId: string,
  today: string,
  db: Executor = defaultDb,
): Promise<{ queued: number; already: number; withoutContact: number; failed: Array<{ number: number; message: string }> } | null> {
  if (!(await campaignOf(db, viewer, campaignId))) return null;
  const rows = await overdueTargets(db, viewer, campaignId, today);
  const result = { queued: 0, already: 0, withoutContact: 0, failed: [] as Array<{ number: number; message: string }> };
  for (const row of rows) {
    const to = row.contactEmail?.trim();
    if (!to || row.bouncing) {
      result.withoutContact += 1;
      continue;
    }
    const context = await letterContext(viewer, row.requestId, db);
    if (!context) continue;
    const draft = await draftLetter("follow_up", context, today, db);
    const sent = await sendLetter(viewer, row.requestId, { kind: "follow_up", to, subject: draft.subject, body: draft.text, nonce: `overdue-${row.dueOn}` }, today, db);
    if (!sent) continue;
    if (!sent.ok) result.failed.push({ number: row.number, message: Object.values(sent.fieldErrors).flat().join(" ") });
    else if (sent.value.created) result.queued += 1;
    else result.already += 1;
  }
  return result;
}


/** The agency's open, filed requests of the viewer's organization (from one joint ask or many). */
async function openRequestsTo(db: Executor, viewer: Viewer, agencyId: string) {
  return db
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      filedOn: requests.filedOn,
      trackingNumber: requests.trackingNumber,
      dueOn: requests.dueOn,
    })
    .from(requests)
    .where(and(eq(requests.agencyId, agencyId), ownRequests(viewer), inArray(requests.status, [...OPEN_STATUSES])))
    .orderBy(asc(requests.filedOn), asc(requests.number));
}

/**
 * The agencies of this joint ask to which the organization has several open requests (from any joint ask):
 * counted per agency first from requests_open_agency_idx alone, then named.
 */
export async function agenciesWithSeveralOpen(viewer: Viewer, campaignId: string, db: Executor = defaultDb) {
  if (!isUuid(campaignId)) return [];
  const inCampaign = db
    .selectDistinct({ agencyId: requests.agencyId })
    .from(requests)
    .where(and(eq(requests.campaignId, campaignId), ownRequests(viewer), isNotNull(requests.agencyId)));
  const open = db
    .select({ agencyId: requests.agencyId, open: sql<number>`count(*)`.as("open") })
    .from(requests)
    .where(and(inArray(requests.agencyId, inCampaign), ownRequests(viewer), inArray(requests.status, [...OPEN_STATUSES])))
    .groupBy(requests.agencyId)
    .having(sql`count(*) > 1`)
    .as("open");
  // Each agency read by its primary key (a lateral lookup): a plain join hashed all 18,000 agencies of the
  // national dataset to match the joint ask's few hundred.
  const agency = db
    .select({ id: agencies.id, name: agencies.name, contactEmail: agencies.recordsContactEmail })
    .from(agencies)
    .where(eq(agencies.id, open.agencyId))
    .limit(1)
    .as("agency");
  return db
    .select({ agencyId: agency.id, name: agency.name, open: sql<number>`${open.open}`.mapWith(Number), contactEmail: agency.contactEmail })
    .from(open)
    .innerJoinLateral(agency, sql`true`)
    .orderBy(asc(agency.name));
}

/** The summary follow-up to one agency: one letter listing every open request the organization has with it. */
export async function draftAgencySummary(viewer: Viewer, agencyId: string, today: string, db: Executor = defaultDb) {
  if (!isUuid(agencyId)) return null;
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name, contactName: agencies.recordsContactName, contactEmail: agencies.recordsContactEmail })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), ownAgencies(viewer)))
    .limit(1);
  if (!agency) return null;
  const open = await openRequestsTo(db, viewer, agencyId);
  if (open.length === 0) return { agency, open, letter: null };
  const overdue = open.filter((r) => r.dueOn && r.dueOn < today).length;
  const replyAddress = replyAddressFor(open[0]!.id);
  const lines = open.map((r) => {
    const parts = [`${requestReference({ organizationCode: viewer.organizationCode, number: r.number })} ${r.title}`];
    if (r.filedOn) parts.push(`filed ${formatLetterDate(r.filedOn)}`);
    if (r.trackingNumber) parts.push(`your reference ${r.trackingNumber}`);
    if (r.dueOn) parts.push(`${r.dueOn < today ? "was due" : "due"} ${formatLetterDate(r.dueOn)}`);
    return `- ${parts.join(", ")}`;
  });
  const text = [
    formatLetterDate(today),
    `To the ${agency.contactName?.trim() || "Records Officer"}, ${agency.name}:`,
    `I am writing to follow up on the ${open.length} public records requests ${viewer.organizationName} has open with your office${overdue ? `, ${overdue} of them past their due date` : ""}:`,
    lines.join("\n"),
    "Please let me know the status of each request and when I can expect the records. If any can be released in parts, or you need anything from me to process them, please say so.",
    `Please reply to this email (${replyAddress}), quoting the request numbers, so that your answer is filed with the requests.`,
    `Thank you,\n${viewer.name}\n${viewer.organizationName}`,
  ].join("\n\n");
  const subject = `Follow-up on ${open.length} open records requests`;
  return { agency, open, letter: { subject, text, replyAddress } };
}

/**
 * Sends the summary follow-up to the agency through the outbox (once a day per agency), and logs it on the
 * timeline of each request it lists.
 */
export async function sendAgencySummary(
  viewer: Viewer,
  agencyId: string,
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ created: boolean; requests: number; to: string }> | null> {
  const draft = await draftAgencySummary(viewer, agencyId, today, db);
  if (!draft) return null;
  if (!draft.letter) return fail("agencyId", `${draft.agency.name} has no open requests of yours to follow up.`);
  const to = draft.agency.contactEmail?.trim();
  if (!to) return fail("agencyId", `${draft.agency.name} has no records email: add one on the agency's page.`);
  const letter = draft.letter;
  const rendered = renderEditedLetter(letter.subject, letter.text);
  const result = await db.transaction(async (tx) => {
    const queued = await enqueueMail(tx, {
      organizationId: viewer.organizationId,
      requestId: draft.open[0]!.id,
      kind: "follow_up",
      idempotencyKey: `agency-summary:${agencyId}:${today}`,
      to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      fromName: viewer.name,
      replyTo: letter.replyAddress,
      createdById: viewer.id,
    });
    if (!queued.ok) return queued;
    if (queued.value.created) {
      for (const r of draft.open) {
        await recordEvent(tx, viewer, r.id, {
          kind: "email_queued",
          data: { outboxMessageId: queued.value.id, letterKind: "follow_up", to, subject: rendered.subject, body: rendered.text },
        });
      }
      await tx.update(requests).set({ updatedAt: new Date() }).where(inArray(requests.id, draft.open.map((r) => r.id)));
    }
    return ok({ created: queued.value.created, requests: draft.open.length, to });
  });
  if (result.ok && result.value.created) notifyOutbox();
  return result;
}

/** Sets the records email of an agency (or the contact of a vendor) the organization keeps, from a send-all page. */
export async function setTargetContact(
  viewer: Viewer,
  target: { agencyId?: string; vendorId?: string },
  email: string,
  db: Executor = defaultDb,
): Promise<Result<{ address: string }> | null> {
  const check = checkEmailAddress(email, "Email");
  if (!check.ok) return fail("email", check.message);
  if (target.agencyId && isUuid(target.agencyId)) {
    const [row] = await db
      .update(agencies)
      .set({ recordsContactEmail: check.address, updatedAt: new Date() })
      .where(and(eq(agencies.id, target.agencyId), ownAgencies(viewer)))
      .returning({ id: agencies.id });
    return row ? ok({ address: check.address }) : null;
  }
  if (target.vendorId && isUuid(target.vendorId)) {
    const [row] = await db
      .update(vendors)
      .set({ contactEmail: check.address, updatedAt: new Date() })
      .where(and(eq(vendors.id, target.vendorId), ownVendors(viewer)))
      .returning({ id: vendors.id });
    return row ? ok({ address: check.address }) : null;
  }
  return null;
}

/** Replies filed on the organization's requests of the joint ask: how many messages, from how many targets. */
export async function repliesReceived(viewer: Viewer, campaignId: string, db: Executor = defaultDb): Promise<{ messages: number; requests: number }> {
  if (!isUuid(campaignId)) return { messages: 0, requests: 0 };
  const [row] = await db
    .select({ messages: sql<number>`count(*)`.mapWith(Number), requests: sql<number>`count(distinct ${inboundMessages.requestId})`.mapWith(Number) })
    .from(inboundMessages)
    .innerJoin(requests, eq(requests.id, inboundMessages.requestId))
    .where(and(eq(requests.campaignId, campaignId), ownRequests(viewer), visibleInboundMessages(viewer), eq(inboundMessages.status, "filed")));
  return { messages: row?.messages ?? 0, requests: row?.requests ?? 0 };
}
