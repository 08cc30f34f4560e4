import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "1 Del. C. § 501(a), (b)",
  url: "https://holidays.uslegal.com/state-holidays/delaware-legal-holidays/",
  primary: true,
};
const DHR: Source = {
  cite: "Legal holidays in the State of Delaware for calendar year 2024 (Department of Human Resources)",
  url: "https://dhr.delaware.gov/labor/holidays/2024.shtml",
  primary: true,
};
const AG_OPINION: Source = {
  cite: "29 Del. C. § 10003(h)(1), as stated in Del. Att'y Gen. Op. 20-IB15 (2020) and 25-IB62 (2025)",
  url: "https://attorneygeneral.delaware.gov/2020/04/08/20-ib15-4-8-2020-foia-opinion-letter-to-ms-julie-nay-re-foia-complaint-concerning-new-castle-county",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "DE",
    basis: {
      text:
        "FOIA answers are due within 15 business days of receipt (29 Del. C. 10003(h)(1)); business days are taken as weekdays other than the legal holidays of 1 Del. C. 501, on which state offices close (DHR holiday list). 501 also makes every Saturday a legal holiday.",
      source: AG_OPINION,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "1 Del. C. § 501(a) (on a Sunday the Monday following; on a Saturday the Friday preceding)",
        url: HOLIDAYS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      {
        name: "Juneteenth",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2022 },
        source: DHR,
        note: "On the 2024 DHR list; added to 501 by HB 119 (2021) per a secondary source.",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      {
        name: "General Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        source: HOLIDAYS,
        note: "\"The day of the General Election as it biennially occurs\": even years.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: HOLIDAYS,
      },
      { name: "Christmas", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Return Day (Sussex County, the second day after the General Election, after 12:00 noon; Thu 5 Nov 2026) is a half-day closure for state offices in Sussex County and is left out: the types cannot express an afternoon closure.",
      "Presidents' Day and Columbus Day are not Delaware legal holidays (state offices open). The two floating holidays (501(d)) are per employee.",
      "The DHR holiday lists for 2026 and 2027 were not read (2016 and 2024 were).",
    ],
  },
  law: {
    jurisdiction: "DE",
    lawName: "Delaware Freedom of Information Act",
    citation: "29 Del. C. §§ 10001-10007",
    response: {
      days: 15,
      dayType: "business",
      countsFrom: "receipt",
      source: AG_OPINION,
      note: "Within 15 business days of receipt: provide access, deny (in whole or part), or advise that more time is needed.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: AG_OPINION,
      note:
        "Within the 15 business days the public body may advise that more time is needed (voluminous records, legal advice needed, records in storage or archived) with a good-faith estimate of how long; the statute fixes no length or cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Attorney General",
      bodyKind: "attorney_general",
      source: {
        cite: "29 Del. C. § 10005(e) (per openmygovernment.org and AG opinions)",
        url: "https://www.openmygovernment.org/delaware/",
        primary: false,
      },
      note: "A petition to the Attorney General for a determination whether a violation occurred; or suit in the Superior Court.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the Superior Court",
        bodyKind: "court",
        source: { cite: "29 Del. C. § 10005 (per PEER's Delaware summary)", url: "https://peer.org/state-and-federal-watch/delaware/", primary: false },
        note:
          "Suit under 29 Del. C. § 10005, reportedly within 60 days of learning of the denial and no more than six months after it; the custodian bears the burden of justifying the denial. The period is left unset because its text was not read.",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "No deemed-denial rule was found in the sources read." },
    unverified: [
      "The text of 29 Del. C. 10003(h) and 10005 was not read; the 15 business days and the extension are as stated in Attorney General opinions. Whether 10005 sets a period for an AG petition or a suit was not settled.",
    ],
  },
  cases: [
    {
      name: "29 Del. C. 10003(h)(1), 1 Del. C. 501: 15 business days skip Good Friday 3 Apr 2026",
      received: "2026-03-25",
      expect: { dueDate: "2026-04-16", extensionLimit: null },
    },
    {
      name: "29 Del. C. 10003(h)(1), 1 Del. C. 501: Presidents' Day Mon 16 Feb 2026 is a business day",
      received: "2026-02-06",
      expect: { dueDate: "2026-02-27" },
    },
    {
      name: "29 Del. C. 10003(h)(1), 1 Del. C. 501: 15 business days skip General Election Day Tue 3 Nov and Veterans' Day Wed 11 Nov 2026",
      received: "2026-10-23",
      expect: { dueDate: "2026-11-17" },
    },
    {
      name: "29 Del. C. 10003(h)(1), 1 Del. C. 501: odd year, Tue 2 Nov 2027 counts; Veterans' Day Thu 11 Nov skipped",
      received: "2027-11-01",
      expect: { dueDate: "2027-11-23" },
    },
    {
      name: "29 Del. C. 10003(h)(1), 1 Del. C. 501: 15 business days skip Thanksgiving and the day after, 25-26 Nov 2027",
      received: "2027-11-15",
      expect: { dueDate: "2027-12-08" },
    },
  ],
};
