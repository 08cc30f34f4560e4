/**
 * Throughput of the statutory due-date fast path (`dueDateFor`): 1,000,000 (jurisdiction, received date)
 * pairs over 2025-2029 and all 52 jurisdictions, after a warm-up that also builds the holiday calendars.
 * Run with `npx tsx bench/deadlines.ts` (or `npm run bench:deadlines`). Always exits 0.
 */
import { LAW_TABLE } from "../app/domain/deadlines/laws";
import { dayNumberFromParts, dueDateFor, formatIsoDate } from "../app/domain/deadlines";

const PAIRS = 1_000_000;
const TARGET_PER_SECOND = 500_000;

// Deterministic inputs (xorshift32), built before timing: the benchmark measures due dates, not setup.
let seed = 0x9e3779b9;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x1_0000_0000;
}
const firstDay = dayNumberFromParts(2025, 1, 1);
const spanDays = dayNumberFromParts(2030, 1, 1) - firstDay;
const codes = LAW_TABLE.map((law) => law.jurisdiction);
const jurisdictions: string[] = new Array<string>(PAIRS);
const receivedDates: string[] = new Array<string>(PAIRS);
for (let i = 0; i < PAIRS; i++) {
  jurisdictions[i] = codes[i % codes.length]!; // every jurisdiction equally often
  receivedDates[i] = formatIsoDate(firstDay + Math.floor(random() * spanDays));
}

/** Returns a checksum over the results so the work cannot be optimised away. */
function run(count: number): number {
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const due = dueDateFor(jurisdictions[i]!, receivedDates[i]!);
    // Year-month-day digits folded in; no-deadline laws count as -1.
    checksum = due === null ? checksum - 1 : (checksum * 31 + due.charCodeAt(3) * 100 + due.charCodeAt(6) * 10 + due.charCodeAt(9)) | 0;
  }
  return checksum;
}

const warmUpStart = performance.now();
run(200_000);
// Make sure every (jurisdiction, year) calendar, including 2030 for late-December receipts, is built.
for (const code of codes) dueDateFor(code, "2029-12-31");
const warmUpMs = performance.now() - warmUpStart;

const start = performance.now();
const checksum = run(PAIRS);
const elapsedMs = performance.now() - start;
const perSecond = Math.round(PAIRS / (elapsedMs / 1000));

const nf = new Intl.NumberFormat("en-US");
console.log(`deadlines bench: ${nf.format(PAIRS)} due dates, ${codes.length} jurisdictions, received 2025-2029`);
console.log(`warm-up (incl. building holiday calendars): ${warmUpMs.toFixed(1)} ms`);
console.log(`total: ${elapsedMs.toFixed(1)} ms`);
console.log(`throughput: ${nf.format(perSecond)} due dates/s`);
console.log(`checksum: ${checksum}`);
console.log(
  perSecond >= TARGET_PER_SECOND
    ? `target ${nf.format(TARGET_PER_SECOND)}/s: MET`
    : `target ${nf.format(TARGET_PER_SECOND)}/s: NOT MET`,
);
