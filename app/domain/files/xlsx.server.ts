import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { detectHeader } from "./csv-sniff";

// An XLSX preview that reads only what it needs, straight from the zip: the sheet list (with hidden and
// very hidden sheets), the first rows of each sheet, and a byte-level scan of each sheet for hidden rows
// and columns. Memory stays flat whatever the workbook's size. (exceljs reads a whole workbook into memory:
// 12 s and 570 MB for a 6 MB file; its streaming reader spills sheets to the system temp directory.)
// Call only after zipBombProblem() found nothing.

export const XLSX_PREVIEW_ROWS = 20;
const MAX_COLUMNS = 200;
const MAX_LISTED_HIDDEN_ROWS = 50;

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetPreview {
  name: string;
  state: SheetState;
  isChart: boolean;
  hasHeader: boolean;
  headers: string[];
  rows: string[][];
  /** Rows present in the sheet (the header row included). */
  rowCount: number;
  hiddenRows: number[];
  hiddenRowCount: number;
  hiddenColumns: string[];
}

export interface WorkbookPreview {
  sheets: SheetPreview[];
}

export class MalformedWorkbook extends Error {}

// ---- zip access -------------------------------------------------------------------------------------

interface OpenZip {
  entries: Map<string, yauzl.Entry>;
  read(name: string): Promise<Readable | null>;
  close(): void;
}

