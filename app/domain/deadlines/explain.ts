/**
 * The reference of one jurisdiction in words, for the law page: each fact with the source it was read in,
 * and the office calendar for given years (each closed day with its reason and citation). Pure.
 */
import { formatHumanDate, parseIsoDate } from "./calendar";
import { closedDaysInYear } from "./reference/closures";
import type { DateRule, ExtensionRule, JurisdictionReference, ResponsePeriod, Source, WeekendRule } from "./reference/types";

export interface ExplainedFact {
  readonly label: string;
  readonly value: string;
  readonly source: Source | null;
  readonly note?: string;
}

export interface ExplainedClosedDay {
  readonly date: string;
  readonly label: string;
  readonly name: string;
  /** False when the closure's own date is a weekend day (listed so the explanation can name it). */
  readonly weekday: boolean;
  readonly source: Source;
  readonly note?: string;
}

export interface ExplainedReference {
  readonly code: string;
  readonly facts: readonly ExplainedFact[];
  readonly calendar: {
    readonly basis: { readonly text: string; readonly source: Source };
    readonly weekend: { readonly text: string; readonly source: Source };
    readonly years: readonly { readonly year: number; readonly days: readonly ExplainedClosedDay[] }[];
    readonly countyOnly: readonly { readonly name: string; readonly places: string; readonly rule: string; readonly source: Source }[];
  };
  readonly unverified: readonly string[];
}

