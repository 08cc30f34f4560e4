import { REQUEST_STATUSES, type RequestStatus } from "../../db/schema/values";

export { REQUEST_STATUSES, type RequestStatus };

export const STATUS_LABELS: Record<RequestStatus, string> = {
  draft: "Draft",
  submitted: "Submitted",
  acknowledged: "Acknowledged",
  awaiting_response: "Awaiting response",
  clarification_requested: "Clarification requested",
  fee_requested: "Fee requested",
  partially_fulfilled: "Partially fulfilled",
  fulfilled: "Fulfilled",
  no_responsive_records: "No responsive records",
  denied: "Denied",
  appealed: "Appealed",
  in_litigation: "In litigation",
  withdrawn: "Withdrawn",
};

/** Badge colour family; the badge always shows the label too, so colour is never the only signal. */
export type StatusTone = "neutral" | "info" | "waiting" | "success" | "partial" | "danger" | "muted";

export const STATUS_TONES: Record<RequestStatus, StatusTone> = {
  draft: "neutral",
  submitted: "info",
  acknowledged: "info",
  awaiting_response: "info",
  clarification_requested: "waiting",
  fee_requested: "waiting",
  partially_fulfilled: "partial",
  fulfilled: "success",
  no_responsive_records: "muted",
  denied: "danger",
  appealed: "waiting",
  in_litigation: "danger",
  withdrawn: "muted",
};

const RESPONSES: readonly RequestStatus[] = [
  "partially_fulfilled",
  "fulfilled",
  "no_responsive_records",
  "denied",
];

/**
 * Every allowed move, in one place. A request is filed (draft -> submitted), the agency answers or asks
 * for something, and a final answer can be appealed and then litigated. Withdrawing is possible while open.
 */
export const STATUS_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["acknowledged", "awaiting_response", "clarification_requested", "fee_requested", ...RESPONSES, "withdrawn"],
  acknowledged: ["awaiting_response", "clarification_requested", "fee_requested", ...RESPONSES, "withdrawn"],
  awaiting_response: ["acknowledged", "clarification_requested", "fee_requested", ...RESPONSES, "withdrawn"],
  clarification_requested: ["awaiting_response", "fee_requested", ...RESPONSES, "withdrawn"],
  fee_requested: ["awaiting_response", "clarification_requested", ...RESPONSES, "withdrawn"],
  // More records may still come in a rolling release, or the rest can be appealed.
  partially_fulfilled: ["awaiting_response", "fulfilled", "denied", "appealed", "withdrawn"],
  fulfilled: ["appealed"],
  no_responsive_records: ["appealed"],
  denied: ["appealed", "in_litigation"],
  appealed: ["awaiting_response", ...RESPONSES, "in_litigation", "withdrawn"],
  in_litigation: [...RESPONSES, "withdrawn"],
  withdrawn: [],
};

/**
 * Filed and not yet finally answered: these are the requests someone has to chase. A partial answer is still
 * open: the agency owes the rest, so it keeps its due date, shows as overdue and stays on the chase board.
 */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  "submitted",
  "acknowledged",
  "awaiting_response",
  "clarification_requested",
  "fee_requested",
  "partially_fulfilled",
  "appealed",
  "in_litigation",
];

export function isOpenStatus(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === "string" && (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Null when the move is allowed, else a sentence that says what is possible instead. */
export function transitionProblem(from: RequestStatus, to: RequestStatus): string | null {
  if (from === to) return `The request is already ${STATUS_LABELS[to].toLowerCase()}.`;
  if (canTransition(from, to)) return null;
  const next = STATUS_TRANSITIONS[from];
  const options = next.length
    ? `From ${STATUS_LABELS[from]} it can move to: ${next.map((s) => STATUS_LABELS[s]).join(", ")}.`
    : `${STATUS_LABELS[from]} is final.`;
  return `A request can't move from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}. ${options}`;
}
