import { and, asc, count, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, jurisdictions, organizations, requests } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownJurisdictions, ownRequests, visibleAgencies } from "./access.server";
import type { AgencyInput, LocalJurisdictionInput } from "./places-input";
import { OPEN_STATUSES } from "./request-status";
import { isUuid } from "./requests.server";
import { refreshDeadlinesWhere } from "./deadlines.server";
import { refreshAgencyPlace } from "./memberships.server";
import { todayIn } from "../utils/dates";
import { conflicted, fail, ok, type Result } from "./results";
import { editVersion, staleEdit } from "./edit-version";

const state = alias(jurisdictions, "state");

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Every jurisdiction the organization can use, states first then its local ones, with how many of its agencies each has. */
export async function listJurisdictions(viewer: Viewer, db: Executor = defaultDb) {
  const agencyCounts = db
    .select({ jurisdictionId: agencies.jurisdictionId, agencyCount: count().as("agency_count") })
    .from(agencies)
    .where(ownAgencies(viewer))
    .groupBy(agencies.jurisdictionId)
    .as("agency_counts");
  return db
    .select({
      id: jurisdictions.id,
      kind: jurisdictions.kind,
      name: jurisdictions.name,
      code: jurisdictions.code,
      stateId: jurisdictions.stateId,
      county: jurisdictions.county,
      stateName: state.name,
      stateCode: state.code,
      agencyCount: sql<number>`coalesce(${agencyCounts.agencyCount}, 0)`.mapWith(Number),
    })
    .from(jurisdictions)
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .leftJoin(agencyCounts, eq(agencyCounts.jurisdictionId, jurisdictions.id))
    .where(ownJurisdictions(viewer))
    .orderBy(
      sql`case ${jurisdictions.kind} when 'federal' then 0 when 'state' then 1 else 2 end`,
      asc(sql`coalesce(${state.name}, ${jurisdictions.name})`),
      asc(jurisdictions.name),
    );
}

export async function listStates(db: Executor = defaultDb) {
  return db
    .select({ id: jurisdictions.id, name: jurisdictions.name, code: jurisdictions.code })
    .from(jurisdictions)
    .where(and(isNull(jurisdictions.organizationId), eq(jurisdictions.kind, "state")))
    .orderBy(asc(jurisdictions.name));
}

export async function createLocalJurisdiction(
  viewer: Viewer,
  input: LocalJurisdictionInput,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }>> {
  const [parent] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.id, input.stateId), eq(jurisdictions.kind, "state"), isNull(jurisdictions.organizationId)))
    .limit(1);
  if (!parent) return fail("stateId", "Choose a state from the list");
  try {
    const [row] = await db
      .insert(jurisdictions)
      .values({
        organizationId: viewer.organizationId,
        kind: input.kind,
        name: input.name,
        stateId: parent.id,
        county: input.kind === "county" ? input.name.replace(/\s+county$/i, "") : (input.county ?? null),
      })
      .returning({ id: jurisdictions.id });
    return ok(row!);
  } catch (error) {
    if (isUniqueViolation(error)) return fail("name", `${input.name} is already in the list for that state`);
    throw error;
  }
}

/** The organization's own agencies (those it files requests to), with their open requests. */
export async function listAgencies(
  viewer: Viewer,
  filters: { q?: string; jurisdictionId?: string } = {},
  db: Executor = defaultDb,
) {
  const openCounts = db
    .select({ agencyId: requests.agencyId, openCount: count().as("open_count") })
    .from(requests)
    .where(and(ownRequests(viewer), inArray(requests.status, [...OPEN_STATUSES])))
    .groupBy(requests.agencyId)
    .as("open_counts");
  const conditions = [ownAgencies(viewer)];
  if (filters.q) conditions.push(ilike(agencies.name, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filters.jurisdictionId && isUuid(filters.jurisdictionId)) {
    conditions.push(eq(agencies.jurisdictionId, filters.jurisdictionId));
  }
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      type: agencies.type,
      jurisdictionId: agencies.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      stateCode: sql<string | null>`coalesce(${state.code}, ${jurisdictions.code})`,
      recordsContactEmail: agencies.recordsContactEmail,
      openRequests: sql<number>`coalesce(${openCounts.openCount}, 0)`.mapWith(Number),
    })
    .from(agencies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .leftJoin(openCounts, eq(openCounts.agencyId, agencies.id))
    .where(and(...conditions))
    .orderBy(asc(jurisdictions.name), asc(agencies.name));
}

