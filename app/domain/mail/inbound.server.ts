import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { AddressObject, ParsedMail } from "mailparser";
import {
  agencies,
  communications,
  contactBounces,
  inboundAttachments,
  inboundMessages,
  organizations,
  outboxMessages,
  requestEvents,
  requests,
  users,
  vendors,
} from "../../../db/schema";
import type { FileKind } from "../../../db/schema/field-values";
import { LETTER_KINDS, type InboundChannel, type InboundStatus, type MailClassification } from "../../../db/schema/values";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import { todayIn } from "../../utils/dates";
import { withoutUnstorable } from "../../utils/bounded-input.server";
import type { Viewer } from "../accounts.server";
import { ownRequests, visibleInboundMessages } from "../access.server";
import { recordReceivedFiles } from "../files.server";
import { isUuid } from "../requests.server";
import { fail, ok, type Result } from "../results";
import { mailConfig } from "./config.server";
import {
  inspectStoredAttachment,
  isLegacyMailKey,
  readLegacyMailFile,
  removeMailFiles,
  storeMailAttachment,
  storeMailFile,
} from "./mail-files.server";
import { classifyMail, CLASSIFICATION_LABELS, type ClassificationResult } from "./classify";
import { mailFacts, parseMail } from "./mail-facts.server";
import { mimeStructureProblem } from "./mime-check";
import { readReplyAddress } from "./reply-address.server";
import { findTrackingNumbers } from "./tracking-numbers";

export type ReceiveOutcome =
  | { outcome: "filed"; inboundMessageId: string; requestId: string; classification: MailClassification }
  | { outcome: "review"; inboundMessageId: string; reason: string; classification: MailClassification }
  | { outcome: "duplicate"; inboundMessageId: string }
  | { outcome: "too_large"; limit: number };

export interface ReceivedMail {
  raw: Buffer;
  channel: InboundChannel;
  /** SMTP: the envelope recipients (RCPT TO), which name the reply address even when the mail was Bcc'd. */
  envelopeTo?: string[];
  /** SMTP: the envelope sender (MAIL FROM), "" for the null sender <> that bounces come from. */
  envelopeFrom?: string;
  /** Upload: who uploaded it; the mail can only be filed in their organization. */
  uploader?: Viewer;
}

const EXCERPT_CHARS = 2_000;
const MESSAGE_ID = /^<[^<>\s]{1,900}>$/;

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((o) => o.value.flatMap((a) => (a.address ? [a.address] : (a.group ?? []).flatMap((g) => (g.address ? [g.address] : [])))));
}

function headerAddresses(parsed: ParsedMail): string[] {
  const extra = ["delivered-to", "x-original-to", "envelope-to"].flatMap((name) => {
    const value = parsed.headers.get(name);
    const values = Array.isArray(value) ? value : value ? [value] : [];
    return values.flatMap((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim().replace(/^<|>$/g, "")) : []));
  });
  return [...addressesOf(parsed.to), ...addressesOf(parsed.cc), ...extra];
}

/** Why a message can't be trusted as a well-formed email, or null. Such mail always goes to review. */
function malformation(parsed: ParsedMail | null, raw: Buffer, parseError: string | null): string | null {
  if (!parsed) return `It could not be read as an email message (${parseError ?? "unknown error"}).`;
  if (parsed.headers.size === 0) return "It has no email headers.";
  if (!parsed.from?.value.some((a) => a.address)) return "It has no sender address (From).";
  const type = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase().startsWith("multipart/") && !type.params?.boundary) {
    return "Its MIME structure is broken: a multipart message without a boundary.";
  }
  const problem = mimeStructureProblem(raw);
  return problem ? `Its MIME structure is broken: ${problem}` : null;
}

function excerptOf(text: string): string {
  const trimmed = text.replace(/\r\n?/g, "\n").trim();
  return trimmed.length > EXCERPT_CHARS ? `${trimmed.slice(0, EXCERPT_CHARS).trimEnd()}…` : trimmed;
}

function safeFilename(name: string | undefined, position: number): string {
  const cleaned = (name ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[\\/]/g, "_")
    .trim()
    .slice(0, 200);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : `attachment-${position + 1}`;
}

interface Routing {
  organizationId: string | null;
  requestId: string | null;
  reviewReason: string | null;
  suggestedRequestId: string | null;
  recipient: string | null;
}

