import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import {
  agencies,
  campaignAsks,
  campaignFields,
  campaignRecordTypes,
  catalogFields,
  jurisdictions,
  organizations,
  recordTypes,
  requestAsks,
  requestCodeKeys,
  requestFields,
  requestFiles,
  requestRecordTypes,
  requests,
  vendors,
} from "../../db/schema";
import type { DetailLevel, FieldState, FormatWanted } from "../../db/schema/field-values";
import { FIELD_STATES, FORMATS_WANTED } from "../../db/schema/field-values";
import type { Executor, Transaction } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleCatalogFields, visibleFiles, visibleRecordTypes, visibleRequests, type Audience } from "./access.server";
import { createRecordType, findRecordTypeByName } from "./catalog.server";
import { CODE_KEY_KIND_LABELS, DETAIL_LEVEL_LABELS, FORMAT_LABELS, type Coverage } from "./field-states";
import { fieldKeyFor, missingNote, type askShape, type EditAskInput, type SetFieldsInput } from "./fields-input";
import { fileEvidence } from "./profiles/evidence.server";
import { inSlices } from "./batches";
import { recordEventOnEach } from "./request-events.server";
import { isUuid, lockRequest, recordEvent, touch } from "./requests.server";
import { fail, ok, type Result } from "./results";
import type { AskedFieldRef, FieldChange, ReceivedStateChange } from "./timeline";

export interface RequestAsk {
  detailLevel: DetailLevel | null;
  periodStart: string | null;
  periodEnd: string | null;
  formats: FormatWanted[];
  deidentify: boolean;
  deidentifyNotes: string | null;
}

export interface AskedField {
  id: string;
  key: string;
  label: string;
  recordTypeId: string;
  recordTypeKey: string;
  recordTypeName: string;
  catalogFieldId: string | null;
  synonyms: string[];
  state: FieldState;
  stateNote: string | null;
  stateFileId: string | null;
  stateFileName: string | null;
  stateChangedAt: Date | null;
}

export type CoverageByState = Record<FieldState, number>;

const NO_ASK: RequestAsk = { detailLevel: null, periodStart: null, periodEnd: null, formats: [], deidentify: false, deidentifyNotes: null };

export function coverageOf(fields: ReadonlyArray<{ state: FieldState }>): Coverage {
  return { received: fields.filter((f) => f.state === "received").length, total: fields.length };
}

export function coverageByState(fields: ReadonlyArray<{ state: FieldState }>): CoverageByState {
  const counts = Object.fromEntries(FIELD_STATES.map((s) => [s, 0])) as CoverageByState;
  for (const f of fields) counts[f.state] += 1;
  return counts;
}

async function readAsk(db: Executor, requestId: string): Promise<RequestAsk> {
  const [row] = await db
    .select({
      detailLevel: requestAsks.detailLevel,
      periodStart: requestAsks.periodStart,
      periodEnd: requestAsks.periodEnd,
      formats: requestAsks.formats,
      deidentify: requestAsks.deidentify,
      deidentifyNotes: requestAsks.deidentifyNotes,
    })
    .from(requestAsks)
    .where(eq(requestAsks.requestId, requestId))
    .limit(1);
  if (!row) return NO_ASK;
  return { ...row, formats: row.formats.filter((f): f is FormatWanted => (FORMATS_WANTED as readonly string[]).includes(f)) };
}

async function readAskedRecordTypes(db: Executor, requestId: string) {
  return db
    .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name })
    .from(requestRecordTypes)
    .innerJoin(recordTypes, eq(recordTypes.id, requestRecordTypes.recordTypeId))
    .where(eq(requestRecordTypes.requestId, requestId))
    .orderBy(asc(recordTypes.position), asc(recordTypes.name));
}

/**
 * The fields asked; the file a state came from is named only when the audience may see that file (null: a
 * caller that has already checked the request, for its own organization).
 */
async function readAskedFields(db: Executor, audience: Audience | null, requestId: string): Promise<AskedField[]> {
  return db
    .select({
      id: requestFields.id,
      key: requestFields.key,
      label: requestFields.label,
      recordTypeId: requestFields.recordTypeId,
      recordTypeKey: recordTypes.key,
      recordTypeName: recordTypes.name,
      catalogFieldId: requestFields.catalogFieldId,
      synonyms: sql<string[]>`coalesce(${catalogFields.synonyms}, '{}'::text[])`,
      state: requestFields.state,
      stateNote: requestFields.stateNote,
      stateFileId: requestFiles.id,
      stateFileName: requestFiles.originalName,
      stateChangedAt: requestFields.stateChangedAt,
    })
    .from(requestFields)
    .innerJoin(requests, eq(requests.id, requestFields.requestId))
    .innerJoin(recordTypes, eq(recordTypes.id, requestFields.recordTypeId))
    .leftJoin(catalogFields, eq(catalogFields.id, requestFields.catalogFieldId))
    .leftJoin(requestFiles, audience ? and(eq(requestFiles.id, requestFields.stateFileId), visibleFiles(audience)) : eq(requestFiles.id, requestFields.stateFileId))
    .where(eq(requestFields.requestId, requestId))
    .orderBy(asc(recordTypes.position), asc(requestFields.position), asc(requestFields.createdAt));
}

