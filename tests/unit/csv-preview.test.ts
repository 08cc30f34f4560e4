import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { countLines, countRecordsQuoteAware, MalformedCsv, previewCsv, readCsvHead } from "~/domain/files/csv.server";

const dir = mkdtempSync(path.join(tmpdir(), "jointask-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (content: string | Buffer) => {
  const file = path.join(dir, `f${n++}.csv`);
  writeFileSync(file, content);
  return file;
};
const size = (content: string | Buffer) => Buffer.byteLength(content);

describe("CSV preview", () => {
  it("shows the header, the first 100 rows and counts all of them", async () => {
    const content = `date,race,age\n${Array.from({ length: 2500 }, (_, i) => `2024-01-01,black,${i}`).join("\n")}\n`;
    const preview = await previewCsv(write(content), size(content), ",");
    expect(preview.hasHeader).toBe(true);
    expect(preview.headers).toEqual(["date", "race", "age"]);
    expect(preview.rows).toHaveLength(100);
    expect(preview.rows[99]).toEqual(["2024-01-01", "black", "99"]);
    expect(preview.totalRows).toBe(2500);
    expect(preview.counted).toBe("line_breaks");
  });

  it("sniffs a semicolon file named .csv and reads Windows-1252", async () => {
    const content = Buffer.concat([Buffer.from("name;city\n"), Buffer.from([0x4a, 0x6f, 0x73, 0xe9]), Buffer.from(";Mont\n")]);
    const preview = await previewCsv(write(content), size(content), ",");
    expect(preview.delimiter).toBe(";");
    expect(preview.encoding).toBe("windows-1252");
    expect(preview.rows[0]).toEqual(["José", "Mont"]);
  });

  it("counts quote-aware when values span lines", async () => {
    const content = 'id,narrative\n1,"line one\nline two"\n2,"a ""quoted"" word"\n3,plain\n';
    const preview = await previewCsv(write(content), size(content), ",");
    expect(preview.counted).toBe("exact");
    expect(preview.totalRows).toBe(3);
  });

  it("calls an unclosed quote or binary content malformed", async () => {
    const bad = 'a,b\n1,"2\n3,4\n';
    await expect(readCsvHead(write(bad), size(bad), ",")).rejects.toBeInstanceOf(MalformedCsv);
    const binary = Buffer.from([0x61, 0x2c, 0x00, 0x01, 0x0a]);
    await expect(readCsvHead(write(binary), size(binary), ",")).rejects.toThrow(/binary/);
  });

  it("counts records as csv-parse does, for any quoting", async () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", " ") }), fc.constant(""));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }), fc.boolean(), async (rows, trailingNewline) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n") + (trailingNewline ? "\n" : "");
        const expected = (parse(text, { relax_column_count: true }) as string[][]).length;
        expect(await countRecordsQuoteAware(write(text), ",")).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("counts lines with and without a final line break", async () => {
    expect(await countLines(write("a\nb\nc"))).toBe(3);
    expect(await countLines(write("a\nb\nc\n"))).toBe(3);
    expect(await countLines(write(""))).toBe(0);
  });
});
