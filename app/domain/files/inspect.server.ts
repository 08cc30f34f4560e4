import path from "node:path";
import { fileTypeFromFile } from "file-type";
import type { FileKind } from "../../../db/schema/field-values";
import { MalformedCsv, readCsvHead } from "./csv.server";
import { JSON_PARSE_MAX_BYTES, MalformedJson, parseJsonDocument } from "./json.server";
import { looksBinary, readBytes } from "./text.server";
import { isWorkbookArchive } from "./xlsx.server";
import { inspectZip, zipBombProblem } from "./zip.server";

// What a received file really is, judged from its bytes. The name's extension is only a claim: content
// that contradicts it is refused, so a preview never feeds a PNG to the CSV reader or a non-zip to the
// workbook reader.

export type Inspection = { ok: true; kind: FileKind; mediaType: string } | { ok: false; status: number; message: string };

const TEXT_KINDS: Record<string, { kind: FileKind; mediaType: string; label: string }> = {
  csv: { kind: "csv", mediaType: "text/csv", label: "CSV" },
  tsv: { kind: "tsv", mediaType: "text/tab-separated-values", label: "TSV" },
  tab: { kind: "tsv", mediaType: "text/tab-separated-values", label: "TSV" },
  json: { kind: "json", mediaType: "application/json", label: "JSON" },
  geojson: { kind: "json", mediaType: "application/geo+json", label: "GeoJSON" },
  txt: { kind: "text", mediaType: "text/plain", label: "text" },
  md: { kind: "text", mediaType: "text/markdown", label: "text" },
  log: { kind: "text", mediaType: "text/plain", label: "text" },
  sql: { kind: "text", mediaType: "text/plain", label: "text" },
};

// Extensions whose content the detector recognises, and the detections that agree with each.
const BINARY_EXTENSIONS: Record<string, string[]> = {
  pdf: ["pdf"],
  xlsx: ["xlsx", "zip"],
  xlsm: ["xlsx", "zip"],
  docx: ["docx", "zip"],
  pptx: ["pptx", "zip"],
  odt: ["odt", "zip"],
  ods: ["ods", "zip"],
  zip: ["zip", "docx", "xlsx", "pptx", "odt", "ods", "epub", "jar"],
  xls: ["cfb"],
  doc: ["cfb"],
  ppt: ["cfb"],
  msg: ["cfb"],
  png: ["png"],
  jpg: ["jpg"],
  jpeg: ["jpg"],
  gif: ["gif"],
  tif: ["tif"],
  tiff: ["tif"],
  webp: ["webp"],
  heic: ["heic"],
  mp3: ["mp3"],
  wav: ["wav"],
  m4a: ["m4a", "mp4"],
  mp4: ["mp4", "m4v", "mov"],
  mov: ["mov", "mp4"],
  "7z": ["7z"],
  gz: ["gz"],
  rar: ["rar"],
};

const refuse = (status: number, message: string): Inspection => ({ ok: false, status, message });

function describe(detected: { ext: string; mime: string }): string {
  const name = detected.ext.toUpperCase();
  // Letters read with a vowel sound take "an": an XLSX file, an MP4 file.
  return `${/^[AEFHILMNORSX]/.test(name) ? "an" : "a"} ${name} file (${detected.mime})`;
}

async function inspectWorkbook(file: string, name: string, size: number): Promise<Inspection> {
  const summary = await inspectZip(file);
  if (!summary) return refuse(422, `"${name}" can't be opened as a workbook: its zip structure is damaged.`);
  const problem = zipBombProblem(summary, size);
  if (problem) return refuse(422, `"${name}" was refused as a likely zip bomb: ${problem}.`);
  if (!(await isWorkbookArchive(file))) return refuse(422, `"${name}" is a zip archive but not an Excel workbook (it has no xl/workbook.xml).`);
  return { ok: true, kind: "xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
}

/** Checks a complete upload (still in its temp file) and says how to store and preview it. */
export async function inspectUpload(file: string, originalName: string, size: number): Promise<Inspection> {
  if (size === 0) return refuse(422, `"${originalName}" is empty (0 bytes). Nothing was saved.`);
  const extension = path.extname(originalName).slice(1).toLowerCase();
  const detected = await fileTypeFromFile(file);
  const text = TEXT_KINDS[extension];

  if (text) {
    if (detected && !(detected.ext === "xml" && text.kind === "text")) {
      return refuse(415, `"${originalName}" is named as ${text.label}, but its content is ${describe(detected)}. Check that you chose the right file.`);
    }
    if (looksBinary(await readBytes(file, 64 * 1024))) {
      return refuse(415, `"${originalName}" is named as ${text.label}, but its content is binary, not text.`);
    }
    if (text.kind === "csv" || text.kind === "tsv") {
      try {
        await readCsvHead(file, size, text.kind === "tsv" ? "\t" : ",");
      } catch (error) {
        if (error instanceof MalformedCsv) return refuse(422, `"${originalName}" is not valid ${text.label}: ${error.message}.`);
        throw error;
      }
    }
    if (text.kind === "json") {
      const start = (await readBytes(file, 4096)).toString("utf8").replace(/^\uFEFF/, "").trimStart();
      if (!start.startsWith("{") && !start.startsWith("[")) return refuse(422, `"${originalName}" is not valid JSON: it doesn't start with { or [.`);
      if (size <= JSON_PARSE_MAX_BYTES) {
        try {
          await parseJsonDocument(file);
        } catch (error) {
          if (error instanceof MalformedJson) return refuse(422, `"${originalName}" is not valid JSON: ${error.message}.`);
          throw error;
        }
      }
    }
    return { ok: true, kind: text.kind, mediaType: text.mediaType };
  }

  const agreeing = BINARY_EXTENSIONS[extension];
  if (agreeing) {
    if (detected && !agreeing.includes(detected.ext)) {
      return refuse(415, `"${originalName}" is named as a .${extension} file, but its content is ${describe(detected)}. Check that you chose the right file.`);
    }
    if (!detected) {
      const binary = looksBinary(await readBytes(file, 64 * 1024));
      if (extension === "xlsx" || extension === "xlsm") {
        return refuse(415, `"${originalName}" is named as an Excel workbook, but it is not a zip archive, as every .xlsx file is${binary ? "" : " (it is plain text; was it a CSV renamed?)"}.`);
      }
      if (extension === "pdf" || !binary) {
        return refuse(415, `"${originalName}" is named as a .${extension} file, but its content is not one${binary ? "" : " (it is plain text)"}.`);
      }
      return { ok: true, kind: "other", mediaType: "application/octet-stream" };
    }
  }

  if (detected?.ext === "pdf") return { ok: true, kind: "pdf", mediaType: "application/pdf" };
  if (detected && (extension === "xlsx" || extension === "xlsm" || detected.ext === "xlsx")) return inspectWorkbook(file, originalName, size);
  if (detected) return { ok: true, kind: "other", mediaType: detected.mime };
  const binary = looksBinary(await readBytes(file, 64 * 1024));
  return binary ? { ok: true, kind: "other", mediaType: "application/octet-stream" } : { ok: true, kind: "text", mediaType: "text/plain" };
}
