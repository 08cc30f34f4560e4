import { randomUUID } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, gte, lt, lte, or, sql } from "drizzle-orm";
import { fileProfiles, requestFiles } from "../../../db/schema";
import type { FileKind } from "../../../db/schema/field-values";
import type { Database } from "../../utils/db.server";
import { filesDir, objectStore } from "../files/storage.server";
import type { profileFile, ProfileOptions } from "./engine.server";
import { ProfileError } from "./profile-error";
import { PollingLoop } from "../../utils/polling-loop.server";

// The background job that profiles received files, on the outbox worker's pattern: a job is claimed with
// FOR UPDATE SKIP LOCKED (so two instances never take the same one) and held by a lease (a token and a
// time) that the worker renews while it runs. If the instance dies, the lease runs out and any instance
// takes the job again; the result is written only with the current lease's token, so it is written once.

type Logger = Pick<Console, "info" | "warn" | "error">;

export interface ProfileWorkerOptions {
  db: Database;
  /** Pause between looks for work when there is none (default 2 s). */
  pollIntervalMs?: number;
  /** How long a claim holds without renewal (default 60 s); renewed every `leaseMs / 4`. */
  leaseMs?: number;
  /** Delay before retrying a job that failed for a reason other than its content (default 30 s). */
  retryDelayMs?: number;
  /** Only this organization's jobs: lets tests share one database. */
  organizationId?: string;
  /** Passed to the engine. */
  memoryLimit?: string;
  threads?: number;
  /** The engine; tests replace it to crash or stall a job. */
  profile?: typeof profileFile;
  /** Run each profile in a child process of its own (the server does); default in this process. */
  isolated?: boolean;
  log?: Logger;
}

export interface ClaimedProfile {
  fileId: string;
  requestId: string;
  leaseToken: string;
  attempts: number;
  maxAttempts: number;
  kind: FileKind;
  sizeBytes: number;
  storageName: string;
}

const listeners = new Set<() => void>();

/** Wakes the workers of this process (after an upload): the job is picked up at once instead of at the next poll. */
export function notifyProfileQueued(): void {
  for (const listener of listeners) listener();
}

export const profilingDir = () => path.join(filesDir(), "profiling");

/** Jobs whose lease ran out after their last attempt are failed instead of run again (a file that kills the process). */
async function failExhausted(db: Database, organizationId?: string): Promise<void> {
  await db
    .update(fileProfiles)
    .set({
      status: "failed",
      leaseToken: null,
      lockedUntil: null,
      finishedAt: sql`now()`,
      error: "Profiling stopped before it finished on every attempt (the server restarted or ran out of memory).",
    })
    .where(
      and(
        eq(fileProfiles.status, "running"),
        lt(fileProfiles.lockedUntil, sql`now()`),
        gte(fileProfiles.attempts, fileProfiles.maxAttempts),
        organizationId ? eq(fileProfiles.organizationId, organizationId) : undefined,
      ),
    );
}

/**
 * Claims the oldest due job: pending and due, or running with a lease that ran out. One short transaction;
 * SKIP LOCKED lets concurrent workers pass each other's rows.
 */
export async function claimProfileJob(db: Database, leaseMs: number, organizationId?: string): Promise<ClaimedProfile | null> {
  await failExhausted(db, organizationId);
  const token = randomUUID();
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ fileId: fileProfiles.fileId })
      .from(fileProfiles)
      .where(
        and(
          or(
            and(eq(fileProfiles.status, "pending"), lte(fileProfiles.runAfter, sql`now()`)),
            and(eq(fileProfiles.status, "running"), lt(fileProfiles.lockedUntil, sql`now()`), lt(fileProfiles.attempts, fileProfiles.maxAttempts)),
          ),
          organizationId ? eq(fileProfiles.organizationId, organizationId) : undefined,
        ),
      )
      .orderBy(asc(fileProfiles.runAfter), asc(fileProfiles.createdAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(fileProfiles)
      .set({
        status: "running",
        attempts: sql`${fileProfiles.attempts} + 1`,
        leaseToken: token,
        lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        startedAt: sql`now()`,
        progress: 0,
      })
      .where(eq(fileProfiles.fileId, due.fileId))
      .returning({ fileId: fileProfiles.fileId, requestId: fileProfiles.requestId, attempts: fileProfiles.attempts, maxAttempts: fileProfiles.maxAttempts });
    const [file] = await tx
      .select({ kind: requestFiles.kind, sizeBytes: requestFiles.sizeBytes, storageName: requestFiles.storageName })
      .from(requestFiles)
      .where(eq(requestFiles.id, due.fileId));
    return { ...claimed!, leaseToken: token, ...file! };
  });
}

const lease = (job: ClaimedProfile) => and(eq(fileProfiles.fileId, job.fileId), eq(fileProfiles.leaseToken, job.leaseToken));

