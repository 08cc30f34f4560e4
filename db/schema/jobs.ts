import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Periodic background jobs that must run once across all app instances (not once per instance). Each run is
 * claimed by one statement that moves `nextRunAt` forward only if it has come: of several instances that try
 * at once, exactly one gets the row back and runs the job; the others skip until the next period.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true, mode: "date" }).notNull(),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true, mode: "date" }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true, mode: "date" }),
  /** Which instance (host, process, random id) ran it last, for the operator. */
  lastRunBy: text("last_run_by"),
  lastError: text("last_error"),
});
