import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps } from "./columns";
import { userRole } from "./enums";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Organizations that share vendor knowledge, joint asks and the requests they don't mark private. The founding
 * organization's admins manage who belongs; any member's admins can invite and leave.
 */
export const coalitions = pgTable("coalitions", {
  id: id(),
  name: text("name").notNull(),
  foundedByOrganizationId: uuid("founded_by_organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
});

/** An organization belongs to at most one coalition, so "shared with its coalition" always means one group. */
export const coalitionMembers = pgTable(
  "coalition_members",
  {
    coalitionId: uuid("coalition_id")
      .notNull()
      .references(() => coalitions.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    joinedAt: instant("joined_at").notNull().defaultNow(),
    addedById: uuid("added_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.coalitionId, t.organizationId] }), uniqueIndex("coalition_members_organization_unique").on(t.organizationId)],
);

/**
 * An invitation for another organization to join, sent to one of its admins. The link carries a random token;
 * the database keeps only its SHA-256. Single use, and void after expires_at or once revoked.
 */
export const coalitionInvitations = pgTable(
  "coalition_invitations",
  {
    id: id(),
    coalitionId: uuid("coalition_id")
      .notNull()
      .references(() => coalitions.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    invitedByOrganizationId: uuid("invited_by_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    acceptedByOrganizationId: uuid("accepted_by_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    revokedAt: instant("revoked_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("coalition_invitations_token_unique").on(t.tokenHash), index("coalition_invitations_coalition_idx").on(t.coalitionId)],
);

/** An invitation to join an organization with a role; the same token rules as coalition invitations. */
export const userInvitations = pgTable(
  "user_invitations",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: userRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: instant("revoked_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("user_invitations_token_unique").on(t.tokenHash),
    index("user_invitations_org_email_idx").on(t.organizationId, sql`lower(${t.email})`),
  ],
);

/** A password reset link sent by email: one hour, single use, only the token's SHA-256 kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    ipAddress: text("ip_address"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("password_resets_token_unique").on(t.tokenHash), index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

