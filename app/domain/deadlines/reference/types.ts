/**
 * The shape of the deadline reference data: for federal FOIA ("US"), DC and each state, the office calendar
 * that decides which days count as business days under its public-records law, the law's facts, and
 * hand-counted cases that tests check the engine against. Every fact carries the source it was read in.
 *
 * Types only: safe for the browser bundle, the seed and the domain alike.
 */
import type { DayType, DeadlineEvent, IsoDate } from "../types";

/** Where a fact was read. */
export interface Source {
  /** The provision or document: "Tex. Gov't Code § 662.003(b)", "Ohio Rev. Code § 1.14", "2026 State Holiday Schedule (Ohio DAS)". */
  readonly cite: string;
  /** Where its text was read. */
  readonly url: string;
  /**
   * True only for primary law or an official calendar: a statute, a regulation, a court rule, an executive
   * order or proclamation, or the state's own official holiday calendar (its HR / personnel / administration
   * department's page). Secondary sources (law firm summaries, RCFP, MuckRock, news, Wikipedia, date-holidays)
   * are leads, never `primary`.
   */
  readonly primary: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Office calendars

/** 0 = Sunday ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** How a closure's date is found in a given year. */
export type DateRule =
  /** The same date every year: { month: 7, day: 4 }. */
  | { readonly kind: "fixed"; readonly month: number; readonly day: number }
  /** The nth weekday of a month; nth -1 is the last. Third Monday in January: { month: 1, weekday: 1, nth: 3 }. */
  | { readonly kind: "nthWeekday"; readonly month: number; readonly weekday: Weekday; readonly nth: 1 | 2 | 3 | 4 | 5 | -1 }
  /** Days from Western Easter Sunday: Good Friday is -2. */
  | { readonly kind: "easter"; readonly offset: number }
  /**
   * Days after another rule's date in the same year. The day after Thanksgiving:
   * { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 }.
   * Election Day (the Tuesday after the first Monday in November): offset 1 from the first Monday.
   */
  | { readonly kind: "offset"; readonly from: DateRule; readonly days: number }
  /** Particular dates: a governor's proclamation, an executive order, one year's official calendar. */
  | { readonly kind: "dates"; readonly dates: readonly IsoDate[] };

/**
 * What a closure whose date falls on a weekend does to the weekdays around it:
 * - "friday_monday": on a Saturday the Friday before is closed, on a Sunday the Monday after (5 U.S.C. 6103(b)).
 * - "monday": on a Sunday the Monday after is closed; on a Saturday nothing is made up.
 * - "friday": on a Saturday the Friday before is closed; on a Sunday nothing is made up.
 * - "monday_both": on a Saturday or a Sunday the Monday after is closed.
 * - "none": a weekend date closes no weekday.
 * Dated closures ("dates") are taken as they are: the weekend rule never moves them.
 */
export type WeekendRule = "friday_monday" | "monday" | "friday" | "monday_both" | "none";

/** Years in which a closure exists. */
export interface YearFilter {
  /** First year it applies (the year the law took effect). */
  readonly from?: number;
  /** Last year it applies. */
  readonly until?: number;
  /** Only every `step` years, counted from `anchor` (even years only: { step: 2, anchor: 2024 }). */
  readonly step?: number;
  readonly anchor?: number;
}

export interface Closure {
  /** As the source names it: "Confederate Heroes Day", "Day after Thanksgiving". */
  readonly name: string;
  readonly date: DateRule;
  /** Overrides the calendar's weekend rule for this closure. */
  readonly weekend?: WeekendRule;
  /**
   * When the weekday it moves to is already closed (Christmas Eve and Christmas observed on the same Friday),
   * "shift" moves it one more weekday in the same direction; "none" (default) lets the two coincide.
   */
  readonly collision?: "shift" | "none";
  readonly years?: YearFilter;
  /**
   * Counties (or cities) where this day is a closure and elsewhere it is not. Such a closure is never applied
   * to the statewide calendar; it applies to an agency only when the agency's county is on the list.
   */
  readonly onlyIn?: readonly string[];
  readonly source: Source;
  readonly note?: string;
}

export interface OfficeCalendar {
  /** "US", "DC" or a state's two-letter code. */
  readonly jurisdiction: string;
  /**
   * Why these are the non-business days under this jurisdiction's records law: the law's own definition of
   * "business day" / "working day", or the general statute it relies on (legal holidays, days offices close).
   */
  readonly basis: { readonly text: string; readonly source: Source };
  /** The default weekend rule for this calendar's closures, with where it is written. */
  readonly weekend: { readonly rule: WeekendRule; readonly source: Source };
  readonly closures: readonly Closure[];
  /** What could not be settled from a primary source, in plain words ("whether Good Friday closes county offices"). */
  readonly unverified: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// Law facts

/** Which government's offices a fact applies to, where the law distinguishes them (MA: agencies vs municipalities). */
export type GovernmentLevel = "state" | "local";

export interface ResponsePeriod {
  /** Days to respond, or null when the law sets no fixed number (then dayType is "none"). */
  readonly days: number | null;
  readonly dayType: DayType | "none";
  /**
   * What the period is counted from. "receipt": day 1 is the day after the (deemed) receipt.
   * "acknowledgement": the period runs from the agency's acknowledgement (AL).
   */
  readonly countsFrom: "receipt" | "acknowledgement";
  /** Applies only to this level of government; absent = every agency under the law. */
  readonly appliesTo?: GovernmentLevel;
  readonly source: Source;
  readonly note?: string;
}

export interface ReceiptRules {
  /** A request that arrives on a weekend, holiday or other closed day is deemed received the next business day. */
  readonly closedDayDeemedNextBusinessDay: boolean;
  /** Local time ("17:00") after which a request that arrives on a business day is deemed received the next business day; null if the law sets none. */
  readonly afterHoursCutoff: string | null;
  /** Business days after sending that an emailed or faxed request counts as received (MI MCL 15.235(1): 1); 0 when the law sets none. */
  readonly electronicLagBusinessDays: number;
  /** Null when the law says nothing about receipt (then receipt is the day it arrived). */
  readonly source: Source | null;
  readonly note?: string;
}

export interface AcknowledgementDuty {
  readonly days: number;
  readonly dayType: DayType;
  readonly source: Source;
  readonly note?: string;
}

export interface ExtensionRule {
  /**
   * "none": the law allows no extension. "unilateral": the agency extends by notice.
   * "requester_consent": only with the requester's agreement (MD GP 4-203(d)).
   * "petition": only by petition to, and grant by, another body (MA: the Supervisor of Records).
   */
  readonly kind: "none" | "unilateral" | "requester_consent" | "petition";
  /** Length of one extension, where the law fixes one. */
  readonly days: number | null;
  readonly dayType: DayType | null;
  /** What an extension is counted from: the current due date (usual), receipt, or the acknowledgement (NY POL 89(3)(a)). */
  readonly countsFrom: "due_date" | "receipt" | "acknowledgement";
  /** Whether further extensions of the same length may follow (AL: 15-business-day increments). */
  readonly repeatable: boolean;
  /** The latest any extension may reach, where the law caps them (AL: presumption of denial). */
  readonly cap: {
    readonly days: number;
    readonly dayType: DayType;
    readonly countsFrom: "receipt" | "acknowledgement";
    readonly source: Source;
  } | null;
  readonly appliesTo?: GovernmentLevel;
  readonly source: Source | null;
  readonly note: string;
}

export interface AppealRoute {
  /** Days the requester has to appeal, where the law sets a period; null when it sets none. */
  readonly days: number | null;
  readonly dayType: DayType | null;
  /** What the period runs from: the denial, or the date the request is deemed denied. */
  readonly countsFrom: "denial" | "denial_or_deemed_denial";
  /** Who hears the appeal, as the law names it: "the head of the agency", "the Office of Open Records", "the Attorney General", "the circuit court". */
  readonly body: string;
  readonly bodyKind: "agency_head" | "independent_office" | "attorney_general" | "court" | "other";
  /** Where to send an appeal to that body, when it publishes a postal or email address (the letter's addressee block). */
  readonly address?: string;
  readonly source: Source | null;
  readonly note: string;
}

export interface LawFacts {
  readonly jurisdiction: string;
  readonly lawName: string;
  /** The law's main citation. */
  readonly citation: string;
  /** The period that applies to every agency, then variants for a level of government where the law differs. */
  readonly response: ResponsePeriod;
  readonly responseVariants?: readonly ResponsePeriod[];
  readonly receipt: ReceiptRules;
  readonly acknowledgement: AcknowledgementDuty | null;
  readonly extension: ExtensionRule;
  readonly extensionVariants?: readonly ExtensionRule[];
  /** The first appeal route the law gives (administrative where there is one, else court); others in `otherAppealRoutes`. */
  readonly appeal: AppealRoute;
  readonly otherAppealRoutes?: readonly AppealRoute[];
  /** Whether a failure to respond in time is deemed a denial (which starts the appeal clock). */
  readonly deemedDenial: { readonly applies: boolean; readonly source: Source | null; readonly note?: string };
  /** What could not be settled from a primary source; shown on the law page as "unverified: ...". */
  readonly unverified: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// Hand-counted cases

export interface HandCountedCase {
  /** Names the provisions it checks: "Gov't Code 552.221(d), 552.0031: 10 business days skip Fri 27 Nov 2026". */
  readonly name: string;
  readonly received: IsoDate;
  /** Local time of receipt ("17:30"), where the law's receipt rules make it matter. */
  readonly receivedAt?: string;
  readonly channel?: "email" | "fax" | "mail" | "portal" | "in_person";
  readonly governmentLevel?: GovernmentLevel;
  readonly events?: readonly DeadlineEvent[];
  /** Only the fields given are checked. Counted by hand from the calendar and the law, never from the engine. */
  readonly expect: {
    readonly dueDate?: IsoDate | null;
    readonly acknowledgementDueDate?: IsoDate | null;
    readonly appealDueDate?: IsoDate | null;
    /** The latest date an extension may reach without being beyond the law. */
    readonly extensionLimit?: IsoDate | null;
  };
}

/** Everything the app knows about one jurisdiction's deadlines. */
export interface JurisdictionReference {
  readonly calendar: OfficeCalendar;
  readonly law: LawFacts;
  /** At least three, around this jurisdiction's own holidays, plus its receipt and extension rules. */
  readonly cases: readonly HandCountedCase[];
}
