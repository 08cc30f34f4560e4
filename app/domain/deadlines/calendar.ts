/**
 * Business-day calendars for federal FOIA ("US"), DC and the 50 states, and for one agency within them.
 *
 * Dates cross the API as ISO "YYYY-MM-DD" strings; inside, a date is a day number: whole days since
 * 1970-01-01 in the proleptic Gregorian calendar. Only integer arithmetic, so local time and DST never
 * enter into it.
 *
 * The closed days are the jurisdiction's own office calendar (reference/jurisdictions/<code>.ts: each
 * closure with its citation, its weekend rule, county-only days), never the federal calendar unless the
 * jurisdiction's law says so. An agency's calendar adds the county-only days of its county and the
 * organization's own closure days for it (a furlough, a storm).
 *
 * Per (calendar, year) a compact structure is built lazily on first use and cached: a closed-day bitmap, a
 * running count of business days and the list of business days. Lookups, adding N business days and
 * counting business days between two dates are then O(1) per year crossed.
 */
import { JURISDICTION_REFERENCES } from "./reference";
import { closedDaysInYear, placeKey } from "./reference/closures";
import type { OfficeCalendar } from "./reference/types";
import type { AgencyCalendar } from "./types";

/** Whole days since 1970-01-01 (negative before). */
export type DayNumber = number;

/** Calendars are available for these years; day arithmetic outside them throws a RangeError. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2999;

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

// ---------------------------------------------------------------------------------------------------------
// Day numbers <-> civil dates (Howard Hinnant's days_from_civil / civil_from_days)

/** Day number of a (year, month 1-12, day 1-31) date. Does not validate: see `parseIsoDate`. */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Year, month (1-12) and day of month of a day number. */
export function partsFromDayNumber(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * Day number of a strict "YYYY-MM-DD" date, or null when the text is malformed or the date does not exist
 * (2026-02-30, 2025-02-29, 2026-13-01).
 */
export function parseIsoDate(iso: string): DayNumber | null {
  if (typeof iso !== "string" || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    return null;
  }
  const y0 = digit(iso, 0);
  const y1 = digit(iso, 1);
  const y2 = digit(iso, 2);
  const y3 = digit(iso, 3);
  const m0 = digit(iso, 5);
  const m1 = digit(iso, 6);
  const d0 = digit(iso, 8);
  const d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberFromParts(year, month, day);
}

const FORMAT_CACHE_FIRST = dayNumberFromParts(1970, 1, 1);
const FORMAT_CACHE_END = dayNumberFromParts(2100, 1, 1);
const formatCache: (string | undefined)[] = new Array<string | undefined>(FORMAT_CACHE_END - FORMAT_CACHE_FIRST);
const FIRST_FORMATTABLE_DAY = dayNumberFromParts(0, 1, 1);
const END_FORMATTABLE_DAY = dayNumberFromParts(10000, 1, 1);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** "YYYY-MM-DD" of a day number (years 0000-9999). Strings for 1970-2099 are cached. */
export function formatIsoDate(dayNumber: DayNumber): string {
  if (dayNumber >= FORMAT_CACHE_FIRST && dayNumber < FORMAT_CACHE_END) {
    const cached = formatCache[dayNumber - FORMAT_CACHE_FIRST];
    if (cached !== undefined) return cached;
  }
  if (!Number.isInteger(dayNumber) || dayNumber < FIRST_FORMATTABLE_DAY || dayNumber >= END_FORMATTABLE_DAY) {
    throw new RangeError(`Day number ${dayNumber} is not a date in years 0000-9999`);
  }
  const { year, month, day } = partsFromDayNumber(dayNumber);
  const text = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
  if (dayNumber >= FORMAT_CACHE_FIRST && dayNumber < FORMAT_CACHE_END) formatCache[dayNumber - FORMAT_CACHE_FIRST] = text;
  return text;
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const dow = dayOfWeek(dayNumber);
  return dow === 0 || dow === 6;
}

/** "Fri 25 Dec", or "Fri 25 Dec 2026" with the year. For explanations, not for storage. */
export function formatHumanDate(dayNumber: DayNumber, withYear = true): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  const text = `${WEEKDAY_NAMES[dayOfWeek(dayNumber)]} ${day} ${MONTH_NAMES[month - 1]}`;
  return withYear ? `${text} ${year}` : text;
}

