import { describe, expect, it } from "vitest";
import { isPublicSlug } from "~/domain/public-requests";
import { publicSlug } from "~/domain/visibility";

describe("publicSlug", () => {
  it.each([
    ["Stop data 2024", "stop-data-2024-a1b2c3d4e5"],
    ["  Use-of-force reports (2019–2024)!  ", "use-of-force-reports-2019-2024-a1b2c3d4e5"],
    ["Données de la Policía: Ñandú", "donnees-de-la-policia-nandu-a1b2c3d4e5"],
    ["ALPR / Flock contract", "alpr-flock-contract-a1b2c3d4e5"],
    ["50% of calls_for_service", "50-of-calls-for-service-a1b2c3d4e5"],
  ])("makes %j into %s", (title, expected) => {
    expect(publicSlug(title, "a1b2c3d4e5")).toBe(expected);
  });

  it("is only the random tail when the title has no letters or digits to keep", () => {
    expect(publicSlug("!!! ???", "a1b2c3d4e5")).toBe("a1b2c3d4e5");
    expect(publicSlug("警察の記録", "a1b2c3d4e5")).toBe("a1b2c3d4e5");
    expect(publicSlug("", "a1b2c3d4e5")).toBe("a1b2c3d4e5");
  });

  it("keeps at most 60 characters of the title and never ends them with a hyphen", () => {
    const slug = publicSlug(`${"a".repeat(59)} bcd and more words`, "a1b2c3d4e5");
    expect(slug).toBe(`${"a".repeat(59)}-a1b2c3d4e5`);
    const long = publicSlug("Every record of every stop by every officer of the department since two thousand", "a1b2c3d4e5");
    expect(long.length).toBeLessThanOrEqual(60 + 1 + 10);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(long.endsWith("-a1b2c3d4e5")).toBe(true);
  });

  it("makes an address that the public pages accept, for any title", () => {
    for (const title of ["Stop data", "—", "Ünïcödé title", "a".repeat(500), "x/../../etc/passwd", "<script>alert(1)</script>"]) {
      const slug = publicSlug(title, "0f9e8d7c6b");
      expect(isPublicSlug(slug), slug).toBe(true);
      expect(slug).not.toMatch(/[/.<>]/);
    }
  });

  it("differs with the random tail, so two requests with one title get two addresses", () => {
    expect(publicSlug("Stop data", "0000000001")).not.toBe(publicSlug("Stop data", "0000000002"));
  });
});

describe("isPublicSlug", () => {
  it.each(["stop-data-a1b2c3d4e5", "a1b2c3d4e5", "x"])("accepts %s", (slug) => expect(isPublicSlug(slug)).toBe(true));
  it.each(["", "-stop", "Stop-Data", "stop data", "stop/data", "stop.data", "a".repeat(101), "%2e%2e"])("refuses %j", (slug) => expect(isPublicSlug(slug)).toBe(false));
});
