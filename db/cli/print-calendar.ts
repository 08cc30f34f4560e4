/**
 * Prints what a jurisdiction's reference file gives: its closed days for the years asked, and its hand-counted
 * cases. For checking reference data against its sources.
 *   npx tsx db/cli/print-calendar.ts app/domain/deadlines/reference/jurisdictions/tx.ts 2026 2027 [county]
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatHumanDate } from "../../app/domain/deadlines/calendar";
import { closedDaysInYear } from "../../app/domain/deadlines/reference/closures";
import type { JurisdictionReference } from "../../app/domain/deadlines/reference/types";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx db/cli/print-calendar.ts <jurisdiction file> <year> [year ...] [county]");
  process.exit(2);
}
const years = rest.filter((arg) => /^\d{4}$/.test(arg)).map(Number);
const county = rest.find((arg) => !/^\d{4}$/.test(arg)) ?? null;
const loaded = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
const reference = Object.values(loaded).find(
  (value): value is JurisdictionReference => typeof value === "object" && value !== null && "calendar" in value && "law" in value,
);
if (!reference) {
  console.error(`${file} exports no JurisdictionReference`);
  process.exit(2);
}
const { calendar, law } = reference;
console.log(`${calendar.jurisdiction}: weekend rule ${calendar.weekend.rule} (${calendar.weekend.source.cite})`);
for (const year of years.length ? years : [new Date().getUTCFullYear()]) {
  console.log(`\n${year}${county ? ` (${county})` : ""}`);
  for (const closed of closedDaysInYear(calendar, year, county)) {
    console.log(`  ${formatHumanDate(closed.day)}${closed.weekday ? "" : " [weekend]"}  ${closed.name}  — ${closed.source.cite}`);
  }
}
console.log(`\n${law.lawName} (${law.citation}): ${law.response.days ?? "no fixed"} ${law.response.dayType} days`);
console.log(`${reference.cases.length} hand-counted cases`);
