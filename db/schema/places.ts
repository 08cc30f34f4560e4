import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps } from "./columns";
import { directoryAgencies } from "./directory";
import { agencyType, jurisdictionKind } from "./enums";

/**
 * Federal, state and DC rows are shared reference data (organization_id null, code set: "US", "PA", "DC").
 * Cities, counties and regional authorities belong to the organization that added them and sit under a state.
 */
export const jurisdictions = pgTable(
  "jurisdictions",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    kind: jurisdictionKind("kind").notNull(),
    name: text("name").notNull(),
    code: text("code"),
    stateId: uuid("state_id").references((): AnyPgColumn => jurisdictions.id),
    // The county a city or regional authority lies in (a county's own name for a county): some state
    // calendars close offices on days that exist only in some counties.
    county: text("county"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("jurisdictions_code_unique").on(t.code).where(sql`${t.code} is not null`),
    uniqueIndex("jurisdictions_local_unique").on(t.organizationId, t.stateId, t.kind, sql`lower(${t.name})`),
    index("jurisdictions_state_idx").on(t.stateId),
  ],
);

export const agencies = pgTable(
  "agencies",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    jurisdictionId: uuid("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id),
    name: text("name").notNull(),
    type: agencyType("type").notNull(),
    // The agency's FBI ORI code when it is linked to the national directory (directory_agencies).
    ori: text("ori").references(() => directoryAgencies.ori),
    recordsContactName: text("records_contact_name"),
    recordsContactEmail: text("records_contact_email"),
    portalUrl: text("portal_url"),
    notes: text("notes"),
    // An agency's own response period (e.g. a published policy) replacing the statutory one, with why.
    deadlineRuleDays: integer("deadline_rule_days"),
    deadlineRuleDayType: text("deadline_rule_day_type").$type<"business" | "calendar">(),
    deadlineRuleReason: text("deadline_rule_reason"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("agencies_name_unique").on(t.organizationId, t.jurisdictionId, sql`lower(${t.name})`),
    index("agencies_jurisdiction_idx").on(t.jurisdictionId),
    uniqueIndex("agencies_ori_unique").on(t.organizationId, t.ori).where(sql`${t.ori} is not null`),
    index("agencies_ori_idx").on(t.ori),
  ],
);
