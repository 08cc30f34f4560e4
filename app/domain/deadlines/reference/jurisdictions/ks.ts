import type { JurisdictionReference } from "../types";

const KSA_35_107 = {
  cite: "K.S.A. 35-107(a) (legal public holidays)",
  url: "https://self-law.org/code/ks/chapter-35/35-107",
  primary: true,
} as const;
const KAR_1_9_2 = {
  cite: "K.A.R. 1-9-2(a)-(b) (holidays for the state service)",
  url: "https://casetext.com/regulation/kansas-administrative-code/agency-1-department-of-administration/article-9-hours-leaves-employee-management-relations/section-1-9-2-holidays",
  primary: true,
} as const;
const KSAG_FAQ = {
  cite: "Kansas Attorney General, KORA FAQ G (response time), on K.S.A. 45-218",
  url: "http://www.ksag.org/page/g-response-time-and-process",
  primary: false,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "KS",
    basis: {
      text:
        "KORA counts business days (K.S.A. 45-218(d)); the Attorney General reads them as excluding weekends and holidays. The holidays are the legal public holidays of K.S.A. 35-107 (which include Presidents' Day and Columbus Day) and the days the Governor designates for the state service (K.A.R. 1-9-2(b)).",
      source: KSAG_FAQ,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "K.A.R. 1-9-2(a): Saturday holiday observed the preceding Friday, Sunday holiday the following Monday",
        url: KAR_1_9_2.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: KAR_1_9_2 },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: KSA_35_107 },
      {
        name: "President's Day",
        date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 },
        source: KSA_35_107,
        note: "A legal public holiday under 35-107(a); state offices may be open (K.A.R. 1-9-2 does not list it), but KORA's business days exclude holidays.",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: KAR_1_9_2 },
      {
        name: "Juneteenth",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2021 },
        source: {
          cite: "Federal holiday (5 U.S.C. 6103) and Governor Kelly's designation for executive branch offices, as reported",
          url: "https://sunflowerstatejournal.com/legislature-adds-juneteenth-to-list-of-holidays/",
          primary: false,
        },
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: KAR_1_9_2 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: KAR_1_9_2 },
      {
        name: "Columbus Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: KSA_35_107,
        note: "A legal public holiday under 35-107(a), though not a closure day in K.A.R. 1-9-2.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: KAR_1_9_2 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: KAR_1_9_2 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: KAR_1_9_2 },
    ],
    unverified: [
      "The KORA definition of \"business day\" (K.S.A. 45-217) was not read; recalled as excluding days designated as holidays by Congress, the Legislature or Governor, or the political subdivision. If it is narrower, President's Day and Columbus Day may count.",
      "The Governor's holiday memoranda for 2026 and 2027 (K.A.R. 1-9-2(b): extra closure days such as the Friday after Thanksgiving or Christmas Eve, and Juneteenth) were not read; no extra day is included.",
      "Political subdivisions designate their own holidays; business days for them follow their own closures.",
    ],
  },
  law: {
    jurisdiction: "KS",
    lawName: "Kansas Open Records Act",
    citation: "K.S.A. 45-215 et seq.",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: KSAG_FAQ,
      note: "Act upon a request as soon as possible, but not later than the end of the third business day following the date it is received (45-218(d)).",
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
      source: KSAG_FAQ,
      note: "If access is not granted immediately, the custodian gives a detailed explanation of the cause for further delay and the place and earliest time and date the record will be available (45-218(d)); no limit is set.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the district court",
      bodyKind: "court",
      source: null,
      note: "No administrative appeal: action in district court (K.S.A. 45-222); a complaint may also go to the Attorney General or the county or district attorney. No filing period was read.",
    },
    deemedDenial: { applies: false, source: null, note: "KORA has no deemed-denial rule." },
    unverified: [
      "K.S.A. 45-218(d) was read only as stated in the Attorney General's FAQ; 45-222 was not read.",
    ],
  },
  cases: [
    {
      name: "K.S.A. 45-218(d), 35-107: 3 business days skip President's Day Mon 16 Feb 2026",
      received: "2026-02-12",
      expect: { dueDate: "2026-02-18", extensionLimit: null },
    },
    {
      name: "K.S.A. 45-218(d), 35-107: 3 business days skip Columbus Day Mon 12 Oct 2026",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-15" },
    },
    {
      name: "K.S.A. 45-218(d): 3 business days skip Juneteenth Fri 19 Jun 2026",
      received: "2026-06-17",
      expect: { dueDate: "2026-06-23" },
    },
    {
      name: "K.S.A. 45-218(d), K.A.R. 1-9-2: 3 business days skip Veterans' Day Wed 11 Nov 2026",
      received: "2026-11-10",
      expect: { dueDate: "2026-11-16" },
    },
  ],
};
