import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { runMigrations } from "../../../db/migrate";
import { agencies, jurisdictions, mailDigests, organizations, outboxMessages, requests, users } from "../../../db/schema";
import { enqueueMail } from "~/domain/mail/outbox.server";
import { runReminders } from "~/domain/mail/reminders.server";
import { smtpTransport } from "~/domain/mail/transport.server";
import { OutboxWorker } from "~/domain/mail/worker.server";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// Two app instances are two processes with their own connection pools on one Postgres server: here, two
// database handles on a scratch database, each with its own worker loop, and one SMTP server counting arrivals.
const MESSAGES = 400;
const quiet = { info: () => {}, warn: () => {}, error: console.error };

let scratchName: string;
let admin: DatabaseHandle;
let instances: DatabaseHandle[];
let sink: SmtpSink;
let organizationId: string;

beforeAll(async () => {
  const base = new URL(process.env.DATABASE_URL!);
  scratchName = `${base.pathname.slice(1)}_mail`;
  admin = openDatabase({ driver: "postgres", url: base.toString(), maxConnections: 1 });
  await admin.db.execute(sql.raw(`create database "${scratchName}"`));
  const url = new URL(base);
  url.pathname = `/${scratchName}`;
  instances = [0, 1].map(() => openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 }));
  await runMigrations(instances[0]!);
  const [org] = await instances[0]!.db.insert(organizations).values({ name: "Two instances", digestHour: 0, timeZone: "UTC" }).returning();
  organizationId = org!.id;
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
  await Promise.all(instances.map((handle) => handle.close()));
  await admin.db.execute(sql.raw(`drop database if exists "${scratchName}" with (force)`));
  await admin.close();
});

describe("two app instances on one Postgres server", () => {
  it("send every queued message exactly once", async () => {
    const queued = new Set<string>();
    for (let i = 0; i < MESSAGES; i++) {
      const result = await enqueueMail(instances[i % 2]!.db, {
        organizationId,
        kind: "test",
        idempotencyKey: `two-instances:${i}`,
        to: `agency-${i}@records.example`,
        subject: `Message ${i}`,
        text: `Message ${i}\n`,
        html: `<p>Message ${i}</p>`,
      });
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      queued.add(result.value.messageId);
    }
    // Enqueuing again from the other instance is a no-op.
    const again = await enqueueMail(instances[1]!.db, { organizationId, kind: "test", idempotencyKey: "two-instances:0", to: "x@records.example", subject: "x", text: "x", html: "x" });
    expect(again.ok && again.value.created).toBe(false);

    const transports = instances.map((_, i) => smtpTransport(sink.url, { maxConnections: i + 2 }));
    const workers = instances.map(
      (handle, i) => new OutboxWorker({ db: handle.db, transport: transports[i]!, batchSize: 9 + i * 4, concurrency: 4, pollIntervalMs: 20, log: quiet }),
    );
    workers.forEach((w) => w.start());
    const deadline = Date.now() + 60_000;
    while (sink.arrivals.length < MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Give a duplicate, if there were one, time to arrive.
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(workers.map((w) => w.stop()));
    transports.forEach((t) => t.close());

    const ids = sink.arrivals.map((a) => a.parsed.messageId!);
    expect(ids).toHaveLength(MESSAGES);
    expect(new Set(ids)).toEqual(queued);
    const rows = await instances[0]!.db.select({ status: outboxMessages.status, attempts: outboxMessages.attempts }).from(outboxMessages);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("queue each person's digest once, whichever instance gets there first", async () => {
    const db = instances[0]!.db;
    const [person] = await db
      .insert(users)
      .values({ organizationId, email: `coord-${randomUUID().slice(0, 8)}@example.org`, name: "Coordinator", passwordHash: "x", role: "coordinator" })
      .returning();
    const [state] = await db.insert(jurisdictions).values({ kind: "state", name: "Pennsylvania", code: "PA" }).returning();
    const [agency] = await db.insert(agencies).values({ organizationId, jurisdictionId: state!.id, name: "State Police", type: "police" }).returning();
    // Waiting on us: something to report.
    await db.insert(requests).values({
      organizationId,
      number: 1,
      title: "Stops",
      description: "Stop data",
      agencyId: agency!.id,
      requesterId: person!.id,
      status: "clarification_requested",
    });

    const now = new Date("2026-11-23T10:00:00Z");
    const runs = await Promise.all([0, 1, 0, 1].map((i) => runReminders(instances[i]!.db, now)));
    expect(runs.reduce((n, r) => n + r.digests, 0)).toBe(1);
    const digests = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, "digest"));
    expect(digests.map((d) => d.idempotencyKey)).toEqual([`digest:${person!.id}:2026-11-23`]);
    expect(await db.select().from(mailDigests).where(eq(mailDigests.userId, person!.id))).toHaveLength(1);
  });
});
