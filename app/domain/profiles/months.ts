// Calendar months as "YYYY-MM" strings, and how to say a list of them in few words. Pure and browser-safe.

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Every month from the one holding `from` to the one holding `to` (ISO dates or months), in order. */
export function monthsBetween(from: string, to: string): string[] {
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const out: string[] = [];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 1200) break;
  }
  return out;
}

const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/**
 * "2022, 2024–2025", "Feb–Dec 2023", "May 2024": runs of consecutive months, whole calendar years named as
 * years. The months must be sorted.
 */
export function describeMonths(months: readonly string[]): string {
  if (months.length === 0) return "";
  const runs: Array<[string, string]> = [];
  for (const month of months) {
    const last = runs[runs.length - 1];
    if (last && monthsBetween(last[1], month).length === 2) last[1] = month;
    else runs.push([month, month]);
  }
  const parts: string[] = [];
  for (const [start, end] of runs) {
    // Whole years inside the run are said as years; the months around them as months.
    const startYear = Number(start.slice(0, 4)) + (start.endsWith("-01") ? 0 : 1);
    const endYear = Number(end.slice(0, 4)) - (end.endsWith("-12") ? 0 : 1);
    if (startYear > endYear) {
      parts.push(monthRun(start, end));
      continue;
    }
    if (!start.endsWith("-01")) parts.push(monthRun(start, `${startYear - 1}-12`));
    parts.push(startYear === endYear ? String(startYear) : `${startYear}–${endYear}`);
    if (!end.endsWith("-12")) parts.push(monthRun(`${endYear + 1}-01`, end));
  }
  return parts.join(", ");
}

function monthRun(start: string, end: string): string {
  if (start === end) return monthName(start);
  if (start.slice(0, 4) === end.slice(0, 4)) return `${MONTH_NAMES[Number(start.slice(5, 7)) - 1]}–${monthName(end)}`;
  return `${monthName(start)} – ${monthName(end)}`;
}
