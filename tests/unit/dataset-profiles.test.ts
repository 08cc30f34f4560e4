import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAgainstAsk, codeListShape, describeCodeListLink, type CheckedField } from "~/domain/profiles/ask-check";
import { columnInConversionError, profileFile } from "~/domain/profiles/engine.server";
import { describeMonths, monthsBetween } from "~/domain/profiles/months";
import type { DatasetProfile } from "~/domain/profiles/profile-types";
import { valueShapes } from "~/domain/profiles/shapes";

// The real San Diego calls-for-service extract and its code lists (public domain, see SOURCE.md there).
const received = path.join(__dirname, "..", "fixtures", "received-data");
const fixtures = path.join(__dirname, "..", "fixtures");
const dir = mkdtempSync(path.join(tmpdir(), "jointask-profiles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function profileOf(file: string, kind: "csv" | "tsv" | "json" | "xlsx" = "csv"): Promise<DatasetProfile> {
  return profileFile({ path: file, kind, sizeBytes: statSync(file).size }, { workDir: path.join(dir, `work-${n++}`) });
}
function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
const column = (profile: DatasetProfile, name: string) => profile.tables[0]!.columns.find((c) => c.name === name)!;

const field = (id: string, key: string, label: string, synonyms: string[] = [], state: CheckedField["state"] = "not_yet"): CheckedField => ({ id, key, label, recordTypeKey: "calls_for_service", synonyms, state });
const CFS_FIELDS = [
  field("call-type", "call_type_final", "Call type (final)", ["final call type", "call type"]),
  field("disposition", "disposition", "Disposition", ["disposition code"]),
  field("priority", "priority", "Priority"),
  field("race", "subject_race", "Subject race", ["race"], "not_held"),
];
const ASK_2022_2025 = { detailLevel: "record_level" as const, periodStart: "2022-01-01", periodEnd: "2025-12-31", deidentify: true };

let calls: DatasetProfile;
let callTypes: DatasetProfile;
let dispositions: DatasetProfile;
beforeAll(async () => {
  [calls, callTypes, dispositions] = await Promise.all([
    profileOf(path.join(received, "san-diego-calls-for-service-2023-jan-sample.csv")),
    profileOf(path.join(received, "san-diego-call-types.csv")),
    profileOf(path.join(received, "san-diego-disposition-codes.csv")),
  ]);
});

describe("profiling the San Diego calls for service", () => {
  it("counts rows and columns and infers each column's type, emptiness, distinct values and range", () => {
    const table = calls.tables[0]!;
    expect(table.rows).toBe(5000);
    expect(table.columns.map((c) => c.name)).toEqual(readFileSync(path.join(received, "san-diego-calls-for-service-2023-jan-sample.csv"), "utf8").split(/\r?\n/)[0]!.split(","));
    expect(column(calls, "date_time")).toMatchObject({ type: "datetime", min: "2023-01-01 00:00:05", max: "2023-01-05 01:56:54", shareEmpty: 0, months: { "2023-01": 5000 } });
    expect(column(calls, "priority")).toMatchObject({ type: "integer", min: 0, max: 9, distinctExact: true });
    expect(column(calls, "incident_num")).toMatchObject({ type: "text", distinct: 5000, topValues: [] });
    // Columns the city leaves blank: every row empty, or most.
    expect(column(calls, "address_sfx_intersecting")).toMatchObject({ shareEmpty: 1, present: 0 });
    expect(column(calls, "address_dir_primary").shareEmpty).toBeGreaterThan(0.9);
    const dispo = column(calls, "disposition");
    expect(dispo.topValues[0]).toEqual({ value: "K", count: 2688 });
    expect(Object.values(dispo.valueCounts!).reduce((a, b) => a + b, 0)).toBe(dispo.present);
    expect(column(calls, "address_number_primary").roundedToHundred).toBeGreaterThan(0.99);
  });

  it("recognises the call-type and disposition lists as code lists and links them to the columns that use them", () => {
    expect(codeListShape(callTypes)).toMatchObject({ codeColumn: "call_type", descriptionColumn: "description", size: 282 });
    expect(codeListShape(dispositions)).toMatchObject({ codeColumn: "dispo_code", size: 18 });
    expect(codeListShape(calls)).toBeNull();
    const check = checkAgainstAsk({
      profile: calls,
      fileId: "calls",
      ask: ASK_2022_2025,
      fields: CFS_FIELDS,
      others: [
        { fileId: "types", name: "san-diego-call-types.csv", profile: callTypes },
        { fileId: "dispo", name: "san-diego-disposition-codes.csv", profile: dispositions },
      ],
      today: "2026-06-01",
    });
    expect(check.codeLists.map(describeCodeListLink)).toEqual(["call_type: 282 codes, 99.9% described", "disposition: 18 codes, 100% described"]);
    expect(check.codeLists[0]!.missingCodes).toEqual([{ code: "1016P", count: 1 }]);
    // Seen from the code list's own page.
    const fromList = checkAgainstAsk({ profile: callTypes, fileId: "types", ask: ASK_2022_2025, fields: [], others: [{ fileId: "calls", name: "calls.csv", profile: calls }], today: "2026-06-01" });
    expect(fromList.describes.map((d) => [d.dataFileName, describeCodeListLink(d)])).toEqual([["calls.csv", "call_type: 282 codes, 99.9% described"]]);
  });

  it("checks an ask of 2022-2025: months missing named, fields partly received with the reason, a field the file lacks left alone", () => {
    const check = checkAgainstAsk({ profile: calls, fileId: "calls", ask: ASK_2022_2025, fields: CFS_FIELDS, others: [], today: "2026-06-01" });
    expect(check.period).toMatchObject({ dateColumn: "date_time", covered: { from: "2023-01-01", to: "2023-01-05" }, complete: false, missingText: "2022, Feb–Dec 2023, 2024–2025" });
    expect(check.period.missingMonths).toHaveLength(47);
    const byId = Object.fromEntries(check.fields.map((f) => [f.fieldId, f]));
    expect(byId["call-type"]).toMatchObject({ column: "call_type", proposed: "partly_received" });
    expect(byId["call-type"]!.reason).toMatch(/^Missing 2022, Feb–Dec 2023, 2024–2025 of the period asked/);
    expect(byId["call-type"]!.sharePresent).toBeCloseTo(0.999, 3);
    expect(byId["disposition"]).toMatchObject({ column: "disposition", how: "exact", proposed: "partly_received" });
    // No race column: the file is no evidence about it, so "not held" stays as recorded, with no file.
    expect(byId["race"]).toMatchObject({ column: null, proposed: "not_held", reason: null });
    expect(check.detail).toMatchObject({ level: "record_level", mismatch: false });
    // Block-level addresses (house numbers rounded to the hundred) are not street addresses.
    expect(check.flags).toEqual([]);
    expect(check.notes.join(" ")).toMatch(/block-level.*address_number_primary/);
  });

  it("proposes received when the file covers the whole period asked", () => {
    const check = checkAgainstAsk({ profile: calls, fileId: "calls", ask: { ...ASK_2022_2025, periodStart: "2023-01-01", periodEnd: "2023-01-31" }, fields: CFS_FIELDS, others: [], today: "2026-06-01" });
    expect(check.period.complete).toBe(true);
    expect(check.fields.find((f) => f.fieldId === "priority")).toMatchObject({ proposed: "received", reason: null });
  });
});

describe("de-identification, detail level and installments from generated files", () => {
  it("flags officer ids that are names or badge numbers, subject names and street addresses; a hash passes", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      `2024-${String((i % 12) + 1).padStart(2, "0")}-15`,
      ['"SMITH, JOHN"', '"GARCIA, MARIA"', '"LEE, DAVID"'][i % 3],
      String(1000 + (i % 40)),
      ((i * 2654435761) >>> 0).toString(16).padStart(8, "0") + "a3f9c2d4e5b6a7c8",
      ["Maria Lopez", "James Carter", "Wei Chen"][i % 3],
      `${100 + i} N Main St`,
      ["W", "B", "H"][i % 3],
    ].join(","));
    const file = write("stops.csv", `stop_date,officer_name,badge_number,officer_id_hash,subject_name,location,subject_race\n${rows.join("\n")}\n`);
    const profile = await profileOf(file);
    const check = checkAgainstAsk({
      profile,
      fileId: "stops",
      ask: { detailLevel: "record_level", periodStart: "2024-01-01", periodEnd: "2024-12-31", deidentify: true },
      fields: [field("hash", "officer_id_hash", "Officer id (hashed)", ["badge hash"]), field("race", "subject_race", "Subject race")],
      others: [],
      today: "2026-06-01",
    });
    const flagged = Object.fromEntries(check.flags.map((f) => [f.column, f.kind]));
    expect(flagged).toEqual({ officer_name: "officer_names", badge_number: "officer_numbers", subject_name: "names", location: "street_addresses" });
    expect(check.flags.find((f) => f.column === "badge_number")!.message).toMatch(/looks like badge or employee numbers .* not a pseudonym/);
    expect(check.period.complete).toBe(true);
    expect(check.fields.map((f) => f.proposed)).toEqual(["received", "received"]);
  });

  it("says counts only when a table of counts comes for a record-level ask, and proposes partly received", async () => {
    const rows = ["2023-01", "2023-02", "2023-03"].flatMap((m) => ["W", "B", "H"].map((r, i) => `${m}-01,${r},${10 + i}`));
    const profile = await profileOf(write("counts.csv", `month,subject_race,count\n${rows.join("\n")}\n`));
    const check = checkAgainstAsk({ profile, fileId: "c", ask: { ...ASK_2022_2025, periodStart: "2023-01-01", periodEnd: "2023-03-31" }, fields: [field("race", "subject_race", "Subject race")], others: [], today: "2026-06-01" });
    expect(check.detail).toMatchObject({ level: "aggregate", mismatch: true });
    expect(check.fields[0]).toMatchObject({ proposed: "partly_received", reason: "Counts only, record-level data was asked." });
  });

  it("adds up installments: months from an earlier file of the request count for the field", async () => {
    const half = (year: number) => Array.from({ length: 24 }, (_, i) => `${year + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-10,X${i}`).join("\n");
    const first = await profileOf(write("part1.csv", `date,call_type\n${half(2022)}\n`));
    const second = await profileOf(write("part2.csv", `date,call_type\n${half(2024)}\n`));
    const fields = [field("ct", "call_type_final", "Call type", ["call type"])];
    const alone = checkAgainstAsk({ profile: second, fileId: "2", ask: ASK_2022_2025, fields, others: [], today: "2026-06-01" });
    expect(alone.fields[0]).toMatchObject({ proposed: "partly_received" });
    expect(alone.fields[0]!.reason).toMatch(/^Missing 2022–2023 /);
    const together = checkAgainstAsk({ profile: second, fileId: "2", ask: ASK_2022_2025, fields, others: [{ fileId: "1", name: "part1.csv", profile: first }], today: "2026-06-01" });
    expect(together.fields[0]).toMatchObject({ proposed: "received", missingMonths: [] });
    // The file's own period is still its own.
    expect(together.period.missingText).toBe("2022–2023");
  });
});