/** "4 Jan", or "4 Jan 2027" with the year. */
export function formatDayMonth(dayNumber: DayNumber, withYear = false): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return withYear ? `${day} ${MONTH_NAMES[month - 1]} ${year}` : `${day} ${MONTH_NAMES[month - 1]}`;
}

/** Calendar days are plain integer steps on day numbers. */
export function addCalendarDays(fromDay: DayNumber, n: number): DayNumber {
  return fromDay + n;
}

// ---------------------------------------------------------------------------------------------------------
// Year boundaries

const YEAR_COUNT = MAX_CALENDAR_YEAR - MIN_CALENDAR_YEAR + 1;
/** YEAR_STARTS[i] = day number of 1 January of MIN_CALENDAR_YEAR + i; one extra entry closes the last year. */
const YEAR_STARTS = new Int32Array(YEAR_COUNT + 1);
for (let i = 0; i <= YEAR_COUNT; i++) YEAR_STARTS[i] = dayNumberFromParts(MIN_CALENDAR_YEAR + i, 1, 1);
const FIRST_CALENDAR_DAY = YEAR_STARTS[0]!;
const END_CALENDAR_DAY = YEAR_STARTS[YEAR_COUNT]!;

/** Index (year - MIN_CALENDAR_YEAR) of the year holding a day number. */
function yearIndexOf(dayNumber: DayNumber): number {
  if (!(dayNumber >= FIRST_CALENDAR_DAY && dayNumber < END_CALENDAR_DAY) || !Number.isInteger(dayNumber)) {
    throw new RangeError(
      `Day ${dayNumber} is outside the supported calendar years ${MIN_CALENDAR_YEAR}-${MAX_CALENDAR_YEAR}`,
    );
  }
  let index = Math.floor((dayNumber - FIRST_CALENDAR_DAY) / 365.2425);
  if (index >= YEAR_COUNT) index = YEAR_COUNT - 1;
  while (dayNumber < YEAR_STARTS[index]!) index--;
  while (dayNumber >= YEAR_STARTS[index + 1]!) index++;
  return index;
}

// ---------------------------------------------------------------------------------------------------------
// Office calendars from the reference data

const OFFICE_CALENDARS: ReadonlyMap<string, OfficeCalendar> = new Map(
  JURISDICTION_REFERENCES.map((reference) => [reference.calendar.jurisdiction, reference.calendar]),
);
/** "US", DC and the 50 states. */
export const CALENDAR_CODES: readonly string[] = [...OFFICE_CALENDARS.keys()].sort();

export function hasCalendar(code: string): boolean {
  return OFFICE_CALENDARS.has(code);
}

/** The office calendar of "US", "DC" or a state, as reference data (closures with their citations). */
export function officeCalendarOf(code: string): OfficeCalendar | undefined {
  return OFFICE_CALENDARS.get(code);
}

interface CalendarSpec {
  readonly code: string;
  readonly county: string | null;
  /** An agency's own closed days (day number -> reason). */
  readonly extra: ReadonlyMap<DayNumber, string>;
}

