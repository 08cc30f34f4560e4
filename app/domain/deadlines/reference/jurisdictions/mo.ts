import type { JurisdictionReference, Source } from "../types";

const OA_CALENDAR: Source = {
  cite: "Missouri Office of Administration, State Holidays 2025-2026",
  url: "https://oa.mo.gov/print/468",
  primary: true,
};
const RSMO_9_010: Source = {
  cite: "RSMo § 9.010 (public holidays)",
  url: "https://holidays.uslegal.com/state-holidays/missouri-legal-holidays/",
  primary: true,
};
const RSMO_610_023: Source = {
  cite: "RSMo § 610.023.3-.4",
  url: "https://instalawyer.io/laws/missouri-revised-statutes/section-610023-records-of",
  primary: true,
};
const LEAD_COURT: Source = {
  cite: "RSMo § 610.027 (per the project's lead table, state-deadlines.tsv)",
  url: "http://statutes.laws-info.com/missouri/t39/c610/610_023",
  primary: false,
};

const stateHoliday = "On the Office of Administration's State Holidays list (State offices closed); a public holiday under RSMo § 9.010.";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MO",
    basis: {
      text:
        "The Sunshine Law counts \"business days\" without defining them; taken as the days State offices are open: not Saturdays, Sundays or the State holidays the Office of Administration publishes (the RSMo § 9.010 public holidays plus Juneteenth).",
      source: OA_CALENDAR,
    },
    weekend: { rule: "friday_monday", source: OA_CALENDAR },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Lincoln's Birthday", date: { kind: "fixed", month: 2, day: 12 }, source: OA_CALENDAR, note: stateHoliday + " Not a federal holiday." },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Truman Day", date: { kind: "fixed", month: 5, day: 8 }, source: OA_CALENDAR, note: stateHoliday + " Not a federal holiday." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: OA_CALENDAR, note: stateHoliday },
      {
        name: "Juneteenth",
        date: { kind: "fixed", month: 6, day: 19 },
        source: OA_CALENDAR,
        note: "On the Office of Administration's State Holidays list; made a state holiday by 2022 legislation (news report) after a 2021 executive closure.",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: OA_CALENDAR, note: stateHoliday },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: OA_CALENDAR, note: stateHoliday },
    ],
    unverified: [
      "The weekend rule: RSMo § 9.010 moves only a Sunday holiday (to the Monday); the Office of Administration moves a Saturday holiday to the Friday (Independence Day observed Fri 3 Jul 2026; New Year's Day 2022 observed Fri 31 Dec 2021 per a news report). The 2027 list was not published where read; 2027 follows the same rule (Truman Day Fri 7 May, Juneteenth Fri 18 Jun, Christmas Fri 24 Dec, New Year's Day 2028 Fri 31 Dec 2027).",
      "The codified text adding Juneteenth to § 9.010 (2022) was not read; the § 9.010 text read lists twelve holidays without it.",
      "The day after Thanksgiving is not a State holiday on the OA list; county and municipal calendars may differ.",
    ],
  },
  law: {
    jurisdiction: "MO",
    lawName: "Missouri Sunshine Law",
    citation: "RSMo §§ 610.010-610.035 (records requests § 610.023)",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: RSMO_610_023,
      note: "610.023.3: act on each request as soon as possible, but no later than the end of the third business day following the date the custodian receives it.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The law counts from the date the custodian receives the request and sets no further rule.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: RSMO_610_023,
      note: "610.023.3: if access is not granted immediately, the custodian must give a detailed explanation of the cause for further delay and the place and earliest time and date the record will be available; production may exceed three days for reasonable cause. No fixed length or cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the circuit court",
      bodyKind: "court",
      source: LEAD_COURT,
      note: "No administrative appeal; a suit to enforce the Sunshine Law (§ 610.027), which the Attorney General may also bring. On request, the custodian must give a written statement of the grounds for denial by the end of the third business day after the request for it (§ 610.023.4).",
    },
    deemedDenial: { applies: false, source: null, note: "The Sunshine Law does not deem a late response a denial." },
    unverified: [
      "The enforcement suit (§ 610.027) and its limitation period were not read.",
    ],
  },
  cases: [
    {
      name: "RSMo 610.023.3, 9.010: 3 business days skip Lincoln's Birthday Thu 12 Feb 2026 and Washington's Birthday Mon 16 Feb",
      received: "2026-02-10",
      expect: { dueDate: "2026-02-17" },
    },
    {
      name: "RSMo 610.023.3, 9.010: 3 business days skip Truman Day Fri 8 May 2026",
      received: "2026-05-06",
      expect: { dueDate: "2026-05-12" },
    },
    {
      name: "RSMo 610.023.3, 9.010: 3 business days skip Columbus Day Mon 12 Oct 2026",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-15" },
    },
    {
      name: "RSMo 610.023.3: the day after Thanksgiving (Fri 27 Nov 2026) is a business day; the reasonable-cause delay has no fixed limit",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-01", extensionLimit: null },
    },
    {
      name: "RSMo 610.023.3, OA weekend rule: Truman Day Sat 8 May 2027 closes Fri 7 May",
      received: "2027-05-05",
      expect: { dueDate: "2027-05-11" },
    },
  ],
};
