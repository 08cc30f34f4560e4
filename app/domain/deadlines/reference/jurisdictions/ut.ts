import type { JurisdictionReference, Source } from "../types";

const S63G_1_301: Source = {
  cite: "Utah Code § 63G-1-301 (version effective 6 May 2026, research copy)",
  url: "https://self-law.org/code/ut/title-63g/chapter-1/1",
  primary: false,
};
const S63G_1_301_OLD: Source = {
  cite: "Utah Code § 63G-1-301 (as amended 2021, S.B. 166 enrolled)",
  url: "https://le.utah.gov/~2021/bills/sbillenr/SB0166.htm",
  primary: true,
};
const S63G_2_204: Source = {
  cite: "Utah Code § 63G-2-204(4)",
  url: "https://lexace.ai/us/statute/utah/63G-2-204",
  primary: true,
};
const S63G_2_204_EXTRA: Source = {
  cite: "Utah Code § 63G-2-204 (extraordinary circumstances), le.utah.gov code text",
  url: "http://le.utah.gov/~code/TITLE63G/htm/63G02_020400.htm",
  primary: true,
};
const S63G_2_401: Source = {
  cite: "Utah Code § 63G-2-401(1)",
  url: "https://lexace.ai/us/statute/utah/63G-2-401",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "UT",
    basis: {
      text:
        "GRAMA counts \"business days\" (§ 63G-2-204) without defining them; they are taken as weekdays other than the legal holidays of § 63G-1-301 (Pioneer Day, Columbus Day and Juneteenth included), on which state offices close.",
      source: S63G_1_301_OLD,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "Utah Code § 63G-1-301(2)(a), (b): a fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after",
        url: "https://self-law.org/code/ut/title-63g/chapter-1/1",
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S63G_1_301_OLD },
      { name: "Dr. Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S63G_1_301_OLD },
      { name: "Presidents' Day (Washington and Lincoln Day)", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S63G_1_301_OLD },
      {
        name: "Good Friday",
        date: { kind: "easter", offset: -2 },
        years: { from: 2027 },
        source: S63G_1_301,
        note: "Listed in the version of § 63G-1-301 effective 6 May 2026, 'subject to Subsection (6)', whose text was not read; effective after Good Friday 2026.",
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S63G_1_301_OLD },
      {
        name: "Juneteenth National Freedom Day",
        date: { kind: "nthWeekday", month: 6, weekday: 1, nth: 3 },
        years: { from: 2025 },
        source: S63G_1_301,
        note: "Since 7 May 2025 the holiday is the Monday before 19 June when it falls Tuesday-Friday, the Monday after when it falls on a weekend (§ 63G-1-301(2)(c), (d)): always the third Monday of June (Mon 15 Jun 2026, Mon 21 Jun 2027).",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S63G_1_301_OLD },
      { name: "Pioneer Day", date: { kind: "fixed", month: 7, day: 24 }, source: S63G_1_301_OLD },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S63G_1_301_OLD },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: S63G_1_301_OLD },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: S63G_1_301_OLD },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S63G_1_301_OLD },
      { name: "Christmas", date: { kind: "fixed", month: 12, day: 25 }, source: S63G_1_301_OLD },
    ],
    unverified: [
      "The current § 63G-1-301 (Juneteenth on a Monday since 2025; Good Friday added by a 2026 amendment 'subject to Subsection (6)') was read only in research copies; Subsection (6) was not read, so whether state offices close on Good Friday 2027 is unsettled. A version effective 1 January 2027 exists; 2026 H.B. 104 (Election Day as a state holiday) was read only as introduced and is not included.",
      "No official 2026/2027 state-employee holiday calendar (Division of Human Resource Management) was read. The day after Thanksgiving and Christmas Eve are not legal holidays (offices open). Personal preference days are not closures.",
    ],
  },
  law: {
    jurisdiction: "UT",
    lawName: "Government Records Access and Management Act (GRAMA)",
    citation: "Utah Code §§ 63G-2-204, 63G-2-401",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: S63G_2_204,
      note:
        "As soon as reasonably possible, no later than 10 business days after receiving a written request, or 5 business days for a request whose expedited response was granted (public benefit); a requester who has not shown public benefit is told within 5 business days that the response will not be expedited (§ 63G-2-204(4)).",
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
      source: S63G_2_204_EXTRA,
      note:
        "Extraordinary circumstances (another entity using the record, a voluminous request, many pending requests, legal review, extensive redaction or programming) let the entity disclose what it has and give an estimate, completing the work as soon as reasonably possible; no fixed length. The requester may appeal the claim or the date within 30 days (§ 63G-2-401(1)(b)).",
    },
    appeal: {
      days: 30,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the chief administrative officer of the governmental entity",
      bodyKind: "agency_head",
      source: S63G_2_401,
      note:
        "Notice of appeal within 30 days after the entity sends a notice of denial, or after the request is considered denied under § 63G-2-204(9) (no response in time). Further appeal from the chief administrative officer's decision (to the State Records Committee / Government Records Office, or district court) is not modelled.",
    },
    deemedDenial: {
      applies: true,
      source: S63G_2_401,
      note: "A request is considered denied under § 63G-2-204(9) when the entity fails to respond in time; § 63G-2-401(1)(a)(i)(B) starts the appeal period from then.",
    },
    unverified: [
      "§ 63G-2-204(9) itself was not read; its effect is read from § 63G-2-401(1)(a)(i)(B). The second-level appeal body after the 2024-2025 GRAMA amendments was not settled.",
      "The 5-business-day expedited period cannot be expressed as a variant (it depends on the request, not the level of government).",
    ],
  },
  cases: [
    {
      name: "Utah Code 63G-2-204(4)(b), 63G-1-301: 10 business days skip Pioneer Day Fri 24 Jul 2026; deemed denial 5 Aug, 63G-2-401 30 days to 4 Sep",
      received: "2026-07-21",
      expect: { dueDate: "2026-08-05", appealDueDate: "2026-09-04", extensionLimit: null },
    },
    {
      name: "Utah Code 63G-2-204(4)(b), 63G-1-301(2)(c): Juneteenth observed Mon 15 Jun 2026; Fri 19 Jun counts",
      received: "2026-06-12",
      expect: { dueDate: "2026-06-29" },
    },
    {
      name: "Utah Code 63G-2-204(4)(b), 63G-1-301: Columbus Day Mon 12 Oct 2026 skipped",
      received: "2026-10-08",
      expect: { dueDate: "2026-10-23" },
    },
    {
      name: "Utah Code 63G-2-204(4)(b), 63G-2-401(1), 63G-1-301(2)(a): Pioneer Day Sat 24 Jul 2027 observed Fri 23 Jul; appeal of 30 Jul denial rolls from Sun 29 Aug to Mon 30 Aug",
      received: "2027-07-21",
      events: [{ type: "denied", on: "2027-07-30" }],
      expect: { dueDate: "2027-08-05", appealDueDate: "2027-08-30" },
    },
    {
      name: "Utah Code 63G-2-204(4)(b), 63G-1-301: Fri 27 Nov 2026 after Thanksgiving is a business day in Utah",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-09" },
    },
  ],
};
