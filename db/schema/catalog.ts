import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps } from "./columns";

/**
 * Kinds of records asked for (Stops, Calls for Service, ...). Standard rows (organization_id null) are
 * reference data seeded from public taxonomies; an organization adds its own beside them.
 */
export const recordTypes = pgTable(
  "record_types",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull().default(""),
    source: text("source"),
    position: integer("position").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("record_types_standard_key_unique").on(t.key).where(sql`${t.organizationId} is null`),
    uniqueIndex("record_types_org_key_unique").on(t.organizationId, t.key).where(sql`${t.organizationId} is not null`),
  ],
);

/** One column or data element of a record type (subject_race, officer_id_hash, ...). */
export const catalogFields = pgTable(
  "catalog_fields",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    recordTypeId: uuid("record_type_id")
      .notNull()
      .references(() => recordTypes.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    group: text("group"),
    description: text("description").notNull().default(""),
    source: text("source"),
    // Other names agencies give the column ("RACE", "subj_race"), used to match a file's headers.
    synonyms: text("synonyms").array().notNull().default(sql`'{}'::text[]`),
    position: integer("position").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("catalog_fields_standard_key_unique").on(t.recordTypeId, t.key).where(sql`${t.organizationId} is null`),
    uniqueIndex("catalog_fields_org_key_unique")
      .on(t.organizationId, t.recordTypeId, t.key)
      .where(sql`${t.organizationId} is not null`),
    index("catalog_fields_record_type_idx").on(t.recordTypeId),
  ],
);
