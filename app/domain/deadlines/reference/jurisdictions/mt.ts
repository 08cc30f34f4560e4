import type { JurisdictionReference, Source } from "../types";

const MCA_1_1_216: Source = {
  cite: "Mont. Code Ann. § 1-1-216 (legal holidays and business days)",
  url: "https://self-law.org/code/mt/title-1/chapter-1/part-2/1-1-216",
  primary: true,
};
const MCA_1_1_216_OFFICIAL: Source = {
  cite: "Mont. Code Ann. § 1-1-216(2) (weekend rule), official MCA page",
  url: "https://leg.mt.gov/bills/mca/1/1/1-1-216.htm",
  primary: true,
};
const MCA_2_6_1006: Source = {
  cite: "Mont. Code Ann. § 2-6-1006(1)-(2) (MCA 2025)",
  url: "https://archive.legmt.gov/bills/MCA/title_0020/chapter_0060/part_0100/section_0060/0020-0060-0100-0060.html",
  primary: true,
};
const MCA_2_6_1006_3: Source = {
  cite: "Mont. Code Ann. § 2-6-1006(3), as explained by the Montana Transparency Project",
  url: "https://montanatransparencyproject.org/timeline-fees",
  primary: false,
};
const MCA_2_6_1009: Source = {
  cite: "Mont. Code Ann. § 2-6-1009 (MCA 2023)",
  url: "http://www.leg.mt.gov/bills/mca/title_0020/chapter_0060/part_0100/section_0090/0020-0060-0100-0090.html",
  primary: true,
};

