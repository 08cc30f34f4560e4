import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "../../../db/schema";
import type { Database } from "../../utils/db.server";
import { appUrl } from "../../utils/app-url.server";
import { webhookRetryDelayMs } from "./labels";
import { bareHost, guardedLookup, isPrivateAddress, privateTargetsAllowed, urlShapeProblem } from "./targets.server";
import { PollingLoop } from "../../utils/polling-loop.server";
import { onWebhookQueued } from "./signal.server";

// Delivers webhook_deliveries the way the outbox worker sends mail (mail/worker.server.ts): a batch is claimed
// in one short transaction (FOR UPDATE SKIP LOCKED, then a lease: status 'delivering', locked_until, a token),
// so any number of instances can run a worker against one database and each delivery is attempted by one of
// them at a time; a dead worker's lease runs out and the delivery is taken over. Results are recorded only
// under the lease that attempted them.

type Logger = Pick<Console, "info" | "warn" | "error">;

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const RESPONSE_KEPT_BYTES = 1024;
export const USER_AGENT = "JointAsk-Webhooks/1";

/** `JointAsk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export interface ClaimedDelivery {
  id: string;
  organizationId: string;
  endpointId: string;
  eventType: string;
  requestId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  leaseToken: string;
  url: string;
  secret: string;
}

/** The JSON body of a delivery: the same bytes at every attempt of it. */
export function deliveryBody(delivery: Pick<ClaimedDelivery, "id" | "eventType" | "occurredAt" | "payload" | "requestId">, baseUrl: string = appUrl()): string {
  const { request, ...rest } = delivery.payload as { request?: Record<string, unknown> } & Record<string, unknown>;
  return JSON.stringify({
    id: delivery.id,
    type: delivery.eventType,
    occurred_at: delivery.occurredAt.toISOString(),
    ...(request
      ? { request: { ...request, url: `${baseUrl}/api/v1/requests/${String(request.id)}`, web_url: `${baseUrl}/requests/${String(request.id)}` } }
      : {}),
    ...rest,
  });
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  response: string | null;
}

/** One POST of a delivery: 2xx is delivered; anything else (or no answer within 10 s) is a failed attempt. */
export function postDelivery(url: string, headers: Record<string, string>, body: string, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ ok: false, statusCode: null, error: "The endpoint's address is not a valid URL", response: null });
    }
    const shape = urlShapeProblem(target);
    if (shape) return resolve({ ok: false, statusCode: null, error: shape, response: null });
    const host = bareHost(target);
    if (isIP(host) && !privateTargetsAllowed() && isPrivateAddress(host)) {
      return resolve({ ok: false, statusCode: null, error: `${host} is a private or local address`, response: null });
    }
    let settled = false;
    const done = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": USER_AGENT },
        lookup: guardedLookup as never,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          const statusCode = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_KEPT_BYTES);
          const ok = statusCode >= 200 && statusCode < 300;
          done({ ok, statusCode, error: ok ? null : `The endpoint answered ${statusCode}${response.statusMessage ? ` ${response.statusMessage}` : ""}`, response: text || null });
          response.destroy();
        };
        response.on("data", (chunk: Buffer) => {
          if (kept >= RESPONSE_KEPT_BYTES) return;
          chunks.push(chunk.subarray(0, RESPONSE_KEPT_BYTES - kept));
          kept += Math.min(chunk.length, RESPONSE_KEPT_BYTES - kept);
          // Only the first 1 KB is kept: stop reading there.
          if (kept >= RESPONSE_KEPT_BYTES) finish();
        });
        response.on("end", finish);
        response.on("error", finish);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      done({ ok: false, statusCode: null, error: `No answer within ${timeoutMs / 1000} s`, response: null });
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) =>
      done({ ok: false, statusCode: null, error: error.code === "EPRIVATE" ? error.message : `Could not connect: ${error.code ?? error.message}`, response: null }),
    );
    request.end(body);
  });
}

export async function claimDeliveries(db: Database, limit: number, leaseMs: number, organizationId?: string): Promise<ClaimedDelivery[]> {
  const token = randomUUID();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          or(
            and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, sql`now()`)),
            and(eq(webhookDeliveries.status, "delivering"), lt(webhookDeliveries.lockedUntil, sql`now()`)),
          ),
          // A disabled endpoint's deliveries wait until it is enabled again (a test ping goes anyway).
          or(eq(webhookEndpoints.enabled, true), eq(webhookDeliveries.eventType, "ping")),
          organizationId ? eq(webhookDeliveries.organizationId, organizationId) : undefined,
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(limit)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(webhookDeliveries)
      .set({
        status: "delivering",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        leaseToken: token,
        lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        lastAttemptAt: sql`now()`,
      })
      .where(inArray(webhookDeliveries.id, due.map((d) => d.id)))
      .returning();
    const endpoints = await tx
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
      .from(webhookEndpoints)
      .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((c) => c.endpointId))]));
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    return claimed.map((c) => ({
      id: c.id,
      organizationId: c.organizationId,
      endpointId: c.endpointId,
      eventType: c.eventType,
      requestId: c.requestId,
      occurredAt: c.occurredAt,
      payload: c.payload,
      attempts: c.attempts,
      maxAttempts: c.maxAttempts,
      leaseToken: token,
      url: byId.get(c.endpointId)!.url,
      secret: byId.get(c.endpointId)!.secret,
    }));
  });
}

