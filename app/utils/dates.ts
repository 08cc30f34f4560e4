/**
 * Calendar dates are ISO strings ("2026-12-29") and never pass through local time: arithmetic is done on
 * UTC midnights. "Today" is always taken in the organization's time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's date in a time zone, as YYYY-MM-DD. */
/**
 * One formatter per kind and time zone, made once: making an Intl.DateTimeFormat costs far more than using one,
 * and a page asks for today's date and its instants many times. Time zones are a fixed set (an invalid one
 * throws before anything is kept).
 */
const zonedFormats = new Map<string, Intl.DateTimeFormat>();
function zonedFormat(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = zonedFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (zonedFormats.size >= 2_000) zonedFormats.clear(); // spellings of zone names vary ("utc", "UTC"): stay bounded
    zonedFormats.set(key, format);
  }
  return format;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return zonedFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const shortFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const longFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "Tue 29 Dec"; the year is added when it is not the current one. */
export function formatDate(iso: string, todayIso?: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const sameYear = todayIso !== undefined && todayIso.slice(0, 4) === iso.slice(0, 4);
  return (sameYear ? shortFormat : longFormat).format(date).replace(/,/g, "");
}

const fullFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** "29 Dec 2026": a date standing alone (a period's bounds, a "since"), where the weekday adds nothing. */
export function formatFullDate(iso: string): string {
  return fullFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "Dec 2026": a month, e.g. the bounds of a data period in a narrow grid. */
export function formatMonth(iso: string): string {
  return monthFormat.format(new Date(`${iso}T00:00:00Z`));
}

const letterFormat = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "December 4, 2026": the date written in a letter to a US agency, as US correspondence writes it. Not for pages. */
export function formatLetterDate(iso: string): string {
  return letterFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "in 3 days", "tomorrow", "today", "yesterday", "5 days ago". */
export function relativeDays(iso: string, todayIso: string): string {
  const days = daysBetween(todayIso, iso);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "in 3 days (Tue 29 Dec)", "today (Sat 26 Dec)", "2 days ago (Thu 24 Dec)". */
export function describeWhen(iso: string, todayIso: string): string {
  return `${relativeDays(iso, todayIso)} (${formatDate(iso, todayIso)})`;
}

/** "due in 3 days (Tue 29 Dec)", "due today (Sat 26 Dec)", "overdue by 2 days (Thu 24 Dec)". */
export function describeDue(iso: string, todayIso: string): string {
  const days = daysBetween(todayIso, iso);
  if (days < 0) return `overdue by ${-days} ${-days === 1 ? "day" : "days"} (${formatDate(iso, todayIso)})`;
  return `due ${describeWhen(iso, todayIso)}`;
}

/** "Mon 23 Nov 2026, 14:05" in the organization's time zone. */
export function formatInstant(instant: Date | string, timeZone: string): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  return zonedFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  })
    .format(date)
    .replace(/,(?=[^,]*,)/, "")
    .replace(" at ", ", ");
}

/**
 * The instant a calendar date starts in a time zone (midnight there), e.g. when an embargo ends. Where a DST
 * change falls at midnight (Chile, Lebanon...), midnight is skipped or repeated: the day then starts at the
 * first instant whose local date is that day.
 */
export function startOfDayIn(iso: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  // Local midnight is within 14 hours of UTC midnight: try each offset in force over that span.
  const candidates = [...new Set([-14, -7, 0, 6, 12].map((hours) => utcMidnight - offsetMs(utcMidnight + hours * 3_600_000, timeZone)))];
  const starts = candidates.filter((instant) => todayIn(timeZone, new Date(instant)) === iso && todayIn(timeZone, new Date(instant - 1)) < iso);
  return new Date(starts.length > 0 ? Math.min(...starts) : utcMidnight - offsetMs(utcMidnight, timeZone));
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = zonedFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return local - Math.floor(instant / 1000) * 1000;
}
