import type { IsoDate, LawCitation, RecipientKind } from "./types";

const longDate = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** "November 23, 2026": the date style of a formal letter. */
export function letterDate(iso: IsoDate): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}

/** "Mon, Nov 23". */
export function shortDay(iso: IsoDate): string {
  return shortDate.format(new Date(`${iso}T00:00:00Z`));
}

/** "5 business days", "30 calendar days", or null when the law sets no number. */
export function responsePeriod(law: LawCitation): string | null {
  if (law.responseDays === null || law.dayType === "none") return null;
  const unit = law.responseDays === 1 ? "day" : "days";
  return `${law.responseDays} ${law.dayType} ${unit}`;
}

/** "the Right-to-Know Law (65 P.S. § 67.901)". */
export function lawReference(law: LawCitation): string {
  const name = /^the /i.test(law.lawName) ? law.lawName : `the ${law.lawName}`;
  return `${name} (${law.citation})`;
}

export function periodText(period: { from?: IsoDate | null; to?: IsoDate | null }): string | null {
  if (period.from && period.to) return `from ${letterDate(period.from)} to ${letterDate(period.to)}`;
  if (period.from) return `from ${letterDate(period.from)} to the present`;
  if (period.to) return `up to ${letterDate(period.to)}`;
  return null;
}

/** "the Harrisburg Bureau of Police" for an agency; a company by its own name: "Tyler Technologies". */
export function recipientName(name: string, kind: RecipientKind = "agency"): string {
  return kind === "vendor" || /^the /i.test(name) ? name : `the ${name}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
