import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, contactBounces, jurisdictions, organizations, requestEvents, requests, users, vendors } from "../../../db/schema";
import type { LetterKind } from "../../../db/schema/values";
import {
  appealLetter,
  type AppealRoute,
  followUpLetter,
  renderEditedLetter,
  requestLetter,
  type LetterData,
  type RecipientKind,
  type RenderedMessage,
} from "../../../emails";
import type { Executor, Transaction } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import { todayIn } from "../../utils/dates";
import type { Viewer } from "../accounts.server";
import { ownRequests } from "../access.server";
import { lawFor, type LawRule } from "../deadlines";
import { readAskOf } from "../fields.server";
import { isUuid } from "../requests.server";
import { fail, ok, type Result } from "../results";
import type { LetterInput } from "./letter-input";
import { campaignLetterText } from "../campaign-letters.server";
import { unwrapLetter } from "../letters";
import { askDetails } from "./ask-details";
import { enqueueMail, notifyOutbox, threadHeaders } from "./outbox.server";
import { replyAddressFor } from "./reply-address.server";

const state = alias(jurisdictions, "state");
const requester = alias(users, "requester");

/** Everything a letter about one request is written from. */
export interface LetterContext {
  requestId: string;
  organizationId: string;
  /** The organization's short code, for the request's reference ("TRC-12"). */
  organizationCode: string;
  number: number;
  title: string;
  description: string;
  status: string;
  filedOn: string | null;
  trackingNumber: string | null;
  /** The request goes to an agency or, for a joint ask, to a vendor: a company that no records law binds. */
  recipientKind: RecipientKind;
  /** The recipient's name: the agency's or the vendor's. */
  agencyName: string;
  /** The agency's records contact, or the vendor's records or legal contact. */
  contactName: string | null;
  contactEmail: string | null;
  /** The agency's city, county or state; null for a vendor. */
  jurisdictionName: string | null;
  /** The agency's id, or the vendor's for a request to a vendor. */
  targetId: string;
  /**
   * The law's jurisdiction code: the agency's state (or "US", "DC"). Null for a vendor: a request has no
   * jurisdiction of its own, and a company is not bound by the public-records law of the agencies it serves.
   */
  lawCode: string | null;
  law: LawRule | null;
  requesterName: string;
  organizationName: string;
  replyAddress: string;
  denial: { on: string; reason: string | null } | null;
  /** Its first letter is composed from its joint ask's letter text. */
  campaignLetter: boolean;
  /** Its first letter as edited for this target alone, when someone edited it. */
  editedLetter: { subject: string; text: string } | null;
}

/**
 * What the request's structured ask and deadline add to a letter: the record types and the fields asked (by
 * their labels), the detail level, period, formats and de-identification wanted, and the stored due date.
 */
export async function letterDetails(db: Executor, requestId: string): Promise<Partial<LetterData> & { appealDueDate: string | null }> {
  const [row] = await db
    .select({ dueDate: requests.dueOn, appealDueOn: requests.appealDueOn, deadline: requests.deadline })
    .from(requests)
    .where(eq(requests.id, requestId))
    .limit(1);
  const deemed = (row?.deadline as { deemedDenialAppealDueDate?: string | null } | null)?.deemedDenialAppealDueDate ?? null;
  return {
    dueDate: row?.dueDate ?? null,
    appealDueDate: row?.appealDueOn ?? deemed,
    ...askDetails(await readAskOf(db, requestId)),
  };
}

