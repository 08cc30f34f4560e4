import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { devMailbox, inboundMessages, organizations, outboxMessages, requests } from "../../../db/schema";
import { LETTER_KINDS, type MailKind, type OutboxStatus } from "../../../db/schema/values";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { visibleDevMailbox, visibleOutboxMessages } from "../access.server";
import { fail, ok, type Result } from "../results";
import { testMessage } from "../../../emails";
import { checkEmailAddress, headerValueProblem } from "./addresses";
import type { OutboxFilter } from "./labels";
import { mailConfig } from "./config.server";
import { hiddenBodyReason } from "./secret-links";

export interface NewOutboxMessage {
  organizationId: string;
  kind: MailKind;
  /** One logical message, one key: enqueuing the same key again changes nothing. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  requestId?: string | null;
  recipientUserId?: string | null;
  fromName?: string | null;
  replyTo?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  createdById?: string | null;
  maxAttempts?: number;
}

const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;
const MAX_SUBJECT = 250;

/** The first problem with a message's header values, as a field error; null when every header is safe. */
function headerProblems(message: NewOutboxMessage): { field: string; message: string } | null {
  const subject = message.subject.trim();
  if (!subject) return { field: "subject", message: "Subject is required" };
  if (subject.length > MAX_SUBJECT) return { field: "subject", message: `Subject must be at most ${MAX_SUBJECT} characters` };
  const checks: Array<[string, string, string | null | undefined]> = [
    ["subject", "Subject", message.subject],
    ["fromName", "The sender's name", message.fromName],
    ["replyTo", "Reply-To", message.replyTo],
    ["inReplyTo", "In-Reply-To", message.inReplyTo],
    ...(message.references ?? []).map((r): [string, string, string] => ["references", "References", r]),
  ];
  for (const [field, label, value] of checks) {
    const problem = value ? headerValueProblem(value, label) : null;
    if (problem) return { field, message: problem };
  }
  for (const id of [message.inReplyTo, ...(message.references ?? [])]) {
    if (id && !MESSAGE_ID.test(id)) return { field: "references", message: `${JSON.stringify(id)} is not a Message-ID` };
  }
  return null;
}

export function newMessageId(domain = mailConfig().domain): string {
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Puts a message in the outbox (call it inside the transaction that decides to send it). Header values are
 * checked strictly first. When the key is already there, nothing is written and `created` is false.
 */
export async function enqueueMail(
  db: Executor,
  message: NewOutboxMessage,
): Promise<Result<{ id: string; messageId: string; created: boolean }>> {
  const to = checkEmailAddress(message.to, "To");
  if (!to.ok) return fail("to", to.message);
  const problem = headerProblems(message);
  if (problem) return fail(problem.field, problem.message);
  const config = mailConfig();
  const [inserted] = await db
    .insert(outboxMessages)
    .values({
      organizationId: message.organizationId,
      requestId: message.requestId ?? null,
      recipientUserId: message.recipientUserId ?? null,
      kind: message.kind,
      idempotencyKey: message.idempotencyKey,
      messageId: newMessageId(config.domain),
      fromName: message.fromName ?? config.from.name,
      fromAddress: config.from.address,
      toAddress: to.address,
      replyTo: message.replyTo ?? null,
      subject: message.subject.trim(),
      textBody: message.text,
      htmlBody: message.html,
      inReplyTo: message.inReplyTo ?? null,
      references: message.references ?? [],
      createdById: message.createdById ?? null,
      ...(message.maxAttempts ? { maxAttempts: message.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning({ id: outboxMessages.id, messageId: outboxMessages.messageId });
  if (inserted) return ok({ ...inserted, created: true });
  const [existing] = await db
    .select({ id: outboxMessages.id, messageId: outboxMessages.messageId })
    .from(outboxMessages)
    .where(eq(outboxMessages.idempotencyKey, message.idempotencyKey));
  return ok({ ...existing!, created: false });
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Wakes this process's worker after a commit that queued mail (other instances find it when they poll). */
export function notifyOutbox(): void {
  for (const listener of listeners) listener();
}

export function onOutboxEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const MAX_REFERENCES = 20;

/**
 * Threading for the next message on a request: In-Reply-To the latest message of the conversation (ours or
 * the agency's) and References to the conversation, first message kept when the list is trimmed (RFC 5322).
 */
export async function threadHeaders(db: Executor, requestId: string): Promise<{ inReplyTo: string | null; references: string[] }> {
  const outgoing = db
    .select({ messageId: outboxMessages.messageId, at: outboxMessages.createdAt })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.requestId, requestId), inArray(outboxMessages.kind, [...LETTER_KINDS]), ne(outboxMessages.status, "failed")));
  const incoming = db
    .select({ messageId: inboundMessages.messageId, at: inboundMessages.receivedAt })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.requestId, requestId), eq(inboundMessages.status, "filed")));
  const rows = await outgoing.unionAll(incoming).orderBy(sql`2`);
  const ids = rows.map((r) => r.messageId).filter((id) => MESSAGE_ID.test(id));
  if (ids.length === 0) return { inReplyTo: null, references: [] };
  const references = ids.length > MAX_REFERENCES ? [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
  return { inReplyTo: ids[ids.length - 1]!, references };
}

// ---------------------------------------------------------------------------------------------------------
// Pages


function filterCondition(filter: OutboxFilter): SQL | undefined {
  if (filter === "queued") return inArray(outboxMessages.status, ["queued", "sending"]);
  if (filter === "failed") return eq(outboxMessages.status, "failed");
  if (filter === "sent") return eq(outboxMessages.status, "sent");
  return undefined;
}

export async function listOutbox(
  viewer: Viewer,
  options: { filter: OutboxFilter; page: number; pageSize?: number },
  db: Executor = defaultDb,
) {
  const pageSize = options.pageSize ?? 25;
  const where = and(visibleOutboxMessages(viewer), filterCondition(options.filter));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: outboxMessages.id,
        kind: outboxMessages.kind,
        status: outboxMessages.status,
        toAddress: outboxMessages.toAddress,
        subject: outboxMessages.subject,
        attempts: outboxMessages.attempts,
        lastError: outboxMessages.lastError,
        nextAttemptAt: outboxMessages.nextAttemptAt,
        sentAt: outboxMessages.sentAt,
        createdAt: outboxMessages.createdAt,
        transport: outboxMessages.transport,
        requestId: outboxMessages.requestId,
        requestNumber: requests.number,
      })
      .from(outboxMessages)
      .leftJoin(requests, eq(requests.id, outboxMessages.requestId))
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(pageSize)
      .offset((options.page - 1) * pageSize),
    db.select({ total: count() }).from(outboxMessages).where(where),
  ]);
  const total = totals?.total ?? 0;
  return { rows, total, page: options.page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function outboxCounts(viewer: Viewer, db: Executor = defaultDb): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .where(visibleOutboxMessages(viewer))
    .groupBy(outboxMessages.status);
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/**
 * One message of the organization with its development-mailbox source. A body the viewer may not read (see
 * secret-links.ts) is blanked here, so it never reaches the page: `hiddenBody` then says why.
 */
export async function getOutboxMessage(
  viewer: Viewer,
  id: string,
  db: Executor = defaultDb,
  mailbox: { smtpConfigured: boolean } = { smtpConfigured: Boolean(mailConfig().smtpUrl) },
) {
  const [row] = await db
    .select({
      message: outboxMessages,
      requestNumber: requests.number,
      requestOrganizationCode: sql<string | null>`(select ${organizations.shortCode} from ${organizations} where ${organizations.id} = ${requests.organizationId})`,
      requestTitle: requests.title,
    })
    .from(outboxMessages)
    .leftJoin(requests, eq(requests.id, outboxMessages.requestId))
    .where(and(eq(outboxMessages.id, id), visibleOutboxMessages(viewer)))
    .limit(1);
  if (!row) return null;
  const [delivered] = await db
    .select({ raw: devMailbox.raw, deliveredAt: devMailbox.deliveredAt, envelopeTo: devMailbox.envelopeTo })
    .from(devMailbox)
    .where(and(eq(devMailbox.outboxMessageId, id), visibleDevMailbox(viewer)))
    .limit(1);
  const hiddenBody = hiddenBodyReason(viewer, row.message, mailbox.smtpConfigured);
  if (hiddenBody) {
    return {
      ...row,
      message: { ...row.message, textBody: "", htmlBody: "" },
      devMailbox: delivered ? { ...delivered, raw: "" } : null,
      hiddenBody,
    };
  }
  return { ...row, devMailbox: delivered ?? null, hiddenBody: null };
}

/** Sends a failed message again now, with a fresh set of attempts; false when it isn't failed or visible. */
export async function retryOutboxMessage(viewer: Viewer, id: string, db: Executor = defaultDb): Promise<boolean> {
  const updated = await db
    .update(outboxMessages)
    .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, failedAt: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "failed"), visibleOutboxMessages(viewer)))
    .returning({ id: outboxMessages.id });
  if (updated.length > 0) notifyOutbox();
  return updated.length > 0;
}

