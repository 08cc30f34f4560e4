import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id } from "./columns";

/**
 * The public-records law of federal FOIA ("US"), DC and each state, seeded from db/seed/data/laws.ts.
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
