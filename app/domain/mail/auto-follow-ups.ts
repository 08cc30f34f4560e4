import { addDays, daysBetween } from "../../utils/dates";

// When an organization's automatic follow-ups go out, as dates. Pure.

export const DEFAULT_FOLLOW_UP_INTERVAL_DAYS = 30;
export const MAX_FOLLOW_UP_INTERVAL_DAYS = 365;

/**
 * The follow-up due as of `today` for a request whose answer was due on `dueOn`: the first overdue day, then
 * every `intervalDays` days after it while the request stays overdue; null before it is overdue. Each date
 * is sent once (it is part of the letter's idempotency key); a day missed (the app was down) is caught up the
 * next time, still under its own date, and a date is never skipped into the next one.
 */
export function followUpDate(dueOn: string, today: string, intervalDays: number): string | null {
  const first = addDays(dueOn, 1);
  if (today < first) return null;
  const every = Math.max(1, Math.floor(intervalDays));
  return addDays(first, Math.floor(daysBetween(first, today) / every) * every);
}

/** The idempotency key of the automatic follow-up of one request on one date. */
export function autoFollowUpKey(requestId: string, date: string): string {
  return `auto-follow-up:${requestId}:${date}`;
}