/**
 * What the request asks for and what came back; null when the audience can't see the request. Works for a
 * signed-in viewer and for the public (PUBLIC: published requests only).
 */
export async function getRequestFields(viewer: Audience, requestId: string, db: Executor = defaultDb) {
  if (!isUuid(requestId)) return null;
  const [visible] = await db
    .select({ id: requests.id, organizationId: requests.organizationId })
    .from(requests)
    .where(and(eq(requests.id, requestId), visibleRequests(viewer)))
    .limit(1);
  if (!visible) return null;
  const [ask, recordTypesAsked, fields, codeKeys] = await Promise.all([
    readAsk(db, requestId),
    readAskedRecordTypes(db, requestId),
    readAskedFields(db, viewer, requestId),
    readCodeKeys(db, viewer, requestId),
  ]);
  return { organizationId: visible.organizationId, ask, recordTypes: recordTypesAsked, fields, codeKeys, coverage: coverageOf(fields), byState: coverageByState(fields) };
}
export type RequestFieldsData = NonNullable<Awaited<ReturnType<typeof getRequestFields>>>;

/**
 * What a request asks for, with no visibility check: for code that has already checked the request (a letter
 * drafted inside the transaction that locked it). Sequential, so it is safe on a transaction's one connection.
 */
export async function readAskOf(db: Executor, requestId: string) {
  const ask = await readAsk(db, requestId);
  const recordTypesAsked = await readAskedRecordTypes(db, requestId);
  const fields = await readAskedFields(db, null, requestId);
  return { ask, recordTypes: recordTypesAsked, fields };
}

type AskInput = z.output<z.ZodObject<typeof askShape>>;

function askFrom(input: Omit<AskInput, "recordTypeIds" | "newRecordType">): RequestAsk {
  return {
    detailLevel: input.detailLevel ?? null,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    formats: [...new Set(input.formats)],
    deidentify: input.deidentify,
    deidentifyNotes: input.deidentify ? (input.deidentifyNotes ?? null) : null,
  };
}

/** The edits between two asks, as the timeline shows them ("Record types: Stops → Stops, Use of Force"). */
function askChanges(before: RequestAsk, after: RequestAsk, typesBefore: { name: string }[], typesAfter: { name: string }[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const change = (field: string, label: string, from: string | null, to: string | null) => {
    if ((from ?? "") !== (to ?? "")) changes.push({ field, label, from: from || null, to: to || null });
  };
  const names = (list: { name: string }[]) => list.map((t) => t.name).join(", ");
  change("recordTypes", "Record types", names(typesBefore), names(typesAfter));
  const detail = (d: DetailLevel | null) => (d ? DETAIL_LEVEL_LABELS[d].replace(/ \(.*\)$/, "") : null);
  change("detailLevel", "Detail level", detail(before.detailLevel), detail(after.detailLevel));
  change("period", "Coverage period", describePeriod(before.periodStart, before.periodEnd), describePeriod(after.periodStart, after.periodEnd));
  const formats = (list: FormatWanted[]) => list.map((f) => FORMAT_LABELS[f]).join(", ");
  change("formats", "Format wanted", formats(before.formats), formats(after.formats));
  const deidentify = (a: RequestAsk) => (a.deidentify ? ["De-identified", a.deidentifyNotes].filter(Boolean).join(": ") : "Not asked");
  change("deidentify", "De-identification", deidentify(before), deidentify(after));
  return changes;
}

function describePeriod(start: string | null, end: string | null): string | null {
  if (!start) return null;
  return end ? `${start} to ${end}` : `${start} to the present`;
}

/** Changes the structured ask: record types, detail level, period, formats and de-identification. */
export async function updateAsk(
  viewer: Viewer,
  requestId: string,
  input: Omit<EditAskInput, "intent">,
  db: Executor = defaultDb,
): Promise<Result<{ changed: number }> | null> {
  const typeIds = [...new Set(input.recordTypeIds)];
  const found = typeIds.length
    ? await db.select({ id: recordTypes.id }).from(recordTypes).where(and(inArray(recordTypes.id, typeIds), visibleRecordTypes(viewer)))
    : [];
  if (found.length !== typeIds.length) return fail("recordTypeIds", "Choose record types from the list");
  if (input.newRecordType) {
    const existing = await findRecordTypeByName(viewer, input.newRecordType, db);
    const created = existing ? ok(existing) : await createRecordType(viewer, { name: input.newRecordType }, db);
    if (!created.ok) return fail("newRecordType", created.fieldErrors.name?.[0] ?? "Give another name");
    if (!typeIds.includes(created.value.id)) typeIds.push(created.value.id);
  }

  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    const before = await readAsk(tx, current.id);
    const typesBefore = await readAskedRecordTypes(tx, current.id);
    const fieldsNow = await readAskedFields(tx, viewer, current.id);

    const removedTypes = typesBefore.filter((t) => !typeIds.includes(t.id));
    const stillUsed = removedTypes.filter((t) => fieldsNow.some((f) => f.recordTypeId === t.id));
    if (stillUsed.length > 0) {
      return fail("recordTypeIds", `${stillUsed.map((t) => t.name).join(", ")} still ${stillUsed.length === 1 ? "has" : "have"} fields asked; remove those fields first`);
    }

    const after = askFrom(input);
    await syncRecordTypes(tx, viewer, current.id, typeIds);
    const typesAfter = await readAskedRecordTypes(tx, current.id);

    const changes = askChanges(before, after, typesBefore, typesAfter);
    if (changes.length === 0) return ok({ changed: 0 });

    await tx
      .insert(requestAsks)
      .values({ requestId: current.id, organizationId: current.organizationId, ...after, updatedById: viewer.id })
      .onConflictDoUpdate({ target: requestAsks.requestId, set: { ...after, updatedById: viewer.id, updatedAt: new Date() } });
    await touch(tx, current.id);
    await recordEvent(tx, viewer, current.id, { kind: "edited", data: { changes } });
    return ok({ changed: changes.length });
  });
}

