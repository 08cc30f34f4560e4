import type { JurisdictionReference, Source } from "../types";

const S371: Source = {
  cite: "1 V.S.A. § 371",
  url: "https://www.lawserver.com/law/state/vermont/vt-statutes/vermont_statutes_title_1_371",
  primary: true,
};
const S318: Source = {
  cite: "1 V.S.A. § 318(a) (Vermont Statutes Online, 2024)",
  url: "https://legislature.vermont.gov/statutes/section/01/005/00318",
  primary: true,
};
const S316: Source = {
  cite: "1 V.S.A. § 316(a)(1) (as published by the Agency of Education)",
  url: "https://education.vermont.gov/about-us/public-information/vermont-public-records-act",
  primary: true,
};
const S318_OLD: Source = {
  cite: "1 V.S.A. § 318(a)(3), (5) (pre-2011 text as published by the Town of Waitsfield)",
  url: "http://www.waitsfieldvt.us/about/government_1vsa318.cfm",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "VT",
    basis: {
      text:
        "The Act counts \"business days\" (§ 318(a)(1)) and opens State agencies' records on any day other than a Saturday, Sunday or legal holiday (§ 316(a)(1)); the legal holidays are those of § 371, which State offices observe.",
      source: S316,
    },
    weekend: { rule: "friday_monday", source: S371 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S371 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S371 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S371 },
      { name: "Town Meeting Day", date: { kind: "nthWeekday", month: 3, weekday: 2, nth: 1 }, source: S371, note: "The first Tuesday in March." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S371 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S371 },
      { name: "Bennington Battle Day", date: { kind: "fixed", month: 8, day: 16 }, source: S371 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S371 },
      { name: "Indigenous Peoples' Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: S371 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: S371 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S371 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S371 },
    ],
    unverified: [
      "No official 2026/2027 State of Vermont holiday calendar (Department of Human Resources) was read. § 371(b) leaves the opening or closing of State offices to collective bargaining; Juneteenth (an observance on the third Saturday of June), the day after Thanksgiving and Christmas Eve are not legal holidays and are not included. Town and city offices may differ.",
    ],
  },
  law: {
    jurisdiction: "VT",
    lawName: "Vermont Public Records Act",
    citation: "1 V.S.A. §§ 315-320; § 318",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: S318,
      note:
        "\"Promptly\" means immediately, with little or no delay, and not more than three business days from receipt of a request (or from a reversal on appeal) (§ 318(a)(1)). A record in active use or storage: a date within one calendar week of the request (§ 318(b)(1)).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 10,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S318_OLD,
      note:
        "In unusual circumstances the time limits may be extended by written notice setting out the reasons and the date a determination is expected; the 10-business-day maximum is from the lead table and secondary summaries, not read in the current text.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the head of the agency",
      bodyKind: "agency_head",
      source: S318_OLD,
      note:
        "An adverse determination may be appealed to the head of the agency, who decides within five days excepting Saturdays, Sundays and legal holidays; then the Superior Court (§ 319). The Act sets no period within which the requester must appeal.",
    },
    otherAppealRoutes: [
      { days: null, dayType: null, countsFrom: "denial", body: "the Superior Court", bodyKind: "court", source: null, note: "1 V.S.A. § 319 (not read)." },
    ],
    deemedDenial: {
      applies: true,
      source: S318,
      note: "A custodian or head of the agency who misses the time limit is deemed to have denied the request or appeal when it expires (§ 318(a)(2)).",
    },
    unverified: [
      "The current § 318 was read only through (a) and (b)(2); the extension text (unusual circumstances, up to 10 business days) and the appeal subsection were read in an older version (appeal decided within five days excluding weekends and holidays).",
    ],
  },
  cases: [
    {
      name: "1 V.S.A. 318(a)(1), 371(a)(4): 3 business days skip Town Meeting Day Tue 3 Mar 2026; 10-business-day extension to 19 Mar",
      received: "2026-02-27",
      expect: { dueDate: "2026-03-05", extensionLimit: "2026-03-19" },
    },
    {
      name: "1 V.S.A. 318(a)(1), 371(a)(7), (b): Bennington Battle Day Sun 16 Aug 2026 observed Mon 17 Aug",
      received: "2026-08-14",
      expect: { dueDate: "2026-08-20" },
    },
    {
      name: "1 V.S.A. 318(a)(1), 371(a)(7): Bennington Battle Day Mon 16 Aug 2027 skipped",
      received: "2027-08-13",
      expect: { dueDate: "2027-08-19" },
    },
    {
      name: "1 V.S.A. 318(a)(1), 371: Juneteenth Fri 19 Jun 2026 is a business day in Vermont",
      received: "2026-06-17",
      expect: { dueDate: "2026-06-22" },
    },
    {
      name: "1 V.S.A. 318(a)(1), 371: Fri 27 Nov 2026 after Thanksgiving is a business day in Vermont",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-01" },
    },
  ],
};