export async function letterContext(viewer: Pick<Viewer, "organizationId">, requestId: string, db: Executor = defaultDb): Promise<LetterContext | null> {
  if (!isUuid(requestId)) return null;
  const [row] = await db
    .select({
      requestId: requests.id,
      organizationId: requests.organizationId,
      number: requests.number,
      title: requests.title,
      description: requests.description,
      status: requests.status,
      filedOn: requests.filedOn,
      trackingNumber: requests.trackingNumber,
      campaignLetter: requests.campaignLetter,
      letterSubject: requests.letterSubject,
      letterText: requests.letterText,
      vendorId: requests.vendorId,
      targetId: sql<string>`coalesce(${requests.agencyId}, ${requests.vendorId})`,
      agencyName: sql<string>`coalesce(${agencies.name}, ${vendors.name})`,
      contactName: sql<string | null>`case when ${requests.vendorId} is null then ${agencies.recordsContactName} else ${vendors.contactName} end`,
      contactEmail: sql<string | null>`case when ${requests.vendorId} is null then ${agencies.recordsContactEmail} else ${vendors.contactEmail} end`,
      jurisdictionName: jurisdictions.name,
      code: jurisdictions.code,
      stateCode: state.code,
      requesterName: requester.name,
      organizationName: organizations.name,
      organizationCode: organizations.shortCode,
      timeZone: organizations.timeZone,
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .where(and(eq(requests.id, requestId), ownRequests(viewer)))
    .limit(1);
  if (!row) return null;

  // Local jurisdictions use their state's law; federal, state and DC rows carry their own code.
  const lawCode = row.code ?? row.stateCode ?? null;
  const denial = await lastDenial(db, row.requestId, row.timeZone);

  const { code: _code, stateCode: _stateCode, timeZone: _timeZone, vendorId, letterSubject, letterText, ...rest } = row;
  return {
    ...rest,
    editedLetter: letterSubject && letterText ? { subject: letterSubject, text: letterText } : null,
    recipientKind: vendorId ? "vendor" : "agency",
    lawCode,
    law: lawCode ? (lawFor(lawCode) ?? null) : null,
    replyAddress: replyAddressFor(row.requestId),
    denial,
  };
}

async function lastDenial(db: Executor, requestId: string, timeZone: string): Promise<LetterContext["denial"]> {
  const events = await db
    .select({ occurredAt: requestEvents.occurredAt, data: requestEvents.data })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "status_changed")))
    .orderBy(desc(requestEvents.seq));
  const denial = events.find((e) => (e.data as { to?: string }).to === "denied");
  if (!denial) return null;
  // The day the agency denied it, as logged; else the day it was logged.
  const on = (denial.data as { on?: unknown }).on;
  return {
    on: typeof on === "string" && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : todayIn(timeZone, denial.occurredAt),
    reason: (denial.data as { note?: string }).note ?? null,
  };
}

/** "65 P.S. § 67.1101(a)(1)" from "65 P.S. § 67.1101(a)(1) (15 business days ...), as restated in ...". */
export function provisionOf(cite: string): string {
  return cite.split(/ \(| as (?:restated|quoted|summarised|summarized|given)|; /)[0]!.replace(/[,;]\s*$/, "").trim();
}

/** Where the law sends an appeal of this request, by when; null without a law (a vendor) or its details. */
export function appealRouteOf(context: Pick<LetterContext, "law">, appealDueDate: string | null): AppealRoute | null {
  const appeal = context.law?.details?.appeal;
  if (!appeal) return null;
  return {
    // A letter names the body and cites the provision; the reference's asides stay on the law page.
    body: appeal.body.replace(/\s*\([^)]*(\([^)]*\)[^)]*)*\)\s*$/, ""),
    toAgency: appeal.bodyKind === "agency_head",
    address: appeal.address,
    cite: appeal.cite ? provisionOf(appeal.cite) : null,
    dueDate: appealDueDate,
  };
}

export function letterData(context: LetterContext, today: string, details: Partial<LetterData> & { appealDueDate?: string | null } = {}): LetterData {
  const { appealDueDate = null, ...rest } = details;
  return {
    requestNumber: context.number,
    title: context.title,
    description: context.description,
    agencyName: context.agencyName,
    recipientKind: context.recipientKind,
    contactName: context.contactName,
    jurisdictionName: context.jurisdictionName,
    law: context.law
      ? {
          lawName: context.law.lawName,
          citation: context.law.citation,
          responseDays: context.law.responseDays,
          dayType: context.law.dayType,
          responseCite: context.law.details?.responseCite ?? null,
        }
      : null,
    requesterName: context.requesterName,
    organizationName: context.organizationName,
    replyAddress: context.replyAddress,
    today,
    filedOn: context.filedOn,
    trackingNumber: context.trackingNumber,
    denial: context.denial,
    appeal: appealRouteOf(context, appealDueDate),
    ...rest,
  };
}

const TEMPLATES: Record<LetterKind, (data: LetterData) => RenderedMessage> = {
  request_letter: requestLetter,
  follow_up: followUpLetter,
  appeal: appealLetter,
};

/**
 * A letter about the request, as drafted. The first letter of a request made by a joint ask is composed once
 * from the joint ask's letter text (filled for this target) and this request's law, contact, ask and reply
 * address; when someone edited it for this target, it is that edited letter.
 */