async function syncRecordTypes(tx: Transaction, viewer: Viewer, requestId: string, wanted: string[]) {
  const existing = await tx.select({ recordTypeId: requestRecordTypes.recordTypeId }).from(requestRecordTypes).where(eq(requestRecordTypes.requestId, requestId));
  const have = new Set(existing.map((r) => r.recordTypeId));
  const toAdd = wanted.filter((id) => !have.has(id));
  const toRemove = [...have].filter((id) => !wanted.includes(id));
  if (toAdd.length) {
    await tx
      .insert(requestRecordTypes)
      .values(toAdd.map((recordTypeId) => ({ organizationId: viewer.organizationId, requestId, recordTypeId })))
      .onConflictDoNothing();
  }
  if (toRemove.length) {
    await tx.delete(requestRecordTypes).where(and(eq(requestRecordTypes.requestId, requestId), inArray(requestRecordTypes.recordTypeId, toRemove)));
  }
}

/**
 * Sets which fields the request asks for: the catalog fields checked, the custom fields kept, and maybe one
 * new custom field. Fields no longer asked are removed (their history stays on the timeline); the record
 * types of new fields join the ask.
 */
export async function setAskedFields(
  viewer: Viewer,
  requestId: string,
  input: Omit<SetFieldsInput, "intent">,
  db: Executor = defaultDb,
): Promise<Result<{ added: number; removed: number }> | null> {
  const wantedCatalog = [...new Set(input.catalogFieldIds)];
  const catalog = wantedCatalog.length
    ? await db
        .select({ id: catalogFields.id, key: catalogFields.key, label: catalogFields.label, recordTypeId: catalogFields.recordTypeId, recordTypeName: recordTypes.name, position: catalogFields.position })
        .from(catalogFields)
        .innerJoin(recordTypes, eq(recordTypes.id, catalogFields.recordTypeId))
        .where(and(inArray(catalogFields.id, wantedCatalog), visibleCatalogFields(viewer), visibleRecordTypes(viewer)))
    : [];
  if (catalog.length !== wantedCatalog.length) return fail("catalogFieldIds", "Choose fields from the catalog");
  let customType: { id: string; name: string } | null = null;
  if (input.customLabel && input.customRecordTypeId) {
    const [type] = await db
      .select({ id: recordTypes.id, name: recordTypes.name })
      .from(recordTypes)
      .where(and(eq(recordTypes.id, input.customRecordTypeId), visibleRecordTypes(viewer)))
      .limit(1);
    if (!type) return fail("customRecordTypeId", "Choose a record type from the list");
    customType = type;
  }

  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    const fieldsNow = await readAskedFields(tx, viewer, current.id);
    const keepCustom = new Set(input.keepCustomIds);

    const removed = fieldsNow.filter((f) => (f.catalogFieldId ? !wantedCatalog.includes(f.catalogFieldId) : !keepCustom.has(f.id)));
    const askedCatalog = new Set(fieldsNow.map((f) => f.catalogFieldId).filter(Boolean));
    const addedCatalog = catalog.filter((c) => !askedCatalog.has(c.id));
    const rows = addedCatalog.map((c) => ({ recordTypeId: c.recordTypeId, recordTypeName: c.recordTypeName, catalogFieldId: c.id as string | null, key: c.key, label: c.label, position: c.position }));
    if (customType && input.customLabel) {
      const key = fieldKeyFor(input.customLabel);
      const clash = fieldsNow.find((f) => f.recordTypeId === customType!.id && f.key === key && !removed.includes(f)) ?? rows.find((r) => r.recordTypeId === customType!.id && r.key === key);
      if (clash) return fail("customLabel", `${customType.name} already has the field "${clash.label}" on this request`);
      rows.push({ recordTypeId: customType.id, recordTypeName: customType.name, catalogFieldId: null, key, label: input.customLabel, position: 10_000 + fieldsNow.length });
    }
    if (rows.length === 0 && removed.length === 0) return ok({ added: 0, removed: 0 });

    if (removed.length) await tx.delete(requestFields).where(inArray(requestFields.id, removed.map((f) => f.id)));
    if (rows.length) {
      await tx.insert(requestFields).values(
        rows.map((r) => ({
          organizationId: current.organizationId,
          requestId: current.id,
          recordTypeId: r.recordTypeId,
          catalogFieldId: r.catalogFieldId,
          key: r.key,
          label: r.label,
          position: r.position,
          createdById: viewer.id,
        })),
      );
      const typesNow = await tx.select({ id: requestRecordTypes.recordTypeId }).from(requestRecordTypes).where(eq(requestRecordTypes.requestId, current.id));
      const wantedTypes = [...new Set([...typesNow.map((t) => t.id), ...rows.map((r) => r.recordTypeId)])];
      await syncRecordTypes(tx, viewer, current.id, wantedTypes);
    }
    const ref = (f: { key: string; label: string; recordTypeName: string }): AskedFieldRef => ({ key: f.key, label: f.label, recordType: f.recordTypeName });
    await touch(tx, current.id);
    await recordEvent(tx, viewer, current.id, { kind: "fields_asked", data: { added: rows.map(ref), removed: removed.map(ref) } });
    return ok({ added: rows.length, removed: removed.length });
  });
}

