// The shape of a received file's dataset profile, as kept in file_profiles.result. Browser-safe.

export type ColumnType = "integer" | "number" | "date" | "datetime" | "time" | "boolean" | "text" | "other";

export const COLUMN_TYPE_LABELS: Record<ColumnType, string> = {
  integer: "whole number",
  number: "number",
  date: "date",
  datetime: "date and time",
  time: "time of day",
  boolean: "yes/no",
  text: "text",
  other: "nested values",
};

/** Shares (0 to 1) of a sample of a column's values that have a telling shape. */
export interface ValueShapes {
  /** Values looked at (non-empty, from the sample). */
  sampled: number;
  /** Long hexadecimal or base64-like strings, UUIDs: what a hash or pseudonym looks like. */
  hashLike: number;
  /** "SMITH, JOHN", "Maria Lopez": two or three words of letters. */
  personName: number;
  /** Whole numbers of 1 to 6 digits, what badge and employee numbers look like. */
  shortNumber: number;
  /** "600 FERGUS ST", "1234 N Main Street": a house number and a street. */
  streetAddress: number;
  email: number;
  phone: number;
  ssn: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Rows with a value (not empty, not only spaces). */
  present: number;
  shareEmpty: number;
  /** Distinct values (HyperLogLog estimate unless `distinctExact`). */
  distinct: number;
  distinctExact: boolean;
  /** Numbers as numbers; dates as "YYYY-MM-DD"; date-times as "YYYY-MM-DD HH:MM:SS"; texts: null. */
  min: number | string | null;
  max: number | string | null;
  /** The most common values; `count` is null when only estimated (columns with many distinct values). */
  topValues: Array<{ value: string; count: number | null }>;
  /** Every value with its count, for columns with at most VALUE_COUNTS_MAX distinct values (code columns). */
  valueCounts: Record<string, number> | null;
  /** Date and date-time columns: rows per month, "YYYY-MM" -> count. */
  months: Record<string, number> | null;
  /** Whole-number columns: share of values that are multiples of 100 (block-level house numbers). */
  roundedToHundred: number | null;
  shapes: ValueShapes;
  /** A few values as examples. */
  examples: string[];
}

export interface TableProfile {
  /** The sheet of a workbook; null for a CSV, TSV or JSON file. */
  source: string | null;
  rows: number;
  columns: ColumnProfile[];
  /** Rows read for the value shapes (the first ones). */
  sampledRows: number;
}

export interface DatasetProfile {
  version: 1;
  engine: string;
  tables: TableProfile[];
  /** Sheets or parts that could not be profiled, with why. */
  skipped: Array<{ source: string; reason: string }>;
  seconds: number;
}

export const VALUE_COUNTS_MAX = 5000;
export const TOP_VALUES = 5;
export const SAMPLE_ROWS = 5000;

/** The table the file is mostly about: the one with the most rows. */
export function mainTable(profile: DatasetProfile): TableProfile | null {
  let best: TableProfile | null = null;
  for (const t of profile.tables) if (!best || t.rows > best.rows) best = t;
  return best;
}