/** Closed days of one calendar in one year (weekday closures, weekend dates of closures, substitutes), with their names. */
function closedNamesInYear(spec: CalendarSpec, year: number): Map<DayNumber, string> {
  const names = new Map<DayNumber, string>();
  for (const closed of closedDaysInYear(OFFICE_CALENDARS.get(spec.code)!, year, spec.county)) names.set(closed.day, closed.name);
  if (spec.extra.size > 0) {
    const start = dayNumberFromParts(year, 1, 1);
    const end = dayNumberFromParts(year + 1, 1, 1);
    for (const [day, reason] of spec.extra) if (day >= start && day < end && !names.has(day)) names.set(day, reason);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------
// Per-year calendars

interface YearCalendar {
  readonly start: DayNumber;
  /** closed[i] = 1 when start + i is a weekend day or a holiday. */
  readonly closed: Uint8Array;
  /** businessUpTo[i] = number of business days in [start, start + i]. */
  readonly businessUpTo: Uint16Array;
  /** Offsets from `start` of the business days, in order. */
  readonly businessDays: Uint16Array;
  readonly holidayNames: ReadonlyMap<DayNumber, string>;
}

/** A calendar: its years, built on first use. Obtain with `calendarFor` or `calendarForAgency`. */
export interface BusinessCalendar {
  readonly code: string;
  readonly spec: CalendarSpec;
  readonly years: (YearCalendar | undefined)[];
}

const calendars = new Map<string, BusinessCalendar>();
const agencyCalendars = new Map<string, BusinessCalendar>();
/** Agency calendars kept at once; the oldest is dropped beyond it (rebuilt on next use). */
const MAX_AGENCY_CALENDARS = 2_000;
const NO_EXTRA: ReadonlyMap<DayNumber, string> = new Map();

/** The calendar of "US", "DC" or a state code. Throws a RangeError for any other code. */
export function calendarFor(code: string): BusinessCalendar {
  let calendar = calendars.get(code);
  if (calendar) return calendar;
  if (!OFFICE_CALENDARS.has(code)) throw new RangeError(`No office calendar for jurisdiction "${code}"`);
  calendar = { code, spec: { code, county: null, extra: NO_EXTRA }, years: new Array<YearCalendar | undefined>(YEAR_COUNT) };
  calendars.set(code, calendar);
  return calendar;
}

/**
 * The calendar of one agency under a jurisdiction's law: the jurisdiction's closures, plus those that exist
 * only in the agency's county, plus the agency's own closed days. The jurisdiction's calendar when it has none.
 */
export function calendarForAgency(code: string, agency: AgencyCalendar | null | undefined): BusinessCalendar {
  const county = agency?.county?.trim() || null;
  const closures = agency?.closures ?? [];
  const countyMatters = county !== null && (OFFICE_CALENDARS.get(code)?.closures.some((c) => c.onlyIn) ?? false);
  // Keyed by the normalised name, so "Suffolk County" and "suffolk" share one calendar.
  if (!countyMatters && closures.length === 0) return calendarFor(code);
  const extra = new Map<DayNumber, string>();
  for (const closure of closures) {
    const day = parseIsoDate(closure.date);
    if (day !== null && !extra.has(day)) extra.set(day, closure.reason);
  }
  const key = `${code}|${countyMatters ? placeKey(county!) : ""}|${[...extra].sort((a, b) => a[0] - b[0]).map(([d, r]) => `${d}:${r}`).join(",")}`;
  let calendar = agencyCalendars.get(key);
  if (calendar) return calendar;
  if (!OFFICE_CALENDARS.has(code)) throw new RangeError(`No office calendar for jurisdiction "${code}"`);
  calendar = { code, spec: { code, county: countyMatters ? county : null, extra }, years: new Array<YearCalendar | undefined>(YEAR_COUNT) };
  if (agencyCalendars.size >= MAX_AGENCY_CALENDARS) agencyCalendars.delete(agencyCalendars.keys().next().value!);
  agencyCalendars.set(key, calendar);
  return calendar;
}

function buildYear(spec: CalendarSpec, yearIndex: number): YearCalendar {
  const start = YEAR_STARTS[yearIndex]!;
  const length = YEAR_STARTS[yearIndex + 1]! - start;
  const holidayNames = closedNamesInYear(spec, MIN_CALENDAR_YEAR + yearIndex);
  const closed = new Uint8Array(length);
  const businessUpTo = new Uint16Array(length);
  const businessDays = new Uint16Array(length);
  let count = 0;
  let dow = dayOfWeek(start);
  for (let i = 0; i < length; i++) {
    if (dow === 0 || dow === 6 || holidayNames.has(start + i)) closed[i] = 1;
    else businessDays[count++] = i;
    businessUpTo[i] = count;
    dow = dow === 6 ? 0 : dow + 1;
  }
  return { start, closed, businessUpTo, businessDays: businessDays.slice(0, count), holidayNames };
}

function yearAt(calendar: BusinessCalendar, yearIndex: number): YearCalendar {
  let year = calendar.years[yearIndex];
  if (year === undefined) {
    if (yearIndex < 0 || yearIndex >= YEAR_COUNT) {
      throw new RangeError(`Outside the supported calendar years ${MIN_CALENDAR_YEAR}-${MAX_CALENDAR_YEAR}`);
    }
    year = buildYear(calendar.spec, yearIndex);
    calendar.years[yearIndex] = year;
  }
  return year;
}

/** Whether a day is neither a weekend day nor a holiday in the calendar. */
export function isBusinessDayIn(calendar: BusinessCalendar, day: DayNumber): boolean {
  const year = yearAt(calendar, yearIndexOf(day));
  return year.closed[day - year.start] === 0;
}

/** The day `n` business days after `fromDay` (counting starts the next day); `fromDay` itself when n = 0. */
export function addBusinessDaysIn(calendar: BusinessCalendar, fromDay: DayNumber, n: number): DayNumber {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Business days to add must be a whole number >= 0: ${n}`);
  if (n === 0) return fromDay;
  let yearIndex = yearIndexOf(fromDay);
  let year = yearAt(calendar, yearIndex);
  let next = year.businessUpTo[fromDay - year.start]!; // index of the first business day after fromDay
  let left = n;
  for (;;) {
    const available = year.businessDays.length - next;
    if (left <= available) return year.start + year.businessDays[next + left - 1]!;
    left -= available;
    year = yearAt(calendar, ++yearIndex);
    next = 0;
  }
}

/** `day` if it is a business day, else the next business day. */
export function rollForwardIn(calendar: BusinessCalendar, day: DayNumber): DayNumber {
  let yearIndex = yearIndexOf(day);
  let year = yearAt(calendar, yearIndex);
  const offset = day - year.start;
  if (year.closed[offset] === 0) return day;
  const next = year.businessUpTo[offset]!;
  if (next < year.businessDays.length) return year.start + year.businessDays[next]!;
  year = yearAt(calendar, ++yearIndex);
  return year.start + year.businessDays[0]!;
}

/** Number of business days d with fromDay < d <= toDay (0 when toDay <= fromDay). */
export function countBusinessDaysIn(calendar: BusinessCalendar, fromDay: DayNumber, toDay: DayNumber): number {
  if (toDay <= fromDay) return 0;
  let yearIndex = yearIndexOf(fromDay);
  const lastIndex = yearIndexOf(toDay);
  let year = yearAt(calendar, yearIndex);
  let count = -year.businessUpTo[fromDay - year.start]!;
  while (yearIndex < lastIndex) {
    count += year.businessDays.length;
    year = yearAt(calendar, ++yearIndex);
  }
  return count + year.businessUpTo[toDay - year.start]!;
}

/** The holiday's name when `day` is a holiday (observed or actual date) in the calendar, else null. */
export function holidayNameIn(calendar: BusinessCalendar, day: DayNumber): string | null {
  const year = yearAt(calendar, yearIndexOf(day));
  return year.holidayNames.get(day) ?? null;
}

/** Holidays falling on weekdays with fromDay < day <= toDay, in date order. */
export function weekdayHolidaysIn(
  calendar: BusinessCalendar,
  fromDay: DayNumber,
  toDay: DayNumber,
): { day: DayNumber; name: string }[] {
  const found: { day: DayNumber; name: string }[] = [];
  for (let day = fromDay + 1; day <= toDay; day++) {
    if (isWeekend(day)) continue;
    const name = holidayNameIn(calendar, day);
    if (name !== null) found.push({ day, name });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The same, by jurisdiction code

/** Whether `day` is a business day in the calendar of `code` ("US", "DC" or a state). */
export function isBusinessDay(code: string, day: DayNumber): boolean {
  return isBusinessDayIn(calendarFor(code), day);
}

/** Whether `day` is a holiday (observed, or the actual date) in the calendar of `code`. */
export function isHoliday(code: string, day: DayNumber): boolean {
  return holidayNameIn(calendarFor(code), day) !== null;
}

export function holidayName(code: string, day: DayNumber): string | null {
  return holidayNameIn(calendarFor(code), day);
}

/** The day `n` business days after `fromDay`: counting starts the day after. n = 0 returns `fromDay`. */
export function addBusinessDays(code: string, fromDay: DayNumber, n: number): DayNumber {
  return addBusinessDaysIn(calendarFor(code), fromDay, n);
}

export function rollForwardToBusinessDay(code: string, day: DayNumber): DayNumber {
  return rollForwardIn(calendarFor(code), day);
}

/** Business days d with fromDay < d <= toDay. */
export function countBusinessDays(code: string, fromDay: DayNumber, toDay: DayNumber): number {
  return countBusinessDaysIn(calendarFor(code), fromDay, toDay);
}
