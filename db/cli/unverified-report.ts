/**
 * The README's list of what the deadline reference data could not settle from a primary source, per
 * jurisdiction, written from the reference files themselves.
 *   npx tsx db/cli/unverified-report.ts           prints it
 *   npx tsx db/cli/unverified-report.ts --write   rewrites it in README.md between its markers
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unverifiedMarkdown, UNVERIFIED_END, UNVERIFIED_START } from "../../app/domain/deadlines/unverified";

const markdown = unverifiedMarkdown();
if (process.argv.includes("--write")) {
  const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../README.md");
  const text = readFileSync(readme, "utf8");
  const start = text.indexOf(UNVERIFIED_START);
  const end = text.indexOf(UNVERIFIED_END);
  if (start === -1 || end === -1 || end < start) {
    console.error(`README.md has no ${UNVERIFIED_START} ... ${UNVERIFIED_END} markers`);
    process.exit(1);
  }
  writeFileSync(readme, `${text.slice(0, start + UNVERIFIED_START.length)}\n${markdown}\n${text.slice(end)}`);
  console.log("README.md updated");
} else {
  console.log(markdown);
}
