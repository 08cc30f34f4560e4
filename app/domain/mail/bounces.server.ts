import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { agencies, contactBounces, organizations, outboxMessages, requestEvents, requests, vendors } from "../../../db/schema";
import type { LetterKind } from "../../../db/schema/values";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { ownRequests, visibleRequests } from "../access.server";
import { OPEN_STATUSES } from "../request-status";
import { isUuid } from "../request-events.server";
import { fail, ok, type Result } from "../results";
import { enqueueMail, notifyOutbox, threadHeaders } from "./outbox.server";

// Letters that bounced, and what a person does about them: see that an agency's address bounces (its page,
// each request to it), fix the address, and send each bounced letter again to the new address with one click.
// The bounce rows are written when a bounce is filed on a request (inbound.server.ts, recordBounce).

/** Requests a bounced letter is still worth resending for: drafts whose first letter bounced, and open ones. */
const RESENDABLE_STATUSES = ["draft", ...OPEN_STATUSES] as const;

export type BounceTarget = { agencyId: string; vendorId?: undefined } | { vendorId: string; agencyId?: undefined };

const targetCondition = (target: BounceTarget) =>
  target.agencyId ? eq(contactBounces.agencyId, target.agencyId) : eq(contactBounces.vendorId, target.vendorId!);

/** The agency's records email or the vendor's contact email: where letters go now. */
async function currentContact(db: Executor, target: BounceTarget): Promise<string | null> {
  if (target.agencyId) {
    const [row] = await db.select({ email: agencies.recordsContactEmail }).from(agencies).where(eq(agencies.id, target.agencyId));
    return row?.email?.trim().toLowerCase() || null;
  }
  const [row] = await db.select({ email: vendors.contactEmail }).from(vendors).where(eq(vendors.id, target.vendorId!));
  return row?.email?.trim().toLowerCase() || null;
}

/**
 * Open bounces of the organization's requests to an agency (or vendor), newest first, each with its request,
 * the letter that bounced, and whether it can be resent now (the contact has changed since, the letter is
 * known, and the request is still a draft or open).
 */
export async function openBounces(viewer: Viewer, target: BounceTarget, db: Executor = defaultDb) {
  const contact = await currentContact(db, target);
  const rows = await db
    .select({
      id: contactBounces.id,
      address: contactBounces.address,
      reason: contactBounces.reason,
      status: contactBounces.status,
      createdAt: contactBounces.createdAt,
      inboundMessageId: contactBounces.inboundMessageId,
      requestId: requests.id,
      requestNumber: requests.number,
      requestOrganizationCode: organizations.shortCode,
      requestTitle: requests.title,
      requestStatus: requests.status,
      letterId: outboxMessages.id,
      letterKind: outboxMessages.kind,
      letterSubject: outboxMessages.subject,
    })
    .from(contactBounces)
    .innerJoin(requests, eq(requests.id, contactBounces.requestId))
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .leftJoin(outboxMessages, eq(outboxMessages.id, contactBounces.outboxMessageId))
    .where(and(targetCondition(target), isNull(contactBounces.resolution), ownRequests(viewer)))
    .orderBy(desc(contactBounces.createdAt));
  return {
    contact,
    bounces: rows.map((r) => ({
      ...r,
      resendable: Boolean(r.letterId && contact && contact !== r.address && (RESENDABLE_STATUSES as readonly string[]).includes(r.requestStatus)),
    })),
  };
}