/** The code keys a request tracks (code lists, data dictionaries), in the order they were asked. */
export async function readCodeKeys(db: Executor, audience: Audience | null, requestId: string) {
  return db
    .select({
      id: requestCodeKeys.id,
      kind: requestCodeKeys.kind,
      label: requestCodeKeys.label,
      columnName: requestCodeKeys.columnName,
      state: requestCodeKeys.state,
      stateNote: requestCodeKeys.stateNote,
      stateFileId: requestFiles.id,
      stateFileName: requestFiles.originalName,
      stateChangedAt: requestCodeKeys.stateChangedAt,
    })
    .from(requestCodeKeys)
    .innerJoin(requests, eq(requests.id, requestCodeKeys.requestId))
    .leftJoin(requestFiles, audience ? and(eq(requestFiles.id, requestCodeKeys.stateFileId), visibleFiles(audience)) : eq(requestFiles.id, requestCodeKeys.stateFileId))
    .where(eq(requestCodeKeys.requestId, requestId))
    .orderBy(asc(requestCodeKeys.createdAt), asc(requestCodeKeys.label));
}
export type CodeKey = Awaited<ReturnType<typeof readCodeKeys>>[number];

export interface StatesInput {
  fileId?: string;
  fields?: ReadonlyArray<{ id: string; state: FieldState; note?: string }>;
  codeKeys?: ReadonlyArray<{ id: string; state: FieldState; note?: string }>;
}

/**
 * Records what came back for fields and code keys in one step, as ONE timeline entry listing every change.
 * With `fileId` (confirming a received file's proposals), a received or partly received state is credited to
 * the file only when the file is the evidence for it (it has the column, or it is the code list); any other
 * state, or an item the file doesn't hold, is recorded without the file. Withheld and denied need the
 * exemption or reason cited.
 */
