import { describe, expect, it } from "vitest";
import {
  LAW_TABLE,
  computeDeadline,
  dueDateFor,
  isLongOverdue,
  isOverdue,
  lawFor,
  type DeadlineEvent,
  type LawRule,
} from "../../app/domain/deadlines";

function law(code: string): LawRule {
  const found = lawFor(code);
  if (!found) throw new Error(`no law for ${code}`);
  return found;
}

// Every jurisdiction's own hand-counted cases, around its own holidays and with its receipt and extension
// rules, are in its reference file and run by deadlines-reference.test.ts. These tests cover the engine's
// mechanics (pauses, extensions, agreements, agency rules) on a few laws.

describe("explanation", () => {
  it("explains the PA example step by step", () => {
    const result = computeDeadline({ law: law("PA"), receivedDate: "2026-12-21" });
    expect(result.steps[0]).toBe("Received Mon 21 Dec 2026; counting starts the next day");
    expect(result.steps[1]).toBe(`5 business days (PA, ${law("PA").details!.responseCite}), skipping Fri 25 Dec (Christmas Day) → Tue 29 Dec 2026`);
    expect(law("PA").details!.responseCite).toMatch(/67\.901/);
    expect(result.flags).toEqual([]);
  });

  it("says when a calendar-day date rolls forward", () => {
    const result = computeDeadline({ law: law("CA"), receivedDate: "2026-12-30" });
    expect(result.steps[1]).toContain("→ Sat 9 Jan 2027 (a weekend day), rolled forward to Mon 11 Jan 2027");
  });
});

describe("calendar-day deadlines", () => {
  it("CA: 10 calendar days landing on a Saturday roll to Monday", () => {
    // Wed 30 Dec 2026 + 10 = Sat 9 Jan 2027 → Mon 11 Jan.
    expect(computeDeadline({ law: law("CA"), receivedDate: "2026-12-30" }).dueDate).toBe("2027-01-11");
  });

  it("CA: landing on Christmas (Friday) rolls over the weekend to Monday", () => {
    // Tue 15 Dec 2026 + 10 = Fri 25 Dec → Mon 28 Dec.
    expect(dueDateFor("CA", "2026-12-15")).toBe("2026-12-28");
  });

  it("CA: received on a Saturday still counts from Sunday", () => {
    // Sat 2 Jan 2027 + 10 = Tue 12 Jan.
    expect(dueDateFor("CA", "2027-01-02")).toBe("2027-01-12");
  });
});

