import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LAW_TABLE,
  addBusinessDays,
  computeDeadline,
  countBusinessDays,
  dayNumberFromParts,
  dueDateFor,
  formatIsoDate,
  holidayName,
  isBusinessDay,
  isWeekend,
  parseIsoDate,
  type DeadlineEvent,
} from "../../app/domain/deadlines";

const FIRST = dayNumberFromParts(2024, 1, 1);
const LAST = dayNumberFromParts(2030, 12, 31);

const codes = LAW_TABLE.map((law) => law.jurisdiction);
const fixedLaws = LAW_TABLE.filter((law) => law.dayType !== "none");

const anyCode = fc.constantFrom(...codes);
const anyFixedLaw = fc.constantFrom(...fixedLaws);
const anyDay = fc.integer({ min: FIRST, max: LAST });

function toDay(iso: string | null): number {
  const day = iso === null ? null : parseIsoDate(iso);
  if (day === null) throw new Error(`expected a date, got ${iso}`);
  return day;
}

describe("deadline properties", () => {
  it("a due date is never a weekend day or a holiday", () => {
    fc.assert(
      fc.property(anyFixedLaw, anyDay, (law, received) => {
        const due = toDay(dueDateFor(law.jurisdiction, formatIsoDate(received)));
        expect(isWeekend(due)).toBe(false);
        expect(holidayName(law.jurisdiction, due)).toBeNull();
        expect(due).toBeGreaterThan(received);
      }),
      { numRuns: 2000 },
    );
  });

  it("later receipt never gives an earlier due date", () => {
    fc.assert(
      fc.property(anyFixedLaw, anyDay, fc.integer({ min: 0, max: 40 }), (law, first, gap) => {
        const earlier = toDay(dueDateFor(law.jurisdiction, formatIsoDate(first)));
        const later = toDay(dueDateFor(law.jurisdiction, formatIsoDate(first + gap)));
        expect(later).toBeGreaterThanOrEqual(earlier);
      }),
      { numRuns: 2000 },
    );
  });

  it("a pause never moves the due date earlier, and the fast path agrees with the full computation", () => {
    fc.assert(
      fc.property(
        anyFixedLaw,
        anyDay,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 3 }),
        fc.constantFrom("clarification_requested" as const, "fee_requested" as const),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        (law, received, cycles, reason, agreedOffset) => {
          const receivedDate = formatIsoDate(received);
          // Optionally an agreed date first, which may fall on a weekend: then the due date is that date as is.
          const start: DeadlineEvent[] =
            agreedOffset === null
              ? []
              : [{ type: "agreed_date", on: receivedDate, dueDate: formatIsoDate(received + agreedOffset), reason: "test" }];
          const plain = computeDeadline({ law, receivedDate, events: start });
          if (agreedOffset === null) expect(plain.dueDate).toBe(dueDateFor(law.jurisdiction, receivedDate));
          const events: DeadlineEvent[] = [...start];
          let cursor = received;
          for (const [wait, length] of cycles) {
            cursor += wait;
            events.push({ type: "paused", on: formatIsoDate(cursor), reason });
            cursor += length;
            events.push({ type: "resumed", on: formatIsoDate(cursor) });
          }
          const paused = computeDeadline({ law, receivedDate, events });
          const due = toDay(paused.dueDate);
          expect(due).toBeGreaterThanOrEqual(toDay(plain.dueDate));
          expect(due).toBeGreaterThanOrEqual(cursor); // never before the last resumption
          if (agreedOffset === null) expect(isBusinessDay(law.jurisdiction, due)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("adding n business days lands on a business day with exactly n business days in between", () => {
    fc.assert(
      fc.property(anyCode, anyDay, fc.integer({ min: 0, max: 300 }), (code, from, n) => {
        const to = addBusinessDays(code, from, n);
        expect(countBusinessDays(code, from, to)).toBe(n);
        if (n > 0) {
          expect(isBusinessDay(code, to)).toBe(true);
          // Walking day by day agrees with the year tables.
          let walked = from;
          for (let left = n; left > 0; ) {
            walked++;
            if (!isWeekend(walked) && holidayName(code, walked) === null) left--;
          }
          expect(to).toBe(walked);
        } else {
          expect(to).toBe(from);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("ISO date properties", () => {
  const anyYear = fc.integer({ min: 0, max: 9999 });

  it("parse and format round-trip for every day of years 0000-9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberFromParts(0, 1, 1), max: dayNumberFromParts(9999, 12, 31) }), (day) => {
        const iso = formatIsoDate(day);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(parseIsoDate(iso)).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });

  it("accepts exactly the dates that exist, agreeing with Date.UTC", () => {
    fc.assert(
      fc.property(anyYear, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, dayOfMonth) => {
        const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, dayOfMonth);
        const exists =
          month >= 1 &&
          dayOfMonth >= 1 &&
          date.getUTCFullYear() === year &&
          date.getUTCMonth() === month - 1 &&
          date.getUTCDate() === dayOfMonth;
        const parsed = parseIsoDate(iso);
        expect(parsed !== null).toBe(exists);
        if (parsed !== null) {
          expect(parsed).toBe(Math.round(date.getTime() / 86_400_000));
          expect(formatIsoDate(parsed)).toBe(iso);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