const WEEKEND_RULE_TEXT: Record<WeekendRule, string> = {
  friday_monday: "A closure on a Saturday closes the Friday before; on a Sunday, the Monday after.",
  monday: "A closure on a Sunday closes the Monday after; on a Saturday nothing is made up.",
  friday: "A closure on a Saturday closes the Friday before; on a Sunday nothing is made up.",
  monday_both: "A closure on a Saturday or a Sunday closes the Monday after.",
  none: "A closure on a weekend closes no weekday.",
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const NTH = { 1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", [-1]: "last" } as Record<number, string>;

/** "the fourth Thursday in November", "25 December", "2 days after Easter". */
export function describeDateRule(rule: DateRule): string {
  switch (rule.kind) {
    case "fixed":
      return `${rule.day} ${MONTHS[rule.month - 1]}`;
    case "nthWeekday":
      return `the ${NTH[rule.nth]} ${WEEKDAYS[rule.weekday]} in ${MONTHS[rule.month - 1]}`;
    case "easter":
      return rule.offset === 0 ? "Easter Sunday" : `${Math.abs(rule.offset)} days ${rule.offset < 0 ? "before" : "after"} Easter Sunday`;
    case "offset":
      return `${Math.abs(rule.days)} day${Math.abs(rule.days) === 1 ? "" : "s"} ${rule.days < 0 ? "before" : "after"} ${describeDateRule(rule.from)}`;
    case "dates":
      return rule.dates
        .map((iso) => {
          const day = parseIsoDate(iso);
          return day === null ? iso : formatHumanDate(day);
        })
        .join(", ");
  }
}

function period(days: number | null, dayType: string | null): string {
  if (days === null || dayType === null || dayType === "none") return "No fixed number of days";
  return `${days} ${dayType} day${days === 1 ? "" : "s"}`;
}

function responseValue(response: ResponsePeriod): string {
  const base = period(response.days, response.dayType);
  if (response.days === null) return base;
  return `${base}, counted from ${response.countsFrom === "acknowledgement" ? "the acknowledgement" : "the day after receipt"}`;
}

function extensionValue(rule: ExtensionRule): string {
  switch (rule.kind) {
    case "none":
      return "None: the law allows no extension";
    case "requester_consent":
      return `Only with the requester's consent${rule.days !== null ? ` (${period(rule.days, rule.dayType)})` : ""}`;
    case "petition":
      return `Only by petition${rule.days !== null ? ` (${period(rule.days, rule.dayType)})` : ""}`;
    case "unilateral": {
      const length = rule.days === null ? "for a reasonable time (no fixed length)" : period(rule.days, rule.dayType).toLowerCase();
      const from = rule.countsFrom === "due_date" ? "the due date" : rule.countsFrom === "receipt" ? "receipt" : "the acknowledgement";
      const repeat = rule.repeatable ? ", repeatable" : "";
      const cap = rule.cap ? `; at most ${period(rule.cap.days, rule.cap.dayType).toLowerCase()} from ${rule.cap.countsFrom === "receipt" ? "receipt" : "the acknowledgement"} in all` : "";
      return `By notice, ${length}${rule.days === null ? "" : ` from ${from}`}${repeat}${cap}`;
    }
  }
}

const LEVEL = { state: "State agencies", local: "Local agencies" } as const;

export function explainReference(reference: JurisdictionReference, years: readonly number[]): ExplainedReference {
  const { law, calendar } = reference;
  const facts: ExplainedFact[] = [];
  const add = (label: string, value: string, source: Source | null, note?: string) =>
    facts.push({ label, value, source, ...(note ? { note } : {}) });

  add("Response", responseValue(law.response), law.response.source, law.response.note);
  for (const variant of law.responseVariants ?? []) {
    add(`Response: ${variant.appliesTo ? LEVEL[variant.appliesTo] : "variant"}`, responseValue(variant), variant.source, variant.note);
  }
  const receipt = law.receipt;
  const receiptParts = [
    receipt.closedDayDeemedNextBusinessDay ? "A request that arrives on a weekend, holiday or closed day counts as received the next business day" : null,
    receipt.afterHoursCutoff ? `one that arrives after ${receipt.afterHoursCutoff} counts as received the next business day` : null,
    receipt.electronicLagBusinessDays > 0
      ? `an emailed or faxed request counts as received ${receipt.electronicLagBusinessDays} business day${receipt.electronicLagBusinessDays === 1 ? "" : "s"} after it is sent`
      : null,
  ].filter((part): part is string => part !== null);
  add("Receipt", receiptParts.length ? `${receiptParts.join("; ")}.` : "The day it arrives (the law sets no other rule)", receipt.source, receipt.note);
  add(
    "Acknowledgement",
    law.acknowledgement ? `Within ${period(law.acknowledgement.days, law.acknowledgement.dayType).toLowerCase()}` : "No duty to acknowledge",
    law.acknowledgement?.source ?? null,
    law.acknowledgement?.note,
  );
  add("Extension", extensionValue(law.extension), law.extension.source, law.extension.note);
  for (const variant of law.extensionVariants ?? []) {
    add(`Extension: ${variant.appliesTo ? LEVEL[variant.appliesTo] : "variant"}`, extensionValue(variant), variant.source, variant.note);
  }
  for (const [index, route] of [law.appeal, ...(law.otherAppealRoutes ?? [])].entries()) {
    const when =
      route.days === null
        ? "no period set"
        : `within ${period(route.days, route.dayType).toLowerCase()} of the ${route.countsFrom === "denial" ? "denial" : "denial or deemed denial"}`;
    add(index === 0 ? "Appeal" : "Also", `To ${route.body}, ${when}${route.address ? ` — ${route.address}` : ""}`, route.source, route.note);
  }
  add(
    "Deemed denial",
    law.deemedDenial.applies ? "Yes: no response in time counts as a denial, and the appeal clock runs from the due date" : "No",
    law.deemedDenial.source,
    law.deemedDenial.note,
  );

  const explainedYears = years.map((year) => ({
    year,
    days: closedDaysInYear(calendar, year).map((closed) => ({
      date: closed.date,
      label: formatHumanDate(closed.day),
      name: closed.name,
      weekday: closed.weekday,
      source: closed.source,
      ...(closed.note ? { note: closed.note } : {}),
    })),
  }));
  const countyOnly = calendar.closures
    .filter((closure) => closure.onlyIn && closure.onlyIn.length > 0)
    .map((closure) => ({ name: closure.name, places: closure.onlyIn!.join(", "), rule: describeDateRule(closure.date), source: closure.source }));

  return {
    code: law.jurisdiction,
    facts,
    calendar: {
      basis: calendar.basis,
      weekend: { text: WEEKEND_RULE_TEXT[calendar.weekend.rule], source: calendar.weekend.source },
      years: explainedYears,
      countyOnly,
    },
    unverified: [...law.unverified, ...calendar.unverified],
  };
}
