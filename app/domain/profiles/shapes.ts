import type { ValueShapes } from "./profile-types";

// What a column's values look like, judged from a sample: hashes and pseudonyms, people's names, badge-style
// numbers, street addresses, contact details. Pure and browser-safe.

const HEX = /^[0-9a-f]{16,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Base64 or base32 digests: long, mixed letters and digits, no spaces.
const DIGEST = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9+/_-]{20,}={0,2}$/;
// "SMITH, JOHN", "Smith, John A.", "Maria de la Cruz", "O'Neil Jr": letters only, 2 to 4 words.
const NAME_COMMA = /^[A-Za-z][A-Za-z'.-]+,\s*[A-Za-z][A-Za-z'.-]*(\s+[A-Za-z][A-Za-z'.-]*){0,2}$/;
const NAME_WORDS = /^[A-Z][a-z'.-]+(\s+(de|la|del|van|von|da|[A-Z][a-z'.-]*)){1,3}$/;
const SHORT_NUMBER = /^#?\d{1,6}$/;
const STREET_SUFFIX =
  /\b(st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|way|pl|place|pkwy|parkway|hwy|highway|ter|terrace|cir|circle)\.?$/i;
const HOUSE_NUMBER = /^\d{1,6}[A-Za-z]?\s+\S/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const PHONE = /^(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}$/;
const SSN = /^\d{3}-\d{2}-\d{4}$/;

// Words that are not names though they come in pairs of capitalised words ("Traffic Stop", "Main Street").
const NOT_NAME_WORDS = new Set([
  "street", "avenue", "road", "stop", "call", "report", "unit", "district", "beat", "police", "department", "male", "female",
  "white", "black", "hispanic", "asian", "other", "unknown", "north", "south", "east", "west", "yes", "no", "none", "arrest",
  "traffic", "warning", "citation", "disturbance", "alarm", "check", "welfare", "suspicious", "person", "vehicle", "county",
]);

function looksLikeName(value: string): boolean {
  if (!(NAME_COMMA.test(value) || NAME_WORDS.test(value))) return false;
  const words = value.toLowerCase().split(/[\s,]+/).filter(Boolean);
  return !words.some((w) => NOT_NAME_WORDS.has(w.replace(/[.']/g, "")));
}

function looksLikeStreetAddress(value: string): boolean {
  return HOUSE_NUMBER.test(value) && STREET_SUFFIX.test(value.trim());
}

export const NO_SHAPES: ValueShapes = { sampled: 0, hashLike: 0, personName: 0, shortNumber: 0, streetAddress: 0, email: 0, phone: 0, ssn: 0 };

/** Shares of the non-empty values in `values` with each shape. */
export function valueShapes(values: Iterable<string | null | undefined>): ValueShapes {
  const counts = { hashLike: 0, personName: 0, shortNumber: 0, streetAddress: 0, email: 0, phone: 0, ssn: 0 };
  let sampled = 0;
  for (const raw of values) {
    const value = (raw ?? "").trim();
    if (!value) continue;
    sampled += 1;
    if (HEX.test(value) || UUID.test(value) || DIGEST.test(value)) counts.hashLike += 1;
    if (looksLikeName(value)) counts.personName += 1;
    if (SHORT_NUMBER.test(value)) counts.shortNumber += 1;
    if (looksLikeStreetAddress(value)) counts.streetAddress += 1;
    if (EMAIL.test(value)) counts.email += 1;
    if (PHONE.test(value)) counts.phone += 1;
    if (SSN.test(value)) counts.ssn += 1;
  }
  if (sampled === 0) return NO_SHAPES;
  const share = (n: number) => Math.round((n / sampled) * 1000) / 1000;
  return {
    sampled,
    hashLike: share(counts.hashLike),
    personName: share(counts.personName),
    shortNumber: share(counts.shortNumber),
    streetAddress: share(counts.streetAddress),
    email: share(counts.email),
    phone: share(counts.phone),
    ssn: share(counts.ssn),
  };
}
