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

/**
 * Every jurisdiction once, worked out by hand on a printed calendar. Holidays are the federal ones plus the
 * state's own public holidays from date-holidays. `due` null means no fixed deadline; those rows give the
 * policy follow-up date (10 business days) instead.
 */
const CASES: { code: string; received: string; due: string | null; followUp?: string; why: string }[] = [
  { code: "US", received: "2026-11-02", due: "2026-12-02", why: "20 bd: skips Veterans Day Wed 11 Nov and Thanksgiving Thu 26 Nov; Fri 27 Nov is open" },
  { code: "DC", received: "2026-04-07", due: "2026-04-29", why: "15 bd: skips Emancipation Day Thu 16 Apr" },
  { code: "AK", received: "2026-03-23", due: "2026-04-07", why: "10 bd: skips Seward's Day Mon 30 Mar" },
  { code: "AL", received: "2026-03-02", due: "2026-04-02", why: "ack due Thu 12 Mar (10 cd); 15 bd from it" },
  { code: "AR", received: "2026-01-15", due: "2026-01-21", why: "3 bd: Fri 16, (Mon 19 MLK/Lee), Tue 20, Wed 21" },
  { code: "AZ", received: "2026-06-01", due: null, followUp: "2026-06-15", why: "no fixed days; 10 bd policy" },
  { code: "CA", received: "2026-03-21", due: "2026-04-01", why: "10 cd → Tue 31 Mar, César Chávez Day → Wed 1 Apr" },
  { code: "CO", received: "2026-10-01", due: "2026-10-07", why: "3 bd: Fri 2, (Mon 5 Cabrini Day), Tue 6, Wed 7" },
  { code: "CT", received: "2026-02-10", due: "2026-02-18", why: "4 bd: skips Lincoln's Birthday Thu 12 Feb and Presidents' Day Mon 16 Feb" },
  { code: "DE", received: "2026-10-19", due: "2026-11-10", why: "15 bd: skips Election Day Tue 3 Nov (even year)" },
  { code: "FL", received: "2026-11-18", due: null, followUp: "2026-12-04", why: "10 bd policy: skips Thanksgiving and the day after" },
  { code: "GA", received: "2026-04-23", due: "2026-04-29", why: "3 bd: Fri 24, (Mon 27 state holiday), Tue 28, Wed 29" },
  { code: "HI", received: "2026-06-08", due: "2026-06-24", why: "10 bd: skips Kamehameha Day Thu 11 Jun and Juneteenth Fri 19 Jun" },
  { code: "IA", received: "2026-01-09", due: null, followUp: "2026-01-26", why: "10 bd policy: skips MLK Day Mon 19 Jan" },
  { code: "ID", received: "2026-01-16", due: "2026-01-22", why: "3 bd: (Mon 19 MLK/Idaho Human Rights Day), Tue 20, Wed 21, Thu 22" },
  { code: "IL", received: "2026-05-13", due: "2026-05-21", why: "5 bd: skips Malcolm X Day Tue 19 May" },
  { code: "IN", received: "2026-04-28", due: "2026-05-06", why: "7 cd → Tue 5 May, Primary Election Day → Wed 6 May" },
  { code: "KS", received: "2026-09-04", due: "2026-09-10", why: "3 bd: skips Labor Day Mon 7 Sep" },
  { code: "KY", received: "2026-03-31", due: "2026-04-07", why: "5 bd: Good Friday is only an afternoon off in KY, so it counts" },
  { code: "LA", received: "2026-02-13", due: "2026-02-20", why: "3 bd: skips Presidents' Day Mon 16 and Mardi Gras Tue 17 Feb" },
  { code: "MA", received: "2026-04-13", due: "2026-04-28", why: "10 bd: skips Patriots' Day Mon 20 Apr" },
  { code: "MD", received: "2026-10-27", due: "2026-11-30", why: "30 cd → Thu 26 Nov (Thanksgiving), Fri 27 (MD holiday), weekend → Mon 30 Nov" },
  { code: "ME", received: "2026-04-16", due: "2026-04-24", why: "5 bd: skips Patriots' Day Mon 20 Apr" },
  { code: "MI", received: "2026-12-22", due: "2027-01-04", why: "5 bd: skips 24, 25, 31 Dec and 1 Jan" },
  { code: "MN", received: "2026-10-01", due: null, followUp: "2026-10-16", why: "10 bd policy: skips Indigenous Peoples' Day Mon 12 Oct" },
  { code: "MO", received: "2026-05-06", due: "2026-05-12", why: "3 bd: Thu 7, (Fri 8 Truman Day), Mon 11, Tue 12" },
  { code: "MS", received: "2026-04-22", due: "2026-05-04", why: "7 bd: skips Confederate Memorial Day Mon 27 Apr" },
  { code: "MT", received: "2026-11-03", due: "2026-11-10", why: "5 bd from Election Day itself: Wed 4 ... Tue 10 Nov" },
  { code: "NC", received: "2026-12-14", due: null, followUp: "2026-12-30", why: "10 bd policy: skips Christmas Eve Thu 24 and Christmas Fri 25 Dec" },
  { code: "ND", received: "2026-02-06", due: null, followUp: "2026-02-23", why: "10 bd policy: skips Presidents' Day Mon 16 Feb" },
  { code: "NE", received: "2026-04-22", due: "2026-04-29", why: "4 bd: skips Arbor Day Fri 24 Apr" },
  { code: "NH", received: "2026-11-25", due: "2026-12-04", why: "5 bd: skips Thanksgiving and the day after" },
  { code: "NJ", received: "2026-02-10", due: "2026-02-23", why: "7 bd: skips Lincoln's Birthday Thu 12 and Presidents' Day Mon 16 Feb" },
  { code: "NM", received: "2026-11-12", due: "2026-11-30", why: "15 cd → Fri 27 Nov (NM holiday) → Mon 30 Nov" },
  { code: "NV", received: "2026-10-26", due: "2026-11-03", why: "5 bd: skips Nevada Day Fri 30 Oct" },
  { code: "NY", received: "2026-11-02", due: "2026-11-10", why: "5 bd: skips Election Day Tue 3 Nov" },
  { code: "OH", received: "2026-08-03", due: null, followUp: "2026-08-17", why: "10 bd policy, no holidays" },
  { code: "OK", received: "2026-11-16", due: null, followUp: "2026-12-02", why: "10 bd policy: skips Thanksgiving and the day after" },
  { code: "OR", received: "2026-02-11", due: "2026-02-19", why: "5 bd: skips Presidents' Day Mon 16 Feb" },
  { code: "PA", received: "2026-12-21", due: "2026-12-29", why: "5 bd: skips Christmas Fri 25 Dec" },
  { code: "RI", received: "2026-08-03", due: "2026-08-18", why: "10 bd: skips Victory Day Mon 10 Aug" },
  { code: "SC", received: "2026-12-14", due: "2026-12-29", why: "10 bd: Christmas Eve open in SC, skips Christmas" },
  { code: "SD", received: "2026-10-01", due: "2026-10-16", why: "10 bd: skips Native American Day Mon 12 Oct" },
  { code: "TN", received: "2026-03-30", due: "2026-04-09", why: "7 bd: skips Good Friday 3 Apr" },
  { code: "TX", received: "2026-12-14", due: "2026-12-30", why: "10 bd: skips Christmas Eve and Christmas; 26 Dec is a Saturday" },
  { code: "UT", received: "2026-07-13", due: "2026-07-28", why: "10 bd: skips Pioneer Day Fri 24 Jul" },
  { code: "VA", received: "2026-10-30", due: "2026-11-09", why: "5 bd: skips Election Day Tue 3 Nov" },
  { code: "VT", received: "2026-08-14", due: "2026-08-20", why: "3 bd: skips Bennington Battle Day Mon 17 Aug" },
  { code: "WA", received: "2026-07-02", due: "2026-07-10", why: "5 bd: skips Independence Day observed Fri 3 Jul" },
  { code: "WI", received: "2026-09-01", due: null, followUp: "2026-09-17", why: "10 bd policy: skips Labor Day and Primary Election Day Tue 8 Sep" },
  { code: "WV", received: "2026-06-17", due: "2026-06-25", why: "5 bd: skips Juneteenth Fri 19 Jun; West Virginia Day is a Saturday" },
  { code: "WY", received: "2026-03-02", due: "2026-04-10", why: "ack due Wed 11 Mar (7 bd); 30 cd from it → Fri 10 Apr" },
];

