import type { JurisdictionReference, Source } from "../types";

const OSHR_POLICY: Source = {
  cite: "NC Office of State Human Resources, Holidays Policy (G.S. 126-4(5), (5a); 25 NCAC 01E .0900)",
  url: "https://oshr.nc.gov/policies/holidays-policy",
  primary: true,
};
const OSHR_LIST: Source = {
  cite: "State holiday schedule (New Year's Day, MLK, Good Friday, Memorial Day, Independence Day, Labor Day, Veterans Day, Thanksgiving 2 days, Christmas 3 days) as summarised by LegalClarity and an archived OSHR policy copy",
  url: "https://legalclarity.org/north-carolina-state-employee-holiday-and-leave-guidelines",
  primary: false,
};
const NCAC_0905: Source = {
  cite: "25 NCAC 01E .0905 (alternative holiday schedules; substitute weekdays)",
  url: "http://ncrules.elaws.us/code/25ncac01e.0905",
  primary: true,
};
const GS_132_6: Source = {
  cite: "N.C. Gen. Stat. § 132-6(a)",
  url: "https://www.ncleg.net/EnactedLegislation/Statutes/HTML/BySection/Chapter_132/GS_132-6.html",
  primary: true,
};
const GS_132_9: Source = {
  cite: "N.C. Gen. Stat. § 132-9(a)",
  url: "https://instalawyer.io/laws/north-carolina-general-statutes/chapter-132-public-records-132-9-access-to",
  primary: true,
};

const listed = "On the State Human Resources Commission's holiday schedule (State offices closed).";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NC",
    basis: {
      text:
        "The Public Records Law sets no day-counted period, so the calendar only informs follow-ups. State offices close on the State Human Resources Commission's schedule of up to 12 paid holidays (G.S. 126-4(5), (5a)), which must include Dr. Martin Luther King, Jr.'s Birthday, Veterans Day and three days for Christmas; the longer list of legal public holidays in G.S. 103-4 does not close offices.",
      source: OSHR_POLICY,
    },
    weekend: {
      rule: "friday_monday",
      source: NCAC_0905,
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: OSHR_LIST, note: listed },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: OSHR_POLICY, note: listed },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: OSHR_LIST, note: listed + " Not a federal holiday." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: OSHR_LIST, note: listed },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: OSHR_LIST, note: listed },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: OSHR_LIST, note: listed },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: OSHR_POLICY, note: listed },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: OSHR_LIST, note: listed },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: OSHR_LIST,
        note: listed + " (Thanksgiving is two days.)",
      },
      {
        name: "Christmas Day",
        date: { kind: "fixed", month: 12, day: 25 },
        source: OSHR_POLICY,
        note: "One of the three Christmas days G.S. 126-4 requires; the other two are set in each year's schedule (not read).",
      },
    ],
    unverified: [
      "The 2026 and 2027 OSHR holiday schedules were not read. Which two further days make up the three Christmas days each year (usually Christmas Eve and the day after, moved around weekends) is not listed, so those two days count as business days here.",
      "The weekend rule (a Saturday holiday on the Friday before, a Sunday one on the Monday after) is from secondary summaries; 25 NCAC 01E .0905 confirms only that substitute weekdays are designated when a holiday falls on a weekend.",
      "Counties, cities and the university system set their own schedules (25 NCAC 01E .0905(1)); this calendar is the State agencies' one.",
      "Juneteenth, Confederate Memorial Day and the other G.S. 103-4 legal public holidays are not State-office closures.",
    ],
  },
  law: {
    jurisdiction: "NC",
    lawName: "North Carolina Public Records Law",
    citation: "N.C. Gen. Stat. ch. 132 (inspection and copies § 132-6)",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: GS_132_6,
      note: "§ 132-6(a): inspection at reasonable times and under reasonable supervision, copies \"as promptly as possible\". No fixed number of days.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The law sets no deemed-receipt rule (requests need not even be written).",
    },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: null,
      note: "No fixed period, so no extension mechanism.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the appropriate division of the General Court of Justice",
      bodyKind: "court",
      source: GS_132_9,
      note: "§ 132-9(a): an action for an order compelling disclosure, heard immediately and with priority, once the requester has complied with G.S. 7A-38.3E (mediation). No administrative appeal and no filing period.",
    },
    deemedDenial: { applies: false, source: null, note: "No fixed period, so nothing is deemed denied on a date." },
    unverified: [],
  },
  cases: [
    {
      name: "G.S. 132-6(a): \"as promptly as possible\", no due date even over Thanksgiving 26-27 Nov 2026",
      received: "2026-11-25",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "G.S. 132-6(a): no due date for a request received on Good Friday 26 Mar 2027",
      received: "2027-03-26",
      expect: { dueDate: null },
    },
    {
      name: "G.S. 132-9(a): a denial starts no statutory period for the court action",
      received: "2026-04-01",
      events: [{ type: "denied", on: "2026-04-06" }],
      expect: { dueDate: null, appealDueDate: null },
    },
  ],
};
