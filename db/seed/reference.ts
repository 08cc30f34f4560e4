import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { jurisdictions, laws } from "../schema";
import { seedCatalog } from "./catalog";
import { LAW_TABLE } from "./data/laws";

/** Federal government, the states and DC: shared reference rows every organization sees. */
export const STATE_LEVEL_JURISDICTIONS: ReadonlyArray<{ code: string; name: string; kind: "federal" | "state" }> = [
  { code: "US", name: "United States (federal)", kind: "federal" },
  { code: "AL", name: "Alabama", kind: "state" },
  { code: "AK", name: "Alaska", kind: "state" },
  { code: "AZ", name: "Arizona", kind: "state" },
  { code: "AR", name: "Arkansas", kind: "state" },
  { code: "CA", name: "California", kind: "state" },
  { code: "CO", name: "Colorado", kind: "state" },
  { code: "CT", name: "Connecticut", kind: "state" },
  { code: "DE", name: "Delaware", kind: "state" },
  { code: "DC", name: "District of Columbia", kind: "state" },
  { code: "FL", name: "Florida", kind: "state" },
  { code: "GA", name: "Georgia", kind: "state" },
  { code: "HI", name: "Hawaii", kind: "state" },
  { code: "ID", name: "Idaho", kind: "state" },
  { code: "IL", name: "Illinois", kind: "state" },
  { code: "IN", name: "Indiana", kind: "state" },
  { code: "IA", name: "Iowa", kind: "state" },
  { code: "KS", name: "Kansas", kind: "state" },
  { code: "KY", name: "Kentucky", kind: "state" },
  { code: "LA", name: "Louisiana", kind: "state" },
  { code: "ME", name: "Maine", kind: "state" },
  { code: "MD", name: "Maryland", kind: "state" },
  { code: "MA", name: "Massachusetts", kind: "state" },
  { code: "MI", name: "Michigan", kind: "state" },
  { code: "MN", name: "Minnesota", kind: "state" },
  { code: "MS", name: "Mississippi", kind: "state" },
  { code: "MO", name: "Missouri", kind: "state" },
  { code: "MT", name: "Montana", kind: "state" },
  { code: "NE", name: "Nebraska", kind: "state" },
  { code: "NV", name: "Nevada", kind: "state" },
  { code: "NH", name: "New Hampshire", kind: "state" },
  { code: "NJ", name: "New Jersey", kind: "state" },
  { code: "NM", name: "New Mexico", kind: "state" },
  { code: "NY", name: "New York", kind: "state" },
  { code: "NC", name: "North Carolina", kind: "state" },
  { code: "ND", name: "North Dakota", kind: "state" },
  { code: "OH", name: "Ohio", kind: "state" },
  { code: "OK", name: "Oklahoma", kind: "state" },
  { code: "OR", name: "Oregon", kind: "state" },
  { code: "PA", name: "Pennsylvania", kind: "state" },
  { code: "RI", name: "Rhode Island", kind: "state" },
  { code: "SC", name: "South Carolina", kind: "state" },
  { code: "SD", name: "South Dakota", kind: "state" },
  { code: "TN", name: "Tennessee", kind: "state" },
  { code: "TX", name: "Texas", kind: "state" },
  { code: "UT", name: "Utah", kind: "state" },
  { code: "VT", name: "Vermont", kind: "state" },
  { code: "VA", name: "Virginia", kind: "state" },
  { code: "WA", name: "Washington", kind: "state" },
  { code: "WV", name: "West Virginia", kind: "state" },
  { code: "WI", name: "Wisconsin", kind: "state" },
  { code: "WY", name: "Wyoming", kind: "state" },
];

/** Idempotent: safe on every start and from several instances at once. */
export async function seedReferenceData(db: Executor): Promise<void> {
  await seedLaws(db);
  await db
    .insert(jurisdictions)
    .values(STATE_LEVEL_JURISDICTIONS.map((j) => ({ code: j.code, name: j.name, kind: j.kind })))
    .onConflictDoUpdate({
      target: jurisdictions.code,
      targetWhere: sql`${jurisdictions.code} is not null`,
      set: { name: sql`excluded.name`, kind: sql`excluded.kind` },
    });
  await seedCatalog(db);
}

/**
 * The law table from db/seed/data/laws.ts. Upserted on every start so corrected reference facts reach every
 * installation; an organization's own corrections live in law_revisions and are never overwritten.
 */
async function seedLaws(db: Executor): Promise<void> {
  const rows = LAW_TABLE.map((law) => ({
    jurisdictionCode: law.jurisdiction,
    lawName: law.lawName,
    citation: law.citation,
    responseDays: law.responseDays,
    dayType: law.dayType,
    responseCountsFrom: law.responseCountsFrom,
    extensionDays: law.extensionDays,
    extensionDayType: law.extensionDayType,
    extensionNote: law.extensionNote,
    appealNote: law.appealNote,
    acknowledgementDays: law.acknowledgementDays,
    acknowledgementDayType: law.acknowledgementDayType,
    appealDays: law.appealDays,
    appealDayType: law.appealDayType,
    source: law.source,
    confidence: law.confidence,
  }));
  const updatable = Object.keys(rows[0]!).filter((k) => k !== "jurisdictionCode") as (keyof (typeof rows)[number])[];
  await db
    .insert(laws)
    .values(rows)
    .onConflictDoUpdate({
      target: laws.jurisdictionCode,
      set: Object.fromEntries(updatable.map((k) => [k, sql.raw(`excluded.${laws[k].name}`)])),
    });
}
