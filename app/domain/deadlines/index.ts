/** Statutory deadlines for public-records requests: law table, business-day calendars, due-date engine. */
export type {
  AgencyRule,
  Confidence,
  DayType,
  DeadlineEvent,
  DeadlineFlag,
  DeadlineInput,
  DeadlineResult,
  AgencyCalendar,
  AgencyClosure,
  ExtensionDetails,
  ExtensionEvent,
  GovernmentLevel,
  IsoDate,
  LawDetails,
  LawRule,
  RequestChannel,
  PauseReason,
  ResponseCountsFrom,
  ResponseDayType,
} from "./types";
export {
  CALENDAR_CODES,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  addBusinessDays,
  addCalendarDays,
  calendarFor,
  calendarForAgency,
  officeCalendarOf,
  countBusinessDays,
  dayNumberFromParts,
  dayOfWeek,
  formatHumanDate,
  formatIsoDate,
  hasCalendar,
  holidayName,
  isBusinessDay,
  isHoliday,
  isWeekend,
  parseIsoDate,
  partsFromDayNumber,
  rollForwardToBusinessDay,
  type DayNumber,
} from "./calendar";
export {
  DEFAULT_POLICY_FOLLOW_UP_BUSINESS_DAYS,
  computeDeadline,
  dueDateFor,
  isLongOverdue,
  isOverdue,
  lawFor,
} from "./compute";
export { LAW_TABLE, confidenceOf, lawRuleFromReference, referenceFor } from "./laws";
export { JURISDICTION_REFERENCES } from "./reference";
export { closedDaysInYear, type ClosedDay } from "./reference/closures";
export type * from "./reference/types";