function openZip(path: string): Promise<OpenZip> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return reject(new MalformedWorkbook("it is not a readable zip archive"));
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.set(entry.fileName.replace(/^\//, ""), entry);
        zip.readEntry();
      });
      zip.once("error", () => reject(new MalformedWorkbook("its zip directory is damaged")));
      zip.once("end", () =>
        resolve({
          entries,
          read: (name) =>
            new Promise((res, rej) => {
              const entry = entries.get(name);
              if (!entry) return res(null);
              zip.openReadStream(entry, (err, stream) => (err || !stream ? rej(new MalformedWorkbook(`${name} can't be read`)) : res(stream)));
            }),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}

async function readWhole(zip: OpenZip, name: string, maxBytes = 8 * 1024 * 1024): Promise<string | null> {
  const stream = await zip.read(name);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new MalformedWorkbook(`${name} is unusually large`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// ---- a tokenizer for the small, regular subset of XML that spreadsheets are written in ---------------

const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTRIBUTE = /(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

interface Tag {
  close: boolean;
  name: string;
  attributes: string;
  selfClosing: boolean;
  start: number;
  end: number;
}

function* tagsIn(text: string): Generator<Tag> {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    yield { close: m[1] === "/", name: m[2]!, attributes: m[3]!, selfClosing: m[4] === "/", start: m.index, end: TAG.lastIndex };
  }
}

function attributesOf(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) out[m[1]!] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Calls `onText` with the entry's decoded text as it inflates, always cut just after a tag (so no tag is
 * split); stops reading when it returns false.
 */
async function eachTextCut(zip: OpenZip, name: string, onText: (text: string) => boolean): Promise<void> {
  const stream = await zip.read(name);
  if (!stream) return;
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending += decoder.decode(chunk, { stream: true });
    const cut = pending.lastIndexOf(">");
    if (cut === -1) continue;
    const complete = pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
    if (!onText(complete)) {
      stream.destroy();
      return;
    }
  }
  onText(pending + decoder.decode());
}

// ---- workbook parts ---------------------------------------------------------------------------------

interface SheetEntry {
  name: string;
  state: SheetState;
  path: string | null;
  isChart: boolean;
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

async function readSheetList(zip: OpenZip): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const workbook = await readWhole(zip, "xl/workbook.xml");
  if (workbook === null) throw new MalformedWorkbook("it has no xl/workbook.xml, so it is not an Excel workbook");
  const rels = (await readWhole(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const tag of tagsIn(rels)) {
    if (tag.name !== "Relationship" || tag.close) continue;
    const a = attributesOf(tag.attributes);
    if (a.Id && a.Target) targets.set(a.Id, resolveTarget(a.Target));
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (const tag of tagsIn(workbook)) {
    if (tag.close) continue;
    const a = attributesOf(tag.attributes);
    if (tag.name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
    if (tag.name !== "sheet") continue;
    const state: SheetState = a.state === "hidden" ? "hidden" : a.state === "veryHidden" ? "veryHidden" : "visible";
    const path = a.id ? (targets.get(a.id) ?? null) : null;
    sheets.push({ name: a.name ?? `Sheet ${sheets.length + 1}`, state, path, isChart: !!path && !path.includes("/worksheets/") });
  }
  return { sheets, date1904 };
}

// Built-in number formats that are dates or times (ECMA-376 18.8.30).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

async function readDateStyles(zip: OpenZip): Promise<Set<number>> {
  const styles = await readWhole(zip, "xl/styles.xml").catch(() => null);
  const dateStyles = new Set<number>();
  if (!styles) return dateStyles;
  const customDates = new Set<number>();
  for (const tag of tagsIn(styles)) {
    if (tag.name !== "numFmt" || tag.close) continue;
    const a = attributesOf(tag.attributes);
    const code = (a.formatCode ?? "").replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    if (/[dmyhs]/i.test(code)) customDates.add(Number(a.numFmtId));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(styles)?.[0] ?? "";
  let index = 0;
  for (const tag of tagsIn(cellXfs)) {
    if (tag.name !== "xf" || tag.close) continue;
    const id = Number(attributesOf(tag.attributes).numFmtId ?? 0);
    if (DATE_FORMAT_IDS.has(id) || customDates.has(id)) dateStyles.add(index);
    index += 1;
  }
  return dateStyles;
}

function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.round(serial * 86_400_000));
  const iso = date.toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type RawCell = { type: string; style: number; value: string };

/**
 * A sheet's rows as raw cells (shared strings still as indexes), streamed as the entry inflates: only the
 * rows of the current chunk are held at once.
 */
async function* rawRows(zip: OpenZip, path: string, maxColumns: number): AsyncGenerator<Map<number, RawCell>> {
  const stream = await zip.read(path);
  if (!stream) return;
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let row: Map<number, RawCell> | null = null;
  let cell: { column: number; type: string; style: number } | null = null;
  let nextColumn = 0;
  let capture: "v" | "t" | null = null;
  let inlineText = "";
  let valueText = "";
  let inPhonetic = false;
  const parse = (text: string, done: Map<number, RawCell>[]) => {
    let textFrom = 0;
    for (const tag of tagsIn(text)) {
      if (capture && tag.start > textFrom) {
        const piece = decodeEntities(text.slice(textFrom, tag.start));
        if (capture === "v") valueText += piece;
        else if (!inPhonetic) inlineText += piece;
      }
      textFrom = tag.end;
      if (!tag.close && tag.name === "row") {
        row = new Map();
        nextColumn = 0;
        if (tag.selfClosing) {
          done.push(row);
          row = null;
        }
      } else if (tag.close && tag.name === "row") {
        if (row) done.push(row);
        row = null;
      } else if (!tag.close && tag.name === "c" && row) {
        const a = attributesOf(tag.attributes);
        const column = a.r ? columnIndex(a.r.replace(/\d+$/, "")) : nextColumn;
        nextColumn = column + 1;
        cell = { column, type: a.t ?? "n", style: Number(a.s ?? 0) };
        valueText = "";
        inlineText = "";
        if (tag.selfClosing) cell = null;
      } else if (tag.close && tag.name === "c" && cell && row) {
        const open: { column: number; type: string; style: number } = cell;
        if (open.column < maxColumns) {
          (row as Map<number, RawCell>).set(open.column, { type: open.type, style: open.style, value: open.type === "inlineStr" ? inlineText : valueText });
        }
        cell = null;
      } else if (tag.name === "v" && cell) {
        capture = tag.close || tag.selfClosing ? null : "v";
      } else if (tag.name === "t" && cell) {
        capture = tag.close || tag.selfClosing ? null : "t";
      } else if (tag.name === "rPh") {
        inPhonetic = !tag.close && !tag.selfClosing;
      }
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending += decoder.decode(chunk, { stream: true });
      const cut = pending.lastIndexOf(">");
      if (cut === -1) continue;
      const done: Map<number, RawCell>[] = [];
      parse(pending.slice(0, cut + 1), done);
      pending = pending.slice(cut + 1);
      yield* done;
    }
    const done: Map<number, RawCell>[] = [];
    parse(pending + decoder.decode(), done);
    yield* done;
  } finally {
    stream.destroy();
  }
}

/** The first rows of a sheet as raw cells (shared strings still as indexes). */
async function readFirstRows(zip: OpenZip, path: string, limit: number): Promise<Map<number, RawCell>[]> {
  const rows: Map<number, RawCell>[] = [];
  for await (const row of rawRows(zip, path, MAX_COLUMNS)) {
    rows.push(row);
    if (rows.length >= limit) break;
  }
  return rows;
}

/** Shared strings up to the highest index needed; strings are numbered in order of first use, so this is usually a short read. */
async function readSharedStrings(zip: OpenZip, maxIndex: number): Promise<string[]> {
  const strings: string[] = [];
  if (maxIndex < 0) return strings;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await eachTextCut(zip, "xl/sharedStrings.xml", (text) => {
    let textFrom = 0;
    for (const tag of tagsIn(text)) {
      if (inText && !inPhonetic && current !== null && tag.start > textFrom) current += decodeEntities(text.slice(textFrom, tag.start));
      textFrom = tag.end;
      if (tag.name === "si") {
        if (!tag.close) current = "";
        if (tag.close || tag.selfClosing) {
          strings.push(current ?? "");
          current = null;
          if (strings.length > maxIndex) return false;
        }
      } else if (tag.name === "t") {
        inText = !tag.close && !tag.selfClosing;
      } else if (tag.name === "rPh") {
        inPhonetic = !tag.close && !tag.selfClosing;
      }
    }
    return strings.length <= maxIndex;
  });
  return strings;
}

const HIDDEN_MARKERS = [Buffer.from('hidden="1"'), Buffer.from('hidden="true"'), Buffer.from(' ht="0"'), Buffer.from(" ht=\"0.0\"")];
const ROW_TAG = Buffer.from("<row");
const ROW_TAG_PREFIXED = Buffer.from(":row");

/**
 * Scans a sheet's XML as bytes for rows and columns marked hidden (or zero height) and counts rows: no
 * decoding, no parsing, so it runs at the speed of inflating.
 */
async function scanSheet(zip: OpenZip, path: string) {
  const stream = await zip.read(path);
  const hiddenRows: number[] = [];
  let hiddenRowCount = 0;
  const hiddenColumns = new Set<string>();
  let rowTags = 0;
  let lastRow = 0;
  if (!stream) return { hiddenRows, hiddenRowCount, hiddenColumns: [], rowCount: 0 };
  let carry: Buffer = Buffer.alloc(0);
  const seenHiddenRows = new Set<number>();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const end = buffer.lastIndexOf(0x3e); // '>': everything before it is complete tags and text
    if (end === -1) {
      carry = buffer;
      continue;
    }
    const done = buffer.subarray(0, end + 1);
    carry = Buffer.from(buffer.subarray(end + 1));

    for (const tag of [ROW_TAG, ROW_TAG_PREFIXED]) {
      for (let at = done.indexOf(tag); at !== -1; at = done.indexOf(tag, at + 1)) {
        const after = done[at + tag.length];
        if (done[done.lastIndexOf(0x3c, at) + 1] === 0x2f) continue;
        if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue;
        rowTags += 1;
        const close = done.indexOf(0x3e, at);
        const r = /\br="(\d+)"/.exec(done.toString("latin1", at, close));
        if (r) lastRow = Math.max(lastRow, Number(r[1]));
      }
    }
    for (const marker of HIDDEN_MARKERS) {
      for (let at = done.indexOf(marker); at !== -1; at = done.indexOf(marker, at + 1)) {
        const open = done.lastIndexOf(0x3c, at);
        const close = done.indexOf(0x3e, at);
        const source = done.toString("utf8", open, close + 1);
        const tag = /^<(?:[\w.-]+:)?(row|col)\b/.exec(source)?.[1];
        const a = attributesOf(source);
        if (tag === "row") {
          const n = Number(a.r ?? 0);
          if (seenHiddenRows.has(n) && n > 0) continue;
          seenHiddenRows.add(n);
          hiddenRowCount += 1;
          if (hiddenRows.length < MAX_LISTED_HIDDEN_ROWS && n > 0) hiddenRows.push(n);
        } else if (tag === "col" && marker !== HIDDEN_MARKERS[2] && marker !== HIDDEN_MARKERS[3]) {
          const min = Number(a.min ?? 0);
          const max = Math.min(Number(a.max ?? min), min + 50);
          for (let c = min; c <= max && c > 0; c++) hiddenColumns.add(columnLetters(c - 1));
        }
      }
    }
  }
  return { hiddenRows: hiddenRows.sort((x, y) => x - y), hiddenRowCount, hiddenColumns: [...hiddenColumns], rowCount: Math.max(lastRow, rowTags) };
}

function cellText(cell: RawCell | undefined, strings: string[], dateStyles: Set<number>, date1904: boolean): string {
  if (!cell) return "";
  switch (cell.type) {
    case "s":
      return strings[Number(cell.value)] ?? "";
    case "b":
      return cell.value === "1" ? "TRUE" : "FALSE";
    case "e":
    case "str":
    case "inlineStr":
    case "d":
      return cell.value;
    default: {
      const n = Number(cell.value);
      if (cell.value !== "" && Number.isFinite(n) && dateStyles.has(cell.style)) return serialToIso(n, date1904);
      return cell.value;
    }
  }
}

export async function previewXlsx(path: string): Promise<WorkbookPreview> {
  const zip = await openZip(path);
  try {
    const { sheets, date1904 } = await readSheetList(zip);
    const dateStyles = await readDateStyles(zip);
    const firstRows = new Map<string, Map<number, RawCell>[]>();
    let maxString = -1;
    for (const sheet of sheets) {
      if (!sheet.path || sheet.isChart) continue;
      const rows = await readFirstRows(zip, sheet.path, XLSX_PREVIEW_ROWS + 1);
      firstRows.set(sheet.path, rows);
      for (const row of rows) for (const cell of row.values()) if (cell.type === "s") maxString = Math.max(maxString, Number(cell.value));
    }
    const strings = await readSharedStrings(zip, maxString);

    const previews: SheetPreview[] = [];
    for (const sheet of sheets) {
      const raw = (sheet.path && firstRows.get(sheet.path)) || [];
      const width = Math.min(MAX_COLUMNS, Math.max(0, ...raw.map((r) => (r.size ? Math.max(...r.keys()) + 1 : 0))));
      const rows = raw.map((r) => Array.from({ length: width }, (_, i) => cellText(r.get(i), strings, dateStyles, date1904)));
      const firstUsed = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
      const used = firstUsed === -1 ? [] : rows.slice(firstUsed);
      const hasHeader = detectHeader(used.slice(0, 20));
      const headers = hasHeader
        ? (used[0] ?? []).map((h, i) => h.trim() || `Column ${columnLetters(i)}`)
        : Array.from({ length: width }, (_, i) => `Column ${columnLetters(i)}`);
      const scan = sheet.path && !sheet.isChart ? await scanSheet(zip, sheet.path) : { hiddenRows: [], hiddenRowCount: 0, hiddenColumns: [], rowCount: 0 };
      previews.push({
        name: sheet.name,
        state: sheet.state,
        isChart: sheet.isChart,
        hasHeader,
        headers,
        rows: (hasHeader ? used.slice(1) : used).slice(0, XLSX_PREVIEW_ROWS),
        rowCount: scan.rowCount,
        hiddenRows: scan.hiddenRows,
        hiddenRowCount: scan.hiddenRowCount,
        hiddenColumns: scan.hiddenColumns,
      });
    }
    return { sheets: previews };
  } finally {
    zip.close();
  }
}

export interface WorkbookSheetRows {
  name: string;
  state: SheetState;
  /** Its place among the workbook's worksheets (0-based) and how many there are. */
  index: number;
  count: number;
  /** Each row's cells as text, from column A to the row's last cell; empty cells as "". */
  rows: AsyncGenerator<string[]>;
}

/** Excel's own column limit (XFD). */
const EXCEL_MAX_COLUMNS = 16_384;

/**
 * Every worksheet of a workbook (hidden ones included, charts left out) with its rows as text, read straight
 * from the zip's directory, so the order in which the archive stores its parts does not matter. What stays in
 * memory is the shared-string table and one chunk of rows. Read each sheet's rows before the next sheet.
 */
export async function* workbookRows(path: string): AsyncGenerator<WorkbookSheetRows> {
  const zip = await openZip(path);
  try {
    const { sheets, date1904 } = await readSheetList(zip);
    const dateStyles = await readDateStyles(zip);
    const strings = await readSharedStrings(zip, Number.MAX_SAFE_INTEGER);
    const worksheets = sheets.filter((sheet) => sheet.path && !sheet.isChart);
    for (const [index, sheet] of worksheets.entries()) {
      const sheetPath = sheet.path!;
      async function* rows(): AsyncGenerator<string[]> {
        for await (const raw of rawRows(zip, sheetPath, EXCEL_MAX_COLUMNS)) {
          const width = raw.size ? Math.max(...raw.keys()) + 1 : 0;
          yield Array.from({ length: width }, (_, i) => cellText(raw.get(i), strings, dateStyles, date1904));
        }
      }
      yield { name: sheet.name, state: sheet.state, index, count: worksheets.length, rows: rows() };
    }
  } finally {
    zip.close();
  }
}

/** Whether the zip holds a workbook at all (checked at upload). */
export async function isWorkbookArchive(path: string): Promise<boolean> {
  const zip = await openZip(path).catch(() => null);
  if (!zip) return false;
  try {
    return zip.entries.has("xl/workbook.xml");
  } finally {
    zip.close();
  }
}
