import { describe, expect, it } from "vitest";
import { chooseSearchPath, hasSeveralWords, SEARCH_PROBE_ROWS } from "~/domain/search-path";

describe("chooseSearchPath", () => {
  it("reads latest first when the sample shows the words common, through the index when rare", () => {
    // "body camera" on the national dataset: 1 in 8 of the latest rows, 600,000 rows in the part.
    expect(chooseSearchPath({ matched: 250, read: SEARCH_PROBE_ROWS, total: 600_000 }, 201)).toBe("recent");
    // A word in 1 of 2,000 recent rows: about 300 matches in the part, each one fetch, against reading 400,000 rows.
    expect(chooseSearchPath({ matched: 1, read: SEARCH_PROBE_ROWS, total: 600_000 }, 201)).toBe("index");
    expect(chooseSearchPath({ matched: 0, read: SEARCH_PROBE_ROWS, total: 600_000 }, 201)).toBe("index");
  });

  it("weighs the part's size: the same share is cheaper through the index in a small part", () => {
    const share = { matched: 40, read: SEARCH_PROBE_ROWS };
    expect(chooseSearchPath({ ...share, total: 1_000_000 }, 201)).toBe("recent");
    expect(chooseSearchPath({ ...share, total: 10_000 }, 201)).toBe("index");
  });

  it("takes a sample that read the whole part as exact, whatever the kept total says", () => {
    // 300 rows, 260 match: reading 231 rows beats fetching 260 matches.
    expect(chooseSearchPath({ matched: 260, read: 300, total: 5_000 }, 201)).toBe("recent");
    expect(chooseSearchPath({ matched: 3, read: 300, total: 5_000 }, 201)).toBe("index");
    expect(chooseSearchPath({ matched: 0, read: 0, total: 0 }, 201)).toBe("index");
  });
});

describe("hasSeveralWords", () => {
  it("counts the words a search ANDs together", () => {
    expect(hasSeveralWords("body camera")).toBe(true);
    expect(hasSeveralWords('"body camera"')).toBe(true);
    expect(hasSeveralWords("  audit  ")).toBe(false);
    expect(hasSeveralWords("audit -draft")).toBe(false);
    expect(hasSeveralWords("audit or logs")).toBe(false);
    expect(hasSeveralWords("PRR-2026-1182")).toBe(false);
    expect(hasSeveralWords("- - ")).toBe(false);
  });
});
