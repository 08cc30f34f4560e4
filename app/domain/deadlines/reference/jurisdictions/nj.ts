import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS_11A: Source = {
  cite: "N.J.S.A. 11A:6-24.1 (paid holidays of State government employees; Juneteenth as the third Friday in June)",
  url: "https://law.counselstack.com/statute/nj/11A/11A%3A6-24.1",
  primary: true,
};
const HOLIDAYS_11A_2008: Source = {
  cite: "N.J.S.A. 11A:6-24.1(a)(12) (any general election day in this State), P.L.2008, c.89 text",
  url: "http://law.onecle.com/new-jersey/title-11a/11a-6-24.1.html",
  primary: true,
};
const WEEKEND_4A: Source = {
  cite: "N.J.A.C. 4A:6-2.4(c) (State holiday on a Saturday: the preceding Friday; on a Sunday: the following Monday)",
  url: "https://d1tvxue8o4w0fl.cloudfront.net/regulation/new-jersey-administrative-code/title-4a-civil-service/chapter-6-leaves-hours-of-work-and-employee-development/subchapter-2-hours-of-work/section-4a6-24-holidays-state-service",
  primary: true,
};
const OPRA_5I: Source = {
  cite: "N.J.S.A. 47:1A-5(i) (7 business days; failure to respond is a denial), as restated in N.J.A.C. 5:3-1.7",
  url: "https://www.law.cornell.edu/regulations/new-jersey/N-J-A-C-5-3-1-7",
  primary: true,
};
const GRC_PAGE: Source = {
  cite: "N.J.S.A. 47:1A-6 as amended by P.L.2024, c.16 (45 calendar days, from 3 Sep 2024), Government Records Council complaint page",
  url: "https://www.nj.gov/grc/register/",
  primary: true,
};
const GRC_RULE: Source = {
  cite: "N.J.A.C. 5:105-2.1(a) (period ending on a Saturday, Sunday or legal holiday runs to the next business day; counts from the expiry of the seven business days when no response)",
  url: "https://casetext.com/regulation/new-jersey-administrative-code/title-5-community-affairs/chapter-105-complaint-adjudication-and-open-public-records-act-opra-information-inquiry-procedures/subchapter-2-complaint-process/section-5105-21-general-provisions",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NJ",
    basis: {
      text:
        "OPRA counts 'business days' (N.J.S.A. 47:1A-5(i)). Non-business days are Saturdays, Sundays and the paid holidays on which State government offices close (N.J.S.A. 11A:6-24.1), moved off weekends under N.J.A.C. 4A:6-2.4(c).",
      source: HOLIDAYS_11A,
    },
    weekend: { rule: "friday_monday", source: WEEKEND_4A },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS_11A },
      { name: "Martin Luther King's Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS_11A },
      { name: "Presidents Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HOLIDAYS_11A },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: HOLIDAYS_11A },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS_11A },
      {
        name: "Juneteenth Day",
        date: { kind: "nthWeekday", month: 6, weekday: 5, nth: 3 },
        source: HOLIDAYS_11A,
        note: "New Jersey observes Juneteenth on the third Friday in June, not on 19 June.",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS_11A },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS_11A },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: HOLIDAYS_11A },
      {
        name: "General Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        source: HOLIDAYS_11A_2008,
        note: "New Jersey holds a general election every November (State legislative and gubernatorial elections fall in odd years).",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS_11A },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS_11A },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS_11A_2008 },
    ],
    unverified: [
      "Lincoln's Birthday (12 Feb) is a legal holiday under N.J.S.A. 36:1-1 but not a paid State holiday under 11A:6-24.1; secondary sources say State offices stay open, and it is left out. N.J.S.A. 36:1-1 itself was not read.",
      "Governors have closed State offices by executive order on some days (Christmas Eve, the day after Thanksgiving in some years); no order for 2026 or 2027 was read.",
      "Counties and municipalities set their own holidays (many under Civil Service rules); no local calendar is modelled.",
      "The full current text of 11A:6-24.1 (with Juneteenth) was read only up to item (12) 'December'; items (12)-(13) (Christmas, general election day) were read in the 2008 text.",
    ],
  },
  law: {
    jurisdiction: "NJ",
    lawName: "Open Public Records Act (OPRA)",
    citation: "N.J.S.A. 47:1A-1 et seq.",
    response: {
      days: 7,
      dayType: "business",
      countsFrom: "receipt",
      source: OPRA_5I,
      note:
        "As soon as possible, not later than 7 business days after the custodian receives the request. Immediate-access records (budgets, bills, vouchers, contracts, salaries) are due immediately; the 2024 amendments (P.L.2024, c.16) add longer periods for commercial-purpose requests, which the app does not model.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The period runs from the custodian's receipt; no deemed-receipt rule was found.",
    },
    acknowledgement: null,
    extension: {
      kind: "requester_consent",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: true,
      cap: null,
      source: OPRA_5I,
      note:
        "Beyond the 7 business days only 'such additional time as may be allowed by law or these rules or as may be agreed to by the requestor' (N.J.A.C. 5:3-1.7). For records in storage or archived, the custodian must say so within 7 business days and state when the record will be available (47:1A-5(i)); that date is not modelled.",
    },
    appeal: {
      days: 45,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the Government Records Council",
      bodyKind: "independent_office",
      address: "Government Records Council, 101 South Broad Street, PO Box 819, Trenton, NJ 08625-0819",
      source: GRC_PAGE,
      note:
        "Within 45 calendar days (next business day if the last day is a Saturday, Sunday or legal holiday) after a written denial is received or after the custodian failed to respond within 7 business days; a late complaint needs a motion to file 'as within time'. Before 3 Sep 2024 the period was 60 calendar days (N.J.A.C. 5:105-2.1).",
    },
    otherAppealRoutes: [
      {
        days: 45,
        dayType: "calendar",
        countsFrom: "denial_or_deemed_denial",
        body: "the Superior Court",
        bodyKind: "court",
        source: GRC_RULE,
        note: "A requester may instead sue in Superior Court (N.J.S.A. 47:1A-6); the 45-day limit for court actions was read only in the lead table.",
      },
    ],
    deemedDenial: {
      applies: true,
      source: OPRA_5I,
      note: "Failure to grant or deny within 7 business days is deemed a denial (unless the requester gave no way to be contacted).",
    },
    unverified: [
      "N.J.S.A. 47:1A-5(i) itself was not read; its terms were read in N.J.A.C. 5:3-1.7 and the GRC rules.",
      "Whether P.L.2024, c.16 changed the day count (a 'business day' definition) or allows the custodian a unilateral extension was not read.",
      "The Superior Court limitation period after the 2024 amendments was not read in the statute.",
    ],
  },
  cases: [
    {
      name: "N.J.S.A. 47:1A-5(i), 11A:6-24.1: 7 business days skip Good Friday Fri 3 Apr 2026",
      received: "2026-03-30",
      expect: { dueDate: "2026-04-09", extensionLimit: "2026-04-09" },
    },
    {
      name: "N.J.S.A. 47:1A-5(i), 47:1A-6, N.J.A.C. 5:105-2.1: deemed denial Thu 9 Apr 2026, 45 days end Sun 24 May, roll past Memorial Day to Tue 26 May",
      received: "2026-03-30",
      expect: { dueDate: "2026-04-09", appealDueDate: "2026-05-26" },
    },
    {
      name: "N.J.S.A. 47:1A-5(i), 11A:6-24.1: 7 business days skip General Election Day Tue 2 Nov 2027 (odd year)",
      received: "2027-10-29",
      expect: { dueDate: "2027-11-10" },
    },
    {
      name: "N.J.S.A. 47:1A-5(i), 11A:6-24.1: 7 business days skip Juneteenth on the third Friday, Fri 18 Jun 2027",
      received: "2027-06-14",
      expect: { dueDate: "2027-06-24" },
    },
    {
      name: "N.J.S.A. 47:1A-5(i): 7 business days; Lincoln's Birthday Thu 12 Feb 2026 counts, Presidents Day Mon 16 Feb does not",
      received: "2026-02-09",
      expect: { dueDate: "2026-02-19" },
    },
  ],
};
