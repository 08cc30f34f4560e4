import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "Fla. Stat. § 110.117(1) (2025 text)",
  url: "https://www.syfert.com/florida/statutes/0110.117.html",
  primary: true,
};
const ACT: Source = {
  cite: "Fla. Stat. § 119.07(1)(c), as quoted from the Attorney General's Government-in-the-Sunshine Manual",
  url: "https://whitespringsjournal.com/2021/05/vanessa-audre-unjustified-delay-in-producing-records-will-at-some-point-be-your-downfall-you-can-thank-columbia-county-observer-for-one-of-these-cases/",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "FL",
    basis: {
      text:
        "The Public Records Act sets no number of days (119.07(1)(c): acknowledge promptly, respond in good faith), so the calendar only says when state offices are closed: the paid holidays \"observed by all state branches and agencies\" of Fla. Stat. 110.117(1). The longer list of legal holidays in Fla. Stat. 683.01 does not close state offices.",
      source: HOLIDAYS,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Fla. Stat. § 110.117(1) (on a Saturday the preceding Friday; on a Sunday the following Monday)",
        url: HOLIDAYS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Birthday of Martin Luther King, Jr.", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      {
        name: "Friday after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: HOLIDAYS,
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Presidents' Day, Juneteenth and Columbus Day are not state paid holidays (110.117): state offices open. Each employee's personal holiday (110.117(3)) is not a closure.",
      "Counties, cities and school boards set their own holidays; a Governor's day of mourning (110.117(2)) or other closure by executive order for 2026 or 2027 was not found.",
    ],
  },
  law: {
    jurisdiction: "FL",
    lawName: "Florida Public Records Act",
    citation: "Fla. Stat. ch. 119",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: ACT,
      note:
        "No fixed number of days: the custodian must acknowledge requests promptly and respond in good faith; the only delay allowed is the reasonable time to retrieve the record and redact exempt parts (Tribune Co. v. Cannella, 458 So. 2d 1075 (Fla. 1984)). An unjustified delay can amount to an unlawful refusal.",
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
      source: null,
      note: "No period, so no extension rule.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the circuit court",
      bodyKind: "court",
      source: {
        cite: "Fla. Stat. § 119.11 (accelerated hearing), per the lead table",
        url: "https://www.cityofpensacola.com/FAQ.aspx?QID=142",
        primary: false,
      },
      note: "No administrative appeal: a civil action, which the court must set for an accelerated hearing.",
    },
    deemedDenial: { applies: false, source: null, note: "The Act has no deemed-denial rule." },
    unverified: [
      "119.07(1)(c) was read only as quoted from the Attorney General's manual; 119.11 was not read.",
      "Bills in 2025 (SB 1434) and 2026 (SB 770, HB 437, effective 1 July 2026 if enacted) would require a good-faith response within three business days (no fees if missed); only bill summaries and a news report (HB 437 had cleared three House committees) were read, and whether any became law was not confirmed. If one did, this file must gain a 3-business-day period from 1 July 2026.",
    ],
  },
  cases: [
    {
      name: "Fla. Stat. 119.07(1)(c): no fixed due date around the Friday after Thanksgiving 27 Nov 2026 (110.117(1)(h))",
      received: "2026-11-24",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "Fla. Stat. 119.07(1)(c), 110.117(1): no fixed due date around Independence Day observed Fri 3 Jul 2026",
      received: "2026-07-01",
      expect: { dueDate: null },
    },
    {
      name: "Fla. Stat. 119.11: no statutory period for suit after a denial around Christmas observed Fri 24 Dec 2027",
      received: "2027-12-13",
      events: [{ type: "denied", on: "2027-12-23" }],
      expect: { dueDate: null, appealDueDate: null },
    },
  ],
};
