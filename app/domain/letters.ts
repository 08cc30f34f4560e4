// Letter templates of joint asks: {placeholder} names, checking a template, filling it. Browser-safe.

export const AGENCY_PLACEHOLDERS = [
  "agency",
  "jurisdiction",
  "state",
  "law_name",
  "citation",
  "days",
  "ask",
  "record_types",
  "vendor",
  "product",
  "date",
  "organization",
  "requester",
] as const;
export type AgencyPlaceholder = (typeof AGENCY_PLACEHOLDERS)[number];

export const VENDOR_PLACEHOLDERS = [
  "vendor",
  "product",
  "ask",
  "record_types",
  "agencies",
  "agency_count",
  "date",
  "organization",
  "requester",
] as const;
export type VendorPlaceholder = (typeof VENDOR_PLACEHOLDERS)[number];

export const PLACEHOLDER_HINTS: Record<AgencyPlaceholder | VendorPlaceholder, string> = {
  agency: "the agency's name",
  jurisdiction: "its city or county and state, e.g. Madison, Wisconsin",
  state: "its state",
  law_name: "the public-records law of its state (or federal FOIA)",
  citation: "that law's citation",
  days: "the response time that law sets, e.g. 10 business days",
  ask: "what is asked, as written above",
  record_types: "the record types, e.g. traffic stops, use of force",
  vendor: "the vendor's name",
  product: "the product's name",
  date: "today's date",
  organization: "your organization",
  requester: "your name",
  agencies: "the agencies asked, one per line",
  agency_count: "how many agencies were asked",
};

const PLACEHOLDER = /\{([a-z_]+)\}/g;

export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Null when every {name} in the template is one of `allowed`, else a sentence naming the unknown ones. */
export function templateProblem(template: string, allowed: readonly string[]): string | null {
  const unknown = placeholdersIn(template).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return null;
  const list = unknown.map((n) => `{${n}}`).join(", ");
  return `${unknown.length === 1 ? "Unknown placeholder" : "Unknown placeholders"} ${list}. You can use ${allowed.map((n) => `{${n}}`).join(", ")}.`;
}

/** Replaces each {name} with its value; names without a value are left as written. */
export function fillTemplate(template: string, values: Partial<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** "10 business days", "30 calendar days", or a phrase for laws that set no number of days. */
export function describeResponseTime(days: number | null, dayType: "business" | "calendar" | "none"): string {
  if (days === null || dayType === "none") return "a reasonable time, as the law requires";
  return `${days} ${dayType} ${days === 1 ? "day" : "days"}`;
}

/**
 * A joint ask's letter text is the body of each target's letter: what is asked, in the coalition's words. Each
 * letter is composed once around it (date, greeting with the target's contact, the law and its citation, the
 * fields, detail, period, format and de-identification asked, the response time, the reply address and the
 * signature), so the text never carries a date, a greeting or a signature of its own.
 */
export const DEFAULT_AGENCY_LETTER = `{ask}

The {agency} is one of several agencies that keep these records in {product}; the same request goes to each of them. A standard export from that system in a machine-readable format would answer this request in full.`;

export const DEFAULT_VENDOR_LETTER = `{agency_count} agencies that use {product} have been asked for the following records:

{ask}

Because these agencies keep the records in {product}, we ask {vendor} to describe or publish the standard export or report that produces them, so that every customer can run it the same way. The agencies asked are:

{agencies}`;

/** The default letters of earlier versions, which were whole letters (date, greeting, signature). */
const LEGACY_AGENCY_LETTER = `{date}

To the records custodian, {agency}

Under the {law_name} ({citation}), I request the following records:

{ask}

These records are usually kept in {product}. A standard export from that system in a machine-readable format such as CSV would answer this request in full.

The {law_name} asks for a response within {days}. If any part of the records is withheld, please release the rest and name the exemption that applies to what is withheld.

Thank you,
{requester}
{organization}`;

const LEGACY_VENDOR_LETTER = `{date}

To {vendor}

{agency_count} agencies that use {product} have been asked for the following records:

{ask}

Because these agencies keep the records in {product}, we ask {vendor} to describe or publish the standard export or report that produces them, so that every customer can run it the same way. The agencies asked are:

{agencies}

Thank you,
{requester}
{organization}`;

const normalized = (text: string) => text.replace(/\r\n?/g, "\n").trim();

const DATE_PARAGRAPH = /^(\{date\}|[A-Z][a-z]+ \d{1,2}, \d{4})$/;
const GREETING = /^(to|dear)\b[^\n]*$/i;
const SIGN_OFF = /^(thank you|thanks|sincerely|regards|best regards|respectfully|yours)\b/i;

/**
 * The body of a joint ask's letter text: a text written as a whole letter (as earlier versions did) loses its
 * date line, its greeting and its signature, so that a composed letter never holds a letter inside it.
 */
export function letterBody(template: string): string {
  const text = normalized(template);
  if (text === normalized(LEGACY_AGENCY_LETTER)) return DEFAULT_AGENCY_LETTER;
  if (text === normalized(LEGACY_VENDOR_LETTER)) return DEFAULT_VENDOR_LETTER;
  const paragraphs = text.split(/\n[ \t]*\n+/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length > 1 && DATE_PARAGRAPH.test(paragraphs[0]!)) paragraphs.shift();
  if (paragraphs.length > 1 && GREETING.test(paragraphs[0]!)) paragraphs.shift();
  if (paragraphs.length > 1 && SIGN_OFF.test(paragraphs.at(-1)!)) paragraphs.pop();
  return paragraphs.join("\n\n");
}

/**
 * "What is asked" that holds a whole rendered letter (a date line, then a greeting), as joint asks used to store:
 * only its body, so that a letter written around it never holds a letter inside. Any other text is unchanged.
 */
export function unwrapLetter(text: string): string {
  const paragraphs = normalized(text).split(/\n[ \t]*\n+/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length < 3 || !DATE_PARAGRAPH.test(paragraphs[0]!) || !GREETING.test(paragraphs[1]!)) return text;
  return letterBody(text);
}
