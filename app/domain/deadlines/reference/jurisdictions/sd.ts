import type { JurisdictionReference, Source } from "../types";

const S1_5_1: Source = {
  cite: "SDCL § 1-5-1 (as amended SL 2022, ch 1: Juneteenth)",
  url: "https://sdlegislature.gov/Statutes/1-5",
  primary: true,
};
const S1_27_37: Source = {
  cite: "SDCL § 1-27-37",
  url: "https://instalawyer.io/laws/south-dakota-codified-laws/section-1-27-37-written-request",
  primary: true,
};
const OHE: Source = {
  cite: "SDCL § 1-27-38 as described by the Office of Hearing Examiners (Resolution Process for Public Records Disputes)",
  url: "https://boa.sd.gov/ohe/resolution-process.aspx",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "SD",
    basis: {
      text:
        "SDCL 1-27-37 counts \"business days\" without defining them; they are taken as weekdays other than the legal holidays of SDCL 1-5-1, which include Native Americans' Day (second Monday in October) and Juneteenth (since 2022).",
      source: S1_5_1,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "SDCL § 1-5-1, second paragraph (1 January, 19 June, 4 July, 11 November, 25 December: Sunday -> Monday, Saturday -> Friday)",
        url: "https://sdlegislature.gov/Statutes/1-5",
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S1_5_1 },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S1_5_1 },
      { name: "Birthdays of Lincoln and Washington", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S1_5_1 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S1_5_1 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: S1_5_1 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S1_5_1 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S1_5_1 },
      { name: "Native Americans' Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: S1_5_1 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: S1_5_1 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S1_5_1 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S1_5_1 },
    ],
    unverified: [
      "No official 2026/2027 state-employee holiday calendar (Bureau of Human Resources) was read; a University of South Dakota page republishing the state calendar agrees with § 1-5-1 (10 holidays plus Juneteenth, Friday/Monday observance). Any day the Governor appoints as a holiday (§ 1-5-1) in 2026 or 2027 is not included; the day after Thanksgiving is not a legal holiday.",
      "South Dakota Statehood Day (2 November, § 1-5-1.3) is a working holiday: offices open, not a closure.",
    ],
  },
  law: {
    jurisdiction: "SD",
    lawName: "South Dakota public records law",
    citation: "SDCL ch. 1-27; §§ 1-27-37, 1-27-38",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: S1_27_37,
      note:
        "Applies to a written request to the public record officer, made after an informal request to the custodian was denied in whole or in part (§ 1-27-37): respond promptly, no later than 10 business days from receipt, by providing the record, denying it, or acknowledging receipt with an estimate of the time reasonably required (§ 1-27-37(1)). An unclear request may be sent back for clarification; no reply within 10 business days withdraws it (§ 1-27-37(3)).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: {
      days: 10,
      dayType: "business",
      source: S1_27_37,
      note: "Acknowledgement with a time estimate is one of the three permitted responses within the same 10 business days (§ 1-27-37(1)(c)); it is not a separate earlier deadline.",
    },
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S1_27_37,
      note:
        "By acknowledging the request with an estimate of the time reasonably required (§ 1-27-37(1)(c), (2)); the law fixes no length or cap. Failure to comply with the estimate has the same consequence as failure to respond (§ 1-27-37(5)).",
    },
    appeal: {
      days: 90,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the Office of Hearing Examiners",
      bodyKind: "independent_office",
      source: OHE,
      note: "Within 90 days the requester may file a written notice of review with the Office of Hearing Examiners, or bring a civil action in circuit court instead (§ 1-27-38). A hearing examiner's decision may be appealed to circuit court (§ 1-27-41).",
    },
    otherAppealRoutes: [
      {
        days: 90,
        dayType: "calendar",
        countsFrom: "denial_or_deemed_denial",
        body: "the circuit court",
        bodyKind: "court",
        source: OHE,
        note: "Civil action as the alternative to review by the Office of Hearing Examiners (§ 1-27-38).",
      },
    ],
    deemedDenial: {
      applies: true,
      source: { cite: "SDCL § 1-27-37(5)", url: "https://instalawyer.io/laws/south-dakota-codified-laws/section-1-27-37-written-request", primary: false },
      note: "Failure to respond within 10 business days, or to comply with the estimate, is treated as a denial (§ 1-27-37(5)); the text of (5) was cut off where it was read.",
    },
    unverified: [
      "§ 1-27-37(5) (deemed denial) was read only up to 'fails to comply with the estimate provid…'; § 1-27-38 (90 days; notice of review or civil action) was not read in its own text, only in the Office of Hearing Examiners' description and the lead table. Whether the 90 days run from a deemed denial is assumed from (5).",
    ],
  },
  cases: [
    {
      name: "SDCL 1-27-37(1), 1-5-1: 10 business days skip Native Americans' Day Mon 12 Oct 2026",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-26", extensionLimit: null },
    },
    {
      name: "SDCL 1-27-37(1), (5), 1-27-38, 1-5-1: Juneteenth Fri 19 Jun 2026 skipped; deemed denial 2 Jul, 90 days to 30 Sep 2026",
      received: "2026-06-17",
      expect: { dueDate: "2026-07-02", acknowledgementDueDate: "2026-07-02", appealDueDate: "2026-09-30" },
    },
    {
      name: "SDCL 1-27-37(1), 1-5-1: Fri 27 Nov 2026 after Thanksgiving is a business day in South Dakota",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-09" },
    },
    {
      name: "SDCL 1-27-37(1), 1-27-38, 1-5-1: Juneteenth Sat 19 Jun 2027 observed Fri 18 Jun; denial 17 Jun, 90 days to 15 Sep 2027",
      received: "2027-06-14",
      events: [{ type: "denied", on: "2027-06-17" }],
      expect: { dueDate: "2027-06-29", appealDueDate: "2027-09-15" },
    },
    {
      name: "SDCL 1-27-37(1), 1-5-1: Christmas and New Year's Day 2028 on Saturdays close Fri 24 and Fri 31 Dec 2027",
      received: "2027-12-21",
      expect: { dueDate: "2028-01-06" },
    },
  ],
};
