import { z } from "zod";
import { AGENCY_TYPES, type RequestStatus } from "../../db/schema/values";
import { spreadsheetSafe } from "./csv";
import { isoDate } from "./request-input";

// Analytics of how agencies and vendors answer records requests: the filters, the definitions of every measure,
// and the small pieces of arithmetic the pages and tests share. Pure and browser-safe; the queries are in
// analytics.server.ts and compute the same measures in SQL (percentile_cont), never row by row in JS.
//
// DEFINITIONS (the README's "Analytics" section repeats them)
//
// - Received: requests.received_on, the day the agency (or vendor) received the request. Requests with no
//   received date (drafts) are in no response-time figure.
// - First substantive response: the earliest day (the status change's own date, `data.on`, else the day it was
//   recorded) the request moved to one of RESPONSE_STATUSES: partly fulfilled, fulfilled, no responsive records,
//   denied. An acknowledgement, a request for clarification or a fee is not a substantive response.
// - Completion: the earliest day it moved to one of FINAL_STATUSES (fulfilled, no responsive records, denied). A
//   partial release is a response but not a completion.
// - Days: calendar days from received to response (or completion), MINUS the calendar days the clock was
//   paused before it. Paused = the request stood in "clarification requested" or "fee requested" (the statuses
//   the deadline engine stops the clock for: app/domain/deadline-events.ts PAUSE_STATUSES), from the day it
//   moved there to the day it moved out (or the response, if that came first). Days waiting on the requester are
//   therefore NOT counted against the agency. Extensions do not change the days: the agency still took them.
// - Quartiles and median: percentile_cont (linear interpolation between the two nearest values), the same as
//   `quantile()` below.
// - Statutory period: the response period of the law of the agency's state (laws.response_days and its day
//   type, e.g. "5 business days"). Charts place it on the days axis in calendar days (business days x 7/5,
//   rounded), marked as approximate; the on-time rate uses the exact due date instead.
// - Due date: requests.due_on, kept by the deadline engine: counted from receipt in the law's day type, moved
//   by pauses (the days left at the pause run again from the resumption) and by extensions the law allows (an
//   extension beyond the law's limit without the requester's agreement does not move it). Agencies with their
//   own published period use it.
// - On time: a request with a due date that is due by today (due_on <= today) is ON TIME when its first
//   substantive response came on or before due_on, LATE when it came after, or when none came and the due date
//   has passed. On-time rate = on time / (on time + late). Requests with no due date (laws with no fixed period)
//   or not yet due are not counted. By month: the month of the due date.
// - Overdue now: open (OPEN_STATUSES) with due_on before today, as on the requests list and the chase board.
// - Outcomes: the request's CURRENT status, for those answered: fulfilled, partly fulfilled, denied, no
//   responsive records; appealed and in litigation are counted together. The schema has no outcome column.
// - Exemptions cited: the schema has no exemption column; a field withheld or denied carries a note ("the
//   exemption cited, what the agency said"). We count those notes, grouped by their trimmed, lower-cased text.
// - Fields: for each record type and field asked (request_fields), the share of requests asking for it whose
//   field is now received (fully), and partly received. By vendor/product: the products the request's agency
//   runs (agency_products, including systems hosted by another agency), or the vendor a request went to. An
//   agency that runs two products counts under both.
// - Joint-ask funnel, per campaign: drafted = requests made by it; sent = no longer a draft; acknowledged = ever
//   moved past "submitted" (acknowledged, awaiting, clarification, fee or any response); answered = has a first
//   substantive response; data received = a field received or partly received, or a received file.
// - Visibility: every figure counts only requests the viewer may see (access.server.ts visibleRequests): the
//   organization's own and coalition partners' non-private requests, or on public pages published requests only.

export const RESPONSE_STATUSES = ["partially_fulfilled", "fulfilled", "no_responsive_records", "denied"] as const satisfies readonly RequestStatus[];
export const FINAL_STATUSES = ["fulfilled", "no_responsive_records", "denied"] as const satisfies readonly RequestStatus[];
export const PAUSED_STATUSES = ["clarification_requested", "fee_requested"] as const satisfies readonly RequestStatus[];
/** Statuses that show the agency has engaged past bare receipt (for the funnel's "acknowledged"). */
export const ENGAGED_STATUSES = [
  "acknowledged",
  "awaiting_response",
  "clarification_requested",
  "fee_requested",
  ...RESPONSE_STATUSES,
  "appealed",
  "in_litigation",
] as const satisfies readonly RequestStatus[];

