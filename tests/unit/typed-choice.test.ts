import { describe, expect, it } from "vitest";
import { choiceFromTyped } from "~/domain/typed-choice";

const words = { label: (h: string) => h, many: "things", none: "Nothing is named so", more: "type more of the name" };

describe("choiceFromTyped", () => {
  it("takes the one whole-name match, even among others containing it", () => {
    expect(choiceFromTyped("Sam", ["Sam"], ["Sam", "Sam Lee", "Samantha"], words, 8)).toEqual({ ok: true, hit: "Sam" });
  });

  it("takes the only candidate containing the name when none is the whole name", () => {
    expect(choiceFromTyped("lee", [], ["Sam Lee"], words, 8)).toEqual({ ok: true, hit: "Sam Lee" });
  });

  it("says so when nothing matches", () => {
    expect(choiceFromTyped("zed", [], [], words, 8)).toEqual({ ok: false, message: "Nothing is named so" });
  });

  it("names the first three of several, and says 'more than' past the limit", () => {
    expect(choiceFromTyped("a", [], ["Ann", "Bea", "Cal"], words, 8)).toEqual({ ok: false, message: "3 things match “a” (Ann, Bea, Cal): type more of the name" });
    const many = Array.from({ length: 9 }, (_, i) => `Worker ${i}`);
    expect(choiceFromTyped("worker", [], many, { ...words, separator: "; " }, 8)).toEqual({
      ok: false,
      message: "More than 8 things match “worker” (Worker 0; Worker 1; Worker 2…): type more of the name",
    });
  });

  it("lists the whole-name matches when two share the name", () => {
    expect(choiceFromTyped("Pat", ["Pat", "Pat"], ["Pat", "Pat", "Patrick"], { ...words, label: (h: string) => `${h}!` }, 8)).toEqual({
      ok: false,
      message: "2 things match “Pat” (Pat!, Pat!): type more of the name",
    });
  });
});