/** Which request (and organization) the message belongs to, or why it needs a person to decide. */
async function route(db: Executor, mail: ReceivedMail, parsed: ParsedMail | null, returnedMessageId: string | null): Promise<Routing> {
  const candidates = mail.channel === "smtp" ? (mail.envelopeTo ?? []) : parsed ? headerAddresses(parsed) : [];
  const domain = mail.channel === "smtp" ? mailConfig().domain : undefined;
  const readings = candidates.map((address) => ({ address, reading: readReplyAddress(address, domain) }));
  const verified = readings.find((r) => r.reading.kind === "verified");
  const tampered = readings.find((r) => r.reading.kind === "bad_signature");
  const uploaderOrg = mail.uploader?.organizationId ?? null;

  const requestOrg = async (requestId: string) => {
    const [row] = await db.select({ organizationId: requests.organizationId }).from(requests).where(eq(requests.id, requestId));
    return row?.organizationId ?? null;
  };

  if (verified && verified.reading.kind === "verified") {
    const org = await requestOrg(verified.reading.requestId);
    if (org && (!uploaderOrg || org === uploaderOrg)) {
      return { organizationId: org, requestId: verified.reading.requestId, reviewReason: null, suggestedRequestId: null, recipient: verified.address };
    }
    if (org) {
      return { ...(await bySuggestion(db, parsed, uploaderOrg, returnedMessageId)), reviewReason: "It is addressed to a request of another organization.", recipient: verified.address };
    }
    return { ...(await bySuggestion(db, parsed, uploaderOrg, returnedMessageId)), reviewReason: "Its reply address names a request that no longer exists.", recipient: verified.address };
  }
  if (tampered && tampered.reading.kind === "bad_signature") {
    const org = await requestOrg(tampered.reading.requestId);
    const sameOrg = org !== null && (!uploaderOrg || org === uploaderOrg);
    return {
      organizationId: uploaderOrg ?? org,
      requestId: null,
      suggestedRequestId: sameOrg ? tampered.reading.requestId : null,
      reviewReason: "Its reply address has a signature that does not match: it may have been altered or guessed.",
      recipient: tampered.address,
    };
  }
  return {
    ...(await bySuggestion(db, parsed, uploaderOrg, returnedMessageId)),
    reviewReason: "It is not addressed to a request's reply address.",
    recipient: candidates[0] ?? null,
  };
}

/**
 * For mail that can't be filed: a request it seems to answer (In-Reply-To/References naming one of our
 * letters), else an organization whose agency sent it, so it lands in the right review queue.
 */
async function bySuggestion(
  db: Executor,
  parsed: ParsedMail | null,
  uploaderOrg: string | null,
  returnedMessageId: string | null = null,
): Promise<Pick<Routing, "organizationId" | "requestId" | "suggestedRequestId">> {
  // A bounce names the letter it returns in its copy of the letter's headers.
  const referenced = parsed
    ? [returnedMessageId, parsed.inReplyTo, ...toArray(parsed.references)].filter((id): id is string => !!id && MESSAGE_ID.test(id))
    : [];
  if (referenced.length > 0) {
    const conditions: SQL[] = [inArray(outboxMessages.messageId, referenced)];
    if (uploaderOrg) conditions.push(eq(outboxMessages.organizationId, uploaderOrg));
    const [letter] = await db
      .select({ organizationId: outboxMessages.organizationId, requestId: outboxMessages.requestId })
      .from(outboxMessages)
      .where(and(...conditions))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(1);
    if (letter) return { organizationId: letter.organizationId, requestId: null, suggestedRequestId: letter.requestId };
  }
  if (uploaderOrg) return { organizationId: uploaderOrg, requestId: null, suggestedRequestId: null };
  const sender = parsed?.from?.value[0]?.address?.toLowerCase();
  if (sender) {
    const [byAgency, byVendor] = [
      await db.selectDistinct({ organizationId: agencies.organizationId }).from(agencies).where(eq(agencies.recordsContactEmail, sender)).limit(2),
      await db.selectDistinct({ organizationId: vendors.organizationId }).from(vendors).where(eq(vendors.contactEmail, sender)).limit(2),
    ];
    const orgs = new Set([...byAgency, ...byVendor].map((r) => r.organizationId));
    if (orgs.size === 1) return { organizationId: [...orgs][0]!, requestId: null, suggestedRequestId: null };
  }
  return { organizationId: null, requestId: null, suggestedRequestId: null };
}

