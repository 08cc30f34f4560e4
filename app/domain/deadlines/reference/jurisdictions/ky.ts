import type { JurisdictionReference } from "../types";

const KRS_18A_190 = {
  cite: "KRS 18A.190(1)-(2) (holidays for state personnel; state offices closed)",
  url: "https://self-law.org/code/ky/18a-190",
  primary: true,
} as const;
const KRS_61_880 = {
  cite: "KRS 61.880(1), (2)(a), (5), as reproduced in municipal codes (Shively § 34.09, Cloverport)",
  url: "https://codelibrary.amlegal.com/codes/shively/latest/shively_ky/0-0-0-931",
  primary: false,
} as const;
const KRS_61_872_5 = {
  cite: "KRS 61.872(5), as reproduced in the Pewee Valley code § 34.07 (pre-2021 three-day version)",
  url: "https://codelibrary.amlegal.com/codes/peweevalleyky/latest/peweevalley_ky/0-0-0-797",
  primary: false,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "KY",
    basis: {
      text:
        "The Open Records Act counts days \"excepting Saturdays, Sundays, and legal holidays\" (KRS 61.880(1)). The holidays applied are those on which KRS 18A.190 closes state offices, with its Saturday -> Friday and Sunday -> Monday rule.",
      source: KRS_18A_190,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "KRS 18A.190(2) (Saturday -> the preceding Friday; Sunday -> the following Monday)",
        url: KRS_18A_190.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: KRS_18A_190 },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: KRS_18A_190 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: KRS_18A_190 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: KRS_18A_190 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: KRS_18A_190 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: KRS_18A_190 },
      {
        name: "Presidential Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 4, anchor: 2028 },
        source: KRS_18A_190,
        note: "\"Presidential election day as required under KRS 2.190\": every fourth year (2028), none in 2026/2027.",
      },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: KRS_18A_190 },
      {
        name: "Day after Thanksgiving (the extra day)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: {
          cite: "KRS 18A.190(1)(i), (2): Thanksgiving \"plus one (1) extra day\" designated by the Governor; taken as the Friday after (designation not read)",
          url: KRS_18A_190.url,
          primary: false,
        },
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: KRS_18A_190 },
    ],
    unverified: [
      "The Governor's designation of the \"extra day\" that goes with New Year's Day and with Christmas (KRS 18A.190(1)(a), (j), (2)) for 2026 and 2027 was not read; those two days (usually 24 or 26 December and 31 December or 2 January) are missing. The Thanksgiving extra day is taken as the Friday after.",
      "Good Friday is a half-day closure (18A.190(1)(c)); it is counted as a business day here.",
      "Whether \"legal holidays\" in KRS 61.880(1) includes the wider list of KRS 2.110 (public holidays on which state offices stay open) was not checked; only the KRS 18A.190 closure days are applied.",
      "Local agencies set their own holidays; business days for them follow their own closures.",
    ],
  },
  law: {
    jurisdiction: "KY",
    lawName: "Kentucky Open Records Act",
    citation: "KRS 61.870 to 61.884",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: KRS_61_880,
      note: "Decide within five days, excepting Saturdays, Sundays and legal holidays, after receipt and notify the requester in writing (61.880(1), five days since HB 312 (2021); three before). Since 2021 the right to inspect is limited to Kentucky residents (61.872).",
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
      source: KRS_61_872_5,
      note: "Records in active use, in storage or not otherwise available: the custodian designates a place, time and date within the response period unless it gives a detailed explanation of the cause for further delay and the earliest date the records will be available (61.872(5)); no limit is set.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the Attorney General",
      bodyKind: "attorney_general",
      source: KRS_61_880,
      note: "Forward the request and the denial (or the request alone if the agency did not respond) to the Attorney General, who decides within 20 days excepting Saturdays, Sundays and legal holidays (61.880(2)(a)); no filing period for the requester was read. Appeal from the AG's decision to circuit court within 30 days (61.880(5)); or sue directly (61.882).",
    },
    deemedDenial: {
      applies: true,
      source: KRS_61_880,
      note: "A failure to respond may be taken to the Attorney General with the request alone (61.880(2)(a)).",
    },
    unverified: [
      "KRS 61.880 and 61.872(5) were read only as reproduced in municipal codes, not on the Legislative Research Commission's site; the Attorney General's address for appeals was not read.",
    ],
  },
  cases: [
    {
      name: "KRS 61.880(1), 18A.190: 5 days excepting Thanksgiving and the day after, 26-27 Nov 2026",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-04", extensionLimit: null },
    },
    {
      name: "KRS 61.880(1), 18A.190: 5 days excepting Martin Luther King, Jr. Day Mon 19 Jan 2026",
      received: "2026-01-12",
      expect: { dueDate: "2026-01-20" },
    },
    {
      name: "KRS 61.880(1), 18A.190: 5 days excepting Veterans Day Wed 11 Nov 2026",
      received: "2026-11-09",
      expect: { dueDate: "2026-11-17" },
    },
    {
      name: "KRS 61.880(1), 18A.190(2): Independence Day Sat 4 Jul 2026 observed Fri 3 Jul",
      received: "2026-06-29",
      expect: { dueDate: "2026-07-07" },
    },
  ],
};
