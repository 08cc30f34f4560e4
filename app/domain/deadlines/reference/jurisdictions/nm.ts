import type { JurisdictionReference, Source } from "../types";

const SHIFTFLOW_2026: Source = {
  cite: "New Mexico 2026 state office holidays (Presidents' Day observed on the day after Thanksgiving; Indigenous Peoples' Day; Fri 3 Jul 2026), as summarised by shiftflow.app",
  url: "https://www.shiftflow.app/blog/new-mexico-holidays-2026",
  primary: false,
};
const WORKLIFE_2023: Source = {
  cite: "New Mexico 2023 holidays (Presidents' Day on Fri 24 Nov, Juneteenth, no Indigenous Peoples' Day), as listed by worklifebalance.ai",
  url: "https://worklifebalance.ai/holidays/united-states/new-mexico/2023",
  primary: false,
};
const HYRING_2026: Source = {
  cite: "New Mexico 2026 state office holidays (Juneteenth a closure), as listed by hyring.com",
  url: "https://hyring.com/blog/holiday-lists/usa/new-mexico",
  primary: false,
};
const NMSA_12_5_2: Source = {
  cite: "NMSA 1978, §§ 12-5-2, 12-5-3 (legal holidays; Sunday holiday observed Monday), as summarised by employmentlawhandbook.com",
  url: "https://www.employmentlawhandbook.com/employment-and-labor-laws/states/new-mexico/leave-laws/holidays/",
  primary: false,
};
const S14_2_8: Source = {
  cite: "NMSA 1978, § 14-2-8(D) (immediately or as soon as practicable, not later than fifteen days; written explanation if not within three business days), as restated by the Village of Corrales",
  url: "http://corrales-nm.org/inspection-of-public-records/",
  primary: false,
};
const S14_2_11: Source = {
  cite: "NMSA 1978, § 14-2-11",
  url: "https://law.justia.com/codes/new-mexico/2020/chapter-14/article-2/section-14-2-11/",
  primary: true,
};
const S14_2_10: Source = {
  cite: "NMSA 1978, § 14-2-10 (excessively burdensome or broad requests: additional reasonable period, notice within fifteen days), per nmfog.org and the lead table",
  url: "https://nmfog.org/topic/2procedure-for-denied-requests/",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NM",
    basis: {
      text:
        "IPRA's main period is fifteen (calendar) days (§ 14-2-8(D)); business days matter for the three-business-day explanation and for rolling a period that ends on a day State offices are closed. Closed days are the State employee holidays set each year for the executive branch.",
      source: S14_2_8,
    },
    weekend: { rule: "friday_monday", source: SHIFTFLOW_2026 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: NMSA_12_5_2 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: NMSA_12_5_2 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: NMSA_12_5_2 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, source: HYRING_2026, note: "Also listed for 2023 by " + WORKLIFE_2023.url },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: NMSA_12_5_2 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: NMSA_12_5_2 },
      { name: "Veterans' Day (Armistice Day)", date: { kind: "fixed", month: 11, day: 11 }, source: NMSA_12_5_2 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: NMSA_12_5_2 },
      {
        name: "Presidents' Day (observed the day after Thanksgiving)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: SHIFTFLOW_2026,
        note: "State offices stay open on the third Monday in February and close the Friday after Thanksgiving instead (also " + WORKLIFE_2023.cite + ").",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: NMSA_12_5_2 },
    ],
    unverified: [
      "No official State Personnel Office holiday schedule for 2026 or 2027 was read; every closure here rests on secondary lists, which disagree. Presidents' Day moved to the day after Thanksgiving: shiftflow.app (2026) and worklifebalance.ai (2023) say so, hyring.com (2026) lists it in February. Indigenous Peoples' Day (second Monday of October, a legal holiday under NMSA 12-5-2): hyring.com and worklifebalance.ai do not list it as a closure, shiftflow.app does; it is left out (offices taken to be open), the safer reading for a requester.",
      "Whether Juneteenth closes State offices (hyring.com says it does) was not read in an official schedule.",
      "The Saturday-to-Friday rule is inferred from Fri 3 Jul 2026 in secondary lists; NMSA 12-5-3 (read only in summary) moves only Sunday holidays to Monday.",
      "Governor's Christmas Eve or other one-day closures for 2026/2027 were not found.",
      "Counties, municipalities and school districts keep their own calendars; none is modelled.",
    ],
  },
  law: {
    jurisdiction: "NM",
    lawName: "Inspection of Public Records Act (IPRA)",
    citation: "NMSA 1978, §§ 14-2-1 to 14-2-12",
    response: {
      days: 15,
      dayType: "calendar",
      countsFrom: "receipt",
      source: S14_2_8,
      note: "Immediately or as soon as practicable, and not later than fifteen days after the custodian's office receives the written request.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: S14_2_11,
      note: "The periods run from receipt by the office of the custodian; no closed-day or after-hours rule was found.",
    },
    acknowledgement: {
      days: 3,
      dayType: "business",
      source: S14_2_8,
      note: "If inspection is not permitted within three business days, the custodian must explain in writing when the records will be available or when the public body will respond.",
    },
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S14_2_10,
      note:
        "Only for a request the custodian determines is excessively burdensome or broad: an additional reasonable period, with written notice within fifteen days of receipt. No fixed length.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the district court (enforcement action under § 14-2-12), or the Attorney General or district attorney on a complaint",
      bodyKind: "court",
      source: S14_2_11,
      note: "No administrative appeal and no filing period in IPRA. A written denial must be delivered or mailed within fifteen days; damages up to $100 a day for an unreasonable failure (§ 14-2-11(C)).",
    },
    deemedDenial: {
      applies: true,
      source: S14_2_11,
      note: "Unless determined excessively burdensome or broad, a request not permitted within fifteen days of receipt may be deemed denied (§ 14-2-11(A)).",
    },
    unverified: [
      "§ 14-2-8(D) was read only as restated by a village page; § 14-2-10 and § 14-2-12 were not read.",
      "Whether a fifteen-day period ending on a weekend or holiday runs to the next business day (NMSA 12-2A-7) was not read; the app rolls it forward.",
    ],
  },
  cases: [
    {
      name: "NMSA 14-2-8(D): 15 days end on the day after Thanksgiving (Presidents' Day observed) Fri 27 Nov 2026, roll to Mon 30 Nov",
      received: "2026-11-12",
      expect: { dueDate: "2026-11-30", extensionLimit: null },
    },
    {
      name: "NMSA 14-2-8(D): 3 business days for the written explanation; Mon 16 Feb 2026 (Presidents' Day moved) counts",
      received: "2026-02-12",
      expect: { acknowledgementDueDate: "2026-02-17", dueDate: "2026-02-27" },
    },
    {
      name: "NMSA 14-2-8(D): 15 days from Sun 27 Sep 2026 end on Mon 12 Oct (Indigenous Peoples' Day, offices taken to be open)",
      received: "2026-09-27",
      channel: "email",
      expect: { dueDate: "2026-10-12" },
    },
    {
      name: "NMSA 14-2-8(D): 3 business days skip Juneteenth observed Fri 18 Jun 2027",
      received: "2027-06-16",
      expect: { acknowledgementDueDate: "2027-06-22", dueDate: "2027-07-01" },
    },
  ],
};
