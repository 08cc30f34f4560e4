import type { JurisdictionReference } from "../types";

const IC_1C_2 = {
  cite: "Iowa Code § 1C.2 (paid holidays of state employees)",
  url: "https://lawserver.com/law/state/iowa/ia-code/iowa_code_1c-2",
  primary: true,
} as const;
const IC_1C_2_2001 = {
  cite: "Iowa Code § 1C.2 (2001 text, same holidays and weekend rule)",
  url: "https://www.legis.iowa.gov/DOCS/IACODE/2001/1C/2.html",
  primary: true,
} as const;
const IC_22_8 = {
  cite: "Iowa Code § 22.8(4)(d), quoted in IPIB Advisory Opinion 22AO:0004",
  url: "https://ipib.iowa.gov/22ao0004-08182022-timeliness-responding-record-requests",
  primary: true,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "IA",
    basis: {
      text:
        "Chapter 22 sets no response period; its only time rule (22.8(4)(d)) is in calendar and business days. Business days are taken as weekdays other than the paid holidays of state employees in Iowa Code § 1C.2, on which state offices close. Lincoln's Birthday and Washington's Birthday are legal public holidays (§ 1C.1) but not paid holidays, and state offices stay open.",
      source: IC_1C_2,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Iowa Code § 1C.2(3): Saturday holiday -> the preceding Friday; Sunday -> the following Monday",
        url: IC_1C_2_2001.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: IC_1C_2 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: IC_1C_2 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: IC_1C_2 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: IC_1C_2 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: IC_1C_2 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: IC_1C_2 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: IC_1C_2 },
      {
        name: "Friday after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: IC_1C_2,
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: IC_1C_2 },
    ],
    unverified: [
      "Extra days the executive council may designate (§ 1C.2(2)(b)) for 2026 or 2027 were not looked for; none is included.",
      "Counties, cities and school districts set their own holidays; business days for them follow their own closures.",
    ],
  },
  law: {
    jurisdiction: "IA",
    lawName: "Iowa Open Records Law",
    citation: "Iowa Code ch. 22",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: IC_22_8,
      note: "Chapter 22 is silent on the time to respond (IPIB 22AO:0004); records are to be produced promptly, subject to the good-faith reasonable delays listed in 22.8(4).",
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
      days: 20,
      dayType: "calendar",
      countsFrom: "receipt",
      repeatable: false,
      cap: null,
      source: IC_22_8,
      note: "A good-faith delay to determine whether a confidential record should be made available \"shall not exceed twenty calendar days and ordinarily should not exceed ten business days\" (22.8(4)(d)); the Iowa Supreme Court does not read it as an absolute deadline for producing voluminous records. Other 22.8(4) delays (seeking an injunction) have no fixed length.",
    },
    appeal: {
      days: 60,
      dayType: "calendar",
      countsFrom: "denial",
      body: "the Iowa Public Information Board",
      bodyKind: "independent_office",
      source: null,
      note: "Iowa Code § 23.7, as given in the project's lead table (not read): a complaint to the Iowa Public Information Board within 60 days of the alleged violation (or of when the complainant could have become aware of it), or a suit in district court (22.10).",
    },
    deemedDenial: { applies: false, source: null, note: "Chapter 22 has no deemed-denial rule." },
    unverified: [
      "The 60-day IPIB complaint period (Iowa Code § 23.7) was not read in primary text; the lead table marks it 'from memory'.",
      "Iowa Code § 22.8(4)(d) was read as quoted by the IPIB, not on legis.iowa.gov.",
    ],
  },
  cases: [
    {
      name: "Iowa Code 22.8(4)(d), 1C.2: 20-calendar-day delay ends on the Friday after Thanksgiving 27 Nov 2026, rolls to Mon 30 Nov",
      received: "2026-11-07",
      expect: { dueDate: null, extensionLimit: "2026-11-30" },
    },
    {
      name: "Iowa Code 22.8(4)(d), 1C.2: 20-calendar-day delay ends on MLK Day Mon 18 Jan 2027, rolls to Tue 19 Jan",
      received: "2026-12-29",
      expect: { dueDate: null, extensionLimit: "2027-01-19" },
    },
    {
      name: "Iowa Code 22.8(4)(d), 1C.1, 1C.2: Washington's Birthday Mon 15 Feb 2027 is not a state office closure; delay ends that day",
      received: "2027-01-26",
      expect: { dueDate: null, extensionLimit: "2027-02-15" },
    },
    {
      name: "Iowa Code 23.7: 60 days from a denial on Mon 1 Jun 2026 to complain to IPIB",
      received: "2026-05-20",
      events: [{ type: "denied", on: "2026-06-01" }],
      expect: { appealDueDate: "2026-07-31" },
    },
  ],
};