describe("paused and resumed clock", () => {
  const paOnTuesday = { law: law("PA"), receivedDate: "2026-12-29" }; // due Wed 6 Jan 2027

  it("resumes with the business days that were left", () => {
    // Due Wed 6 Jan; paused Mon 4 Jan with Tue 5 and Wed 6 left; resumed Mon 11 → Tue 12, Wed 13.
    const result = computeDeadline({
      ...paOnTuesday,
      events: [
        { type: "paused", on: "2027-01-04", reason: "clarification_requested" },
        { type: "resumed", on: "2027-01-11" },
      ],
    });
    expect(result.dueDate).toBe("2027-01-13");
    expect(result.steps).toContain("Paused 4 Jan – 11 Jan (clarification requested); 2 business days were left → Wed 13 Jan 2027");
  });

  it("handles several pause/resume cycles", () => {
    const events: DeadlineEvent[] = [
      { type: "paused", on: "2027-01-04", reason: "clarification_requested" },
      { type: "resumed", on: "2027-01-11" }, // → Wed 13 Jan
      { type: "paused", on: "2027-01-12", reason: "fee_requested" }, // Wed 13 left
      { type: "resumed", on: "2027-01-25" }, // → Tue 26 Jan
    ];
    expect(computeDeadline({ ...paOnTuesday, events }).dueDate).toBe("2027-01-26");
    // A third pause on the due date itself leaves nothing: due on the resume day (Thu 28 Jan).
    const third: DeadlineEvent[] = [
      ...events,
      { type: "paused", on: "2027-01-26", reason: "fee_requested" },
      { type: "resumed", on: "2027-01-28" },
    ];
    expect(computeDeadline({ ...paOnTuesday, events: third }).dueDate).toBe("2027-01-28");
  });

  it("applies events in date order whatever order they are given in", () => {
    const result = computeDeadline({
      ...paOnTuesday,
      events: [
        { type: "resumed", on: "2027-01-11" },
        { type: "paused", on: "2027-01-04", reason: "clarification_requested" },
      ],
    });
    expect(result.dueDate).toBe("2027-01-13");
  });

  it("paused after the due date: due on the resume date, rolled to a business day", () => {
    // Due Tue 29 Dec 2026; paused Mon 4 Jan, resumed Sat 9 Jan → Mon 11 Jan.
    const result = computeDeadline({
      law: law("PA"),
      receivedDate: "2026-12-21",
      events: [
        { type: "paused", on: "2027-01-04", reason: "fee_requested" },
        { type: "resumed", on: "2027-01-09" },
      ],
    });
    expect(result.dueDate).toBe("2027-01-11");
  });

  it("counts calendar days for calendar-day laws", () => {
    // CA: Mon 2 Mar 2026 + 10 = Thu 12 Mar; paused Fri 6 Mar with 6 days left; resumed Fri 13 → Thu 19 Mar.
    const result = computeDeadline({
      law: law("CA"),
      receivedDate: "2026-03-02",
      events: [
        { type: "paused", on: "2026-03-06", reason: "clarification_requested" },
        { type: "resumed", on: "2026-03-13" },
      ],
    });
    expect(result.dueDate).toBe("2026-03-19");
  });

  it("while paused there is no due date, only what was left", () => {
    const result = computeDeadline({
      ...paOnTuesday,
      events: [{ type: "paused", on: "2027-01-04", reason: "fee_requested" }],
    });
    expect(result.dueDate).toBeNull();
    expect(result.flags).toContain("paused");
    expect(result.pausedSince).toBe("2027-01-04");
    expect(result.remainingDays).toBe(2);
    expect(result.remainingDayType).toBe("business");
    expect(isOverdue(result, "2027-03-01", true)).toBe(false);
  });

  it("a pause never brings the due date forward (same-day pause before an agreed Saturday)", () => {
    // Agreed due Sat 9 Jan; paused and resumed Wed 6 Jan with Thu 7, Fri 8 left: Fri 8 would be earlier.
    const result = computeDeadline({
      ...paOnTuesday,
      events: [
        { type: "agreed_date", on: "2027-01-04", dueDate: "2027-01-09", reason: "staff out" },
        { type: "paused", on: "2027-01-06", reason: "fee_requested" },
        { type: "resumed", on: "2027-01-06" },
      ],
    });
    expect(result.dueDate).toBe("2027-01-09");
  });

  it("flags and ignores a resume without a pause", () => {
    const result = computeDeadline({ ...paOnTuesday, events: [{ type: "resumed", on: "2027-01-04" }] });
    expect(result.dueDate).toBe("2027-01-06");
    expect(result.flags).toContain("ignored_event");
  });
});