/** Letters queued or sent on one request, newest first (for the letters page). */
export async function lettersOf(viewer: Viewer, requestId: string, db: Executor = defaultDb) {
  return db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      status: outboxMessages.status,
      subject: outboxMessages.subject,
      toAddress: outboxMessages.toAddress,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
      lastError: outboxMessages.lastError,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.requestId, requestId), visibleOutboxMessages(viewer)))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(50);
}

/** Queues a test message to the viewer's own address, to check that mail leaves the app. */
export async function sendTestMessage(viewer: Viewer, db: Executor = defaultDb): Promise<Result<{ id: string }>> {
  const config = mailConfig();
  const rendered = testMessage({
    organizationName: viewer.organizationName,
    sentBy: viewer.name,
    transport: config.smtpUrl ? "the SMTP server" : "the development mailbox",
    appUrl: `${config.appUrl}/outbox`,
  });
  const queued = await enqueueMail(db, {
    organizationId: viewer.organizationId,
    kind: "test",
    idempotencyKey: `test:${randomUUID()}`,
    to: viewer.email,
    ...rendered,
    createdById: viewer.id,
  });
  if (!queued.ok) return fail("to", `Your account's email can't receive mail: ${Object.values(queued.fieldErrors)[0]?.[0] ?? ""}`);
  notifyOutbox();
  return ok({ id: queued.value.id });
}
