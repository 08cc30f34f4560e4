import type { JurisdictionReference, Source } from "../types";

const S2_2_1: Source = {
  cite: "W. Va. Code § 2-2-1",
  url: "http://code.wvlegislature.gov/email/2-2/",
  primary: true,
};
const S29B_1_3: Source = {
  cite: "W. Va. Code § 29B-1-3 (as quoted: 'within a maximum of five days not including Saturdays, Sundays or legal holidays')",
  url: "https://www.muckrock.com/place/united-states-of-america/west-virginia/exemption/constructive-denial-57/",
  primary: false,
};
const CSR_48_17_5: Source = {
  cite: "W. Va. Code R. § 48-17-5 (an agency's FOIA rule: five working days; furnish, set time and place, or deny)",
  url: "https://www.law.cornell.edu/regulations/west-virginia/W-Va-C-S-R-SS-48-17-5",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "WV",
    basis: {
      text:
        "The FOIA's five days exclude Saturdays, Sundays and legal holidays (§ 29B-1-3); the legal holidays are those of § 2-2-1, including West Virginia Day (20 June), Columbus Day, Lincoln's Day (the day after Thanksgiving) and statewide primary and general election days.",
      source: S2_2_1,
    },
    weekend: { rule: "friday_monday", source: S2_2_1 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S2_2_1 },
      { name: "Martin Luther King's Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S2_2_1 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S2_2_1 },
      {
        name: "Primary election day",
        date: { kind: "nthWeekday", month: 5, weekday: 2, nth: 2 },
        years: { step: 2, anchor: 2026 },
        weekend: "none",
        source: S2_2_1,
        note: "§ 2-2-1(a)(13): a holiday wherever an election is held; the statewide primary is taken as the second Tuesday in May of even years (election-law date not read).",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S2_2_1 },
      { name: "West Virginia Day", date: { kind: "fixed", month: 6, day: 20 }, source: S2_2_1 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S2_2_1 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S2_2_1 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: S2_2_1 },
      {
        name: "General election day (Susan B. Anthony Day)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        weekend: "none",
        source: S2_2_1,
        note: "§ 2-2-1(a)(13), (14): statewide general election in even years.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: S2_2_1 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S2_2_1 },
      { name: "Lincoln's Day", date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 }, source: S2_2_1 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S2_2_1 },
    ],
    unverified: [
      "Christmas Eve and New Year's Eve are half-day holidays for state employees when Christmas / New Year's Day fall Tuesday-Friday (state employee holiday schedule, secondary), and governors have made them full days by proclamation in some years (2018, 2021). A half day cannot be expressed; no 2026/2027 proclamation was read, so 24 and 31 December are counted as business days.",
      "The statewide primary date (second Tuesday in May, even years) is from the election calendar pattern, not from the election statute; special and local elections are holidays only where held (§ 2-2-1(a)(13)) and are not included. Days proclaimed by the Governor or the President (§ 2-2-1(a)(15)) are added only when proclaimed.",
    ],
  },
  law: {
    jurisdiction: "WV",
    lawName: "West Virginia Freedom of Information Act",
    citation: "W. Va. Code §§ 29B-1-3, 29B-1-5",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: S29B_1_3,
      note:
        "As soon as practicable but within a maximum of five days not including Saturdays, Sundays or legal holidays: furnish copies, state the time and place for inspection and copying, or deny in writing with reasons (§ 29B-1-3). Agency rules repeat it as five working days (e.g. W. Va. Code R. § 48-17-5).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: CSR_48_17_5,
      note: "The Act provides no extension; a response may instead set a later time and place for inspection.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the circuit court of the county where the record is kept",
      bodyKind: "court",
      source: {
        cite: "W. Va. Code R. § 46-8-8 (denial notice: injunctive or declaratory relief in circuit court, per § 29B-1-5)",
        url: "https://www.law.cornell.edu/regulations/west-virginia/W-Va-C-S-R-SS-46-8-8",
        primary: true,
      },
      note: "No administrative appeal; suit for injunctive or declaratory relief (§ 29B-1-5). No filing period read.",
    },
    deemedDenial: { applies: false, source: null, note: "The Act has no deemed-denial clause that was read." },
    unverified: ["§ 29B-1-3 was read only as quoted by MuckRock and an agency rule; § 29B-1-5 was not read in its own text."],
  },
  cases: [
    {
      name: "W. Va. Code 29B-1-3, 2-2-1(a)(5), (b): West Virginia Day Sat 20 Jun 2026 observed Fri 19 Jun",
      received: "2026-06-17",
      expect: { dueDate: "2026-06-25" },
    },
    {
      name: "W. Va. Code 29B-1-3, 2-2-1(a)(13): primary election day Tue 12 May 2026 skipped",
      received: "2026-05-08",
      expect: { dueDate: "2026-05-18" },
    },
    {
      name: "W. Va. Code 29B-1-3, 2-2-1(a)(13), (14): general election day Tue 3 Nov 2026 skipped; no extension",
      received: "2026-10-30",
      expect: { dueDate: "2026-11-09", extensionLimit: "2026-11-09" },
    },
    {
      name: "W. Va. Code 29B-1-3, 2-2-1(a)(10), (11): Thanksgiving and Lincoln's Day (26, 27 Nov 2026) skipped",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-03" },
    },
    {
      name: "W. Va. Code 29B-1-3, 2-2-1(a)(8): Columbus Day Mon 11 Oct 2027 skipped",
      received: "2027-10-08",
      expect: { dueDate: "2027-10-18" },
    },
  ],
};
