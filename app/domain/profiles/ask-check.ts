import type { DetailLevel, FieldState } from "../../../db/schema/field-values";
import { matchHeaders, normalizeHeader, type MatchHow } from "../header-matching";
import { personalDataFlags } from "../personal-data";
import { describeMonths, monthsBetween } from "./months";
import type { ColumnProfile, DatasetProfile, TableProfile } from "./profile-types";

// Did they send what we asked for? A received file's profile checked against the request's ask: the period
// covered against the period asked (missing months named), each field asked matched to a column with the
// share of rows that have it, the detail level, de-identification, and code lists. The proposed field
// states follow from it; a person confirms them. Pure and browser-safe.

export interface CheckedField {
  id: string;
  key: string;
  label: string;
  recordTypeKey: string;
  synonyms: readonly string[];
  state: FieldState;
}

export interface AskForCheck {
  detailLevel: DetailLevel | null;
  periodStart: string | null;
  periodEnd: string | null;
  deidentify: boolean;
}

/** Another received file of the request with its profile (earlier installments, code lists). */
export interface OtherFile {
  fileId: string;
  name: string;
  profile: DatasetProfile;
}

export interface Period {
  from: string;
  to: string;
}

export interface PeriodCheck {
  /** The column the period is read from; null when the file has no dates. */
  dateColumn: string | null;
  covered: Period | null;
  asked: Period | null;
  /** Months of the period asked with no rows in this file ("YYYY-MM"). */
  missingMonths: string[];
  /** The missing months in words: "2022, 2024–2025". */
  missingText: string | null;
  /** True when every month asked has rows; null when no period was asked or the file has no dates. */
  complete: boolean | null;
}

export interface FieldCheck {
  fieldId: string;
  column: string | null;
  source: string | null;
  how: MatchHow | null;
  /** Share of the rows that have a value in the column (0 to 1); null when no column matched. */
  sharePresent: number | null;
  current: FieldState;
  proposed: FieldState;
  /** Why the proposal is what it is, in words (goes into the state's note). */
  reason: string | null;
  /** Months asked that no received file covers for this field, across all the request's profiled files. */
  missingMonths: string[];
}

export interface DetailCheck {
  level: "record_level" | "aggregate" | "unknown";
  asked: DetailLevel | null;
  evidence: string;
  /** Counts only where record-level data was asked. */
  mismatch: boolean;
}

export type FlagKind = "officer_names" | "officer_numbers" | "names" | "street_addresses" | "dates_of_birth" | "contact" | "government_ids";

export interface DeidentificationFlag {
  kind: FlagKind;
  column: string;
  source: string | null;
  message: string;
}

export interface CodeListLink {
  column: string;
  source: string | null;
  listFileId: string;
  listFileName: string;
  /** Entries in the list. */
  listSize: number;
  /** Share of the column's rows whose code is in the list. */
  describedShare: number;
  /** Codes used in the column and missing from the list, most used first (at most 10). */
  missingCodes: Array<{ code: string; count: number }>;
  distinctCodes: number;
}

export interface CodeListShape {
  codeColumn: string;
  descriptionColumn: string;
  /** Entries (rows) in the list. */
  size: number;
  codes: string[];
}

export interface AskCheck {
  period: PeriodCheck;
  fields: FieldCheck[];
  detail: DetailCheck;
  flags: DeidentificationFlag[];
  notes: string[];
  /** Columns of this file decoded by a code list received on the request. */
  codeLists: CodeListLink[];
  /** When this file itself looks like a code list. */
  codeList: CodeListShape | null;
  /** Columns of other files this code list describes. */
  describes: Array<CodeListLink & { dataFileId: string; dataFileName: string }>;
}

const PRESENT_ENOUGH = 0.95;
const TEMPORAL = new Set(["date", "datetime"]);

const pct = (share: number) => {
  const p = share * 100;
  if (p > 99.9 && p < 100) return "99.9%";
  if (p < 0.1 && p > 0) return "0.1%";
  const whole = Math.round(p);
  if (p >= 10 && (whole < 100 || p === 100)) return `${whole}%`;
  return `${Math.round(p * 10) / 10}%`;
};

