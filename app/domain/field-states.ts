import type { CodeKeyKind, DetailLevel, FieldState, FileKind, FormatWanted } from "../../db/schema/field-values";
import type { StatusTone } from "./request-status";

// Words and badges for fields asked and what came back. Browser-safe.

export const FIELD_STATE_LABELS: Record<FieldState, string> = {
  not_yet: "Not yet",
  received: "Received",
  partly_received: "Partly received",
  withheld: "Withheld",
  not_held: "Not held by the agency",
  denied: "Denied",
};

/** The badge tone of each state (the badge shows the label too). */
export const FIELD_STATE_TONES: Record<FieldState, StatusTone> = {
  not_yet: "muted",
  received: "success",
  partly_received: "partial",
  withheld: "danger",
  not_held: "neutral",
  denied: "danger",
};

/** What the note next to a state is for; withheld fields cite an exemption. */
export const FIELD_STATE_NOTE_HINTS: Partial<Record<FieldState, string>> = {
  partly_received: "What is missing, e.g. 2021 and 2022",
  withheld: "The exemption cited (required)",
  not_held: "What the agency said",
  denied: "The reason given (required)",
};

export const CODE_KEY_KIND_LABELS: Record<CodeKeyKind, string> = {
  code_list: "Code list",
  data_dictionary: "Data dictionary",
};

export const DETAIL_LEVEL_LABELS: Record<DetailLevel, string> = {
  record_level: "Record-level (one row per stop, call, complaint...)",
  aggregate: "Aggregate (counts and totals)",
};

export const FORMAT_LABELS: Record<FormatWanted, string> = {
  csv: "CSV",
  spreadsheet: "Spreadsheet (XLSX)",
  database_export: "Database export",
  json: "JSON",
  api: "API or data feed",
  pdf: "PDF",
  any: "Any machine-readable format",
};

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  csv: "CSV",
  tsv: "TSV",
  xlsx: "Excel workbook",
  pdf: "PDF",
  json: "JSON",
  text: "Text",
  other: "Other",
};

export interface Coverage {
  received: number;
  total: number;
}

/** "4 of 6 fields received"; "No fields asked" when none are. */
export function describeCoverage(coverage: Coverage): string {
  if (coverage.total === 0) return "No fields asked";
  return `${coverage.received} of ${coverage.total} ${coverage.total === 1 ? "field" : "fields"} received`;
}

/** "1.2 MB", "340 KB", "12 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit += 1;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, "")} ${units[unit]}`;
}
