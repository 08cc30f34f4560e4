import type { JurisdictionReference, Source } from "../types";

const S2_2_3300: Source = {
  cite: "Va. Code § 2.2-3300",
  url: "https://law.lis.virginia.gov/vacodefull/title2.2/chapter33",
  primary: true,
};
const S2_2_3300_TAIL: Source = {
  cite: "Va. Code § 2.2-3300 (Columbus Day and Yorktown Victory Day, Election Day, Veterans Day, Thanksgiving and the Friday next following, Christmas; weekend rule), not read past Labor Day",
  url: "https://law.lis.virginia.gov/vacodefull/title2.2/chapter33",
  primary: false,
};
const S2_2_3704: Source = {
  cite: "Va. Code § 2.2-3704(B), (C) (text as quoted by Louisa County)",
  url: "https://visitlouisa.com/FAQ.aspx?QID=190",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "VA",
    basis: {
      text:
        "The FOIA counts \"working days\"/\"work days\" (§ 2.2-3704(B)) without defining them; they are taken as weekdays other than the legal holidays of § 2.2-3300, on which state offices close (Election Day and the Friday after Thanksgiving included).",
      source: S2_2_3300,
    },
    weekend: { rule: "friday_monday", source: S2_2_3300_TAIL },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S2_2_3300 },
      { name: "Martin Luther King, Jr., Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S2_2_3300 },
      { name: "George Washington Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S2_2_3300 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S2_2_3300 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2020 }, source: S2_2_3300 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S2_2_3300 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S2_2_3300 },
      { name: "Columbus Day and Yorktown Victory Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: S2_2_3300_TAIL },
      {
        name: "Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { from: 2020 },
        source: S2_2_3300_TAIL,
        note: "Every year (Virginia holds November elections annually); replaced Lee-Jackson Day in 2020.",
      },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: S2_2_3300_TAIL },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S2_2_3300_TAIL },
      { name: "Friday next following Thanksgiving", date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 }, source: S2_2_3300_TAIL },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S2_2_3300_TAIL },
    ],
    unverified: [
      "The part of § 2.2-3300 after Labor Day (Columbus Day and Yorktown Victory Day, Election Day, Veterans Day, Thanksgiving and the Friday after, Christmas, and the Saturday->Friday / Sunday->Monday rule) was not shown where the statute was read; it is recorded from secondary sources (state university holiday schedules, holiday listings) and should be checked against the Code.",
      "Governors usually grant extra closing time around Christmas (e.g. Christmas Eve, half days before Thanksgiving); no 2026 or 2027 executive order or DHRM announcement was read, so none is included.",
    ],
  },
  law: {
    jurisdiction: "VA",
    lawName: "Virginia Freedom of Information Act",
    citation: "Va. Code §§ 2.2-3704, 2.2-3713",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: S2_2_3704,
      note:
        "Promptly, and in all cases within five working days of receiving a request: provide the records, or respond in writing that they are withheld (in whole or part, citing the Code section), cannot be found, or cannot practically be provided within the five days. Only citizens of the Commonwealth and media representatives have the right of access (§ 2.2-3704(A)).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 7,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S2_2_3704,
      note:
        "If, within the five working days, the body responds that it is not practically possible to respond and specifies the conditions, it has an additional seven work days (60 work days for criminal investigative files, § 2.2-3706.1). More time only by agreement with the requester or by petition to a court for an extraordinary volume or search (§ 2.2-3704(C)).",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the general district or circuit court (petition for mandamus or injunction)",
      bodyKind: "court",
      source: null,
      note: "No administrative appeal; petition under § 2.2-3713 (no filing period read). The FOIA Council gives advisory opinions only.",
    },
    deemedDenial: {
      applies: true,
      source: { cite: "Va. Code § 2.2-3704(E)", url: "https://visitlouisa.com/FAQ.aspx?QID=190", primary: false },
      note: "Failure to respond to a request is deemed a denial and a violation of the Act (§ 2.2-3704(E)); its text was not read.",
    },
    unverified: [
      "§ 2.2-3704 was read only as quoted on a county FAQ page; § 2.2-3704(E) (deemed denial) and § 2.2-3713 were not read.",
      "The 60-work-day extension for criminal investigative files and the court-petition extension cannot be expressed as government-level variants; they are in the extension note.",
    ],
  },
  cases: [
    {
      name: "Va. Code 2.2-3704(B), 2.2-3300: Election Day Tue 3 Nov 2026 skipped; +7 work days under 2.2-3704(B)(4) skip Veterans Day",
      received: "2026-10-30",
      expect: { dueDate: "2026-11-09", extensionLimit: "2026-11-19" },
    },
    {
      name: "Va. Code 2.2-3704(B), 2.2-3300: Thanksgiving and the Friday next following (26, 27 Nov 2026) skipped",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-03" },
    },
    {
      name: "Va. Code 2.2-3704(B), 2.2-3300: Columbus Day and Yorktown Victory Day Mon 12 Oct 2026 skipped",
      received: "2026-10-08",
      expect: { dueDate: "2026-10-16" },
    },
    {
      name: "Va. Code 2.2-3704(B), 2.2-3300: Christmas Sat 25 Dec 2027 observed Fri 24 Dec; extension skips Fri 31 Dec (New Year's Day observed)",
      received: "2027-12-21",
      expect: { dueDate: "2027-12-29", extensionLimit: "2028-01-10" },
    },
  ],
};
