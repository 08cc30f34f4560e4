import { sql } from "drizzle-orm";
import { boolean, date, doublePrecision, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { agencyType } from "./enums";

/**
 * The national agency directory (FBI Crime Data Explorer list, db/seed/data/agencies): reference data shared by
 * every organization, loaded at start from the file that ships with the app and rewritten in place when a newer
 * list ships. An ORI missing from a newer list stays (organizations' agencies may point at it) but is no longer
 * `listed`.
 */
export const directoryAgencies = pgTable(
  "directory_agencies",
  {
    ori: text("ori").primaryKey(),
    name: text("name").notNull(),
    fbiName: text("fbi_name").notNull(),
    directoryType: text("directory_type").notNull(),
    agencyType: agencyType("agency_type").notNull(),
    state: text("state").notNull(),
    jurisdictionCode: text("jurisdiction_code"),
    counties: text("counties").array().notNull().default(sql`'{}'::text[]`),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    isNibrs: boolean("is_nibrs").notNull().default(false),
    nibrsSince: date("nibrs_since"),
    subUnit: boolean("sub_unit").notNull().default(false),
    inCde2025: boolean("in_cde_2025").notNull().default(false),
    inCde2018: boolean("in_cde_2018").notNull().default(false),
    listed: boolean("listed").notNull().default(true),
    listVersion: text("list_version").notNull(),
  },
  (t) => [index("directory_agencies_state_idx").on(t.state, t.name)],
);

/** Which version of each shipped reference list the database holds, and how many rows it loaded. */
export const referenceLists = pgTable("reference_lists", {
  name: text("name").primaryKey(),
  version: text("version").notNull(),
  rowCount: integer("row_count").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
