import type { JurisdictionReference } from "../types";

const HRS_8_1 = {
  cite: "HRS § 8-1 (holidays designated), text as set out in S.B. 2518 (2006)",
  url: "https://capitolwebsite.azurewebsites.net/sessions/session2006/Bills/SB2518_.htm",
  primary: true,
} as const;
const DHRD_2019 = {
  cite: "DHRD, Holidays to be observed by the Hawaii State Government, 2019 and 2020 (HRS § 8-1)",
  url: "https://online.documentine.com/state-of-hawaii-holiday-calendar/1/holidays-to-be-observed-by-the-hawaii-state-government.html",
  primary: true,
} as const;
const HAR_71_13 = {
  cite: "Haw. Code R. § 2-71-13",
  url: "https://www.law.cornell.edu/regulations/hawaii/Haw-Code-R-SS-2-71-13",
  primary: true,
} as const;
const HAR_71_15 = {
  cite: "Haw. Code R. § 2-71-15",
  url: "https://www.law.cornell.edu/regulations/hawaii/Haw-Code-R-SS-2-71-15",
  primary: true,
} as const;
const HAR_73_12 = {
  cite: "Haw. Code R. § 2-73-12(a)(1)",
  url: "https://print.casetext.com/regulation/hawaii-administrative-rules/title-2-office-of-the-lieutenant-governor/subtitle-7-office-of-information-practices/chapter-73-administrative-appeal-procedures/subchapter-2-procedures-for-appeal-to-oip/section-2-73-12-timing-and-content-of-appeal-to-pip",
  primary: true,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "HI",
    basis: {
      text:
        "OIP's rules count business days (HAR 2-71-13); business days are taken as weekdays other than the state holidays of HRS § 8-1, on which state and county offices close.",
      source: HAR_71_13,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "State practice (DHRD holiday schedules): a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after; the rule's text was not read",
        url: DHRD_2019.url,
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HRS_8_1 },
      { name: "Dr. Martin Luther King, Jr., Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HRS_8_1 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HRS_8_1 },
      { name: "Prince Jonah Kuhio Kalanianaole Day", date: { kind: "fixed", month: 3, day: 26 }, source: HRS_8_1 },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: HRS_8_1 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HRS_8_1 },
      { name: "King Kamehameha I Day", date: { kind: "fixed", month: 6, day: 11 }, source: HRS_8_1 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HRS_8_1 },
      {
        name: "Statehood Day",
        date: { kind: "nthWeekday", month: 8, weekday: 5, nth: 3 },
        source: DHRD_2019,
        note: "The third Friday in August (S.B. 2518 (2006), which proposed to remove it, did not pass; DHRD lists it in 2019).",
      },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HRS_8_1 },
      {
        name: "General Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        source: HRS_8_1,
        note: "\"All election days, except primary and special election days, in the county wherein the election is held\": the general election is statewide, in even years.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HRS_8_1 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HRS_8_1 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HRS_8_1 },
    ],
    unverified: [
      "The current text of HRS § 8-1 was read as set out in a 2006 bill; later amendments (if any) were not read. Columbus Day (Discoverers' Day, HRS § 8-1.5) and Juneteenth are observances, not state holidays.",
      "The Saturday -> Friday / Sunday -> Monday observance rule was not read in statute or a 2026/2027 DHRD schedule.",
      "No governor's proclamation of an extra holiday for 2026 or 2027 was found.",
    ],
  },
  law: {
    jurisdiction: "HI",
    lawName: "Uniform Information Practices Act (Modified)",
    citation: "HRS ch. 92F; HAR ch. 2-71, 2-73",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: HAR_71_13,
      note: "Records public in their entirety: disclose within 10 business days. Otherwise: a notice under 2-71-14 within 10 business days, then disclosure within 5 business days after the notice or the prepayment (2-71-13(a), (b)).",
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
      dayType: "business",
      countsFrom: "receipt",
      repeatable: false,
      cap: null,
      source: HAR_71_13,
      note: "With extenuating circumstances (2-71-15(a)), the agency may send a written acknowledgment within 10 business days stating that the notice will follow within 20 business days after receipt; disclosure then within 5 business days after the notice or prepayment. Voluminous records may go out in increments every 20 business days (2-71-15(b)).",
    },
    appeal: {
      days: 365,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the Office of Information Practices",
      bodyKind: "independent_office",
      source: HAR_73_12,
      note: "Appeal to OIP within one year after receipt of the written (partial) denial, or, without a written response, after the last day of the response period (2-73-12(a)(1)). Entered as 365 calendar days (one year in 2026-2027; a year containing 29 February would need 366). Or suit in circuit court (HRS 92F-15).",
    },
    deemedDenial: {
      applies: true,
      source: HAR_73_12,
      note: "Without a written response, the appeal period runs from the last day of the agency's response period.",
    },
    unverified: [
      "The OIP's postal address was not read. HRS 92F-15 (circuit court, period) was not read.",
      "The one-year appeal period is entered in days (365); the types have no 'years' unit.",
    ],
  },
  cases: [
    {
      name: "HAR 2-71-13(a), HRS 8-1: 10 business days skip Prince Kuhio Day Thu 26 Mar and Good Friday 3 Apr 2026",
      received: "2026-03-23",
      expect: { dueDate: "2026-04-08" },
    },
    {
      name: "HAR 2-71-13(a), (c), HRS 8-1: skip King Kamehameha I Day Thu 11 Jun 2026 (Juneteenth counts); 20-business-day notice skips Fri 3 Jul",
      received: "2026-06-08",
      expect: { dueDate: "2026-06-23", extensionLimit: "2026-07-08" },
    },
    {
      name: "HAR 2-71-13(a), 2-73-12(a)(1), HRS 8-1: skip Statehood Day Fri 21 Aug 2026; no response, one year to appeal to OIP",
      received: "2026-08-14",
      expect: { dueDate: "2026-08-31", appealDueDate: "2027-08-31" },
    },
    {
      name: "HAR 2-71-13(a), HRS 8-1: 10 business days skip General Election Day Tue 3 Nov and Veterans' Day 11 Nov 2026",
      received: "2026-10-30",
      expect: { dueDate: "2026-11-17" },
    },
  ],
};