function toArray(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * Takes in one message from the SMTP listener or an upload: files it on the request named by its signed reply
 * address, or keeps it for review (unmatched, unverifiable or malformed). Nothing is dropped; a Message-ID
 * seen before is a duplicate and changes nothing.
 */
export async function receiveMail(mail: ReceivedMail, db: Executor = defaultDb): Promise<ReceiveOutcome> {
  const limit = mailConfig().maxInboundBytes;
  if (mail.raw.length > limit) return { outcome: "too_large", limit };

  let parsed: ParsedMail | null = null;
  let parseError: string | null = null;
  try {
    parsed = await parseMail(mail.raw);
  } catch (error) {
    parseError = error instanceof Error ? error.message : String(error);
  }
  // Postgres stores no NUL (U+0000) nor half a surrogate pair: removed from every text of the message (its raw
  // bytes are kept as received), and said in the classification reason, so the message is still filed.
  const scrubbed = { removed: 0 };
  if (parsed) scrubStrings(parsed, scrubbed);
  mail = {
    ...mail,
    envelopeTo: mail.envelopeTo?.map((a) => scrubText(scrubbed, a)),
    envelopeFrom: mail.envelopeFrom === undefined ? undefined : scrubText(scrubbed, mail.envelopeFrom),
  };
  const malformed = malformation(parsed, mail.raw, parseError);
  const given = parsed?.messageId?.trim();
  const messageId = given && MESSAGE_ID.test(given) ? given : `<${createHash("sha256").update(mail.raw).digest("hex")}@no-message-id.invalid>`;

  const [seen] = await db.select({ id: inboundMessages.id }).from(inboundMessages).where(eq(inboundMessages.messageId, messageId));
  if (seen) return { outcome: "duplicate", inboundMessageId: seen.id };

  // Reply, automatic reply or bounce, by SMTP or upload alike (see classify.ts).
  const classified: ClassificationResult = parsed
    ? classifyMail(mailFacts(parsed, mail.envelopeFrom))
    : { classification: "reply", reason: "The message could not be read", bounce: null, portal: null };
  const trackingNumberFound =
    classified.classification === "reply" && parsed ? (findTrackingNumbers(parsed.subject ?? "", parsed.text ?? "")[0]?.value ?? null) : null;

  const routing = await route(db, mail, parsed, classified.bounce?.originalMessageId ?? null);
  if (malformed && routing.requestId) {
    routing.suggestedRequestId = routing.requestId;
    routing.requestId = null;
  }
  const reviewReason = malformed ?? routing.reviewReason;

  const from = parsed?.from?.value[0];
  const fromText = senderText(from?.address ?? null, from?.name || null);
  // What a reviewer reads: the text part, or for a message that couldn't be read, its raw source.
  const textBody = parsed?.text?.trim() ? parsed.text : malformed ? scrubText(scrubbed, mail.raw.toString("utf8").slice(0, 100_000)) : "";
  if (scrubbed.removed) {
    classified.reason = `${classified.reason}. ${scrubbed.removed} character${scrubbed.removed === 1 ? "" : "s"} that can't be stored (such as U+0000) removed from the message's text; the original is kept as received`;
  }
  const sentAt = parsed?.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;

  // Bytes first, into the received-files storage (flushed, then renamed): a crash after this leaves an
  // unreferenced file, never a row pointing at nothing.
  const placed: string[] = [];
  let redundant: string[] = [];
  let outcome: ReceiveOutcome;
  try {
    const raw = await storeMailFile(mail.raw);
    placed.push(raw.storageName);
    const attachments: PreparedAttachment[] = [];
    for (const [position, a] of (parsed?.attachments ?? []).entries()) {
      const filename = safeFilename(a.filename, position);
      const stored = await storeMailAttachment(a.content, filename);
      placed.push(stored.storageName);
      attachments.push({ position, filename, contentType: (a.contentType || "application/octet-stream").toLowerCase().slice(0, 200), ...stored });
    }

    outcome = await db.transaction(async (tx): Promise<ReceiveOutcome> => {
      const [row] = await tx
        .insert(inboundMessages)
        .values({
          organizationId: routing.organizationId,
          requestId: routing.requestId,
          status: routing.requestId ? "filed" : "review",
          channel: mail.channel,
          reviewReason: routing.requestId ? null : reviewReason,
          suggestedRequestId: routing.suggestedRequestId,
          messageId,
          recipient: routing.recipient,
          fromAddress: from?.address ?? null,
          fromName: from?.name || null,
          toAddresses: parsed ? addressesOf(parsed.to) : [],
          subject: (parsed?.subject ?? "").slice(0, 1000),
          sentAt,
          textBody,
          htmlBody: typeof parsed?.html === "string" ? parsed.html : null,
          inReplyTo: parsed?.inReplyTo && MESSAGE_ID.test(parsed.inReplyTo) ? parsed.inReplyTo : null,
          references: parsed ? toArray(parsed.references).filter((r) => MESSAGE_ID.test(r)) : [],
          rawKey: raw.storageName,
          rawSize: raw.sizeBytes,
          uploadedById: mail.uploader?.id ?? null,
          classification: classified.classification,
          classificationReason: classified.reason.slice(0, 500),
          bouncedAddress: classified.bounce?.address ?? null,
          bounceReason: classified.bounce?.reason ?? null,
          bounceStatus: classified.bounce?.status ?? null,
          trackingNumberFound,
        })
        .onConflictDoNothing({ target: inboundMessages.messageId })
        .returning({ id: inboundMessages.id, receivedAt: inboundMessages.receivedAt });
      if (!row) {
        const [other] = await tx.select({ id: inboundMessages.id }).from(inboundMessages).where(eq(inboundMessages.messageId, messageId));
        return { outcome: "duplicate", inboundMessageId: other!.id };
      }
      const stored = attachments.length
        ? await tx
            .insert(inboundAttachments)
            .values(
              attachments.map((a) => ({
                inboundMessageId: row.id,
                position: a.position,
                filename: a.filename,
                contentType: a.contentType,
                size: a.sizeBytes,
                sha256: a.sha256,
                storageKey: a.storageName,
              })),
            )
            .returning({ id: inboundAttachments.id, position: inboundAttachments.position })
        : [];
      if (!routing.requestId) return { outcome: "review", inboundMessageId: row.id, reason: reviewReason!, classification: classified.classification };
      const ids = new Map(stored.map((a) => [a.position, a.id]));
      redundant = await fileOnRequest(tx, {
        organizationId: routing.organizationId!,
        requestId: routing.requestId,
        actorId: mail.uploader?.id ?? null,
        message: {
          id: row.id,
          from: fromText,
          subject: parsed?.subject ?? "",
          textBody,
          receivedAt: row.receivedAt,
          classification: classified.classification,
          classificationReason: classified.reason,
          bouncedAddress: classified.bounce?.address ?? null,
          bounceReason: classified.bounce?.reason ?? null,
          bounceStatus: classified.bounce?.status ?? null,
          letterMessageIds: [classified.bounce?.originalMessageId, parsed?.inReplyTo, ...toArray(parsed?.references)].filter(
            (id): id is string => !!id && MESSAGE_ID.test(id),
          ),
        },
        attachments: attachments.map((a) => ({ ...a, id: ids.get(a.position)! })),
      });
      return { outcome: "filed", inboundMessageId: row.id, requestId: routing.requestId, classification: classified.classification };
    });
  } catch (error) {
    await removeMailFiles(placed);
    throw error;
  }
  await removeMailFiles(outcome.outcome === "duplicate" ? placed : redundant);
  return outcome;
}

/** `text` without what Postgres cannot store, counting the removals in `count`. */
function scrubText(count: { removed: number }, text: string): string {
  const { text: cleaned, removed } = withoutUnstorable(text);
  count.removed += removed;
  return cleaned;
}

/** Replaces, in place, every string of a parsed message (headers, addresses, text, file names) with its storable form. */
function scrubStrings(value: unknown, count: { removed: number }, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(count, value);
  if (!value || typeof value !== "object" || Buffer.isBuffer(value) || value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) {
    for (const [key, item] of value) value.set(key, scrubStrings(item, count, seen));
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = scrubStrings(value[i], count, seen);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === "function") continue;
    const cleaned = scrubStrings(item, count, seen);
    if (cleaned !== item) record[key] = cleaned;
  }
  return value;
}