export async function updateFieldStates(viewer: Viewer, requestId: string, input: StatesInput, db: Executor = defaultDb): Promise<Result<{ changed: number }> | null> {
  const fieldInput = input.fields ?? [];
  const keyInput = input.codeKeys ?? [];
  for (const [list, items] of [["fields", fieldInput], ["codeKeys", keyInput]] as const) {
    const i = items.findIndex((item) => missingNote(item.state, item.note));
    if (i >= 0) return fail(`${list}[${i}].note`, missingNote(items[i]!.state, items[i]!.note)!);
  }
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    const fieldsNow = new Map((await readAskedFields(tx, viewer, current.id)).map((f) => [f.id, f]));
    const keysNow = new Map((await readCodeKeys(tx, viewer, current.id)).map((k) => [k.id, k]));
    if (fieldInput.some((f) => !fieldsNow.has(f.id))) return fail("fields", "A field is no longer asked on this request; reload the page and try again");
    if (keyInput.some((k) => !keysNow.has(k.id))) return fail("codeKeys", "A code key is no longer tracked on this request; reload the page and try again");

    let file: { id: string; name: string } | null = null;
    let evidence = { fieldIds: new Set<string>(), codeKeyIds: new Set<string>() };
    if (input.fileId) {
      const [row] = await tx
        .select({ id: requestFiles.id, name: requestFiles.originalName })
        .from(requestFiles)
        .where(and(eq(requestFiles.id, input.fileId), eq(requestFiles.requestId, current.id)))
        .limit(1);
      if (!row) return fail("fileId", "That file is not on this request");
      file = row;
      evidence = (await fileEvidence(tx, current.id, row.id, [...fieldsNow.values()], [...keysNow.values()])) ?? evidence;
    }

    const now = new Date();
    const changes: ReceivedStateChange[] = [];
    const credit = (state: FieldState, isEvidence: boolean) => Boolean(file && isEvidence && (state === "received" || state === "partly_received"));
    for (const change of fieldInput) {
      const field = fieldsNow.get(change.id)!;
      const note = change.note ?? null;
      if (field.state === change.state && (field.stateNote ?? null) === note) continue;
      const fromFile = credit(change.state, evidence.fieldIds.has(field.id));
      await tx
        .update(requestFields)
        .set({
          state: change.state,
          stateNote: note,
          // A note edited on an unchanged state keeps its file; a new state has the file only if it is the evidence.
          stateFileId: fromFile ? file!.id : field.state === change.state ? field.stateFileId : null,
          stateChangedAt: now,
          stateChangedById: viewer.id,
        })
        .where(eq(requestFields.id, field.id));
      changes.push({ item: "field", id: field.id, key: field.key, label: field.label, recordType: field.recordTypeName, from: field.state, to: change.state, ...(note ? { note } : {}), ...(fromFile ? { fromFile: true } : {}) });
    }
    for (const change of keyInput) {
      const key = keysNow.get(change.id)!;
      const note = change.note ?? null;
      if (key.state === change.state && (key.stateNote ?? null) === note) continue;
      const fromFile = credit(change.state, evidence.codeKeyIds.has(key.id));
      await tx
        .update(requestCodeKeys)
        .set({ state: change.state, stateNote: note, stateFileId: fromFile ? file!.id : key.state === change.state ? key.stateFileId : null, stateChangedAt: now, stateChangedById: viewer.id })
        .where(eq(requestCodeKeys.id, key.id));
      changes.push({ item: "code_key", id: key.id, key: key.columnName ?? "", label: key.label, recordType: CODE_KEY_KIND_LABELS[key.kind], from: key.state, to: change.state, ...(note ? { note } : {}), ...(fromFile ? { fromFile: true } : {}) });
    }
    if (changes.length === 0) return ok({ changed: 0 });
    await touch(tx, current.id);
    await recordEvent(tx, viewer, current.id, {
      kind: "received_states_changed",
      data: { changes, ...(file && changes.some((c) => c.fromFile) ? { fileId: file.id, fileName: file.name } : {}) },
    });
    return ok({ changed: changes.length });
  });
}

/**
 * The structured ask of a joint ask: record types and fields from the catalog, detail level, period, format and
 * de-identification. Each request the joint ask generates gets a copy (copyAskToRequest).
 */
export interface FieldsAsk {
  ask: RequestAsk;
  /** `id` is null only in a preview, for an "other record type" not created yet. */
  recordTypes: Array<{ id: string | null; key: string; name: string }>;
  fields: Array<{ recordTypeId: string; recordTypeName: string; catalogFieldId: string | null; key: string; label: string; position: number }>;
}

/**
 * Checks the record types and catalog fields of an ask against the catalog the viewer sees; the record types
 * of the fields asked join the ask (as on a request). An "other record type" is found by name, or created
 * in the caller's transaction with `create` (a preview only names it).
 */
