import { parse } from "csv-parse/sync";
import {
  AGENCY_TYPES,
  SYSTEM_CONFIDENCES,
  SYSTEM_TYPES,
  type AgencyType,
  type SystemConfidence,
  type SystemType,
} from "../../db/schema/values";
import { isIsoDate } from "../utils/dates";
import { ATLAS_COLUMNS, IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportColumn } from "./import-columns";

// Reading a CSV of agencies and their systems: our own columns, or the shape of EFF's Atlas of Surveillance
// export. Pure: every row is checked here (and against the database in systems-import.server.ts) before
// anything is written. Lines are the file's line numbers, counting the header as line 1.

export type ImportFormat = "jointask" | "atlas";

export interface ImportIssue {
  line: number;
  column: string | null;
  message: string;
}

export interface ImportRow {
  line: number;
  stateCode: string;
  /** Null for a state-level agency (a state police, a state attorney general). */
  place: { name: string; kind: "city" | "county" | "regional" } | null;
  agency: { name: string; type: AgencyType };
  systemType: SystemType;
  target: { vendor: string; product: string } | { hostedBy: string };
  /** Atlas rows name a technology, not a product: a vendor's only product of that type is used when it has one. */
  productIsTechnology: boolean;
  sinceOn: string | null;
  untilOn: string | null;
  confidence: SystemConfidence;
  evidenceUrl: string | null;
  notes: string | null;
}