describe("extensions", () => {
  const foia = { law: law("US"), receivedDate: "2026-11-02" }; // due Wed 2 Dec 2026

  it("within the law's limit: new due date, no flag", () => {
    // +10 business days from Wed 2 Dec: 3, 4, 7-11, 14, 15, 16 → Wed 16 Dec.
    const result = computeDeadline({
      ...foia,
      events: [{ type: "extended", on: "2026-11-30", days: 10, reason: "unusual circumstances", requesterAgreed: false }],
    });
    expect(result.dueDate).toBe("2026-12-16");
    expect(result.flags).not.toContain("extension_beyond_limit");
  });

  it("beyond the limit in total: flagged, the law's limit stays the due date and the agency's date is proposed", () => {
    // A further 5 business days from Wed 16 Dec: 17, 18, 21, 22, 23 → Wed 23 Dec, past the 10-day limit (Wed 16 Dec).
    const result = computeDeadline({
      ...foia,
      events: [
        { type: "extended", on: "2026-11-30", days: 10, reason: "unusual circumstances", requesterAgreed: false },
        { type: "extended", on: "2026-12-15", days: 5, reason: "more records", requesterAgreed: false },
      ],
    });
    expect(result.dueDate).toBe("2026-12-16");
    expect(result.proposedDueDate).toBe("2026-12-23");
    expect(result.extensionLimitDate).toBe("2026-12-16");
    expect(result.flags).toContain("extension_beyond_limit");
    expect(result.steps.join("\n")).toMatch(/the due date stays Wed 16 Dec 2026 under the law, and Wed 23 Dec 2026 is the agency's proposed date/);
  });

  it("beyond the limit with the requester's agreement: not flagged", () => {
    const result = computeDeadline({
      ...foia,
      events: [{ type: "extended", on: "2026-11-30", newDueDate: "2027-01-15", reason: "narrowed scope", requesterAgreed: true }],
    });
    expect(result.dueDate).toBe("2027-01-15");
    expect(result.flags).toEqual([]);
  });

  it("any unilateral extension where the law allows none is flagged and keeps the statutory date (AR)", () => {
    // AR, 3 business days: Thu 15 Jan 2026 → Fri 16, (Mon 19 MLK Day closed), Tue 20, Wed 21 Jan.
    const result = computeDeadline({
      law: law("AR"),
      receivedDate: "2026-01-15",
      events: [{ type: "extended", on: "2026-01-20", newDueDate: "2026-02-06", reason: "backlog", requesterAgreed: false }],
    });
    expect(result.dueDate).toBe("2026-01-21");
    expect(result.proposedDueDate).toBe("2026-02-06");
    expect(result.flags).toContain("extension_beyond_limit");
    expect(result.steps.join("\n")).toMatch(/AR allows no extension/);
  });

  it("an extension that needs the requester's consent is within the law only with it (MD GP 4-203(d))", () => {
    const received = { law: law("MD"), receivedDate: "2026-03-02" };
    const due = computeDeadline(received).dueDate!;
    const alone = computeDeadline({ ...received, events: [{ type: "extended", on: "2026-03-10", days: 30, reason: "volume", requesterAgreed: false }] });
    expect(alone.dueDate).toBe(due);
    expect(alone.flags).toContain("extension_beyond_limit");
    const agreed = computeDeadline({ ...received, events: [{ type: "extended", on: "2026-03-10", days: 30, reason: "volume", requesterAgreed: true }] });
    expect(agreed.dueDate! > due).toBe(true);
    expect(agreed.flags).not.toContain("extension_beyond_limit");
    expect(agreed.proposedDueDate).toBeNull();
  });

  it("counts in the law's extension day type (PA: 30 calendar days after the 5 business days)", () => {
    // Due Tue 29 Dec 2026 + 30 calendar days = Thu 28 Jan 2027.
    const result = computeDeadline({
      law: law("PA"),
      receivedDate: "2026-12-21",
      events: [{ type: "extended", on: "2026-12-28", days: 30, reason: "legal review", requesterAgreed: false }],
    });
    expect(result.dueDate).toBe("2027-01-28");
    expect(result.flags).toEqual([]);
  });

  it("an extension logged while paused applies when the clock restarts", () => {
    // FOIA due Wed 2 Dec; paused Mon 30 Nov (Tue 1, Wed 2 left); extension logged Tue 1 Dec;
    // resumed Mon 7 Dec → Tue 8, Wed 9; then +10 bd: 10, 11, 14-18, 21, 22, 23 → Wed 23 Dec.
    const result = computeDeadline({
      ...foia,
      events: [
        { type: "paused", on: "2026-11-30", reason: "fee_requested" },
        { type: "extended", on: "2026-12-01", days: 10, reason: "unusual circumstances", requesterAgreed: false },
        { type: "resumed", on: "2026-12-07" },
      ],
    });
    expect(result.dueDate).toBe("2026-12-23");
    expect(result.flags).not.toContain("extension_beyond_limit");
  });
});

describe("agreed dates and agency rules", () => {
  it("an agreed date replaces the due date; a later unilateral extension past it is flagged", () => {
    // MA: due Tue 28 Apr 2026; agreed Fri 29 May; then the agency alone moves it to Fri 5 Jun.
    const agreed = computeDeadline({
      law: law("MA"),
      receivedDate: "2026-04-13",
      events: [{ type: "agreed_date", on: "2026-04-27", dueDate: "2026-05-29", reason: "large request" }],
    });
    expect(agreed.dueDate).toBe("2026-05-29");
    expect(agreed.flags).toEqual([]);
    const extended = computeDeadline({
      law: law("MA"),
      receivedDate: "2026-04-13",
      events: [
        { type: "agreed_date", on: "2026-04-27", dueDate: "2026-05-29", reason: "large request" },
        { type: "extended", on: "2026-05-28", newDueDate: "2026-06-05", reason: "backlog", requesterAgreed: false },
      ],
    });
    expect(extended.dueDate).toBe("2026-05-29");
    expect(extended.proposedDueDate).toBe("2026-06-05");
    expect(extended.flags).toContain("extension_beyond_limit");
  });

  it("an agreed date ends a pause", () => {
    const result = computeDeadline({
      law: law("PA"),
      receivedDate: "2026-12-29",
      events: [
        { type: "paused", on: "2027-01-04", reason: "fee_requested" },
        { type: "agreed_date", on: "2027-01-08", dueDate: "2027-02-01", reason: "fee settled" },
      ],
    });
    expect(result.dueDate).toBe("2027-02-01");
    expect(result.flags).not.toContain("paused");
  });

  it("an agency rule replaces the statutory period", () => {
    // TX agency with a 20-calendar-day rule: Mon 2 Mar 2026 + 20 = Sun 22 Mar → Mon 23 Mar.
    const result = computeDeadline({
      law: law("TX"),
      receivedDate: "2026-03-02",
      agencyRule: { days: 20, dayType: "calendar", reason: "city charter" },
    });
    expect(result.dueDate).toBe("2026-03-23");
    expect(result.statutory).toBe(true);
    expect(result.flags).toContain("agency_rule");
    expect(result.steps[1]).toContain("agency rule: city charter");
  });

  it("an agency rule gives a due date even where the law has no fixed number (AZ)", () => {
    // Mon 1 Jun 2026 + 5 business days → Mon 8 Jun.
    const result = computeDeadline({
      law: law("AZ"),
      receivedDate: "2026-06-01",
      agencyRule: { days: 5, dayType: "business", reason: "department policy" },
    });
    expect(result.dueDate).toBe("2026-06-08");
    expect(result.flags).not.toContain("no_statutory_deadline");
  });
});

describe("no fixed deadline", () => {
  it("follows up by the organization's policy, labelled as not statutory", () => {
    // AZ, Mon 1 Jun 2026 + 15 business days; Arizona offices are open on Juneteenth → Mon 22 Jun.
    const result = computeDeadline({ law: law("AZ"), receivedDate: "2026-06-01", policyFollowUpBusinessDays: 15 });
    expect(result.dueDate).toBeNull();
    expect(result.statutory).toBe(false);
    expect(result.followUpDate).toBe("2026-06-22");
    expect(result.steps.join("\n")).toMatch(/organization policy, not statutory/);
    expect(isOverdue(result, "2026-12-31", true)).toBe(false);
  });
});

describe("acknowledgement", () => {
  it("is due where the law sets a deadline", () => {
    // NY: state offices stay open on Election Day (a floating holiday): Mon 2 Nov 2026 + 5 bd → Mon 9 Nov.
    expect(computeDeadline({ law: law("NY"), receivedDate: "2026-11-02" }).acknowledgementDueDate).toBe("2026-11-09");
    // OR: Wed 11 Feb 2026 + 5 bd skipping Presidents' Day → Thu 19 Feb.
    expect(computeDeadline({ law: law("OR"), receivedDate: "2026-02-11" }).acknowledgementDueDate).toBe("2026-02-19");
    expect(computeDeadline({ law: law("PA"), receivedDate: "2026-12-21" }).acknowledgementDueDate).toBeNull();
  });

  it("AL counts the period from the actual acknowledgement when it was on time", () => {
    // Acknowledged Wed 4 Mar 2026; 15 bd: 5, 6, 9-13, 16-20, 23, 24, 25 → Wed 25 Mar.
    const result = computeDeadline({
      law: law("AL"),
      receivedDate: "2026-03-02",
      events: [{ type: "acknowledged", on: "2026-03-04" }],
    });
    expect(result.dueDate).toBe("2026-03-25");
  });

  it("AL counts from the acknowledgement deadline when the acknowledgement was late", () => {
    const result = computeDeadline({
      law: law("AL"),
      receivedDate: "2026-03-02",
      events: [{ type: "acknowledged", on: "2026-03-16" }],
    });
    expect(result.dueDate).toBe("2026-04-02");
  });
});

describe("overdue, long overdue and appeal", () => {
  const pa = computeDeadline({ law: law("PA"), receivedDate: "2026-12-21" });

  it("is overdue after the due date while open", () => {
    expect(isOverdue(pa, "2026-12-29", true)).toBe(false);
    expect(isOverdue(pa, "2026-12-30", true)).toBe(true);
    expect(isOverdue(pa, "2026-12-30", false)).toBe(false);
  });

  it("is long overdue at twice the period", () => {
    // 10 bd from Mon 21 Dec: 22, 23, 24, 28, 29, 30, 31, 4, 5, 6 Jan (Christmas and New Year skipped).
    expect(pa.longOverdueDate).toBe("2027-01-06");
    expect(isLongOverdue(pa, "2027-01-06", true)).toBe(false);
    expect(isLongOverdue(pa, "2027-01-07", true)).toBe(true);
    expect(isLongOverdue(pa, "2027-01-07", false)).toBe(false);
  });

  it("gives the appeal deadline from the denial date where the law has one", () => {
    // US: Mon 2 Mar 2026 + 90 calendar days = Sun 31 May → Mon 1 Jun.
    const us = computeDeadline({ law: law("US"), receivedDate: "2026-02-02", events: [{ type: "denied", on: "2026-03-02" }] });
    expect(us.appealDueDate).toBe("2026-06-01");
    // PA: Mon 5 Jan 2026 + 15 business days, skipping MLK Day Mon 19 Jan → Tue 27 Jan.
    const pa2 = computeDeadline({ law: law("PA"), receivedDate: "2025-12-22", events: [{ type: "denied", on: "2026-01-05" }] });
    expect(pa2.appealDueDate).toBe("2026-01-27");
  });

  it("has no appeal date, but a prompt, where the law gives no period", () => {
    const ga = computeDeadline({ law: law("GA"), receivedDate: "2026-04-23", events: [{ type: "denied", on: "2026-04-28" }] });
    expect(ga.appealDueDate).toBeNull();
    expect(ga.flags).toContain("appeal_deadline_unknown");
    expect(ga.steps.find((step) => step.startsWith("Denied"))).toBe(
      `Denied Tue 28 Apr 2026; no appeal period on file for GA. Check the route: ${law("GA").appealNote}`,
    );
    expect(computeDeadline({ law: law("GA"), receivedDate: "2026-04-23" }).flags).not.toContain("appeal_deadline_unknown");
  });
});

describe("input validation", () => {
  it("rejects malformed dates and unknown jurisdictions", () => {
    expect(() => computeDeadline({ law: law("PA"), receivedDate: "2026-02-30" })).toThrow(RangeError);
    expect(() =>
      computeDeadline({ law: law("PA"), receivedDate: "2026-02-03", events: [{ type: "denied", on: "03/02/2026" }] }),
    ).toThrow(RangeError);
    expect(() => dueDateFor("XX", "2026-02-03")).toThrow(RangeError);
    expect(() => dueDateFor("PA", "2026-2-3")).toThrow(RangeError);
  });
});