function senderText(address: string | null, name: string | null): string {
  if (!address) return "an unknown sender";
  return name ? `${name} <${address}>` : address;
}

/** An attachment whose bytes are stored and judged, ready to become a request file. */
interface PreparedAttachment {
  position: number;
  filename: string;
  contentType: string;
  storageName: string;
  sizeBytes: number;
  sha256: string;
  kind: FileKind;
  mediaType: string;
}

/** A message as it goes on its request: what it says and what it was classified as. */
interface FilingMessage {
  id: string;
  from: string;
  subject: string;
  textBody: string;
  receivedAt: Date;
  classification: MailClassification;
  classificationReason: string | null;
  bouncedAddress: string | null;
  bounceReason: string | null;
  bounceStatus: string | null;
  /** Message-IDs the message names (a bounce's returned letter, In-Reply-To, References): to find the letter that bounced. */
  letterMessageIds: string[];
}

/**
 * Puts a message on its request, in the caller's transaction, as what it was classified as:
 * - a reply: an incoming email communication (the agency's response), its attachments recorded as the
 *   request's received files (deduplicated by checksum, like uploads, and attached to that communication);
 * - an automatic reply or a bounce: only the timeline entry. Neither is the agency's response: no
 *   communication, no received files (a bounce's attachments are our own letter), no status or clock change.
 *   A bounce also marks the address as bouncing on the agency (a contact_bounces row).
 * Then the email_received event and the request's updated_at. Returns the stored copies that turned out to
 * duplicate files already received, for the caller to remove once committed.
 */