export async function draftLetter(kind: LetterKind, context: LetterContext, today: string, db: Executor = defaultDb): Promise<RenderedMessage> {
  if (kind === "request_letter") {
    if (context.editedLetter) return renderEditedLetter(context.editedLetter.subject, context.editedLetter.text);
    if (context.campaignLetter) {
      const body = await campaignLetterText(db, context.requestId, today);
      if (body !== null) return requestLetter(letterData({ ...context, description: body }, today, await letterDetails(db, context.requestId)));
    }
  }
  // A request whose "What is asked" still holds a rendered letter (older joint asks) is written around its body only.
  return TEMPLATES[kind](letterData({ ...context, description: unwrapLetter(context.description) }, today, await letterDetails(db, context.requestId)));
}

/** A fresh letter form's key: the form sends it back, and it makes the idempotency key of the letter. */
export function newLetterNonce(): string {
  return randomUUID();
}

const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();

async function lockVisibleRequest(tx: Transaction, viewer: Viewer, id: string) {
  const [row] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, id), ownRequests(viewer)))
    .for("update")
    .limit(1);
  return row ?? null;
}

/**
 * Queues a letter as written in the form and records it on the request's timeline, in one transaction. The
 * form's nonce is the idempotency key, so a double submit queues it once. Unedited letters keep the
 * template's HTML; edited ones get HTML made from the edited text. Null when the request isn't visible.
 */
export async function sendLetter(
  viewer: Viewer,
  requestId: string,
  input: LetterInput,
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ outboxMessageId: string; created: boolean }> | null> {
  if (!isUuid(requestId)) return null;
  const result = await db.transaction(async (tx) => {
    if (!(await lockVisibleRequest(tx, viewer, requestId))) return null;
    const context = (await letterContext(viewer, requestId, tx))!;
    const draft = await draftLetter(input.kind, context, today, tx);
    const rendered =
      sameText(input.body, draft.text) && input.subject === draft.subject ? draft : renderEditedLetter(input.subject, input.body);
    const thread = await threadHeaders(tx, requestId);
    const queued = await enqueueMail(tx, {
      organizationId: viewer.organizationId,
      requestId,
      kind: input.kind,
      idempotencyKey: `letter:${requestId}:${input.nonce}`,
      to: input.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      fromName: context.requesterName,
      replyTo: context.replyAddress,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      createdById: viewer.id,
    });
    if (!queued.ok) return queued;
    if (queued.value.created) {
      await tx.insert(requestEvents).values({
        organizationId: viewer.organizationId,
        requestId,
        kind: "email_queued",
        actorId: viewer.id,
        data: { outboxMessageId: queued.value.id, letterKind: input.kind, to: input.to.trim(), subject: rendered.subject, body: rendered.text },
      });
      await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, requestId));
    }
    return ok({ outboxMessageId: queued.value.id, created: queued.value.created });
  });
  if (result?.ok && result.value.created) notifyOutbox();
  return result;
}

/** Whether letters to this address bounced, on any request to the same agency or vendor, with nobody dealing with it yet. */
async function isBouncing(db: Executor, requestId: string, address: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(contactBounces)
    .innerJoin(requests, eq(requests.id, requestId))
    .where(
      and(
        isNull(contactBounces.resolution),
        eq(contactBounces.address, address.toLowerCase()),
        or(eq(contactBounces.agencyId, requests.agencyId), eq(contactBounces.vendorId, requests.vendorId)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * The chase board's "Send the follow-up letter": the follow-up as drafted (tracking number, due date and all),
 * to the agency's records email (the vendor's contact for a vendor), through the outbox like a letter written
 * on the letters page. The form's nonce makes a double submit send it once. Null when the request isn't the
 * viewer's organization's; a field error when there is no address to send it to.
 */
export async function sendFollowUpLetter(
  viewer: Viewer,
  requestId: string,
  nonce: string,
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ outboxMessageId: string; created: boolean; to: string }> | null> {
  const context = await letterContext(viewer, requestId, db);
  if (!context) return null;
  const to = context.contactEmail?.trim();
  const who = context.recipientKind === "vendor" ? "The vendor" : "The agency";
  if (!to) return fail("send", `${who} has no email address to send the letter to: add one, or record a follow-up sent another way.`);
  if (await isBouncing(db, requestId, to)) return fail("send", `Mail to ${to} bounces: fix the contact first, or record a follow-up sent another way.`);
  const draft = await draftLetter("follow_up", context, today, db);
  const sent = await sendLetter(viewer, requestId, { kind: "follow_up", to, subject: draft.subject, body: draft.text, nonce }, today, db);
  if (!sent) return null;
  if (!sent.ok) return fail("send", Object.values(sent.fieldErrors).flat().join(" ") || "The letter could not be queued.");
  return ok({ ...sent.value, to });
}
