// The national agency directory: turning the FBI Crime Data Explorer list into clean rows, and the words each
// row is found by. Pure: used by the loader (db/seed/directory.ts), the search and their tests.
import type { AgencyType } from "../../../db/schema/values";

/** One row of db/seed/data/agencies/fbi-cde-agencies.csv.gz, as read (every value a string). */
export interface FbiAgencyRow {
  ori: string;
  agency_name: string;
  agency_type: string;
  state_abbr: string;
  county: string;
  latitude: string;
  longitude: string;
  is_nibrs: string;
  nibrs_start_date: string;
  division_name?: string;
  region_name?: string;
  in_cde_2025: string;
  in_cde_2018: string;
  name_source?: string;
}

/** The FBI's agency types as the directory keeps them; "unknown" where the list leaves the type blank. */
export const DIRECTORY_TYPES = ["city", "county", "state_police", "other_state", "university", "tribal", "other", "unknown"] as const;
export type DirectoryType = (typeof DIRECTORY_TYPES)[number];

export const DIRECTORY_TYPE_LABELS: Record<DirectoryType, string> = {
  city: "City",
  county: "County",
  state_police: "State police",
  other_state: "Other state agency",
  university: "University or college",
  tribal: "Tribal",
  other: "Other",
  unknown: "Type unknown",
};

export interface DirectoryAgency {
  ori: string;
  /** The name shown: the FBI's, without a sub-unit's trailing ":", told apart from its namesakes in the state. */
  name: string;
  /** The name exactly as the list gives it. */
  fbiName: string;
  directoryType: DirectoryType;
  /** The app's agency type the directory type maps to (what an organization's agency row gets). */
  agencyType: AgencyType;
  /** Two-letter postal code (Nebraska's "NB" rows read as NE, Guam's "GM" as GU). */
  state: string;
  /** The state-level jurisdiction whose records law applies (null for territories the app has no law for). */
  jurisdictionCode: string | null;
  /** Counties the agency serves, each in title case; empty when the list says NOT SPECIFIED or nothing. */
  counties: string[];
  latitude: number | null;
  longitude: number | null;
  isNibrs: boolean;
  nibrsSince: string | null;
  /** An FBI sub-unit ("Highway Patrol:"), named after its county or ORI to tell the units apart. */
  subUnit: boolean;
  inCde2025: boolean;
  inCde2018: boolean;
}

const FBI_TYPES: Record<string, DirectoryType> = {
  city: "city",
  county: "county",
  "state police": "state_police",
  "other state agency": "other_state",
  "university or college": "university",
  tribal: "tribal",
  other: "other",
};

/** Territories' FBI codes that differ from the postal ones. */
const STATE_CODES: Record<string, string> = { NB: "NE", GM: "GU" };

/** Codes of the state-level jurisdictions whose law the app knows (the states, DC and the federal government). */
export type KnownJurisdiction = (code: string) => boolean;

export function directoryTypeOf(fbiType: string): DirectoryType {
  return FBI_TYPES[fbiType.trim().toLowerCase()] ?? "unknown";
}

/**
 * The app's agency type for a directory row: the FBI type first, the name where the type says little (a
 * "County" agency may be a county police department; a blank type is read from the name).
 */
export function agencyTypeFor(directoryType: DirectoryType, name: string): AgencyType {
  const n = name.toLowerCase();
  switch (directoryType) {
    case "city":
      return /sheriff/.test(n) ? "sheriff" : "police";
    case "county":
      return /police|public safety/.test(n) && !/sheriff/.test(n) ? "police" : "sheriff";
    case "state_police":
      return "state_police";
    case "university":
      return "university";
    case "tribal":
      return "tribal";
    case "other_state":
    case "other":
      return /highway patrol|state police|state patrol/.test(n) ? "state_police" : "other";
    case "unknown":
      if (/sheriff/.test(n)) return "sheriff";
      if (/universit|college/.test(n)) return "university";
      if (/tribal|tribe|nation|pueblo|rancheria|indian/.test(n)) return "tribal";
      if (/highway patrol|state police|state patrol/.test(n)) return "state_police";
      if (/police|public safety/.test(n)) return "police";
      return "other";
  }
}

const SMALL_WORDS = new Set(["of", "and", "the", "de", "la"]);

