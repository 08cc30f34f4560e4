/**
 * Business-day calendars for federal FOIA ("US"), DC and the 50 states.
 *
 * Dates cross the API as ISO "YYYY-MM-DD" strings; inside, a date is a day number: whole days since
 * 1970-01-01 in the proleptic Gregorian calendar. Only integer arithmetic, so local time and DST never
 * enter into it.
 *
 * Holidays come from `date-holidays`, type "public" only (no observances, optional or bank holidays):
 * - Every calendar has the federal public holidays, with the federal observed-day rule (5 U.S.C. 6103(b)):
 *   on a Saturday the Friday before is off, on a Sunday the Monday after. date-holidays lists substitute days
 *   for some federal holidays but not all (Veterans Day 11-11 has none), so the rule is applied to each one;
 *   where the library already gave the substitute the two coincide.
 * - A state's calendar adds that state's own public holidays. Where date-holidays' rule for a holiday says
 *   what happens on a weekend ("if sunday then next monday": CA César Chávez Day, HI, NC Christmas Eve), the
 *   library's substitute days are used as they are. Where it says nothing (CT Lincoln's Birthday, WV Day, DC
 *   Emancipation Day, ...) the federal rule is applied: Sat 12 Feb 2028 closes Fri 11 Feb, Sun 20 Jun 2027
 *   closes Mon 21 Jun. Texas is the exception: its state holidays on a weekend are not observed (Gov't Code
 *   662.004 and 662.007), so Sun 26 Dec 2021 closes no Monday there.
 * - The Saturday or Sunday date of a weekend holiday is a weekend day anyway: what matters is that the
 *   observed weekday is closed. Both are recorded so that either can be named.
 * - Part-day holidays (Kentucky's Good Friday from 14:00) leave offices open that morning: business days.
 *
 * Per (calendar, year) a compact structure is built lazily on first use and cached: a closed-day bitmap, a
 * running count of business days and the list of business days. Lookups, adding N business days and
 * counting business days between two dates are then O(1) per year crossed.
 */
import Holidays from "date-holidays";

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
// Holidays from date-holidays

const FEDERAL = "US";
/** "US", DC and the 50 states: the codes date-holidays knows for the United States. */
export const CALENDAR_CODES: readonly string[] = [FEDERAL, ...Object.keys(new Holidays().getStates("US") ?? {})];
const CALENDAR_CODE_SET = new Set(CALENDAR_CODES);

export function hasCalendar(code: string): boolean {
  return CALENDAR_CODE_SET.has(code);
}

interface PublicHoliday {
  readonly day: DayNumber;
  readonly name: string;
  readonly substitute: boolean;
  /** The library's rule for this holiday decides what a weekend date does (it names Saturday or Sunday). */
  readonly ruledOnWeekends: boolean;
}

/** States whose own holidays falling on a weekend give no weekday off (federal holidays still do). */
const STATES_WITHOUT_OBSERVED_DAYS: ReadonlySet<string> = new Set(["TX"]);

const holidayLibraries = new Map<string, Holidays>();
const publicHolidayCache = new Map<string, readonly PublicHoliday[]>();

/** Full-day public holidays date-holidays lists for one calendar and year. */
function publicHolidays(code: string, year: number): readonly PublicHoliday[] {
  const key = `${code}:${year}`;
  const cached = publicHolidayCache.get(key);
  if (cached) return cached;
  let library = holidayLibraries.get(code);
  if (!library) {
    library = code === FEDERAL ? new Holidays("US") : new Holidays("US", code);
    holidayLibraries.set(code, library);
  }
  const list: PublicHoliday[] = [];
  for (const holiday of library.getHolidays(year)) {
    // "date" is "YYYY-MM-DD hh:mm:ss": the holiday's own local date, independent of this process's time zone.
    if (holiday.type !== "public" || holiday.date.slice(11, 19) !== "00:00:00") continue;
    const day = parseIsoDate(holiday.date.slice(0, 10));
    if (day === null) continue;
    list.push({
      day,
      name: holiday.name.replace(/ \(substitute day\)$/, " (observed)"),
      substitute: holiday.substitute === true,
      ruledOnWeekends: /saturday|sunday/i.test(holiday.rule ?? ""),
    });
  }
  publicHolidayCache.set(key, list);
  return list;
}

/**
 * Closed weekdays and weekend holiday dates of one calendar in one year, with their names. Reads the
 * neighbouring years too: New Year's Day on Sat 1 Jan 2022 is observed on Fri 31 Dec 2021.
 */
function holidaysInYear(code: string, year: number): Map<DayNumber, string> {
  const start = dayNumberFromParts(year, 1, 1);
  const end = dayNumberFromParts(year + 1, 1, 1);
  const names = new Map<DayNumber, string>();
  const add = (day: DayNumber, name: string) => {
    if (day >= start && day < end && !names.has(day)) names.set(day, name);
  };
  const addWithObservedDay = (holiday: PublicHoliday) => {
    add(holiday.day, holiday.name);
    if (holiday.substitute) return;
    const dow = dayOfWeek(holiday.day);
    if (dow === 6) add(holiday.day - 1, `${holiday.name} (observed)`);
    else if (dow === 0) add(holiday.day + 1, `${holiday.name} (observed)`);
  };
  for (let y = year - 1; y <= year + 1; y++) {
    for (const holiday of publicHolidays(FEDERAL, y)) addWithObservedDay(holiday);
  }
  if (code !== FEDERAL) {
    const observesWeekendHolidays = !STATES_WITHOUT_OBSERVED_DAYS.has(code);
    for (let y = year - 1; y <= year + 1; y++) {
      for (const holiday of publicHolidays(code, y)) {
        if (observesWeekendHolidays && !holiday.ruledOnWeekends) addWithObservedDay(holiday);
        else add(holiday.day, holiday.name);
      }
    }
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

/** A jurisdiction's calendar: its years, built on first use. Obtain with `calendarFor`. */
export interface BusinessCalendar {
  readonly code: string;
  readonly years: (YearCalendar | undefined)[];
}

const calendars = new Map<string, BusinessCalendar>();

/** The calendar of "US", "DC" or a state code. Throws a RangeError for any other code. */
export function calendarFor(code: string): BusinessCalendar {
  let calendar = calendars.get(code);
  if (calendar) return calendar;
  if (!CALENDAR_CODE_SET.has(code)) throw new RangeError(`No holiday calendar for jurisdiction "${code}"`);
  calendar = { code, years: new Array<YearCalendar | undefined>(YEAR_COUNT) };
  calendars.set(code, calendar);
  return calendar;
}

function buildYear(code: string, yearIndex: number): YearCalendar {
  const start = YEAR_STARTS[yearIndex]!;
  const length = YEAR_STARTS[yearIndex + 1]! - start;
  const holidayNames = holidaysInYear(code, MIN_CALENDAR_YEAR + yearIndex);
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
    year = buildYear(calendar.code, yearIndex);
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
