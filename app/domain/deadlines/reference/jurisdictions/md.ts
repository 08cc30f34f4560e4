import type { JurisdictionReference, Source } from "../types";

const GP_4_203: Source = {
  cite: "Md. Code, Gen. Prov. § 4-203",
  url: "https://govt.westlaw.com/mdc/Document/NE8B9FEF1F33211EBA2B4DE20A34A766E?viewType=FullText&originationContext=documenttoc&transitionType=CategoryPageItem&contextData=(sc.Default)",
  primary: true,
};
const COMAR_22_01_02_06: Source = {
  cite: "COMAR 22.01.02.06D (State Retirement Agency PIA rules, mirroring Md. Code, Gen. Prov. § 4-203(d))",
  url: "https://casetext.com/regulation/maryland-administrative-code/title-22-state-retirement-and-pension-system/subtitle-01-general-regulations/chapter-220102-public-information-act-requests/section-22010206-response-denying-all-or-part-of-applicants-request",
  primary: true,
};
const GP_1_111: Source = {
  cite: "Md. Code, Gen. Prov. § 1-111 (legal holidays)",
  url: "https://self-law.org/code/md/general-provisions/1-111",
  primary: true,
};
const SP_9_204: Source = {
  cite: "Md. Code, State Pers. & Pens. § 9-204 (when an employee holiday is observed)",
  url: "https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gsp&section=9-204&enactments=False&archived=False",
  primary: true,
};
const SP_9_202: Source = {
  cite: "Md. Code, State Pers. & Pens. § 9-202 (scope of the holiday subtitle)",
  url: "https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gsp&section=9-202&enactments=false",
  primary: true,
};
const MD_MANUAL_2004: Source = {
  cite: "Maryland Manual On-Line (Maryland State Archives), State holidays 2004-2005",
  url: "https://2004mdmanual.msa.maryland.gov/msa/mdmanual/01glance/html/holidaye.html",
  primary: false,
};