/** The date column a table's period is read from: dated, not a date of birth, the fullest, named like a date. */
export function dateColumnOf(table: TableProfile): ColumnProfile | null {
  let best: ColumnProfile | null = null;
  let bestScore = -1;
  for (const c of table.columns) {
    if (!TEMPORAL.has(c.type) || !c.months || c.present === 0) continue;
    const name = normalizeHeader(c.name);
    if (/\b(birth|dob|born)\b/.test(name)) continue;
    const score = c.present * 10 + (/\b(date|time|received|occurred|reported)\b/.test(name) ? 5 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export function periodOf(column: ColumnProfile | null): Period | null {
  if (!column || typeof column.min !== "string" || typeof column.max !== "string") return null;
  return { from: column.min.slice(0, 10), to: column.max.slice(0, 10) };
}

function askedPeriod(ask: AskForCheck, today: string): Period | null {
  if (!ask.periodStart) return null;
  return { from: ask.periodStart, to: ask.periodEnd ?? today };
}

function checkPeriod(tables: readonly TableProfile[], ask: AskForCheck, today: string): PeriodCheck {
  const asked = askedPeriod(ask, today);
  const main = mainOf(tables);
  const column = main ? dateColumnOf(main) : null;
  const covered = periodOf(column);
  if (!column || !asked) {
    return { dateColumn: column?.name ?? null, covered, asked, missingMonths: [], missingText: null, complete: null };
  }
  const missingMonths = monthsBetween(asked.from, asked.to).filter((m) => !(column.months?.[m] ?? 0));
  return { dateColumn: column.name, covered, asked, missingMonths, missingText: missingMonths.length ? describeMonths(missingMonths) : null, complete: missingMonths.length === 0 };
}

function mainOf(tables: readonly TableProfile[]): TableProfile | null {
  let best: TableProfile | null = null;
  for (const t of tables) if (!best || t.rows > best.rows) best = t;
  return best;
}

interface Located {
  table: TableProfile;
  column: ColumnProfile;
  how: MatchHow;
}

/** The column holding each field, across the file's tables (first table wins, as on the preview). */
function locateFields(tables: readonly TableProfile[], fields: readonly CheckedField[]): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const table of tables) {
    const matchable = fields.filter((f) => !found.has(f.id)).map((f) => ({ id: f.id, key: f.key, label: f.label, synonyms: f.synonyms, recordType: f.recordTypeKey }));
    for (const m of matchHeaders(
      table.columns.map((c) => c.name),
      matchable,
    )) {
      found.set(m.fieldId, { table, column: table.columns[m.columnIndex]!, how: m.how });
    }
  }
  return found;
}

const COUNT_HEADER = /^(count|counts|total|totals|number|n|cnt|num|frequency|freq|sum|calls|stops|incidents|complaints|records)$|^(number|count|total|sum) (of )?\w+|\b(count|total)$/;

function checkDetail(tables: readonly TableProfile[], asked: DetailLevel | null): DetailCheck {
  const main = mainOf(tables);
  if (!main || main.rows === 0) return { level: "unknown", asked, evidence: "The file has no rows.", mismatch: false };
  const unique = main.columns.find((c) => c.type !== "number" && !TEMPORAL.has(c.type) && main.rows >= 20 && c.present >= main.rows * 0.95 && c.distinct >= c.present * 0.95);
  const timed = main.columns.find((c) => c.type === "datetime" && typeof c.min === "string" && typeof c.max === "string" && !(c.min.endsWith("00:00:00") && c.max.endsWith("00:00:00")));
  const counts = main.columns.find((c) => (c.type === "integer" || c.type === "number") && COUNT_HEADER.test(normalizeHeader(c.name)));
  let level: DetailCheck["level"] = "unknown";
  let evidence = "Neither an id per record nor a column of counts was found.";
  if (counts && !unique && !timed) {
    level = "aggregate";
    evidence = `“${counts.name}” holds counts, and no column tells records apart: counts only, not one row per record.`;
  } else if (unique || timed) {
    level = "record_level";
    evidence = unique
      ? `“${unique.name}” is different on ${unique.distinct === unique.present ? "every" : "almost every"} row: one row per record.`
      : `“${timed!.name}” holds times of day: one row per event.`;
  }
  return { level, asked, evidence, mismatch: asked === "record_level" && level === "aggregate" };
}

const OFFICER_FIELD = /officer|badge|deputy|employee/;

function isOfficerColumn(name: string): boolean {
  const n = normalizeHeader(name);
  return /\b(officer|badge|deputy|employee|trooper|personnel)\b/.test(n) && !/\b(race|sex|gender|age|ethnicity|count|years|tenure|assignment|unit|rank)\b/.test(n);
}

function checkDeidentification(tables: readonly TableProfile[], ask: AskForCheck, fields: readonly CheckedField[], located: Map<string, Located>): { flags: DeidentificationFlag[]; notes: string[] } {
  const flags: DeidentificationFlag[] = [];
  const notes: string[] = [];
  const pseudonymAsked = fields.some((f) => /officer_id_hash|officer_pseudonym/.test(f.key));
  const officerFieldColumns = new Set<ColumnProfile>();
  for (const f of fields) {
    const at = located.get(f.id);
    if (at && OFFICER_FIELD.test(f.key)) officerFieldColumns.add(at.column);
  }
  for (const table of tables) {
    const sample = table.sampledRows ? ` in ${table.sampledRows.toLocaleString("en-US")} rows read` : "";
    const headerFlags = new Map(personalDataFlags(table.columns.map((c) => c.name)).map((f) => [f.columnIndex, f.kind]));
    // House numbers rounded to the hundred make addresses block-level: not a street address.
    const houseNumbers = table.columns.filter((c) => c.type === "integer" && /\b(address|house|street)\b/.test(normalizeHeader(c.name)) && c.present > 0);
    const exactHouseNumber = houseNumbers.find((c) => (c.roundedToHundred ?? 0) < 0.95);
    for (const c of houseNumbers) {
      if ((c.roundedToHundred ?? 0) >= 0.95) notes.push(`Addresses are block-level: house numbers in “${c.name}” are rounded to the hundred (${pct(c.roundedToHundred!)} of them).`);
    }
    table.columns.forEach((c, index) => {
      if (c.present === 0) return;
      const flag = (kind: FlagKind, message: string) => flags.push({ kind, column: c.name, source: table.source, message });
      const s = c.shapes;
      if (isOfficerColumn(c.name) || officerFieldColumns.has(c)) {
        if (!(ask.deidentify || pseudonymAsked)) return;
        if (s.hashLike >= 0.8) return;
        if (s.personName >= 0.5) flag("officer_names", `Officer identifier “${c.name}” looks like officers' names (${pct(s.personName)}${sample}), not a pseudonym.`);
        else if (s.shortNumber >= 0.8) flag("officer_numbers", `Officer identifier “${c.name}” looks like badge or employee numbers (${pct(s.shortNumber)}${sample}), not a pseudonym: a badge number names the officer.`);
        return;
      }
      if (!ask.deidentify) return;
      const header = headerFlags.get(index);
      if (header === "address" || (c.type === "text" && s.streetAddress >= 0.5)) {
        if (c.type === "integer") {
          if (c === exactHouseNumber) flag("street_addresses", `“${c.name}” holds exact house numbers: with the street, these are street addresses, though the ask said none.`);
        } else if (s.streetAddress >= 0.3) {
          flag("street_addresses", `“${c.name}” looks like street addresses (${pct(s.streetAddress)}${sample}), though the ask said none.`);
        }
        return;
      }
      if (header === "name" || (c.type === "text" && s.personName >= 0.6 && !/\b(type|description|code|category)\b/.test(normalizeHeader(c.name)))) {
        flag("names", `“${c.name}” looks like people's names${s.personName ? ` (${pct(s.personName)}${sample})` : ""}, though the ask said none.`);
        return;
      }
      if (header === "date_of_birth") flag("dates_of_birth", `“${c.name}” holds dates of birth, though the ask said de-identified.`);
      else if (header === "contact" || s.email >= 0.8 || s.phone >= 0.8) flag("contact", `“${c.name}” holds phone numbers or email addresses, though the ask said de-identified.`);
      else if (header === "government_id" || s.ssn >= 0.8) flag("government_ids", `“${c.name}” looks like government id numbers, though the ask said de-identified.`);
    });
  }
  return { flags, notes };
}

const DESCRIPTION_HEADER = /\b(description|desc|meaning|definition|label|name|text|translation|explanation|long)\b/;

/** A small table of unique codes and their descriptions: a code list (call types, dispositions). */
export function codeListShape(profile: DatasetProfile): CodeListShape | null {
  const main = mainOf(profile.tables);
  if (!main || main.rows < 2 || main.rows > 5000 || main.columns.length < 2 || main.columns.length > 4) return null;
  const code = main.columns.find((c) => c.valueCounts && c.present >= main.rows * 0.98 && c.distinct >= c.present * 0.98);
  if (!code) return null;
  const description =
    main.columns.find((c) => c !== code && c.type === "text" && DESCRIPTION_HEADER.test(normalizeHeader(c.name))) ??
    main.columns.find((c) => c !== code && c.type === "text" && c.present >= main.rows * 0.9);
  if (!description) return null;
  return { codeColumn: code.name, descriptionColumn: description.name, size: main.rows, codes: Object.keys(code.valueCounts!) };
}

const codeKey = (v: string) => v.trim().toUpperCase();
const baseName = (header: string) => normalizeHeader(header).replace(/\b(code|codes|cd|id|type|list|key)\b/g, " ").replace(/\s+/g, " ").trim();

/** Whether two headers name the same thing: "dispo_code" and "disposition", "call_type" and "Call Type". */
export function sameConcept(a: string, b: string): boolean {
  const [x, y] = [normalizeHeader(a), normalizeHeader(b)];
  if (x === y) return true;
  const [bx, by] = [baseName(a), baseName(b)];
  return bx !== "" && bx === by;
}

function linkColumn(column: ColumnProfile, list: CodeListShape): Omit<CodeListLink, "column" | "source" | "listFileId" | "listFileName"> | null {
  if (!column.valueCounts || column.present === 0) return null;
  const codes = new Set(list.codes.map(codeKey));
  let described = 0;
  const missing: Array<{ code: string; count: number }> = [];
  for (const [value, count] of Object.entries(column.valueCounts)) {
    if (codes.has(codeKey(value))) described += count;
    else missing.push({ code: value, count });
  }
  missing.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { listSize: list.size, describedShare: described / column.present, missingCodes: missing.slice(0, 10), distinctCodes: Object.keys(column.valueCounts).length };
}

/** The code lists among `lists` that decode columns of `tables`: named alike and mostly matching, or nearly all matching. */
export function linkCodeLists(tables: readonly TableProfile[], lists: ReadonlyArray<{ fileId: string; name: string; shape: CodeListShape }>): CodeListLink[] {
  const links: CodeListLink[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.valueCounts || column.distinct < 2 || TEMPORAL.has(column.type)) continue;
      let best: CodeListLink | null = null;
      for (const list of lists) {
        const link = linkColumn(column, list.shape);
        if (!link) continue;
        const named = sameConcept(column.name, list.shape.codeColumn);
        if (!(link.describedShare >= 0.9 || (named && link.describedShare >= 0.5))) continue;
        if (!named && link.distinctCodes < 3) continue;
        if (!best || link.describedShare > best.describedShare) {
          best = { ...link, column: column.name, source: table.source, listFileId: list.fileId, listFileName: list.name };
        }
      }
      if (best) links.push(best);
    }
  }
  return links;
}

