import { describe, expect, it } from "vitest";
import { detectHeader, sampleLines, sniffDelimiter } from "~/domain/files/csv-sniff";

describe("sampleLines", () => {
  it("keeps a quoted line break inside its line and drops a cut last line", () => {
    expect(sampleLines('a,b\n"x\ny",2\n3,4', false)).toEqual(["a,b", '"x\ny",2']);
    expect(sampleLines('a,b\r\n1,2\r\n3,4', true)).toEqual(["a,b", "1,2", "3,4"]);
  });
});

describe("sniffDelimiter", () => {
  const lines = (text: string) => sampleLines(text, true);
  it.each([
    ["date,race,outcome\n2024-01-01,black,warning\n2024-01-02,white,citation", ","],
    ["date\trace\toutcome\n2024-01-01\tblack\twarning\n2024-01-02\twhite\tcitation", "\t"],
    ["date;race;outcome\n2024-01-01;black;warning\n2024-01-02;white;citation", ";"],
    ["date|race|outcome\n2024-01-01|black|warning", "|"],
  ])("finds the delimiter of %j", (text, delimiter) => {
    expect(sniffDelimiter(lines(text))).toBe(delimiter);
  });

  it("is not fooled by delimiters inside quotes", () => {
    const text = 'name;note\n"Smith, J";"a, b, c"\n"Roe, K";"d, e"';
    expect(sniffDelimiter(lines(text))).toBe(";");
  });

  it("prefers the extension's delimiter when the counts tie", () => {
    expect(sniffDelimiter(["a,b\tc", "d,e\tf"], "\t")).toBe("\t");
    expect(sniffDelimiter(["a,b\tc", "d,e\tf"], ",")).toBe(",");
  });

  it("falls back to the preferred one for a single column", () => {
    expect(sniffDelimiter(["count", "12", "14"], "\t")).toBe("\t");
  });
});

describe("detectHeader", () => {
  it("recognises a header above typed data", () => {
    expect(detectHeader([["date", "age", "race"], ["2024-01-01", "34", "black"]])).toBe(true);
  });
  it("rejects a first row of data", () => {
    expect(detectHeader([["2024-01-01", "34", "black"], ["2024-01-02", "35", "white"]])).toBe(false);
    expect(detectHeader([["a", "a"], ["b", "c"]])).toBe(false);
  });
  it("accepts an all-text table when the first row's values don't recur", () => {
    expect(detectHeader([["race", "sex"], ["black", "M"], ["white", "F"]])).toBe(true);
    expect(detectHeader([["black", "M"], ["black", "F"]])).toBe(false);
  });
});