/** Records progress and extends the lease; false when the lease was lost (another worker took the job over). */
export async function renewLease(db: Database, job: ClaimedProfile, progress: number, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(fileProfiles)
    .set({ progress: Math.max(0, Math.min(1, progress)), lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(lease(job))
    .returning({ fileId: fileProfiles.fileId });
  return rows.length > 0;
}

export type JobOutcome = "done" | "failed" | "retry" | "released" | "lost" | "idle";

export class ProfileWorker {
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly retryDelayMs: number;
  private readonly log: Logger;
  /** Set when stop() begins: the job in flight is aborted and handed back rather than failed. */
  private stopping = false;
  private current: AbortController | undefined;
  private readonly loop: PollingLoop;

  constructor(private readonly config: ProfileWorkerOptions) {
    this.pollIntervalMs = config.pollIntervalMs ?? 2_000;
    this.leaseMs = config.leaseMs ?? 60_000;
    this.retryDelayMs = config.retryDelayMs ?? 30_000;
    this.log = config.log ?? console;
    this.loop = new PollingLoop({
      description: "profiles: the profile worker",
      pollIntervalMs: this.pollIntervalMs,
      round: async () => (await this.runOnce()) !== "idle",
      subscribe: (wake) => {
        listeners.add(wake);
        return () => listeners.delete(wake);
      },
      onStopping: () => {
        this.stopping = true;
        this.current?.abort();
      },
      log: this.log,
    });
  }

  /** Claims one job and runs it to its end. */
  async runOnce(): Promise<JobOutcome> {
    const { db } = this.config;
    const job = await claimProfileJob(db, this.leaseMs, this.config.organizationId);
    if (!job) return "idle";
    const controller = new AbortController();
    this.current = controller;
    let progress = 0;
    let lost = false;
    let renewing: Promise<void> = Promise.resolve();
    const renew = () => {
      renewing = renewing.then(async () => {
        if (lost) return;
        try {
          if (!(await renewLease(db, job, progress, this.leaseMs))) {
            lost = true;
            controller.abort();
          }
        } catch (error) {
          this.log.warn(`profiles: could not renew the lease of ${job.fileId}: ${(error as Error).message}`);
        }
      });
    };
    const heartbeat = setInterval(renew, Math.max(250, Math.floor(this.leaseMs / 4)));
    let lastWrite = 0;
    const options: ProfileOptions = {
      workDir: path.join(profilingDir(), `${job.fileId}-${job.leaseToken}`),
      signal: controller.signal,
      memoryLimit: this.config.memoryLimit,
      threads: this.config.threads,
      onProgress: (fraction) => {
        progress = fraction;
        // Progress is written at most once a second, with the lease.
        if (Date.now() - lastWrite > 1000) {
          lastWrite = Date.now();
          renew();
        }
      },
    };
    try {
      // DuckDB is loaded with the first job, so a server that never profiles doesn't hold it.
      const profile = this.config.profile ?? (this.config.isolated ? (await import("./run-isolated.server")).profileInChild : (await import("./engine.server")).profileFile);
      // DuckDB reads a local file: the stored file itself, or a copy streamed down from the bucket into this
      // machine's temp area for the run (any instance may take the job, so the upload's staging is gone).
      const result = await objectStore().withLocalFile(job.storageName, (path) => profile({ path, kind: job.kind, sizeBytes: job.sizeBytes }, options));
      clearInterval(heartbeat);
      await renewing;
      if (lost) return "lost";
      const rows = await db
        .update(fileProfiles)
        .set({ status: "done", progress: 1, result, error: null, finishedAt: sql`now()`, leaseToken: null, lockedUntil: null })
        .where(lease(job))
        .returning({ fileId: fileProfiles.fileId });
      return rows.length ? "done" : "lost";
    } catch (error) {
      clearInterval(heartbeat);
      await renewing;
      if (lost) return "lost";
      if (this.stopping && controller.signal.aborted) {
        // Shutting down: hand the job back untouched, for this or another instance to run.
        await db
          .update(fileProfiles)
          .set({ status: "pending", progress: 0, attempts: sql`greatest(0, ${fileProfiles.attempts} - 1)`, leaseToken: null, lockedUntil: null })
          .where(lease(job));
        return "released";
      }
      const content = error instanceof ProfileError;
      const final = content || job.attempts >= job.maxAttempts;
      const message = content ? `This file can't be profiled: ${error.message}.` : `Profiling failed: ${(error as Error).message ?? String(error)}`;
      if (!content) this.log.error(`profiles: ${job.fileId} failed (attempt ${job.attempts} of ${job.maxAttempts}):`, error);
      await db
        .update(fileProfiles)
        .set(
          final
            ? { status: "failed", error: message.slice(0, 1000), finishedAt: sql`now()`, leaseToken: null, lockedUntil: null }
            : { status: "pending", error: message.slice(0, 1000), progress: 0, leaseToken: null, lockedUntil: null, runAfter: sql`now() + ${this.retryDelayMs} * interval '1 millisecond'` },
        )
        .where(lease(job));
      return final ? "failed" : "retry";
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
    }
  }

  /** Runs jobs until none is due (tests and the benchmark). */
  async drain(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (;;) {
      const outcome = await this.runOnce();
      if (outcome === "idle") return outcomes;
      outcomes.push(outcome);
    }
  }

  start(): void {
    this.stopping = false;
    this.loop.start();
  }

  /** Stops: a job in flight is interrupted and handed back as pending. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }
}

/** Removes work directories left by a crash (a day old: with a shared FILES_DIR another instance may be working). */
export async function sweepStaleProfilingDirs(maxAgeMs = 24 * 60 * 60 * 1000): Promise<number> {
  let removed = 0;
  const names = await readdir(profilingDir()).catch(() => [] as string[]);
  for (const name of names) {
    const dir = path.join(profilingDir(), name);
    const info = await stat(dir).catch(() => null);
    if (info && Date.now() - info.mtimeMs > maxAgeMs) {
      await rm(dir, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}

/** The profile worker of this process, unless PROFILE_WORKER=false. Start after migrations; stop before the database closes. */
export function startProfileWorker(db: Database, options: { enabled: boolean; memoryLimit: string; log?: Logger }): ProfileWorker | null {
  if (!options.enabled) return null;
  // In the server, each profile runs in a process of its own (see run-isolated.server.ts).
  const worker = new ProfileWorker({ db, memoryLimit: options.memoryLimit, log: options.log, isolated: true });
  worker.start();
  return worker;
}
