/**
 * The days an office calendar closes in a year: its closures' dates, with each weekend date's substitute
 * weekday under the closure's weekend rule. Pure; the business-day calendar is built on top of it.
 */
import { dayNumberFromParts, dayOfWeek, formatIsoDate, parseIsoDate, partsFromDayNumber, type DayNumber } from "../calendar";
import type { Closure, DateRule, OfficeCalendar, Source, WeekendRule, YearFilter } from "./types";

export interface ClosedDay {
  readonly date: string;
  readonly day: DayNumber;
  /** "Christmas Day", or "Christmas Day (observed)" for a substitute weekday. */
  readonly name: string;
  /** The closure's own date when this is its substitute weekday. */
  readonly observedFor: string | null;
  /** False for a closure whose own date is a Saturday or Sunday (listed so explanations can name it). */
  readonly weekday: boolean;
  readonly source: Source;
  readonly note?: string;
}

/** Day number of Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberFromParts(year, month, day);
}

/** A county's name for comparison: "Suffolk County", "suffolk" and " Suffolk " are the same place. */
export function placeKey(name: string): string {
  return name.trim().replace(/\s+(county|parish|borough)$/i, "").toLowerCase();
}

/** The dates a rule gives in one year (none, one, or several for "dates"). */
export function datesOfRule(rule: DateRule, year: number): DayNumber[] {
  switch (rule.kind) {
    case "fixed":
      return [dayNumberFromParts(year, rule.month, rule.day)];
    case "nthWeekday": {
      if (rule.nth === -1) {
        const last = dayNumberFromParts(year, rule.month + 1, 1) - 1; // month 13 is January of the next year
        return [last - ((dayOfWeek(last) - rule.weekday + 7) % 7)];
      }
      const first = dayNumberFromParts(year, rule.month, 1);
      const day = first + ((rule.weekday - dayOfWeek(first) + 7) % 7) + (rule.nth - 1) * 7;
      return partsFromDayNumber(day).month === rule.month ? [day] : [];
    }
    case "easter":
      return [easterSunday(year) + rule.offset];
    case "offset":
      return datesOfRule(rule.from, year).map((day) => day + rule.days);
    case "dates":
      return rule.dates
        .map((iso) => parseIsoDate(iso))
        .filter((day): day is DayNumber => day !== null && partsFromDayNumber(day).year === year);
  }
}

export function appliesInYear(filter: YearFilter | undefined, year: number): boolean {
  if (!filter) return true;
  if (filter.from !== undefined && year < filter.from) return false;
  if (filter.until !== undefined && year > filter.until) return false;
  if (filter.step !== undefined && filter.step > 1) {
    const anchor = filter.anchor ?? 0;
    if ((((year - anchor) % filter.step) + filter.step) % filter.step !== 0) return false;
  }
  return true;
}

/** The weekday a weekend date moves to (and the direction to shift on a collision), or null. */
function substitute(day: DayNumber, rule: WeekendRule): { day: DayNumber; step: -1 | 1 } | null {
  const dow = dayOfWeek(day);
  if (dow === 6) {
    if (rule === "friday_monday" || rule === "friday") return { day: day - 1, step: -1 };
    if (rule === "monday_both") return { day: day + 2, step: 1 };
    return null;
  }
  if (dow === 0) {
    if (rule === "friday_monday" || rule === "monday" || rule === "monday_both") return { day: day + 1, step: 1 };
    return null;
  }
  return null;
}

function isWeekendDay(day: DayNumber): boolean {
  const dow = dayOfWeek(day);
  return dow === 0 || dow === 6;
}

/**
 * Every closed day of `calendar` in `year`, in date order: closures on weekdays, their weekend dates, and the
 * substitute weekdays. Reads the neighbouring years, since a Saturday 1 January closes the Friday before.
 * `county` adds the closures that exist only there.
 */
export function closedDaysInYear(calendar: OfficeCalendar, year: number, county?: string | null): ClosedDay[] {
  const start = dayNumberFromParts(year, 1, 1);
  const end = dayNumberFromParts(year + 1, 1, 1);
  const countyKey = county ? placeKey(county) : null;
  const applies = (closure: Closure) =>
    !closure.onlyIn || (countyKey !== null && closure.onlyIn.some((place) => placeKey(place) === countyKey));

  interface Occurrence {
    readonly day: DayNumber;
    readonly closure: Closure;
  }
  const occurrences: Occurrence[] = [];
  for (let y = year - 1; y <= year + 1; y++) {
    for (const closure of calendar.closures) {
      if (!applies(closure) || !appliesInYear(closure.years, y)) continue;
      for (const day of datesOfRule(closure.date, y)) occurrences.push({ day, closure });
    }
  }
  occurrences.sort((a, b) => a.day - b.day);

  const closed = new Map<DayNumber, ClosedDay>();
  const record = (entry: ClosedDay) => {
    if (!closed.has(entry.day)) closed.set(entry.day, entry);
  };
  const entryFor = (day: DayNumber, occurrence: Occurrence, observedFor: DayNumber | null): ClosedDay => ({
    date: formatIsoDate(day),
    day,
    name: observedFor === null ? occurrence.closure.name : `${occurrence.closure.name} (observed)`,
    observedFor: observedFor === null ? null : formatIsoDate(observedFor),
    weekday: !isWeekendDay(day),
    source: occurrence.closure.source,
    ...(occurrence.closure.note ? { note: occurrence.closure.note } : {}),
  });

  // Closures on their own dates first, so that substitutes can see which weekdays are already taken.
  for (const occurrence of occurrences) record(entryFor(occurrence.day, occurrence, null));
  for (const occurrence of occurrences) {
    if (occurrence.closure.date.kind === "dates" || !isWeekendDay(occurrence.day)) continue;
    const moved = substitute(occurrence.day, occurrence.closure.weekend ?? calendar.weekend.rule);
    if (!moved) continue;
    let day = moved.day;
    if (occurrence.closure.collision === "shift") {
      while (isWeekendDay(day) || closed.get(day)?.weekday) day += moved.step;
    }
    record(entryFor(day, occurrence, occurrence.day));
  }

  return [...closed.values()].filter((entry) => entry.day >= start && entry.day < end).sort((a, b) => a.day - b.day);
}
