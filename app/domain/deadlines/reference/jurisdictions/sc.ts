import type { JurisdictionReference, Source } from "../types";

const S53_5_10: Source = {
  cite: "S.C. Code Ann. § 53-5-10 (as amended 2009, Act No. 33)",
  url: "http://scstatehouse.gov/code/t53c005.php",
  primary: true,
};
const DSHR: Source = {
  cite: "S.C. Department of Administration, Division of State Human Resources, Holiday Leave (holiday schedule and weekend observance)",
  url: "https://admin.sc.gov/services/state-human-resources/benefits-and-leave/holiday-leave",
  primary: true,
};
const SC_2026: Source = {
  cite: "2026 South Carolina state holiday schedule (as republished)",
  url: "https://hyring.com/blog/holiday-lists/usa/south-carolina",
  primary: false,
};
const S30_4_30_OLD: Source = {
  cite: "S.C. Code Ann. § 30-4-30(c) (2014 text: 'excepting Saturdays, Sundays, and legal public holidays'; request 'considered approved' if no timely notice)",
  url: "https://law.justia.com/codes/south-carolina/2014/title-30/chapter-4/section-30-4-30",
  primary: true,
};
const S30_4_30_2017: Source = {
  cite: "S.C. Code Ann. § 30-4-30(C) as amended 2017 (10 business days; 20 for records over 24 months old; records within 30 / 35 calendar days)",
  url: "https://masc.sc/node/1169",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "SC",
    basis: {
      text:
        "The FOIA counts its response period excepting Saturdays, Sundays and legal public holidays (§ 30-4-30(C)); the legal holidays are those of § 53-5-10, which include Confederate Memorial Day, the day after Thanksgiving and 24, 25 and 26 December. State offices observe them on the dates in the Division of State Human Resources schedule.",
      source: S30_4_30_OLD,
    },
    weekend: { rule: "friday_monday", source: DSHR },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S53_5_10 },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S53_5_10 },
      { name: "George Washington's Birthday / President's Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S53_5_10 },
      { name: "Confederate Memorial Day", date: { kind: "fixed", month: 5, day: 10 }, source: S53_5_10, note: "10 May 2026 is a Sunday: observed Monday 11 May 2026 (2026 state schedule)." },
      { name: "National Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S53_5_10 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S53_5_10 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S53_5_10 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: S53_5_10 },
      { name: "National Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S53_5_10 },
      { name: "Day after Thanksgiving", date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 }, source: S53_5_10 },
      { name: "Christmas Eve", date: { kind: "fixed", month: 12, day: 24 }, source: S53_5_10 },
      {
        name: "Christmas Day",
        date: { kind: "fixed", month: 12, day: 25 },
        collision: "shift",
        source: S53_5_10,
        note: "On a Saturday its Friday is Christmas Eve, so it is taken on the Thursday before (assumed for 2027; not confirmed from a 2027 schedule).",
      },
      {
        name: "Day after Christmas",
        date: { kind: "fixed", month: 12, day: 26 },
        weekend: "monday_both",
        source: SC_2026,
        note: "Sat 26 Dec 2026 is observed Monday 28 December in the 2026 state schedule (the Friday before is Christmas Day).",
      },
    ],
    unverified: [
      "The 2026 dates (Confederate Memorial Day Mon 11 May, Independence Day Fri 3 Jul, Day after Christmas Mon 28 Dec) were read only in a republication of the 2026 state schedule; the official DSHR page was read with its 2025 schedule only. No 2027 schedule was read: Christmas Day on Sat 25 Dec 2027 is taken as observed Thu 23 Dec (Christmas Eve keeps Fri 24 Dec) and the day after Christmas as Mon 27 Dec; the official schedule may differ.",
      "Juneteenth, Columbus Day and general election days are not South Carolina legal holidays (election day was removed in 2000); offices stay open. Closures for weather follow the county where the office is (not modelled).",
    ],
  },
  law: {
    jurisdiction: "SC",
    lawName: "South Carolina Freedom of Information Act",
    citation: "S.C. Code Ann. §§ 30-4-10 et seq.; § 30-4-30(C)",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: S30_4_30_2017,
      note:
        "Within 10 business days of receipt the public body notifies its determination (20 business days if the records are more than 24 months old); records granted are then furnished within 30 calendar days of the determination (35 for records over 24 months old), or of receipt of a required deposit. Certain records (recent incident reports, jail rosters, minutes) are available immediately in person (§ 30-4-50(D)). Before 2017 the period was 15 days excluding weekends and legal holidays.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
    },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S30_4_30_2017,
      note: "No extension of the determination deadline; only the separate 20-business-day period for records over 24 months old, and the production periods after the determination or deposit.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the circuit court",
      bodyKind: "court",
      source: null,
      note: "No administrative appeal; a person may sue in circuit court for declaratory or injunctive relief (§ 30-4-100). The period for suit was not read.",
    },
    deemedDenial: {
      applies: false,
      source: S30_4_30_OLD,
      note: "The opposite: if notice of the determination is not given in time, the request must be considered approved (§ 30-4-30(C)).",
    },
    unverified: [
      "The current (2017) text of § 30-4-30(C)-(D) was not read; the 10/20 business days and 30/35 calendar days are from the Municipal Association of South Carolina's summary. The 'legal public holidays' wording and the deemed-approval rule were read in the 2014 text.",
      "The 20-business-day period for records more than 24 months old cannot be expressed as a government-level variant; it is in the response note only.",
    ],
  },
  cases: [
    {
      name: "S.C. Code 30-4-30(C), 53-5-10: 10 business days skip Confederate Memorial Day observed Mon 11 May 2026",
      received: "2026-05-07",
      expect: { dueDate: "2026-05-22", extensionLimit: "2026-05-22" },
    },
    {
      name: "S.C. Code 30-4-30(C), 53-5-10: 24, 25 Dec and Day after Christmas observed Mon 28 Dec 2026, New Year's Day 2027 skipped",
      received: "2026-12-21",
      expect: { dueDate: "2027-01-08" },
    },
    {
      name: "S.C. Code 30-4-30(C), 53-5-10: Thanksgiving and the day after (26, 27 Nov 2026) skipped",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-10" },
    },
    {
      name: "S.C. Code 30-4-30(C), 53-5-10: Juneteenth Fri 19 Jun 2026 counts; stops before Independence Day observed Fri 3 Jul",
      received: "2026-06-18",
      expect: { dueDate: "2026-07-02" },
    },
  ],
};
