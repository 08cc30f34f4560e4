import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq, like, sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { runMigrations } from "../../../db/migrate";
import { agencies, jurisdictions, organizations, outboxMessages, requestEvents, requests, users } from "../../../db/schema";

// Automatic follow-ups with two app instances on one Postgres server, one of them killed (SIGKILL) in the middle
// of sending and started again: every overdue request gets its follow-up letter exactly once. Each instance is
// a real process (tests/integration/support/mail-instance.ts) running the reminders pass, which queues the
// letters, and an outbox worker, which sends them. Instance A sends to its own SMTP server, which holds A's
// fifth message without answering; A is killed then, so that message was never accepted (an SMTP server that
// accepted a message before the sender died is the one case no sender can tell apart; see the README). The
// message A was sending, and any A had claimed, are sent again by B or by A restarted once their lease ends.
const REQUESTS = 40;
const NOW = "2026-11-23T12:00:00Z";
const root = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "..");

let scratchName: string;
let scratchUrl: string;
let admin: DatabaseHandle;
let handle: DatabaseHandle;
let organizationId: string;
const children: ChildProcess[] = [];

interface Sink {
  url: string;
  arrivals: string[];
  held: Promise<string>;
  close(): Promise<void>;
}

/** An SMTP server counting the Message-IDs it accepted; with holdAt, it never answers that message. */
async function startSink(options: { holdAt?: number; delayMs?: number } = {}): Promise<Sink> {
  const arrivals: string[] = [];
  let seen = 0;
  let hold: (messageId: string) => void = () => {};
  const held = new Promise<string>((resolve) => (hold = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        void simpleParser(Buffer.concat(chunks)).then(async (parsed) => {
          seen++;
          if (options.holdAt !== undefined && seen === options.holdAt) {
            hold(parsed.messageId!);
            return; // no reply: the sender is killed while it waits
          }
          if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
          arrivals.push(parsed.messageId!);
          callback();
        });
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, arrivals, held, close: () => new Promise((r) => server.close(() => r())) };
}

/** Starts one instance and waits until it is running. */
async function startInstance(smtpUrl: string, concurrency: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/mail-instance.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: scratchUrl,
      NODE_ENV: "test",
      MAIL_FROM: "JointAsk <jointask@jointask.example>",
      MAIL_DOMAIN: "replies.jointask.example",
      MAIL_SECRET: "two-instances-mail-secret-0123456789abcdef",
      SMTP_URL: smtpUrl,
      INSTANCE_SMTP_URL: smtpUrl,
      INSTANCE_NOW: NOW,
      INSTANCE_ORG: organizationId,
      INSTANCE_CONCURRENCY: String(concurrency),
      INSTANCE_LEASE_MS: "1500",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`instance exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const base = new URL(process.env.DATABASE_URL!);
  scratchName = `${base.pathname.slice(1)}_autofollow`;
  admin = openDatabase({ driver: "postgres", url: base.toString(), maxConnections: 1 });
  await admin.db.execute(sql.raw(`create database "${scratchName}"`));
  const url = new URL(base);
  url.pathname = `/${scratchName}`;
  scratchUrl = url.toString();
  handle = openDatabase({ driver: "postgres", url: scratchUrl, maxConnections: 4 });
  await runMigrations(handle);
  const db = handle.db;
  const [org] = await db
    .insert(organizations)
    .values({ name: "Two instances", timeZone: "UTC", digestHour: 0, autoFollowUpEnabled: true, autoFollowUpIntervalDays: 30 })
    .returning();
  organizationId = org!.id;
  // An advocate with no reminders of their own: only the follow-up letters go out.
  const [person] = await db
    .insert(users)
    .values({ organizationId, email: "advocate@example.org", name: "Dana Whitfield", passwordHash: "x", role: "advocate", emailDigest: false, emailOverdueAlerts: false })
    .returning();
  const [state] = await db.insert(jurisdictions).values({ kind: "state", name: "Pennsylvania", code: "PA" }).returning();
  const [agency] = await db
    .insert(agencies)
    .values({ organizationId, jurisdictionId: state!.id, name: "State Police", type: "police", recordsContactEmail: "righttoknow@psp.example" })
    .returning();
  await db.insert(requests).values(
    Array.from({ length: REQUESTS }, (_, i) => ({
      organizationId,
      number: i + 1,
      title: `Stops ${i + 1}`,
      description: "Stop data",
      agencyId: agency!.id,
      requesterId: person!.id,
      status: "submitted" as const,
      filedOn: "2026-11-12",
      receivedOn: "2026-11-12",
      dueOn: "2026-11-20",
    })),
  );
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await handle.close();
  await admin.db.execute(sql.raw(`drop database if exists "${scratchName}" with (force)`));
  await admin.close();
});

describe("automatic follow-ups with two instances and a kill", () => {
  it("send each overdue request's letter exactly once", async () => {
    const db = handle.db;
    const sinkA = await startSink({ holdAt: 5 });
    const sinkB = await startSink({ delayMs: 40 });
    const a = await startInstance(sinkA.url, 1);
    const b = await startInstance(sinkB.url, 2);

    // A is killed while its fifth letter waits for the server's answer.
    const heldMessageId = await Promise.race([sinkA.held, new Promise<string>((_, reject) => setTimeout(() => reject(new Error("A never sent 5 letters")), 30_000))]);
    a.kill("SIGKILL");
    await new Promise((resolve) => a.once("exit", resolve));
    expect(sinkA.arrivals).toHaveLength(4);
    expect(sinkA.arrivals).not.toContain(heldMessageId);

    // A comes back (a restart) and both finish the work.
    const restarted = await startInstance(sinkA.url, 1);
    const sent = () => db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(outboxMessages).where(and(like(outboxMessages.idempotencyKey, "auto-follow-up:%"), eq(outboxMessages.status, "sent")));
    await waitFor(async () => (await sent())[0]!.n === REQUESTS, `${REQUESTS} letters sent`);
    // Time for a duplicate to show up, if there were one.
    await new Promise((r) => setTimeout(r, 1_000));
    for (const child of [b, restarted]) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await sinkA.close();
    await sinkB.close();

    const letters = await db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, "auto-follow-up:%"));
    const ids = await db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, organizationId));
    // One letter per request, for the date due (the first overdue day, 21 November), each sent.
    expect(letters.map((l) => l.idempotencyKey).sort()).toEqual(ids.map((r) => `auto-follow-up:${r.id}:2026-11-21`).sort());
    expect(letters.every((l) => l.status === "sent" && l.kind === "follow_up")).toBe(true);
    // Every letter reached a mail server exactly once, the one A was sending when it died included.
    const arrived = [...sinkA.arrivals, ...sinkB.arrivals];
    expect(arrived).toHaveLength(REQUESTS);
    expect(new Set(arrived)).toEqual(new Set(letters.map((l) => l.messageId)));
    expect(arrived).toContain(heldMessageId);
    // And each is on its request's timeline once: queued by the automatic follow-ups, then sent.
    const events = await db.select({ kind: requestEvents.kind, requestId: requestEvents.requestId, data: requestEvents.data }).from(requestEvents);
    const queued = events.filter((e) => e.kind === "email_queued");
    expect(queued).toHaveLength(REQUESTS);
    expect(new Set(queued.map((e) => e.requestId)).size).toBe(REQUESTS);
    expect(queued.every((e) => (e.data as { automatic?: boolean }).automatic === true)).toBe(true);
    expect(events.filter((e) => e.kind === "email_sent")).toHaveLength(REQUESTS);
  }, 120_000);
});
