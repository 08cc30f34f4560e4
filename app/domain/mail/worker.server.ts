import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { organizations, outboxMessages, requestEvents, requests, users } from "../../../db/schema";
import { LETTER_KINDS, type MailKind } from "../../../db/schema/values";
import type { Database, Transaction } from "../../utils/db.server";
import { todayIn } from "../../utils/dates";
import { viewerColumns, type Viewer } from "../accounts.server";
import { changeStatus } from "../requests.server";
import { PollingLoop } from "../../utils/polling-loop.server";
import { onOutboxEnqueued } from "./outbox.server";
import { describeSendError, isPermanentFailure, type MailTransport, type OutboxRow } from "./transport.server";

type Logger = Pick<Console, "info" | "warn" | "error">;

/** Letters are correspondence with the agency and go on the request's timeline; alerts about a request don't. */
const onTimeline = (message: OutboxRow): message is OutboxRow & { requestId: string } =>
  message.requestId !== null && (LETTER_KINDS as readonly MailKind[]).includes(message.kind);

export interface WorkerOptions {
  db: Database;
  transport: MailTransport;
  /** Messages claimed per round (default 50). */
  batchSize?: number;
  /** Messages sent at once (default 10). */
  concurrency?: number;
  /** Pause between rounds when there is nothing to send (default 2 s). */
  pollIntervalMs?: number;
  /**
   * How long a claim holds before another worker may take the message over (default 45 s). The worker renews
   * the lease of what it still holds every third of it, so only a dead worker's claims run out.
   */
  leaseMs?: number;
  /** First retry delay, doubled at each attempt up to `retryMaxMs` (defaults 30 s and 1 h). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Only this organization's messages: lets tests share one database without sending each other's mail. */
  organizationId?: string;
  log?: Logger;
}

/** A dead worker's claims are taken over within this (plus a poll interval): well inside a minute. */
export const DEFAULT_LEASE_MS = 45_000;

/** Extends the lease of the messages a claim (its token) still holds; returns how many. */
export async function renewLease(db: Database, token: string, leaseMs: number): Promise<number> {
  const rows = await db
    .update(outboxMessages)
    .set({ lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(and(eq(outboxMessages.leaseToken, token), eq(outboxMessages.status, "sending")))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** Delay before attempt n+1 after n failed attempts: exponential, capped, with up to 20% jitter downwards. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.2 * random()));
}

/**
 * Claims up to `limit` due messages in one short transaction: `FOR UPDATE SKIP LOCKED` so concurrent workers
 * never pick the same row, then a lease (status 'sending', locked_until, a token) so no other worker takes it
 * while it is being sent. A lease that expires (the worker died) makes the message claimable again.
 */
export async function claimMessages(db: Database, limit: number, leaseMs: number, organizationId?: string): Promise<OutboxRow[]> {
  const token = randomUUID();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        and(
          or(
            and(eq(outboxMessages.status, "queued"), lte(outboxMessages.nextAttemptAt, sql`now()`)),
            and(eq(outboxMessages.status, "sending"), lt(outboxMessages.lockedUntil, sql`now()`)),
          ),
          organizationId ? eq(outboxMessages.organizationId, organizationId) : undefined,
        ),
      )
      .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({
        status: "sending",
        attempts: sql`${outboxMessages.attempts} + 1`,
        leaseToken: token,
        lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      })
      .where(inArray(outboxMessages.id, due.map((d) => d.id)))
      .returning();
  });
}

