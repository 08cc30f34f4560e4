import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages, requestEvents } from "../../db/schema";
import { enqueueMail, retryOutboxMessage, type NewOutboxMessage } from "~/domain/mail/outbox.server";
import { smtpTransport, type MailTransport } from "~/domain/mail/transport.server";
import { claimMessages, DEFAULT_LEASE_MS, OutboxWorker, renewLease, repairSentLetters, retryDelayMs } from "~/domain/mail/worker.server";
import { db } from "~/utils/db.server";
import { makeOrganization, makeRequest } from "./factories";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

const quiet = { info: () => {}, warn: () => {}, error: console.error };

let org: Awaited<ReturnType<typeof makeOrganization>>;
let sink: SmtpSink;
beforeAll(async () => {
  org = await makeOrganization("Outbox");
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
afterEach(async () => {
  // Each test starts from an empty outbox so one test's leftovers are never sent by the next.
  await db.delete(outboxMessages).where(eq(outboxMessages.organizationId, org.org.id));
  sink.arrivals.length = 0;
  sink.rejectRecipientsWith = null;
});

function message(overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    organizationId: org.org.id,
    kind: "test",
    idempotencyKey: `test:${randomUUID()}`,
    to: "records@agency.example",
    subject: "Records request",
    text: "Hello\n",
    html: "<p>Hello</p>",
    ...overrides,
  };
}

async function enqueue(overrides: Partial<NewOutboxMessage> = {}) {
  const result = await enqueueMail(db, message(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

const transports: MailTransport[] = [];
afterEach(() => {
  for (const transport of transports.splice(0)) transport.close();
});

function worker(url: string, overrides: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) {
  const transport = smtpTransport(url, { connectionTimeoutMs: 2_000 });
  transports.push(transport);
  return new OutboxWorker({
    db,
    transport,
    organizationId: org.org.id,
    log: quiet,
    ...overrides,
  });
}

const arrivalsById = (s: SmtpSink) => s.arrivals.map((a) => a.parsed.messageId);

describe("the outbox", () => {
  it("sends through SMTP with the stored headers and threading, and records the send on the request", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const queued = await enqueue({
      requestId: request.id,
      kind: "follow_up",
      fromName: "Ana Ruiz",
      replyTo: `requests+${request.id}-0123456789abcdef@jointask.example`,
      inReplyTo: "<first@agency.example>",
      references: ["<root@jointask.example>", "<first@agency.example>"],
      createdById: org.admin.id,
      subject: "Follow-up on request 26-1: Stops",
      text: "Please reply.\n",
      html: "<p>Please reply.</p>",
    });
    const w = worker(sink.url);
    expect(await w.drain()).toMatchObject({ claimed: 1, sent: 1 });

    expect(sink.arrivals).toHaveLength(1);
    const [arrival] = sink.arrivals;
    expect(arrival!.envelopeTo).toEqual(["records@agency.example"]);
    expect(arrival!.parsed.messageId).toBe(queued.messageId);
    expect(arrival!.parsed.subject).toBe("Follow-up on request 26-1: Stops");
    expect(arrival!.parsed.from?.value[0]).toMatchObject({ name: "Ana Ruiz", address: "jointask@localhost" });
    expect(arrival!.parsed.replyTo?.value[0]?.address).toBe(`requests+${request.id}-0123456789abcdef@jointask.example`);
    expect(arrival!.parsed.inReplyTo).toBe("<first@agency.example>");
    expect(arrival!.parsed.references).toEqual(["<root@jointask.example>", "<first@agency.example>"]);
    expect(arrival!.parsed.text?.trim()).toBe("Please reply.");
    expect(arrival!.parsed.html).toContain("<p>Please reply.</p>");

    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, queued.id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, transport: "smtp", lastError: null, leaseToken: null });
    expect(row!.serverResponse).toMatch(/^250/);
    const events = await db.select().from(requestEvents).where(eq(requestEvents.requestId, request.id));
    expect(events.find((e) => e.kind === "email_sent")?.data).toMatchObject({ outboxMessageId: queued.id, to: "records@agency.example" });
  });

  it("ignores a second enqueue of the same logical message", async () => {
    const key = `letter:${randomUUID()}`;
    const first = await enqueue({ idempotencyKey: key });
    const second = await enqueue({ idempotencyKey: key, subject: "Something else" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, messageId: first.messageId, created: false });
    const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe("Records request");
    await worker(sink.url).drain();
    expect(sink.arrivals).toHaveLength(1);
  });

  it.each([
    ["to", "Records (main office) <records@agency.example>", /comments/],
    ["to", "records(office)@agency.example", /comments/],
    ["to", "Agencies: a@agency.example, b@agency.example;", /groups/],
    ["to", '"john..doe"@agency.example', /quoted/],
    ["to", "records@agency.example\r\nBcc: everyone@example.org", /line breaks/],
    ["to", "records@agency.example, other@agency.example", /one address/],
    ["subject", "Records\r\nBcc: everyone@example.org", /line breaks/],
    ["subject", "Records\nrequest", /line breaks/],
    ["fromName", "Ana\rRuiz", /line breaks/],
    ["replyTo", "requests+x@jointask.example\nX-Evil: 1", /line breaks/],
    ["references", "<a@b.example>\r\nX-Evil: 1", /line breaks/],
  ] as const)("refuses %s %j before anything is queued", async (field, value, expected) => {
    const overrides: Partial<NewOutboxMessage> = field === "references" ? { references: [value] } : { [field]: value };
    const result = await enqueueMail(db, { ...message(), ...overrides });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[field]?.[0]).toMatch(expected);
    const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, org.org.id));
    expect(rows).toHaveLength(0);
  });

  it("keeps messages queued while SMTP is down and delivers each exactly once when it is back", async () => {
    const down = await startSmtpSink();
    const port = down.port;
    await down.close();
    const queued = await Promise.all(Array.from({ length: 6 }, () => enqueue()));

    const w = worker(`smtp://127.0.0.1:${port}`, { retryBaseMs: 20, retryMaxMs: 40 });
    const first = await w.runOnce();
    expect(first).toMatchObject({ claimed: 6, sent: 0, retrying: 6 });
    const waiting = await db.select().from(outboxMessages).where(inArray(outboxMessages.id, queued.map((q) => q.id)));
    for (const row of waiting) {
      expect(row.status).toBe("queued");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(row.updatedAt.getTime() - 1000);
    }

    const up = await startSmtpSink(port);
    try {
      await new Promise((r) => setTimeout(r, 60));
      const total = await w.drain();
      expect(total.sent).toBe(6);
      const ids = arrivalsById(up);
      expect(ids.sort()).toEqual(queued.map((q) => q.messageId).sort());
      expect(new Set(ids).size).toBe(6);
      const rows = await db.select().from(outboxMessages).where(inArray(outboxMessages.id, queued.map((q) => q.id)));
      expect(rows.every((r) => r.status === "sent" && r.attempts === 2 && r.lastError === null)).toBe(true);
      // Nothing is left to send: another round finds nothing.
      expect((await w.runOnce()).claimed).toBe(0);
      expect(up.arrivals).toHaveLength(6);
    } finally {
      await up.close();
    }
  });

  it("marks a message failed at once when the server refuses it (5xx), with the error and a timeline event", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const queued = await enqueue({ requestId: request.id, kind: "request_letter", createdById: org.admin.id });
    sink.rejectRecipientsWith = 550;
    expect(await worker(sink.url).drain()).toMatchObject({ failed: 1, sent: 0 });
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, queued.id));
    expect(row!.status).toBe("failed");
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toMatch(/550|unavailable|rejected/i);
    const events = await db.select().from(requestEvents).where(eq(requestEvents.requestId, request.id));
    expect(events.find((e) => e.kind === "email_failed")?.data).toMatchObject({ outboxMessageId: queued.id, attempts: 1 });

    // Retrying sends it once the server accepts it.
    sink.rejectRecipientsWith = null;
    expect(await retryOutboxMessage(org.viewer, queued.id)).toBe(true);
    expect(await worker(sink.url).drain()).toMatchObject({ sent: 1 });
    expect(arrivalsById(sink)).toEqual([queued.messageId]);
  });

  it("gives up after the maximum number of attempts", async () => {
    const down = await startSmtpSink();
    const url = down.url;
    await down.close();
    const queued = await enqueue({ maxAttempts: 3 });
    const w = worker(url, { retryBaseMs: 1, retryMaxMs: 2 });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await w.runOnce();
    }
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, queued.id));
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row!.failedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 10));
    expect((await w.runOnce()).claimed).toBe(0);
  });

  it("never lets two workers hold the same message, and takes over an expired lease", async () => {
    const queued = await enqueue();
    const claimedByA = await claimMessages(db, 10, 60_000, org.org.id);
    expect(claimedByA.map((m) => m.id)).toEqual([queued.id]);
    expect(await claimMessages(db, 10, 60_000, org.org.id)).toEqual([]);

    // A worker that died: its lease runs out and another worker takes the message over.
    await db.update(outboxMessages).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(outboxMessages.id, queued.id));
    const claimedByB = await claimMessages(db, 10, 60_000, org.org.id);
    expect(claimedByB.map((m) => m.id)).toEqual([queued.id]);
    expect(claimedByB[0]!.attempts).toBe(2);
    expect(claimedByB[0]!.leaseToken).not.toBe(claimedByA[0]!.leaseToken);
  });

  it("lets another worker take over a dead worker's claims within a minute, while a live worker keeps renewing its own", async () => {
    expect(DEFAULT_LEASE_MS).toBeLessThanOrEqual(60_000);
    const queued = await enqueue();
    const [claimed] = await claimMessages(db, 10, DEFAULT_LEASE_MS, org.org.id);
    const [row] = await db
      .select({ seconds: sql<number>`extract(epoch from ${outboxMessages.lockedUntil} - now())` })
      .from(outboxMessages)
      .where(eq(outboxMessages.id, queued.id));
    expect(Number(row!.seconds)).toBeLessThanOrEqual(60);

    // A live worker renews: the lease moves forward under the same token.
    await db.update(outboxMessages).set({ lockedUntil: sql`now() + interval '1 second'` }).where(eq(outboxMessages.id, queued.id));
    expect(await renewLease(db, claimed!.leaseToken!, DEFAULT_LEASE_MS)).toBe(1);
    expect(await claimMessages(db, 10, DEFAULT_LEASE_MS, org.org.id)).toEqual([]);
    const [renewed] = await db
      .select({ seconds: sql<number>`extract(epoch from ${outboxMessages.lockedUntil} - now())` })
      .from(outboxMessages)
      .where(eq(outboxMessages.id, queued.id));
    expect(Number(renewed!.seconds)).toBeGreaterThan(30);
    // A token that no longer holds the message renews nothing.
    expect(await renewLease(db, randomUUID(), DEFAULT_LEASE_MS)).toBe(0);
  });

  it("writes a letter's timeline entry after a crash between the send and the entry, once", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const queued = await enqueue({ requestId: request.id, kind: "follow_up" });
    // What a crash right after the SMTP server accepted leaves: sent, and no timeline entry.
    await db.update(outboxMessages).set({ status: "sent", sentAt: sql`now()`, transport: "smtp" }).where(eq(outboxMessages.id, queued.id));
    const sentEvents = async () =>
      (await db.select().from(requestEvents).where(eq(requestEvents.requestId, request.id))).filter((e) => e.kind === "email_sent");
    expect(await sentEvents()).toHaveLength(0);
    expect(await repairSentLetters(db, org.org.id)).toBe(1);
    expect((await sentEvents()).map((e) => e.data)).toEqual([expect.objectContaining({ outboxMessageId: queued.id })]);
    expect(await repairSentLetters(db, org.org.id)).toBe(0);
    expect(await sentEvents()).toHaveLength(1);
  });

  it("sends each message exactly once with two workers draining at the same time", async () => {
    const queued = await Promise.all(Array.from({ length: 120 }, () => enqueue()));
    const a = worker(sink.url, { batchSize: 7, concurrency: 3 });
    const b = worker(sink.url, { batchSize: 5, concurrency: 4 });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.sent + rb.sent).toBe(120);
    const ids = arrivalsById(sink);
    expect(ids).toHaveLength(120);
    expect(new Set(ids)).toEqual(new Set(queued.map((q) => q.messageId)));
  });
});

describe("retry delays", () => {
  it("double at each attempt up to the cap, with jitter only downwards", () => {
    expect(retryDelayMs(1, 30_000, 3_600_000, () => 1)).toBe(30_000);
    expect(retryDelayMs(2, 30_000, 3_600_000, () => 1)).toBe(60_000);
    expect(retryDelayMs(5, 30_000, 3_600_000, () => 1)).toBe(480_000);
    expect(retryDelayMs(20, 30_000, 3_600_000, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(2, 30_000, 3_600_000, () => 0)).toBe(48_000);
  });
});
