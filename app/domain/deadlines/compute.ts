/**
 * The statutory-deadline engine: a law, a received date and the request's deadline events in; due dates and
 * an explanation of how they were reached out. Pure and synchronous: no clock, no I/O.
 *
 * Counting rules:
 * - Receipt is the day the request arrived, moved where the law's receipt rules say so: to the next business
 *   day when it arrived on a closed day or after hours, and by the law's lag for emailed or faxed requests.
 * - Counting starts the day after (deemed) receipt (or after acknowledgement, where the law counts from it).
 * - Business days skip weekends and the jurisdiction's holidays (see calendar.ts). A calendar-day date
 *   that lands on a weekend or holiday rolls forward to the next business day.
 * - A pause (clarification or fee requested) stops the clock; on resume the due date is the resume date
 *   plus the days that were left at the pause, counted in the period's day type. Paused after the due date,
 *   nothing is left: due on the resume date (rolled to a business day). A pause never brings a date forward.
 * - An extension sets a new due date within what the law allows. One that goes past it without the
 *   requester's agreement is flagged and does not move the due date past the law's limit: the agency's date
 *   is kept as the proposed date beside it. Laws that allow no unilateral extension (none, the requester's
 *   consent, a petition) keep the statutory due date.
 * - Where a failure to respond is deemed a denial, the appeal period also runs from the due date.
 */
import { LAW_TABLE } from "./laws";
import {
  addBusinessDaysIn,
  calendarFor,
  calendarForAgency,
  isBusinessDayIn,
  countBusinessDaysIn,
  dayOfWeek,
  formatDayMonth,
  formatHumanDate,
  formatIsoDate,
  holidayNameIn,
  isWeekend,
  parseIsoDate,
  rollForwardIn,
  weekdayHolidaysIn,
  type BusinessCalendar,
  type DayNumber,
} from "./calendar";
import type {
  DayType,
  DeadlineEvent,
  DeadlineFlag,
  DeadlineInput,
  DeadlineResult,
  ExtensionDetails,
  IsoDate,
  LawRule,
  PauseReason,
} from "./types";

/** Follow-up interval for laws with no fixed deadline when the organization has not set one. */
export const DEFAULT_POLICY_FOLLOW_UP_BUSINESS_DAYS = 10;

const LAWS_BY_JURISDICTION: ReadonlyMap<string, LawRule> = new Map(LAW_TABLE.map((law) => [law.jurisdiction, law]));

