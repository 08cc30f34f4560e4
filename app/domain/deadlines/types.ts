/**
 * Types for the statutory-deadline engine. No runtime code: safe to import from the browser bundle,
 * the database seed and the domain alike.
 */

/** A calendar date as "YYYY-MM-DD". Never a timestamp, never local time. */
export type IsoDate = string;

/** How a period is counted once it has a number of days. */
export type DayType = "business" | "calendar";

/** A law's response period: counted in business or calendar days, or "none" when it sets no fixed number. */
export type ResponseDayType = DayType | "none";

export type Confidence = "high" | "medium" | "low";

/**
 * The event the response period is counted from. Almost every law counts from receipt; a few count from the
 * agency's acknowledgement of the request (which itself has a deadline).
 */
export type ResponseCountsFrom = "receipt" | "acknowledgement";

/** One public-records law (federal FOIA, DC, or a state), as transcribed from the reference table. */
export interface LawRule {
  /** Two-letter state code, "DC", or "US" for federal FOIA. Also names the holiday calendar. */
  readonly jurisdiction: string;
  readonly lawName: string;
  readonly citation: string;
  /** Days to respond; null when the law sets no fixed number (then `dayType` is "none"). */
  readonly responseDays: number | null;
  readonly dayType: ResponseDayType;
  /** "acknowledgement" when the text says the period runs from the acknowledgement (e.g. AL). */
  readonly responseCountsFrom: ResponseCountsFrom;
  /** Most extra days the agency may take on its own, or null when the law gives it none. */
  readonly extensionDays: number | null;
  readonly extensionDayType: DayType | null;
  readonly extensionNote: string;
  readonly appealNote: string;
  /** Deadline for acknowledging the request, where the law sets one. */
  readonly acknowledgementDays: number | null;
  readonly acknowledgementDayType: DayType | null;
  /** Days the requester has to appeal a denial (from the denial date), where the appeal note states one. */
  readonly appealDays: number | null;
  readonly appealDayType: DayType | null;
  readonly source: string;
  readonly confidence: Confidence;
  /**
   * What the reference data adds beyond the numbers above (app/domain/deadlines/reference): receipt rules,
   * the kind of extension the law allows, variants by level of government, the appeal body and deemed
   * denial. Absent for a hand-made rule: the engine then counts from the day it arrived and treats
   * `extensionDays` as a unilateral extension from the due date.
   */
  readonly details?: LawDetails;
}

export type GovernmentLevel = "state" | "local";

export interface LawDetails {
  /** The provision that sets the response period (the law's citation names the whole act). */
  readonly responseCite: string;
  readonly receipt: {
    readonly closedDayDeemedNextBusinessDay: boolean;
    readonly afterHoursCutoff: string | null;
    readonly electronicLagBusinessDays: number;
    readonly cite: string | null;
  };
  /** Periods that replace the response period for one level of government (MA municipalities). */
  readonly responseVariants: readonly {
    readonly appliesTo: GovernmentLevel;
    readonly days: number | null;
    readonly dayType: ResponseDayType;
    readonly countsFrom: ResponseCountsFrom;
    readonly cite: string;
  }[];
  readonly extension: ExtensionDetails;
  readonly extensionVariants: readonly (ExtensionDetails & { readonly appliesTo: GovernmentLevel })[];
  readonly appeal: {
    readonly body: string;
    readonly bodyKind: "agency_head" | "independent_office" | "attorney_general" | "court" | "other";
    readonly address: string | null;
    readonly countsFrom: "denial" | "denial_or_deemed_denial";
    readonly cite: string | null;
  };
  readonly deemedDenial: { readonly applies: boolean; readonly cite: string | null };
}

export interface ExtensionDetails {
  readonly kind: "none" | "unilateral" | "requester_consent" | "petition";
  readonly days: number | null;
  readonly dayType: DayType | null;
  readonly countsFrom: "due_date" | "receipt" | "acknowledgement";
  readonly repeatable: boolean;
  readonly cap: { readonly days: number; readonly dayType: DayType; readonly countsFrom: "receipt" | "acknowledgement" } | null;
  readonly cite: string | null;
}

/** Why the clock stopped: the request statuses during which the agency is waiting on the requester. */
export type PauseReason = "clarification_requested" | "fee_requested";

/**
 * Something that happened to a request and moves its deadline. Every event carries the date it happened
 * (`on`); events are applied in date order, and in the given order when dates are equal.
 */