export async function getAgency(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      type: agencies.type,
      ori: agencies.ori,
      jurisdictionId: agencies.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      jurisdictionKind: jurisdictions.kind,
      stateName: state.name,
      recordsContactName: agencies.recordsContactName,
      recordsContactEmail: agencies.recordsContactEmail,
      portalUrl: agencies.portalUrl,
      notes: agencies.notes,
      deadlineRuleDays: agencies.deadlineRuleDays,
      deadlineRuleDayType: agencies.deadlineRuleDayType,
      deadlineRuleReason: agencies.deadlineRuleReason,
      createdAt: agencies.createdAt,
      updatedAt: agencies.updatedAt,
      organizationId: agencies.organizationId,
      organizationName: organizations.name,
    })
    .from(agencies)
    .innerJoin(organizations, eq(organizations.id, agencies.organizationId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .where(and(eq(agencies.id, id), visibleAgencies(viewer)))
    .limit(1);
  return row ?? null;
}

async function jurisdictionIsVisible(db: Executor, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.id, id), ownJurisdictions(viewer)))
    .limit(1);
  return Boolean(row);
}

/** The values the agency edit form shows, whose version it carries. */
export const AGENCY_EDIT_FIELDS = [
  "name",
  "type",
  "jurisdictionId",
  "recordsContactName",
  "recordsContactEmail",
  "portalUrl",
  "notes",
  "deadlineRuleDays",
  "deadlineRuleDayType",
  "deadlineRuleReason",
] as const;
const AGENCY_LABELS: Record<string, string> = {
  name: "Name",
  type: "Kind",
  jurisdictionId: "Jurisdiction",
  recordsContactName: "Records contact",
  recordsContactEmail: "Records email",
  portalUrl: "Portal link",
  notes: "Notes",
  deadlineRuleDays: "Deadline days",
  deadlineRuleDayType: "Day type",
  deadlineRuleReason: "Why this rule",
};

export function agencyEditVersion(row: Record<string, unknown>): string {
  return editVersion(row, AGENCY_EDIT_FIELDS);
}

function agencyValues(input: AgencyInput) {
  return {
    name: input.name,
    type: input.type,
    jurisdictionId: input.jurisdictionId,
    recordsContactName: input.recordsContactName ?? null,
    recordsContactEmail: input.recordsContactEmail ?? null,
    portalUrl: input.portalUrl ?? null,
    notes: input.notes ?? null,
    deadlineRuleDays: input.deadlineRuleDays ?? null,
    deadlineRuleDayType: input.deadlineRuleDayType ?? null,
    deadlineRuleReason: input.deadlineRuleReason ?? null,
  };
}

export async function createAgency(
  viewer: Viewer,
  input: AgencyInput,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }>> {
  if (!(await jurisdictionIsVisible(db, viewer, input.jurisdictionId))) {
    return fail("jurisdictionId", "Choose a jurisdiction from the list");
  }
  try {
    const [row] = await db
      .insert(agencies)
      .values({ organizationId: viewer.organizationId, createdById: viewer.id, ...agencyValues(input) })
      .returning({ id: agencies.id });
    return ok(row!);
  } catch (error) {
    if (isUniqueViolation(error)) return fail("name", `An agency named ${input.name} already exists there`);
    throw error;
  }
}

export async function updateAgency(
  viewer: Viewer,
  id: string,
  input: AgencyInput,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }> | null> {
  if (!isUuid(id)) return null;
  if (!(await jurisdictionIsVisible(db, viewer, input.jurisdictionId))) {
    return fail("jurisdictionId", "Choose a jurisdiction from the list");
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(agencies)
        .where(and(eq(agencies.id, id), ownAgencies(viewer)))
        .for("update");
      if (!row) return null;
      const before = { days: row.deadlineRuleDays, dayType: row.deadlineRuleDayType, reason: row.deadlineRuleReason, jurisdictionId: row.jurisdictionId };
      const values = agencyValues(input);
      const conflict = staleEdit({ version: input.version, current: row, next: values, fields: AGENCY_EDIT_FIELDS, labels: AGENCY_LABELS });
      if (conflict) return conflicted(conflict);
      await tx.update(agencies).set(values).where(eq(agencies.id, id));
      const ruleChanged =
        before.days !== values.deadlineRuleDays || before.dayType !== values.deadlineRuleDayType || before.reason !== values.deadlineRuleReason;
      if (ruleChanged || before.jurisdictionId !== values.jurisdictionId) {
        await refreshDeadlinesWhere(
          tx,
          viewer,
          { agencyId: id },
          values.deadlineRuleDays ? `Agency rule set: ${values.deadlineRuleDays} ${values.deadlineRuleDayType} days (${values.deadlineRuleReason})` : "Agency rule or jurisdiction changed",
        );
      }
      // Shared-vendor groups count places: an agency that moved takes its memberships along.
      await refreshAgencyPlace(tx, viewer.organizationId, id, todayIn(viewer.timeZone));
      return ok({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("name", `An agency named ${input.name} already exists there`);
    throw error;
  }
}
