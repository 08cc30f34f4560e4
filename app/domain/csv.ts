// CSV cells that spreadsheet apps would run as formulas ("=HYPERLINK(...)", "+1", "-2", "@SUM") are written
// with a leading apostrophe, which spreadsheets show as text. Pure; used by every CSV export.

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A request's number with its organization's initials, e.g. "OPA-12" for Open Police Archive's #12: in a joint
 * ask shared by a coalition, two organizations each have a #1.
 */
export function requestRef(organizationName: string, number: number): string {
  const initials = organizationName
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join("")
    .slice(0, 6);
  return `${initials || "ORG"}-${number}`;
}
