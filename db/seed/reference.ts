import { createHash } from "node:crypto";
import { and, eq, or, sql } from "drizzle-orm";
import { JURISDICTION_REFERENCES, lawRuleFromReference } from "../../app/domain/deadlines";
import type { Executor } from "../client";
import { jurisdictions, laws } from "../schema";
import { seedCatalog } from "./catalog";

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

/** A jurisdiction whose reference (calendar or law facts) changed since the database last loaded it. */
export interface ChangedReference {
  code: string;
  summary: string;
}

/**
 * Idempotent: safe on every start and from several instances at once. Returns the jurisdictions whose
 * reference changed since the last load (never on a fresh database), for their open requests to be re-dated.
 */
export async function seedReferenceData(db: Executor): Promise<ChangedReference[]> {
  const changed = await seedLaws(db);
  await db
    .insert(jurisdictions)
    .values(STATE_LEVEL_JURISDICTIONS.map((j) => ({ code: j.code, name: j.name, kind: j.kind })))
    .onConflictDoUpdate({
      target: jurisdictions.code,
      targetWhere: sql`${jurisdictions.code} is not null`,
      set: { name: sql`excluded.name`, kind: sql`excluded.kind` },
    });
  await seedCatalog(db);
  return changed;
}

/**
 * The law table from the deadlines module's reference data (app/domain/deadlines/reference). Loaded on every
 * start so corrected reference facts reach every installation; an organization's own corrections live in
 * law_revisions and are never overwritten. A row is rewritten only when its reference's hash changed, by one
 * UPDATE per jurisdiction that also claims the change: when several instances start together, exactly one of
 * them sees each change.
 */
async function seedLaws(db: Executor): Promise<ChangedReference[]> {
  const rows = JURISDICTION_REFERENCES.map((reference) => {
    const law = lawRuleFromReference(reference);
    return {
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
      details: law.details ?? null,
      referenceHash: createHash("sha256").update(JSON.stringify({ calendar: reference.calendar, law: reference.law })).digest("hex"),
    };
  });
  await db.insert(laws).values(rows).onConflictDoNothing();
  const changed: ChangedReference[] = [];
  for (const row of rows) {
    const { jurisdictionCode, ...values } = row;
    const updated = await db
      .update(laws)
      .set({ ...values, updatedAt: new Date() })
      .where(
        and(
          eq(laws.jurisdictionCode, jurisdictionCode),
          or(sql`${laws.referenceHash} is null`, sql`${laws.referenceHash} <> ${row.referenceHash}`),
        ),
      )
      .returning({ code: laws.jurisdictionCode });
    if (updated.length > 0) changed.push({ code: jurisdictionCode, summary: `${row.lawName}: office calendar and law facts re-read from their sources` });
  }
  return changed;
}
