import path from "node:path";
import * as build from "@remix-run/dev/server-build";
import express from "express";
import { projectRoot } from "./db/paths";
import { runMigrations } from "./db/migrate";
import { PARTNER_EMAIL } from "./db/seed/demo-coalition";
import { DEMO_EMAIL, DEMO_PASSWORD, demoUserExists, organizationCount, seedDemo } from "./db/seed/demo";
import { seedReferenceData } from "./db/seed/reference";
import { loadDirectory } from "./db/seed/directory";
import { directoryIndex } from "./app/domain/directory.server";
import { redateAfterReferenceChange } from "./app/domain/deadlines.server";
import { seedDemoAtStartup } from "./db/seed/when-to-seed";
import { todayIn } from "./app/utils/dates";
import { startMailService, type MailService } from "./app/domain/mail/service.server";
import { dataDir, db, dbHandle } from "./app/utils/db.server";
import { env } from "./app/utils/env.server";
import { sessionSecret } from "./app/utils/secrets.server";
import { loadContextFor, securityHeaders, rejectCrossOriginPosts } from "./app/utils/http-guards.server";
import { createRequestHandler } from "./app/utils/remix-handler.server";
import { objectStore, startTempSweeps, sweepStaleTempFiles } from "./app/domain/files/storage.server";
import { sweepOrphanedFiles } from "./app/domain/files/orphans.server";
import { scheduleOnceAcrossInstances } from "./app/domain/jobs.server";
import { foldAnalytics } from "./app/domain/analytics-rollups.server";
import { pruneDeliveries, WebhookWorker } from "./app/domain/webhooks/worker.server";
import { startProfileWorker, sweepStaleProfilingDirs, type ProfileWorker } from "./app/domain/profiles/worker.server";

async function prepareDatabase() {
  await runMigrations(dbHandle);
  const changed = await seedReferenceData(db);
  if (changed.length > 0) {
    const redated = await redateAfterReferenceChange(db, changed);
    console.log(`Deadline reference updated for ${changed.map((c) => c.code).join(", ")}: ${redated} open requests re-dated.`);
  }
  const started = Date.now();
  const directory = await loadDirectory(db);
  if (directory.loaded) {
    console.log(
      `Agency directory ${directory.version} loaded: ${directory.count} agencies in ${Date.now() - started} ms` +
        (directory.unlisted ? ` (${directory.unlisted} no longer in the list, kept for their links)` : ""),
    );
  }
  const where = dbHandle.driver === "pglite" ? `embedded database in ${dataDir}` : "Postgres server (DATABASE_URL)";
  console.log(`Database ready: ${where}`);
  if (seedDemoAtStartup({ driver: dbHandle.driver, seedDemo: env.SEED_DEMO, organizationCount: await organizationCount(db) })) {
    await db.transaction((tx) => seedDemo(tx, todayIn("America/New_York")));
    console.log("Seeded the demo coalition.");
  }
  if (await demoUserExists(db)) console.log(`Demo sign-in: ${DEMO_EMAIL} / ${DEMO_PASSWORD} (its coalition partner: ${PARTNER_EMAIL}, same password)`);
}

let mail: MailService | undefined;
let profiles: ProfileWorker | null = null;
let orphanSweep: { stop(): Promise<void> } | null = null;
let webhooks: WebhookWorker | null = null;
let webhookLogPrune: { stop(): Promise<void> } | null = null;
let analyticsFold: { stop(): Promise<void> } | null = null;

// What runs in the background of every instance, and how it runs once however many instances share the
// database (README, "Deploying: several instances"):
// - migrations: a Postgres advisory lock (db/migrate.ts); reference data: one UPDATE claims each changed law,
//   so one instance re-dates its open requests; the agency directory: an advisory transaction lock.
// - the outbox worker, the webhook worker and the profile worker: rows claimed with FOR UPDATE SKIP LOCKED under a lease.
// - reminders, digests and automatic follow-ups: every instance makes a pass each minute; each alert has an
//   idempotency key, each digest is claimed by its (person, date) row, each follow-up by its request's row lock.
// - the orphaned-object sweep (object storage only): claimed per period in scheduled_jobs (jobs.server.ts).
// - upload temp files and profiling work directories: this machine's own disk, swept by each instance.