/** The law for "US", "DC" or a state code, or undefined. */
export function lawFor(jurisdiction: string): LawRule | undefined {
  return LAWS_BY_JURISDICTION.get(jurisdiction);
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

function requireDay(iso: IsoDate, what: string): DayNumber {
  const day = parseIsoDate(iso);
  if (day === null) throw new RangeError(`${what} is not a valid YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return day;
}

function requireCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number >= 0: ${n}`);
  return n;
}

function plural(n: number, dayType: DayType): string {
  return `${n} ${dayType} ${n === 1 ? "day" : "days"}`;
}

const PAUSE_REASON_TEXT: Record<PauseReason, string> = {
  clarification_requested: "clarification requested",
  fee_requested: "fee requested",
};

/** A date on a timeline. Calendar-day results keep their unrolled date so later counting stays exact. */
interface Mark {
  readonly nominal: DayNumber;
  /** Roll forward to a business day when read (calendar-day results). */
  readonly roll: boolean;
}

function effective(calendar: BusinessCalendar, mark: Mark): DayNumber {
  return mark.roll ? rollForwardIn(calendar, mark.nominal) : mark.nominal;
}

function markAfter(calendar: BusinessCalendar, from: DayNumber, n: number, dayType: DayType): Mark {
  return dayType === "business"
    ? { nominal: addBusinessDaysIn(calendar, from, n), roll: false }
    : { nominal: from + n, roll: true };
}

/** `n` days of `dayType` after `from`, rolled forward to a business day. */
function dateAfter(calendar: BusinessCalendar, from: DayNumber, n: number, dayType: DayType): DayNumber {
  return dayType === "business" ? addBusinessDaysIn(calendar, from, n) : rollForwardIn(calendar, from + n);
}

/** Days of `dayType` still to run at `pausedOn` before `mark` (0 once it has passed). */
function remainingAt(calendar: BusinessCalendar, mark: Mark, pausedOn: DayNumber, dayType: DayType): number {
  if (dayType === "business") return countBusinessDaysIn(calendar, pausedOn, effective(calendar, mark));
  return Math.max(0, mark.nominal - pausedOn);
}

function resumeMark(calendar: BusinessCalendar, resumedOn: DayNumber, remaining: number, dayType: DayType): Mark {
  if (dayType === "calendar") return { nominal: resumedOn + remaining, roll: true };
  return remaining > 0
    ? { nominal: addBusinessDaysIn(calendar, resumedOn, remaining), roll: false }
    : { nominal: resumedOn, roll: true };
}

/** Moves a mark across a pause; never earlier than it was. */
function shiftAcrossPause(
  calendar: BusinessCalendar,
  mark: Mark,
  pausedOn: DayNumber,
  resumedOn: DayNumber,
  dayType: DayType,
): Mark {
  const moved = resumeMark(calendar, resumedOn, remainingAt(calendar, mark, pausedOn, dayType), dayType);
  return effective(calendar, moved) >= effective(calendar, mark) ? moved : mark;
}

function later(calendar: BusinessCalendar, a: Mark, b: Mark): Mark {
  return effective(calendar, b) > effective(calendar, a) ? b : a;
}

/** "skipping Fri 25 Dec (Christmas Day) and Fri 1 Jan (New Year's Day)", or "" when none. */
function skippedHolidays(calendar: BusinessCalendar, fromDay: DayNumber, toDay: DayNumber): string {
  const holidays = weekdayHolidaysIn(calendar, fromDay, toDay);
  if (holidays.length === 0) return "";
  const names = holidays.map((h) => `${formatHumanDate(h.day, false)} (${h.name})`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `, skipping ${list}`;
}

/** "→ Tue 29 Dec 2026", or for a calendar date that rolled: "→ Sat 9 Jan 2027, not a business day, so Mon 11 Jan 2027". */
function arrow(calendar: BusinessCalendar, mark: Mark): string {
  const due = effective(calendar, mark);
  if (due === mark.nominal) return `→ ${formatHumanDate(due)}`;
  const holiday = holidayNameIn(calendar, mark.nominal);
  const why = holiday === null ? "a weekend day" : holiday;
  return `→ ${formatHumanDate(mark.nominal)} (${why}), rolled forward to ${formatHumanDate(due)}`;
}

/** Why a day is not a business day: the closure's name, or "a Saturday"/"a Sunday". */
function closedReason(calendar: BusinessCalendar, day: DayNumber): string {
  const name = holidayNameIn(calendar, day);
  if (name !== null) return name;
  if (isWeekend(day)) return `a ${dayOfWeek(day) === 6 ? "Saturday" : "Sunday"}`;
  return "a closed day";
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The day the law counts as receipt: the day it arrived, moved to the next business day when it arrived on
 * a closed day or after the law's cut-off hour, then moved by the law's lag for emailed or faxed requests.
 */
function deemedReceipt(calendar: BusinessCalendar, law: LawRule, arrived: DayNumber, input: DeadlineInput): { day: DayNumber; why: string[] } {
  const rules = law.details?.receipt;
  const why: string[] = [];
  let day = arrived;
  if (!rules) return { day, why };
  const cite = rules.cite ? ` (${rules.cite})` : "";
  const at = input.receivedAt ?? null;
  if (at !== null && !TIME_OF_DAY.test(at)) throw new RangeError(`receivedAt must be a time as HH:MM: ${JSON.stringify(at)}`);
  if (rules.closedDayDeemedNextBusinessDay && !isBusinessDayIn(calendar, day)) {
    const next = rollForwardIn(calendar, day);
    why.push(`arrived on ${closedReason(calendar, day)}, so it counts as received the next business day, ${formatHumanDate(next)}${cite}`);
    day = next;
  } else if (rules.afterHoursCutoff !== null && at !== null && at >= rules.afterHoursCutoff && isBusinessDayIn(calendar, day)) {
    const next = addBusinessDaysIn(calendar, day, 1);
    why.push(`arrived at ${at}, after ${rules.afterHoursCutoff}, so it counts as received ${formatHumanDate(next)}${cite}`);
    day = next;
  }
  const lag = rules.electronicLagBusinessDays;
  if (lag > 0 && (input.channel === "email" || input.channel === "fax")) {
    const next = addBusinessDaysIn(calendar, day, lag);
    why.push(`sent by ${input.channel}, so it counts as received ${lag === 1 ? "one business day" : `${lag} business days`} later, ${formatHumanDate(next)}${cite}`);
    day = next;
  }
  return { day, why };
}

function pauseSpan(from: DayNumber, to: DayNumber): string {
  const sameYear = formatIsoDate(from).slice(0, 4) === formatIsoDate(to).slice(0, 4);
  return `${formatDayMonth(from, !sameYear)} – ${formatDayMonth(to, !sameYear)}`;
}

// ---------------------------------------------------------------------------------------------------------
// computeDeadline

interface DatedEvent {
  readonly day: DayNumber;
  readonly index: number;
  readonly event: DeadlineEvent;
}

/**
 * Due date, follow-up, acknowledgement, long-overdue and appeal dates for one request, with the steps that
 * explain them. Throws a RangeError for malformed dates or day counts.
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const { law, agencyRule } = input;
  const code = law.jurisdiction;
  const calendar = calendarForAgency(code, input.agencyCalendar);
  const arrived = requireDay(input.receivedDate, "receivedDate");
  const receipt = deemedReceipt(calendar, law, arrived, input);
  const received = receipt.day;
  const steps: string[] = [];
  const flags: DeadlineFlag[] = [];
  const flag = (f: DeadlineFlag) => {
    if (!flags.includes(f)) flags.push(f);
  };

  const events: DatedEvent[] = (input.events ?? [])
    .map((event, index) => ({ day: Math.max(arrived, requireDay(event.on, `${event.type} event date`)), index, event }))
    .sort((a, b) => a.day - b.day || a.index - b.index);

  if (receipt.why.length === 0) {
    steps.push(`Received ${formatHumanDate(received)}; counting starts the next day`);
  } else {
    steps.push(`Arrived ${formatHumanDate(arrived)}; it ${receipt.why.join("; then ")}; counting starts the next day`);
  }

  // Acknowledgement deadline.
  let acknowledgementDue: DayNumber | null = null;
  if (law.acknowledgementDays !== null && law.acknowledgementDayType !== null) {
    acknowledgementDue = dateAfter(calendar, received, law.acknowledgementDays, law.acknowledgementDayType);
    steps.push(
      `Acknowledgement due within ${plural(law.acknowledgementDays, law.acknowledgementDayType)} → ${formatHumanDate(acknowledgementDue)}`,
    );
  }

  // The period: the law's for this level of government; an agency-specific rule replaces it.
  const level = input.governmentLevel ?? null;
  const variant = level === null ? undefined : law.details?.responseVariants.find((v) => v.appliesTo === level);
  let periodDays: number | null = variant ? variant.days : law.responseDays;
  let periodType: DayType | null = variant ? (variant.dayType === "none" ? null : variant.dayType) : law.dayType === "none" ? null : law.dayType;
  const extensionRule: ExtensionDetails | null =
    (level === null ? undefined : law.details?.extensionVariants.find((v) => v.appliesTo === level)) ?? law.details?.extension ?? null;
  if (agencyRule) {
    periodDays = requireCount(agencyRule.days, "agencyRule.days");
    periodType = agencyRule.dayType;
    flag("agency_rule");
  }
  const fixed = periodDays !== null && periodType !== null;
  // Pauses and day-count extensions on a law without a period count in the policy's business days.
  const countType: DayType = periodType ?? "business";

  // Where the count starts.
  let base = received;
  const countsFrom = variant?.countsFrom ?? law.responseCountsFrom;
  if (countsFrom === "acknowledgement" && fixed) {
    const acknowledged = events.find((e) => e.event.type === "acknowledged")?.day ?? null;
    if (acknowledged !== null && (acknowledgementDue === null || acknowledged <= acknowledgementDue)) {
      base = acknowledged;
      steps.push(`${code} counts the period from acknowledgement: acknowledged ${formatHumanDate(base)}`);
    } else if (acknowledgementDue !== null) {
      base = acknowledgementDue;
      steps.push(
        acknowledged === null
          ? `${code} counts the period from acknowledgement; not acknowledged yet, so counting from the acknowledgement deadline, ${formatHumanDate(base)}`
          : `${code} counts the period from acknowledgement; acknowledged late (${formatHumanDate(acknowledged)}), so counting from the acknowledgement deadline, ${formatHumanDate(base)}`,
      );
    } else if (acknowledged !== null) {
      base = acknowledged;
      steps.push(`${code} counts the period from acknowledgement: acknowledged ${formatHumanDate(base)}`);
    }
  }

  // The target: the due date when there is a period, else the policy follow-up date.
  let target: Mark;
  let longOverdue: Mark | null = null;
  // The statutory due date moved only by pauses, and the latest date the requester agreed to: together they
  // give the latest date an extension may reach without being flagged.
  let statutoryDue: Mark | null = null;
  let agreedFloor: Mark | null = null;
  if (periodDays !== null && periodType !== null) {
    target = markAfter(calendar, base, periodDays, periodType);
    const source = agencyRule
      ? `agency rule: ${agencyRule.reason}; replaces ${code}'s ${law.responseDays === null ? "open-ended period" : plural(law.responseDays, law.dayType === "none" ? "calendar" : law.dayType)}`
      : variant
        ? `${code}, ${variant.cite}, ${variant.appliesTo === "local" ? "local agencies" : "state agencies"}`
        : `${code}, ${law.details?.responseCite ?? law.citation}`;
    const skipping = periodType === "business" ? skippedHolidays(calendar, base, target.nominal) : "";
    steps.push(`${plural(periodDays, periodType)} (${source})${skipping} ${arrow(calendar, target)}`);
    longOverdue = markAfter(calendar, base, periodDays * 2, periodType);
    statutoryDue = target;
  } else {
    const policyDays = requireCount(
      input.policyFollowUpBusinessDays ?? DEFAULT_POLICY_FOLLOW_UP_BUSINESS_DAYS,
      "policyFollowUpBusinessDays",
    );
    flag("no_statutory_deadline");
    steps.push(`${code} sets no fixed number of days (${law.citation}): no statutory due date`);
    target = markAfter(calendar, received, policyDays, "business");
    steps.push(
      `Follow up after ${plural(policyDays, "business")} (organization policy, not statutory)${skippedHolidays(calendar, received, target.nominal)} ${arrow(calendar, target)}`,
    );
  }
  const extensionType: DayType = extensionRule?.dayType ?? law.extensionDayType ?? countType;

  let pause: { on: DayNumber; reason: PauseReason; remaining: number } | null = null;
  let pendingExtensions: DatedEvent[] = [];
  let denial: DayNumber | null = null;
  const targetLabel = fixed ? "due" : "follow-up";

  /** Where an extension's or a cap's count starts when the law counts it from the acknowledgement. */
  const acknowledgementBase = (): DayNumber =>
    events.find((e) => e.event.type === "acknowledged")?.day ?? acknowledgementDue ?? received;

  /**
   * Latest date the agency may set on its own under the law; null when there is no statutory due date or the
   * law sets no limit (a "reasonable time", or repeatable extensions without a cap).
   */
  const lawfulLimit = (): DayNumber | null => {
    const due = statutoryDue === null ? null : effective(calendar, statutoryDue);
    if (!extensionRule) {
      if (due === null) return null;
      return law.extensionDays !== null && law.extensionDayType !== null
        ? dateAfter(calendar, due, law.extensionDays, law.extensionDayType)
        : due;
    }
    if (extensionRule.kind !== "unilateral") return due;
    // Counted from receipt or the acknowledgement, a limit exists even under a law with no fixed period (IA).
    const from = (countsFrom: "due_date" | "receipt" | "acknowledgement"): DayNumber | null =>
      countsFrom === "due_date" ? due : countsFrom === "receipt" ? received : acknowledgementBase();
    const start = from(extensionRule.countsFrom);
    const byDays =
      extensionRule.days !== null && extensionRule.dayType !== null && !extensionRule.repeatable && start !== null
        ? dateAfter(calendar, start, extensionRule.days, extensionRule.dayType)
        : null;
    const capStart = extensionRule.cap ? from(extensionRule.cap.countsFrom) : null;
    const cap = extensionRule.cap && capStart !== null ? dateAfter(calendar, capStart, extensionRule.cap.days, extensionRule.cap.dayType) : null;
    const limit = byDays !== null && cap !== null ? Math.min(byDays, cap) : (byDays ?? cap);
    if (limit === null) return null;
    return due === null ? limit : Math.max(limit, due);
  };
  const extensionCeiling = (): DayNumber | null => {
    const limit = lawfulLimit();
    if (limit === null) return null;
    return agreedFloor === null ? limit : Math.max(limit, effective(calendar, agreedFloor));
  };
  /** What the law allows, in words, for the extension step. */
  const limitWords = (ceiling: DayNumber): string => {
    if (extensionRule && extensionRule.kind !== "unilateral") {
      const how = { none: "allows no extension", requester_consent: "allows an extension only with the requester's consent", petition: "allows an extension only by petition" }[extensionRule.kind];
      return `${code} ${how}${extensionRule.cite ? ` (${extensionRule.cite})` : ""}`;
    }
    const days = extensionRule ? extensionRule.days : law.extensionDays;
    const type = extensionRule ? extensionRule.dayType : law.extensionDayType;
    const cite = extensionRule?.cite ? ` (${extensionRule.cite})` : "";
    return days !== null && type !== null
      ? `beyond the law's limit of ${plural(days, type)}${cite}, latest ${formatHumanDate(ceiling)}`
      : `beyond the law's limit${cite}, latest ${formatHumanDate(ceiling)}`;
  };
  let proposed: DayNumber | null = null;

  const applyExtension = ({ day, event }: DatedEvent) => {
    if (event.type !== "extended") return;
    const from = effective(calendar, target);
    let next: Mark;
    let how: string;
    if (event.newDueDate !== undefined) {
      next = { nominal: requireDay(event.newDueDate, "extended.newDueDate"), roll: false };
      how = `to ${formatHumanDate(next.nominal)}`;
    } else {
      const days = requireCount(event.days, "extended.days");
      next = markAfter(calendar, from, days, extensionType);
      how = `by ${plural(days, extensionType)} ${arrow(calendar, next)}`;
    }
    let note = "";
    const ceiling = extensionCeiling();
    if (event.requesterAgreed) {
      note = "; the requester agreed";
      agreedFloor = agreedFloor === null ? next : later(calendar, agreedFloor, next);
      proposed = null;
      target = next;
    } else if (ceiling !== null && effective(calendar, next) > ceiling) {
      flag("extension_beyond_limit");
      proposed = effective(calendar, next);
      target = { nominal: ceiling, roll: false };
      note = `; ${limitWords(ceiling)}, without the requester's agreement: the due date stays ${formatHumanDate(ceiling)} under the law, and ${formatHumanDate(proposed)} is the agency's proposed date`;
    } else {
      proposed = null;
      target = next;
    }
    steps.push(`Extended on ${formatHumanDate(day)} (${event.reason}) ${how}${note}`);
  };

  for (const dated of events) {
    const { day, event } = dated;
    switch (event.type) {
      case "paused": {
        if (pause) {
          flag("ignored_event");
          steps.push(`Pause on ${formatHumanDate(day)} ignored: already paused since ${formatHumanDate(pause.on)}`);
          break;
        }
        pause = { on: day, reason: event.reason, remaining: remainingAt(calendar, target, day, countType) };
        break;
      }
      case "resumed": {
        if (!pause) {
          flag("ignored_event");
          steps.push(`Resumption on ${formatHumanDate(day)} ignored: the clock was not paused`);
          break;
        }
        const before = effective(calendar, target);
        const moved = resumeMark(calendar, day, pause.remaining, countType);
        const kept = effective(calendar, moved) < before;
        target = kept ? target : moved;
        if (longOverdue) longOverdue = shiftAcrossPause(calendar, longOverdue, pause.on, day, countType);
        if (statutoryDue) statutoryDue = shiftAcrossPause(calendar, statutoryDue, pause.on, day, countType);
        if (agreedFloor) agreedFloor = shiftAcrossPause(calendar, agreedFloor, pause.on, day, countType);
        const left =
          pause.remaining > 0
            ? `${plural(pause.remaining, countType)} ${pause.remaining === 1 ? "was" : "were"} left`
            : `the ${targetLabel} date had passed, so nothing was left`;
        steps.push(
          `Paused ${pauseSpan(pause.on, day)} (${PAUSE_REASON_TEXT[pause.reason]}); ${left} ${
            kept ? `→ ${formatHumanDate(before)} (unchanged: a pause never brings the date forward)` : arrow(calendar, target)
          }`,
        );
        pause = null;
        for (const pending of pendingExtensions) applyExtension(pending);
        pendingExtensions = [];
        break;
      }
      case "extended": {
        if (pause) {
          pendingExtensions.push(dated);
          steps.push(`Extension logged on ${formatHumanDate(day)} while paused: applied when the clock restarts`);
        } else {
          applyExtension(dated);
        }
        break;
      }
      case "agreed_date": {
        const agreed: Mark = { nominal: requireDay(event.dueDate, "agreed_date.dueDate"), roll: false };
        if (pause) {
          steps.push(`Pause since ${formatHumanDate(pause.on)} ended by the agreement`);
          pause = null;
          pendingExtensions = [];
        }
        target = agreed;
        proposed = null;
        agreedFloor = agreedFloor === null ? agreed : later(calendar, agreedFloor, agreed);
        steps.push(
          `Agreed with the requester on ${formatHumanDate(day)} (${event.reason}): ${targetLabel} ${formatHumanDate(agreed.nominal)}`,
        );
        break;
      }
      case "acknowledged": {
        if (acknowledgementDue !== null) {
          steps.push(
            `Acknowledged ${formatHumanDate(day)}${day > acknowledgementDue ? ` (late: due ${formatHumanDate(acknowledgementDue)})` : ""}`,
          );
        }
        break;
      }
      case "denied": {
        denial = day;
        break;
      }
    }
  }

  // Appeal window after the latest denial.
  let appealDue: DayNumber | null = null;
  if (denial !== null) {
    if (law.appealDays !== null && law.appealDayType !== null) {
      appealDue = dateAfter(calendar, denial, law.appealDays, law.appealDayType);
      const to = law.details ? ` to ${law.details.appeal.body}` : "";
      const cite = law.details?.appeal.cite ? ` (${law.details.appeal.cite})` : "";
      steps.push(
        `Denied ${formatHumanDate(denial)}; appeal${to} within ${plural(law.appealDays, law.appealDayType)}${cite} → ${formatHumanDate(appealDue)}`,
      );
    } else {
      flag("appeal_deadline_unknown");
      steps.push(`Denied ${formatHumanDate(denial)}; no appeal period on file for ${code}. Check the route: ${law.appealNote}`);
    }
  }

  const iso = (day: DayNumber | null) => (day === null ? null : formatIsoDate(day));
  const limit = pause ? null : lawfulLimit();
  // Deemed denial: no response by the due date is a denial, and the appeal period runs from the due date.
  let deemedDenialAppeal: DayNumber | null = null;
  if (denial === null && !pause && fixed && law.details?.deemedDenial.applies && law.appealDays !== null && law.appealDayType !== null) {
    deemedDenialAppeal = dateAfter(calendar, effective(calendar, target), law.appealDays, law.appealDayType);
    const cite = law.details.deemedDenial.cite ? ` (${law.details.deemedDenial.cite})` : "";
    steps.push(
      `No response by the due date counts as a denial${cite}: appeal to ${law.details.appeal.body} within ${plural(law.appealDays, law.appealDayType)} → ${formatHumanDate(deemedDenialAppeal)}`,
    );
  }
  const common = {
    statutory: fixed,
    acknowledgementDueDate: iso(acknowledgementDue),
    appealDueDate: iso(appealDue),
    deemedReceivedDate: formatIsoDate(received),
    extensionLimitDate: iso(limit),
    proposedDueDate: pause ? null : iso(proposed),
    deemedDenialAppealDueDate: iso(deemedDenialAppeal),
  };

  if (pause) {
    flag("paused");
    steps.push(
      `Paused since ${formatHumanDate(pause.on)} (${PAUSE_REASON_TEXT[pause.reason]}) with ${plural(pause.remaining, countType)} left: no ${targetLabel} date until the clock restarts`,
    );
    return {
      ...common,
      dueDate: null,
      followUpDate: null,
      longOverdueDate: null,
      pausedSince: formatIsoDate(pause.on),
      remainingDays: pause.remaining,
      remainingDayType: countType,
      flags,
      steps,
    };
  }

  const targetDay = effective(calendar, target);
  if (!fixed) {
    return {
      ...common,
      dueDate: null,
      followUpDate: formatIsoDate(targetDay),
      longOverdueDate: null,
      pausedSince: null,
      remainingDays: null,
      remainingDayType: null,
      flags,
      steps,
    };
  }

  const followUp = addBusinessDaysIn(calendar, targetDay, 1);
  let longOverdueDay = longOverdue ? effective(calendar, longOverdue) : null;
  if (longOverdueDay !== null && periodDays !== null && periodType !== null) {
    if (longOverdueDay <= targetDay) {
      // The due date was moved past the long-overdue mark: long overdue one more period after it.
      longOverdueDay = dateAfter(calendar, targetDay, periodDays, periodType);
      steps.push(`Long overdue ${plural(periodDays, periodType)} after the due date → ${formatHumanDate(longOverdueDay)}`);
    } else {
      steps.push(`Long overdue at twice the period (${plural(periodDays * 2, periodType)}) → ${formatHumanDate(longOverdueDay)}`);
    }
  }
  steps.push(`Follow up from ${formatHumanDate(followUp)} if there is no response`);
  return {
    ...common,
    dueDate: formatIsoDate(targetDay),
    followUpDate: formatIsoDate(followUp),
    longOverdueDate: iso(longOverdueDay),
    pausedSince: null,
    remainingDays: null,
    remainingDayType: null,
    flags,
    steps,
  };
}

/** True when the request is open, has a due date, and `todayIso` is after it. */
export function isOverdue(result: Pick<DeadlineResult, "dueDate">, todayIso: IsoDate, open: boolean): boolean {
  if (!open || result.dueDate === null) return false;
  return requireDay(todayIso, "today") > requireDay(result.dueDate, "dueDate");
}

/** True when the request is open and `todayIso` is after the long-overdue date (twice the period). */
export function isLongOverdue(
  result: Pick<DeadlineResult, "longOverdueDate">,
  todayIso: IsoDate,
  open: boolean,
): boolean {
  if (!open || result.longOverdueDate === null) return false;
  return requireDay(todayIso, "today") > requireDay(result.longOverdueDate, "longOverdueDate");
}

// ---------------------------------------------------------------------------------------------------------
// Fast path

interface FastRule {
  readonly calendar: BusinessCalendar;
  readonly days: number;
  readonly calendarDays: boolean;
  /** Days to the acknowledgement deadline when the period counts from it, else -1. */
  readonly acknowledgementDays: number;
  readonly acknowledgementCalendarDays: boolean;
  /** A request that arrives on a closed day counts as received the next business day. */
  readonly closedDayReceipt: boolean;
}

const fastRules = new Map<string, FastRule | null>();

function compileFastRule(jurisdiction: string): FastRule | null {
  const law = LAWS_BY_JURISDICTION.get(jurisdiction);
  if (!law) throw new RangeError(`No law on file for jurisdiction "${jurisdiction}"`);
  if (law.responseDays === null || law.dayType === "none") return null;
  const fromAcknowledgement =
    law.responseCountsFrom === "acknowledgement" && law.acknowledgementDays !== null && law.acknowledgementDayType !== null;
  return {
    calendar: calendarFor(jurisdiction),
    days: law.responseDays,
    calendarDays: law.dayType === "calendar",
    acknowledgementDays: fromAcknowledgement ? law.acknowledgementDays! : -1,
    acknowledgementCalendarDays: law.acknowledgementDayType === "calendar",
    closedDayReceipt: law.details?.receipt.closedDayDeemedNextBusinessDay ?? false,
  };
}

/**
 * The statutory due date for a request received on `receivedIso` with no events (arrived in person, time
 * unknown, a state-level agency, the jurisdiction's own calendar), or null when the law sets no fixed number
 * of days. Same answer as `computeDeadline(...).dueDate`, without the explanation: for
 * bulk work and the public calculator. Throws a RangeError for an unknown jurisdiction or a malformed date.
 */
export function dueDateFor(jurisdiction: string, receivedIso: IsoDate): IsoDate | null {
  let rule = fastRules.get(jurisdiction);
  if (rule === undefined) {
    rule = compileFastRule(jurisdiction);
    fastRules.set(jurisdiction, rule);
  }
  if (rule === null) return null;
  let base = parseIsoDate(receivedIso);
  if (base === null) throw new RangeError(`receivedDate is not a valid YYYY-MM-DD date: ${JSON.stringify(receivedIso)}`);
  const { calendar } = rule;
  if (rule.closedDayReceipt) base = rollForwardIn(calendar, base);
  if (rule.acknowledgementDays >= 0) {
    base = rule.acknowledgementCalendarDays
      ? rollForwardIn(calendar, base + rule.acknowledgementDays)
      : addBusinessDaysIn(calendar, base, rule.acknowledgementDays);
  }
  return formatIsoDate(
    rule.calendarDays ? rollForwardIn(calendar, base + rule.days) : addBusinessDaysIn(calendar, base, rule.days),
  );
}
