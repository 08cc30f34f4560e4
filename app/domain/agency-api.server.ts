import type { Viewer } from "./accounts.server";
import { ownsRow } from "./access.server";
import { agencyFormSchema } from "./places-input";
import { agencyEditVersion, AGENCY_EDIT_FIELDS, getAgency } from "./places.server";

// What the JSON API answers about an agency, and how a PATCH body becomes the agency form's input: the agency
// as it is, with the fields sent replacing theirs (null clears an optional one), parsed by the form's schema.

type AgencyRow = NonNullable<Awaited<ReturnType<typeof getAgency>>>;

export function agencyJson(viewer: Viewer, row: AgencyRow) {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    ori: row.ori,
    jurisdiction: { id: row.jurisdictionId, name: row.jurisdictionName, kind: row.jurisdictionKind, state: row.stateName },
    recordsContactName: row.recordsContactName,
    recordsContactEmail: row.recordsContactEmail,
    portalUrl: row.portalUrl,
    notes: row.notes,
    deadlineRule: row.deadlineRuleDays ? { days: row.deadlineRuleDays, dayType: row.deadlineRuleDayType, reason: row.deadlineRuleReason } : null,
    organization: { id: row.organizationId, name: row.organizationName },
    editable: ownsRow(viewer, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: agencyEditVersion(row),
  };
}

/** The agency's editable values, then the body's (unknown keys refused by name). */
export function mergedAgencyInput(row: AgencyRow, body: Record<string, unknown>): { input: Record<string, unknown> } | { fieldErrors: Record<string, string[]> } {
  const allowed = new Set<string>([...AGENCY_EDIT_FIELDS, "version"]);
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length) return { fieldErrors: Object.fromEntries(unknown.map((k) => [k, ["Not a field of an agency"]])) };
  const input: Record<string, unknown> = {};
  for (const field of AGENCY_EDIT_FIELDS) if (row[field] !== null && row[field] !== undefined) input[field] = row[field];
  for (const [key, value] of Object.entries(body)) {
    if (value === null) delete input[key];
    else input[key] = value;
  }
  return { input };
}

export const agencyApiSchema = agencyFormSchema;
