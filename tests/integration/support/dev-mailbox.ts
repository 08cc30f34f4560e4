import { and, desc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { devMailbox, outboxMessages } from "../../../db/schema";
import type { MailKind } from "../../../db/schema/values";
import { devMailboxTransport } from "~/domain/mail/transport.server";
import { OutboxWorker } from "~/domain/mail/worker.server";
import { db } from "~/utils/db.server";

const quiet = { info: () => {}, warn: () => {}, error: console.error };

/** Sends the organization's queued mail to the development mailbox, as the app does with no SMTP_URL. */
export async function deliverToDevMailbox(organizationId: string) {
  const transport = devMailboxTransport(db);
  try {
    return await new OutboxWorker({ db, transport, organizationId, log: quiet }).drain();
  } finally {
    transport.close();
  }
}

/** The newest message of a kind delivered to the development mailbox for an address, parsed from its raw source. */
export async function lastDelivered(organizationId: string, kind: MailKind, to: string) {
  const [row] = await db
    .select({ raw: devMailbox.raw, outboxId: outboxMessages.id, recipientUserId: outboxMessages.recipientUserId })
    .from(devMailbox)
    .innerJoin(outboxMessages, eq(outboxMessages.id, devMailbox.outboxMessageId))
    .where(and(eq(devMailbox.organizationId, organizationId), eq(outboxMessages.kind, kind), eq(outboxMessages.toAddress, to)))
    .orderBy(desc(devMailbox.deliveredAt), desc(outboxMessages.createdAt))
    .limit(1);
  if (!row) return null;
  const parsed = await simpleParser(row.raw);
  return { ...row, text: parsed.text ?? "", html: typeof parsed.html === "string" ? parsed.html : "", subject: parsed.subject ?? "" };
}

/** The token of the first link to `/<path>/<token>` in a text. */
export function tokenIn(text: string, path: string): string | null {
  return new RegExp(`/${path}/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`).exec(text)?.[1] ?? null;
}
