import type { RequestStatus } from "../../../db/schema/values";
import { addDays } from "../../utils/dates";
import { OPEN_STATUSES } from "../request-status";

// Which requests a coordinator's daily digest lists, and under which heading. Pure: the database query and
// the time zone are the caller's.

/** The agency owes an answer (or, after a partial one, the rest). */
export const WAITING_ON_AGENCY: readonly RequestStatus[] = ["submitted", "acknowledged", "awaiting_response", "partially_fulfilled", "appealed"];
/** The agency asked us for something. */
export const WAITING_ON_US: readonly RequestStatus[] = ["clarification_requested", "fee_requested"];

export interface DigestCandidate {
  id: string;
  status: RequestStatus;
  dueDate: string | null;
  nextActionOn: string | null;
}

export interface DigestSections<T> {
  overdue: T[];
  dueThisWeek: T[];
  waitingOnUs: T[];
  nextActions: T[];
}

const byDate = (date: (r: DigestCandidate) => string | null) => (a: DigestCandidate, b: DigestCandidate) =>
  (date(a) ?? "9999-12-31").localeCompare(date(b) ?? "9999-12-31");

/** Sorts requests into the digest's sections; each request appears once, in the first section that fits. */
export function digestSections<T extends DigestCandidate>(requests: readonly T[], today: string): DigestSections<T> {
  const weekEnd = addDays(today, 6);
  const sections: DigestSections<T> = { overdue: [], dueThisWeek: [], waitingOnUs: [], nextActions: [] };
  for (const request of requests) {
    if (!OPEN_STATUSES.includes(request.status)) continue;
    const waitingOnAgency = WAITING_ON_AGENCY.includes(request.status);
    if (waitingOnAgency && request.dueDate && request.dueDate < today) sections.overdue.push(request);
    else if (waitingOnAgency && request.dueDate && request.dueDate <= weekEnd) sections.dueThisWeek.push(request);
    else if (WAITING_ON_US.includes(request.status)) sections.waitingOnUs.push(request);
    else if (request.nextActionOn && request.nextActionOn <= weekEnd) sections.nextActions.push(request);
  }
  sections.overdue.sort(byDate((r) => r.dueDate));
  sections.dueThisWeek.sort(byDate((r) => r.dueDate));
  sections.waitingOnUs.sort(byDate((r) => r.nextActionOn));
  sections.nextActions.sort(byDate((r) => r.nextActionOn));
  return sections;
}

/** The local date and hour of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}
