import type { Viewer } from "./accounts.server";
import { mergedEditInput } from "./api-edit";
import { ownsRow } from "./access.server";
import { agencyFormSchema } from "./places-input";
import { agencyEditVersion, AGENCY_EDIT_FIELDS, getAgency } from "./places.server";

// What the JSON API answers about an agency, and how a PATCH body becomes the agency form's input (api-edit.ts).

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
export function mergedAgencyInput(row: AgencyRow, body: Record<string, unknown>) {
  return mergedEditInput(row, body, AGENCY_EDIT_FIELDS, "an agency");
}

export const agencyApiSchema = agencyFormSchema;