function monthsOfField(profile: DatasetProfile, field: CheckedField, fields: readonly CheckedField[]): Set<string> | null {
  const located = locateFields(profile.tables, fields).get(field.id);
  if (!located || located.column.present === 0) return null;
  const date = dateColumnOf(located.table);
  if (!date?.months) return null;
  return new Set(Object.keys(date.months).filter((m) => date.months![m]! > 0));
}

export interface CheckInput {
  profile: DatasetProfile;
  fileId: string;
  ask: AskForCheck;
  fields: readonly CheckedField[];
  /** The request's other profiled files: earlier installments, code lists. */
  others: readonly OtherFile[];
  today: string;
}

/** The check of one received file against the ask, with a proposed state for each field asked. */
export function checkAgainstAsk(input: CheckInput): AskCheck {
  const { profile, ask, fields, others, today } = input;
  const tables = profile.tables;
  const period = checkPeriod(tables, ask, today);
  const detail = checkDetail(tables, ask.detailLevel);
  const located = locateFields(tables, fields);
  const { flags, notes } = checkDeidentification(tables, ask, fields, located);
  const asked = askedPeriod(ask, today);
  const askedMonths = asked ? monthsBetween(asked.from, asked.to) : [];

  const fieldChecks: FieldCheck[] = fields.map((f) => {
    const at = located.get(f.id);
    if (!at) {
      // A file without the column is no evidence about the field: its state stays as it is.
      return { fieldId: f.id, column: null, source: null, how: null, sharePresent: null, current: f.state, proposed: f.state, reason: null, missingMonths: [] };
    }
    const rows = at.table.rows;
    const sharePresent = rows ? at.column.present / rows : 0;
    const base = { fieldId: f.id, column: at.column.name, source: at.table.source, how: at.how, sharePresent, current: f.state };
    if (at.column.present === 0) {
      return { ...base, proposed: f.state, reason: `The column “${at.column.name}” is in the file but empty.`, missingMonths: [] };
    }
    // Months covered for this field by every received file that has it (installments add up).
    let missingMonths: string[] = [];
    if (askedMonths.length) {
      const covered = new Set<string>();
      for (const p of [profile, ...others.map((o) => o.profile)]) for (const m of monthsOfField(p, f, fields) ?? []) covered.add(m);
      missingMonths = covered.size ? askedMonths.filter((m) => !covered.has(m)) : [];
    }
    const reasons: string[] = [];
    if (missingMonths.length) reasons.push(`missing ${describeMonths(missingMonths)} of the period asked (${asked!.from} to ${asked!.to})`);
    if (sharePresent < PRESENT_ENOUGH) reasons.push(`present in ${pct(sharePresent)} of rows`);
    if (detail.mismatch) reasons.push("counts only, record-level data was asked");
    const refused = f.state === "denied" || f.state === "withheld" || f.state === "not_held";
    // A field recorded as refused is proposed as received only when a column has its very name.
    if (refused && at.how !== "exact") return { ...base, proposed: f.state, reason: null, missingMonths };
    const proposed: FieldState = reasons.length ? "partly_received" : "received";
    const reason = reasons.length ? `${reasons.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()) : null;
    return { ...base, proposed, reason, missingMonths };
  });

  const lists = others.flatMap((o) => {
    const shape = o.fileId === input.fileId ? null : codeListShape(o.profile);
    return shape ? [{ fileId: o.fileId, name: o.name, shape }] : [];
  });
  const codeList = codeListShape(profile);
  const describes: AskCheck["describes"] = [];
  if (codeList) {
    for (const other of others) {
      if (other.fileId === input.fileId || codeListShape(other.profile)) continue;
      for (const link of linkCodeLists(other.profile.tables, [{ fileId: input.fileId, name: "", shape: codeList }])) {
        describes.push({ ...link, dataFileId: other.fileId, dataFileName: other.name });
      }
    }
  }
  return { period, fields: fieldChecks, detail, flags, notes, codeLists: codeList ? [] : linkCodeLists(tables, lists), codeList, describes };
}

/** "call_type: 282 codes, 99.9% described". */
export function describeCodeListLink(link: CodeListLink): string {
  return `${link.column}: ${link.listSize.toLocaleString("en-US")} codes, ${pct(link.describedShare)} described`;
}

export { pct as formatShare };
