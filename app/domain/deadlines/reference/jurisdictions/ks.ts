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
const KSA_45_217 = {
  cite: "K.S.A. 45-217(a) (\"business day\")",
  url: "http://www.kslegislature.org/li_2014/b2013_14/statute/045_000_0000_chapter/045_002_0000_article/045_002_0017_section/045_002_0017_k/",
  primary: true,
} as const;
const KSA_45_218 = {
  cite: "K.S.A. 45-218(d)",
  url: "https://www.ksrevisor.org/statutes/chapters/ch45/045_002_0018.html",
  primary: true,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "KS",
    basis: {
      text:
        "KORA defines a business day as \"any day other than a Saturday, Sunday or day designated as a holiday by the congress of the United States, by the legislature or governor of this state or by the respective political subdivision of this state\" (K.S.A. 45-217(a)). So every federal holiday (5 U.S.C. 6103, including Presidents' Day, Juneteenth and Columbus Day), the legal public holidays of K.S.A. 35-107 and the Governor's designations (K.A.R. 1-9-2(b)) are excluded, whether or not the office is open.",
      source: KSA_45_217,
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
        note: "A legal public holiday under 35-107(a) and a federal holiday; state offices may be open (K.A.R. 1-9-2 does not list it), but K.S.A. 45-217(a) excludes it from business days.",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: KAR_1_9_2 },
      {
        name: "Juneteenth",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2021 },
        source: KSA_45_217,
        note: "A holiday designated by Congress (5 U.S.C. 6103, since 2021), so not a business day under 45-217(a); the Governor has also closed executive branch offices on it (Sunflower State Journal report).",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: KAR_1_9_2 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: KAR_1_9_2 },
      {
        name: "Columbus Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: KSA_35_107,
        note: "A legal public holiday under 35-107(a) and a federal holiday, though not a closure day in K.A.R. 1-9-2.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: KAR_1_9_2 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: KAR_1_9_2 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: KAR_1_9_2 },
    ],
    unverified: [
      "Federal Inauguration Day (5 U.S.C. 6103(c), DC-area employees only, 20 January every fourth year) is not included; whether it is a day 'designated as a holiday by the congress' for 45-217(a) is unsettled.",
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
      source: KSA_45_218,
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
      source: KSA_45_218,
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
      "K.S.A. 45-222 (court action) was not read.",
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
      name: "K.S.A. 45-218(d), 45-217(a): 3 business days skip Juneteenth Fri 19 Jun 2026 (a holiday designated by Congress)",
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
