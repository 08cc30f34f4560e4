import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { catalogFields, recordTypes } from "./catalog";
import { id, timestamps } from "./columns";
import { DETAIL_LEVELS, FIELD_STATES } from "./field-values";
import { requestFiles } from "./files";
import { requests } from "./requests";
import { campaigns } from "./vendors";

export const fieldState = pgEnum("field_state", FIELD_STATES);
export const detailLevel = pgEnum("detail_level", DETAIL_LEVELS);

/** The structured part of what a request asks for; at most one row per request. */
export const requestAsks = pgTable("request_asks", {
  requestId: uuid("request_id")
    .primaryKey()
    .references(() => requests.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  detailLevel: detailLevel("detail_level"),
  periodStart: date("period_start", { mode: "string" }),
  // Null with a start date means "to the present".
  periodEnd: date("period_end", { mode: "string" }),
  formats: text("formats").array().notNull().default(sql`'{}'::text[]`),
  deidentify: boolean("deidentify").notNull().default(false),
  deidentifyNotes: text("deidentify_notes"),
  updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  ...timestamps,
});

export const requestRecordTypes = pgTable(
  "request_record_types",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    recordTypeId: uuid("record_type_id")
      .notNull()
      .references(() => recordTypes.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("request_record_types_unique").on(t.requestId, t.recordTypeId), index("request_record_types_type_idx").on(t.recordTypeId)],
);

/**
 * A field asked for by a request and what came back for it. Key, label and record type are copied from
 * the catalog when asked (or typed in for a custom field), so later catalog edits don't rewrite the ask.
 * The history of states is the request's timeline; this row holds the current one.
 */
export const requestFields = pgTable(
  "request_fields",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    recordTypeId: uuid("record_type_id")
      .notNull()
      .references(() => recordTypes.id),
    catalogFieldId: uuid("catalog_field_id").references(() => catalogFields.id, { onDelete: "set null" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    state: fieldState("state").notNull().default("not_yet"),
    // Which years are missing, the exemption cited, what the agency said.
    stateNote: text("state_note"),
    stateFileId: uuid("state_file_id").references(() => requestFiles.id, { onDelete: "set null" }),
    stateChangedAt: timestamp("state_changed_at", { withTimezone: true, mode: "date" }),
    stateChangedById: uuid("state_changed_by_id").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("request_fields_unique").on(t.requestId, t.recordTypeId, t.key),
    index("request_fields_request_state_idx").on(t.requestId, t.state),
  ],
);

/**
 * The structured ask of a joint ask (campaign): what each of its requests is generated with. Copied into the
 * request's own rows (request_asks, request_record_types, request_fields) when the request is made, so a
 * request's ask can then change on its own.
 */
export const campaignAsks = pgTable("campaign_asks", {
  campaignId: uuid("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  detailLevel: detailLevel("detail_level"),
  periodStart: date("period_start", { mode: "string" }),
  periodEnd: date("period_end", { mode: "string" }),
  formats: text("formats").array().notNull().default(sql`'{}'::text[]`),
  deidentify: boolean("deidentify").notNull().default(false),
  deidentifyNotes: text("deidentify_notes"),
  ...timestamps,
});

export const campaignRecordTypes = pgTable(
  "campaign_record_types",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    recordTypeId: uuid("record_type_id")
      .notNull()
      .references(() => recordTypes.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaign_record_types_unique").on(t.campaignId, t.recordTypeId), index("campaign_record_types_type_idx").on(t.recordTypeId)],
);

/** A field a joint ask asks for; key and label copied from the catalog, as on request_fields. */
export const campaignFields = pgTable(
  "campaign_fields",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    recordTypeId: uuid("record_type_id")
      .notNull()
      .references(() => recordTypes.id),
    catalogFieldId: uuid("catalog_field_id").references(() => catalogFields.id, { onDelete: "set null" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaign_fields_unique").on(t.campaignId, t.recordTypeId, t.key)],
);