async function viewerFor(tx: Transaction, userId: string): Promise<Viewer | null> {
  const [row] = await tx
    .select(viewerColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Sending the request letter files a draft request: Submitted, filed today, by the person who sent it. */
async function fileDraftRequest(tx: Transaction, message: OutboxRow): Promise<void> {
  if (!message.requestId || !message.createdById) return;
  const [request] = await tx.select({ status: requests.status }).from(requests).where(eq(requests.id, message.requestId));
  if (request?.status !== "draft") return;
  const viewer = await viewerFor(tx, message.createdById);
  if (!viewer) return;
  await changeStatus(viewer, message.requestId, { status: "submitted", note: "Request letter sent by email." }, todayIn(viewer.timeZone), tx);
}

/**
 * Marks a message sent the moment the SMTP server has accepted it, in one statement, so a crash can duplicate
 * a letter only during the SMTP exchange itself. A letter's timeline entry (and filing its draft request)
 * follows in its own transaction; if the process dies in between, repairSentLetters writes it later.
 */
async function recordSent(db: Database, message: OutboxRow, transport: MailTransport["name"], response: string, log: Logger): Promise<boolean> {
  const [row] = await db
    .update(outboxMessages)
    .set({ status: "sent", sentAt: sql`now()`, lockedUntil: null, leaseToken: null, lastError: null, transport, serverResponse: response.slice(0, 500) })
    .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.leaseToken, message.leaseToken!)))
    .returning({ id: outboxMessages.id });
  if (!row) return false;
  if (onTimeline(message)) {
    // Sent is sent: a failure here leaves the entry to repairSentLetters at the next start.
    await recordSentLetter(db, { ...message, transport }).catch((error: unknown) => log.error(`mail: ${message.id} was sent; its timeline entry waits for the next start:`, error));
  }
  return true;
}

/** The email_sent entry of a sent letter (once), the request's updated_at, and filing its draft request. */
async function recordSentLetter(db: Database, message: OutboxRow & { requestId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    // The request's row lock orders two repairs (or a repair and the worker) of the same letter.
    await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, message.requestId)).for("update");
    const [existing] = await tx
      .select({ id: requestEvents.id })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, message.requestId), eq(requestEvents.kind, "email_sent"), sql`${requestEvents.data}->>'outboxMessageId' = ${message.id}`))
      .limit(1);
    if (existing) return;
    await tx.insert(requestEvents).values({
      organizationId: message.organizationId,
      requestId: message.requestId,
      kind: "email_sent",
      actorId: message.createdById,
      data: { outboxMessageId: message.id, to: message.toAddress, subject: message.subject, messageId: message.messageId, transport: message.transport },
    });
    await tx.update(requests).set({ updatedAt: new Date() }).where(eq(requests.id, message.requestId));
    if (message.kind === "request_letter") await fileDraftRequest(tx, message);
  });
}

/**
 * Writes the timeline entries of letters marked sent whose entry was never written (the process died between
 * the two steps), for the last week. Run when a worker starts.
 */
export async function repairSentLetters(db: Database, organizationId?: string): Promise<number> {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, "sent"),
        inArray(outboxMessages.kind, [...LETTER_KINDS]),
        sql`${outboxMessages.requestId} is not null`,
        sql`${outboxMessages.sentAt} > now() - interval '7 days'`,
        sql`not exists (select 1 from ${requestEvents} e where e.request_id = ${outboxMessages.requestId} and e.kind = 'email_sent' and e.data->>'outboxMessageId' = ${outboxMessages.id}::text)`,
        organizationId ? eq(outboxMessages.organizationId, organizationId) : undefined,
      ),
    );
  for (const row of rows) if (onTimeline(row)) await recordSentLetter(db, row);
  return rows.length;
}

async function recordFailure(
  db: Database,
  message: OutboxRow,
  error: unknown,
  options: { retryBaseMs: number; retryMaxMs: number },
): Promise<"retry" | "failed" | "lost"> {
  const text = describeSendError(error);
  const final = isPermanentFailure(error) || message.attempts >= message.maxAttempts;
  return db.transaction(async (tx) => {
    const lease = and(eq(outboxMessages.id, message.id), eq(outboxMessages.leaseToken, message.leaseToken!));
    if (!final) {
      const delay = retryDelayMs(message.attempts, options.retryBaseMs, options.retryMaxMs);
      const [row] = await tx
        .update(outboxMessages)
        .set({ status: "queued", lastError: text, lockedUntil: null, leaseToken: null, nextAttemptAt: sql`now() + ${delay} * interval '1 millisecond'` })
        .where(lease)
        .returning({ id: outboxMessages.id });
      return row ? "retry" : "lost";
    }
    const [row] = await tx
      .update(outboxMessages)
      .set({ status: "failed", lastError: text, lockedUntil: null, leaseToken: null, failedAt: sql`now()` })
      .where(lease)
      .returning({ id: outboxMessages.id });
    if (!row) return "lost";
    if (onTimeline(message)) {
      await tx.insert(requestEvents).values({
        organizationId: message.organizationId,
        requestId: message.requestId,
        kind: "email_failed",
        actorId: null,
        data: { outboxMessageId: message.id, to: message.toAddress, subject: message.subject, error: text, attempts: message.attempts },
      });
    }
    return "failed";
  });
}

