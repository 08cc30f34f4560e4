import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "Conn. Gen. Stat. § 1-4",
  url: "https://lawserver.com/?p=29612004",
  primary: true,
};
const DAS: Source = {
  cite: "State of Connecticut holiday observance list 2024 (Department of Administrative Services)",
  url: "https://authoring-stage.ct.egov.com/das/services-for-state-employees/holidays",
  primary: true,
};
const S206 = (pinpoint: string): Source => ({
  cite: `Conn. Gen. Stat. § 1-206${pinpoint}`,
  url: "http://print.casetext.com/statute/general-statutes-of-connecticut/title-1-provisions-of-general-application/chapter-14-freedom-of-information-act/section-1-206-formerly-sec-1-21i-denial-of-access-to-public-records-or-meetings-appeals-notice-orders-civil-penalty-petition-for-relief-from-vexatious-requester-service-of-process-upon-commission-frivolous-appeals-appeal-re-state-hazardous-waste-program-records",
  primary: true,
});

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "CT",
    basis: {
      text:
        "The FOIA counts \"four business days\" (1-206(a)); business days are taken as weekdays other than the legal holidays of Conn. Gen. Stat. 1-4 on which state offices close (DAS holiday observance list, which also closes Good Friday).",
      source: S206("(a)"),
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Conn. Gen. Stat. § 1-4 (a holiday not on a Monday: on a Sunday the Monday next following, on a Saturday the Friday immediately preceding)",
        url: HOLIDAYS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      {
        name: "Martin Luther King, Jr. Day",
        date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 },
        source: HOLIDAYS,
        note: "\"The first Monday occurring on or after January fifteenth\", which is always the third Monday.",
      },
      { name: "Lincoln Day", date: { kind: "fixed", month: 2, day: 12 }, source: HOLIDAYS },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HOLIDAYS },
      {
        name: "Good Friday",
        date: { kind: "easter", offset: -2 },
        source: DAS,
        note: "On the state's holiday observance list (a day of religious observance under 1-4), though not named in 1-4 itself.",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Juneteenth Independence Day", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: HOLIDAYS },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      {
        name: "Thanksgiving Day",
        date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 },
        source: DAS,
        note: "1-4 makes any day appointed by the Governor or the President as a day of thanksgiving a legal holiday.",
      },
      { name: "Christmas", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "The DAS observance lists for 2026 and 2027 were not read (the 2024 list was); Good Friday's place on them is taken from 2024.",
      "Juneteenth's first year (2022) is taken from the 2021 bill's effective date and the 2024 list; the enacted public act was not read.",
      "Municipal offices may keep other schedules; 1-4 holidays are taken to apply to them.",
    ],
  },
  law: {
    jurisdiction: "CT",
    lawName: "Connecticut Freedom of Information Act",
    citation: "Conn. Gen. Stat. §§ 1-200 to 1-242",
    response: {
      days: 4,
      dayType: "business",
      countsFrom: "receipt",
      source: S206("(a)"),
      note:
        "A denial must be made in writing within four business days of the request (ten for personnel and medical files under 1-214(b)-(c)); silence for that long is a deemed denial. The FOIC reads the four days as the appeal trigger; production itself must be prompt (1-210(a)).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note:
        "The text runs the period from \"such request\"; City of Bridgeport v. FOIC, 222 Conn. App. 17 (2023), concerned whether it runs from the agency's receipt; its holding was not read.",
    },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S206("(a)"),
      note: "No extension: after four business days the request is deemed denied.",
    },
    appeal: {
      days: 30,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the Freedom of Information Commission",
      bodyKind: "independent_office",
      source: S206("(b)(1)"),
      note:
        "A notice of appeal not later than thirty days after the denial (calendar days: FIC 2013-781, Baer v. Thompson Board of Education); filed on receipt, or on the postmark date if received later.",
    },
    deemedDenial: {
      applies: true,
      source: S206("(a)"),
      note: "Failure to comply within the applicable number of business days is deemed a denial.",
    },
    unverified: [
      "Whether the four business days run from the day the request was sent or from its receipt (City of Bridgeport v. FOIC, 2023) was not settled from the opinion's text.",
      "The FOIC's postal address was not read.",
    ],
  },
  cases: [
    {
      name: "Conn. Gen. Stat. 1-206(a), (b)(1), 1-4: 4 business days skip Lincoln Day Thu 12 Feb and Washington's Birthday Mon 16 Feb 2026; 30-day appeal from the deemed denial",
      received: "2026-02-10",
      expect: { dueDate: "2026-02-18", appealDueDate: "2026-03-20" },
    },
    {
      name: "Conn. Gen. Stat. 1-206(a): 4 business days skip Good Friday 3 Apr 2026 (DAS list)",
      received: "2026-04-01",
      expect: { dueDate: "2026-04-08" },
    },
    {
      name: "Conn. Gen. Stat. 1-206(a), 1-4: Lincoln Day Fri 12 Feb 2027 and Washington's Birthday Mon 15 Feb 2027 skipped",
      received: "2027-02-11",
      expect: { dueDate: "2027-02-19", extensionLimit: "2027-02-19" },
    },
    {
      name: "Conn. Gen. Stat. 1-206(b)(1): 30-day appeal from a 25 Nov 2026 denial ends on Christmas Fri 25 Dec, rolls to Mon 28 Dec",
      received: "2026-11-16",
      events: [{ type: "denied", on: "2026-11-25" }],
      expect: { appealDueDate: "2026-12-28" },
    },
  ],
};