async function fileOnRequest(
  tx: Executor,
  input: {
    organizationId: string;
    requestId: string;
    actorId: string | null;
    message: FilingMessage;
    attachments: Array<PreparedAttachment & { id: string }>;
  },
): Promise<string[]> {
  const ordered = [...input.attachments].sort((a, b) => a.position - b.position);
  const { message } = input;
  let recorded: { communicationId: string | null; files: Array<{ fileId: string; duplicate: boolean } | null>; redundant: string[] } = {
    communicationId: null,
    files: ordered.map(() => null),
    redundant: [],
  };
  let bounce: { address: string | null } = { address: null };
  if (message.classification === "reply") {
    recorded = await recordAsResponse(tx, input.organizationId, input.requestId, input.actorId, message, ordered);
  } else if (message.classification === "bounce") {
    bounce = await recordBounce(tx, input.organizationId, input.requestId, message);
  }

  await tx.insert(requestEvents).values({
    organizationId: input.organizationId,
    requestId: input.requestId,
    kind: "email_received",
    actorId: input.actorId,
    data: {
      inboundMessageId: message.id,
      ...(recorded.communicationId ? { communicationId: recorded.communicationId } : {}),
      from: message.from,
      subject: message.subject,
      excerpt: excerptOf(message.textBody),
      classification: message.classification,
      ...(message.classificationReason ? { classificationReason: message.classificationReason } : {}),
      ...(message.classification === "bounce"
        ? { bouncedAddress: bounce.address, bounceReason: message.bounceReason ?? "the receiving mail server refused it", bounceStatus: message.bounceStatus }
        : {}),
      attachments: ordered.map((a, i) => ({
        id: a.id,
        filename: a.filename,
        size: a.sizeBytes,
        ...(recorded.files[i] ? { fileId: recorded.files[i]!.fileId } : {}),
        ...(recorded.files[i]?.duplicate ? { duplicate: true } : {}),
      })),
    },
  });
  await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, input.requestId));
  return recorded.redundant;
}

/** The agency's response: an incoming email communication, with the attachments as received files. */
async function recordAsResponse(
  tx: Executor,
  organizationId: string,
  requestId: string,
  actorId: string | null,
  message: Pick<FilingMessage, "id" | "from" | "subject" | "receivedAt">,
  ordered: Array<PreparedAttachment & { id: string }>,
) {
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId));
  const subject = message.subject.trim() || "(no subject)";
  const [communication] = await tx
    .insert(communications)
    .values({
      organizationId,
      requestId,
      direction: "incoming",
      channel: "email",
      occurredOn: todayIn(org!.timeZone, message.receivedAt),
      summary: `Email from ${message.from}: ${subject}`.slice(0, 1000),
      createdById: actorId,
    })
    .returning({ id: communications.id });
  await tx.update(inboundMessages).set({ communicationId: communication!.id }).where(eq(inboundMessages.id, message.id));

  const files = await recordReceivedFiles(
    tx,
    { organizationId, requestId, communicationId: communication!.id, uploadedById: actorId },
    ordered.map((a) => ({ originalName: a.filename, storageName: a.storageName, sizeBytes: a.sizeBytes, sha256: a.sha256, mediaType: a.mediaType, kind: a.kind })),
  );
  const redundant: string[] = [];
  for (const [i, attachment] of ordered.entries()) {
    const file = files[i]!;
    if (file.storageName !== attachment.storageName) redundant.push(attachment.storageName);
    await tx
      .update(inboundAttachments)
      .set({ requestFileId: file.fileId, storageKey: file.storageName })
      .where(eq(inboundAttachments.id, attachment.id));
  }
  return { communicationId: communication!.id, files: files.map((f) => ({ fileId: f.fileId, duplicate: f.duplicate })), redundant };
}

/**
 * Marks the bounced address on the request's agency (or vendor): the letter that bounced is the one the bounce
 * names, else the request's latest letter to that address, else its latest letter; the address is the one the
 * bounce names, else that letter's recipient. Without either there is nothing to mark.
 */
async function recordBounce(
  tx: Executor,
  organizationId: string,
  requestId: string,
  message: Pick<FilingMessage, "id" | "bouncedAddress" | "bounceReason" | "bounceStatus" | "letterMessageIds">,
): Promise<{ address: string | null }> {
  const letters = await tx
    .select({ id: outboxMessages.id, messageId: outboxMessages.messageId, toAddress: outboxMessages.toAddress })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.requestId, requestId), inArray(outboxMessages.kind, [...LETTER_KINDS])))
    .orderBy(desc(outboxMessages.createdAt));
  const named = letters.find((l) => message.letterMessageIds.includes(l.messageId));
  const given = message.bouncedAddress?.toLowerCase() ?? null;
  const letter = named ?? (given ? letters.find((l) => l.toAddress.toLowerCase() === given) : undefined) ?? letters[0];
  const address = given ?? letter?.toAddress.toLowerCase() ?? null;
  if (!address) return { address: null };
  const [target] = await tx.select({ agencyId: requests.agencyId, vendorId: requests.vendorId }).from(requests).where(eq(requests.id, requestId));
  await tx
    .insert(contactBounces)
    .values({
      organizationId,
      requestId,
      agencyId: target?.agencyId ?? null,
      vendorId: target?.vendorId ?? null,
      inboundMessageId: message.id,
      outboxMessageId: letter && letter.toAddress.toLowerCase() === address ? letter.id : null,
      address,
      reason: message.bounceReason ?? "the receiving mail server refused it",
      status: message.bounceStatus,
    })
    .onConflictDoUpdate({
      target: contactBounces.inboundMessageId,
      set: { address, reason: message.bounceReason ?? "the receiving mail server refused it", resolution: null, resolvedAt: null, resolvedById: null },
    });
  await tx.update(inboundMessages).set({ bouncedAddress: address }).where(eq(inboundMessages.id, message.id));
  return { address };
}