const employeeHoliday = "Also an employee holiday under SP Title 9, Subtitle 2 (State offices closed); the SP 9-201 list itself was not read.";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MD",
    basis: {
      text:
        "The PIA counts its 10-day notices in \"working days\" and does not define them; taken as the days State offices are open: not Saturdays, Sundays or State employee holidays (SP Title 9, Subtitle 2), which are the GP 1-111 legal holidays less Lincoln's Birthday, Maryland Day, Good Friday and Defenders' Day, on which State offices stay open.",
      source: GP_1_111,
    },
    weekend: { rule: "friday_monday", source: SP_9_204 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: GP_1_111, note: employeeHoliday },
      {
        name: "Dr. Martin Luther King, Jr.'s Birthday",
        date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 },
        source: GP_1_111,
        note: "GP 1-111(a)(2): the day Congress designates (third Monday in January). " + employeeHoliday,
      },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: GP_1_111, note: employeeHoliday },
      {
        name: "Memorial Day",
        date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 },
        source: GP_1_111,
        note: "GP 1-111(a)(7): the day Congress designates (last Monday in May). " + employeeHoliday,
      },
      { name: "Juneteenth National Independence Day", date: { kind: "fixed", month: 6, day: 19 }, source: GP_1_111, note: employeeHoliday },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: GP_1_111, note: employeeHoliday },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: GP_1_111, note: employeeHoliday },
      {
        name: "Columbus Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: GP_1_111,
        note: "GP 1-111(a)(12): the day Congress designates (second Monday in October). " + employeeHoliday,
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: GP_1_111, note: employeeHoliday },
      {
        name: "Statewide general election day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        source: GP_1_111,
        note: "GP 1-111(a)(17): each statewide general election day (even years: the Tuesday after the first Monday in November). Primary election days are not listed. " + employeeHoliday,
      },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: GP_1_111, note: employeeHoliday },
      {
        name: "American Indian Heritage Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: GP_1_111,
        note: "GP 1-111(a)(15): the Friday after Thanksgiving Day. " + employeeHoliday,
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: GP_1_111, note: employeeHoliday },
    ],
    unverified: [
      "Which GP 1-111 legal holidays close State offices: the employee-holiday list of SP 9-201 was not read. Lincoln's Birthday (12 Feb), Maryland Day (25 Mar), Good Friday and Defenders' Day (12 Sep) are left out as days State offices stay open, on the Maryland Manual's State holiday list (2004-05, an old official archive page) and secondary sources only.",
      "SP 9-202(b) exempts the Department of Transportation and units with their own holiday schedules; counties and municipalities set their own holidays. This calendar is the Executive Branch one.",
      "Days the Governor designates for general cessation of business (GP 1-111(a)(18)), e.g. a Christmas Eve closure, were not found for 2026 or 2027.",
    ],
  },
  law: {
    jurisdiction: "MD",
    lawName: "Maryland Public Information Act",
    citation: "Md. Code, Gen. Prov. §§ 4-101 to 4-601 (time limits § 4-203)",
    response: {
      days: 30,
      dayType: "calendar",
      countsFrom: "receipt",
      source: GP_4_203,
      note: "4-203(a)(1): grant or deny promptly, not more than 30 days after receiving the application; (b)(1) produce within 30 days after receipt. 50 days for applications under 4-356 (a)(2).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The PIA sets no deemed-receipt rule.",
    },
    acknowledgement: {
      days: 10,
      dayType: "business",
      source: GP_4_203,
      note: "4-203(b)(2): only if the custodian reasonably believes production will take more than 10 working days, it must say so in writing or by e-mail within 10 working days after receipt, with the time it expects, a fee range and the reason for the delay. A denial's written statement is also due within 10 working days (4-203(c)(1)(i)).",
    },
    extension: {
      kind: "requester_consent",
      days: 30,
      dayType: "calendar",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: COMAR_22_01_02_06,
      note: "A time limit may be extended by not more than 30 days with the consent of the applicant, and is extended while a dispute the applicant has referred to the Public Access Ombudsman is pending (GP 4-203(d), in the words of COMAR 22.01.02.06D); the custodian cannot extend on its own. The Ombudsman pause is not modelled.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the Public Access Ombudsman (mediation), then the State Public Information Act Compliance Board",
      bodyKind: "independent_office",
      source: {
        cite: "Md. Code, Gen. Prov. §§ 4-1A-04, 4-1B-04 (per the project's lead table)",
        url: "https://govt.westlaw.com/mdc/Document/NE8B9FEF1F33211EBA2B4DE20A34A766E?viewType=FullText&originationContext=documenttoc&transitionType=CategoryPageItem&contextData=(sc.Default)",
        primary: false,
      },
      note: "No statutory period was read for going to the Ombudsman or the Board.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial_or_deemed_denial",
        body: "the circuit court",
        bodyKind: "court",
        source: {
          cite: "Md. Code, Gen. Prov. § 4-362 (per the project's lead table)",
          url: "https://govt.westlaw.com/mdc/Document/NE8B9FEF1F33211EBA2B4DE20A34A766E?viewType=FullText&originationContext=documenttoc&transitionType=CategoryPageItem&contextData=(sc.Default)",
          primary: false,
        },
        note: "Judicial review; no filing period was read.",
      },
    ],
    deemedDenial: {
      applies: true,
      source: GP_4_203,
      note: "4-203(b)(3): failure to produce the record within the limits constitutes a denial.",
    },
    unverified: [
      "The extension rule was read in an agency regulation that restates GP 4-203(d) (COMAR 22.01.02.06D); the statute's subsection (d) itself was not read.",
      "The appeal bodies (Ombudsman 4-1B-04, Compliance Board 4-1A-04, court 4-362) and any filing periods were not read in the statute.",
    ],
  },
  cases: [
    {
      name: "GP 4-203(a): 30 days from Tue 27 Oct 2026 end Thu 26 Nov (Thanksgiving), roll past American Indian Heritage Day (GP 1-111(a)(15)) and the weekend to Mon 30 Nov",
      received: "2026-10-27",
      expect: { dueDate: "2026-11-30" },
    },
    {
      name: "GP 4-203(b)(2), 1-111(a)(17): 10 working days skip General Election Day Tue 3 Nov 2026 and Veterans' Day Wed 11 Nov",
      received: "2026-11-02",
      expect: { acknowledgementDueDate: "2026-11-18", dueDate: "2026-12-02", extensionLimit: "2026-12-02" },
    },
    {
      name: "GP 4-203(b)(2), SP Title 9: Lincoln's Birthday Fri 12 Feb 2027 is a working day, Washington's Birthday Mon 15 Feb is not; 30 days end Sun 7 Mar, roll to Mon 8 Mar",
      received: "2027-02-05",
      expect: { acknowledgementDueDate: "2027-02-22", dueDate: "2027-03-08" },
    },
    {
      name: "GP 4-203(b)(2): Good Friday 3 Apr 2026 (a GP 1-111 legal holiday) is a working day for State offices",
      received: "2026-03-27",
      expect: { acknowledgementDueDate: "2026-04-10", dueDate: "2026-04-27" },
    },
    {
      name: "GP 4-203(b)(2), SP 9-204(b)(1): Juneteenth Sat 19 Jun 2027 closes Fri 18 Jun",
      received: "2027-06-11",
      expect: { acknowledgementDueDate: "2027-06-28" },
    },
  ],
};
