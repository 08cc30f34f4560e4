import nodemailer from "nodemailer";
import { devMailbox, type outboxMessages } from "../../../db/schema";
import { LETTER_KINDS } from "../../../db/schema/values";
import type { Database } from "../../utils/db.server";

export type OutboxRow = typeof outboxMessages.$inferSelect;

export interface MailTransport {
  readonly name: "smtp" | "dev_mailbox";
  /** Resolves with the server's answer once the message is accepted; rejects with the SMTP error otherwise. */
  send(message: OutboxRow): Promise<{ response: string }>;
  close(): void;
}

// Digests, alerts and test messages are machine-made: ask auto-responders (out-of-office) not to answer them.
const AUTOMATIC: ReadonlySet<string> = new Set(["digest", "overdue_alert", "test"]);

const LETTERS: ReadonlySet<string> = new Set(LETTER_KINDS);

/**
 * The stored message as nodemailer options; local file and URL access are off so no content can pull them in.
 * A letter's envelope sender (Return-Path) is its request's reply address, so a bounce comes back to the
 * request it is about, through the inbound listener, rather than to the shared sender address.
 */
export function nodemailerOptions(message: OutboxRow) {
  return {
    ...(LETTERS.has(message.kind) && message.replyTo ? { envelope: { from: message.replyTo, to: [message.toAddress] } } : {}),
    from: { name: message.fromName ?? "", address: message.fromAddress },
    to: message.toAddress,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    messageId: message.messageId,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.references.length ? { references: message.references } : {}),
    headers: AUTOMATIC.has(message.kind) ? { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" } : {},
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export interface SmtpOptions {
  /** Connections kept open to the server (default 5). */
  maxConnections?: number;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** Delivery through an SMTP server (SMTP_URL), over a small pool of reused connections. */
export function smtpTransport(url: string, options: SmtpOptions = {}): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 500,
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.connectionTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
  });
  return {
    name: "smtp",
    async send(message) {
      const info = await transporter.sendMail(nodemailerOptions(message));
      return { response: String(info.response ?? "") };
    },
    close: () => transporter.close(),
  };
}

/**
 * The development mailbox: the message is composed exactly as for SMTP and its raw source stored in the
 * database, where /outbox shows it. Used when no SMTP_URL is set, through the same outbox and worker.
 */
export function devMailboxTransport(db: Database): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "dev_mailbox",
    async send(message) {
      const info = await composer.sendMail(nodemailerOptions(message));
      await db
        .insert(devMailbox)
        .values({
          organizationId: message.organizationId,
          outboxMessageId: message.id,
          envelopeFrom: String(info.envelope.from || message.fromAddress),
          envelopeTo: info.envelope.to.map(String),
          raw: (info.message as Buffer).toString("utf8"),
        })
        .onConflictDoNothing({ target: devMailbox.outboxMessageId });
      return { response: "Delivered to the development mailbox" };
    },
    close: () => composer.close(),
  };
}

/** SMTP errors with a 5xx reply are permanent (the server refused the message); everything else may pass. */
export function isPermanentFailure(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { permanent, responseCode } = error as { permanent?: unknown; responseCode?: unknown };
  if (permanent === true) return true;
  return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
}

export function describeSendError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 1000) || "Unknown error";
}
