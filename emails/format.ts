import type { IsoDate, LawCitation, RecipientKind } from "./types";

import { formatDate, formatLetterDate } from "../app/utils/dates";

/** "November 23, 2026": the date style of a formal letter (from the one date module). */
export function letterDate(iso: IsoDate): string {
  return formatLetterDate(iso);
}

/** "Mon 23 Nov", as the app's pages write a day (from the one date module). */
export function shortDay(iso: IsoDate): string {
  return formatDate(iso, iso);
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
