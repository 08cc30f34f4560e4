import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { eq, sql } from "drizzle-orm";
import { scheduledJobs } from "../../db/schema";
import type { Executor } from "../utils/db.server";

// Periodic jobs that must run once across every app instance sharing the database. A run is claimed by one
// statement on the job's row in scheduled_jobs (insert it, or move next_run_at forward only where it has come):
// the row lock makes concurrent claims wait for each other, and the loser re-reads the moved next_run_at and
// gets nothing back, so of N instances exactly one runs each period. A crash mid-run costs that period's run
// only: the next claim comes at next_run_at anyway. Jobs made exactly-once another way (the outbox and profile
// workers' FOR UPDATE SKIP LOCKED claims with leases, the reminders' idempotency keys, the migrations' and the
// directory load's advisory locks) do not need this.

type Logger = Pick<Console, "info" | "error">;

/** This process, as named in scheduled_jobs.last_run_by. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/**
 * Claims the job's run for this period: true for exactly one of any number of concurrent callers, once per
 * `everyMs`, across processes and machines.
 */
export async function claimJobRun(db: Executor, name: string, everyMs: number, by: string = INSTANCE_NAME): Promise<boolean> {
  const next = sql`now() + make_interval(secs => ${everyMs / 1000})`;
  const rows = await db
    .insert(scheduledJobs)
    .values({ name, nextRunAt: next, lastStartedAt: sql`now()`, lastRunBy: by })
    .onConflictDoUpdate({
      target: scheduledJobs.name,
      set: { nextRunAt: next, lastStartedAt: sql`now()`, lastRunBy: by, lastError: null },
      setWhere: sql`${scheduledJobs.nextRunAt} <= now()`,
    })
    .returning({ name: scheduledJobs.name });
  return rows.length === 1;
}

async function finished(db: Executor, name: string, error: unknown): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({ lastFinishedAt: sql`now()`, lastError: error === undefined ? null : String(error instanceof Error ? error.message : error).slice(0, 2000) })
    .where(eq(scheduledJobs.name, name));
}

/**
 * Runs `job` if this caller wins this period's claim; returns whether it ran. Its failure is recorded on the
 * row (and rethrown); the next period's claim runs it again.
 */
export async function runOnceAcrossInstances<T>(
  db: Executor,
  name: string,
  everyMs: number,
  job: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!(await claimJobRun(db, name, everyMs))) return { ran: false };
  try {
    const result = await job();
    await finished(db, name, undefined);
    return { ran: true, result };
  } catch (error) {
    await finished(db, name, error).catch(() => {});
    throw error;
  }
}

/**
 * Tries the job every `checkEveryMs` (default a tenth of the period, at most a minute) so that, whichever
 * instances are up, one of them runs it about every `everyMs`. Returns a stop function that waits for a run
 * in progress.
 */
export function scheduleOnceAcrossInstances(options: {
  db: Executor;
  name: string;
  everyMs: number;
  checkEveryMs?: number;
  job: () => Promise<unknown>;
  log?: Logger;
}): { stop(): Promise<void> } {
  const { db, name, everyMs, job, log = console } = options;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = running
      .then(() => runOnceAcrossInstances(db, name, everyMs, job))
      .catch((error: unknown) => log.error(`Background job ${name} failed:`, error));
  };
  const timer = setInterval(tick, options.checkEveryMs ?? Math.min(60_000, Math.max(1000, everyMs / 10)));
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