/** Records an attempt under the lease that made it: delivered, queued again after the backoff, or failed. */
async function recordAttempt(db: Database, delivery: ClaimedDelivery, result: AttemptResult): Promise<"delivered" | "retry" | "failed" | "lost"> {
  const lease = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.leaseToken, delivery.leaseToken));
  const common = { lockedUntil: null, leaseToken: null, lastStatusCode: result.statusCode, lastError: result.error, lastResponse: result.response };
  if (result.ok) {
    const rows = await db.update(webhookDeliveries).set({ ...common, status: "delivered", deliveredAt: sql`now()` }).where(lease).returning({ id: webhookDeliveries.id });
    return rows.length ? "delivered" : "lost";
  }
  const delay = webhookRetryDelayMs(delivery.attempts, delivery.maxAttempts);
  const rows =
    delay === null
      ? await db.update(webhookDeliveries).set({ ...common, status: "failed", failedAt: sql`now()` }).where(lease).returning({ id: webhookDeliveries.id })
      : await db
          .update(webhookDeliveries)
          .set({ ...common, status: "pending", nextAttemptAt: sql`now() + ${delay} * interval '1 millisecond'` })
          .where(lease)
          .returning({ id: webhookDeliveries.id });
  if (!rows.length) return "lost";
  return delay === null ? "failed" : "retry";
}

export interface WebhookWorkerOptions {
  db: Database;
  batchSize?: number;
  concurrency?: number;
  pollIntervalMs?: number;
  leaseMs?: number;
  timeoutMs?: number;
  /** Only this organization's deliveries (tests share one database). */
  organizationId?: string;
  /** The clock of the signature's timestamp (tests). */
  now?: () => Date;
  log?: Logger;
}

export interface WebhookRound {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** Delivers the webhook queue. One per app process; any number of them may run against one database. */
export class WebhookWorker {
  private readonly log: Logger;
  private readonly loop: PollingLoop;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;

  constructor(private readonly config: WebhookWorkerOptions) {
    this.log = config.log ?? console;
    this.batchSize = config.batchSize ?? 20;
    this.concurrency = config.concurrency ?? 5;
    this.pollIntervalMs = config.pollIntervalMs ?? 2_000;
    // Longer than an attempt can take (10 s timeout), with room: a live worker never loses its lease.
    this.leaseMs = config.leaseMs ?? 5 * 60_000;
    this.loop = new PollingLoop({
      description: "webhooks: the delivery worker",
      pollIntervalMs: this.pollIntervalMs,
      round: async () => (await this.runOnce()).claimed === this.batchSize,
      subscribe: onWebhookQueued,
      log: this.log,
    });
  }

  async runOnce(): Promise<WebhookRound> {
    const { db } = this.config;
    const claimed = await claimDeliveries(db, this.batchSize, this.leaseMs, this.config.organizationId);
    const round: WebhookRound = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next++]!;
        const body = deliveryBody(delivery);
        const timestamp = Math.floor((this.config.now?.() ?? new Date()).getTime() / 1000);
        const headers = {
          "JointAsk-Event": delivery.eventType,
          "JointAsk-Delivery": delivery.id,
          "JointAsk-Signature": signatureHeader(delivery.secret, timestamp, body),
        };
        const result = await postDelivery(delivery.url, headers, body, this.config.timeoutMs);
        const outcome = await recordAttempt(db, delivery, result);
        if (outcome === "delivered") round.delivered++;
        else if (outcome === "retry") round.retrying++;
        else if (outcome === "failed") round.failed++;
        if (outcome === "retry" || outcome === "failed") this.log.warn(`webhooks: delivery ${delivery.id} (${delivery.eventType}) to ${delivery.url} not delivered (${outcome}): ${result.error}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, lane));
    return round;
  }

  /** Runs rounds until nothing is due (tests). */
  async drain(): Promise<WebhookRound> {
    const total: WebhookRound = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const round = await this.runOnce();
      if (round.claimed === 0) return total;
      total.claimed += round.claimed;
      total.delivered += round.delivered;
      total.retrying += round.retrying;
      total.failed += round.failed;
    }
  }

  start(): void {
    this.loop.start();
  }

  /** Stops after the round in flight, whose attempts are all recorded first. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }
}

/** The delivery log keeps 30 days: delivered and failed deliveries older than that are deleted (daily, one instance). */
export const DELIVERY_LOG_DAYS = 30;

export async function pruneDeliveries(db: Database, days: number = DELIVERY_LOG_DAYS): Promise<number> {
  const rows = await db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ["delivered", "failed"]), lt(webhookDeliveries.createdAt, sql`now() - ${days} * interval '1 day'`)))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
