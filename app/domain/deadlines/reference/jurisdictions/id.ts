import type { JurisdictionReference } from "../types";

const IC_73_108 = {
  cite: "Idaho Code § 73-108 (holidays enumerated)",
  url: "http://legislature.idaho.gov/idstat/Title73/T73CH1SECT73-108.htm",
  primary: true,
} as const;
const IC_74_103_1 = {
  cite: "Idaho Code § 74-103(1)-(2) (formerly § 9-339), text as set out in H.B. 61 (2005)",
  url: "https://legislature.idaho.gov/sessioninfo/2005/legislation/H0061/",
  primary: true,
} as const;
const IC_74_115 = {
  cite: "Idaho Code § 74-115(1)",
  url: "https://legislature.idaho.gov/statutesrules/idstat/title74/t74ch1/sect74-115/",
  primary: true,
} as const;
const DEQ_FAQ = {
  cite: "Idaho Code § 74-103(4) (deemed denial after ten working days), as stated in an Idaho DEQ public-records FAQ",
  url: "https://docgo.net/philosophy-of-money.html?utm_source=prr-faqs",
  primary: false,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "ID",
    basis: {
      text:
        "The Public Records Act counts working days (74-103); working days are taken as weekdays other than the holidays of Idaho Code § 73-108, which also moves a Saturday holiday to the Friday before and a Sunday holiday to the Monday after.",
      source: IC_73_108,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Idaho Code § 73-108 (\"Any legal holiday that falls on Saturday, the preceding Friday shall be a holiday ... on Sunday, the following Monday\")",
        url: IC_73_108.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: IC_73_108 },
      { name: "Martin Luther King, Jr.-Idaho Human Rights Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: IC_73_108 },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: IC_73_108 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: IC_73_108 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: IC_73_108 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: IC_73_108 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: IC_73_108 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: IC_73_108 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: IC_73_108 },
      { name: "Christmas", date: { kind: "fixed", month: 12, day: 25 }, source: IC_73_108 },
    ],
    unverified: [
      "The § 73-108 text read is the version as amended in 2002; whether a later act added Juneteenth was not checked (it is not included).",
      "§ 73-108 also makes a holiday of \"every day appointed by the President of the United States, or by the governor\" for a holiday: no 2026/2027 appointment (e.g. a presidential Christmas Eve closure) was looked for.",
      "Counties and cities may close on other days; business days for them follow their own closures.",
    ],
  },
  law: {
    jurisdiction: "ID",
    lawName: "Idaho Public Records Act",
    citation: "Idaho Code §§ 74-101 to 74-126",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: IC_74_103_1,
      note: "Grant or deny within three working days of the date of receipt of the request (74-103(1)).",
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
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      repeatable: false,
      cap: null,
      source: IC_74_103_1,
      note: "If a longer period is needed to locate or retrieve the records, the agency notifies the requester in writing (within the three working days) and provides the records no later than ten working days following the request (74-103(1)).",
    },
    appeal: {
      days: 180,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the district court of the county where the records are located",
      bodyKind: "court",
      source: IC_74_115,
      note: "No administrative appeal: a petition in district court within 180 calendar days from the date of mailing of the notice of denial or partial denial (74-115(1)).",
    },
    deemedDenial: {
      applies: true,
      source: DEQ_FAQ,
      note: "A request not answered is deemed denied after TEN working days following the request (74-103(4)), not after the three-day response period; the types take the deemed-denial date as the response due date, so an appeal date counted from it is earlier (the safe side) than the law's.",
    },
    unverified: [
      "§ 74-103(4) (deemed denial after ten working days) was read only in an agency FAQ; § 74-103(1) was read in its 2005 form as § 9-339(1).",
      "Whether the 180 days of § 74-115 run at all for a deemed denial (there is no mailed notice) is not settled in the text read.",
    ],
  },
  cases: [
    {
      name: "Idaho Code 74-103(1), 73-108: 3 working days skip Columbus Day Mon 12 Oct 2026; 10-working-day limit",
      received: "2026-10-08",
      expect: { dueDate: "2026-10-14", extensionLimit: "2026-10-23" },
    },
    {
      name: "Idaho Code 74-103(1), 73-108: Juneteenth Fri 19 Jun 2026 is a working day in Idaho",
      received: "2026-06-17",
      expect: { dueDate: "2026-06-22" },
    },
    {
      name: "Idaho Code 74-103(1), 73-108: the Friday after Thanksgiving 27 Nov 2026 is a working day",
      received: "2026-11-25",
      expect: { dueDate: "2026-12-01" },
    },
    {
      name: "Idaho Code 74-115(1): 180 calendar days from a denial on Mon 22 Jun 2026 end Sat 19 Dec, roll to Mon 21 Dec",
      received: "2026-06-17",
      events: [{ type: "denied", on: "2026-06-22" }],
      expect: { appealDueDate: "2026-12-21" },
    },
  ],
};
