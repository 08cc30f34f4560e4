import { isIsoDate, describeDue, describeWhen, formatDate, formatFullDate, formatInstant, formatMonth } from "~/utils/dates";

/**
 * The one way a date is shown: a <time> whose machine-readable value is the ISO date or instant, and whose text
 * comes from ~/utils/dates.
 * - "due": "due in 3 days (Tue 29 Dec)", "overdue by 2 days (Thu 24 Dec)"
 * - "when": "in 3 days (Tue 29 Dec)", "yesterday (Fri 4 Dec)"
 * - "day" (default): "Tue 29 Dec" (the year when it is not this year's)
 * - "full": "29 Dec 2026"
 * - "month": "Dec 2026"
 * Instants (a Date or an ISO timestamp) are shown in the organization's time zone: "Mon 23 Nov 2026, 14:05".
 */
export function DateText(
  props:
    | { date: string; today?: string; as?: "day" | "full" | "month" }
    | { date: string; today: string; as: "due" | "when" }
    | { instant: Date | string; timeZone: string },
) {
  if ("instant" in props) {
    const iso = typeof props.instant === "string" ? props.instant : props.instant.toISOString();
    return <time dateTime={iso}>{formatInstant(props.instant, props.timeZone)}</time>;
  }
  const { date, today } = props;
  // Not a calendar date (e.g. a month "2022-01" read from a file): shown as it is rather than guessed at.
  if (!isIsoDate(date)) return <>{date}</>;
  if (props.as === "due" || props.as === "when") {
    // The relative words may wrap; the absolute date in brackets never breaks.
    const text = props.as === "due" ? describeDue(date, props.today) : describeWhen(date, props.today);
    const absolute = formatDate(date, props.today);
    const relative = text.endsWith(`(${absolute})`) ? text.slice(0, -absolute.length - 2) : `${text} `;
    return (
      <span className="date-text">
        {relative}(<time dateTime={date}>{absolute}</time>)
      </span>
    );
  }
  const text =
    props.as === "full"
          ? formatFullDate(date)
          : props.as === "month"
            ? formatMonth(date)
            : formatDate(date, today);
  return <time dateTime={date}>{text}</time>;
}
