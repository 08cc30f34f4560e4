// How agencies and jurisdictions are named in the forms' search boxes and in the server's messages about a
// typed name: one rule for both sides, so a name shown as picked is the name the server matches when typed.

export type AgencyHit = { id: string; name: string; jurisdictionName: string };
export type JurisdictionHit = { id: string; name: string; stateName: string | null };

/** "Oakland Police Department, Oakland"; an agency named like its place by its name alone. */
export function agencyLabel(hit: AgencyHit): string {
  return hit.jurisdictionName && hit.jurisdictionName !== hit.name ? `${hit.name}, ${hit.jurisdictionName}` : hit.name;
}

/** "Oakland, California"; a state or federal jurisdiction by its name alone. */
export function jurisdictionLabel(hit: JurisdictionHit): string {
  return hit.stateName ? `${hit.name}, ${hit.stateName}` : hit.name;
}
