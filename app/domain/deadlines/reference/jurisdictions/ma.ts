import type { JurisdictionReference } from "../types";

const CH4_S7_CL18 = {
  cite: "M.G.L. c. 4, § 7, cl. Eighteenth (legal holidays)",
  url: "http://welovebeantown.com/2013/05/24/opening-number-chapter-4-section-7-clause-18/",
  primary: false,
} as const;
const HRD_MEMO = {
  cite: "Human Resources Division, Legal Holiday Calendar memo (2014-2016), under M.G.L. c. 4, § 7, cl. Eighteenth",
  url: "http://www.mass.gov/anf/employment-equal-access-disability/oversight-agencies/hrd/legal-holiday-calendar.html",
  primary: true,
} as const;
const TRIAL_COURT = {
  cite: "Massachusetts Trial Court, Legal Holidays 2015-2016 (G.L. c. 4, s. 7)",
  url: "http://www.mass.gov/courts/court-info/trial-court/exec-office/ocm/legal-holidays.html",
  primary: true,
} as const;
const CH136_S12 = {
  cite: "M.G.L. c. 136, § 12 (public offices closed on legal holidays; Suffolk county)",
  url: "https://holidays.uslegal.com/state-holidays/massachusetts-legal-holidays/",
  primary: true,
} as const;
const CMR_32_06 = {
  cite: "950 CMR 32.06(2)(b)",
  url: "https://www.law.cornell.edu/regulations/massachusetts/950-CMR-32-06",
  primary: true,
} as const;
const CMR_32_08 = {
  cite: "950 CMR 32.08(1)(c)-(d), (2)(a)",
  url: "https://e.casetext.com/regulation/code-of-massachusetts-regulations/department-950-cmr-office-of-the-secretary-of-the-commonwealth/title-950-cmr-3200-public-records-access/section-3208-appeals",
  primary: true,
} as const;
const RECEIPT_SUMMARY = {
  cite: "950 CMR 32.03(3), 32.06(2)(e) (as amended 11 June 2021), read in a summary",
  url: "https://www.harringtonheep.com/post/summary-of-changes-to-the-regulations-under-the-public-records-act",
  primary: false,
} as const;
const S10_SUMMARY = {
  cite: "M.G.L. c. 66, § 10(b)(vi), (c) (Chapter 121 of the Acts of 2016), read in summaries",
  url: "https://harringtonheep.com/post/secretary-of-the-commonwealth-updates-the-guide-to-the-massachusetts-public-records-law",
  primary: false,
} as const;
const S10A = {
  cite: "M.G.L. c. 66, § 10A(a)",
  url: "https://instalawyer.io/laws/massachusetts-general-laws/section-10a-petition-for",
  primary: true,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MA",
    basis: {
      text:
        "The public records law counts business days (c. 66, § 10(b); 950 CMR 32.06(2)(b)); business days exclude Saturdays, Sundays and the legal holidays of c. 4, § 7, cl. Eighteenth, on which c. 136, § 12 closes public offices (except March 17, May 20 and June 17 outside Suffolk county).",
      source: CH136_S12,
    },
    weekend: {
      rule: "monday",
      source: {
        cite: "M.G.L. c. 4, § 7, cl. Eighteenth (\"or the day following when any of said days occurs on Sunday\"); HRD memo: state offices open on the Friday before a Saturday holiday",
        url: HRD_MEMO.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HRD_MEMO },
      { name: "Martin Luther King Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HRD_MEMO },
      { name: "Washington's Birthday (Presidents' Day)", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HRD_MEMO },
      {
        name: "Evacuation Day",
        date: { kind: "fixed", month: 3, day: 17 },
        onlyIn: ["Suffolk"],
        source: CH136_S12,
        note: "c. 136, § 12 closes public offices in Suffolk county on March 17 (the Monday after when it falls on Sunday). The HRD memo says state offices stay open on this day even in Suffolk; county and municipal offices there close.",
      },
      { name: "Patriots' Day", date: { kind: "nthWeekday", month: 4, weekday: 1, nth: 3 }, source: HRD_MEMO },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HRD_MEMO },
      {
        name: "Bunker Hill Day",
        date: { kind: "fixed", month: 6, day: 17 },
        onlyIn: ["Suffolk"],
        source: CH136_S12,
        note: "c. 136, § 12: Suffolk county public offices only (Monday after when on Sunday); state offices stay open (HRD memo).",
      },
      {
        name: "Juneteenth Independence Day",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2021 },
        source: {
          cite: "M.G.L. c. 4, § 7, cl. Eighteenth as amended (June 19), read in a summary",
          url: "https://www.employmentlawhandbook.com/employment-and-labor-laws/states/massachusetts/leave-laws/holidays/",
          primary: false,
        },
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HRD_MEMO },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HRD_MEMO },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: HRD_MEMO },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HRD_MEMO },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HRD_MEMO },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HRD_MEMO },
    ],
    unverified: [
      "The current text of c. 4, § 7, cl. Eighteenth (with June 19) was read only in secondary sources; the primary text read (an older copy) predates Juneteenth.",
      "No official 2026/2027 HRD legal-holiday memo was read; dates come from the statutory rules and the HRD 2014-2016 memo, which keeps state offices open on the Friday before a Saturday holiday (so no Friday closure for Sat 4 July 2026, Sat 19 June 2027, Sat 25 Dec 2027 or Sat 1 Jan 2028).",
      "The day after Thanksgiving and Christmas Eve are not legal holidays; no gubernatorial closure for 2026/2027 was found.",
      "Whether a given municipality closes on other days (e.g. its own schedule) is not known; add such days per agency.",
    ],
  },
  law: {
    jurisdiction: "MA",
    lawName: "Massachusetts Public Records Law",
    citation: "M.G.L. c. 66, §§ 10, 10A; 950 CMR 32.00",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: CMR_32_06,
      note: "A written response no later than the tenth business day following receipt: produce, give the time and fee estimate, or deny (c. 66, § 10(b)).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: true,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: RECEIPT_SUMMARY,
      note: "Since 11 June 2021, a request received on a Saturday, Sunday, legal holiday or a day the office is closed is deemed received the next business day, and computation begins the first business day after receipt (950 CMR 32.03(3), 32.06(2)(e)).",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 15,
      dayType: "business",
      countsFrom: "receipt",
      repeatable: false,
      cap: null,
      appliesTo: "state",
      source: S10_SUMMARY,
      note: "An agency that cannot produce within 10 business days states in its response a time for production not exceeding 15 business days after initial receipt (c. 66, § 10(b)(vi)). More time only by the requester's agreement or on a petition to the Supervisor of Records, filed within 20 business days of receipt, for up to 20 further business days (§ 10(c)).",
    },
    extensionVariants: [
      {
        kind: "unilateral",
        days: 25,
        dayType: "business",
        countsFrom: "receipt",
        repeatable: false,
        cap: null,
        appliesTo: "local",
        source: S10_SUMMARY,
        note: "A municipality may set up to 25 business days after initial receipt (c. 66, § 10(b)(vi)); more only by the requester's agreement or one petition to the Supervisor of Records for up to 30 further business days (§ 10(c)).",
      },
    ],
    appeal: {
      days: 90,
      dayType: "calendar",
      countsFrom: "denial",
      body: "the Supervisor of Records (Division of Public Records, Secretary of the Commonwealth)",
      bodyKind: "independent_office",
      address: "Supervisor of Records, Division of Public Records, One Ashburton Place, Room 1719, Boston, MA 02108",
      source: CMR_32_08,
      note: "Petition within 90 calendar days of the response (32.08(1)(c)); for a failure to respond, within 90 calendar days of the request (32.08(1)(d)). The Supervisor decides within 10 business days (c. 66, § 10A(a)); then superior court. Address from the 950 CMR 32.00 regulation filing (agency contact).",
    },
    deemedDenial: {
      applies: false,
      source: S10A,
      note: "No deemed denial: a failure to respond lets the requester petition the Supervisor (within 90 days of the request, 950 CMR 32.08(1)(d)) and bars fees (950 CMR 32.06(2)(c)).",
    },
    unverified: [
      "The text of c. 66, § 10(b)(vi) and (c) (15/25 business days, Supervisor extensions of 20/30 business days) was read only in secondary summaries.",
      "950 CMR 32.03(3) and 32.06(2)(e) (closed-day receipt, computation from the next business day) were read only in a law-firm summary of the 2021 amendments.",
      "The Supervisor's postal address was read in the 2016 regulation filing, not a current appeals page.",
    ],
  },
  cases: [
    {
      name: "c. 66 § 10(b), 950 CMR 32.06(2)(b), c. 4 § 7 cl. 18: 10 business days skip Patriots' Day Mon 20 Apr 2026",
      received: "2026-04-17",
      channel: "email",
      expect: { dueDate: "2026-05-04" },
    },
    {
      name: "c. 66 § 10(b), c. 4 § 7 cl. 18: Independence Day Sat 4 Jul 2026 closes no Friday; Fri 3 Jul counts",
      received: "2026-07-02",
      expect: { dueDate: "2026-07-16" },
    },
    {
      name: "950 CMR 32.03(3), 32.06(2)(e): received on Thanksgiving Thu 26 Nov 2026, deemed Fri 27 Nov (open), count from Mon 30 Nov",
      received: "2026-11-26",
      channel: "portal",
      expect: { dueDate: "2026-12-11" },
    },
    {
      name: "c. 66 § 10(b)(vi): agency may set up to 15 business days after receipt; skip Columbus Day Mon 12 Oct 2026",
      received: "2026-10-05",
      governmentLevel: "state",
      expect: { dueDate: "2026-10-20", extensionLimit: "2026-10-27" },
    },
    {
      name: "c. 66 § 10(b)(vi): municipality may set up to 25 business days after receipt; skip Columbus Day 12 Oct 2026",
      received: "2026-10-05",
      governmentLevel: "local",
      expect: { dueDate: "2026-10-20", extensionLimit: "2026-11-10" },
    },
    {
      name: "950 CMR 32.08(1)(c): 90 calendar days from a denial on Mon 4 May 2026 end Sun 2 Aug, roll to Mon 3 Aug",
      received: "2026-04-17",
      events: [{ type: "denied", on: "2026-05-04" }],
      expect: { appealDueDate: "2026-08-03" },
    },
  ],
};
