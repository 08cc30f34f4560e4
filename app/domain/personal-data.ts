import { normalizeHeader } from "./header-matching";

// Columns that look like personal data, for files from a request that asked for de-identified data.
// Judged from the header and, where a pattern is unmistakable (SSNs, email addresses), from sample values.
// Pure and browser-safe.

export type PersonalDataKind = "name" | "date_of_birth" | "address" | "contact" | "government_id" | "officer_identity";

export interface PersonalDataFlag {
  columnIndex: number;
  header: string;
  kind: PersonalDataKind;
}

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  name: "Looks like people's names",
  date_of_birth: "Looks like dates of birth",
  address: "Looks like street addresses",
  contact: "Looks like phone numbers or email addresses",
  government_id: "Looks like government id numbers",
  officer_identity: "Identifies officers (a hashed id was asked for)",
};

// A "name" column about something other than a person: "Department Name", "Street Name" (an address).
const NOT_A_PERSON = new Set([
  "department", "dept", "agency", "county", "city", "state", "unit", "beat", "district", "precinct", "zone",
  "neighborhood", "file", "sheet", "event", "call", "type", "offense", "violation", "charge", "vehicle",
  "business", "company", "place", "location", "school", "organization", "org", "division", "station", "team",
  "shift", "squad", "program", "project", "court", "facility", "jail", "model", "make", "category", "code",
  "host", "domain", "user", "username", "screen",
]);
const NAME_WORDS = new Set(["firstname", "lastname", "surname", "fname", "lname", "fullname", "middlename", "mname", "givenname", "familyname"]);
const OFFICER_WORDS = new Set(["officer", "deputy", "employee", "member", "trooper", "sergeant", "detective", "personnel"]);
const HASH_WORDS = new Set(["hash", "hashed", "pseudonym", "pseudonymous", "anonymized", "anonymised", "masked", "encrypted"]);

function kindFromHeader(header: string): PersonalDataKind | null {
  const normalized = normalizeHeader(header);
  const words = normalized.split(" ").filter(Boolean);
  const has = (w: string) => words.includes(w);
  const phrase = ` ${normalized} `;
  if (words.some((w) => HASH_WORDS.has(w))) return null;

  if (phrase.includes(" date of birth ") || phrase.includes(" birth date ") || has("birthdate") || has("birthday")) {
    return "date_of_birth";
  }
  if (has("ssn") || phrase.includes(" social security ") || phrase.includes(" driver license ") || phrase.includes(" drivers license ") || has("dl") || phrase.includes(" license number ") || phrase.includes(" passport ")) {
    return "government_id";
  }
  if (has("phone") || has("telephone") || has("cell") || has("email") || has("mobile")) return "contact";
  if ((has("address") || has("street") || has("residence") || has("apartment") || has("apt")) && !has("block") && !has("ip")) {
    return "address";
  }
  const isOfficer = words.some((w) => OFFICER_WORDS.has(w));
  if (has("badge") || (isOfficer && (has("id") || has("number") || has("serial")))) return "officer_identity";
  const namesSomeone = words.some((w) => NAME_WORDS.has(w)) || (has("name") && !words.some((w) => NOT_A_PERSON.has(w)));
  if (namesSomeone) return isOfficer ? "officer_identity" : "name";
  return null;
}

const SSN = /^\d{3}-\d{2}-\d{4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

function kindFromValues(values: readonly string[]): PersonalDataKind | null {
  const present = values.map((v) => v.trim()).filter(Boolean);
  if (present.length < 3) return null;
  const share = (re: RegExp) => present.filter((v) => re.test(v)).length / present.length;
  if (share(SSN) >= 0.8) return "government_id";
  if (share(EMAIL) >= 0.8) return "contact";
  return null;
}

/** Columns that look like personal data, judged from headers and sample rows. */
export function personalDataFlags(headers: readonly string[], rows: readonly (readonly string[])[] = []): PersonalDataFlag[] {
  const flags: PersonalDataFlag[] = [];
  headers.forEach((header, columnIndex) => {
    const kind = kindFromHeader(header) ?? kindFromValues(rows.map((r) => r[columnIndex] ?? ""));
    if (kind) flags.push({ columnIndex, header, kind });
  });
  return flags;
}
