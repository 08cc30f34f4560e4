import { describe, expect, it } from "vitest";
import { decodeCursor, effectiveSort, encodeCursor, newRequestApiSchema, normalizeTags, parseRequestFilters } from "~/domain/request-input";
import { safeRedirectPath } from "~/utils/redirect";

const TODAY = "2026-11-23";
const base = { title: "Stops", description: "Stop data", agencyId: "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f" };

describe("request input", () => {
  it("accepts a minimal request and defaults to a draft", () => {
    const parsed = newRequestApiSchema(TODAY).parse(base);
    expect(parsed).toMatchObject({ ...base, initialStatus: "draft", tags: [] });
  });

  it("trims text and refuses blank titles", () => {
    const result = newRequestApiSchema(TODAY).safeParse({ ...base, title: "   " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["title"]);
  });

  it.each([
    [{ filedOn: "2026-11-24" }, "filedOn", "Filed date can't be in the future"],
    [{ filedOn: "2026-02-30" }, "filedOn", "Filed date must be a real date written as YYYY-MM-DD"],
    [{ filedOn: "2026-11-20", nextActionOn: "2026-11-19" }, "nextActionOn", "Next action date can't be before the filed date"],
    [{ portalUrl: "ftp://x.example" }, "portalUrl", "Portal link must be a web address starting with https://"],
  ])("refuses %j with a message on %s", (extra, field, message) => {
    const result = newRequestApiSchema(TODAY).safeParse({ ...base, ...extra });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toBe(message);
  });

  it("normalises tags: trimmed, lower case, single spaces, no duplicates", () => {
    expect(normalizeTags(" Stops ,joint   ask, stops,, ")).toEqual(["stops", "joint ask"]);
    expect(normalizeTags(["UoF", "uof"])).toEqual(["uof"]);
  });

  it("reads list filters, treating empty parameters as absent", () => {
    const parsed = parseRequestFilters(new URLSearchParams("status=&q=%20stops%20&page=2"));
    expect(parsed.success && parsed.data).toMatchObject({ q: "stops", page: 2, pageSize: 25 });
    // Searching sorts by best match unless a sort is asked for; otherwise by last update.
    expect(parsed.success && effectiveSort(parsed.data)).toBe("relevance");
    expect(effectiveSort({})).toBe("updated");
    expect(effectiveSort({ sort: "relevance" })).toBe("updated");
    expect(parseRequestFilters(new URLSearchParams("pageSize=1000")).success).toBe(false);
    expect(parseRequestFilters(new URLSearchParams("assignee=me")).success).toBe(true);
    expect(parseRequestFilters(new URLSearchParams("assignee=someone")).success).toBe(false);
  });
});

describe("list cursors", () => {
  const errorsOf = (query: string) => {
    const parsed = parseRequestFilters(new URLSearchParams(query));
    return parsed.success ? null : parsed.error.issues.map((i) => i.path.join("."));
  };
  const cursor = encodeCursor({ sort: "due", dir: "asc", before: false, key: "2026-12-01", id: "5f0c0c1e-3b1a-4c56-9d1e-0a3e7f1b2c3d" });

  it("round-trips, and a page of the same sort and direction reads it", () => {
    expect(decodeCursor(cursor)).toEqual({ sort: "due", dir: "asc", before: false, key: "2026-12-01", id: "5f0c0c1e-3b1a-4c56-9d1e-0a3e7f1b2c3d" });
    const parsed = parseRequestFilters(new URLSearchParams(`sort=due&cursor=${cursor}`));
    expect(parsed.success && parsed.data.cursor).toMatchObject({ key: "2026-12-01", before: false });
  });

  it("refuses a cursor that is garbled, edited, of another sort, or given with a page, naming the cursor", () => {
    expect(errorsOf("cursor=not-a-cursor")).toEqual(["cursor"]);
    expect(errorsOf(`sort=title&cursor=${cursor}`)).toEqual(["cursor"]);
    expect(errorsOf(`sort=due&dir=desc&cursor=${cursor}`)).toEqual(["cursor"]);
    expect(errorsOf(`sort=due&page=2&cursor=${cursor}`)).toEqual(["cursor"]);
    const badKey = Buffer.from(JSON.stringify(["due", "asc", "a", "'; drop table requests; --", "5f0c0c1e-3b1a-4c56-9d1e-0a3e7f1b2c3d"])).toString("base64url");
    expect(errorsOf(`sort=due&cursor=${badKey}`)).toEqual(["cursor"]);
    const badTime = Buffer.from(JSON.stringify(["updated", "desc", "a", "yesterday", "5f0c0c1e-3b1a-4c56-9d1e-0a3e7f1b2c3d"])).toString("base64url");
    expect(errorsOf(`cursor=${badTime}`)).toEqual(["cursor"]);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/requests?status=draft", "/requests?status=draft"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/ok\r\nSet-Cookie: x", "/"],
    [null, "/"],
    // Above U+00FF: percent-encoded, so it fits a Location header (it was a 500 once the session was made).
    ["/requests?q=\u0100\u20ac\u{1F600}", "/requests?q=%C4%80%E2%82%AC%F0%9F%98%80"],
    ["/requests/caf\u00e9#f\u0113", "/requests/caf%C3%A9#f%C4%93"],
    ["/a\uD800", "/a%EF%BF%BD"],
  ])("%j -> %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
    expect(() => new Headers({ Location: safeRedirectPath(input) })).not.toThrow();
  });
});
