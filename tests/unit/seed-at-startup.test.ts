import { describe, expect, it } from "vitest";
import { seedDemoAtStartup } from "../../db/seed/when-to-seed";

describe("seeding the demo coalition at start-up", () => {
  it.each([
    // driver, SEED_DEMO, organizations already there, seeds?
    ["pglite", undefined, 0, true],
    ["pglite", true, 0, true],
    ["pglite", false, 0, false],
    ["pglite", undefined, 1, false],
    ["pglite", true, 3, false],
    // A Postgres server (DATABASE_URL) is never seeded at start-up, even empty, even with SEED_DEMO on.
    ["postgres", undefined, 0, false],
    ["postgres", true, 0, false],
    ["postgres", false, 0, false],
    ["postgres", undefined, 2, false],
  ] as const)("%s, SEED_DEMO=%s, %i organizations: %s", (driver, seedDemo, organizationCount, expected) => {
    expect(seedDemoAtStartup({ driver, seedDemo, organizationCount })).toBe(expected);
  });
});
