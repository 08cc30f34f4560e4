import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, jurisdictions } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownJurisdictions } from "./access.server";
import { containsPattern } from "./request-search.server";
import { isUuid } from "./requests.server";
import { agencyLabel, jurisdictionLabel, type AgencyHit, type JurisdictionHit } from "./place-labels";
import { choiceFromTyped, type TypedChoice } from "./typed-choice";

// The agency and jurisdiction search boxes of the forms (a request's agency, a system's hosting agency, an
// agency's jurisdiction): a few suggestions as one types, and, without JavaScript, the one place a typed name
// means. The forms never list every agency or jurisdiction of the organization (issue 14).

/** At most this many suggestions; a typed name matching more is refused with a few of them named. */
export const PLACE_SUGGESTIONS = 8;

const state = alias(jurisdictions, "state");

const agencyLabelSql = sql<string>`${agencies.name} || ', ' || ${jurisdictions.name}`;
const jurisdictionLabelSql = sql<string>`${jurisdictions.name} || coalesce(', ' || ${state.name}, '')`;

function agencyQuery(viewer: Viewer, where: SQL, limit: number, db: Executor) {
  return db
    .select({ id: agencies.id, name: agencies.name, jurisdictionName: jurisdictions.name })
    .from(agencies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .where(and(ownAgencies(viewer), where))
    .orderBy(sql`length(${agencies.name})`, asc(agencies.name), asc(jurisdictions.name), asc(agencies.id))
    .limit(limit);
}

function jurisdictionQuery(viewer: Viewer, where: SQL, limit: number, db: Executor) {
  return db
    .select({ id: jurisdictions.id, name: jurisdictions.name, stateName: state.name })
    .from(jurisdictions)
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .where(and(ownJurisdictions(viewer), where))
    .orderBy(sql`length(${jurisdictions.name})`, asc(jurisdictions.name), asc(state.name), asc(jurisdictions.id))
    .limit(limit);
}

/**
 * The organization's own agencies (those it files requests to) whose name, or "name, jurisdiction", contains
 * `q`: a few, shortest names first.
 */
export async function suggestOwnAgencies(viewer: Viewer, q: string, limit = PLACE_SUGGESTIONS, db: Executor = defaultDb): Promise<AgencyHit[]> {
  const pattern = containsPattern(q.trim());
  return agencyQuery(viewer, or(ilike(agencies.name, pattern), ilike(agencyLabelSql, pattern))!, limit, db);
}

/** Jurisdictions the organization may add agencies to (reference rows and its own local ones) matching `q`. */
export async function suggestJurisdictions(viewer: Viewer, q: string, limit = PLACE_SUGGESTIONS, db: Executor = defaultDb): Promise<JurisdictionHit[]> {
  const pattern = containsPattern(q.trim());
  return jurisdictionQuery(viewer, or(ilike(jurisdictions.name, pattern), ilike(jurisdictionLabelSql, pattern))!, limit, db);
}

/** One of the organization's own agencies by id, for a form opened with it chosen (/requests/new?agency=). */
export async function ownAgencyChoice(viewer: Viewer, id: string | null | undefined, db: Executor = defaultDb): Promise<AgencyHit | null> {
  if (!id || !isUuid(id)) return null;
  const [row] = await agencyQuery(viewer, eq(agencies.id, id), 1, db);
  return row ?? null;
}

export async function jurisdictionChoice(viewer: Viewer, id: string | null | undefined, db: Executor = defaultDb): Promise<JurisdictionHit | null> {
  if (!id || !isUuid(id)) return null;
  const [row] = await jurisdictionQuery(viewer, eq(jurisdictions.id, id), 1, db);
  return row ?? null;
}

type ByName<T> = TypedChoice<T>;
const MORE = "type more of the name, or name and place as shown";

export async function agencyByName(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<ByName<AgencyHit>> {
  const typed = text.trim();
  const lowered = typed.toLocaleLowerCase();
  const exactWhere = or(sql`lower(${agencies.name}) = ${lowered}`, sql`lower(${agencyLabelSql}) = ${lowered}`)!;
  const [exact, found] = await Promise.all([agencyQuery(viewer, exactWhere, PLACE_SUGGESTIONS + 1, db), suggestOwnAgencies(viewer, typed, PLACE_SUGGESTIONS + 1, db)]);
  // "Name, Place" typed in full names one agency even when others share the name.
  const byLabel = exact.filter((a) => agencyLabel(a).toLocaleLowerCase() === lowered && a.name.toLocaleLowerCase() !== lowered);
  return choiceFromTyped(
    typed,
    byLabel.length === 1 ? byLabel : exact,
    found,
    { label: agencyLabel, many: "agencies", none: `None of your organization's agencies has “${typed}” in its name`, more: MORE, separator: "; " },
    PLACE_SUGGESTIONS,
  );
}

export async function jurisdictionByName(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<ByName<JurisdictionHit>> {
  const typed = text.trim();
  const lowered = typed.toLocaleLowerCase();
  const exactWhere = or(sql`lower(${jurisdictions.name}) = ${lowered}`, sql`lower(${jurisdictionLabelSql}) = ${lowered}`)!;
  const [exact, found] = await Promise.all([
    jurisdictionQuery(viewer, exactWhere, PLACE_SUGGESTIONS + 1, db),
    suggestJurisdictions(viewer, typed, PLACE_SUGGESTIONS + 1, db),
  ]);
  const byLabel = exact.filter((j) => jurisdictionLabel(j).toLocaleLowerCase() === lowered && j.name.toLocaleLowerCase() !== lowered);
  return choiceFromTyped(
    typed,
    byLabel.length === 1 ? byLabel : exact,
    found,
    { label: jurisdictionLabel, many: "jurisdictions", none: `No jurisdiction you can use has “${typed}” in its name`, more: MORE, separator: "; " },
    PLACE_SUGGESTIONS,
  );
}

export type PlaceChoice = { ok: true; id: string | null } | { ok: false; message: string };

/**
 * Which agency a form means: the one picked in its search box (its id, checked later by the domain), else,
 * without JavaScript, the name typed (see agencyByName); neither is none.
 */
export async function chosenAgency(viewer: Viewer, input: { id?: string | null; name?: string | null }, db: Executor = defaultDb): Promise<PlaceChoice> {
  if (input.id) return { ok: true, id: input.id };
  const typed = (input.name ?? "").trim();
  if (!typed) return { ok: true, id: null };
  if (typed.length > 200) return { ok: false, message: "Agency name must be at most 200 characters" };
  const found = await agencyByName(viewer, typed, db);
  return found.ok ? { ok: true, id: found.hit.id } : { ok: false, message: found.message };
}

/** Which jurisdiction a form means: picked (id), else typed (see jurisdictionByName); neither is none. */
export async function chosenJurisdiction(viewer: Viewer, input: { id?: string | null; name?: string | null }, db: Executor = defaultDb): Promise<PlaceChoice> {
  if (input.id) return { ok: true, id: input.id };
  const typed = (input.name ?? "").trim();
  if (!typed) return { ok: true, id: null };
  if (typed.length > 200) return { ok: false, message: "Jurisdiction name must be at most 200 characters" };
  const found = await jurisdictionByName(viewer, typed, db);
  return found.ok ? { ok: true, id: found.hit.id } : { ok: false, message: found.message };
}
