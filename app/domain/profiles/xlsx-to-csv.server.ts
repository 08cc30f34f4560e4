import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { stringify } from "csv-stringify";
import { workbookRows } from "../files/xlsx.server";

// Streams each sheet of a workbook into a CSV file of its own, so the sheets can be profiled like any CSV.
// The workbook is read through the zip's central directory (app/domain/files/xlsx.server.ts), not as a
// forward-only stream: a streaming unzip depends on the order the archive stores its parts in, and ExcelJS's
// streaming reader lost the workbook part under load when the sheets came first (a crash, or a sheet
// silently missing). What stays in memory is the shared-string table and one chunk of rows.

export interface ConvertedSheet {
  name: string;
  /** Null when the sheet has no rows. */
  csvPath: string | null;
  reason?: string;
}

export async function workbookToCsvFiles(
  file: string,
  outDir: string,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<ConvertedSheet[]> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const sheets: ConvertedSheet[] = [];
  for await (const sheet of workbookRows(file)) {
    if (options.signal?.aborted) throw new Error("stopped");
    const csvPath = path.join(outDir, `sheet-${sheets.length + 1}.csv`);
    const out = createWriteStream(csvPath, { mode: 0o600 });
    const csv = stringify();
    csv.pipe(out);
    let rows = 0;
    let width = 0;
    for await (const cells of sheet.rows) {
      if (rows === 0 && cells.every((c) => c === "")) continue;
      width = Math.max(width, cells.length);
      rows += 1;
      if (!csv.write(cells)) await once(csv, "drain");
      if (rows % 10_000 === 0 && options.signal?.aborted) throw new Error("stopped");
    }
    csv.end();
    await once(out, "close");
    sheets.push(rows > 0 && width > 0 ? { name: sheet.name, csvPath } : { name: sheet.name, csvPath: null, reason: "it has no rows" });
    options.onProgress?.((sheet.index + 1) / sheet.count);
  }
  options.onProgress?.(1);
  return sheets;
}
