import type { JurisdictionReference } from "../types";

const SPD_2019 = {
  cite: "Indiana State Personnel Department, State Holidays 2019 (dates the Governor declared)",
  url: "https://webharvest.gov/congress115th/20190108210055im_/https://www.in.gov/spd/2555.htm",
  primary: true,
} as const;
const SPD_2015 = {
  cite: "Indiana State Personnel Department, State Holidays 2015",
  url: "http://in.gov/spd/2555.htm",
  primary: true,
} as const;
const SPD_PATTERN = {
  cite: "Governor's observance dates in the SPD schedules 2014-2019 (Lincoln's Birthday on the Friday after Thanksgiving; Washington's Birthday in late December); the 2026/2027 schedules were not read",
  url: "http://www.state.in.us/spd/2555.htm",
  primary: false,
} as const;
const APRA_9 = {
  cite: "IC 5-14-3-9(a)-(b), as reproduced in the West Terre Haute code § 35.20",
  url: "https://codelibrary.amlegal.com/codes/westterrehaute/latest/west_terrehaute_in/0-0-0-924",
  primary: false,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "IN",
    basis: {
      text:
        "APRA's periods are in hours and calendar days (IC 5-14-3-9); closed days matter only when a period ends on one (rolled to the next business day). Closed days are those of the State Personnel Department's holiday schedule, on which the Governor sets the observance of the state's legal holidays.",
      source: SPD_2019,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "SPD schedules: Independence Day Sat 4 July 2015 observed Fri 3 July; Christmas Sun 25 Dec 2016 observed Mon 26 Dec (Monday-Friday operations)",
        url: SPD_2015.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: SPD_2019 },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: SPD_2019 },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: SPD_2019 },
      {
        name: "Primary Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 5, weekday: 1, nth: 1 }, days: 1 },
        source: SPD_2019,
        note: "Observed every year in the schedules read, odd years included (7 May 2019, 5 May 2015).",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: SPD_2019 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: SPD_2019 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: SPD_2019 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: SPD_2019 },
      {
        name: "General Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        source: SPD_2019,
        note: "Observed every year in the schedules read (5 Nov 2019, 3 Nov 2015).",
      },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: SPD_2019 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: SPD_2019 },
      {
        name: "Lincoln's Birthday (observed the Friday after Thanksgiving)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: SPD_PATTERN,
        note: "Lincoln's Birthday (12 February) has been observed on the Friday after Thanksgiving in every schedule read (2014, 2015, 2016, 2019); state offices are open on 12 February.",
      },
      {
        name: "Washington's Birthday (observed in December)",
        date: { kind: "dates", dates: ["2026-12-24"] },
        source: SPD_PATTERN,
        note: "State offices are open on the third Monday in February; Washington's Birthday was observed 26 Dec 2014, 24 Dec 2015 (Christmas on a Friday, as in 2026), 23 Dec 2016 and 24 Dec 2019. 24 Dec 2026 follows the 2015 pattern; 2027 is unknown.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: SPD_2019 },
    ],
    unverified: [
      "The SPD holiday schedules for 2026 and 2027 were not read: Lincoln's Birthday (Friday after Thanksgiving) and Washington's Birthday (24 Dec 2026) follow the 2014-2019 pattern; Washington's Birthday in 2027 is missing.",
      "Whether Indiana state offices now close on Juneteenth was not checked (not included).",
      "Local agencies (counties, cities) set their own holidays.",
    ],
  },
  law: {
    jurisdiction: "IN",
    lawName: "Access to Public Records Act (APRA)",
    citation: "IC 5-14-3",
    response: {
      days: 7,
      dayType: "calendar",
      countsFrom: "receipt",
      source: APRA_9,
      note: "A request by mail or fax (the Public Access Counselor treats email the same way) is denied if the agency has not responded within seven days of receipt (IC 5-14-3-9(b)); a request made in person or by telephone within 24 hours (9(a)). The response need not be production: records follow within a reasonable time (5-14-3-3(b)). The 24-hour in-person rule cannot be expressed per channel in the types.",
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
      source: APRA_9,
      note: "The response deadline has no extension; production itself is due within a reasonable time, judged by the Public Access Counselor case by case.",
    },
    appeal: {
      days: 30,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the Public Access Counselor",
      bodyKind: "independent_office",
      source: {
        cite: "IC 5-14-5-7",
        url: "https://codes.findlaw.com/in/title-5-state-and-local-administration/in-code-sect-5-14-5-7/",
        primary: true,
      },
      note: "A formal complaint to the Public Access Counselor not later than 30 days after the denial; it is filed when received by the counselor, or on its postmark if received more than 30 days after the denial (IC 5-14-5-7). Or an action in the circuit or superior court of the county (IC 5-14-3-9(e)); a complaint is not required first (5-14-5-4).",
    },
    deemedDenial: {
      applies: true,
      source: APRA_9,
      note: "No response within seven days of receipt of a mailed or faxed request is a denial (9(b)).",
    },
    unverified: [
      "IC 5-14-3-9 was read only as reproduced in a municipal code and MuckRock's guide. The PAC's address was not read.",
      "Whether a seven-day period ending on a weekend or holiday rolls to the next business day is not stated in APRA; the engine rolls it forward.",
    ],
  },
  cases: [
    {
      name: "IC 5-14-3-9(b): 7 days from Fri 27 Mar 2026 end on Good Friday 3 Apr (closed), roll to Mon 6 Apr",
      received: "2026-03-27",
      channel: "mail",
      expect: { dueDate: "2026-04-06", extensionLimit: "2026-04-06" },
    },
    {
      name: "IC 5-14-3-9(b), SPD: 7 days end on Primary Election Day Tue 5 May 2026, roll to Wed 6 May",
      received: "2026-04-28",
      channel: "email",
      expect: { dueDate: "2026-05-06" },
    },
    {
      name: "IC 5-14-3-9(b), 5-14-5-7, SPD: 7 days end on Lincoln's Birthday observed Fri 27 Nov 2026, roll to Mon 30 Nov; 30 days to the PAC",
      received: "2026-11-20",
      channel: "fax",
      expect: { dueDate: "2026-11-30", appealDueDate: "2026-12-30" },
    },
    {
      name: "IC 5-14-3-9(b), SPD: 7 days end on Washington's Birthday observed Thu 24 Dec 2026, roll past Christmas to Mon 28 Dec",
      received: "2026-12-17",
      channel: "mail",
      expect: { dueDate: "2026-12-28" },
    },
    {
      name: "IC 5-14-3-9(b), SPD: 7 days end on Columbus Day Mon 12 Oct 2026, roll to Tue 13 Oct",
      received: "2026-10-05",
      channel: "mail",
      expect: { dueDate: "2026-10-13" },
    },
  ],
};
