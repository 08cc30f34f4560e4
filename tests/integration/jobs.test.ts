import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { scheduledJobs } from "../../db/schema";
import { claimJobRun, runOnceAcrossInstances } from "~/domain/jobs.server";
import { db, dbHandle } from "~/utils/db.server";

// A periodic job runs once per period across instances, not once per instance: of two workers (on Postgres,
// two connection pools, as two app processes have) trying at the same moment, exactly one runs it.

const second: { db: Database; close(): Promise<void> } =
  dbHandle.driver === "postgres" ? openDatabase({ driver: "postgres", url: dbHandle.url!, maxConnections: 4 }) : { db, close: async () => {} };

afterAll(async () => {
  await second.close();
});

const HOUR = 60 * 60 * 1000;
const workers = () => [
  { name: "A", db },
  { name: "B", db: second.db },
];

describe("jobs that must run once across instances", () => {
  it("run on exactly one of two workers that try at once, round after round", async () => {
    for (let round = 0; round < 10; round++) {
      const job = `test-job-${randomUUID()}`;
      const ran: string[] = [];
      const outcomes = await Promise.all(
        workers().map((worker) =>
          runOnceAcrossInstances(worker.db, job, HOUR, async () => {
            ran.push(worker.name);
            // Still running while the other worker tries.
            await new Promise((resolve) => setTimeout(resolve, 20));
            return worker.name;
          }),
        ),
      );
      expect(ran).toHaveLength(1);
      expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
      const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, job));
      expect(row!.lastFinishedAt).not.toBeNull();
      expect(row!.lastError).toBeNull();
    }
  });

  it("run again only once the period has passed, still on one worker", async () => {
    const job = `test-job-${randomUUID()}`;
    expect(await claimJobRun(db, job, HOUR, "A")).toBe(true);
    // Within the period: neither worker may run it.
    expect(await Promise.all(workers().map((w) => claimJobRun(w.db, job, HOUR, w.name)))).toEqual([false, false]);
    // The period has passed.
    await db.update(scheduledJobs).set({ nextRunAt: sql`now() - interval '1 second'` }).where(eq(scheduledJobs.name, job));
    const claims = await Promise.all(workers().map((w) => claimJobRun(w.db, job, HOUR, w.name)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("record a failed run on the job's row, and run it again next period", async () => {
    const job = `test-job-${randomUUID()}`;
    await expect(runOnceAcrossInstances(db, job, HOUR, async () => Promise.reject(new Error("bucket unreachable")))).rejects.toThrow("bucket unreachable");
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, job));
    expect(row!.lastError).toBe("bucket unreachable");
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
  });
});
