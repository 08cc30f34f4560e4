// What a structured ask adds to a letter (record types and fields, detail, period, formats, de-identification).
// Browser-safe: the same words for a request's letter and for a joint ask's preview before anything is written.
import type { FieldsAsked, LetterData } from "../../../emails/types";
import type { DetailLevel, FormatWanted } from "../../../db/schema/field-values";

const FORMAT_PHRASES: Record<FormatWanted, string> = {
  csv: "CSV files",
  spreadsheet: "spreadsheets (XLSX)",
  database_export: "a database export",
  json: "JSON",
  api: "an API or data feed",
  pdf: "PDF files",
  any: "any machine-readable format",
};

export const DEFAULT_DEIDENTIFICATION =
  "Please remove or replace with a one-way hash the names, addresses, dates of birth and other identifiers of members of the public, and release the rest.";

/** "CSV files", "CSV files or JSON", "CSV files, JSON or PDF files". */
export function formatPhrase(formats: readonly FormatWanted[]): string | null {
  const phrases = formats.map((f) => FORMAT_PHRASES[f]);
  if (phrases.length === 0) return null;
  return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(", ")} or ${phrases.at(-1)}`;
}

export interface AskForLetter {
  ask: {
    detailLevel: DetailLevel | null;
    periodStart: string | null;
    periodEnd: string | null;
    formats: readonly FormatWanted[];
    deidentify: boolean;
    deidentifyNotes: string | null;
  };
  recordTypes: ReadonlyArray<{ id: string | null; name: string }>;
  fields: ReadonlyArray<{ recordTypeId: string; recordTypeName: string; label: string }>;
}

/**
 * The record types and fields asked (by their labels; a record type with no field is named on its own), the
 * detail level, period, formats and de-identification wanted.
 */
export function askDetails({ ask, recordTypes, fields }: AskForLetter): Partial<LetterData> {
  const byType = new Map<string, FieldsAsked>(recordTypes.map((t, i) => [t.id ?? `new-${i}`, { recordType: t.name, fields: [] }]));
  for (const field of fields) {
    if (!byType.has(field.recordTypeId)) byType.set(field.recordTypeId, { recordType: field.recordTypeName, fields: [] });
    byType.get(field.recordTypeId)!.fields.push(field.label);
  }
  return {
    fields: [...byType.values()],
    detailLevel: ask.detailLevel,
    period: ask.periodStart || ask.periodEnd ? { from: ask.periodStart, to: ask.periodEnd } : null,
    format: formatPhrase(ask.formats),
    deidentification: ask.deidentify ? ask.deidentifyNotes?.trim() || DEFAULT_DEIDENTIFICATION : null,
  };
}
