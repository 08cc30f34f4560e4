// CSV cells that spreadsheet apps would run as formulas ("=HYPERLINK(...)", "+1", "-2", "@SUM") are written
// with a leading apostrophe, which spreadsheets show as text. Pure; used by every CSV export.

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
