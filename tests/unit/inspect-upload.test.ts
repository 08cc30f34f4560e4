import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inspectUpload } from "~/domain/files/inspect.server";
import { previewJson } from "~/domain/files/json.server";
import { previewPdf } from "~/domain/files/pdf.server";

const fixtures = path.join(__dirname, "..", "fixtures");
const dir = mkdtempSync(path.join(tmpdir(), "jointask-inspect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer) {
  const p = path.join(dir, `upload-${n++}`);
  writeFileSync(p, content);
  return p;
}
function fixture(name: string) {
  const p = path.join(dir, `fixture-${n++}`);
  copyFileSync(path.join(fixtures, name), p);
  return p;
}
const inspect = (p: string, name: string) => inspectUpload(p, name, statSync(p).size);
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4550000000049454e44ae426082", "hex");

describe("what an upload really is", () => {
  it("accepts files whose content matches their name", async () => {
    expect(await inspect(fixture("stops-3-of-5.csv"), "stops.csv")).toEqual({ ok: true, kind: "csv", mediaType: "text/csv" });
    expect(await inspect(file("a\tb\n1\t2\n"), "x.tsv")).toMatchObject({ ok: true, kind: "tsv" });
    expect(await inspect(fixture("hidden-sheet.xlsx"), "stops.xlsx")).toMatchObject({ ok: true, kind: "xlsx" });
    expect(await inspect(fixture("three-pages.pdf"), "policy.pdf")).toEqual({ ok: true, kind: "pdf", mediaType: "application/pdf" });
    expect(await inspect(file('[{"a":1}]'), "data.json")).toMatchObject({ ok: true, kind: "json" });
    expect(await inspect(file(PNG), "photo.png")).toEqual({ ok: true, kind: "other", mediaType: "image/png" });
    expect(await inspect(file("just some notes"), "notes")).toEqual({ ok: true, kind: "text", mediaType: "text/plain" });
  });

  it("judges the type from the bytes when the name has no extension", async () => {
    expect(await inspect(fixture("hidden-sheet.xlsx"), "export")).toMatchObject({ ok: true, kind: "xlsx" });
    expect(await inspect(fixture("three-pages.pdf"), "scan")).toMatchObject({ ok: true, kind: "pdf" });
  });

  it.each([
    ["an empty file", () => file(""), "stops.csv", 422, /empty/],
    ["a PNG named .csv", () => file(PNG), "stops.csv", 415, /named as CSV, but its content is a PNG file/],
    ["text named .xlsx", () => file("a,b\n1,2\n"), "stops.xlsx", 415, /not a zip archive/],
    ["a zip bomb named .xlsx", () => fixture("zip-bomb.xlsx"), "stops.xlsx", 422, /zip bomb: it would expand/],
    ["a CSV with an unclosed quote", () => file('a,b\n1,"2\n3,4\n'), "stops.csv", 422, /not valid CSV: quote not closed/],
    ["a PDF that is text", () => file("%not really"), "policy.pdf", 415, /not one \(it is plain text\)/],
    ["a workbook named .pdf", () => fixture("hidden-sheet.xlsx"), "policy.pdf", 415, /content is an XLSX file/],
    ["broken JSON", () => file('{"a": [1, 2'), "data.json", 422, /not valid JSON/],
    ["binary named .txt", () => file(Buffer.from([0, 1, 2, 3, 0, 9])), "notes.txt", 415, /binary, not text/],
  ])("refuses %s", async (_what, make, name, status, message) => {
    const result = await inspect(make(), name);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(status);
      expect(result.message).toMatch(message);
    }
  });
});

describe("PDF and JSON previews", () => {
  it("counts a PDF's pages", async () => {
    const p = fixture("three-pages.pdf");
    expect(await previewPdf(p, statSync(p).size)).toEqual({ pageCount: 3, title: "Use of force policy", encrypted: false, problem: null });
  });
  it("shows a JSON list of records as a table", async () => {
    const p = file(JSON.stringify({ data: [{ RACE: "black", age: 3 }, { RACE: "white", sex: "F" }] }));
    const preview = await previewJson(p, statSync(p).size);
    expect(preview.table).toEqual({ headers: ["RACE", "age", "sex"], rows: [["black", "3", ""], ["white", "", "F"]], totalRows: 2 });
  });
});
