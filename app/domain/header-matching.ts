// Matches a file's column headers to the fields a request asked for, the way a person reading the header
// row would: ignoring case, spacing and punctuation, expanding common abbreviations ("subj" -> subject),
// and knowing the other names agencies give a column (catalog synonyms). Pure and browser-safe.

export interface MatchableField {
  id: string;
  key: string;
  label: string;
  synonyms: readonly string[];
  /** Fields of different record types may share a column ("race" in a stops file and a use-of-force file). */
  recordType: string;
}

export type MatchHow = "exact" | "synonym" | "similar";

export interface HeaderMatch {
  fieldId: string;
  header: string;
  columnIndex: number;
  how: MatchHow;
}

const ABBREVIATIONS: Record<string, string> = {
  subj: "subject",
  ofc: "officer",
  ofcr: "officer",
  offcr: "officer",
  dt: "date",
  tm: "time",
  loc: "location",
  desc: "description",
  descr: "description",
  num: "number",
  nbr: "number",
  no: "number",
  addr: "address",
  eth: "ethnicity",
  ethn: "ethnicity",
  dispo: "disposition",
  disp: "disposition",
  pri: "priority",
  prio: "priority",
  cat: "category",
  yr: "year",
  yrs: "years",
  veh: "vehicle",
  gndr: "gender",
  dob: "date of birth",
  lon: "longitude",
  lng: "longitude",
  lat: "latitude",
  ident: "id",
  identifier: "id",
};

// Words that qualify a column without changing what it holds ("RACE_CODE", "Subject Race Desc").
const QUALIFIERS = new Set(["code", "cd", "description", "flag", "ind", "indicator", "yn", "txt", "text", "value", "val"]);
const STOPWORDS = new Set(["of", "the", "a", "an", "for", "to", "by"]);

/** "SubjectRace", "SUBJ_RACE", " subject-race " -> "subject race". */
export function normalizeHeader(header: string): string {
  const spaced = header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!spaced) return "";
  return spaced
    .split(" ")
    .map((t) => ABBREVIATIONS[t] ?? t)
    .join(" ");
}

function tokens(normalized: string): string[] {
  return normalized.split(" ").filter((t) => t && !STOPWORDS.has(t));
}

function withoutQualifiers(normalized: string): string {
  const kept = normalized.split(" ").filter((t) => !QUALIFIERS.has(t));
  return kept.length > 0 ? kept.join(" ") : normalized;
}

const sameTokens = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(" ") === [...b].sort().join(" ");

const SCORES: Record<MatchHow, number> = { exact: 3, synonym: 2, similar: 1 };

/** How well one header names one field, or null. */
export function scoreHeader(header: string, field: MatchableField): MatchHow | null {
  const normalized = normalizeHeader(header);
  if (!normalized) return null;
  const names = [normalizeHeader(field.key), normalizeHeader(field.label)];
  const synonyms = field.synonyms.map(normalizeHeader);
  const forms = [normalized, withoutQualifiers(normalized)];

  for (const form of forms) {
    if (names.includes(form)) return "exact";
    if (synonyms.includes(form)) return "synonym";
  }
  const headerTokens = tokens(withoutQualifiers(normalized));
  const all = [...names, ...synonyms];
  if (all.some((name) => sameTokens(tokens(name), headerTokens))) return "similar";
  // A header that adds one word to a two-word name: "Officer Badge Hash" for "badge hash".
  for (const name of all) {
    const nameTokens = tokens(name);
    if (nameTokens.length < 2 || headerTokens.length !== nameTokens.length + 1) continue;
    if (nameTokens.every((t) => headerTokens.includes(t))) return "similar";
  }
  return null;
}

/**
 * The best header for each field. A header names at most one field per record type; stronger matches
 * win, then earlier columns.
 */
export function matchHeaders(headers: readonly string[], fields: readonly MatchableField[]): HeaderMatch[] {
  const candidates: Array<HeaderMatch & { score: number; fieldOrder: number }> = [];
  fields.forEach((field, fieldOrder) => {
    headers.forEach((header, columnIndex) => {
      const how = scoreHeader(header, field);
      if (how) candidates.push({ fieldId: field.id, header, columnIndex, how, score: SCORES[how], fieldOrder });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.columnIndex - b.columnIndex || a.fieldOrder - b.fieldOrder);

  const recordTypeOf = new Map(fields.map((f) => [f.id, f.recordType]));
  const matchedFields = new Set<string>();
  const usedColumns = new Set<string>();
  const matches: HeaderMatch[] = [];
  for (const c of candidates) {
    const columnKey = `${c.columnIndex}:${recordTypeOf.get(c.fieldId)}`;
    if (matchedFields.has(c.fieldId) || usedColumns.has(columnKey)) continue;
    matchedFields.add(c.fieldId);
    usedColumns.add(columnKey);
    matches.push({ fieldId: c.fieldId, header: c.header, columnIndex: c.columnIndex, how: c.how });
  }
  return matches.sort((a, b) => a.columnIndex - b.columnIndex);
}
