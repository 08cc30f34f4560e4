import type { JurisdictionReference, Source } from "../types";

const S8_4_101: Source = {
  cite: "Wyo. Stat. § 8-4-101",
  url: "https://statutes.laws.com/wyoming/Title8/chapter4",
  primary: true,
};
const S16_4_202: Source = {
  cite: "Wyo. Stat. § 16-4-202(a)-(c)",
  url: "https://casetext.com/statute/wyoming-statutes/title-16-city-county-state-and-local-powers/chapter-4-uniform-municipal-fiscal-procedures-public-records-documents-and-meetings/article-2-public-records/section-16-4-202-right-of-inspection-rules-and-regulations-unavailability-training",
  primary: true,
};
const S16_4_202_SECONDARY: Source = {
  cite: "Wyo. Stat. § 16-4-202(c)(iii) (30 days from acknowledged receipt), as summarised",
  url: "http://uwbrandingiron.com/2020/02/06/the-ease-of-receiving-public-records",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "WY",
    basis: {
      text:
        "The Public Records Act counts its notice period in \"business days\" (§ 16-4-202(b), (c)(i)) without defining them; records are open \"during business hours of the governmental entity\" (§ 16-4-202(a)). Business days are taken as weekdays other than the legal holidays of § 8-4-101, on which state offices close (Department of Administration and Information holiday-leave rule, 006-6 Wyo. Code R. § 6-4(b)).",
      source: S8_4_101,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Wyo. Stat. § 8-4-101(b) (Sunday: the Monday after); 006-6 Wyo. Code R. § 6-4(c) (holidays on a regularly scheduled day off)",
        url: "https://www.law.cornell.edu/regulations/wyoming/006-6-Wyo-Code-R-SS-6-4",
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S8_4_101 },
      { name: "Martin Luther King, Jr., Wyoming Equality Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S8_4_101 },
      { name: "Washington's and Lincoln's birthdays", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S8_4_101 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S8_4_101 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S8_4_101 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S8_4_101 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: S8_4_101 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S8_4_101 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S8_4_101 },
    ],
    unverified: [
      "Saturday holidays: § 8-4-101(b) moves only a Sunday New Year's Day, Independence Day, Christmas Day or Veterans Day to Monday; the Friday-before rule for a Saturday holiday comes from the state HR holiday-leave rule 006-6 Wyo. Code R. § 6-4(c), whose subsection (c) text was cut off where it was read. The Friday before a Saturday holiday is taken as closed (e.g. Fri 3 Jul 2026, Fri 24 Dec 2027); not confirmed from an official 2026/2027 state calendar.",
      "No official 2026 or 2027 state holiday calendar from the Department of Administration and Information was found; any governor-granted extra day (e.g. Christmas Eve) for those years is not included.",
      "Not closures: Juneteenth (§ 8-4-107: third Saturday of June; does not authorise offices to close), Wyoming Day, Native American Day and other commemorative days of ch. 8-4; Columbus Day and the day after Thanksgiving are not Wyoming legal holidays. § 8-4-101(a)(xi) days (a presidential day of mourning declared by the governor) are added only as dated entries when declared.",
    ],
  },
  law: {
    jurisdiction: "WY",
    lawName: "Wyoming Public Records Act",
    citation: "Wyo. Stat. §§ 16-4-201 to 16-4-205; § 16-4-202(c)",
    response: {
      days: 30,
      dayType: "calendar",
      countsFrom: "acknowledgement",
      source: S16_4_202_SECONDARY,
      note:
        "A readily available record is released immediately (§ 16-4-202(c)(ii)); all records no later than 30 days from the date of acknowledged receipt of the request (§ 16-4-202(c)(iii)). The 7 business days from acknowledged receipt are only for telling the applicant the records are not held (§ 16-4-202(b)) or are in active use or storage (§ 16-4-202(c)(i)): they are not an acknowledgement deadline. The Act sets no deadline for the acknowledgement itself.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The periods run from the date the entity acknowledges receipt, not from arrival; the Act sets no receipt rule.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S16_4_202_SECONDARY,
      note:
        "§ 16-4-202(c)(iii) allows the 30 days to be exceeded for good cause, with notice to the applicant; the exact terms (who decides, any ombudsman role) were not read in the statute's text, and no fixed length is known.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Public Records Ombudsman",
      bodyKind: "other",
      source: {
        cite: "Wyo. Stat. § 16-4-201 (ombudsman), as summarised",
        url: "http://uwbrandingiron.com/2020/02/06/the-ease-of-receiving-public-records",
        primary: false,
      },
      note: "No administrative appeal with a period: the ombudsman (since 1 July 2019) mediates disputes; the applicant may apply to the district court (§ 16-4-203). Neither sets a time limit that was read.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the district court",
        bodyKind: "court",
        source: null,
        note: "§ 16-4-203 (not read in primary text).",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "The Act has no deemed-denial provision that was read." },
    unverified: [
      "§ 16-4-202(c)(iii) (30 days from acknowledged receipt and the good-cause extension) was cut off where the statute text was read; the 30-day figure and its counting from acknowledged receipt come from the ombudsman's statement in a news report and the lead table. Whether the 30 days are calendar days is from secondary sources.",
      "2026 bill 26LSO-0051 (3-business-day acknowledgement, 10-day release, ombudsman-granted extensions, effective 1 July 2026) was read only in a bill-tracking summary; whether it passed was not established, so the pre-2026 law is recorded.",
    ],
  },
  cases: [
    {
      name: "Wyo. Stat. 16-4-202(c)(iii), 8-4-101: 30 days from acknowledgement end on Thanksgiving 26 Nov 2026; Fri 27 Nov is open in Wyoming",
      received: "2026-10-26",
      events: [{ type: "acknowledged", on: "2026-10-27" }],
      expect: { dueDate: "2026-11-27", extensionLimit: null },
    },
    {
      name: "Wyo. Stat. 16-4-202(c)(iii), 8-4-101(a)(iv): day 30 Sat 4 Jul 2026 rolls to Mon 6 Jul",
      received: "2026-06-03",
      events: [{ type: "acknowledged", on: "2026-06-04" }],
      expect: { dueDate: "2026-07-06" },
    },
    {
      name: "Wyo. Stat. 16-4-202(c)(iii), 8-4-101(a)(vii): day 30 Veterans Day Wed 11 Nov 2026 rolls to Thu 12 Nov",
      received: "2026-10-09",
      events: [{ type: "acknowledged", on: "2026-10-12" }],
      expect: { dueDate: "2026-11-12" },
    },
    {
      name: "Wyo. Stat. 16-4-202(c)(iii), 006-6 WCR 6-4(c): day 30 Fri 24 Dec 2027 (Christmas observed) rolls to Mon 27 Dec",
      received: "2027-11-23",
      events: [{ type: "acknowledged", on: "2027-11-24" }],
      expect: { dueDate: "2027-12-27" },
    },
  ],
};
