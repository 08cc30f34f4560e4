import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "Ala. Code § 1-3-8(a), (b) (text as quoted in 2025 HB155, introduced)",
  url: "https://app.legiplex.com/al/legislature/2025/2025-r/bills/hb155/drafts-latest",
  primary: true,
};
const STATE_CALENDAR: Source = {
  cite: "State of Alabama holiday schedule (inform.alabama.gov, 2023)",
  url: "https://inform.alabama.gov/calendar.aspx",
  primary: true,
};
const CASETEXT = "https://casetext.com/statute/code-of-alabama/title-36-public-officers-and-employees/chapter-12-maintenance-use-etc-of-public-property-records-etc/article-3-inspection-and-copying-of-records";
const S44 = (pinpoint: string): Source => ({
  cite: `Ala. Code § 36-12-44${pinpoint}`,
  url: `${CASETEXT}/section-36-12-44-public-officer-response-to-request`,
  primary: true,
});
const S43: Source = {
  cite: "Ala. Code § 36-12-43(b)(1)",
  url: `${CASETEXT}/section-36-12-43-policy-definitions`,
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "AL",
    basis: {
      text:
        "For the Open Records Act a \"business day\" is \"a day that the public officer's office is open to the public and conducting normal operations\" (36-12-43(b)(1)). State offices close on the holidays of Ala. Code 1-3-8; any other day a particular office is closed is an agency closure.",
      source: S43,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Ala. Code § 1-3-8(a) (\"If any holiday falls on Sunday, the following day is the holiday. If any holiday falls on Saturday, the preceding day is the holiday.\")",
        url: HOLIDAYS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      {
        name: "Robert E. Lee's and Martin Luther King, Jr.'s birthday",
        date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 },
        source: HOLIDAYS,
      },
      {
        name: "George Washington's and Thomas Jefferson's birthday",
        date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 },
        source: HOLIDAYS,
      },
      {
        name: "Mardi Gras",
        date: { kind: "easter", offset: -47 },
        onlyIn: ["Baldwin", "Mobile"],
        source: STATE_CALENDAR,
        note: "Observed in Baldwin and Mobile Counties only (state offices there close); other state employees get a personal leave day instead.",
      },
      { name: "Confederate Memorial Day", date: { kind: "nthWeekday", month: 4, weekday: 1, nth: 4 }, source: HOLIDAYS },
      { name: "National Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Jefferson Davis' birthday", date: { kind: "nthWeekday", month: 6, weekday: 1, nth: 1 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      {
        name: "Columbus Day, Fraternal Day and American Indian Heritage Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: HOLIDAYS,
      },
      {
        name: "Veterans' Day",
        date: { kind: "fixed", month: 11, day: 11 },
        source: HOLIDAYS,
        note: "1-3-8(a) closes all state, county and municipal offices on Veterans' Day.",
      },
      {
        name: "Thanksgiving Day",
        date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 },
        source: HOLIDAYS,
        note: "1-3-8 names \"the day designated by the Governor for public thanksgiving\"; the fourth Thursday is assumed.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Juneteenth is not in Ala. Code 1-3-8 (as quoted in 2025 HB155); the Governor closed state offices for it by memorandum each year from 2021 (news reports; the 2023 state calendar lists 19 June as \"State Holiday\"). No memorandum for 2026 or 2027 was read, so it is not in the calendar: add it as a dated closure when the memorandum is read.",
      "Other one-year closures by the Governor (the day after Thanksgiving, listed as \"State Holiday\" on 24 Nov 2023; Christmas Eve; 5 July 2019) were not found for 2026 or 2027.",
      "Whether 2025 HB155 (federal holidays) or HB27 (remove Jefferson Davis' birthday) passed: only their introduced texts and summaries were read; a third-party closing list still shows Jefferson Davis' birthday on 1 June 2026.",
      "County and municipal offices: 1-3-8 requires only state offices (and, on Veterans' Day, all offices) to close; local offices' own holidays are agency closures under the 36-12-43 \"office open\" definition.",
    ],
  },
  law: {
    jurisdiction: "AL",
    lawName: "Alabama Open Records Act",
    citation: "Ala. Code §§ 36-12-40 to 36-12-46",
    response: {
      days: 15,
      dayType: "business",
      countsFrom: "acknowledgement",
      source: S44("(a)(4)"),
      note:
        "Standard request (under eight hours of staff time): a substantive response within 15 business days of acknowledging receipt. Time-intensive requests have their own periods (45 business days per the bill summaries; 36-12-44(b) was not read). Residents only; the judicial branch is exempt.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: {
        cite: "Ala. Code § 36-12-45(b)(2)",
        url: `${CASETEXT}/section-36-12-45-written-procedures-for-requests-alternate-request-procedures`,
        primary: true,
      },
      note:
        "Absent the officer's own written procedures, a hand-delivered request is received when it reaches the main office, a mailed one on actual receipt. A request not made under the officer's written procedures need not be answered (36-12-45(a)(3)).",
    },
    acknowledgement: {
      days: 10,
      dayType: "calendar",
      source: S44("(a)(3)"),
      note: "\"within 10 days of receiving the request\": the text says days, not business days (bill summaries say 10 business days).",
    },
    extension: {
      kind: "unilateral",
      days: 15,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: true,
      cap: {
        days: 30,
        dayType: "business",
        countsFrom: "acknowledgement",
        source: S44("(a)(5)"),
      },
      source: S44("(a)(4)"),
      note:
        "Extensions in 15-business-day increments on written notice. A rebuttable presumption of denial arises at the earlier of 30 business days or 60 calendar days after acknowledgement (36-12-44(a)(5)); 30 business days is the earlier in practice, so it is the cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the circuit court",
      bodyKind: "court",
      source: null,
      note: "No administrative appeal and no statutory period: a civil action in circuit court, where the presumption of denial supports suit.",
    },
    deemedDenial: {
      applies: true,
      source: S44("(a)(5)"),
      note:
        "A rebuttable presumption of denial when no substantive response (or no production) within the earlier of 30 business days or 60 calendar days after acknowledgement: later than the 15-business-day due date.",
    },
    unverified: [
      "The time-intensive request periods (36-12-44(b)) and the court route were not read in the statute text; they come from bill summaries and the lead table.",
      "Whether the acknowledgement period is 10 calendar days (the text read: \"within 10 days\") or 10 business days (bill summaries).",
    ],
  },
  cases: [
    {
      name: "Ala. Code 36-12-44(a)(3), (a)(4), 1-3-8: acknowledgement day 10 on Sat 25 Apr 2026 rolls past Confederate Memorial Day Mon 27 Apr; 15 business days from acknowledgement skip it",
      received: "2026-04-15",
      events: [{ type: "acknowledged", on: "2026-04-17" }],
      expect: { acknowledgementDueDate: "2026-04-28", dueDate: "2026-05-11" },
    },
    {
      name: "Ala. Code 36-12-44(a)(4), (a)(5), 1-3-8: 15 business days skip Memorial Day and Jefferson Davis' birthday Mon 1 Jun 2026; extensions capped at 30 business days from acknowledgement",
      received: "2026-05-15",
      events: [{ type: "acknowledged", on: "2026-05-18" }],
      expect: { dueDate: "2026-06-10", extensionLimit: "2026-07-01" },
    },
    {
      name: "Ala. Code 36-12-44(a)(4), 1-3-8: 15 business days skip Columbus Day, Fraternal Day and American Indian Heritage Day Mon 12 Oct 2026",
      received: "2026-09-29",
      events: [{ type: "acknowledged", on: "2026-10-01" }],
      expect: { dueDate: "2026-10-23" },
    },
    {
      name: "Ala. Code 36-12-44(a)(3): 10-day acknowledgement ending Sat 26 Dec 2026 rolls to Mon 28 Dec",
      received: "2026-12-16",
      expect: { acknowledgementDueDate: "2026-12-28" },
    },
  ],
};
