import type { JurisdictionReference } from "../types";

const CMS = {
  cite: "Illinois Department of Central Management Services, State Holidays (Bureau of Personnel)",
  url: "https://www2.illinois.gov/cms/personnel/employeeresources/Pages/StateHolidays.aspx",
  primary: true,
} as const;
const RULE_303_190 = {
  cite: "80 Ill. Adm. Code 303.190 (Authorized Holidays)",
  url: "https://print.casetext.com/regulation/illinois-administrative-code/title-80-public-officials-and-employees/part-303-conditions-of-employment/subpart-b-leave-of-absence/section-303190-authorized-holidays",
  primary: true,
} as const;
const FOIA_3D = {
  cite: "5 ILCS 140/3(d), quoted in Ill. Admin. Code tit. 2, § 1127.401(a)",
  url: "https://law.cornell.edu/regulations/illinois/Ill-Admin-Code-tit-2-SS-1127.401",
  primary: true,
} as const;
const FOIA_3E = {
  cite: "5 ILCS 140/3(e), (f), quoted in Ill. Admin. Code tit. 2, § 726.400(b) and a municipal code (Wood River § 32.45)",
  url: "https://www.law.cornell.edu/regulations/illinois/Ill-Admin-Code-tit-2-SS-726.400",
  primary: true,
} as const;
const FOIA_9_5 = {
  cite: "5 ILCS 140/9.5(a), quoted in Ill. Admin. Code tit. 2, § 1531.425(a)",
  url: "https://law.cornell.edu/regulations/illinois/Ill-Admin-Code-tit-2-SS-1531.425",
  primary: true,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "IL",
    basis: {
      text:
        "FOIA counts business days (5 ILCS 140/3(d)) without defining them; they are taken as the days State offices are open: weekdays except the holidays of the CMS personnel rules (80 Ill. Adm. Code 303.190) and the CMS State Holidays calendar.",
      source: RULE_303_190,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "CMS State Holidays calendar (Independence Day, Sat 4 July 2020, observed Fri 3 July)",
        url: CMS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: CMS },
      { name: "Martin Luther King Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: CMS },
      { name: "Lincoln's Birthday", date: { kind: "fixed", month: 2, day: 12 }, source: CMS },
      { name: "Washington's Birthday (Presidents' Day)", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: CMS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: CMS },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: RULE_303_190 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: CMS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: CMS },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: CMS },
      {
        name: "General Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        source: RULE_303_190,
        note: "\"General Election Day (on which Members of the House of Representatives are elected)\": even years only.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: CMS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: CMS },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: CMS,
        note: "CMS lists Thanksgiving as \"Thursday and Friday\"; 80 Ill. Adm. Code 303.190 names only Thanksgiving Day.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: CMS },
    ],
    unverified: [
      "The CMS calendar read lists 2019-2020; no CMS list for 2026/2027 was read. Dates follow its rules (Saturday -> Friday, Sunday -> Monday, Thanksgiving Thursday and Friday).",
      "Casimir Pulaski Day and Good Friday are State holidays for the Election Code (10 ILCS 5/1-6) and schools, but CMS does not close State offices on them; some local bodies (e.g. in Cook County) may close on Pulaski Day: add per agency.",
      "Local public bodies (counties, cities, school districts) set their own holiday schedules; FOIA business days for them follow their own closures.",
    ],
  },
  law: {
    jurisdiction: "IL",
    lawName: "Illinois Freedom of Information Act",
    citation: "5 ILCS 140",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: FOIA_3D,
      note: "Comply, deny, or extend within 5 business days after receipt (3(d)). Commercial requests: 21 business days (3.1); recurrent requesters: 21 business days, notice within 5 (3.2).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "FOIA sets no deemed-receipt rule; a request arriving on a closed day still starts the count the next business day because day 1 is the first business day after receipt.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 5,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: FOIA_3E,
      note: "Up to 5 business days from the original due date for the reasons listed in 3(e), with written notice of the reasons and the response date within 5 business days after receipt (3(f)). Longer only by written agreement with the requester (3(e)).",
    },
    appeal: {
      days: 60,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the Public Access Counselor (Office of the Attorney General)",
      bodyKind: "attorney_general",
      address: "Public Access Bureau, Office of the Attorney General, 500 S. 2nd Street, Springfield, Illinois 62706",
      source: FOIA_9_5,
      note: "Request for review, in writing and signed, with the request and any responses, not later than 60 days after the final denial (9.5(a)); municipal FOIA pages read it as 60 calendar days from the final response or the date the response was due. Or suit in circuit court (11). Address as given on municipal FOIA pages (Geneva, Batavia), not on an Attorney General page.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial_or_deemed_denial",
        body: "the circuit court",
        bodyKind: "court",
        source: null,
        note: "Injunctive or declaratory relief under 5 ILCS 140/11 (period not read).",
      },
    ],
    deemedDenial: {
      applies: true,
      source: FOIA_3D,
      note: "Failure to comply, extend or deny within 5 business days is a denial (3(d)).",
    },
    unverified: [
      "The Public Access Bureau's postal address was read only on municipal pages (http://www.geneva.il.us/pd/deniedfoia.html), not on the Attorney General's site.",
      "5 ILCS 140/3(d)-(f) were read as quoted in agency rules (2 Ill. Adm. Code 1127.401, 726.400) and a municipal code, not on ilga.gov.",
    ],
  },
  cases: [
    {
      name: "5 ILCS 140/3(d), 80 IAC 303.190: 5 business days skip Lincoln's Birthday Thu 12 Feb and Presidents' Day 16 Feb 2026",
      received: "2026-02-11",
      expect: { dueDate: "2026-02-20" },
    },
    {
      name: "5 ILCS 140/3(d), (e), 80 IAC 303.190: skip General Election Day Tue 3 Nov 2026; 5-business-day extension skips Veterans' Day",
      received: "2026-10-30",
      expect: { dueDate: "2026-11-09", extensionLimit: "2026-11-17" },
    },
    {
      name: "5 ILCS 140/3(d), 9.5(a), CMS: skip Thanksgiving Thu-Fri 26-27 Nov 2026; deemed denial 4 Dec, 60 days to PAC",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-04", appealDueDate: "2027-02-02" },
    },
    {
      name: "5 ILCS 140/3(d), CMS: Christmas Sat 25 Dec 2027 observed Fri 24 Dec",
      received: "2027-12-20",
      expect: { dueDate: "2027-12-28" },
    },
    {
      name: "5 ILCS 140/9.5(a): 60 days from a denial on Fri 20 Feb 2026",
      received: "2026-02-11",
      events: [{ type: "denied", on: "2026-02-20" }],
      expect: { appealDueDate: "2026-04-21" },
    },
  ],
};
