/**
 * How a request is named across organizations: its organization's short code and its number ("TRC-12"), so
 * two organizations' #1 differ.
 */
export function requestReference(r: { organizationCode: string; number: number }): string {
  return r.organizationCode ? `${r.organizationCode}-${r.number}` : `#${r.number}`;
}
