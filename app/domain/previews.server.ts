import type { FieldState, FileKind } from "../../db/schema/field-values";
import { previewCsv, MalformedCsv, type CsvPreview } from "./files/csv.server";
import { previewJson, MalformedJson, type JsonPreview } from "./files/json.server";
import { previewPdf, type PdfPreview } from "./files/pdf.server";
import { readTextHead } from "./files/text.server";
import { MalformedWorkbook, previewXlsx, type WorkbookPreview } from "./files/xlsx.server";
import { inspectZip, zipBombProblem } from "./files/zip.server";
import { objectStore } from "./files/storage.server";
import type { AskedField } from "./fields.server";
import { matchHeaders, type MatchHow } from "./header-matching";
import { personalDataFlags, type PersonalDataKind } from "./personal-data";

export type FilePreview =
  | { type: "table"; table: CsvPreview }
  | { type: "workbook"; workbook: WorkbookPreview }
  | { type: "pdf"; pdf: PdfPreview }
  | { type: "json"; json: JsonPreview }
  | { type: "text"; excerpt: string; truncated: boolean }
  | { type: "none"; message: string };

/** The preview of a file in the store: read from a local copy when the store is a bucket. */
export function previewStoredFile(file: { storageName: string; kind: FileKind; sizeBytes: number }): Promise<FilePreview> {
  return objectStore().withLocalFile(file.storageName, (path) => previewFile({ path, kind: file.kind, sizeBytes: file.sizeBytes }));
}

/** Reads only what the preview shows; never throws for a file's content. */
export async function previewFile(file: { path: string; kind: FileKind; sizeBytes: number }): Promise<FilePreview> {
  try {
    switch (file.kind) {
      case "csv":
      case "tsv":
        return { type: "table", table: await previewCsv(file.path, file.sizeBytes, file.kind === "tsv" ? "\t" : ",") };
      case "xlsx": {
        const summary = await inspectZip(file.path);
        const problem = summary ? zipBombProblem(summary, file.sizeBytes) : "its zip structure is damaged";
        if (problem) return { type: "none", message: `This workbook can't be previewed: ${problem}.` };
        return { type: "workbook", workbook: await previewXlsx(file.path) };
      }
      case "pdf":
        return { type: "pdf", pdf: await previewPdf(file.path, file.sizeBytes) };
      case "json":
        return { type: "json", json: await previewJson(file.path, file.sizeBytes) };
      case "text": {
        const head = await readTextHead(file.path, file.sizeBytes, 64 * 1024);
        return { type: "text", excerpt: head.text.slice(0, 20_000), truncated: !head.complete || head.text.length > 20_000 };
      }
      default:
        return { type: "none", message: "There is no preview for this kind of file; download it to open it." };
    }
  } catch (error) {
    if (error instanceof MalformedCsv || error instanceof MalformedJson || error instanceof MalformedWorkbook) {
      return { type: "none", message: `This file can't be previewed: ${error.message}.` };
    }
    throw error;
  }
}

/** A table in the file: the CSV itself, a JSON list of records, or one sheet of a workbook. */
export interface FileTable {
  source: string | null;
  headers: string[];
  rows: string[][];
}

export function tablesOf(preview: FilePreview): FileTable[] {
  switch (preview.type) {
    case "table":
      return preview.table.hasHeader ? [{ source: null, headers: preview.table.headers, rows: preview.table.rows }] : [];
    case "json":
      return preview.json.table ? [{ source: null, headers: preview.json.table.headers, rows: preview.json.table.rows }] : [];
    case "workbook":
      return preview.workbook.sheets.filter((s) => s.hasHeader).map((s) => ({ source: s.name, headers: s.headers, rows: s.rows }));
    default:
      return [];
  }
}

export interface ProposedState {
  fieldId: string;
  match: { header: string; source: string | null; how: MatchHow } | null;
  current: FieldState;
  proposed: FieldState;
}

/** For each field asked: the column that holds it, if any, and the state to propose (the user confirms). */
export function proposeStates(tables: readonly FileTable[], fields: readonly AskedField[]): ProposedState[] {
  const found = new Map<string, ProposedState["match"]>();
  for (const table of tables) {
    const matchable = fields.filter((f) => !found.has(f.id)).map((f) => ({ id: f.id, key: f.key, label: f.label, synonyms: f.synonyms, recordType: f.recordTypeKey }));
    for (const m of matchHeaders(table.headers, matchable)) found.set(m.fieldId, { header: m.header, source: table.source, how: m.how });
  }
  return fields.map((f) => {
    const match = found.get(f.id) ?? null;
    // A field recorded as refused is proposed as received only when a column has its very name.
    const refused = f.state === "denied" || f.state === "withheld" || f.state === "not_held";
    const proposed: FieldState = match && (f.state === "not_yet" || (refused && match.how === "exact")) ? "received" : f.state;
    return { fieldId: f.id, match, current: f.state, proposed };
  });
}

export interface PrivacyWarnings {
  hiddenSheets: Array<{ name: string; state: "hidden" | "veryHidden"; rowCount: number }>;
  hiddenRows: Array<{ sheet: string; count: number; rows: number[]; columns: string[] }>;
  personalData: Array<{ source: string | null; header: string; kind: PersonalDataKind }>;
}

/**
 * Hidden sheets, rows and columns are flagged always (they are easy to miss and often where names are);
 * personal-data columns when the request asked for de-identified data.
 */
export function privacyWarnings(preview: FilePreview, tables: readonly FileTable[], deidentify: boolean): PrivacyWarnings {
  const warnings: PrivacyWarnings = { hiddenSheets: [], hiddenRows: [], personalData: [] };
  if (preview.type === "workbook") {
    for (const sheet of preview.workbook.sheets) {
      if (sheet.state !== "visible") warnings.hiddenSheets.push({ name: sheet.name, state: sheet.state, rowCount: sheet.rowCount });
      if (sheet.hiddenRowCount > 0 || sheet.hiddenColumns.length > 0) {
        warnings.hiddenRows.push({ sheet: sheet.name, count: sheet.hiddenRowCount, rows: sheet.hiddenRows, columns: sheet.hiddenColumns });
      }
    }
  }
  if (deidentify) {
    for (const table of tables) {
      for (const flag of personalDataFlags(table.headers, table.rows)) warnings.personalData.push({ source: table.source, header: flag.header, kind: flag.kind });
    }
  }
  return warnings;
}

/**
 * Why the app flags a stored file (a column that looks like personal data, a hidden sheet, hidden rows or
 * columns): what its file page warns about, judged strictly (personal data whatever the request asked). Empty
 * when nothing is flagged or the file can't be read for a preview.
 */
export async function fileFlagReasons(file: { path: string; kind: FileKind; sizeBytes: number }): Promise<string[]> {
  try {
    const preview = await previewFile(file);
    const warnings = privacyWarnings(preview, tablesOf(preview), true);
    return [
      ...warnings.personalData.map((p) => `the column “${p.header}”${p.source ? ` (${p.source})` : ""} looks like personal data (${p.kind.replace(/_/g, " ")})`),
      ...warnings.hiddenSheets.map((h) => `the sheet “${h.name}” is hidden`),
      ...warnings.hiddenRows.map((h) => `the sheet “${h.sheet}” has hidden rows or columns`),
    ];
  } catch {
    return [];
  }
}
