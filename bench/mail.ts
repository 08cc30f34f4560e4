/**
 * Outbox throughput: queues 10,000 messages in a temporary database, runs the outbox worker against an
 * in-process SMTP server (a sink on a port the OS chooses) until nothing is left, prints messages per second,
 * and checks that exactly 10,000 distinct messages arrived. Exits 1 if not.
 *
 *   npm run bench:mail                                   # embedded database (PGlite, in memory)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:mail
 *                                                        # a fresh database on that server, dropped after
 */
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";

const MESSAGES = 10_000;
const ENQUEUE_CHUNK = 500;

const serverUrl = process.env.BENCH_DATABASE_URL;
let scratchUrl: string | undefined;
let dropScratch = async () => {};
if (serverUrl) {
  const name = `jointask_bench_mail_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  scratchUrl = url.toString();
  dropScratch = async () => {
    const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    await dropper.end();
  };
  process.env.DATABASE_URL = scratchUrl;
  delete process.env.PGLITE_MEMORY;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_MEMORY = "1";
}
process.env.NODE_ENV = "test";

// The app's modules read the environment when first imported, so they come after it is set.
const { dbHandle, db } = await import("../app/utils/db.server");
const { runMigrations } = await import("../db/migrate");
const { organizations, outboxMessages } = await import("../db/schema");
const { enqueueMail } = await import("../app/domain/mail/outbox.server");
const { smtpTransport } = await import("../app/domain/mail/transport.server");
const { OutboxWorker } = await import("../app/domain/mail/worker.server");
const { count, eq } = await import("drizzle-orm");

// The sink: counts every message and the distinct Message-IDs it has seen.
const seen = new Set<string>();
let arrivals = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString("latin1");
    });
    stream.on("end", () => {
      arrivals++;
      const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1];
      if (id) seen.add(id);
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", () => resolve()));
const port = (sink.server.address() as AddressInfo).port;

let exitCode = 0;
try {
  await runMigrations(dbHandle);
  const [org] = await db.insert(organizations).values({ name: "Benchmark" }).returning();

  const enqueueStart = performance.now();
  for (let start = 0; start < MESSAGES; start += ENQUEUE_CHUNK) {
    await db.transaction(async (tx) => {
      for (let i = start; i < Math.min(start + ENQUEUE_CHUNK, MESSAGES); i++) {
        const result = await enqueueMail(tx, {
          organizationId: org!.id,
          kind: "test",
          idempotencyKey: `bench:${i}`,
          to: `records-${i % 250}@agency-${i % 40}.example`,
          subject: `Public records request ${i}`,
          text: `Under the Right-to-Know Law, I request the records numbered ${i}.\n`,
          html: `<p>Under the Right-to-Know Law, I request the records numbered ${i}.</p>`,
        });
        if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      }
    });
  }
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;

  const transport = smtpTransport(`smtp://127.0.0.1:${port}`, { maxConnections: 10 });
  const worker = new OutboxWorker({ db, transport, batchSize: 200, concurrency: 20 });
  const sendStart = performance.now();
  const summary = await worker.drain();
  const sendSeconds = (performance.now() - sendStart) / 1000;
  transport.close();

  const [sent] = await db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.status, "sent"));
  const driver = dbHandle.driver === "pglite" ? "PGlite (in memory)" : "Postgres server (fresh database)";
  console.log(`mail outbox benchmark on ${driver}, SMTP sink on port ${port}`);
  console.log(`  queued   ${MESSAGES} messages in ${enqueueSeconds.toFixed(2)} s (${Math.round(MESSAGES / enqueueSeconds)} messages/s)`);
  console.log(`  sent     ${summary.sent} messages in ${sendSeconds.toFixed(2)} s: ${Math.round(summary.sent / sendSeconds)} messages/s`);
  console.log(`  arrived  ${arrivals} messages, ${seen.size} distinct Message-IDs; ${sent!.n} marked sent; ${summary.retrying + summary.failed} not sent`);
  if (arrivals !== MESSAGES || seen.size !== MESSAGES || sent!.n !== MESSAGES) {
    console.error(`FAILED: expected exactly ${MESSAGES} distinct messages to arrive`);
    exitCode = 1;
  } else {
    console.log(`  OK: exactly ${MESSAGES} arrived, each once`);
  }
} finally {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await dbHandle.close();
  await dropScratch();
}
process.exit(exitCode);
