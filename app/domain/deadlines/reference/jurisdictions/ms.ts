import type { JurisdictionReference, Source } from "../types";

const MCA_3_3_7: Source = {
  cite: "Miss. Code Ann. § 3-3-7 (legal holidays)",
  url: "https://codes.findlaw.com/ms/title-3-state-sovereignty-jurisdiction-and-holidays/ms-code-sect-3-3-7.html",
  primary: true,
};
const MCA_25_1_97: Source = {
  cite: "Miss. Code Ann. § 25-1-97 (state office hours)",
  url: "https://print.casetext.com/statute/mississippi-code-1972/title-25-public-officers-and-employees-public-records/chapter-1-public-officers-general-provisions/section-25-1-97-state-office-hours",
  primary: true,
};
const SPB_RULE: Source = {
  cite: "27 Miss. Code R. § 120-3.1 (State Employee Handbook: holidays)",
  url: "https://casetext.com/regulation/mississippi-administrative-code/title-27-state-personnel-board/part-120-mississippi-state-employee-handbook/chapter-3-holidays-and-leave/section-27-120-31-holidays?utm_source=newsletter&utm_medium=email&utm_campaign=newsletter_axiospm&stream=top",
  primary: true,
};
const MCA_25_61_5: Source = {
  cite: "Miss. Code Ann. § 25-61-5(1) (as amended 2010), text read in 2009 S.B. 2921 C.S. and the State Auditor's note on the 2010 amendment",
  url: "https://www2.osa.ms.gov/forum/showthread.php?540-Did-the-2010-Mississippi-Legislature-amend-Section-25-61-5-to-revise-the-maximum-waiting-period-for-production-of-records-under-an-open-records-request&s=cfada45a7aa264cd3f77ac7f8497ec70",
  primary: false,
};
const MCA_25_61_13: Source = {
  cite: "Miss. Code Ann. § 25-61-13",
  url: "https://statutes.laws.com/mississippi/title-25/61/25-61-13",
  primary: true,
};