describe("the profile engine on other shapes", () => {
  it("makes a column text when a value past the sampled rows doesn't fit the type guessed", async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `${i},${i % 7}`);
    const profile = await profileOf(write("late-letter.csv", `code,n\n${lines.join("\n")}\n12AB,3\n`));
    expect(profile.tables[0]!.rows).toBe(30_001);
    expect(column(profile, "code").type).toBe("text");
    expect(column(profile, "n")).toMatchObject({ type: "integer", distinct: 7, distinctExact: true });
    expect(columnInConversionError('Error when converting column "call ""type""". Could not convert')).toBe('call "type"');
  });

  it("profiles a JSON array of records, records under a key, and a TSV without a header", async () => {
    const array = await profileOf(write("a.json", JSON.stringify([{ id: 1, date: "2023-01-02", tags: ["x"] }, { id: 2, date: "2023-03-04", tags: [] }])), "json");
    expect(array.tables[0]!.rows).toBe(2);
    expect(column(array, "date")).toMatchObject({ type: "date", min: "2023-01-02", max: "2023-03-04" });
    const wrapped = await profileOf(write("w.json", JSON.stringify({ data: [{ a: "x" }, { a: "y" }, { a: null }] })), "json");
    expect(wrapped.tables[0]!.rows).toBe(3);
    expect(column(wrapped, "a").shareEmpty).toBeCloseTo(1 / 3, 3);
    const tsv = await profileOf(write("t.tsv", "1\t2023-05-01\n2\t2023-06-01\n3\t2023-07-01\n"), "tsv");
    expect(tsv.tables[0]!.columns.map((c) => c.name)).toEqual(["Column 1", "Column 2"]);
  });

  it("profiles every sheet of a workbook, hidden ones included, read through the zip directory whatever order its parts are stored in", async () => {
    const profile = await profileOf(path.join(fixtures, "hidden-sheet.xlsx"), "xlsx");
    expect(profile.tables.map((t) => [t.source, t.rows])).toEqual([
      ["Stops", 3],
      ["Officer names", 1],
      ["Lookup", 1],
    ]);
    expect(profile.tables[0]!.columns.find((c) => c.name === "Stop Date")).toMatchObject({ type: "date", min: "2024-01-05", max: "2024-01-07" });
  });

  it("refuses a file that is not CSV with a reason a person can read", async () => {
    await expect(profileOf(write("broken.json", "{not json"), "json")).rejects.toThrow(/can't be read as JSON records/);
  });
});

describe("words for months and value shapes", () => {
  it("names whole years as years and the rest as month ranges", () => {
    expect(monthsBetween("2023-11-15", "2024-02-01")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(describeMonths(["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12", "2023-03"])).toBe("2022, Mar 2023");
    expect(describeMonths(["2023-11", "2023-12", "2024-01"])).toBe("Nov 2023 – Jan 2024");
    expect(describeMonths([])).toBe("");
  });

  it("tells hashes, names, badge numbers and street addresses apart", () => {
    expect(valueShapes(["9f86d081884c7d65", "a3f9c2d4e5b6a7c8d9", ""])).toMatchObject({ sampled: 2, hashLike: 1, personName: 0 });
    expect(valueShapes(["SMITH, JOHN", "Maria Lopez", "Traffic Stop"]).personName).toBeCloseTo(2 / 3, 2);
    expect(valueShapes(["4127", "#88", "1200 N Main St"])).toMatchObject({ shortNumber: 0.667, streetAddress: 0.333 });
  });
});
