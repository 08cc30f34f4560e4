import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { catalogFields, recordTypes } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleCatalogFields, visibleRecordTypes } from "./access.server";
import type { NewCatalogFieldInput, NewRecordTypeInput } from "./catalog-input";
import { fieldKeyFor } from "./fields-input";
import { fail, ok, type Result } from "./results";

export interface CatalogRecordType {
  id: string;
  key: string;
  name: string;
  category: string;
  description: string;
  source: string | null;
  custom: boolean;
}

export interface CatalogField {
  id: string;
  recordTypeId: string;
  key: string;
  label: string;
  group: string | null;
  description: string;
  source: string | null;
  synonyms: string[];
  custom: boolean;
}

/** The standard catalog and the organization's additions, in catalog order. */
export async function listCatalog(viewer: Viewer, db: Executor = defaultDb): Promise<{ recordTypes: CatalogRecordType[]; fields: CatalogField[] }> {
  const [types, fields] = await Promise.all([
    db
      .select({
        id: recordTypes.id,
        key: recordTypes.key,
        name: recordTypes.name,
        category: recordTypes.category,
        description: recordTypes.description,
        source: recordTypes.source,
        custom: sql<boolean>`${recordTypes.organizationId} is not null`,
      })
      .from(recordTypes)
      .where(visibleRecordTypes(viewer))
      .orderBy(sql`${recordTypes.organizationId} is not null`, asc(recordTypes.position), asc(sql`lower(${recordTypes.name})`)),
    db
      .select({
        id: catalogFields.id,
        recordTypeId: catalogFields.recordTypeId,
        key: catalogFields.key,
        label: catalogFields.label,
        group: catalogFields.group,
        description: catalogFields.description,
        source: catalogFields.source,
        synonyms: catalogFields.synonyms,
        custom: sql<boolean>`${catalogFields.organizationId} is not null`,
      })
      .from(catalogFields)
      .innerJoin(recordTypes, eq(recordTypes.id, catalogFields.recordTypeId))
      .where(and(visibleCatalogFields(viewer), visibleRecordTypes(viewer)))
      .orderBy(sql`${catalogFields.organizationId} is not null`, asc(catalogFields.position), asc(catalogFields.createdAt)),
  ]);
  return { recordTypes: types, fields };
}

/** A visible record type with this name, whoever added it; case and spacing don't matter. */
export async function findRecordTypeByName(viewer: Viewer, name: string, db: Executor = defaultDb) {
  const [row] = await db
    .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name })
    .from(recordTypes)
    .where(and(visibleRecordTypes(viewer), eq(sql`lower(${recordTypes.name})`, name.trim().toLowerCase().replace(/\s+/g, " "))))
    .limit(1);
  return row ?? null;
}

export async function createRecordType(
  viewer: Viewer,
  input: Omit<NewRecordTypeInput, "intent">,
  db: Executor = defaultDb,
): Promise<Result<{ id: string; key: string; name: string }>> {
  const name = input.name.replace(/\s+/g, " ");
  if (await findRecordTypeByName(viewer, name, db)) return fail("name", `There is already a record type called "${name}"`);
  const key = fieldKeyFor(name);
  const [taken] = await db
    .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name })
    .from(recordTypes)
    .where(and(eq(recordTypes.key, key), visibleRecordTypes(viewer)))
    .limit(1);
  // Added by a colleague since the check above: that is the type asked for, as when both insert at once below.
  if (taken && taken.name.toLowerCase() === name.trim().toLowerCase()) return ok(taken);
  const insert = (chosenKey: string) =>
    db
      .insert(recordTypes)
      .values({
        organizationId: viewer.organizationId,
        key: chosenKey,
        name,
        category: input.category ?? "Other",
        description: input.description ?? "",
        source: viewer.organizationName,
        // After the standard types, which are numbered from 0.
        position: 10_000,
        createdById: viewer.id,
      })
      .onConflictDoNothing()
      .returning({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name });
  const suffixed = () => `${key}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [row] = await insert(taken ? suffixed() : key);
  if (row) return ok(row);
  // Someone added a type with the same key at the same moment (a double submit, two colleagues): the same
  // name is that type, the one that now exists; another name with the same key gets a key of its own.
  const same = await findRecordTypeByName(viewer, name, db);
  if (same) return ok(same);
  const [again] = await insert(suffixed());
  if (!again) return fail("name", `A record type like "${name}" was just added; try again`);
  return ok(again);
}

export async function createCatalogField(
  viewer: Viewer,
  input: Omit<NewCatalogFieldInput, "intent">,
  db: Executor = defaultDb,
): Promise<Result<{ id: string; key: string }>> {
  const [type] = await db
    .select({ id: recordTypes.id })
    .from(recordTypes)
    .where(and(eq(recordTypes.id, input.recordTypeId), visibleRecordTypes(viewer)))
    .limit(1);
  if (!type) return fail("recordTypeId", "Choose a record type from the list");
  const key = fieldKeyFor(input.label);
  const [existing] = await db
    .select({ id: catalogFields.id, label: catalogFields.label })
    .from(catalogFields)
    .where(and(eq(catalogFields.recordTypeId, type.id), eq(catalogFields.key, key), visibleCatalogFields(viewer)))
    .limit(1);
  if (existing) return fail("label", `This record type already has a field "${existing.label}" (${key})`);
  const [row] = await db
    .insert(catalogFields)
    .values({
      organizationId: viewer.organizationId,
      recordTypeId: type.id,
      key,
      label: input.label,
      description: input.description ?? "",
      source: input.source ?? viewer.organizationName,
      synonyms: input.synonyms,
      position: 10_000,
      createdById: viewer.id,
    })
    // The same field added at the same moment by someone else: the one that exists is the answer.
    .onConflictDoNothing()
    .returning({ id: catalogFields.id, key: catalogFields.key });
  if (!row) return fail("label", `This record type already has a field "${input.label}" (${key})`);
  return ok(row);
}

/** Standard record types by key (for seeds and tests). */
export async function standardRecordType(key: string, db: Executor = defaultDb) {
  const [row] = await db
    .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name })
    .from(recordTypes)
    .where(and(eq(recordTypes.key, key), isNull(recordTypes.organizationId)))
    .limit(1);
  return row ?? null;
}
