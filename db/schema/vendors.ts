import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps } from "./columns";
import { systemConfidence, systemType } from "./enums";
import { agencies } from "./places";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** A company that sells public-safety software. Names are unique per organization, ignoring case. */
export const vendors = pgTable(
  "vendors",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    website: text("website"),
    // The records or legal contact a request to the vendor goes to.
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    notes: text("notes"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("vendors_name_unique").on(t.organizationId, sql`lower(${t.name})`)],
);

export const products = pgTable(
  "products",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    name: text("name").notNull(),
    systemType: systemType("system_type").notNull(),
    notes: text("notes"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("products_name_unique").on(t.vendorId, sql`lower(${t.name})`),
    index("products_organization_idx").on(t.organizationId),
  ],
);

/**
 * An agency's use of a system: either a product it runs itself, or the system of the same type that another
 * agency hosts for it (a county 911 authority running CAD for its cities). Hosting can chain; the product a
 * hosted agency is grouped under is found by following the chain to an agency that runs a product.
 */
export const agencySystems = pgTable(
  "agency_systems",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    systemType: systemType("system_type").notNull(),
    productId: uuid("product_id").references(() => products.id),
    hostAgencyId: uuid("host_agency_id").references((): AnyPgColumn => agencies.id),
    sinceOn: date("since_on", { mode: "string" }),
    untilOn: date("until_on", { mode: "string" }),
    evidenceUrl: text("evidence_url"),
    confidence: systemConfidence("confidence").notNull().default("reported"),
    notes: text("notes"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    check("agency_systems_product_or_host", sql`num_nonnulls(${t.productId}, ${t.hostAgencyId}) = 1`),
    check("agency_systems_not_self_hosted", sql`${t.hostAgencyId} is null or ${t.hostAgencyId} <> ${t.agencyId}`),
    check("agency_systems_dates_in_order", sql`${t.untilOn} is null or ${t.sinceOn} is null or ${t.untilOn} >= ${t.sinceOn}`),
    index("agency_systems_agency_idx").on(t.agencyId),
    index("agency_systems_product_idx").on(t.productId),
    index("agency_systems_host_idx").on(t.hostAgencyId, t.systemType),
    index("agency_systems_org_type_idx").on(t.organizationId, t.systemType),
  ],
);

/**
 * Derived from agency_systems, never edited by hand: every agency on a product, directly or through the
 * chain of agencies hosting its system (via_agency_id is the agency it gets the system from). Rebuilt for the
 * agencies concerned in the same transaction as each change of a system, so reads need no recursion.
 * until_on is the earliest end date along the chain: a row counts while it is null or not yet past.
 */
export const agencyProducts = pgTable(
  "agency_products",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    // The product's vendor, copied for vendor pages (a product never changes vendor).
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id, { onDelete: "cascade" }),
    systemType: systemType("system_type").notNull(),
    viaAgencyId: uuid("via_agency_id").references(() => agencies.id, { onDelete: "cascade" }),
    // The agency's place, copied so group counts need no joins; refreshed when an agency moves.
    jurisdictionId: uuid("jurisdiction_id").notNull(),
    stateId: uuid("state_id").notNull(),
    untilOn: date("until_on", { mode: "string" }),
    depth: integer("depth").notNull(),
    // The member list's sort keys (state name, lower(place name), lower(agency name)), copied so a page of a
    // vendor's or product's agencies is read in index order (one page of rows, not all of them sorted). Kept by
    // the triggers of migration 0046 when an agency is renamed or moves, or a place is renamed.
    stateName: text("state_name").notNull().default(""),
    placeKey: text("place_key").notNull().default(""),
    agencyKey: text("agency_key").notNull().default(""),
  },
  // Wide keys so a product's or a vendor's members are read from the index alone.
  (t) => [
    index("agency_products_product_idx").on(t.productId, t.organizationId, t.systemType, t.agencyId, t.untilOn, t.jurisdictionId, t.stateId),
    index("agency_products_vendor_idx").on(t.vendorId, t.organizationId, t.agencyId, t.untilOn, t.jurisdictionId, t.stateId),
    index("agency_products_agency_idx").on(t.agencyId, t.systemType),
    // The member lists' order, per organization (one ordered branch per organization the viewer sees).
    index("agency_products_vendor_order_idx").on(t.vendorId, t.organizationId, t.stateName, t.placeKey, t.agencyKey, t.agencyId, t.untilOn),
    index("agency_products_product_order_idx").on(t.productId, t.organizationId, t.stateName, t.placeKey, t.agencyKey, t.agencyId, t.untilOn),
  ],
);

