import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { Transform } from "node:stream";
import { stringify } from "csv-stringify";
import type ExcelJS from "exceljs";

// Streams each sheet of a workbook into a CSV file of its own with ExcelJS's streaming reader, so the
// sheets can be profiled like any CSV. Rows pass through one at a time; what stays in memory is the
// workbook's shared-string table (ExcelJS keeps it to resolve cells) and one row.

export interface ConvertedSheet {
  name: string;
  /** Null when the sheet has no rows. */
  csvPath: string | null;
  reason?: string;
}

/** A cell's value as text: dates as ISO dates (with the time when there is one), formulas as their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string; formula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

export async function workbookToCsvFiles(
  file: string,
  outDir: string,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; sizeBytes?: number } = {},
): Promise<ConvertedSheet[]> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const total = options.sizeBytes || (await stat(file)).size || 1;
  let read = 0;
  let reported = 0;
  // Counts the bytes as the reader pulls them (a listener on `input` would start it flowing too early).
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      if (options.onProgress && read - reported > total / 50) {
        reported = read;
        options.onProgress(Math.min(1, read / total));
      }
      done(null, chunk);
    },
  });
  input.pipe(counted);
  const { default: excel } = await import("exceljs");
  const reader = new excel.stream.xlsx.WorkbookReader(counted, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets: ConvertedSheet[] = [];
  try {
    for await (const worksheet of reader) {
      if (options.signal?.aborted) throw new Error("stopped");
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet ${sheets.length + 1}`;
      const csvPath = path.join(outDir, `sheet-${sheets.length + 1}.csv`);
      const out = createWriteStream(csvPath, { mode: 0o600 });
      const csv = stringify();
      csv.pipe(out);
      let rows = 0;
      let width = 0;
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as unknown[];
        // values is 1-based and sparse.
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.every((c) => c === "") && rows === 0) continue;
        width = Math.max(width, cells.length);
        rows += 1;
        if (!csv.write(cells)) await once(csv, "drain");
      }
      csv.end();
      await once(out, "close");
      sheets.push(rows > 0 && width > 0 ? { name, csvPath } : { name, csvPath: null, reason: "it has no rows" });
    }
  } finally {
    input.destroy();
    counted.destroy();
  }
  options.onProgress?.(1);
  return sheets;
}
