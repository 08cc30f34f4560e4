import { readFileSync } from "node:fs";
import path from "node:path";
import { transform } from "esbuild";
import { describe, expect, it } from "vitest";

// The stylesheet goes through the same esbuild CSS parser that `remix build` uses. A missing "}" does not fail
// the build: it only warns, and every rule after it ends up nested inside the unclosed one, so none applies.
const file = path.join(path.dirname(new URL(import.meta.url).pathname), "../../app/styles/app.css");
const source = readFileSync(file, "utf8");

// esbuild drops the quotes of simple attribute values; compare selectors without them.
const normalise = (selector: string) => selector.replace(/"/g, "").replace(/\s+/g, " ").trim();

/** The selector of every rule written at the top level of the file (not inside @media), as written. */
function topLevelSelectors(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors: string[] = [];
  let depth = 0;
  let prelude = "";
  for (const char of withoutComments) {
    if (char === "{") {
      if (depth === 0 && !prelude.trim().startsWith("@")) selectors.push(normalise(prelude));
      depth += 1;
      prelude = "";
    } else if (char === "}") {
      depth -= 1;
      prelude = "";
    } else if (char === ";" && depth === 0) {
      prelude = "";
    } else if (depth === 0) {
      prelude += char;
    }
  }
  return selectors;
}

describe("app.css", () => {
  it("parses without a warning", async () => {
    const result = await transform(source, { loader: "css" });
    expect(result.warnings.map((warning) => `${warning.location?.line}: ${warning.text}`)).toEqual([]);
  });

  it("keeps every rule at the top level after parsing, so each one applies", async () => {
    const written = topLevelSelectors(source);
    // A sanity floor: the rules of every section are counted, not just the first ones.
    expect(written.length).toBeGreaterThan(150);
    for (const selector of [".tabs", ".chase-item", ".hash, .file-name", ".card-header", ".state-index ul"]) {
      expect(written).toContain(selector);
    }
    const parsed = new Set(topLevelSelectors((await transform(source, { loader: "css" })).code));
    const swallowed = written.filter((selector) => !parsed.has(selector));
    expect(swallowed).toEqual([]);
  });
});