// ---------------------------------------------------------------------------------------------------------
// Review queue

/**
 * A stored message's attachments, judged from their bytes (before a transaction, as at receipt) so they can
 * become received files; attachments kept under the old mail directory are copied into the received-files
 * storage first (their new names are added to `placed`, for the caller to remove if it does not commit).
 */
async function prepareStoredAttachments(
  db: Executor,
  inboundId: string,
  placed: string[],
  options: { asFiles: boolean },
): Promise<Array<PreparedAttachment & { id: string }>> {
  const rows = await db
    .select()
    .from(inboundAttachments)
    .where(eq(inboundAttachments.inboundMessageId, inboundId))
    .orderBy(asc(inboundAttachments.position));
  const attachments: Array<PreparedAttachment & { id: string }> = [];
  for (const a of rows) {
    const common = { id: a.id, position: a.position, filename: a.filename, contentType: a.contentType };
    if (!options.asFiles) {
      // Only listed on the timeline (an automatic reply's or a bounce's): nothing to judge or copy.
      attachments.push({ ...common, storageName: a.storageKey, sizeBytes: a.size, sha256: a.sha256, kind: "other", mediaType: a.contentType });
    } else if (isLegacyMailKey(a.storageKey)) {
      const stored = await storeMailAttachment(await readLegacyMailFile(a.storageKey), a.filename);
      placed.push(stored.storageName);
      attachments.push({ ...common, ...stored });
    } else {
      const type = await inspectStoredAttachment(a.storageKey, a.filename, a.size);
      attachments.push({ ...common, storageName: a.storageKey, sizeBytes: a.size, sha256: a.sha256, ...type });
    }
  }
  return attachments;
}

function filingMessageOf(message: typeof inboundMessages.$inferSelect): FilingMessage {
  return {
    id: message.id,
    from: senderText(message.fromAddress, message.fromName),
    subject: message.subject,
    textBody: message.textBody,
    receivedAt: message.receivedAt,
    classification: message.classification,
    classificationReason: message.classificationReason,
    bouncedAddress: message.bouncedAddress,
    bounceReason: message.bounceReason,
    bounceStatus: message.bounceStatus,
    letterMessageIds: [message.inReplyTo, ...message.references].filter((id): id is string => !!id),
  };
}

/**
 * Files a message held for review on one of the viewer's requests (by its number): on its timeline, and its
 * attachments recorded as the request's received files at that moment.
 */
export async function fileFromReview(
  viewer: Viewer,
  inboundId: string,
  requestNumber: number,
  db: Executor = defaultDb,
): Promise<Result<{ requestId: string }> | null> {
  if (!isUuid(inboundId)) return null;
  const [held] = await db
    .select({ id: inboundMessages.id, status: inboundMessages.status, classification: inboundMessages.classification })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.id, inboundId), visibleInboundMessages(viewer)))
    .limit(1);
  if (!held) return null;
  if (held.status !== "review") return fail("requestNumber", "This message has already been dealt with.");

  const placed: string[] = [];
  let redundant: string[] = [];
  let result: Result<{ requestId: string }> | null;
  try {
    const attachments = await prepareStoredAttachments(db, held.id, placed, { asFiles: held.classification === "reply" });
    result = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(inboundMessages)
        .where(and(eq(inboundMessages.id, inboundId), visibleInboundMessages(viewer)))
        .for("update")
        .limit(1);
      if (!message) return null;
      if (message.status !== "review") return fail("requestNumber", "This message has already been dealt with.");
      if (message.classification !== held.classification) return fail("requestNumber", "This message was reclassified meanwhile: try again.");
      const [request] = await tx
        .select({ id: requests.id })
        .from(requests)
        // Numbers are per organization: only the viewer's own requests, even when others' are visible.
        .where(and(eq(requests.number, requestNumber), ownRequests(viewer)))
        .limit(1);
      if (!request) return fail("requestNumber", `Your organization has no request #${requestNumber}.`);
      await tx
        .update(inboundMessages)
        .set({ organizationId: viewer.organizationId, requestId: request.id, status: "filed", reviewedById: viewer.id, reviewedAt: new Date() })
        .where(eq(inboundMessages.id, message.id));
      redundant = await fileOnRequest(tx, {
        organizationId: viewer.organizationId,
        requestId: request.id,
        actorId: viewer.id,
        message: filingMessageOf(message),
        attachments,
      });
      return ok({ requestId: request.id });
    });
  } catch (error) {
    await removeMailFiles(placed);
    throw error;
  }
  if (result?.ok) await removeMailFiles(redundant);
  else await removeMailFiles(placed);
  return result;
}

