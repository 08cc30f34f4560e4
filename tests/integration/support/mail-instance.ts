// One app instance's mail work, as its own process, for tests that kill it: the outbox worker sending to
// INSTANCE_SMTP_URL, and the reminders pass (digests, alerts, automatic follow-ups) run over and over at the
// fixed clock INSTANCE_NOW, for organization INSTANCE_ORG, against DATABASE_URL. Prints "ready" once started.
import { runReminders } from "../../../app/domain/mail/reminders.server";
import { smtpTransport } from "../../../app/domain/mail/transport.server";
import { OutboxWorker } from "../../../app/domain/mail/worker.server";
import { db, dbHandle } from "../../../app/utils/db.server";

const quiet = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => console.error(...args) };
const now = new Date(process.env.INSTANCE_NOW!);
const organizationId = process.env.INSTANCE_ORG!;
const concurrency = Number(process.env.INSTANCE_CONCURRENCY ?? 1);
const transport = smtpTransport(process.env.INSTANCE_SMTP_URL!, { maxConnections: concurrency });
const worker = new OutboxWorker({
  db,
  transport,
  batchSize: 5,
  concurrency,
  pollIntervalMs: 50,
  leaseMs: Number(process.env.INSTANCE_LEASE_MS ?? 2_000),
  retryBaseMs: 200,
  organizationId,
  log: quiet,
});

let stopping = false;
worker.start();
const reminders = (async () => {
  while (!stopping) {
    await runReminders(db, now, [organizationId], quiet);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
})();

process.on("SIGTERM", () => {
  stopping = true;
  void (async () => {
    await reminders;
    await worker.stop();
    transport.close();
    await dbHandle.close();
    process.exit(0);
  })();
});
process.stdout.write("ready\n");
