import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "C.R.S. § 24-11-101(1), (2)",
  url: "https://casetext.com/statute/colorado-revised-statutes/title-24-government-state/administration/article-11-holidays/24-11-101-legal-holidays-effect",
  primary: true,
};
const DHR: Source = {
  cite: "State of Colorado holiday schedules FY 2021-22 to FY 2024-25 (Division of Human Resources)",
  url: "https://dhr.colorado.gov/state-employees/time-off-leave",
  primary: true,
};
const CORA: Source = {
  cite: "C.R.S. § 24-72-203(3)(b) (text as printed in the state's CWCB Board Member Handbook, 2004)",
  url: "https://dnrweblink.state.co.us/CWCB/0/doc/26326/Page41.aspx",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "CO",
    basis: {
      text:
        "CORA presumes a reasonable time to be three working days (24-72-203(3)(b)); working days are taken as weekdays other than the legal holidays of C.R.S. 24-11-101(1) as the state observes them (Division of Human Resources schedules), plus any Governor's holiday on which state offices close.",
      source: CORA,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "C.R.S. § 24-11-101(2) (Sunday: the following Monday); Saturday: the preceding Friday in the state holiday schedules (Christmas observed Fri 24 Dec 2021, New Year's Day Fri 31 Dec 2021, Veterans Day Fri 10 Nov 2023)",
        url: DHR.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Dr. Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Washington-Lincoln Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      {
        name: "Frances Xavier Cabrini Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 1 },
        years: { from: 2020 },
        source: HOLIDAYS,
        note: "Replaced Columbus Day (second Monday in October) by HB 20-1031; Columbus Day is no longer a state holiday.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Governor's holidays (administrative-leave closures of state offices: Fri 26 Nov 2021, Mon 3 Jul 2023, Fri 5 Jul 2024) are set year by year; none for 2026 or 2027 was read. Add them as dated closures from the DHR schedule.",
      "Cesar Chavez Day (31 March) may be taken by state employees in lieu of another holiday while departments stay open: not a closure.",
      "Year Juneteenth first applied (2022) is from the DHR schedules read (it first appears in FY 2023-24 listings) and the 2024 statute text, not from the enacting bill.",
      "Local governments (counties, cities, districts) set their own holiday schedules; CORA applies to them with the same three working days.",
    ],
  },
  law: {
    jurisdiction: "CO",
    lawName: "Colorado Open Records Act (CORA)",
    citation: "C.R.S. §§ 24-72-200.1 to 24-72-206",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: CORA,
      note: "A reasonable time is presumed to be three working days or less; the day of the request is not counted.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 7,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: CORA,
      note: "If extenuating circumstances exist (broadly stated requests for large categories of records, and the other listed cases), found in writing by the custodian and sent within the three-day period: up to seven additional working days.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the district court",
      bodyKind: "court",
      source: {
        cite: "C.R.S. § 24-72-204(5) (per the lead table)",
        url: "https://colorado.public.law/statutes/crs_24-72-203",
        primary: false,
      },
      note: "No administrative appeal: an application to the district court, after giving the custodian 14 days' written notice of intent to sue.",
    },
    deemedDenial: { applies: false, source: null, note: "CORA does not deem a late answer a denial." },
    unverified: [
      "24-72-203(3)(b) was read in a 2004 printing (\"a reasonable time shall be presumed to be three working days or less ... extension shall not exceed seven working days\"); later amendments to it and the text of 24-72-204(5) were not read.",
    ],
  },
  cases: [
    {
      name: "C.R.S. 24-72-203(3)(b), 24-11-101: 3 working days skip Frances Xavier Cabrini Day Mon 5 Oct 2026; 7-working-day extension counts Columbus Day",
      received: "2026-10-02",
      expect: { dueDate: "2026-10-08", extensionLimit: "2026-10-19" },
    },
    {
      name: "C.R.S. 24-72-203(3)(b), 24-11-101: Columbus Day Mon 11 Oct 2027 is a working day",
      received: "2027-10-08",
      expect: { dueDate: "2027-10-13" },
    },
    {
      name: "C.R.S. 24-72-203(3)(b), 24-11-101: Juneteenth on Sat 19 Jun 2027 observed Fri 18 Jun",
      received: "2027-06-16",
      expect: { dueDate: "2027-06-22" },
    },
    {
      name: "C.R.S. 24-72-203(3)(b), 24-11-101: 3 working days skip Veterans' Day Wed 11 Nov 2026",
      received: "2026-11-09",
      expect: { dueDate: "2026-11-13" },
    },
  ],
};