/**
 * A person's judgement of what a message is, replacing the automatic one. On a filed message the request
 * follows: a reply becomes the agency's response (an incoming communication, its attachments received files);
 * a message that is no longer a reply stops being one (its communication is removed; files already recorded
 * stay); a bounce marks its address as bouncing, and a former bounce's mark is lifted. The change is a
 * timeline entry. Null when the message isn't the viewer's organization's to change.
 */
export async function reclassifyMessage(
  viewer: Viewer,
  inboundId: string,
  input: { classification: MailClassification; bouncedAddress?: string | null },
  db: Executor = defaultDb,
): Promise<Result<{ requestId: string | null; from: MailClassification }> | null> {
  if (!isUuid(inboundId)) return null;
  const [current] = await db
    .select({ id: inboundMessages.id, status: inboundMessages.status, classification: inboundMessages.classification, organizationId: inboundMessages.organizationId })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.id, inboundId), visibleInboundMessages(viewer)))
    .limit(1);
  if (!current || (current.organizationId !== null && current.organizationId !== viewer.organizationId)) return null;
  const to = input.classification;
  if (current.classification === to) return fail("classification", `It is already classified as ${CLASSIFICATION_LABELS[to].toLowerCase()}.`);

  const placed: string[] = [];
  let redundant: string[] = [];
  let result: Result<{ requestId: string | null; from: MailClassification }> | null;
  try {
    const attachments = current.status === "filed" ? await prepareStoredAttachments(db, current.id, placed, { asFiles: to === "reply" }) : [];
    result = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(inboundMessages)
        .where(and(eq(inboundMessages.id, inboundId), visibleInboundMessages(viewer)))
        .for("update")
        .limit(1);
      if (!message) return null;
      if (message.classification !== current.classification) return fail("classification", "This message was reclassified meanwhile: reload the page.");
      const from = message.classification;
      const address = to === "bounce" ? (input.bouncedAddress?.trim().toLowerCase() || message.bouncedAddress) : message.bouncedAddress;
      await tx
        .update(inboundMessages)
        .set({
          classification: to,
          classifiedById: viewer.id,
          classifiedAt: new Date(),
          classificationReason: `Reclassified by ${viewer.name}`,
          bouncedAddress: address,
          // A reference is proposed from replies only.
          ...(to !== "reply" ? { trackingNumberFound: null } : {}),
        })
        .where(eq(inboundMessages.id, message.id));

      if (message.status !== "filed" || !message.requestId) return ok({ requestId: null, from });
      const [request] = await tx
        .select({ id: requests.id })
        .from(requests)
        .where(and(eq(requests.id, message.requestId), ownRequests(viewer)))
        .for("update")
        .limit(1);
      if (!request) return null;
      if (from === "reply" && message.communicationId) {
        await tx.update(inboundMessages).set({ communicationId: null }).where(eq(inboundMessages.id, message.id));
        await tx.delete(communications).where(eq(communications.id, message.communicationId));
      }
      if (from === "bounce") {
        await tx
          .update(contactBounces)
          .set({ resolution: "reclassified", resolvedAt: new Date(), resolvedById: viewer.id })
          .where(and(eq(contactBounces.inboundMessageId, message.id), isNull(contactBounces.resolution)));
      }
      const filing = { ...filingMessageOf(message), bouncedAddress: address };
      let bounced: string | null = null;
      if (to === "reply") {
        redundant = (await recordAsResponse(tx, viewer.organizationId, request.id, viewer.id, filing, [...attachments].sort((a, b) => a.position - b.position))).redundant;
      } else if (to === "bounce") {
        bounced = (await recordBounce(tx, viewer.organizationId, request.id, filing)).address;
      }
      await tx.insert(requestEvents).values({
        organizationId: viewer.organizationId,
        requestId: request.id,
        kind: "email_reclassified",
        actorId: viewer.id,
        data: {
          inboundMessageId: message.id,
          from,
          to,
          sender: filing.from,
          subject: message.subject,
          ...(to === "bounce" ? { bouncedAddress: bounced, bounceReason: message.bounceReason ?? "the receiving mail server refused it" } : {}),
        },
      });
      await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, request.id));
      return ok({ requestId: request.id, from });
    });
  } catch (error) {
    await removeMailFiles(placed);
    throw error;
  }
  if (result?.ok) await removeMailFiles(redundant);
  else await removeMailFiles(placed);
  return result;
}