export interface ParsedImport {
  format: ImportFormat | null;
  rows: ImportRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const SYSTEM_TYPE_WORDS: Array<[RegExp, SystemType]> = [
  [/^(rms|records?( management)?( system)?)$/, "records_management"],
  [/^(cad|(computer[- ]aided )?dispatch( system)?)$/, "computer_aided_dispatch"],
  [/^(mobile|mdt|in[- ]car)/, "mobile"],
  [/body[- ]?(worn )?cam|^bwc$|digital evidence/, "body_cameras"],
  [/gunshot|shotspotter/, "gunshot_detection"],
  [/licen[cs]e[- ]plate|^alpr$|^lpr$/, "license_plate_readers"],
  [/early intervention|^eis$/, "early_intervention"],
  [/jail/, "jail_management"],
  [/(records?[- ]request|foia) portal|^portal$/, "records_request_portal"],
];

/** "RMS", "Body-worn Cameras", "computer_aided_dispatch" -> the system type, or null. */
export function systemTypeFrom(text: string): SystemType | null {
  const value = text.trim().toLowerCase();
  if ((SYSTEM_TYPES as readonly string[]).includes(value)) return value as SystemType;
  for (const [pattern, type] of SYSTEM_TYPE_WORDS) if (pattern.test(value)) return type;
  return null;
}

/** Atlas technologies that are not one of our system types are kept as "other". */
function atlasSystemType(technology: string): SystemType {
  return systemTypeFrom(technology) ?? "other";
}

export function agencyTypeFrom(text: string): AgencyType | null {
  const value = text.trim().toLowerCase();
  if (!value) return "police";
  if ((AGENCY_TYPES as readonly string[]).includes(value)) return value as AgencyType;
  if (/sheriff/.test(value)) return "sheriff";
  if (/911|dispatch|emergency communications/.test(value)) return "dispatch_911";
  if (/police|patrol|law enforcement/.test(value)) return "police";
  if (/clerk/.test(value)) return "city_clerk";
  if (/oversight|review board|civilian/.test(value)) return "oversight_board";
  return null;
}

function atlasAgencyType(typeOfLea: string): AgencyType {
  return agencyTypeFrom(typeOfLea) ?? "other";
}

function firstWebAddress(text: string): string | null {
  for (const part of text.split(/[\s,;|]+/)) {
    try {
      const url = new URL(part);
      if (url.protocol === "https:" || url.protocol === "http:") return url.toString();
    } catch {
      // not an address
    }
  }
  return null;
}

const normalizeHeader = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");

export interface StateRef {
  code: string;
  name: string;
}

function stateFinder(states: readonly StateRef[]) {
  const byKey = new Map<string, string>();
  for (const s of states) {
    byKey.set(s.code.toLowerCase(), s.code);
    byKey.set(s.name.toLowerCase(), s.code);
  }
  return (text: string) => byKey.get(text.trim().toLowerCase()) ?? null;
}

type Raw = Record<string, string>;

interface RecordWithInfo {
  record: string[];
  info: { lines: number };
}

/** Parses the CSV text into checked rows; any error makes the whole file refused (nothing is imported). */
export function parseSystemsCsv(text: string, states: readonly StateRef[]): ParsedImport {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  if (!text.trim()) return { format: null, rows: [], errors: [{ line: 1, column: null, message: "The file is empty" }], warnings };

  let records: RecordWithInfo[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as RecordWithInfo[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    const line = e.lines ?? 1;
    return { format: null, rows: [], errors: [{ line, column: null, message: `This is not a readable CSV file: ${e.message ?? "parse error"}` }], warnings };
  }
  const [header, ...body] = records;
  if (!header) return { format: null, rows: [], errors: [{ line: 1, column: null, message: "The file is empty" }], warnings };
  const headers = header.record.map(normalizeHeader);
  const format: ImportFormat | null = headers.includes("technology") && headers.includes("agency")
    ? "atlas"
    : headers.includes("agency") && headers.includes("system_type")
      ? "jointask"
      : null;
  if (!format) {
    return {
      format: null,
      rows: [],
      errors: [
        {
          line: 1,
          column: null,
          message: `Unrecognized columns. Use ${IMPORT_COLUMNS.join(", ")}; or an Atlas of Surveillance export (${ATLAS_COLUMNS.join(", ")})`,
        },
      ],
      warnings,
    };
  }
  if (body.length === 0) return { format, rows: [], errors: [{ line: 2, column: null, message: "The file has a header but no rows" }], warnings };
  if (body.length > MAX_IMPORT_ROWS) {
    return { format, rows: [], errors: [{ line: 1, column: null, message: `The file has ${body.length} rows; import at most ${MAX_IMPORT_ROWS} at a time` }], warnings };
  }
  const findState = stateFinder(states);
  const rows: ImportRow[] = [];
  for (const { record, info } of body) {
    const raw: Raw = {};
    headers.forEach((h, i) => (raw[h] = (record[i] ?? "").trim()));
    const line = info.lines;
    const row = format === "atlas" ? atlasRow(raw, line, findState, errors, warnings) : ownRow(raw, line, findState, errors);
    if (row) rows.push(row);
  }
  const unique = dropDuplicates(rows, warnings);
  warnings.sort((a, b) => a.line - b.line);
  return { format, rows: unique, errors, warnings };
}

function checkLength(value: string, max: number, line: number, column: string, errors: ImportIssue[]) {
  if (value.length > max) errors.push({ line, column, message: `At most ${max} characters` });
}

function ownRow(raw: Raw, line: number, findState: (t: string) => string | null, errors: ImportIssue[]): ImportRow | null {
  const before = errors.length;
  const err = (column: ImportColumn, message: string) => errors.push({ line, column, message });
  const stateCode = raw.state ? findState(raw.state) : null;
  if (!raw.state) err("state", "The state is required (a code like PA or a name)");
  else if (!stateCode) err("state", `Unknown state “${raw.state}”`);
  if (!raw.agency) err("agency", "The agency's name is required");
  checkLength(raw.agency ?? "", 200, line, "agency", errors);
  checkLength(raw.place ?? "", 200, line, "place", errors);
  const agencyType = agencyTypeFrom(raw.agency_type ?? "");
  if (!agencyType) err("agency_type", `Unknown agency type “${raw.agency_type}”; use one of ${AGENCY_TYPES.join(", ")}`);
  const kindText = (raw.place_kind ?? "").toLowerCase();
  const kind = !kindText ? (/\b(county|parish|borough)$/i.test(raw.place ?? "") ? "county" : "city") : kindText;
  if (!["city", "county", "regional"].includes(kind)) err("place_kind", `Unknown place kind “${raw.place_kind}”; use city, county or regional`);
  const systemType = raw.system_type ? systemTypeFrom(raw.system_type) : null;
  if (!raw.system_type) err("system_type", "The system type is required (e.g. RMS, CAD, body cameras)");
  else if (!systemType) err("system_type", `Unknown system type “${raw.system_type}”; use one of ${SYSTEM_TYPES.join(", ")}`);
  const vendor = raw.vendor ?? "";
  const product = raw.product ?? "";
  const hostedBy = raw.hosted_by ?? "";
  checkLength(vendor, 200, line, "vendor", errors);
  checkLength(product, 200, line, "product", errors);
  if (hostedBy && (vendor || product)) err("hosted_by", "Give the vendor and product, or hosted_by, not both");
  else if (!hostedBy && !vendor && !product) err("product", "Give the vendor and product, or the agency that hosts the system (hosted_by)");
  else if (!hostedBy && !vendor) err("vendor", "The vendor is required with a product");
  else if (!hostedBy && !product) err("product", "The product is required with a vendor");
  const sinceOn = dateCell(raw.since, line, "since", errors);
  const untilOn = dateCell(raw.until, line, "until", errors);
  if (sinceOn && untilOn && untilOn < sinceOn) err("until", "Until can't be before since");
  const confidence = (raw.confidence || "reported").toLowerCase();
  if (!(SYSTEM_CONFIDENCES as readonly string[]).includes(confidence)) err("confidence", `Unknown confidence “${raw.confidence}”; use confirmed, likely or reported`);
  let evidenceUrl: string | null = null;
  if (raw.evidence_url) {
    evidenceUrl = firstWebAddress(raw.evidence_url);
    if (!evidenceUrl || raw.evidence_url.includes(" ")) err("evidence_url", "Give one web address starting with https://");
  }
  checkLength(raw.notes ?? "", 5000, line, "notes", errors);
  if (errors.length > before) return null;
  return {
    line,
    stateCode: stateCode!,
    place: raw.place ? { name: raw.place, kind: kind as "city" | "county" | "regional" } : null,
    agency: { name: raw.agency!, type: agencyType! },
    systemType: systemType!,
    target: hostedBy ? { hostedBy } : { vendor, product },
    productIsTechnology: false,
    sinceOn,
    untilOn,
    confidence: confidence as SystemConfidence,
    evidenceUrl,
    notes: raw.notes || null,
  };
}

function dateCell(value: string | undefined, line: number, column: string, errors: ImportIssue[]): string | null {
  if (!value) return null;
  if (!isIsoDate(value) || value < "1950-01-01" || value > "2100-12-31") {
    errors.push({ line, column, message: `“${value}” is not a date written as YYYY-MM-DD (1950 to 2100)` });
    return null;
  }
  return value;
}

function atlasRow(
  raw: Raw,
  line: number,
  findState: (t: string) => string | null,
  errors: ImportIssue[],
  warnings: ImportIssue[],
): ImportRow | null {
  const before = errors.length;
  const err = (column: string, message: string) => errors.push({ line, column, message });
  const stateCode = raw.state ? findState(raw.state) : null;
  if (!raw.state) err("State", "The state is required");
  else if (!stateCode) err("State", `Unknown state “${raw.state}”`);
  if (!raw.agency) err("Agency", "The agency's name is required");
  checkLength(raw.agency ?? "", 200, line, "Agency", errors);
  if (!raw.technology) err("Technology", "The technology is required");
  checkLength(raw.vendor ?? "", 200, line, "Vendor", errors);
  checkLength(raw.technology ?? "", 200, line, "Technology", errors);
  if (errors.length > before) return null;
  if (!raw.vendor || /^(unknown|n\/a|none)$/i.test(raw.vendor)) {
    warnings.push({ line, column: "Vendor", message: "No vendor named: this row is skipped" });
    return null;
  }
  const links = raw.links ?? raw.link ?? "";
  const evidenceUrl = links ? firstWebAddress(links) : null;
  if (links && !evidenceUrl) warnings.push({ line, column: "links", message: "No web address found: recorded without evidence" });
  const place = raw.city
    ? { name: raw.city, kind: "city" as const }
    : raw.county
      ? { name: raw.county, kind: "county" as const }
      : null;
  return {
    line,
    stateCode: stateCode!,
    place,
    agency: { name: raw.agency!, type: atlasAgencyType(raw.type_of_lea ?? "") },
    systemType: atlasSystemType(raw.technology!),
    target: { vendor: raw.vendor, product: raw.technology! },
    productIsTechnology: true,
    sinceOn: null,
    untilOn: null,
    confidence: "reported",
    evidenceUrl,
    notes: null,
  };
}

function agencyKey(row: Pick<ImportRow, "stateCode" | "place" | "agency">): string {
  return [row.stateCode, row.place ? `${row.place.kind}:${row.place.name.toLowerCase()}` : "-", row.agency.name.toLowerCase()].join("|");
}

function systemKey(row: ImportRow): string {
  const target = "hostedBy" in row.target ? `host:${row.target.hostedBy.toLowerCase()}` : `${row.target.vendor.toLowerCase()}/${row.target.product.toLowerCase()}`;
  return [agencyKey(row), row.systemType, target, row.sinceOn ?? ""].join("|");
}

/** The same system twice in one file is imported once, with a warning on the repeat. */
function dropDuplicates(rows: readonly ImportRow[], warnings: ImportIssue[]): ImportRow[] {
  const firstLine = new Map<string, number>();
  const kept: ImportRow[] = [];
  for (const row of rows) {
    const key = systemKey(row);
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, row.line);
      kept.push(row);
    } else {
      warnings.push({ line: row.line, column: null, message: `Same system as line ${first}: imported once` });
    }
  }
  return kept;
}