const legal = "A legal holiday under Miss. Code § 3-3-7(1); State offices are open Monday to Friday except State holidays (§ 25-1-97).";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MS",
    basis: {
      text:
        "The Public Records Act counts \"working days\" without defining them; State offices are open eight hours a day Monday to Friday except State holidays (§ 25-1-97), which are the legal holidays of § 3-3-7(1).",
      source: MCA_25_1_97,
    },
    weekend: { rule: "monday", source: MCA_3_3_7 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: MCA_3_3_7, note: legal },
      {
        name: "Robert E. Lee's Birthday and Dr. Martin Luther King, Jr.'s Birthday",
        date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 },
        source: MCA_3_3_7,
        note: legal,
      },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: MCA_3_3_7, note: legal },
      {
        name: "Confederate Memorial Day",
        date: { kind: "nthWeekday", month: 4, weekday: 1, nth: -1 },
        source: MCA_3_3_7,
        note: legal + " Not a federal holiday.",
      },
      {
        name: "National Memorial Day and Jefferson Davis' Birthday",
        date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 },
        source: MCA_3_3_7,
        note: legal,
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: MCA_3_3_7, note: legal },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: MCA_3_3_7, note: legal },
      { name: "Armistice or Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: MCA_3_3_7, note: legal },
      {
        name: "Thanksgiving Day",
        date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 },
        source: MCA_3_3_7,
        note: "§ 3-3-7(1): the day the Governor proclaims, to correspond to the President's (the fourth Thursday of November).",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: MCA_3_3_7, note: legal },
    ],
    unverified: [
      "A holiday on a Saturday: § 3-3-7 moves only a Sunday holiday (to the next day); § 25-1-97 lets each agency head use the following Monday for a Saturday or Sunday holiday at discretion, and the State Employee Handbook (27 Miss. Code R. 120-3.1) says weekend holidays are observed as the Governor declares. No Governor's declaration for 2026 (Sat 4 Jul) or 2027 (Sat 25 Dec) was read, so no weekday is closed for a Saturday holiday.",
      "The day after Thanksgiving and Christmas Eve: Governors have authorised agency heads to close on them at their discretion (2007 proclamation, secondary copy); no 2026 or 2027 proclamation was read, so they count as working days.",
      "Juneteenth and Columbus Day are not Mississippi legal holidays (§ 3-3-7 as read, current to 2023; a 2023 bill to add Juneteenth was read only as introduced).",
      "Counties and municipalities may declare Mardi Gras or one other day a legal holiday in lieu of one § 3-3-7 holiday (§ 3-3-7(2)); which counties do so was not found, so no county-only closure is listed.",
    ],
  },
  law: {
    jurisdiction: "MS",
    lawName: "Mississippi Public Records Act of 1983",
    citation: "Miss. Code Ann. §§ 25-61-1 to 25-61-17 (time limits § 25-61-5(1))",
    response: {
      days: 7,
      dayType: "business",
      countsFrom: "receipt",
      source: MCA_25_61_5,
      note: "§ 25-61-5(1)(a): no public body may adopt procedures letting it produce or deny later than 7 working days from receipt; without written procedures, 1 working day. The 1-working-day default for bodies with no written procedures is not modelled.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The Act sets no deemed-receipt rule.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 7,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: { days: 14, dayType: "business", countsFrom: "receipt", source: MCA_25_61_5 },
      source: MCA_25_61_5,
      note: "§ 25-61-5(1)(b): a body that cannot produce by the 7th working day must explain in writing, with particularity, why; production may then be no later than 14 working days from receipt unless the parties agree otherwise.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Mississippi Ethics Commission",
      bodyKind: "independent_office",
      source: MCA_25_61_13,
      note: "§ 25-61-13(1)(b): before suing, the requester may ask the Ethics Commission for an opinion, attaching the written denial; the public body has 14 days to respond. No filing period is set.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the chancery court of the county in which the public body is located",
        bodyKind: "court",
        source: MCA_25_61_13,
        note: "§ 25-61-13(1)(a); no filing period is set.",
      },
    ],
    deemedDenial: {
      applies: false,
      source: null,
      note: "The Act does not deem a late response a denial; § 25-61-13(1)(b)(i) lets a requester go to the Ethics Commission where the official \"failed to respond\".",
    },
    unverified: [
      "The 7- and 14-working-day limits are from the 2010 amendment as described by the State Auditor and as worded in 2009 S.B. 2921 C.S. and several agencies' rules; the codified § 25-61-5 text itself was not read.",
    ],
  },
  cases: [
    {
      name: "Miss. Code 25-61-5(1), 3-3-7: 7 working days skip Confederate Memorial Day Mon 27 Apr 2026; 14-working-day limit Fri 15 May",
      received: "2026-04-24",
      expect: { dueDate: "2026-05-06", extensionLimit: "2026-05-15" },
    },
    {
      name: "Miss. Code 25-61-5(1), 3-3-7: Juneteenth Fri 19 Jun 2026 is a working day in Mississippi",
      received: "2026-06-16",
      expect: { dueDate: "2026-06-25" },
    },
    {
      name: "Miss. Code 25-61-5(1), 3-3-7: Columbus Day Mon 12 Oct 2026 is a working day",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-20" },
    },
    {
      name: "Miss. Code 25-61-5(1), 3-3-7: 7 working days skip Thanksgiving Thu 26 Nov 2026 only; 14-working-day limit Wed 16 Dec",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-07", extensionLimit: "2026-12-16" },
    },
    {
      name: "Miss. Code 25-61-5(1), 3-3-7: Robert E. Lee's and Dr. King's Birthday Mon 18 Jan 2027",
      received: "2027-01-14",
      expect: { dueDate: "2027-01-26" },
    },
  ],
};