describe("due dates for every jurisdiction (hand-computed)", () => {
  it("covers all 52 jurisdictions", () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(LAW_TABLE.map((l) => l.jurisdiction)));
  });

  for (const c of CASES) {
    it(`${c.code}: received ${c.received} → ${c.due ?? `no deadline, follow up ${c.followUp}`} (${c.why})`, () => {
      const result = computeDeadline({ law: law(c.code), receivedDate: c.received });
      expect(result.dueDate).toBe(c.due);
      expect(dueDateFor(c.code, c.received)).toBe(c.due);
      expect(result.statutory).toBe(c.due !== null);
      if (c.due === null) {
        expect(result.followUpDate).toBe(c.followUp);
        expect(result.flags).toContain("no_statutory_deadline");
        expect(result.longOverdueDate).toBeNull();
      }
    });
  }
});

describe("explanation", () => {
  it("explains the PA example step by step", () => {
    const result = computeDeadline({ law: law("PA"), receivedDate: "2026-12-21" });
    expect(result.steps[0]).toBe("Received Mon 21 Dec 2026; counting starts the next day");
    expect(result.steps[1]).toBe("5 business days (PA, 65 P.S. § 67.901), skipping Fri 25 Dec (Christmas Day) → Tue 29 Dec 2026");
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

  it("beyond the limit in total: flagged", () => {
    // A further 5 business days from Wed 16 Dec: 17, 18, 21, 22, 23 → Wed 23 Dec, past the 10-day limit.
    const result = computeDeadline({
      ...foia,
      events: [
        { type: "extended", on: "2026-11-30", days: 10, reason: "unusual circumstances", requesterAgreed: false },
        { type: "extended", on: "2026-12-15", days: 5, reason: "more records", requesterAgreed: false },
      ],
    });
    expect(result.dueDate).toBe("2026-12-23");
    expect(result.flags).toContain("extension_beyond_limit");
  });

  it("beyond the limit with the requester's agreement: not flagged", () => {
    const result = computeDeadline({
      ...foia,
      events: [{ type: "extended", on: "2026-11-30", newDueDate: "2027-01-15", reason: "narrowed scope", requesterAgreed: true }],
    });
    expect(result.dueDate).toBe("2027-01-15");
    expect(result.flags).toEqual([]);
  });

  it("any unilateral extension where the law allows none is flagged (GA)", () => {
    // GA: Thu 23 Apr 2026 → due Wed 29 Apr.
    const result = computeDeadline({
      law: law("GA"),
      receivedDate: "2026-04-23",
      events: [{ type: "extended", on: "2026-04-28", newDueDate: "2026-05-15", reason: "backlog", requesterAgreed: false }],
    });
    expect(result.dueDate).toBe("2026-05-15");
    expect(result.flags).toContain("extension_beyond_limit");
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
    expect(extended.dueDate).toBe("2026-06-05");
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
    // AZ, Mon 1 Jun 2026 + 15 business days, skipping Juneteenth Fri 19 Jun → Tue 23 Jun.
    const result = computeDeadline({ law: law("AZ"), receivedDate: "2026-06-01", policyFollowUpBusinessDays: 15 });
    expect(result.dueDate).toBeNull();
    expect(result.statutory).toBe(false);
    expect(result.followUpDate).toBe("2026-06-23");
    expect(result.steps.join("\n")).toMatch(/organization policy, not statutory/);
    expect(isOverdue(result, "2026-12-31", true)).toBe(false);
  });
});

describe("acknowledgement", () => {
  it("is due where the law sets a deadline", () => {
    expect(computeDeadline({ law: law("NY"), receivedDate: "2026-11-02" }).acknowledgementDueDate).toBe("2026-11-10");
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
      "Denied Tue 28 Apr 2026; no appeal period on file for GA. Check the route: No administrative appeal; superior court action (50-18-73); AG mediation available.",
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