export type DeadlineEvent =
  /** The agency asked for clarification or a fee: the clock stops. */
  | { readonly type: "paused"; readonly on: IsoDate; readonly reason: PauseReason }
  /** The requester answered: the clock restarts with the days that were left. */
  | { readonly type: "resumed"; readonly on: IsoDate }
  /** The agency acknowledged the request (matters where the period runs from acknowledgement). */
  | { readonly type: "acknowledged"; readonly on: IsoDate }
  /** The agency extended the deadline: to an explicit date, or by a number of days from the current due date. */
  | ExtensionEvent
  /** Requester and agency agreed a due date. Replaces the due date and ends any pause. */
  | {
      readonly type: "agreed_date";
      readonly on: IsoDate;
      readonly dueDate: IsoDate;
      readonly reason: string;
    }
  /** The request was denied (in whole or part): starts the appeal period. */
  | { readonly type: "denied"; readonly on: IsoDate };

export type ExtensionEvent = {
  readonly type: "extended";
  readonly on: IsoDate;
  readonly reason: string;
  /** Extensions the requester agreed to are never flagged as beyond the law's limit. */
  readonly requesterAgreed: boolean;
} & (
  | { readonly newDueDate: IsoDate; readonly days?: undefined }
  /** Days in the law's extension day type (or its response day type when it names none). */
  | { readonly days: number; readonly newDueDate?: undefined }
);

/** An agency-specific period that replaces the statutory one (e.g. a rule for one kind of agency). */
export interface AgencyRule {
  readonly days: number;
  readonly dayType: DayType;
  readonly reason: string;
}

export interface DeadlineInput {
  readonly law: LawRule;
  readonly receivedDate: IsoDate;
  readonly events?: readonly DeadlineEvent[];
  readonly agencyRule?: AgencyRule | null;
  /** Follow-up interval for laws with no fixed deadline, from the organization's policy. Default 10. */
  readonly policyFollowUpBusinessDays?: number;
  /** Local time of receipt ("17:30"), where the law's after-hours rule makes it matter. */
  readonly receivedAt?: string | null;
  /** How the request arrived: an emailed or faxed request may count as received later (MI MCL 15.235(1)). */
  readonly channel?: RequestChannel | null;
  /** The agency's level of government, where the law's periods differ by level. Default "state" for US/state agencies. */
  readonly governmentLevel?: GovernmentLevel | null;
  /** The agency's own office calendar: its county (for county-only closures) and extra closed days. */
  readonly agencyCalendar?: AgencyCalendar | null;
}

export type RequestChannel = "email" | "fax" | "mail" | "portal" | "in_person";

export interface AgencyClosure {
  readonly date: IsoDate;
  readonly reason: string;
}

export interface AgencyCalendar {
  readonly county?: string | null;
  readonly closures?: readonly AgencyClosure[];
}

export type DeadlineFlag =
  /** A unilateral extension went past what the law allows: the due date stays the law's, the agency's date is `proposedDueDate`. */
  | "extension_beyond_limit"
  /** The clock is stopped now: there is no due date until the request resumes. */
  | "paused"
  /** The law sets no fixed number of days: the follow-up date is the organization's policy. */
  | "no_statutory_deadline"
  /** There was a denial but the table has no appeal period for this law. */
  | "appeal_deadline_unknown"
  /** The due date comes from an agency-specific rule, not the statute. */
  | "agency_rule"
  /** An event made no sense where it was (e.g. a resume without a pause) and was ignored. */
  | "ignored_event";

export interface DeadlineResult {
  /** When the response is due; null for laws with no fixed number or while the clock is paused. */
  readonly dueDate: IsoDate | null;
  /** True when `dueDate` comes from a law (or an agency-specific rule), not from the organization's policy. */
  readonly statutory: boolean;
  /** When to follow up: the policy date for laws with no deadline, else the first business day after the due date. */
  readonly followUpDate: IsoDate | null;
  readonly acknowledgementDueDate: IsoDate | null;
  /** The due date counted with twice the period (pauses included); null without a fixed period. */
  readonly longOverdueDate: IsoDate | null;
  /** Last day to appeal the latest denial, where the law gives a number of days. */
  readonly appealDueDate: IsoDate | null;
  /** The day a request counts as received under the law's receipt rules (may be after the day it arrived). */
  readonly deemedReceivedDate: IsoDate;
  /** The latest due date the agency may set on its own under the law; null when the law sets no limit. */
  readonly extensionLimitDate: IsoDate | null;
  /** An agency's extension date beyond what the law allows, shown beside the legal due date. */
  readonly proposedDueDate: IsoDate | null;
  /**
   * Where a failure to respond is deemed a denial: the last day to appeal if nothing arrives by the due date
   * (the period counted from the due date). Null otherwise, or once the request was actually denied.
   */
  readonly deemedDenialAppealDueDate: IsoDate | null;
  /** While paused: the date the clock stopped and how many days (in `remainingDayType`) were left. */
  readonly pausedSince: IsoDate | null;
  readonly remainingDays: number | null;
  readonly remainingDayType: DayType | null;
  readonly flags: readonly DeadlineFlag[];
  /** Short sentences explaining how the dates were reached, in order. */
  readonly steps: readonly string[];
}