/** Addresses with open bounces, for marking an agency's (or vendor's) contact as bouncing. */
export async function bouncingAddresses(viewer: Viewer, target: BounceTarget, db: Executor = defaultDb) {
  return db
    .select({
      address: contactBounces.address,
      reason: sql<string>`(array_agg(${contactBounces.reason} order by ${contactBounces.createdAt} desc))[1]`,
      lastAt: sql<Date>`max(${contactBounces.createdAt})`.mapWith((v: string | Date) => new Date(v)),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(contactBounces)
    .innerJoin(requests, eq(requests.id, contactBounces.requestId))
    .where(and(targetCondition(target), isNull(contactBounces.resolution), visibleRequests(viewer)))
    .groupBy(contactBounces.address);
}

/** What the request page says about bounces: its open ones, and whether its agency's contact has been fixed since. */
export async function requestBounces(viewer: Viewer, requestId: string, db: Executor = defaultDb) {
  if (!isUuid(requestId)) return null;
  const [request] = await db
    .select({ agencyId: requests.agencyId, vendorId: requests.vendorId })
    .from(requests)
    .where(and(eq(requests.id, requestId), ownRequests(viewer)));
  if (!request) return null;
  const target: BounceTarget = request.agencyId ? { agencyId: request.agencyId } : { vendorId: request.vendorId! };
  const { contact, bounces } = await openBounces(viewer, target, db);
  const mine = bounces.filter((b) => b.requestId === requestId);
  // The target's address bounces on another request too: say so here, before a letter is sent to it.
  const elsewhere = contact ? bounces.some((b) => b.requestId !== requestId && b.address === contact) : false;
  // Where the contact is fixed and the letters resent: the agency's page, or the vendor's.
  const targetUrl = request.agencyId ? `/agencies/${request.agencyId}` : `/vendors/${request.vendorId}`;
  return { targetUrl, contact, bounces: mine, contactBouncesElsewhere: elsewhere };
}

/**
 * Sends each given bounced letter (all resendable ones of the target when none are given) again, to the
 * target's current contact, through the outbox: the same subject and text, threaded on the request, one
 * timeline entry per letter ("Request letter resent to …"). The idempotency key is the bounced letter and the
 * new address, so a double click, or two people at once, send it once. The bounce is then resolved.
 */
export async function resendBouncedLetters(
  viewer: Viewer,
  target: BounceTarget,
  bounceIds: readonly string[] | null,
  db: Executor = defaultDb,
): Promise<Result<{ resent: number; to: string }>> {
  const result = await db.transaction(async (tx) => {
    const contact = await currentContact(tx, target);
    if (!contact) return fail("bounceIds", "Add the new email address to the contact first.");
    const rows = await tx
      .select({ bounce: contactBounces, letter: outboxMessages })
      .from(contactBounces)
      .innerJoin(outboxMessages, eq(outboxMessages.id, contactBounces.outboxMessageId))
      .innerJoin(requests, eq(requests.id, contactBounces.requestId))
      .where(
        and(
          targetCondition(target),
          isNull(contactBounces.resolution),
          ownRequests(viewer),
          inArray(requests.status, [...RESENDABLE_STATUSES]),
          bounceIds ? inArray(contactBounces.id, bounceIds.filter(isUuid).length ? bounceIds.filter(isUuid) : ["00000000-0000-0000-0000-000000000000"]) : undefined,
        ),
      )
      .orderBy(contactBounces.createdAt)
      .for("update", { of: contactBounces });
    const due = rows.filter((r) => r.bounce.address !== contact);
    if (due.length === 0) {
      return fail("bounceIds", rows.length ? `The contact is still ${contact}, the address that bounced: change it first.` : "There is no bounced letter to resend.");
    }
    let resent = 0;
    for (const { bounce, letter } of due) {
      const thread = await threadHeaders(tx, bounce.requestId);
      const queued = await enqueueMail(tx, {
        organizationId: viewer.organizationId,
        requestId: bounce.requestId,
        kind: letter.kind,
        idempotencyKey: `resend:${letter.id}:${contact}`,
        to: contact,
        subject: letter.subject,
        text: letter.textBody,
        html: letter.htmlBody,
        fromName: letter.fromName,
        replyTo: letter.replyTo,
        inReplyTo: thread.inReplyTo,
        references: thread.references,
        createdById: viewer.id,
      });
      if (!queued.ok) return queued;
      if (queued.value.created) {
        resent++;
        await tx.insert(requestEvents).values({
          organizationId: viewer.organizationId,
          requestId: bounce.requestId,
          kind: "email_queued",
          actorId: viewer.id,
          data: { outboxMessageId: queued.value.id, letterKind: letter.kind as LetterKind, to: contact, subject: letter.subject, body: letter.textBody, resentFrom: bounce.address },
        });
        await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, bounce.requestId));
      }
      await tx
        .update(contactBounces)
        .set({ resolution: "resent", resolvedAt: new Date(), resolvedById: viewer.id, resentOutboxMessageId: queued.value.id })
        .where(eq(contactBounces.id, bounce.id));
    }
    return ok({ resent, to: contact });
  });
  if (result.ok && result.value.resent > 0) notifyOutbox();
  return result;
}

/**
 * A person says a bounce needs nothing more (the address works after all, or the letter went another way):
 * the request leaves the "Fix the contact" group, with a timeline entry.
 */
export async function dismissBounce(viewer: Viewer, bounceId: string, db: Executor = defaultDb): Promise<{ requestId: string } | null> {
  if (!isUuid(bounceId)) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contactBounces)
      .set({ resolution: "dismissed", resolvedAt: new Date(), resolvedById: viewer.id })
      .where(and(eq(contactBounces.id, bounceId), eq(contactBounces.organizationId, viewer.organizationId), isNull(contactBounces.resolution)))
      .returning({ requestId: contactBounces.requestId, address: contactBounces.address, inboundMessageId: contactBounces.inboundMessageId });
    if (!row) return null;
    await tx.insert(requestEvents).values({
      organizationId: viewer.organizationId,
      requestId: row.requestId,
      kind: "bounce_set_aside",
      actorId: viewer.id,
      data: { inboundMessageId: row.inboundMessageId, address: row.address },
    });
    await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, row.requestId));
    return { requestId: row.requestId };
  });
}

/** SQL: the request has a bounce nobody has dealt with (the chase board's "Fix the contact" group). */
export const hasOpenBounce = sql<boolean>`exists (select 1 from ${contactBounces} where ${contactBounces.requestId} = ${requests.id} and ${contactBounces.resolution} is null)`;