/** "FAIRBANKS NORTH STAR" -> "Fairbanks North Star", "DE KALB" -> "De Kalb", "MC LEAN" -> "Mc Lean". */
export function titleCase(value: string): string {
  return value
    .toLowerCase()
    .split(/(\s+|-|\/)/)
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join("");
}

/** "LEE, MACON" -> ["Lee", "Macon"]; "NOT SPECIFIED" and blanks -> []. */
export function countiesOf(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter((c) => c && !/^not specified$/i.test(c))
    .map(titleCase)
    .filter((c, i, all) => all.indexOf(c) === i);
}

function number(value: string): number | null {
  if (!value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function isoDate(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m ? m[1]! : null;
}

export interface CleanResult {
  agencies: DirectoryAgency[];
  /** Rows left out, with why (no ORI, a repeated ORI). */
  skipped: Array<{ line: number; reason: string }>;
}

/**
 * The list's rows as directory agencies, its known problems handled: several counties in one value, NOT
 * SPECIFIED counties, sub-unit names ending in ":", Nebraska's NB/NE codes, blank types, and names repeated
 * within a state (each then named after its county, or its ORI when the county does not tell them apart).
 */
export function cleanAgencies(rows: FbiAgencyRow[], knownJurisdiction: KnownJurisdiction): CleanResult {
  const skipped: CleanResult["skipped"] = [];
  const seen = new Set<string>();
  const agencies: DirectoryAgency[] = [];
  rows.forEach((row, index) => {
    const ori = (row.ori ?? "").trim().toUpperCase();
    if (!/^[A-Z0-9]{9}$/.test(ori)) {
      skipped.push({ line: index + 2, reason: `ORI “${row.ori ?? ""}” is not nine letters and digits` });
      return;
    }
    if (seen.has(ori)) {
      skipped.push({ line: index + 2, reason: `ORI ${ori} repeats` });
      return;
    }
    seen.add(ori);
    const fbiName = (row.agency_name ?? "").trim().replace(/\s+/g, " ");
    const subUnit = /:\s*$/.test(fbiName);
    const baseName = fbiName.replace(/\s*:\s*$/, "") || ori;
    const rawState = (row.state_abbr ?? "").trim().toUpperCase() || ori.slice(0, 2);
    const state = STATE_CODES[rawState] ?? rawState;
    const directoryType = directoryTypeOf(row.agency_type ?? "");
    agencies.push({
      ori,
      name: baseName,
      fbiName,
      directoryType,
      agencyType: agencyTypeFor(directoryType, baseName),
      state,
      jurisdictionCode: knownJurisdiction(state) ? state : null,
      counties: countiesOf(row.county ?? ""),
      latitude: number(row.latitude ?? ""),
      longitude: number(row.longitude ?? ""),
      isNibrs: /^true$/i.test((row.is_nibrs ?? "").trim()),
      nibrsSince: isoDate(row.nibrs_start_date ?? ""),
      subUnit,
      inCde2025: /^true$/i.test((row.in_cde_2025 ?? "").trim()),
      inCde2018: /^true$/i.test((row.in_cde_2018 ?? "").trim()),
    });
  });
  disambiguate(agencies);
  return { agencies, skipped };
}

function placeLabel(a: DirectoryAgency): string | null {
  if (a.counties.length === 0) return null;
  return a.counties.length === 1 ? `${a.counties[0]} County` : `${a.counties.join(", ")} counties`;
}

/** Sub-units, and agencies whose name repeats within their state, get their county (else their ORI) added. */
function disambiguate(agencies: DirectoryAgency[]): void {
  const key = (a: DirectoryAgency) => `${a.state}|${a.name.toLowerCase()}`;
  const counts = new Map<string, number>();
  for (const a of agencies) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
  const needs = agencies.filter((a) => a.subUnit || (counts.get(key(a)) ?? 0) > 1);
  for (const a of needs) {
    const place = placeLabel(a);
    a.name = place ? `${a.name} (${place})` : `${a.name} (${a.ori})`;
  }
  // Namesakes in the same county: their ORI tells them apart.
  const after = new Map<string, DirectoryAgency[]>();
  for (const a of needs) after.set(key(a), [...(after.get(key(a)) ?? []), a]);
  for (const group of after.values()) {
    if (group.length < 2) continue;
    for (const a of group) if (!a.name.includes(a.ori)) a.name = `${a.name.replace(/\)$/, "")}, ${a.ori})`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Words an agency is found by.

/** Lower case, accents and apostrophes dropped, everything else not a letter or digit a space. */
export function normalizeText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function words(value: string): string[] {
  const n = normalizeText(value);
  return n ? n.split(" ") : [];
}

/** Short forms people type for words in agency names: "oakland pd", "lane county so", "dept". */
const SHORT_FORMS: Array<[RegExp, string[]]> = [
  [/\bpolice department\b/, ["pd"]],
  [/\bpolice dept\b/, ["pd"]],
  [/\bsheriffs? office\b/, ["so", "sheriff"]],
  [/\bsheriffs? department\b/, ["sd", "so", "sheriff"]],
  [/\bsheriffs\b/, ["sheriff"]],
  [/\bdepartment\b/, ["dept"]],
  [/\bdepartment of public safety\b/, ["dps"]],
  [/\bpublic safety\b/, ["dps"]],
  [/\bhighway patrol\b/, ["hp", "chp"]],
  [/\bstate police\b/, ["sp"]],
  [/\buniversity\b/, ["univ", "u"]],
  [/\bsaint\b/, ["st"]],
  [/\bst\b/, ["saint"]],
  [/\bmount\b/, ["mt"]],
  [/\bmt\b/, ["mount"]],
  [/\bfort\b/, ["ft"]],
  [/\bft\b/, ["fort"]],
  [/\btownship\b/, ["twp"]],
];

/** Words people use for a state: its code and its name ("ca", "california"). */
export type StateNames = (code: string) => string | undefined;

export type TokenField = "name" | "county" | "state" | "ori";

/** Every word the agency is found by, each with the field it comes from (a name word ranks above a county's). */
export function agencyTokens(a: DirectoryAgency, stateName: StateNames): Array<{ token: string; field: TokenField }> {
  const out = new Map<string, TokenField>();
  const add = (token: string, field: TokenField) => {
    if (token && !out.has(token)) out.set(token, field);
  };
  const nameText = normalizeText(a.name);
  for (const w of words(a.name)) add(w, "name");
  for (const [pattern, forms] of SHORT_FORMS) if (pattern.test(nameText)) for (const f of forms) add(f, "name");
  for (const county of a.counties) {
    for (const w of words(county)) add(w, "county");
    add("county", "county");
  }
  add(a.state.toLowerCase(), "state");
  for (const w of words(stateName(a.state) ?? "")) add(w, "state");
  add(a.ori.toLowerCase(), "ori");
  return [...out].map(([token, field]) => ({ token, field }));
}

// ---------------------------------------------------------------------------------------------------------
// Small typos: a query word matches vocabulary words one edit away (two for long words).

/** Damerau–Levenshtein distance (adjacent swaps count one), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  let before = new Array<number>(m + 1);
  let previous = new Array<number>(m + 1);
  let row = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[m]!;
}

function sharesStart(a: string, b: string, max: number): boolean {
  const head = b.slice(0, 2 * max + 1);
  for (let i = 0; i <= max && i < a.length; i++) if (head.includes(a[i]!)) return true;
  return false;
}

/** How many edits a query word may be away from a vocabulary word: none below 4 letters, 1 up to 7, then 2. */
export function typoAllowance(word: string): number {
  if (word.length < 4 || /^\d+$/.test(word)) return 0;
  return word.length <= 7 ? 1 : 2;
}

/** Vocabulary words within the word's typo allowance (the word itself excluded), closest first, at most `limit`. */
export function typoMatches(word: string, vocabulary: readonly string[], limit = 20): string[] {
  const max = typoAllowance(word);
  if (max === 0) return [];
  const found: Array<[string, number]> = [];
  for (const v of vocabulary) {
    if (v === word || Math.abs(v.length - word.length) > max) continue;
    // Cheap rejection: with at most `max` edits, one of the first max+1 letters must be in the other word's start.
    if (!sharesStart(word, v, max)) continue;
    const d = editDistance(word, v, max);
    if (d <= max) found.push([v, d]);
  }
  return found
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([v]) => v);
}
