import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { LawDetails } from "../../app/domain/deadlines/types";
import { organizations, users } from "./accounts";
import { id } from "./columns";
import { agencies } from "./places";

/**
 * The public-records law of federal FOIA ("US"), DC and each state, loaded by the seed from the deadlines
 * module's reference data (app/domain/deadlines/reference), with a hash of that reference: when a deploy
 * changes a jurisdiction's calendar or law, the seed re-dates the open requests under it.
 * Local jurisdictions use their state's row. Shared reference data: organizations correct it through
 * law_revisions, never by changing these rows.
 */
export const laws = pgTable("laws", {
  jurisdictionCode: text("jurisdiction_code").primaryKey(),
  lawName: text("law_name").notNull(),
  citation: text("citation").notNull(),
  responseDays: integer("response_days"),
  dayType: text("day_type").notNull().$type<"business" | "calendar" | "none">(),
  responseCountsFrom: text("response_counts_from").notNull().$type<"receipt" | "acknowledgement">(),
  extensionDays: integer("extension_days"),
  extensionDayType: text("extension_day_type").$type<"business" | "calendar">(),
  extensionNote: text("extension_note").notNull(),
  appealNote: text("appeal_note").notNull(),
  acknowledgementDays: integer("acknowledgement_days"),
  acknowledgementDayType: text("acknowledgement_day_type").$type<"business" | "calendar">(),
  appealDays: integer("appeal_days"),
  appealDayType: text("appeal_day_type").$type<"business" | "calendar">(),
  source: text("source").notNull(),
  confidence: text("confidence").notNull().$type<"high" | "medium" | "low">(),
  /** Receipt, extension, appeal and deemed-denial rules (LawDetails); null before the reference was loaded. */
  details: jsonb("details").$type<LawDetails>(),
  /** SHA-256 of the jurisdiction's reference (calendar and law facts) last loaded. */
  referenceHash: text("reference_hash"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * An organization's correction of one law (append-only: the latest row per organization and law is in
 * force, earlier rows are its history). `changes` holds only the corrected fields.
 */
export const lawRevisions = pgTable(
  "law_revisions",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    jurisdictionCode: text("jurisdiction_code")
      .notNull()
      .references(() => laws.jurisdictionCode),
    changes: jsonb("changes").notNull().$type<Record<string, unknown>>(),
    reason: text("reason").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("law_revisions_org_code_idx").on(t.organizationId, t.jurisdictionCode, t.createdAt)],
);

/** A user's secret calendar (ICS) address; the database keeps only the token's SHA-256. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("calendar_feeds_token_unique").on(t.tokenHash), index("calendar_feeds_user_idx").on(t.userId)],
);

/**
 * A day one agency's offices are closed beyond its jurisdiction's calendar (a furlough, a storm), added by an
 * organization's admin with a reason. It counts as a non-business day for that organization's requests to the
 * agency (agencies belong to one organization).
 */
export const agencyClosures = pgTable(
  "agency_closures",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    closedOn: date("closed_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agency_closures_agency_day_unique").on(t.agencyId, t.closedOn)],
);