export async function resolveFieldsAsk(
  viewer: Viewer,
  input: AskInput & { catalogFieldIds: readonly string[] },
  options: { create: boolean },
  db: Executor = defaultDb,
): Promise<Result<FieldsAsk>> {
  const wantedFields = [...new Set(input.catalogFieldIds)];
  const fields = wantedFields.length
    ? await db
        .select({
          catalogFieldId: catalogFields.id,
          key: catalogFields.key,
          label: catalogFields.label,
          position: catalogFields.position,
          recordTypeId: catalogFields.recordTypeId,
          recordTypeName: recordTypes.name,
          recordTypePosition: recordTypes.position,
        })
        .from(catalogFields)
        .innerJoin(recordTypes, eq(recordTypes.id, catalogFields.recordTypeId))
        .where(and(inArray(catalogFields.id, wantedFields), visibleCatalogFields(viewer), visibleRecordTypes(viewer)))
    : [];
  if (fields.length !== wantedFields.length) return fail("catalogFieldIds", "Choose fields from the catalog");
  const typeIds = [...new Set([...input.recordTypeIds, ...fields.map((f) => f.recordTypeId)])];
  const types = typeIds.length
    ? await db
        .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name, position: recordTypes.position })
        .from(recordTypes)
        .where(and(inArray(recordTypes.id, typeIds), visibleRecordTypes(viewer)))
    : [];
  if (types.length !== typeIds.length) return fail("recordTypeIds", "Choose record types from the list");
  const chosen: FieldsAsk["recordTypes"] = types
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
    .map(({ id, key, name }) => ({ id, key, name }));
  if (input.newRecordType) {
    const existing = await findRecordTypeByName(viewer, input.newRecordType, db);
    if (existing) {
      if (!chosen.some((t) => t.id === existing.id)) chosen.push(existing);
    } else if (options.create) {
      const created = await createRecordType(viewer, { name: input.newRecordType }, db);
      if (!created.ok) return fail("newRecordType", created.fieldErrors.name?.[0] ?? "Give another name");
      chosen.push(created.value);
    } else {
      chosen.push({ id: null, key: fieldKeyFor(input.newRecordType), name: input.newRecordType.replace(/\s+/g, " ") });
    }
  }
  const typeOrder = new Map(types.map((t) => [t.id, t.position]));
  return ok({
    ask: askFrom(input),
    recordTypes: chosen,
    fields: fields
      .sort((a, b) => (typeOrder.get(a.recordTypeId) ?? 0) - (typeOrder.get(b.recordTypeId) ?? 0) || a.position - b.position || a.key.localeCompare(b.key))
      .map(({ recordTypePosition: _p, ...f }) => f),
  });
}

/** Stores a joint ask's structured ask; run in the transaction that creates the joint ask. */
export async function saveCampaignAsk(tx: Executor, viewer: Viewer, campaignId: string, fieldsAsk: FieldsAsk): Promise<void> {
  await tx.insert(campaignAsks).values({ campaignId, organizationId: viewer.organizationId, ...fieldsAsk.ask });
  const typeIds = fieldsAsk.recordTypes.map((t) => t.id).filter((id): id is string => id !== null);
  if (typeIds.length) {
    await tx.insert(campaignRecordTypes).values(typeIds.map((recordTypeId) => ({ organizationId: viewer.organizationId, campaignId, recordTypeId })));
  }
  if (fieldsAsk.fields.length) {
    await tx.insert(campaignFields).values(fieldsAsk.fields.map((f) => ({ ...askedFieldColumns(f), organizationId: viewer.organizationId, campaignId })));
  }
}

/** The columns a field asked keeps, on a joint ask (campaign_fields) and on each of its requests (request_fields). */
function askedFieldColumns(f: FieldsAsk["fields"][number]) {
  return { recordTypeId: f.recordTypeId, catalogFieldId: f.catalogFieldId, key: f.key, label: f.label, position: f.position };
}

/**
 * A joint ask's structured ask; null for joint asks made before they had one (record type names only). Call
 * it for a joint ask the viewer may see (getCampaign checked).
 */
export async function readCampaignAsk(campaignId: string, db: Executor = defaultDb): Promise<FieldsAsk | null> {
  const [[ask], types, fields] = await Promise.all([
    db
      .select({
        detailLevel: campaignAsks.detailLevel,
        periodStart: campaignAsks.periodStart,
        periodEnd: campaignAsks.periodEnd,
        formats: campaignAsks.formats,
        deidentify: campaignAsks.deidentify,
        deidentifyNotes: campaignAsks.deidentifyNotes,
      })
      .from(campaignAsks)
      .where(eq(campaignAsks.campaignId, campaignId)),
    db
      .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name })
      .from(campaignRecordTypes)
      .innerJoin(recordTypes, eq(recordTypes.id, campaignRecordTypes.recordTypeId))
      .where(eq(campaignRecordTypes.campaignId, campaignId))
      .orderBy(asc(recordTypes.position), asc(recordTypes.name)),
    db
      .select({
        recordTypeId: campaignFields.recordTypeId,
        recordTypeName: recordTypes.name,
        catalogFieldId: campaignFields.catalogFieldId,
        key: campaignFields.key,
        label: campaignFields.label,
        position: campaignFields.position,
      })
      .from(campaignFields)
      .innerJoin(recordTypes, eq(recordTypes.id, campaignFields.recordTypeId))
      .where(eq(campaignFields.campaignId, campaignId))
      .orderBy(asc(recordTypes.position), asc(campaignFields.position), asc(campaignFields.key)),
  ]);
  if (!ask && types.length === 0) return null;
  const formats = (ask?.formats ?? []).filter((f): f is FormatWanted => (FORMATS_WANTED as readonly string[]).includes(f));
  return { ask: ask ? { ...ask, formats } : NO_ASK, recordTypes: types, fields };
}

