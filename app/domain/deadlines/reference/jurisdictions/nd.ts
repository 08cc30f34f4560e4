import type { JurisdictionReference, Source } from "../types";

const NDCC_1_03: Source = {
  cite: "N.D.C.C. §§ 1-03-01, 1-03-01.1, 1-03-02, 1-03-02.1 (holidays)",
  url: "https://statutes.laws.com/north-dakota/t01/t01c03",
  primary: true,
};
const NDCC_44_04_18: Source = {
  cite: "N.D.C.C. § 44-04-18",
  url: "https://law.counselstack.com/statute/nd/44-04-18",
  primary: true,
};
const NDAG_2021_O_09: Source = {
  cite: "N.D.A.G. 2021-O-09 (reasonable time; explain any delay), as reported",
  url: "https://www.einpresswire.com/article/550758425/n-d-attorney-general-opinion-sept-3",
  primary: false,
};
const NDCC_44_04_21_1: Source = {
  cite: "N.D.C.C. § 44-04-21.1(1)",
  url: "https://lexace.ai/us/statute/north-dakota/44-04-21.1",
  primary: true,
};
const NDCC_44_04_21_2: Source = {
  cite: "N.D.C.C. § 44-04-21.2(1)",
  url: "https://lexace.ai/us/statute/north-dakota/44-04-21.2",
  primary: true,
};

const holiday = "A holiday under N.D.C.C. § 1-03-01.";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "ND",
    basis: {
      text:
        "The open records law sets no day-counted response period; the calendar serves the appeal periods and follow-ups. Holidays are those of N.D.C.C. § 1-03-01 (Columbus Day and Juneteenth are not among them; Good Friday is), with the weekend rule of §§ 1-03-02 and 1-03-02.1.",
      source: NDCC_1_03,
    },
    weekend: { rule: "friday_monday", source: NDCC_1_03 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: NDCC_1_03, note: holiday },
      { name: "Martin Luther King Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: NDCC_1_03, note: holiday },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: NDCC_1_03, note: holiday },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: NDCC_1_03, note: holiday + " Not a federal holiday." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: NDCC_1_03, note: holiday },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: NDCC_1_03, note: holiday },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: NDCC_1_03, note: holiday },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: NDCC_1_03, note: holiday },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: NDCC_1_03, note: holiday },
      {
        name: "Christmas Day",
        date: { kind: "fixed", month: 12, day: 25 },
        source: NDCC_1_03,
        note: holiday + " State offices also close at noon on Christmas Eve (§ 1-03-01.1), a half day not counted as a closure here.",
      },
    ],
    unverified: [
      "Christmas Eve: § 1-03-01.1 closes State offices at noon on 24 December; a half-day closure cannot be expressed, so 24 December counts as an open day.",
      "§ 1-03-01(12) makes a holiday of every day the President or the Governor appoints as a public holiday; none was found for 2026 or 2027.",
      "The text of chapter 1-03 was read in a compiled copy whose date is not shown; no later change (e.g. adding Juneteenth) was found.",
      "Counties and cities may keep other schedules; this is the statutory calendar.",
    ],
  },
  law: {
    jurisdiction: "ND",
    lawName: "North Dakota Open Records Law",
    citation: "N.D.C.C. §§ 44-04-17.1 to 44-04-21.3 (access § 44-04-18)",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: NDCC_44_04_18,
      note: "§ 44-04-18: records are open during reasonable office hours and copies must be furnished on request; the Attorney General reads the law as requiring records within a reasonable time, with the reason for any delay told to the requester (2021-O-09; 21 days was reasonable on its facts in 2023-O-06). No fixed number of days.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "No deemed-receipt rule; a request need not be in person or in writing (§ 44-04-18(2)).",
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
      days: 30,
      dayType: "calendar",
      countsFrom: "denial",
      body: "the Attorney General (opinion reviewing the denial)",
      bodyKind: "attorney_general",
      source: NDCC_44_04_21_1,
      note: "§ 44-04-21.1(1): any interested person may ask for an Attorney General's opinion reviewing a written denial or other alleged violation of § 44-04-18, within thirty days of the alleged violation. An unreasonable delay is itself a violation, but its date is not fixed, so no deemed-denial date is computed.",
    },
    otherAppealRoutes: [
      {
        days: 60,
        dayType: "calendar",
        countsFrom: "denial",
        body: "the district court of the county where the entity has its principal office",
        bodyKind: "court",
        source: NDCC_44_04_21_2,
        note: "§ 44-04-21.2(1): a civil action within sixty days of the date the person knew or should have known of the violation, or within thirty days of an Attorney General's opinion on it, whichever is later; the complaint must attach a dated written request. Fees or damages need three working days' notice to the entity first (subsection 3).",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "No fixed period, so nothing is deemed denied on a date." },
    unverified: [
      "Whether the thirty days of § 44-04-21.1 run from the denial's date or from the requester's receipt of it: the cases count from the denial's date.",
      "The Attorney General's opinions on reasonable time (2021-O-09, 2023-O-06) were read only in summaries.",
    ],
  },
  cases: [
    {
      name: "N.D.C.C. 44-04-18: no fixed period, so no due date",
      received: "2026-03-02",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "N.D.C.C. 44-04-21.1, 1-03-01(5): 30 days from a denial on Wed 4 Mar 2026 end on Good Friday 3 Apr, roll to Mon 6 Apr",
      received: "2026-02-20",
      events: [{ type: "denied", on: "2026-03-04" }],
      expect: { dueDate: null, appealDueDate: "2026-04-06" },
    },
    {
      name: "N.D.C.C. 44-04-21.1, 1-03-01(11): 30 days from a denial on Wed 25 Nov 2026 end on Christmas Fri 25 Dec, roll to Mon 28 Dec",
      received: "2026-11-16",
      events: [{ type: "denied", on: "2026-11-25" }],
      expect: { appealDueDate: "2026-12-28" },
    },
    {
      name: "N.D.C.C. 44-04-21.1, 1-03-02.1: 30 days from a denial on Thu 3 Jun 2027 end Sat 3 Jul, roll past Independence Day Sun 4 Jul (kept Mon 5 Jul) to Tue 6 Jul",
      received: "2027-05-24",
      events: [{ type: "denied", on: "2027-06-03" }],
      expect: { appealDueDate: "2027-07-06" },
    },
  ],
};
