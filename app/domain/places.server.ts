import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, jurisdictions, organizations, requests } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
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
import { encodePlaceCursor, PLACE_EXACT_TOTAL_LIMIT, PLACE_PAGE_SIZE, type PlaceCursor, type PlaceList } from "./place-list-input";

const state = alias(jurisdictions, "state");

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
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

/** One keyset page of a place list, with its total counted exactly up to PLACE_EXACT_TOTAL_LIMIT. */
export type PlacePage<Row> = {
  rows: Row[];
  total: number;
  totalExact: boolean;
  pageSize: number;
  nextCursor: string | null;
  prevCursor: string | null;
};

type PageQuery = { q?: string; cursor?: PlaceCursor; pageSize?: number };

function containsName(column: SQL | typeof agencies.name | typeof jurisdictions.name, q: string): SQL {
  return ilike(column, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * The keyset part of a page: rows after (or before) the cursor's keys in the order `k1, k2, id`; the order to
 * read in; and, once read (pageSize + 1 rows at most), the page's rows in display order and its cursors.
 */
function keyset(list: PlaceList, query: PageQuery, columns: [SQL | typeof agencies.name, SQL | typeof agencies.name, typeof agencies.id | typeof jurisdictions.id]) {
  const pageSize = query.pageSize ?? PLACE_PAGE_SIZE;
  const cursor = query.cursor?.list === list ? query.cursor : undefined;
  const backwards = Boolean(cursor?.before);
  const [k1, k2, id] = columns;
  const where = cursor
    ? sql`(${k1}, ${k2}, ${id}) ${sql.raw(backwards ? "<" : ">")} (${cursor.keys[0]}::text, ${cursor.keys[1]}::text, ${cursor.id}::uuid)`
    : undefined;
  const orderBy = backwards ? [desc(k1), desc(k2), desc(id)] : [asc(k1), asc(k2), asc(id)];
  const finish = <Row extends { id: string }>(read: Row[], keysOf: (row: Row) => [string, string]) => {
    const more = read.length > pageSize;
    const rows = read.slice(0, pageSize);
    if (backwards) rows.reverse();
    const at = (row: Row | undefined, before: boolean) => (row ? encodePlaceCursor({ list, before, keys: keysOf(row), id: row.id }) : null);
    // Forwards: a next page if a row beyond this one came back; a previous one if this page did not start the list.
    const hasNext = backwards ? true : more;
    const hasPrev = backwards ? more : Boolean(cursor);
    return {
      rows,
      nextCursor: hasNext ? at(rows[rows.length - 1], false) : null,
      prevCursor: hasPrev ? at(rows[0], true) : null,
    };
  };
  return { pageSize, where, orderBy, limit: pageSize + 1, finish };
}

async function boundedCount(db: Executor, counted: SQL): Promise<{ total: number; totalExact: boolean }> {
  const list = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${counted} limit ${PLACE_EXACT_TOTAL_LIMIT + 1}) c`);
  const n = Math.min(Number(list[0]?.n ?? 0), PLACE_EXACT_TOTAL_LIMIT + 1);
  return { total: n, totalExact: n <= PLACE_EXACT_TOTAL_LIMIT };
}

/**
 * A page of the organization's own agencies, by jurisdiction name, agency name, id, whose name contains `q`;
 * with each one's open requests, counted for the page's agencies only (through requests_open_agency_idx).
 */
export async function pageAgencies(viewer: Viewer, query: PageQuery = {}, db: Executor = defaultDb) {
  const page = keyset("agencies", query, [sql`${jurisdictions.name}`, sql`${agencies.name}`, agencies.id]);
  const conditions: (SQL | undefined)[] = [ownAgencies(viewer)];
  if (query.q) conditions.push(containsName(agencies.name, query.q));
  const [read, counted] = await Promise.all([
    db
      .select({
        id: agencies.id,
        name: agencies.name,
        type: agencies.type,
        jurisdictionId: agencies.jurisdictionId,
        jurisdictionName: jurisdictions.name,
        stateCode: sql<string | null>`coalesce(${state.code}, ${jurisdictions.code})`,
        recordsContactEmail: agencies.recordsContactEmail,
      })
      .from(agencies)
      .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .leftJoin(state, eq(state.id, jurisdictions.stateId))
      .where(and(...conditions, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    boundedCount(db, sql`select 1 from ${agencies} where ${and(...conditions)}`),
  ]);
  const { rows, nextCursor, prevCursor } = page.finish(read, (r) => [r.jurisdictionName, r.name]);
  const open = rows.length
    ? await db
        .select({ agencyId: requests.agencyId, n: count() })
        .from(requests)
        .where(and(inArray(requests.agencyId, rows.map((r) => r.id)), ownRequests(viewer), inArray(requests.status, [...OPEN_STATUSES])))
        .groupBy(requests.agencyId)
    : [];
  const openBy = new Map(open.map((o) => [o.agencyId, Number(o.n)]));
  return {
    rows: rows.map((r) => ({ ...r, openRequests: openBy.get(r.id) ?? 0 })),
    ...counted,
    pageSize: page.pageSize,
    nextCursor,
    prevCursor,
  };
}

/** How many of the organization's own agencies each of these jurisdictions has. */
async function agencyCountsIn(viewer: Viewer, jurisdictionIds: string[], db: Executor): Promise<Map<string, number>> {
  if (!jurisdictionIds.length) return new Map();
  const counts = await db
    .select({ jurisdictionId: agencies.jurisdictionId, n: count() })
    .from(agencies)
    .where(and(ownAgencies(viewer), inArray(agencies.jurisdictionId, jurisdictionIds)))
    .groupBy(agencies.jurisdictionId);
  return new Map(counts.map((c) => [c.jurisdictionId, Number(c.n)]));
}

/**
 * The jurisdictions page: a page of the local jurisdictions the organization can use (cities, counties,
 * authorities), by state name, name, id, whose name contains `q`, and the federal and state ones (52 rows),
 * each with how many of the organization's agencies it has, counted for these rows only.
 */
export async function pageJurisdictions(viewer: Viewer, query: PageQuery = {}, db: Executor = defaultDb) {
  const page = keyset("jurisdictions", query, [sql`${state.name}`, sql`${jurisdictions.name}`, jurisdictions.id]);
  const conditions: (SQL | undefined)[] = [ownJurisdictions(viewer), isNotNull(jurisdictions.stateId)];
  if (query.q) conditions.push(containsName(jurisdictions.name, query.q));
  const [read, counted, stateLevel] = await Promise.all([
    db
      .select({
        id: jurisdictions.id,
        kind: jurisdictions.kind,
        name: jurisdictions.name,
        code: jurisdictions.code,
        stateId: jurisdictions.stateId,
        county: jurisdictions.county,
        stateName: sql<string>`${state.name}`,
        stateCode: state.code,
      })
      .from(jurisdictions)
      .innerJoin(state, eq(state.id, jurisdictions.stateId))
      .where(and(...conditions, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    boundedCount(db, sql`select 1 from ${jurisdictions} where ${and(...conditions)}`),
    db
      .select({ id: jurisdictions.id, kind: jurisdictions.kind, name: jurisdictions.name, code: jurisdictions.code })
      .from(jurisdictions)
      .where(and(ownJurisdictions(viewer), isNull(jurisdictions.stateId)))
      .orderBy(sql`case ${jurisdictions.kind} when 'federal' then 0 else 1 end`, asc(jurisdictions.name), asc(jurisdictions.id)),
  ]);
  const { rows, nextCursor, prevCursor } = page.finish(read, (r) => [r.stateName, r.name]);
  const counts = await agencyCountsIn(viewer, [...rows.map((r) => r.id), ...stateLevel.map((s) => s.id)], db);
  return {
    local: {
      rows: rows.map((r) => ({ ...r, agencyCount: counts.get(r.id) ?? 0 })),
      ...counted,
      pageSize: page.pageSize,
      nextCursor,
      prevCursor,
    },
    stateLevel: stateLevel.map((s) => ({ ...s, agencyCount: counts.get(s.id) ?? 0 })),
  };
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
