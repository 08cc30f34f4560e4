import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { userRole } from "./enums";

export const organizations = pgTable(
  "organizations",
  {
  id: id(),
  name: text("name").notNull(),
  // Shown before each request number ("TRC-12") so two organizations' #1 differ. Unique; 2-8 capital letters
  // or digits. Left empty on insert, the database derives it from the name (trigger organizations_short_code,
  // migration 0019): a leading acronym ("TRC (Three Rivers ...)"), else the words' initials, then 2, 3... if taken.
  shortCode: text("short_code").notNull().default(""),
  timeZone: text("time_zone").notNull().default("America/New_York"),
  // Follow-up interval for laws with no fixed deadline (AZ, FL, WI...): the organization's policy.
  followUpBusinessDays: integer("follow_up_business_days").notNull().default(10),
  // Next per-organization request number (shown as #12); bumped inside the creating transaction.
  lastRequestNumber: integer("last_request_number").notNull().default(0),
  // Local hour (0-23, in time_zone) at which each coordinator's daily email digest goes out.
  digestHour: integer("digest_hour").notNull().default(8),
  // Automatic follow-up letters: off unless an admin turns them on; when on, an overdue request's follow-up
  // goes out on its first overdue day and again every N days while it stays overdue.
  autoFollowUpEnabled: boolean("auto_follow_up_enabled").notNull().default(false),
  autoFollowUpIntervalDays: integer("auto_follow_up_interval_days").notNull().default(30),
  ...timestamps,
  },
  (t) => [
    check("organizations_auto_follow_up_interval", sql`${t.autoFollowUpIntervalDays} between 1 and 365`),
    uniqueIndex("organizations_short_code_unique").on(t.shortCode),
    check("organizations_short_code_format", sql`${t.shortCode} ~ '^[A-Z][A-Z0-9]{1,7}$'`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("coordinator"),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
    // Email preferences: each person can opt out of the daily digest and of overdue alerts.
    emailDigest: boolean("email_digest").notNull().default(true),
    emailOverdueAlerts: boolean("email_overdue_alerts").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
    index("users_organization_idx").on(t.organizationId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 of the token held in the cookie: a leaked table cannot be replayed as cookies.
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
