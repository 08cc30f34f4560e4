import { describe, expect, it } from "vitest";
import { LAW_TABLE } from "../../app/domain/deadlines/laws";
import { CALENDAR_CODES, lawFor } from "../../app/domain/deadlines";

const NO_FIXED_NUMBER = ["AZ", "FL", "IA", "MN", "NC", "ND", "OH", "OK", "WI"];

describe("LAW_TABLE", () => {
  it("has one row for each of US, DC and the 50 states, each with a holiday calendar", () => {
    expect(LAW_TABLE).toHaveLength(52);
    const codes = LAW_TABLE.map((law) => law.jurisdiction);
    expect(new Set(codes).size).toBe(52);
    expect([...codes].sort()).toEqual([...CALENDAR_CODES].sort());
  });

  it("marks exactly the nine open-ended laws as having no fixed number of days", () => {
    const none = LAW_TABLE.filter((law) => law.dayType === "none").map((law) => law.jurisdiction);
    expect(none.sort()).toEqual(NO_FIXED_NUMBER);
    for (const law of LAW_TABLE) {
      expect(law.responseDays === null, law.jurisdiction).toBe(law.dayType === "none");
    }
  });

  it("pairs every number with a day type", () => {
    for (const law of LAW_TABLE) {
      expect(law.extensionDays === null, law.jurisdiction).toBe(law.extensionDayType === null);
      expect(law.acknowledgementDays === null, law.jurisdiction).toBe(law.acknowledgementDayType === null);
      expect(law.appealDays === null, law.jurisdiction).toBe(law.appealDayType === null);
      if (law.responseCountsFrom === "acknowledgement") expect(law.acknowledgementDays, law.jurisdiction).not.toBeNull();
    }
  });

  it("keeps the TSV's figures and text", () => {
    expect(lawFor("PA")).toMatchObject({
      lawName: "Right-to-Know Law",
      citation: "65 P.S. § 67.901",
      responseDays: 5,
      dayType: "business",
      extensionDays: 30,
      extensionDayType: "calendar",
      confidence: "high",
    });
    expect(lawFor("CA")).toMatchObject({ responseDays: 10, dayType: "calendar", extensionDays: 14, extensionDayType: "calendar" });
    expect(lawFor("MD")).toMatchObject({ responseDays: 30, dayType: "calendar", extensionDays: 30 });
    expect(lawFor("US")?.extensionNote).toMatch(/^Unusual-circumstances extension by written notice \(552\(a\)\(6\)\(B\)\(i\)\);/);
    expect(lawFor("VT")?.confidence).toBe("medium");
    expect(lawFor("GA")?.extensionDays).toBeNull();
  });

  it("derives acknowledgement deadlines from the text", () => {
    const acknowledgements = Object.fromEntries(
      LAW_TABLE.filter((law) => law.acknowledgementDays !== null).map((law) => [
        law.jurisdiction,
        `${law.acknowledgementDays} ${law.acknowledgementDayType}`,
      ]),
    );
    expect(acknowledgements).toEqual({
      AL: "10 calendar",
      HI: "10 business",
      IN: "7 calendar",
      ME: "5 business",
      MT: "5 business",
      NH: "5 business",
      NY: "5 business",
      OR: "5 business",
      SD: "10 business",
      WA: "5 business",
      WY: "7 business",
    });
  });

  it("derives appeal periods only where the appeal note states one", () => {
    expect(lawFor("US")).toMatchObject({ appealDays: 90, appealDayType: "calendar" });
    expect(lawFor("AK")).toMatchObject({ appealDays: 60, appealDayType: "calendar" });
    expect(lawFor("PA")).toMatchObject({ appealDays: 15, appealDayType: "business" });
    expect(lawFor("ID")).toMatchObject({ appealDays: 180, appealDayType: "calendar" });
    for (const code of ["DC", "GA", "AZ", "TX", "IA", "WA", "CO"]) {
      expect(lawFor(code)?.appealDays, code).toBeNull();
    }
  });

  it("counts from acknowledgement only where the text says so", () => {
    const fromAcknowledgement = LAW_TABLE.filter((law) => law.responseCountsFrom === "acknowledgement");
    expect(fromAcknowledgement.map((law) => law.jurisdiction)).toEqual(["AL", "WY"]);
  });
});
