import { isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { catalogFields, recordTypes } from "../schema";
import { CATALOG_FIELDS, PDAP_SOURCE, RECORD_TYPES } from "./data/field-catalog";

/** The standard record types and fields. Idempotent: run at every start; updates wording, never deletes. */
export async function seedCatalog(db: Executor): Promise<void> {
  const types = await db
    .insert(recordTypes)
    .values(
      RECORD_TYPES.map((t, i) => ({
        key: t.key,
        name: t.name,
        category: t.category,
        description: t.description ?? "",
        source: PDAP_SOURCE,
        position: i,
      })),
    )
    .onConflictDoUpdate({
      target: recordTypes.key,
      targetWhere: isNull(recordTypes.organizationId),
      set: {
        name: sql`excluded.name`,
        category: sql`excluded.category`,
        description: sql`excluded.description`,
        source: sql`excluded.source`,
        position: sql`excluded.position`,
      },
    })
    .returning({ id: recordTypes.id, key: recordTypes.key });
  const idByKey = new Map(types.map((t) => [t.key, t.id]));

  const fields = Object.entries(CATALOG_FIELDS).flatMap(([typeKey, list]) =>
    list.map((f, i) => ({
      recordTypeId: idByKey.get(typeKey)!,
      key: f.key,
      label: f.label,
      group: f.group,
      description: f.description,
      source: f.source,
      synonyms: f.synonyms ?? [],
      position: i,
    })),
  );
  await db
    .insert(catalogFields)
    .values(fields)
    .onConflictDoUpdate({
      target: [catalogFields.recordTypeId, catalogFields.key],
      targetWhere: isNull(catalogFields.organizationId),
      set: {
        label: sql`excluded.label`,
        group: sql`excluded.group`,
        description: sql`excluded.description`,
        source: sql`excluded.source`,
        synonyms: sql`excluded.synonyms`,
        position: sql`excluded.position`,
      },
    });
}
