import type { JurisdictionReference, Source } from "../types";

const NRS_236_015: Source = {
  cite: "NRS 236.015 (legal holidays; state, county and city offices must close; Saturday/Sunday rule for 1 Jan, 4 Jul, 11 Nov, 25 Dec)",
  url: "http://leg.state.nv.us/Division/Legal/LawLibrary/NRS/NRS-236.html",
  primary: true,
};
const AB140_2023: Source = {
  cite: "NRS 236.015 as amended by A.B. 140 (2023): Juneteenth Day (19 June) a legal holiday, Saturday/Sunday rule applies, as reported by Kamer Zucker Abbott",
  url: "https://kzalaw.com/?p=3401",
  primary: false,
};
const NRS_239_0107: Source = {
  cite: "NRS 239.0107(1)",
  url: "https://instalawyer.io/laws/nevada-revised-statutes/chapter-239-public-records-nrs-2390107-requests-for",
  primary: true,
};
const NRS_239_011: Source = {
  cite: "NRS 239.011 (application to the district court), per lead table",
  url: "https://instalawyer.io/laws/nevada-revised-statutes/chapter-239-public-records-nrs-2390107-requests-for",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NV",
    basis: {
      text:
        "NRS 239.0107 counts business days. NRS 236.015 declares the legal holidays for state, county and city governmental offices and requires those offices to close on them; a 1 Jan, 4 Jul, 11 Nov or 25 Dec (and since 2023, 19 Jun) Saturday is observed the Friday before, a Sunday the Monday after.",
      source: NRS_236_015,
    },
    weekend: { rule: "friday_monday", source: NRS_236_015 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: NRS_236_015 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: NRS_236_015 },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: NRS_236_015 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: NRS_236_015 },
      { name: "Juneteenth Day", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2023 }, source: AB140_2023 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: NRS_236_015 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: NRS_236_015 },
      {
        name: "Nevada Day",
        date: { kind: "nthWeekday", month: 10, weekday: 5, nth: -1 },
        source: NRS_236_015,
        note: "Nevada Day is 31 October but is observed on the last Friday in October.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: NRS_236_015 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: NRS_236_015 },
      {
        name: "Family Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: NRS_236_015,
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: NRS_236_015 },
    ],
    unverified: [
      "The Juneteenth amendment (A.B. 140, 2023) was read only in a law-firm bulletin; the 2023 NRS chapter index shows the old observance section 236.033 repealed, consistent with the move into 236.015. The text of 236.015 read is the 2013 revision.",
      "Columbus Day (NRS 236.025) is a day of observance only, not a legal holiday; offices are open.",
      "Days 'appointed by the President of the United States for public fast, thanksgiving or as a legal holiday' are also legal holidays (236.015(1)); none is known for 2026 or 2027.",
    ],
  },
  law: {
    jurisdiction: "NV",
    lawName: "Nevada Public Records Act",
    citation: "NRS ch. 239",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: NRS_239_0107,
      note:
        "Not later than the end of the fifth business day after the custodian receives a written or oral request: allow inspection or provide the copy, say in writing that the entity lacks custody (and who has it), give written notice that the record cannot be made available by then with the earliest date and time it will be, or deny in writing citing the legal authority.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: NRS_239_0107,
      note: "The period runs from the day the person with legal custody or control receives the request.",
    },
    acknowledgement: {
      days: 5,
      dayType: "business",
      source: NRS_239_0107,
      note: "The written notice of inability with the earliest date and time (239.0107(1)(c)) serves as the acknowledgement.",
    },
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: true,
      cap: null,
      source: NRS_239_0107,
      note:
        "The entity names 'the earliest date and time after which [it] reasonably believes' the record will be available; if it misses that date it must explain why in writing and give a new date. No cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the district court (application under NRS 239.011)",
      bodyKind: "court",
      source: NRS_239_011,
      note: "No administrative appeal and no fixed filing period.",
    },
    deemedDenial: { applies: false, source: null, note: "NRS ch. 239 has no deemed-denial rule." },
    unverified: [
      "NRS 239.011 was not read; the court route and the absence of a filing period rest on the lead table.",
      "'Business day' is not defined in NRS ch. 239 as far as read; the NRS 236.015 closures are applied.",
      "The absence of a deemed-denial rule was not confirmed against the whole of NRS ch. 239 (only 239.0107 was read).",
    ],
  },
  cases: [
    {
      name: "NRS 239.0107(1), 236.015: 5 business days skip Nevada Day Fri 30 Oct 2026 (last Friday in October)",
      received: "2026-10-27",
      expect: { dueDate: "2026-11-04", acknowledgementDueDate: "2026-11-04" },
    },
    {
      name: "NRS 239.0107(1), 236.015: 5 business days skip Thanksgiving and Family Day (26-27 Nov 2026)",
      received: "2026-11-23",
      expect: { dueDate: "2026-12-02" },
    },
    {
      name: "NRS 239.0107(1): 5 business days; Columbus Day Mon 12 Oct 2026 counts (observance only); no fixed extension",
      received: "2026-10-08",
      expect: { dueDate: "2026-10-15", extensionLimit: null },
    },
    {
      name: "NRS 239.0107(1), 236.015(3): 5 business days skip Juneteenth observed Fri 18 Jun 2027",
      received: "2027-06-15",
      expect: { dueDate: "2027-06-23" },
    },
    {
      name: "NRS 239.0107(1), 236.015: 5 business days skip Nevada Day Fri 29 Oct 2027",
      received: "2027-10-25",
      expect: { dueDate: "2027-11-02" },
    },
  ],
};
