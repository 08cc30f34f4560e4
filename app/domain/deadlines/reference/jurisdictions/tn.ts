import type { JurisdictionReference, Source } from "../types";

const S15_1_101: Source = {
  cite: "Tenn. Code Ann. § 15-1-101 (text as quoted by the UT County Technical Assistance Service)",
  url: "https://www.ctas.tennessee.edu/eli/holidays",
  primary: true,
};
const TN_2025: Source = {
  cite: "Tennessee State Government 2025 Holiday Office Closures (tn.gov/about-tn/state-holidays, as republished)",
  url: "https://capitalfiling.com/state-holiday-schedule/",
  primary: false,
};
const S10_7_503: Source = {
  cite: "Tenn. Code Ann. § 10-7-503(a)(2)(B) (text as quoted by the Tennessee Coalition for Open Government)",
  url: "https://tcog.info/faq-items/how-government-is-required-to-respond-to-a-public-records-request",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "TN",
    basis: {
      text:
        "The Public Records Act counts \"business days\" (§ 10-7-503(a)(2)(B)) without defining them; they are taken as weekdays other than the days state offices close: the legal holidays of § 15-1-101, on which 'all public offices of this state may be closed', as the state observes them (the Governor substitutes the Friday after Thanksgiving for Columbus Day for state offices).",
      source: S15_1_101,
    },
    weekend: { rule: "friday_monday", source: S15_1_101 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S15_1_101 },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S15_1_101 },
      { name: "Washington Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S15_1_101 },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: S15_1_101 },
      { name: "Memorial or Decoration Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S15_1_101 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: S15_1_101 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S15_1_101 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S15_1_101 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: S15_1_101 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S15_1_101 },
      {
        name: "Friday after Thanksgiving (substituted for Columbus Day)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: TN_2025,
        note: "State offices stay open on Columbus Day (second Monday in October), a § 15-1-101 legal holiday, and close the Friday after Thanksgiving instead by the Governor's substitution.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S15_1_101 },
      {
        name: "State office closure (Governor-approved, 2025 schedule)",
        date: { kind: "dates", dates: ["2025-12-24", "2026-01-02"] },
        source: TN_2025,
        note: "Listed in the 2025 state office closures: Wed 24 Dec 2025 with Christmas, Fri 2 Jan 2026 with New Year's Day 2026.",
      },
    ],
    unverified: [
      "The state office closure list (Columbus Day replaced by the Friday after Thanksgiving; Christmas Eve 2025 and Fri 2 Jan 2026 closures) was read only in a republication of the tn.gov 2025 list; no 2026 or 2027 list was read, so any Governor-approved Christmas Eve or other extra closure in 2026/2027 is missing.",
      "County and city offices: Columbus Day is a § 15-1-101 legal holiday on which they may close, and the Attorney General's view (as reported by CTAS) is that county offices may close only on the statutory legal holidays, so the Friday after Thanksgiving is not one for them. This statewide calendar follows state offices; the types cannot give local governments a different calendar.",
      "Election days are § 15-1-101 legal holidays on which public offices 'may' close; state offices are not known to close, so they are not included. Saturday afternoons are half-holidays (irrelevant to weekday counting).",
    ],
  },
  law: {
    jurisdiction: "TN",
    lawName: "Tennessee Public Records Act",
    citation: "Tenn. Code Ann. §§ 10-7-503, 10-7-505",
    response: {
      days: 7,
      dayType: "business",
      countsFrom: "receipt",
      source: S10_7_503,
      note:
        "Records are made available promptly; if that is not practicable, within 7 business days the custodian makes them available, denies in writing (or on the Office of Open Records Counsel's response form) with the basis, or states in writing the time reasonably necessary to produce them. Only Tennessee citizens have the right of access (§ 10-7-503(a)(2)(A)).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S10_7_503,
      note: "By furnishing, within the 7 business days, the time reasonably necessary to produce the records (§ 10-7-503(a)(2)(B)(iii)); no fixed length or cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the chancery court",
      bodyKind: "court",
      source: null,
      note: "No administrative appeal: petition for access in chancery court (§ 10-7-505); no filing period read. The Office of Open Records Counsel gives informal help and is not an appeal body.",
    },
    deemedDenial: {
      applies: true,
      source: { cite: "Tenn. Code Ann. § 10-7-503(a)(3)", url: "https://tcog.info/faq-items/how-government-is-required-to-respond-to-a-public-records-request", primary: false },
      note: "Failure to respond as § 10-7-503(a)(2) requires is a denial that may be taken to court (§ 10-7-503(a)(3)); its text was not read.",
    },
    unverified: [
      "§ 10-7-503(a)(3) (failure to respond is a denial) and § 10-7-505 (chancery court petition) were not read in their text.",
    ],
  },
  cases: [
    {
      name: "Tenn. Code 10-7-503(a)(2)(B), 15-1-101: 7 business days skip Good Friday 3 Apr 2026",
      received: "2026-04-01",
      expect: { dueDate: "2026-04-13", extensionLimit: null },
    },
    {
      name: "Tenn. Code 10-7-503(a)(2)(B): state offices open on Columbus Day Mon 12 Oct 2026",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-20" },
    },
    {
      name: "Tenn. Code 10-7-503(a)(2)(B), 15-1-101: Thanksgiving and the substituted Friday 27 Nov 2026 skipped",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-07" },
    },
    {
      name: "Tenn. Code 10-7-503(a)(2)(B), 15-1-101: Juneteenth Sat 19 Jun 2027 observed Fri 18 Jun",
      received: "2027-06-16",
      expect: { dueDate: "2027-06-28" },
    },
    {
      name: "Tenn. Code 10-7-503(a)(2)(B), 15-1-101: New Year's Day and the closure of Fri 2 Jan 2026 skipped",
      received: "2025-12-30",
      expect: { dueDate: "2026-01-12" },
    },
  ],
};