// Rows of at most a dozen columns: 1,000 a statement stays well under Postgres' 65,535 bind parameters.
const ROWS_PER_INSERT = 1000;

/**
 * Gives the requests just made by a joint ask the same ask: its record types, fields (each not yet received),
 * detail level, period, format and de-identification, with the timeline events a person making the same
 * changes would leave. Runs in the generating transaction; one insert per table for all the requests, so a
 * joint ask to hundreds of agencies doesn't make hundreds of round trips.
 */
export async function copyAskToRequests(tx: Executor, viewer: Viewer, requestIds: readonly string[], fieldsAsk: FieldsAsk): Promise<void> {
  if (requestIds.length === 0) return;
  const organizationId = viewer.organizationId;
  const types = fieldsAsk.recordTypes.filter((t): t is { id: string; key: string; name: string } => t.id !== null);
  const changes = askChanges(NO_ASK, fieldsAsk.ask, [], types);
  if (changes.some((c) => c.field !== "recordTypes")) {
    const rows = requestIds.map((requestId) => ({ requestId, organizationId, ...fieldsAsk.ask, updatedById: viewer.id }));
    await inSlices(rows, ROWS_PER_INSERT, (slice) => tx.insert(requestAsks).values(slice));
  }
  if (types.length) {
    const rows = requestIds.flatMap((requestId) => types.map((t) => ({ organizationId, requestId, recordTypeId: t.id })));
    await inSlices(rows, ROWS_PER_INSERT, (slice) => tx.insert(requestRecordTypes).values(slice));
  }
  if (changes.length) await recordEventOnEach(tx, viewer, requestIds, { kind: "edited", data: { changes } });
  if (fieldsAsk.fields.length) {
    const rows = requestIds.flatMap((requestId) => fieldsAsk.fields.map((f) => ({ ...askedFieldColumns(f), organizationId, requestId, createdById: viewer.id })));
    await inSlices(rows, ROWS_PER_INSERT, (slice) => tx.insert(requestFields).values(slice));
    const added = fieldsAsk.fields.map((f): AskedFieldRef => ({ key: f.key, label: f.label, recordType: f.recordTypeName }));
    await recordEventOnEach(tx, viewer, requestIds, { kind: "fields_asked", data: { added, removed: [] } });
  }
}

/**
 * Gives one request that joins a joint ask (a partner's, added by its number) the joint ask's ask, as its own
 * organization's rows: the record types and fields it does not ask yet, and the detail, period and format when
 * it has none of its own. What it already asks stays; each addition is on its timeline.
 */
export async function adoptCampaignAsk(tx: Executor, viewer: Viewer, requestId: string, fieldsAsk: FieldsAsk): Promise<{ recordTypes: number; fields: number }> {
  const organizationId = viewer.organizationId;
  const types = fieldsAsk.recordTypes.filter((t): t is { id: string; key: string; name: string } => t.id !== null);
  const hadAsk = await tx.select({ id: requestAsks.requestId }).from(requestAsks).where(eq(requestAsks.requestId, requestId)).limit(1);
  const askChanged = hadAsk.length === 0 ? askChanges(NO_ASK, fieldsAsk.ask, [], []) : [];
  if (askChanged.length) {
    await tx.insert(requestAsks).values({ requestId, organizationId, ...fieldsAsk.ask, updatedById: viewer.id }).onConflictDoNothing();
  }
  const addedTypes = types.length
    ? await tx
        .insert(requestRecordTypes)
        .values(types.map((t) => ({ organizationId, requestId, recordTypeId: t.id })))
        .onConflictDoNothing()
        .returning({ recordTypeId: requestRecordTypes.recordTypeId })
    : [];
  const before = addedTypes.length ? types.filter((t) => !addedTypes.some((a) => a.recordTypeId === t.id)) : types;
  const changes = [...askChanged, ...(addedTypes.length ? askChanges(NO_ASK, NO_ASK, before, types) : [])];
  if (changes.length) await recordEvent(tx, viewer, requestId, { kind: "edited", data: { changes, note: "The joint ask's ask" } });
  const addedFields = fieldsAsk.fields.length
    ? await tx
        .insert(requestFields)
        .values(fieldsAsk.fields.map((f) => ({ ...askedFieldColumns(f), organizationId, requestId, createdById: viewer.id })))
        .onConflictDoNothing()
        .returning({ key: requestFields.key, recordTypeId: requestFields.recordTypeId })
    : [];
  if (addedFields.length) {
    const added = fieldsAsk.fields
      .filter((f) => addedFields.some((a) => a.key === f.key && a.recordTypeId === f.recordTypeId))
      .map((f): AskedFieldRef => ({ key: f.key, label: f.label, recordType: f.recordTypeName }));
    await recordEvent(tx, viewer, requestId, { kind: "fields_asked", data: { added, removed: [] } });
  }
  return { recordTypes: addedTypes.length, fields: addedFields.length };
}