/**
 * The vendor and product pages' map and state counts, kept per organization (of the agency_products rows) and
 * scope (a product, 'p', or a vendor, 'v'): one row per state, system type and map cell (MAP_CELL_DEGREES) with
 * how many agencies it holds, the first three names and the cell's mean location. An agency counts once per
 * scope (its first system type), so one on two products of a vendor counts once on the vendor's. Rewritten for
 * the scopes concerned by triggers on agency_products (every change of memberships, sort keys or places) and
 * directory locations (migration 0046), as of computed_on; a scope whose earliest end date (stale_after) has
 * passed is recomputed (or read live) like product_groups.
 */
export const memberMapCells = pgTable(
  "member_map_cells",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    scopeId: uuid("scope_id").notNull(),
    stateCode: text("state_code"),
    stateName: text("state_name"),
    systemType: systemType("system_type").notNull(),
    cellLatitude: integer("cell_latitude"),
    cellLongitude: integer("cell_longitude"),
    agencies: integer("agencies").notNull(),
    names: text("names").array().notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    staleAfter: date("stale_after", { mode: "string" }),
    computedOn: date("computed_on", { mode: "string" }).notNull(),
  },
  (t) => [
    check("member_map_cells_scope", sql`${t.scope} in ('p', 'v')`),
    index("member_map_cells_scope_idx").on(t.scopeId, t.scope, t.organizationId),
    index("member_map_cells_stale_idx").on(t.organizationId, t.staleAfter),
  ],
);

/**
 * Shared-vendor groups with their sizes, computed from agency_products for `computed_on`. A group whose
 * earliest end date (stale_after) has passed is recomputed before it is read.
 */
export const productGroups = pgTable(
  "product_groups",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    systemType: systemType("system_type").notNull(),
    cities: integer("cities").notNull(),
    agencies: integer("agencies").notNull(),
    states: integer("states").notNull(),
    hosted: integer("hosted").notNull(),
    staleAfter: date("stale_after", { mode: "string" }),
    computedOn: date("computed_on", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.systemType] }),
    index("product_groups_org_size_idx").on(t.organizationId, t.cities),
    index("product_groups_stale_idx").on(t.organizationId, t.staleAfter),
  ],
);

/** A document that shows an agency runs a system (a council agenda, a contract, a purchase order). */
export const systemDocuments = pgTable(
  "system_documents",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    systemId: uuid("system_id")
      .notNull()
      .references(() => agencySystems.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("system_documents_system_idx").on(t.systemId)],
);

/** A joint ask: one ask sent to many targets (usually the cities sharing a product), tracked together. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ask: text("ask").notNull(),
    // The names of the record types asked (campaign_record_types), as they were when the joint ask was made:
    // its requests' tags and the letters' {record_types}. Older joint asks have names only.
    recordTypes: text("record_types").array().notNull().default(sql`'{}'::text[]`),
    letterTemplate: text("letter_template").notNull(),
    vendorLetterTemplate: text("vendor_letter_template"),
    productId: uuid("product_id").references(() => products.id),
    vendorId: uuid("vendor_id").references(() => vendors.id),
    clonedFromId: uuid("cloned_from_id").references((): AnyPgColumn => campaigns.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("campaigns_org_updated_idx").on(t.organizationId, t.updatedAt),
    index("campaigns_product_idx").on(t.productId),
    index("campaigns_vendor_idx").on(t.vendorId),
  ],
);

/**
 * One row: a number moved by every write to what the agencies' map is drawn from (agency_products, agencies,
 * jurisdictions, directory_agencies), by statement-level triggers (migration 0052_map_version_triggers). The map
 * of memberships (app/domain/maps.server.ts membersMap) is computed once per version, scope, viewer's
 * organizations and day, and served from memory while the version stands, as are the vendors list's agency and
 * place counts (app/domain/groups.server.ts vendorAgencyCounts); never written by the app.
 */
export const mapVersion = pgTable("map_version", {
  id: boolean("id").primaryKey().default(true),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