export interface RoundSummary {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends the outbox. One per app process; any number of them may run against one database. */
export class OutboxWorker {
  private readonly options: Required<Omit<WorkerOptions, "db" | "transport" | "log" | "organizationId">>;
  private readonly log: Logger;
  private readonly loop: PollingLoop;

  constructor(private readonly config: WorkerOptions) {
    this.options = {
      batchSize: config.batchSize ?? 50,
      concurrency: config.concurrency ?? 10,
      pollIntervalMs: config.pollIntervalMs ?? 2_000,
      leaseMs: config.leaseMs ?? DEFAULT_LEASE_MS,
      retryBaseMs: config.retryBaseMs ?? 30_000,
      retryMaxMs: config.retryMaxMs ?? 60 * 60_000,
    };
    this.log = config.log ?? console;
    this.loop = new PollingLoop({
      description: "mail: the outbox worker",
      pollIntervalMs: this.options.pollIntervalMs,
      round: async () => (await this.runOnce()).claimed === this.options.batchSize,
      beforeFirstRound: async () => {
        try {
          const repaired = await repairSentLetters(this.config.db, this.config.organizationId);
          if (repaired) this.log.info(`mail: wrote the timeline entries of ${repaired} letter(s) sent before a crash`);
        } catch (error) {
          this.log.error("mail: repairing sent letters' timeline entries failed:", error);
        }
      },
      subscribe: onOutboxEnqueued,
      log: this.log,
    });
  }

  /** Claims one batch and sends it. */
  async runOnce(): Promise<RoundSummary> {
    const { db, transport } = this.config;
    const claimed = await claimMessages(db, this.options.batchSize, this.options.leaseMs, this.config.organizationId);
    const summary: RoundSummary = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
    if (claimed.length === 0) return summary;
    // Held while this worker lives: renewed every third of the lease until the round ends.
    const token = claimed[0]!.leaseToken!;
    const renewal = setInterval(() => {
      renewLease(db, token, this.options.leaseMs).catch((error: unknown) => this.log.warn("mail: renewing a lease failed:", error));
    }, Math.max(1, Math.floor(this.options.leaseMs / 3)));
    renewal.unref();
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const message = claimed[next++]!;
        let response: string;
        try {
          ({ response } = await transport.send(message));
        } catch (error) {
          const outcome = await recordFailure(db, message, error, this.options);
          if (outcome === "retry") summary.retrying++;
          else if (outcome === "failed") summary.failed++;
          if (outcome !== "lost") this.log.warn(`mail: ${message.id} to ${message.toAddress} not sent (${outcome}): ${describeSendError(error)}`);
          continue;
        }
        if (await recordSent(db, message, transport.name, response, this.log)) summary.sent++;
        else this.log.warn(`mail: ${message.id} was sent but its lease had passed to another worker`);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.options.concurrency, claimed.length) }, lane));
    } finally {
      clearInterval(renewal);
    }
    return summary;
  }

  /** Runs rounds until nothing is due (tests and the benchmark). */
  async drain(): Promise<RoundSummary> {
    await repairSentLetters(this.config.db, this.config.organizationId);
    const total: RoundSummary = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const round = await this.runOnce();
      if (round.claimed === 0) return total;
      total.claimed += round.claimed;
      total.sent += round.sent;
      total.retrying += round.retrying;
      total.failed += round.failed;
    }
  }

  start(): void {
    this.loop.start();
  }

  /** Stops after the round in flight: every message it claimed is sent and recorded first. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Ends the current pause at once, or skips the next one when called during a round. */
  wake(): void {
    this.loop.wake();
  }
}
