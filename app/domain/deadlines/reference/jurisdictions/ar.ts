import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "Ark. Code Ann. § 1-5-101(a), (b)",
  url: "https://www.legalfix.com/statutes/state-codes/arkansas/title-1/chapter-5/section-1-5-101",
  primary: true,
};
const FOIA_E: Source = {
  cite: "Ark. Code Ann. § 25-19-105(e) (quoted by MuckRock)",
  url: "https://www.muckrock.com/place/united-states-of-america/arkansas/",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "AR",
    basis: {
      text:
        "The FOIA's only period is \"within three (3) working days\" for records in active use or storage (25-19-105(e)). Working days are taken as weekdays other than the official state holidays of Ark. Code 1-5-101, on which all state offices are closed (1-5-102).",
      source: FOIA_E,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Ark. Code Ann. § 1-5-101(b) (Saturday: the preceding Friday; Sunday: the succeeding Monday)",
        url: HOLIDAYS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Dr. Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      {
        name: "George Washington's Birthday and Daisy Gatson Bates Day",
        date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 },
        source: HOLIDAYS,
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      { name: "Christmas Eve", date: { kind: "fixed", month: 12, day: 24 }, source: HOLIDAYS },
      {
        name: "Christmas Day",
        date: { kind: "fixed", month: 12, day: 25 },
        collision: "shift",
        source: HOLIDAYS,
        note: "When Christmas falls on a Saturday its Friday is already Christmas Eve, so it is taken to move to the Thursday (assumed from past state practice; not in the statute).",
      },
    ],
    unverified: [
      "Each employee's birthday (1-5-101(a)(11)) is a personal holiday, not an office closure, and is left out.",
      "Columbus Day, Good Friday and Lincoln's Birthday are memorial days only (1-5-106), and Juneteenth is not in 1-5-101: offices open. A 2025 bill to add Good Friday (and any other 2025 amendment) was read only in a summary; whether it passed is unknown.",
      "Days the Governor closes state offices by proclamation (1-5-103): none for 2026 or 2027 was read.",
      "Whether Christmas on Sat 25 Dec 2027 closes Thu 23 Dec (Christmas Eve being Friday): the 2027 state holiday schedule was not read.",
      "Local governments' own holiday schedules are not covered by 1-5-101 (\"applicable to state government\").",
    ],
  },
  law: {
    jurisdiction: "AR",
    lawName: "Arkansas Freedom of Information Act",
    citation: "Ark. Code Ann. §§ 25-19-101 to 25-19-110",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: FOIA_E,
      note:
        "Records are to be available at once; only a record in active use or storage may be certified as such in writing, with a date and hour set within three working days. The three days are the outer limit, not a general allowance.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "No receipt rule; requests may be made in person, by telephone, mail, fax or email.",
    },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: FOIA_E,
      note: "The Act provides no extension beyond the three working days.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the circuit court",
      bodyKind: "court",
      source: {
        cite: "Ark. Code Ann. § 25-19-107 (as described by the SPLC template)",
        url: "https://splc.org/template-arkansas/",
        primary: false,
      },
      note:
        "No administrative appeal: suit in circuit court. Personnel and evaluation records have their own route to an Attorney General opinion (25-19-105(c)(3)(B)).",
    },
    deemedDenial: { applies: false, source: null, note: "The Act does not deem a late answer a denial." },
    unverified: [
      "The text of 25-19-105(e) and 25-19-107 was read only as quoted by MuckRock and summarised by the SPLC; 2023-2025 amendments to the FOIA were not checked.",
    ],
  },
  cases: [
    {
      name: "Ark. Code 25-19-105(e), 1-5-101(a)(9), (10): 3 working days skip Christmas Eve and Christmas 24-25 Dec 2026",
      received: "2026-12-23",
      expect: { dueDate: "2026-12-30" },
    },
    {
      name: "Ark. Code 25-19-105(e), 1-5-101(b): 3 working days skip Christmas observed Thu 23 Dec and Christmas Eve Fri 24 Dec 2027",
      received: "2027-12-22",
      expect: { dueDate: "2027-12-29" },
    },
    {
      name: "Ark. Code 25-19-105(e), 1-5-101(b): New Year's Day 2028 observed Fri 31 Dec 2027 skipped",
      received: "2027-12-28",
      expect: { dueDate: "2028-01-03" },
    },
    {
      name: "Ark. Code 25-19-105(e), 1-5-106: Columbus Day Mon 12 Oct 2026 is a working day",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-14" },
    },
    {
      name: "Ark. Code 25-19-105(e), 1-5-101(a)(3): 3 working days skip Washington's Birthday and Daisy Gatson Bates Day Mon 16 Feb 2026",
      received: "2026-02-13",
      expect: { dueDate: "2026-02-19" },
    },
  ],
};