export interface CoverageMatrix {
  /** Columns: one per field asked by any of the requests, `id` = "<record type key>.<field key>". */
  fields: Array<{ id: string; key: string; label: string; recordTypeKey: string; recordTypeName: string }>;
  /** Rows: one per visible request (to an agency or a vendor), vendors first, then by place and agency; a field not asked is null. */
  rows: Array<{
    requestId: string;
    number: number;
    title: string;
    /** The agency or, for a request to a vendor, the vendor. */
    targetName: string;
    /** The agency's place; null for a vendor. */
    jurisdictionName: string | null;
    /** Whose request it is: the joint ask's organization's, or a coalition partner's. */
    organizationName: string;
    /** Its short code, for the reference "TRC-12". */
    organizationCode: string;
    isVendor: boolean;
    states: Record<string, FieldState | null>;
    coverage: Coverage;
  }>;
}

/**
 * The city-by-field view of several requests, given by id or as a joint ask's: which fields each asked for
 * and what came back. Requests to a vendor are rows too; requests the viewer can't see are left out.
 */
export async function coverageMatrix(
  viewer: Viewer,
  requests_: readonly string[] | { campaignId: string },
  db: Executor = defaultDb,
): Promise<CoverageMatrix> {
  let which: SQL;
  if ("campaignId" in requests_) {
    // A joint ask's requests, chosen by the index on campaign_id rather than a list of hundreds of ids.
    if (!isUuid(requests_.campaignId)) return { fields: [], rows: [] };
    which = eq(requests.campaignId, requests_.campaignId);
  } else {
    const ids = [...new Set(requests_.filter(isUuid))];
    if (ids.length === 0) return { fields: [], rows: [] };
    which = inArray(requests.id, ids);
  }
  const [requestRows, fieldRows] = await Promise.all([
    db
      .select({
        id: requests.id,
        number: requests.number,
        title: requests.title,
        agencyName: agencies.name,
        vendorName: vendors.name,
        jurisdictionName: jurisdictions.name,
        organizationName: organizations.name,
        organizationCode: organizations.shortCode,
      })
      .from(requests)
      .innerJoin(organizations, eq(organizations.id, requests.organizationId))
      .leftJoin(agencies, eq(agencies.id, requests.agencyId))
      .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .leftJoin(vendors, eq(vendors.id, requests.vendorId))
      .where(and(which, visibleRequests(viewer)))
      .orderBy(sql`${requests.vendorId} is null`, asc(jurisdictions.name), asc(sql`coalesce(${agencies.name}, ${vendors.name})`), asc(requests.number)),
    db
      .select({
        requestId: requestFields.requestId,
        key: requestFields.key,
        label: requestFields.label,
        state: requestFields.state,
        recordTypeKey: recordTypes.key,
        recordTypeName: recordTypes.name,
      })
      .from(requestFields)
      .innerJoin(requests, eq(requests.id, requestFields.requestId))
      .innerJoin(recordTypes, eq(recordTypes.id, requestFields.recordTypeId))
      .where(and(which, visibleRequests(viewer)))
      .orderBy(asc(recordTypes.position), asc(requestFields.position), asc(requestFields.key)),
  ]);
  const columns = new Map<string, CoverageMatrix["fields"][number]>();
  const byRequest = new Map<string, typeof fieldRows>();
  for (const f of fieldRows) {
    const id = `${f.recordTypeKey}.${f.key}`;
    if (!columns.has(id)) columns.set(id, { id, key: f.key, label: f.label, recordTypeKey: f.recordTypeKey, recordTypeName: f.recordTypeName });
    const own = byRequest.get(f.requestId);
    if (own) own.push(f);
    else byRequest.set(f.requestId, [f]);
  }
  const rows = requestRows.map((r) => {
    const own = byRequest.get(r.id) ?? [];
    const states: Record<string, FieldState | null> = Object.fromEntries([...columns.keys()].map((id) => [id, null]));
    for (const f of own) states[`${f.recordTypeKey}.${f.key}`] = f.state;
    return {
      requestId: r.id,
      number: r.number,
      title: r.title,
      targetName: r.agencyName ?? r.vendorName ?? "",
      jurisdictionName: r.jurisdictionName,
      organizationName: r.organizationName,
      organizationCode: r.organizationCode,
      isVendor: r.agencyName === null,
      states,
      coverage: coverageOf(own),
    };
  });
  return { fields: [...columns.values()], rows };
}

/** Words for the change of one field, e.g. for flash messages. */
export function describeStateChange(count: number): string {
  return count === 0 ? "Nothing changed." : `Saved what came back for ${count} ${count === 1 ? "field" : "fields"}.`;
}
