import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZipArchive } from "archiver";
import ExcelJS from "exceljs";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { previewXlsx } from "~/domain/files/xlsx.server";
import { inspectZip, zipBombProblem } from "~/domain/files/zip.server";

const fixtures = path.join(__dirname, "..", "fixtures");
const dir = mkdtempSync(path.join(tmpdir(), "jointask-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("XLSX preview", () => {
  it("lists hidden and very hidden sheets as exceljs reads them, with hidden rows and columns", async () => {
    const file = path.join(fixtures, "hidden-sheet.xlsx");
    const preview = await previewXlsx(file);
    expect(preview.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Stops", "visible"],
      ["Officer names", "hidden"],
      ["Lookup", "veryHidden"],
    ]);
    // exceljs, reading the whole workbook, agrees on the sheet states.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual(preview.sheets.map((s) => [s.name, s.state]));

    const stops = preview.sheets[0]!;
    expect(stops.hiddenRows).toEqual([3]);
    expect(stops.hiddenRowCount).toBe(1);
    expect(stops.hiddenColumns).toEqual(["D"]);
    expect(stops.rowCount).toBe(4);
    expect(stops.headers).toEqual(["Stop Date", "Subject Race", "Badge Hash", "Outcome"]);
    expect(stops.rows[0]).toEqual(["2024-01-05", "black", "9f2c4e", "warning"]);
    expect(preview.sheets[1]!.headers).toContain("Officer Name");
  });

  it("reads inline strings, shared strings, numbers, booleans and formulas, and stops after the first rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Calls");
    sheet.addRow(["Call Number", "Priority", "Dispatched", "Total"]);
    for (let i = 1; i <= 500; i++) sheet.addRow([`C-${i}`, i % 3, i % 2 === 0, { formula: `B${i + 1}*2`, result: (i % 3) * 2 }]);
    sheet.getRow(250).hidden = true;
    const file = path.join(dir, "calls.xlsx");
    await workbook.xlsx.writeFile(file);
    const [calls] = (await previewXlsx(file)).sheets;
    expect(calls!.rows).toHaveLength(20);
    expect(calls!.rows[0]).toEqual(["C-1", "1", "FALSE", "2"]);
    expect(calls!.rowCount).toBe(501);
    expect(calls!.hiddenRows).toEqual([250]);
  });
});

describe("zip bombs", () => {
  it("refuses an XLSX that would expand a thousandfold", async () => {
    const file = path.join(fixtures, "zip-bomb.xlsx");
    const summary = await inspectZip(file);
    expect(summary).not.toBeNull();
    const { size } = await import("node:fs/promises").then((fs) => fs.stat(file));
    expect(zipBombProblem(summary!, size)).toMatch(/would expand \d[\d,]* times/);
  });

  it("refuses an archive of too many entries from its end record alone", async () => {
    const file = path.join(dir, "many.xlsx");
    const archive = new ZipArchive({ store: true });
    const out = createWriteStream(file);
    archive.pipe(out);
    for (let i = 0; i < 10_001; i++) archive.append("", { name: `e/${i}` });
    await archive.finalize();
    await once(out, "close");
    const summary = await inspectZip(file);
    expect(summary?.entries).toBe(10_001);
    expect(zipBombProblem(summary!, 1_000_000)).toMatch(/10,001 entries/);
  });

  it("accepts an ordinary workbook and says a text file is not a zip", async () => {
    const file = path.join(fixtures, "hidden-sheet.xlsx");
    const summary = await inspectZip(file);
    expect(zipBombProblem(summary!, 8000)).toBeNull();
    expect(await inspectZip(path.join(fixtures, "stops-3-of-5.csv"))).toBeNull();
  });
});