const legal = "A legal holiday under Mont. Code Ann. § 1-1-216(1); every day not a holiday is a business day (§ 1-1-216(2)(c)).";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MT",
    basis: {
      text:
        "Mont. Code Ann. § 1-1-216 defines the legal holidays and makes all other days business days; the public-information law's \"business days\" are read against it.",
      source: MCA_1_1_216,
    },
    weekend: { rule: "friday_monday", source: MCA_1_1_216_OFFICIAL },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: MCA_1_1_216, note: legal },
      { name: "Martin Luther King Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: MCA_1_1_216, note: legal },
      {
        name: "Presidents' Day (Lincoln's and Washington's Birthdays)",
        date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 },
        source: MCA_1_1_216,
        note: legal,
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: MCA_1_1_216, note: legal },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: MCA_1_1_216, note: legal },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: MCA_1_1_216, note: legal },
      {
        name: "Indigenous Peoples' Day and Columbus Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: MCA_1_1_216,
        note: legal,
      },
      {
        name: "State general election day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        source: MCA_1_1_216,
        note: legal + " Montana's state general elections are held in even years, on the Tuesday after the first Monday in November.",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: MCA_1_1_216, note: legal },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: MCA_1_1_216, note: legal },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: MCA_1_1_216, note: legal },
    ],
    unverified: [
      "Saturdays: § 1-1-216 makes only Sundays and the listed holidays non-business days (\"all other days are business days\"), so Saturday is a business day in the statute; the engine always skips Saturdays, which can put a business-day due date later than the statute's. The reference types cannot express a Saturday business day.",
      "Juneteenth and the day after Thanksgiving are not Montana legal holidays; whether State offices close on them by the Governor's designation in 2026 or 2027 was not found.",
      "The official MCA page read for the weekend rule is the pre-2021 wording (\"Lincoln's and Washington's Birthdays\", \"Columbus Day\"); the names here follow the newer research copy.",
      "That the \"state general election day\" is only the even-year November general election (not odd-year municipal elections) is this file's reading.",
    ],
  },
  law: {
    jurisdiction: "MT",
    lawName: "Montana public information requests (Right to Know, Mont. Const. art. II § 9)",
    citation: "Mont. Code Ann. §§ 2-6-1001 to 2-6-1012 (requests § 2-6-1006)",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: MCA_2_6_1006,
      note: "§ 2-6-1006(2): a public agency that is not an executive branch agency must respond \"in a timely manner\" by making the information available or giving an estimate of the time and fees. No fixed number of days.",
    },
    responseVariants: [
      {
        days: 90,
        dayType: "calendar",
        countsFrom: "acknowledgement",
        appliesTo: "state",
        source: MCA_2_6_1006_3,
        note: "§ 2-6-1006(3), executive branch agencies only (not the legislature or courts, which this level cannot tell apart): acknowledge within 5 business days; a single, specific, clearly identifiable and readily available record within 5 business days of acknowledgment; otherwise an estimate, then the records within 90 days of acknowledgment. Requests for clarification or fees suspend the clock.",
      },
    ],
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "No deemed-receipt rule was found.",
    },
    acknowledgement: {
      days: 5,
      dayType: "business",
      source: MCA_2_6_1006_3,
      note: "§ 2-6-1006(3): executive branch agencies only. Other agencies have no acknowledgement deadline.",
    },
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: null,
      note: "Agencies outside the executive branch have no fixed period to extend.",
    },
    extensionVariants: [
      {
        kind: "unilateral",
        days: null,
        dayType: null,
        countsFrom: "acknowledgement",
        repeatable: false,
        cap: null,
        appliesTo: "state",
        source: MCA_2_6_1006_3,
        note: "§ 2-6-1006(3): an executive branch agency that cannot fulfil the request within 90 days may, with written notice explaining why, take up to 6 months from acknowledgment. The types cannot express a cap in months, so no extension limit is computed.",
      },
    ],
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the district court",
      bodyKind: "court",
      source: MCA_2_6_1009,
      note: "§ 2-6-1009(2): a complaint in district court against a denial (which must be explained in writing, (1)); (3): also where an executive branch agency misses the § 2-6-1006(3) deadlines. No administrative appeal and no filing period.",
    },
    deemedDenial: {
      applies: false,
      source: MCA_2_6_1009,
      note: "A missed executive-agency deadline is actionable in court (§ 2-6-1009(3)) but is not called a denial.",
    },
    unverified: [
      "§ 2-6-1006(3)'s executive-branch timeline (5 business days to acknowledge, 90 days from acknowledgment, up to 6 months with notice) was read only in a secondary explanation; the MCA 2025 page read was cut before subsection (3). The section is marked \"(Temporary)\" in MCA 2025: from October 2025 the timeline also reaches the Secretary of State, Attorney General, Superintendent of Public Instruction and State Auditor (secondary).",
    ],
  },
  cases: [
    {
      name: "MCA 2-6-1006(3), 1-1-216(1)(l): executive agency acknowledgement in 5 business days skips state general election day Tue 3 Nov 2026; 90 days from acknowledgment Thu 5 Nov end Wed 3 Feb 2027",
      received: "2026-10-30",
      governmentLevel: "state",
      events: [{ type: "acknowledged", on: "2026-11-05" }],
      expect: { acknowledgementDueDate: "2026-11-09", dueDate: "2027-02-03" },
    },
    {
      name: "MCA 2-6-1006(3), 1-1-216: Juneteenth Fri 19 Jun 2026 is a business day in Montana",
      received: "2026-06-17",
      governmentLevel: "state",
      expect: { acknowledgementDueDate: "2026-06-24" },
    },
    {
      name: "MCA 2-6-1006(3), 1-1-216: the day after Thanksgiving (Fri 27 Nov 2026) is a business day",
      received: "2026-11-25",
      governmentLevel: "state",
      expect: { acknowledgementDueDate: "2026-12-03" },
    },
    {
      name: "MCA 2-6-1006(3): 90 days from acknowledgment Mon 28 Sep 2026 end Sun 27 Dec (two days after Christmas), roll to Mon 28 Dec",
      received: "2026-09-24",
      governmentLevel: "state",
      events: [{ type: "acknowledged", on: "2026-09-28" }],
      expect: { acknowledgementDueDate: "2026-10-01", dueDate: "2026-12-28", extensionLimit: null },
    },
    {
      name: "MCA 2-6-1006(2): a local government answers \"in a timely manner\", no fixed due date",
      received: "2026-10-12",
      governmentLevel: "local",
      expect: { dueDate: null },
    },
  ],
};
