import type { JurisdictionReference, Source } from "../types";

const RC_124_19: Source = {
  cite: "Ohio Rev. Code § 124.19(A) (state holidays, including any day appointed and recommended by the governor or the President)",
  url: "https://holidays.uslegal.com/state-holidays/ohio-legal-holidays/",
  primary: true,
};
const RC_5_21: Source = {
  cite: "Ohio Rev. Code § 5.21 (Columbus Day and Veterans' Day legal holidays)",
  url: "https://print.casetext.com/statute/ohio-revised-code/title-general-provisions/chapter-5-state-insignia-seals-holidays/section-521-labor-day-columbus-day-veterans-day",
  primary: true,
};
const JUNETEENTH_2021: Source = {
  cite: "Governor DeWine's statement of 17 June 2021 appointing Juneteenth a state holiday under R.C. 124.19 (Saturday observed the Friday before), as reported by The Van Wert Independent",
  url: "https://thevwindependent.com/news/2021/06/17/ohio-to-celebrate-juneteenth-as-holiday/",
  primary: false,
};
const WEEKEND_SUMMARY: Source = {
  cite: "Ohio Rev. Code § 124.18(B)(2) (Saturday holiday observed the Friday before, Sunday the Monday after), as summarised by employmentlawhandbook.com",
  url: "https://www.employmentlawhandbook.com/employment-and-labor-laws/states/ohio/leave-laws/holidays/",
  primary: false,
};
const RC_149_43_B1: Source = {
  cite: "Ohio Rev. Code § 149.43(B)(1), as quoted by the Ohio Court of Claims",
  url: "https://ohiocourtofclaims.gov/ococ_faq/what-happens-after-i-make-my-request-for-a-public-record/",
  primary: true,
};
const RC_2743_75: Source = {
  cite: "Ohio Rev. Code § 2743.75",
  url: "https://d1tvxue8o4w0fl.cloudfront.net/statute/ohio-revised-code/title-27-courts-general-provisions-special-remedies/chapter-2743-court-of-claims/section-274375-jurisdiction-over-claims-alleging-denial-of-access-to-public-records",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "OH",
    basis: {
      text:
        "The Public Records Act sets no day count, so the calendar only explains days offices are closed: the state holidays of R.C. 124.19(A), on which state offices close.",
      source: RC_124_19,
    },
    weekend: { rule: "friday_monday", source: WEEKEND_SUMMARY },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: RC_124_19 },
      { name: "Martin Luther King Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: RC_124_19 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: RC_124_19 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: RC_124_19 },
      {
        name: "Juneteenth",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2021 },
        source: JUNETEENTH_2021,
        note: "A state holiday as a day 'appointed and recommended by ... the president' under R.C. 124.19(A), and appointed by the Governor in 2021.",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: RC_124_19 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: RC_124_19 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: RC_5_21 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: RC_5_21 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: RC_124_19 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: RC_124_19 },
    ],
    unverified: [
      "The Saturday-to-Friday / Sunday-to-Monday rule (R.C. 124.18(B)(2)) was read only in a summary; Ohio Adm. Code 123:1-44-01(C) says R.C. 124.19 does not provide for shifting a holiday to another day (read as barring agencies from moving holidays, not the weekend rule). The 2021 Juneteenth statement applied the Friday rule.",
      "No Ohio DAS holiday calendar for 2026 or 2027 was read; R.C. 1.14 (legal holidays for computing time) was not read.",
      "Counties, cities, townships and school districts set their own holidays; none is modelled.",
    ],
  },
  law: {
    jurisdiction: "OH",
    lawName: "Ohio Public Records Act",
    citation: "Ohio Rev. Code § 149.43",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: RC_149_43_B1,
      note: "Records must be 'promptly prepared and made available for inspection' and copies made available 'within a reasonable period of time'. No number of days.",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: null,
      note: "There is no fixed period to extend; what is 'reasonable' depends on the request (courts weigh volume, review and redaction).",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Court of Claims (complaint under R.C. 2743.75, filed with the clerk of the court of common pleas or of the Court of Claims)",
      bodyKind: "court",
      source: RC_2743_75,
      note: "No administrative appeal and no filing period. A requester chooses either a Court of Claims complaint or a mandamus action (R.C. 149.43(C)), not both for the same request.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "a mandamus action in the court of common pleas, the court of appeals or the Ohio Supreme Court (R.C. 149.43(C))",
        bodyKind: "court",
        source: RC_2743_75,
        note: "R.C. 2743.75(C)(1) makes the two routes alternatives.",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "No deemed denial: a delay is judged against the 'reasonable period' standard." },
    unverified: ["R.C. 149.43(C) (mandamus) was not read; its routes are as described in R.C. 2743.75 and an Ohio State Bar Association column."],
  },
  cases: [
    {
      name: "R.C. 149.43(B)(1): no fixed period; received on Columbus Day Mon 12 Oct 2026 (a state holiday, R.C. 5.21)",
      received: "2026-10-12",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "R.C. 149.43(B)(1): no fixed period; received Fri 18 Jun 2027 (Juneteenth observed)",
      received: "2027-06-18",
      expect: { dueDate: null },
    },
    {
      name: "R.C. 149.43(B)(1): no fixed period; received Fri 27 Nov 2026 (day after Thanksgiving, offices open)",
      received: "2026-11-27",
      expect: { dueDate: null, extensionLimit: null },
    },
  ],
};
