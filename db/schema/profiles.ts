import { boolean, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { fieldState } from "./asks";
import { id, timestamps } from "./columns";
import { CODE_KEY_KINDS, PROFILE_STATUSES } from "./field-values";
import { requestFiles } from "./files";
import { requests } from "./requests";

export const profileStatus = pgEnum("profile_status", PROFILE_STATUSES);
export const codeKeyKind = pgEnum("code_key_kind", CODE_KEY_KINDS);

/**
 * The dataset profile of a received tabular file, and the background job that computes it: one row per file,
 * claimed by one worker at a time (FOR UPDATE SKIP LOCKED, then a lease with a token that the worker renews
 * while it runs). A lease that runs out (the instance died) makes the job claimable again. The result is
 * written only by the holder of the current lease, so it is written once.
 */
export const fileProfiles = pgTable(
  "file_profiles",
  {
    fileId: uuid("file_id")
      .primaryKey()
      .references(() => requestFiles.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    status: profileStatus("status").notNull().default("pending"),
    // 0 to 1 while running.
    progress: real("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    runAfter: timestamp("run_after", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    leaseToken: uuid("lease_token"),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    error: text("error"),
    // The profile itself (DatasetProfile in app/domain/profiles/profile-types.ts).
    result: jsonb("result"),
    ...timestamps,
  },
  (t) => [index("file_profiles_due_idx").on(t.status, t.runAfter), index("file_profiles_request_idx").on(t.requestId)],
);

/**
 * What a request still needs to read its data (a data dictionary, a code list for call types or
 * dispositions), asked and received like a field. The history is the request's timeline.
 */
export const requestCodeKeys = pgTable(
  "request_code_keys",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    kind: codeKeyKind("kind").notNull(),
    label: text("label").notNull(),
    // The column it explains, e.g. "call_type" (null for a data dictionary of the whole file).
    columnName: text("column_name"),
    state: fieldState("state").notNull().default("not_yet"),
    stateNote: text("state_note"),
    stateFileId: uuid("state_file_id").references(() => requestFiles.id, { onDelete: "set null" }),
    stateChangedAt: timestamp("state_changed_at", { withTimezone: true, mode: "date" }),
    stateChangedById: uuid("state_changed_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("request_code_keys_unique").on(t.requestId, t.kind, t.label), index("request_code_keys_request_idx").on(t.requestId)],
);

/** A received file marked as installment n (of m), or as the final one. */
export const fileInstallments = pgTable("file_installments", {
  fileId: uuid("file_id")
    .primaryKey()
    .references(() => requestFiles.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  requestId: uuid("request_id")
    .notNull()
    .references(() => requests.id, { onDelete: "cascade" }),
  number: integer("number"),
  total: integer("total"),
  final: boolean("final").notNull().default(false),
  updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
});
