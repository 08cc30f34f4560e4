import type { JurisdictionReference } from "../types";

const OCGA_1_4_1 = {
  cite: "O.C.G.A. § 1-4-1(a), (b)",
  url: "https://holidays.uslegal.com/state-holidays/georgia-legal-holidays/",
  primary: true,
} as const;
const GA_2025 = {
  cite: "Georgia State Holidays 2025 (georgia.gov, Governor's designation under O.C.G.A. § 1-4-1)",
  url: "https://georgia.gov/georgia-state-holidays-2025",
  primary: true,
} as const;
const GA_2024_2025 = {
  cite: "State of Georgia Holiday Schedule 2024-2025 (georgia.gov)",
  url: "https://stage.team.georgia.gov/devel/load-with-references/node/296",
  primary: true,
} as const;
const PATTERN = {
  cite: "Governor's designations under O.C.G.A. § 1-4-1(b) for 2020-2025 (the unnamed state holidays on Good Friday and the Friday after Thanksgiving); 2026/2027 designation not read",
  url: "https://www.ajc.com/news/georgia-news/gov-brian-kemp-backs-juneteenth-as-georgia-state-holiday/DFMSE6VODBH6FMHS6MLILXK5WU/",
  primary: false,
} as const;
const ORA_71B = {
  cite: "O.C.G.A. § 50-18-71(b)(1)(A), as quoted by RCFP and MuckRock",
  url: "https://www.muckrock.com/place/united-states-of-america/georgia/exemption/constructive-denial-31/",
  primary: false,
} as const;
const ORA_71B_TIMETABLE = {
  cite: "O.C.G.A. § 50-18-71(b)(1)(A) (description and timetable), as paraphrased by a county library's open-records page",
  url: "https://forsythpl.org/open-records",
  primary: false,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "GA",
    basis: {
      text:
        "The Open Records Act counts business days (50-18-71(b)(1)(A)) without defining them; they are taken as the weekdays state offices are open. O.C.G.A. § 1-4-1 makes the federal holidays of 1 January 1984 public and legal holidays and has the Governor specify the days state offices close (13 since 2022), so Washington's Birthday is moved (to late December) and two unnamed 'state holidays' are placed by designation.",
      source: OCGA_1_4_1,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Governor's 2022 designation: Juneteenth (Sun 19 June 2022) observed Mon 20 June, as reported",
        url: "https://www.forsythnews.com/news/state/georgia-adds-juneteenth-list-state-holidays_forsythcounty/",
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: GA_2025 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: GA_2025 },
      {
        name: "State Holiday (Good Friday)",
        date: { kind: "easter", offset: -2 },
        years: { from: 2021 },
        source: PATTERN,
        note: "The unnamed April 26 state holiday was designated on Good Friday in 2021 and in each schedule read since (29 March 2024, 18 April 2025).",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: GA_2025 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: GA_2025 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: GA_2025 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: GA_2025 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: GA_2025 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: GA_2025 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: GA_2025 },
      {
        name: "State Holiday (Friday after Thanksgiving)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        years: { from: 2019 },
        source: PATTERN,
        note: "The unnamed January 19 state holiday, designated on the Friday after Thanksgiving in every schedule read (2019, 2020, 2024, 2025).",
      },
      {
        name: "Washington's Birthday (observed in December)",
        date: { kind: "dates", dates: ["2024-12-24", "2025-12-26"] },
        source: GA_2024_2025,
        note: "Georgia offices stay open on the third Monday in February; the Governor moves Washington's Birthday to a December day (24 Dec 2024, 26 Dec 2025). The 2026 and 2027 dates were not read.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: GA_2025 },
    ],
    unverified: [
      "The Governor's 2026 and 2027 holiday designations were not read. Good Friday and the Friday after Thanksgiving are applied from the 2019-2025 pattern; the December day for Washington's Birthday in 2026 and 2027 (24 or 26 December in past years) is missing and must be added when published.",
      "How the Governor places a Saturday or Sunday holiday (Friday before / Monday after) was read only in news reports (Juneteenth 2022 on Monday 20 June).",
      "Counties and cities set their own holiday schedules; business days for local agencies follow their own closures.",
    ],
  },
  law: {
    jurisdiction: "GA",
    lawName: "Georgia Open Records Act",
    citation: "O.C.G.A. §§ 50-18-70 to 50-18-77",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: ORA_71B,
      note: "Produce responsive records within a reasonable time not exceeding three business days of receipt; if records exist but cannot be produced in that time, give a description and a timetable within the three days. Intercollegiate sports records of the University System: 90 business days (50-18-71(b)(1)(A)). Where an agency designates officers to receive requests, the period starts only when the request reaches them.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The Act sets no deemed-receipt rule beyond the designated-officer rule in 50-18-71(b)(1)(B).",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: ORA_71B_TIMETABLE,
      note: "When records cannot be produced within three business days, the agency gives a description and a timetable within that period; the Act sets no limit on the timetable beyond reasonableness.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the superior court",
      bodyKind: "court",
      source: null,
      note: "No administrative appeal: civil action in superior court (O.C.G.A. § 50-18-73); the Attorney General may mediate disputes. No filing period was read.",
    },
    deemedDenial: {
      applies: false,
      source: null,
      note: "The Act has no deemed-denial rule; a failure to respond in three business days is a violation (Wallace v. Greene County, 274 Ga. App. 776 (2005), as cited by MuckRock).",
    },
    unverified: [
      "The text of O.C.G.A. § 50-18-71(b)(1)(A) was read only as quoted by RCFP and MuckRock and paraphrased by a county library; § 50-18-73 was not read.",
    ],
  },
  cases: [
    {
      name: "O.C.G.A. 50-18-71(b)(1)(A), 1-4-1: 3 business days count Presidents' Day Mon 16 Feb 2026 (Georgia offices open)",
      received: "2026-02-13",
      expect: { dueDate: "2026-02-18", extensionLimit: null },
    },
    {
      name: "O.C.G.A. 50-18-71(b)(1)(A), 1-4-1: 3 business days skip the state holiday on Good Friday 3 Apr 2026",
      received: "2026-04-01",
      expect: { dueDate: "2026-04-07" },
    },
    {
      name: "O.C.G.A. 50-18-71(b)(1)(A), 1-4-1: 3 business days skip Thanksgiving and the state holiday Fri 27 Nov 2026",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-02" },
    },
    {
      name: "O.C.G.A. 50-18-71(b)(1)(A), 1-4-1: 3 business days skip Columbus Day Mon 12 Oct 2026",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-15", appealDueDate: null },
    },
  ],
};
