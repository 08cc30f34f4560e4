import type { JurisdictionReference, Source } from "../types";

const CCP_12A: Source = {
  cite: "Cal. Code Civ. Proc. § 12a",
  url: "https://casetext.com/statute/california-codes/california-code-of-civil-procedure/division-preliminary-provisions/section-12a-last-day-for-performing-act-holiday",
  primary: true,
};
const CCP_135: Source = {
  cite: "Cal. Code Civ. Proc. § 135 (as amended by AB 855, Stats. 2021, ch. 283), adopting the full-day holidays of Gov. Code § 6700",
  url: "https://legiscan.com/CA/text/AB855/2021",
  primary: true,
};
const JUDICIAL = (name: string): Source => ({
  cite: `Cal. Code Civ. Proc. § 135; Gov. Code § 6700(a) (${name})`,
  url: CCP_135.url,
  primary: true,
});
const CPRA = (pinpoint: string): Source => ({
  cite: `Cal. Gov. Code § 7922.535${pinpoint}`,
  url: "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=GOV&sectionNum=7922.535",
  primary: true,
});

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "CA",
    basis: {
      text:
        "The CPRA counts calendar days (Gov. Code 7922.535: \"within 10 days from receipt\"), so closed days matter only when the last day falls on one. " +
        "CCP 12a(a) extends any period whose last day is a \"holiday\" to the next day that is not, and 12a(b) applies it to periods \"in this or any other code or statute\" (so to the Government Code's CPRA). " +
        "A 12a holiday is every Saturday, every judicial holiday of CCP 135, and (CCP 12b) any day the office concerned is closed for the whole day. " +
        "CCP 135 makes every full-day holiday of Gov. Code 6700 a judicial holiday except Admission Day (9 Sept), Columbus Day and days appointed only by the President, and adds every Saturday and the day after Thanksgiving.",
      source: CCP_12A,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Cal. Rules of Court, rule 1.11 (judicial holiday on a Saturday: the preceding Friday; on a Sunday: the following Monday), under CCP § 135",
        url: "https://courts.ca.gov/cms/rules/index/one/rule1_11",
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: JUDICIAL("6700(a)(2)") },
      { name: "Dr. Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: JUDICIAL("6700(a)(3)") },
      {
        name: "Lincoln Day",
        date: { kind: "fixed", month: 2, day: 12 },
        source: JUDICIAL("Lincoln Day, 12 February"),
        note: "A judicial holiday, though state offices (CalHR) are open: it still extends a CPRA last day under CCP 12a.",
      },
      { name: "Washington's Birthday (Presidents' Day)", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: JUDICIAL("third Monday in February") },
      { name: "Cesar Chavez Day", date: { kind: "fixed", month: 3, day: 31 }, source: JUDICIAL("Cesar Chavez Day, 31 March") },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: JUDICIAL("last Monday in May") },
      {
        name: "Juneteenth",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2023 },
        source: {
          cite: "Gov. Code § 6700(a)(10) (AB 1655, Stats. 2022, ch. 753), a full day not excepted by CCP § 135",
          url: "https://www.einpresswire.com/article/639711297/judicial-branch-celebrates-first-juneteenth-state-holiday",
          primary: false,
        },
        note:
          "State offices stay open (AB 1655 only lets state employees elect holiday credit), but Juneteenth is a full-day Gov. Code 6700 holiday that CCP 135 does not except, so it is a judicial holiday (courts first closed 19 June 2023) and extends a CPRA last day under CCP 12a.",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: JUDICIAL("4 July") },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: JUDICIAL("first Monday in September") },
      {
        name: "Native American Day",
        date: { kind: "nthWeekday", month: 9, weekday: 5, nth: 4 },
        years: { from: 2022 },
        source: JUDICIAL("Native American Day, fourth Friday in September"),
        note: "AB 855 (2021) removed it from CCP 135's exceptions, so it is a judicial holiday from 2022 although state offices are open.",
      },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: JUDICIAL("11 November") },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: JUDICIAL("Thanksgiving Day") },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: { cite: "Cal. Code Civ. Proc. § 135 (\"the day after Thanksgiving Day\")", url: CCP_135.url, primary: true },
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: JUDICIAL("25 December") },
    ],
    unverified: [
      "Columbus Day (second Monday in October) is left out: it is a Gov. Code 6700 holiday, but CCP 135 excepts it from the judicial holidays since AB 855 (2021) and state offices are open. Admission Day (9 Sept) is likewise excepted by CCP 135. Lunar New Year and Genocide Remembrance Day (24 April) are in Gov. Code 6700 but excepted from CCP 135 by AB 2596 and AB 1801 (2022), read only in bill digests and a secondary summary. Good Friday noon-3 p.m. is not a full day.",
      "Gov. Code 6707 was not read. If it extends a last day falling on any Gov. Code 6700 holiday (not only CCP 135's), a CPRA last day on Columbus Day, Admission Day, Lunar New Year or Genocide Remembrance Day would also roll forward; this calendar follows CCP 12a and 135 only.",
      "CCP 12b makes any day a particular office is closed for the whole day a holiday for that office (local furloughs, county holidays such as a board's alternate day under Gov. Code 6701): those are agency closures, not in the statewide calendar.",
      "The 2026 and 2027 CalHR state holiday calendar and the Judicial Council's court holiday list were not read; the list above is derived from the statutes.",
      "The current text of CCP 135 after AB 1655, AB 1801 and AB 2596 (2022) was read only in summaries; that Juneteenth is a judicial holiday rests on the Judicial Council's 2023 release (secondary).",
    ],
  },
  law: {
    jurisdiction: "CA",
    lawName: "California Public Records Act",
    citation: "Cal. Gov. Code §§ 7920.000-7931.000",
    response: {
      days: 10,
      dayType: "calendar",
      countsFrom: "receipt",
      source: CPRA("(a)"),
      note:
        "Within 10 days from receipt the agency determines whether the request seeks disclosable records and notifies the requester, with the estimated date and time of production; production itself must be prompt (7922.530). A last day that is a CCP 12a holiday moves to the next day that is not.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The CPRA sets no receipt rule; the period runs from the day the request is received.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 14,
      dayType: "calendar",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: CPRA("(b), (c)"),
      note:
        "In unusual circumstances (field facilities, voluminous records, consultation, data compilation, a declared state of emergency), by written notice from the head of the agency or a designee giving the reasons and the expected date; no notice may extend by more than 14 days.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the superior court",
      bodyKind: "court",
      source: { cite: "Cal. Gov. Code §§ 7923.000-7923.115", url: CPRA("").url, primary: false },
      note: "No administrative appeal: a petition for a writ of mandate or declaratory relief in the superior court, with no filing period in the Act.",
    },
    deemedDenial: {
      applies: false,
      source: null,
      note: "The CPRA does not deem a late answer a denial.",
    },
    unverified: [
      "The court-enforcement sections (Gov. Code 7923.000 et seq.) were not read in their text; that there is no administrative appeal and no filing period is from the lead table.",
    ],
  },
  cases: [
    {
      name: "Gov't Code 7922.535(a), CCP 12a, 135: 10th day on Juneteenth Fri 19 Jun 2026 (a judicial holiday, though state offices are open) rolls to Mon 22 Jun",
      received: "2026-06-09",
      expect: { dueDate: "2026-06-22" },
    },
    {
      name: "Gov't Code 7922.535(a), CCP 135 (AB 855): 10th day on Columbus Day Mon 12 Oct 2026 is not a holiday, due that day",
      received: "2026-10-02",
      expect: { dueDate: "2026-10-12" },
    },
    {
      name: "Gov't Code 7922.535(a), (b), CCP 135: 10th day on the day after Thanksgiving Fri 27 Nov 2026 rolls to Mon 30 Nov; 14-day extension to Mon 14 Dec",
      received: "2026-11-17",
      expect: { dueDate: "2026-11-30", extensionLimit: "2026-12-14" },
    },
    {
      name: "Gov't Code 7922.535(a), CCP 12a, 135: 10th day on Lincoln Day Fri 12 Feb 2027 rolls past Presidents' Day to Tue 16 Feb",
      received: "2027-02-02",
      expect: { dueDate: "2027-02-16" },
    },
    {
      name: "Gov't Code 7922.535(a), CCP 135: 10th day on Native American Day Fri 25 Sep 2026 rolls to Mon 28 Sep",
      received: "2026-09-15",
      expect: { dueDate: "2026-09-28" },
    },
    {
      name: "Gov't Code 7922.535(a), CCP 135, CRC 1.11: 10th day on Fri 24 Dec 2027 (Christmas observed) rolls to Mon 27 Dec",
      received: "2027-12-14",
      expect: { dueDate: "2027-12-27" },
    },
  ],
};