/** Sets a message aside for good; it stays stored (and still counts as seen for duplicates). */
export async function discardFromReview(viewer: Viewer, inboundId: string, db: Executor = defaultDb): Promise<boolean> {
  if (!isUuid(inboundId)) return false;
  const updated = await db
    .update(inboundMessages)
    .set({ status: "discarded", organizationId: viewer.organizationId, reviewedById: viewer.id, reviewedAt: new Date() })
    .where(and(eq(inboundMessages.id, inboundId), eq(inboundMessages.status, "review"), visibleInboundMessages(viewer)))
    .returning({ id: inboundMessages.id });
  return updated.length > 0;
}

export async function reviewCount(viewer: Viewer, db: Executor = defaultDb): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.status, "review"), visibleInboundMessages(viewer)));
  return row?.n ?? 0;
}

export async function listInbound(
  viewer: Viewer,
  options: { status: InboundStatus; page: number; pageSize?: number },
  db: Executor = defaultDb,
) {
  const pageSize = options.pageSize ?? 25;
  const where = and(eq(inboundMessages.status, options.status), visibleInboundMessages(viewer));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: inboundMessages.id,
        channel: inboundMessages.channel,
        fromAddress: inboundMessages.fromAddress,
        fromName: inboundMessages.fromName,
        subject: inboundMessages.subject,
        receivedAt: inboundMessages.receivedAt,
        reviewReason: inboundMessages.reviewReason,
        recipient: inboundMessages.recipient,
        requestId: inboundMessages.requestId,
        suggestedRequestId: inboundMessages.suggestedRequestId,
        requestNumber: requests.number,
        requestTitle: requests.title,
        classification: inboundMessages.classification,
        bouncedAddress: inboundMessages.bouncedAddress,
      })
      .from(inboundMessages)
      .leftJoin(requests, eq(requests.id, inboundMessages.requestId))
      .where(where)
      .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
      .limit(pageSize)
      .offset((options.page - 1) * pageSize),
    db.select({ total: count() }).from(inboundMessages).where(where),
  ]);
  // Suggestions are shown only when the viewer can see the suggested request.
  const suggestionIds = [...new Set(rows.map((r) => r.suggestedRequestId).filter((id): id is string => !!id))];
  const suggestions = suggestionIds.length
    ? await db
        .select({ id: requests.id, number: requests.number, title: requests.title })
        .from(requests)
        .where(and(inArray(requests.id, suggestionIds), ownRequests(viewer)))
    : [];
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  const total = totals?.total ?? 0;
  return {
    rows: rows.map(({ suggestedRequestId, ...row }) => ({ ...row, suggestion: suggestedRequestId ? (byId.get(suggestedRequestId) ?? null) : null })),
    total,
    page: options.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export async function getInboundMessage(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      message: inboundMessages,
      requestNumber: requests.number,
      requestOrganizationCode: sql<string | null>`(select ${organizations.shortCode} from ${organizations} where ${organizations.id} = ${requests.organizationId})`,
      requestTitle: requests.title,
      reviewedBy: users.name,
    })
    .from(inboundMessages)
    .leftJoin(requests, eq(requests.id, inboundMessages.requestId))
    .leftJoin(users, eq(users.id, inboundMessages.reviewedById))
    .where(and(eq(inboundMessages.id, id), visibleInboundMessages(viewer)))
    .limit(1);
  if (!row) return null;
  const attachments = await db
    .select({
      id: inboundAttachments.id,
      filename: inboundAttachments.filename,
      contentType: inboundAttachments.contentType,
      size: inboundAttachments.size,
      requestFileId: inboundAttachments.requestFileId,
    })
    .from(inboundAttachments)
    .where(eq(inboundAttachments.inboundMessageId, id))
    .orderBy(asc(inboundAttachments.position));
  return { ...row, attachments };
}

export async function getInboundAttachment(viewer: Viewer, attachmentId: string, db: Executor = defaultDb) {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db
    .select({ filename: inboundAttachments.filename, contentType: inboundAttachments.contentType, storageKey: inboundAttachments.storageKey, size: inboundAttachments.size })
    .from(inboundAttachments)
    .innerJoin(inboundMessages, eq(inboundMessages.id, inboundAttachments.inboundMessageId))
    .where(and(eq(inboundAttachments.id, attachmentId), visibleInboundMessages(viewer)))
    .limit(1);
  return row ?? null;
}

export async function getInboundRaw(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ rawKey: inboundMessages.rawKey, subject: inboundMessages.subject })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.id, id), visibleInboundMessages(viewer)))
    .limit(1);
  return row ?? null;
}
