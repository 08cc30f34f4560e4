import type { JurisdictionReference, Source } from "../types";

const USC_6103: Source = {
  cite: "5 U.S.C. § 6103(a), (b)",
  url: "https://github.com/TheJoshuaEvans/united-states-code/blob/HEAD/usc/5/6103.xml",
  primary: true,
};
const EO_11582: Source = {
  cite: "Executive Order 11582 § 3(a) (Feb. 11, 1971), printed in the notes to 5 U.S.C. § 6103",
  url: "https://github.com/TheJoshuaEvans/united-states-code/blob/HEAD/usc/5/6103.xml",
  primary: true,
};
const USC_552 = (pinpoint: string): Source => ({
  cite: `5 U.S.C. § 552${pinpoint}`,
  url: "https://github.com/TheJoshuaEvans/united-states-code/blob/HEAD/usc/5/552.xml",
  primary: true,
});

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "US",
    basis: {
      text:
        "FOIA counts its periods in days \"excepting Saturdays, Sundays, and legal public holidays\" (5 U.S.C. 552(a)(6)(A)(i), (ii)); " +
        "the legal public holidays are the eleven listed in 5 U.S.C. 6103(a).",
      source: USC_552("(a)(6)(A)(i)"),
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "5 U.S.C. § 6103(b)(1) (Saturday: the Friday before); Executive Order 11582 § 3(a) (Sunday: the next workday)",
        url: USC_6103.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: USC_6103 },
      { name: "Birthday of Martin Luther King, Jr.", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: USC_6103 },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: USC_6103 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: USC_6103 },
      {
        name: "Juneteenth National Independence Day",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2021 },
        source: USC_6103,
        note: "Added by Pub. L. 117-17 (June 17, 2021).",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: USC_6103 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: USC_6103 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: USC_6103 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: USC_6103 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: USC_6103 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: USC_6103 },
    ],
    unverified: [
      "Executive-order closures for 2026 and 2027 (e.g. 24 or 26 December): none had been issued in the sources read (the 2025 order closing 24 and 26 December 2025 was reported only by news pages). Add them as dated closures with the order cited when issued; whether such a day is a \"legal public holiday\" under 552(a)(6) (6103(b) treats days declared holidays by Executive order alike for pay and leave only) is itself unsettled.",
      "Inauguration Day (6103(c), 20 January every fourth year, next 2029) is a holiday only for employees in the Washington area and is left out of the nationwide calendar.",
    ],
  },
  law: {
    jurisdiction: "US",
    lawName: "Freedom of Information Act",
    citation: "5 U.S.C. § 552",
    response: {
      days: 20,
      dayType: "business",
      countsFrom: "receipt",
      source: USC_552("(a)(6)(A)(i)"),
      note:
        "20 days excepting Saturdays, Sundays and legal public holidays after receipt. The period starts when the appropriate component receives the request, but no later than 10 days after any designated component receives it (552(a)(6)(A), closing sentence); it may be tolled once for information and for fee clarification.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: USC_552("(a)(6)(A) (closing sentence)"),
      note:
        "The statute sets no weekend or after-hours receipt rule; its only receipt rule is the routing one (receipt by the appropriate component, at the latest 10 days after receipt by a designated component), which the types cannot express. Agency regulations may add their own receipt rules.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 10,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: USC_552("(a)(6)(B)(i)"),
      note:
        "In unusual circumstances, by written notice giving the reasons and the date a determination is expected; no notice may extend by more than ten working days. Beyond that the agency must offer to narrow the request or arrange an alternative time frame (552(a)(6)(B)(ii)), which needs the requester.",
    },
    appeal: {
      days: 90,
      dayType: "calendar",
      countsFrom: "denial",
      body: "the head of the agency",
      bodyKind: "agency_head",
      source: USC_552("(a)(6)(A)(i)(III)(aa)"),
      note:
        "The head of the agency sets the period, which may not be less than 90 days after the adverse determination: 90 calendar days is the floor every agency must allow (its regulation may allow more). The appeal is decided within 20 business days (552(a)(6)(A)(ii)); OGIS mediation is optional.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial_or_deemed_denial",
        body: "the United States district court",
        bodyKind: "court",
        source: USC_552("(a)(4)(B), (a)(6)(C)(i)"),
        note: "A requester whose request is not answered within the time limits is deemed to have exhausted administrative remedies and may sue directly.",
      },
    ],
    deemedDenial: {
      applies: false,
      source: USC_552("(a)(6)(C)(i)"),
      note:
        "A late answer is not deemed a denial that starts an appeal period: the requester is deemed to have exhausted administrative remedies and may go to court at once.",
    },
    unverified: [],
  },
  cases: [
    {
      name: "5 U.S.C. 552(a)(6)(A)(i), 6103(b)(1): 20 business days from a Juneteenth receipt skip Fri 3 Jul 2026 (Independence Day observed)",
      received: "2026-06-19",
      expect: { dueDate: "2026-07-20" },
    },
    {
      name: "5 U.S.C. 552(a)(6)(A)(i), 6103(a): 20 business days skip Veterans Day Wed 11 Nov 2026",
      received: "2026-10-23",
      expect: { dueDate: "2026-11-23" },
    },
    {
      name: "5 U.S.C. 552(a)(6)(A)(i), 6103(b)(1): 20 business days skip Fri 24 Dec 2027 (Christmas observed)",
      received: "2027-12-01",
      expect: { dueDate: "2027-12-30" },
    },
    {
      name: "5 U.S.C. 552(a)(6)(A)(i), (B)(i), 6103(b)(1): Fri 31 Dec 2027 (New Year's Day 2028 observed) skipped; 10 working days' extension skip MLK Day 17 Jan 2028",
      received: "2027-12-03",
      expect: { dueDate: "2028-01-04", extensionLimit: "2028-01-19" },
    },
    {
      name: "5 U.S.C. 552(a)(6)(A)(i)(III)(aa): 90-day appeal from a 14 Jul 2026 denial ends on Columbus Day 12 Oct 2026, rolls to 13 Oct",
      received: "2026-06-01",
      events: [{ type: "denied", on: "2026-07-14" }],
      expect: { appealDueDate: "2026-10-13" },
    },
  ],
};