export const OUTCOMES = ["fulfilled", "partially_fulfilled", "no_responsive_records", "denied", "appealed"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  fulfilled: "Fulfilled",
  partially_fulfilled: "Partly fulfilled",
  no_responsive_records: "No records",
  denied: "Denied",
  appealed: "Appealed / in litigation",
};

export const FUNNEL_STAGES = ["drafted", "sent", "acknowledged", "answered", "dataReceived"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const FUNNEL_LABELS: Record<FunnelStage, string> = {
  drafted: "Drafted",
  sent: "Sent",
  acknowledged: "Acknowledged",
  answered: "Answered",
  dataReceived: "Data received",
};

/** An optional filter: an empty value is "any"; anything else must pass the schema (with its own message). */
const blank = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The /analytics filters (GET query string). Empty values are "any". */
export const analyticsFiltersSchema = z
  .object({
    from: blank(isoDate("From")),
    to: blank(isoDate("To")),
    state: blank(z.string().trim().regex(/^[A-Z]{2}$/, "Choose a state")),
    agencyType: blank(z.enum(AGENCY_TYPES, { error: "Unknown agency type" })),
    vendor: blank(z.string().uuid("Unknown vendor")),
    product: blank(z.string().uuid("Unknown product")),
    recordType: blank(z.string().uuid("Unknown record type")),
    campaign: blank(z.string().uuid("Unknown joint ask")),
    agency: blank(z.string().uuid("Unknown agency")),
    // "own": the organization's requests only; "coalition" (default): also what partners share.
    owner: blank(z.enum(["own", "coalition"], { error: 'owner must be "own" or "coalition"' })),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "To must be on or after From" });
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

export function parseAnalyticsFilters(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of ["from", "to", "state", "agencyType", "vendor", "product", "recordType", "campaign", "agency", "owner"]) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  return analyticsFiltersSchema.safeParse(raw);
}

/** The filters as a query string (for links and the CSV download), without empty values. */
export function filtersQuery(filters: Partial<Record<keyof AnalyticsFilters, string | undefined>>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The p-quantile of sorted numbers by linear interpolation between closest ranks: what Postgres's
 * percentile_cont computes. Null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/**
 * quantile() of the values a histogram counts, without expanding it: `histogram` is [value, how many] pairs (any
 * order; counts may be 0). The same number percentile_cont gives over the values, for the analytics rollups.
 */
export function quantileOfHistogram(histogram: readonly (readonly [number, number])[], p: number): number | null {
  const bins = histogram.filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const position = (total - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [value, n] of bins) {
      seen += n;
      if (rank < seen) return value;
    }
    return bins[bins.length - 1]![0];
  };
  const lowValue = valueAt(low);
  return lowValue + (valueAt(high) - lowValue) * (position - low);
}

/** Calendar days from received to an answer, minus the days paused before it (see the definitions above). */
export function responseDays(receivedOn: string, answeredOn: string, pauses: readonly { from: string; to: string | null }[]): number {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  let paused = 0;
  for (const pause of pauses) {
    const end = Math.min(pause.to ? day(pause.to) : day(answeredOn), day(answeredOn));
    paused += Math.max(0, end - day(pause.from));
  }
  return day(answeredOn) - day(receivedOn) - paused;
}

/** on time / (on time + late), or null when nothing was due. */
export function onTimeRate(onTime: number, late: number): number | null {
  return onTime + late === 0 ? null : onTime / (onTime + late);
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** "67%" or "–" */
export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${Math.round(value * 100)}%`;
}

/** "12", "12.5" or "–" */
export function formatDays(value: number | null): string {
  if (value === null) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A law's period in words: "5 business days", "no fixed period". */
export function describePeriod(days: number | null, dayType: string | null): string {
  if (days === null || !dayType || dayType === "none") return "no fixed period";
  return `${days} ${dayType === "business" ? "business" : "calendar"} day${days === 1 ? "" : "s"}`;
}

/** The period placed on a calendar-day axis: business days x 7/5, rounded (approximate, see definitions). */
export function periodInCalendarDays(days: number | null, dayType: string | null): number | null {
  if (days === null || !dayType || dayType === "none") return null;
  return dayType === "business" ? Math.round((days * 7) / 5) : days;
}

/** A CSV document of one table: header row and rows, every cell formula-safe, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (value: string | number | null | undefined) => {
    const text = spreadsheetSafe(typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** One agency's, vendor's or product's figures, as its scorecard shows them (analytics.server.ts computes them). */
export interface ScorecardFigures {
  requests: number;
  answered: number;
  medianResponse: number | null;
  q1Response: number | null;
  q3Response: number | null;
  onTime: number;
  late: number;
  overdueNow: number;
  outcomes: Partial<Record<string, number>>;
}
