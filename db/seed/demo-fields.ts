import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import {
  campaignAsks,
  campaignFields,
  campaignRecordTypes,
  catalogFields,
  recordTypes,
  requestAsks,
  requestEvents,
  requestFields,
  requestRecordTypes,
  requests,
} from "../schema";
import type { DetailLevel, FieldState, FormatWanted } from "../schema/field-values";

// Fields asked by the demo requests, and what came back for some of them.

interface AskSpec {
  recordType: string;
  fields: string[];
  detailLevel: DetailLevel;
  periodStart: string;
  formats: FormatWanted[];
  deidentifyNotes?: string;
  states?: Record<string, [FieldState, string?]>;
}

const PSEUDONYMOUS = "A pseudonymous officer id (one-way hash of the badge number); no names or street addresses.";

const STOPS: AskSpec = {
  recordType: "stops",
  fields: ["date", "time", "location", "reason_for_stop", "search_conducted", "search_basis", "outcome", "subject_race", "subject_sex", "subject_age", "officer_id_hash"],
  detailLevel: "record_level",
  periodStart: "2021-01-01",
  formats: ["csv"],
  deidentifyNotes: PSEUDONYMOUS,
};
const CALLS: AskSpec = {
  recordType: "calls_for_service",
  fields: ["call_received_at", "dispatched_at", "on_scene_at", "cleared_at", "call_type_initial", "call_type_final", "priority", "disposition", "officer_initiated", "beat"],
  detailLevel: "record_level",
  periodStart: "2022-01-01",
  formats: ["database_export", "csv"],
  deidentifyNotes: "No names or street addresses.",
};
const COMPLAINTS: AskSpec = {
  recordType: "complaints_misconduct",
  fields: ["complaint_id", "incident_date", "allegation_category", "final_finding", "discipline", "complainant_race", "officer_id_hash"],
  detailLevel: "record_level",
  periodStart: "2018-01-01",
  formats: ["csv", "spreadsheet"],
  deidentifyNotes: PSEUDONYMOUS,
};
const FORCE: AskSpec = {
  recordType: "use_of_force",
  fields: ["date", "force_type", "subject_injured", "officer_injured", "subject_race", "subject_gender", "subject_age", "officer_id_hash"],
  detailLevel: "record_level",
  periodStart: "2020-01-01",
  formats: ["csv"],
  deidentifyNotes: PSEUDONYMOUS,
};

// By the demo request's number (see demo.ts), what it asks for and what came back.
const ASKS: Record<number, AskSpec> = {
  1: STOPS,
  2: { ...FORCE, states: Object.fromEntries(FORCE.fields.map((f) => [f, ["denied", "Denied as exempt investigative records under 65 P.S. 67.708(b)(17)."]])) },
  3: CALLS,
  6: STOPS,
  7: {
    ...CALLS,
    states: {
      call_received_at: ["partly_received", "2022–2023 received; 2024 onward still being compiled."],
      dispatched_at: ["received"],
      on_scene_at: ["received"],
      cleared_at: ["received"],
      call_type_initial: ["received"],
      call_type_final: ["received"],
      priority: ["received"],
      disposition: ["withheld", "Withheld under Gov. Code 7923.600 (investigatory records)."],
      beat: ["received"],
    },
  },
  8: FORCE,
  10: COMPLAINTS,
  12: STOPS,
  14: COMPLAINTS,
  15: { ...CALLS, states: { officer_initiated: ["not_held", "The CAD system does not record who initiated a call."] } },
  17: FORCE,
  19: CALLS,
};

