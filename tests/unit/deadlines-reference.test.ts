import { describe, expect, it } from "vitest";
import { computeDeadline } from "../../app/domain/deadlines/compute";
import { LAW_TABLE, lawRuleFromReference } from "../../app/domain/deadlines/laws";
import { JURISDICTION_REFERENCES } from "../../app/domain/deadlines/reference";
import { closedDaysInYear } from "../../app/domain/deadlines/reference/closures";
import type { JurisdictionReference, Source } from "../../app/domain/deadlines/reference/types";

// Every jurisdiction's hand-counted cases (counted from the statute and the official calendar, never from
// the engine) against the engine, and the shape rules the reference data must keep.

function sourcesOf(reference: JurisdictionReference): Source[] {
  const { calendar, law } = reference;
  const all: (Source | null | undefined)[] = [
    calendar.basis.source,
    calendar.weekend.source,
    ...calendar.closures.map((c) => c.source),
    law.response.source,
    ...(law.responseVariants ?? []).map((v) => v.source),
    law.receipt.source,
    law.acknowledgement?.source,
    law.extension.source,
    law.extension.cap?.source,
    law.appeal.source,
    law.deemedDenial.source,
  ];
  return all.filter((s): s is Source => !!s);
}

describe("the deadline reference data", () => {
  it("covers federal FOIA, DC and the 50 states, one file each", () => {
    const codes = JURISDICTION_REFERENCES.map((r) => r.law.jurisdiction);
    expect(new Set(codes).size).toBe(codes.length);
    for (const reference of JURISDICTION_REFERENCES) expect(reference.calendar.jurisdiction).toBe(reference.law.jurisdiction);
    expect(LAW_TABLE.map((l) => l.jurisdiction)).toEqual([...codes].sort());
  });

  for (const reference of JURISDICTION_REFERENCES) {
    const code = reference.law.jurisdiction;
    describe(`${code}: ${reference.law.lawName}`, () => {
      it("cites a source with an address for every fact, and calls a source primary only when it is one", () => {
        for (const source of sourcesOf(reference)) {
          expect(source.cite.trim(), JSON.stringify(source)).not.toBe("");
          expect(source.url, source.cite).toMatch(/^https?:\/\/\S+$/);
        }
        const law = lawRuleFromReference(reference);
        if (law.confidence === "high") expect(reference.law.response.source.primary).toBe(true);
      });

      it("has closures that fall on real dates in 2026 and 2027, and names each", () => {
        for (const year of [2026, 2027]) {
          const closed = closedDaysInYear(reference.calendar, year);
          for (const day of closed) {
            expect(day.date.startsWith(String(year))).toBe(true);
            expect(day.name.trim()).not.toBe("");
          }
        }
      });

      it("has at least three hand-counted cases", () => {
        expect(reference.cases.length).toBeGreaterThanOrEqual(3);
      });

      const law = lawRuleFromReference(reference);
      for (const handCounted of reference.cases) {
        it(handCounted.name, () => {
          const result = computeDeadline({
            law,
            receivedDate: handCounted.received,
            receivedAt: handCounted.receivedAt ?? null,
            channel: handCounted.channel ?? null,
            governmentLevel: handCounted.governmentLevel ?? null,
            events: handCounted.events ?? [],
          });
          const { expect: wanted } = handCounted;
          const got: Record<string, string | null> = {};
          const want: Record<string, string | null> = {};
          if (wanted.dueDate !== undefined) {
            want.dueDate = wanted.dueDate;
            got.dueDate = result.dueDate;
          }
          if (wanted.acknowledgementDueDate !== undefined) {
            want.acknowledgementDueDate = wanted.acknowledgementDueDate;
            got.acknowledgementDueDate = result.acknowledgementDueDate;
          }
          if (wanted.appealDueDate !== undefined) {
            want.appealDueDate = wanted.appealDueDate;
            got.appealDueDate = result.appealDueDate ?? result.deemedDenialAppealDueDate;
          }
          if (wanted.extensionLimit !== undefined) {
            want.extensionLimit = wanted.extensionLimit;
            got.extensionLimit = result.extensionLimitDate;
          }
          expect(Object.keys(want).length, "a case checks at least one date").toBeGreaterThan(0);
          expect(got, result.steps.join("\n")).toEqual(want);
        });
      }
    });
  }
});
