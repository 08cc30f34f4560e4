import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unverifiedMarkdown, UNVERIFIED_END, UNVERIFIED_START } from "../../app/domain/deadlines/unverified";

const readme = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "../../README.md"), "utf8");

describe("the README's list of unverified deadline facts", () => {
  it("is the one the reference files give (run npx tsx db/cli/unverified-report.ts --write after changing them)", () => {
    const start = readme.indexOf(UNVERIFIED_START);
    const end = readme.indexOf(UNVERIFIED_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + UNVERIFIED_START.length, end).trim()).toBe(unverifiedMarkdown().trim());
  });
});