async function main() {
  sessionSecret(); // fails fast when production lacks SESSION_SECRET
  await prepareDatabase();
  // Upload temp files of a process that died (its heartbeat stopped) go now, and every ten minutes after.
  await sweepStaleTempFiles();
  startTempSweeps(undefined, (error) => console.error("Sweeping upload temp files failed:", error));
  const store = objectStore();
  console.log(`Files: ${store.kind === "s3" ? `object storage at ${store.location}` : `local directory ${store.location}`}`);
  mail = await startMailService(db);
  if (env.WEBHOOK_WORKER !== false) {
    webhooks = new WebhookWorker({ db });
    webhooks.start();
    // The delivery log keeps 30 days; one instance prunes it daily.
    webhookLogPrune = scheduleOnceAcrossInstances({ db, name: "prune-webhook-deliveries", everyMs: 24 * 60 * 60 * 1000, job: () => pruneDeliveries(db) });
  }
  if (store.kind === "s3") {
    // Objects put whose row was never committed (a crash between the two): one instance sweeps every six hours.
    orphanSweep = scheduleOnceAcrossInstances({
      db,
      name: "sweep-orphaned-files",
      everyMs: 6 * 60 * 60 * 1000,
      job: async () => {
        const removed = await sweepOrphanedFiles(db);
        if (removed > 0) console.log(`Removed ${removed} stored files no record names (left by an interrupted upload).`);
      },
    });
  }
  // Analytics rollups: pending deltas folded in, and the watermark moved to yesterday (UTC), by one instance
  // each minute (app/domain/analytics-rollups.server.ts; readers are right without it, only slower).
  analyticsFold = scheduleOnceAcrossInstances({ db, name: "analytics-fold", everyMs: 60 * 1000, job: () => foldAnalytics(db) });
  await sweepStaleProfilingDirs();
  profiles = startProfileWorker(db, { enabled: env.PROFILE_WORKER !== false, memoryLimit: env.PROFILE_MEMORY_LIMIT });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(securityHeaders);
  app.use(
    "/build",
    express.static(path.join(projectRoot, "public", "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  // public/ holds files with extensions only (favicon.svg): a page's path (/requests) goes straight on, with no
  // file-system lookup on every page.
  const publicFiles = express.static(path.join(projectRoot, "public"), { maxAge: "1h", index: false });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  app.use(rejectCrossOriginPosts);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: loadContextFor,
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    console.log(`JointAsk listening on http://localhost:${port}`);
    // Build the directory's word index now, in the background, so the first search does not wait for it.
    directoryIndex(db).catch((error: unknown) => console.error("Agency directory index:", error instanceof Error ? error.message : error));
  });

  server.on("error", async (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${env.PORT} is already in use. Stop the other program or start with another PORT, e.g. PORT=3001 npm start.`
        : `The server could not start: ${error.message}`,
    );
    await mail?.stop().catch(() => {});
    await webhooks?.stop().catch(() => {});
    await webhookLogPrune?.stop().catch(() => {});
    await analyticsFold?.stop().catch(() => {});
    await profiles?.stop().catch(() => {});
    await orphanSweep?.stop().catch(() => {});
    await dbHandle.close().catch(() => {});
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new requests; finishing those in flight`);
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    // close() stops accepting and calls back once in-flight requests have finished.
    server.close(async () => {
      clearTimeout(force);
      // Mail first: the worker finishes the messages it claimed while the database is still open.
      await mail?.stop();
      // Webhook attempts in flight are recorded before the database closes.
      await webhooks?.stop();
      await webhookLogPrune?.stop();
      await analyticsFold?.stop();
      // A profile in flight is handed back as pending, for the next start or another instance.
      await profiles?.stop();
      await orphanSweep?.stop();
      await dbHandle.close();
      console.log("Database closed. Bye.");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await dbHandle.close().catch(() => {});
  process.exit(1);
});
