import { open } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { DELIMITER_LABELS, detectHeader, sampleLines, sniffDelimiter, type Delimiter } from "./csv-sniff";
import { looksBinary, readBytes, readTextHead } from "./text.server";

export const PREVIEW_ROWS = 100;

export interface CsvPreview {
  delimiter: Delimiter;
  delimiterLabel: string;
  hasHeader: boolean;
  headers: string[];
  rows: string[][];
  /** Data rows in the whole file (the header row not counted). */
  totalRows: number;
  /** "exact": a quote-aware count; "line_breaks": lines counted, exact unless a quoted value spans lines beyond the first rows. */
  counted: "exact" | "line_breaks";
  encoding: "utf-8" | "windows-1252";
  warnings: string[];
}

export class MalformedCsv extends Error {}

function parseSample(text: string, delimiter: Delimiter, limit: number): string[][] {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: limit,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MalformedCsv(message.replace(/^[A-Za-z ]+: /, (m) => m.toLowerCase()));
  }
}

/** Parses the first rows (header + PREVIEW_ROWS) from at most the first megabyte; throws MalformedCsv. */
export async function readCsvHead(path: string, size: number, preferred: Delimiter) {
  const start = await readBytes(path, Math.min(size, 64 * 1024));
  if (looksBinary(start)) throw new MalformedCsv("it contains binary data, not text");
  const head = await readTextHead(path, size);
  const text = head.text.replace(/^\uFEFF/, "");
  const lines = sampleLines(text, head.complete);
  const delimiter = sniffDelimiter(lines, preferred);
  const records = parseSample(text, delimiter, PREVIEW_ROWS + 1);
  // A quoted value holding a line break makes line counts wrong: count quote-aware then.
  const multiline = records.some((r) => r.some((cell) => cell.includes("\n") || cell.includes("\r")));
  return { records, delimiter, encoding: head.encoding, multiline, complete: head.complete, text };
}

export async function previewCsv(path: string, size: number, preferred: Delimiter): Promise<CsvPreview> {
  const { records, delimiter, encoding, multiline, text } = await readCsvHead(path, size, preferred);
  const hasHeader = detectHeader(records.slice(0, 20));
  const width = Math.max(0, ...records.map((r) => r.length));
  const headers = hasHeader
    ? (records[0] ?? []).map((h, i) => h.trim() || `Column ${i + 1}`)
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const dataRows = (hasHeader ? records.slice(1) : records).slice(0, PREVIEW_ROWS);

  const lineBreak = text.includes("\n") ? 0x0a : text.includes("\r") ? 0x0d : 0x0a;
  const recordCount = multiline ? await countRecordsQuoteAware(path, delimiter) : await countLines(path, lineBreak);
  const totalRows = Math.max(0, recordCount - (hasHeader ? 1 : 0));

  const warnings: string[] = [];
  const ragged = dataRows.findIndex((r) => r.length !== headers.length);
  if (ragged >= 0 && hasHeader) {
    warnings.push(`Row ${ragged + 1} has ${dataRows[ragged]!.length} values; the header has ${headers.length} columns.`);
  }
  if (encoding === "windows-1252") warnings.push("The file is not UTF-8; it was read as Windows-1252.");
  return {
    delimiter,
    delimiterLabel: DELIMITER_LABELS[delimiter],
    hasHeader,
    headers,
    rows: dataRows,
    totalRows,
    counted: multiline ? "exact" : "line_breaks",
    encoding,
    warnings,
  };
}

const SCAN_CHUNK = 8 * 1024 * 1024;

/** Reads the whole file in large chunks, reading the next while the caller looks at the current one. */
async function scan(path: string, onChunk: (chunk: Buffer) => void): Promise<number> {
  const handle = await open(path, "r");
  const buffers = [Buffer.allocUnsafe(SCAN_CHUNK), Buffer.allocUnsafe(SCAN_CHUNK)];
  let last = -1;
  try {
    let turn = 0;
    let pending = handle.read(buffers[0]!, 0, SCAN_CHUNK, null);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const chunk = buffers[turn]!.subarray(0, bytesRead);
      turn ^= 1;
      pending = handle.read(buffers[turn]!, 0, SCAN_CHUNK, null);
      onChunk(chunk);
      last = chunk[bytesRead - 1]!;
    }
  } finally {
    await handle.close();
  }
  return last;
}

/** Lines in the file (a last line without a line break counts), found with memchr-speed indexOf. */
export async function countLines(path: string, lineBreak = 0x0a): Promise<number> {
  let lines = 0;
  const last = await scan(path, (chunk) => {
    for (let at = chunk.indexOf(lineBreak); at !== -1; at = chunk.indexOf(lineBreak, at + 1)) lines++;
  });
  return last === -1 ? 0 : last === lineBreak ? lines : lines + 1;
}

const S = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;
type State = (typeof S)[keyof typeof S];
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Records in the file, where a line break inside a quoted value doesn't end a record (RFC 4180). */
export async function countRecordsQuoteAware(path: string, delimiter: string): Promise<number> {
  const delim = delimiter.charCodeAt(0);
  let state: State = S.FieldStart;
  let records = 0;
  let recordHasContent = false;
  await scan(path, (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (state === S.Quoted) {
        const next = chunk.indexOf(QUOTE, i);
        if (next === -1) {
          i = chunk.length;
          break;
        }
        i = next;
        state = S.QuoteInQuoted;
        continue;
      }
      if (c === LF) {
        if (recordHasContent || state !== S.FieldStart) records++;
        state = S.FieldStart;
        recordHasContent = false;
      } else if (c === CR) {
        // part of a CRLF; the LF ends the record
      } else if (c === delim) {
        state = S.FieldStart;
        recordHasContent = true;
      } else if (c === QUOTE && state === S.FieldStart) {
        state = S.Quoted;
        recordHasContent = true;
      } else if (c === QUOTE && state === S.QuoteInQuoted) {
        state = S.Quoted;
      } else {
        state = S.Unquoted;
        recordHasContent = true;
      }
    }
  });
  if (recordHasContent || state !== S.FieldStart) records++;
  return records;
}