export async function seedDemoFields(db: Executor, organizationId: string, actorId: string): Promise<void> {
  const rows = await db
    .select({ id: requests.id, number: requests.number })
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), inArray(requests.number, Object.keys(ASKS).map(Number))));
  for (const request of rows) {
    const spec = ASKS[request.number]!;
    const [type] = await db
      .select({ id: recordTypes.id, name: recordTypes.name })
      .from(recordTypes)
      .where(and(eq(recordTypes.key, spec.recordType), isNull(recordTypes.organizationId)));
    const catalog = await db
      .select({ id: catalogFields.id, key: catalogFields.key, label: catalogFields.label, position: catalogFields.position })
      .from(catalogFields)
      .where(and(eq(catalogFields.recordTypeId, type!.id), isNull(catalogFields.organizationId), inArray(catalogFields.key, spec.fields)));
    const [last] = await db
      .select({ at: requestEvents.occurredAt })
      .from(requestEvents)
      .where(eq(requestEvents.requestId, request.id))
      .orderBy(desc(requestEvents.seq))
      .limit(1);
    let at = (last?.at ?? new Date()).getTime();
    const next = () => new Date((at += 60_000));

    await db.insert(requestAsks).values({
      requestId: request.id,
      organizationId,
      detailLevel: spec.detailLevel,
      periodStart: spec.periodStart,
      formats: spec.formats,
      deidentify: Boolean(spec.deidentifyNotes),
      deidentifyNotes: spec.deidentifyNotes ?? null,
      updatedById: actorId,
    });
    await db.insert(requestRecordTypes).values({ organizationId, requestId: request.id, recordTypeId: type!.id });
    const inserted = await db
      .insert(requestFields)
      .values(catalog.map((c) => ({ organizationId, requestId: request.id, recordTypeId: type!.id, catalogFieldId: c.id, key: c.key, label: c.label, position: c.position, createdById: actorId })))
      .returning({ id: requestFields.id, key: requestFields.key, label: requestFields.label });
    await db.insert(requestEvents).values({
      organizationId,
      requestId: request.id,
      kind: "fields_asked",
      actorId,
      occurredAt: next(),
      data: { added: inserted.map((f) => ({ key: f.key, label: f.label, recordType: type!.name })), removed: [] },
    });
    for (const field of inserted) {
      const [state, note] = spec.states?.[field.key] ?? [];
      if (!state) continue;
      const when = next();
      await db
        .update(requestFields)
        .set({ state, stateNote: note ?? null, stateChangedAt: when, stateChangedById: actorId })
        .where(eq(requestFields.id, field.id));
      await db.insert(requestEvents).values({
        organizationId,
        requestId: request.id,
        kind: "field_state_changed",
        actorId,
        occurredAt: when,
        data: { requestFieldId: field.id, key: field.key, label: field.label, recordType: type!.name, from: "not_yet", to: state, ...(note ? { note } : {}) },
      });
    }
  }
}

/** The demo joint ask on traffic stops asks what its requests ask: the stops fields, record-level, de-identified. */
export async function seedDemoCampaignAsk(db: Executor, organizationId: string, campaignId: string): Promise<void> {
  const spec = STOPS;
  const [type] = await db.select({ id: recordTypes.id }).from(recordTypes).where(and(eq(recordTypes.key, spec.recordType), isNull(recordTypes.organizationId)));
  const catalog = await db
    .select({ id: catalogFields.id, key: catalogFields.key, label: catalogFields.label, position: catalogFields.position })
    .from(catalogFields)
    .where(and(eq(catalogFields.recordTypeId, type!.id), isNull(catalogFields.organizationId), inArray(catalogFields.key, spec.fields)));
  await db.insert(campaignAsks).values({
    campaignId,
    organizationId,
    detailLevel: spec.detailLevel,
    periodStart: spec.periodStart,
    formats: spec.formats,
    deidentify: Boolean(spec.deidentifyNotes),
    deidentifyNotes: spec.deidentifyNotes ?? null,
  });
  await db.insert(campaignRecordTypes).values({ organizationId, campaignId, recordTypeId: type!.id });
  await db
    .insert(campaignFields)
    .values(catalog.map((c) => ({ organizationId, campaignId, recordTypeId: type!.id, catalogFieldId: c.id, key: c.key, label: c.label, position: c.position })));
}
