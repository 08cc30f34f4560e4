import { describe, expect, it } from "vitest";
import { STOPS_FIELDS_FOR_TESTS } from "./support/catalog-fields";
import { matchHeaders, normalizeHeader, scoreHeader, type MatchableField } from "~/domain/header-matching";

const field = (key: string): MatchableField => {
  const f = STOPS_FIELDS_FOR_TESTS.find((x) => x.key === key);
  if (!f) throw new Error(`no catalog field ${key}`);
  return { id: key, key: f.key, label: f.label, synonyms: f.synonyms ?? [], recordType: "stops" };
};

describe("normalizeHeader", () => {
  it("ignores case, punctuation and spacing, splits camel case and expands abbreviations", () => {
    expect(normalizeHeader("  SUBJ_RACE ")).toBe("subject race");
    expect(normalizeHeader("SubjectRace")).toBe("subject race");
    expect(normalizeHeader("Subject-Race/Ethnicity")).toBe("subject race ethnicity");
    expect(normalizeHeader("OFCR_ID")).toBe("officer id");
    expect(normalizeHeader("")).toBe("");
  });
});

describe("matching headers to the fields asked", () => {
  it.each([
    ["RACE", "subject_race"],
    ["Subject Race", "subject_race"],
    ["subj_race", "subject_race"],
    ["SUBJECT_RACE_CODE", "subject_race"],
    ["Badge Hash", "officer_id_hash"],
    ["Officer ID (hashed)", "officer_id_hash"],
    ["officer_id_hash", "officer_id_hash"],
    ["Stop Date", "date"],
    ["Reason For Stop", "reason_for_stop"],
    ["STOP_REASON", "reason_for_stop"],
    ["Gender", "subject_sex"],
  ])("%s names %s", (header, key) => {
    const fields = ["subject_race", "officer_id_hash", "date", "reason_for_stop", "subject_sex"].map(field);
    const [match] = matchHeaders([header], fields);
    expect(match?.fieldId).toBe(key);
  });

  it("does not take one person's column for another's", () => {
    expect(scoreHeader("Officer Race", field("subject_race"))).toBeNull();
    expect(scoreHeader("Officer Sex", field("subject_sex"))).toBeNull();
    expect(scoreHeader("Department", field("subject_race"))).toBeNull();
  });

  it("gives each field its best column, and a column to one field per record type", () => {
    const fields = [field("subject_race"), field("officer_id_hash")];
    const matches = matchHeaders(["race", "Subject Race", "Officer Badge Hash"], fields);
    expect(matches).toEqual([
      { fieldId: "subject_race", header: "Subject Race", columnIndex: 1, how: "exact" },
      { fieldId: "officer_id_hash", header: "Officer Badge Hash", columnIndex: 2, how: "similar" },
    ]);
    const acrossTypes = matchHeaders(["RACE"], [field("subject_race"), { ...field("subject_race"), id: "uof_race", recordType: "use_of_force" }]);
    expect(acrossTypes.map((m) => m.fieldId).sort()).toEqual(["subject_race", "uof_race"]);
  });

  it("finds nothing in unrelated headers", () => {
    expect(matchHeaders(["id", "created", "notes2"], [field("subject_race"), field("officer_id_hash")])).toEqual([]);
  });
});
