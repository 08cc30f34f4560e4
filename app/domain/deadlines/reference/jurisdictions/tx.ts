import type { JurisdictionReference, Source } from "../types";

const S662_003: Source = {
  cite: "Tex. Gov't Code § 662.003(a), (b)",
  url: "https://codes.findlaw.com/tx/government-code/gov-t-sect-662-003.html",
  primary: true,
};
const S552_0031: Source = {
  cite: "Tex. Gov't Code § 552.0031 (added 2023, 88th Leg., H.B. 3033)",
  url: "https://capitol.texas.gov/tlodocs/88R/amendments/html/HB03033H21.HTM",
  primary: true,
};
const S552_221: Source = {
  cite: "Tex. Gov't Code § 552.221",
  url: "https://lexace.ai/us/statute/texas/552.221",
  primary: true,
};
const S552_301: Source = {
  cite: "Tex. Gov't Code § 552.301(a-1), (b), (d)",
  url: "https://instalawyer.io/laws/texas-statutes/section-552301-request-for-attorney",
  primary: true,
};
const S552_328: Source = {
  cite: "Tex. Gov't Code § 552.328",
  url: "https://lexace.ai/us/statute/texas/552.328",
  primary: true,
};
const S552_302: Source = {
  cite: "Tex. Gov't Code § 552.302",
  url: "https://casetext.com/statute/texas-codes/government-code/title-5-open-government-ethics/subtitle-a-open-government/chapter-552-public-information/subchapter-g-attorney-general-decisions/section-552302-failure-to-make-timely-request-for-attorney-general-decision-presumption-that-information-is-public",
  primary: true,
};
const SAO: Source = {
  cite: "Texas State Auditor's Office, State Holiday Schedule page (Gov't Code ch. 662, § 662.004)",
  url: "https://hr.sao.texas.gov/Holidays/",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "TX",
    basis: {
      text:
        "Under the Public Information Act a \"business day\" is a day other than a Saturday or Sunday, a national holiday under § 662.003(a) or a state holiday under § 662.003(b) (§ 552.0031(a)); working from an alternative site does not change that (§ 552.0031(b)). The state holidays count even though agencies stay open with a skeleton crew on most of them (§ 662.004).",
      source: S552_0031,
    },
    weekend: {
      rule: "none",
      source: {
        cite: "Tex. Gov't Code § 552.0031(e); Texas state holiday schedule (offices not closed on another day when a holiday falls on a weekend)",
        url: "https://carmonyhesther.pages.dev/ehpeyhu-state-of-texas-holiday-schedule-2025-dates-photos-yaztzcg",
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S662_003 },
      { name: "Confederate Heroes Day", date: { kind: "fixed", month: 1, day: 19 }, source: S662_003, note: "State holiday (skeleton crew); not a PIA business day under § 552.0031(a)(3). Coincides with Martin Luther King, Jr., Day in 2026." },
      { name: "Martin Luther King, Jr., Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S662_003 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S662_003 },
      { name: "Texas Independence Day", date: { kind: "fixed", month: 3, day: 2 }, source: S662_003, note: "State holiday (skeleton crew)." },
      { name: "San Jacinto Day", date: { kind: "fixed", month: 4, day: 21 }, source: S662_003, note: "State holiday (skeleton crew)." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S662_003 },
      { name: "Emancipation Day in Texas", date: { kind: "fixed", month: 6, day: 19 }, source: S662_003, note: "A state holiday under § 662.003(b)(4) (skeleton crew), not a national holiday under § 662.003(a)." },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S662_003 },
      { name: "Lyndon Baines Johnson Day", date: { kind: "fixed", month: 8, day: 27 }, source: S662_003, note: "State holiday (skeleton crew)." },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S662_003 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: S662_003 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S662_003 },
      { name: "Friday after Thanksgiving Day", date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 }, source: S662_003 },
      { name: "Christmas Eve (24 December)", date: { kind: "fixed", month: 12, day: 24 }, source: S662_003 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S662_003 },
      { name: "26 December", date: { kind: "fixed", month: 12, day: 26 }, source: S662_003 },
    ],
    unverified: [
      "That state offices close no substitute weekday when a holiday falls on a weekend: read only in a secondary copy of the State Auditor's schedule wording; the FY2026-2027 SAO schedule PDF itself was not read. § 552.0031(e) makes the Friday before / Monday after a non-business day only for a governmental body that observes the holiday on it (many cities and counties do): that is per agency and not in this statewide calendar.",
      "Optional holidays (Rosh Hashanah, Yom Kippur, Good Friday, § 662.003(c); César Chávez Day) are non-business days only for a body whose public information officer observes them (§ 552.0031(c)); institutions of higher education have their own holidays (§ 552.0031(d)); a governmental body may designate up to 10 nonbusiness days a year (§ 552.0031(f)). None is in the statewide calendar.",
      "§ 662.003 text read in a FindLaw copy current to 2021; bills to abolish Confederate Heroes Day (H.B. 51, 2023; S.B. 2724, 2025) were read only as introduced, and their failure was not confirmed from a primary source.",
    ],
  },
  law: {
    jurisdiction: "TX",
    lawName: "Texas Public Information Act",
    citation: "Tex. Gov't Code ch. 552; §§ 552.221, 552.301",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: S552_301,
      note:
        "Information must be produced \"promptly\": as soon as possible, within a reasonable time, without delay (§ 552.221(a)); ten business days is not a safe harbour (AG ORD-664). The 10th business day after receipt is the latest to either certify in writing that production will take longer and set a date and hour (§ 552.221(d)) or, to withhold, ask the Attorney General for a decision and tell the requester (§ 552.301(b), (d)).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: S552_301,
      note:
        "Only one receipt rule: a request sent by US mail whose actual receipt date the body cannot establish is deemed received on the third business day after the postmark (§ 552.301(a-1)). The types cannot express a postmark rule; it is not applied.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: {
        cite: "Tex. Gov't Code § 552.221(d) (as quoted in AG Open Records Decision No. 664)",
        url: "https://www.texasattorneygeneral.gov/opinions/openrecords/49cornyn/ord/2000/htm/ord20000664.htm",
        primary: false,
      },
      note:
        "If the information cannot be produced within 10 business days, the officer certifies that in writing and sets a date and hour \"within a reasonable time\": no fixed length. Withholding goes through an Attorney General decision (45 business days, +10, § 552.306), which is not an extension of the requester's due date in this model.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Attorney General",
      bodyKind: "attorney_general",
      source: S552_328,
      note:
        "No administrative appeal and no period: a requester may send a written complaint to the Attorney General when a body fails to respond as § 552.221 requires (§ 552.328); a withholding is decided by the Attorney General on the body's own request (§ 552.301); suit for a writ of mandamus (§ 552.321).",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the district court (writ of mandamus)",
        bodyKind: "court",
        source: null,
        note: "Not read in primary text; named from the lead table and § 552.328's context.",
      },
    ],
    deemedDenial: {
      applies: false,
      source: S552_302,
      note: "A missed § 552.301 deadline makes the information presumed public (§ 552.302), the opposite of a deemed denial.",
    },
    unverified: [
      "§ 552.221(d) (certify and set a date within a reasonable time) was read only as quoted in AG ORD-664 (2000) and in secondary summaries, not in the current code text.",
      "The Attorney General's complaint address was not read, so none is given.",
    ],
  },
  cases: [
    {
      name: "Gov't Code 552.301(b), 552.0031(a)(3), 662.003(b)(6): 10 business days skip Thanksgiving and Fri 27 Nov 2026",
      received: "2026-11-23",
      expect: { dueDate: "2026-12-09", extensionLimit: null },
    },
    {
      name: "Gov't Code 552.301(b), 552.0031, 662.003(b)(2): Texas Independence Day Mon 2 Mar 2026 is not a business day",
      received: "2026-02-27",
      expect: { dueDate: "2026-03-16" },
    },
    {
      name: "Gov't Code 552.0031(a), 662.003(a)(5): Sat 4 Jul 2026 closes no Friday; Fri 3 Jul 2026 counts",
      received: "2026-07-02",
      expect: { dueDate: "2026-07-16" },
    },
    {
      name: "Gov't Code 552.301(b), 662.003(b)(3): San Jacinto Day Wed 21 Apr 2027 skipped",
      received: "2027-04-16",
      expect: { dueDate: "2027-05-03" },
    },
    {
      name: "Gov't Code 552.301(b), 662.003(a)(9), (b)(7): 24 and 25 Dec 2026 and 1 Jan 2027 skipped",
      received: "2026-12-22",
      expect: { dueDate: "2027-01-08" },
    },
    {
      name: "Gov't Code 552.301(b), 662.003(a)(2), (b)(1): MLK Day Mon 18 and Confederate Heroes Day Tue 19 Jan 2027 skipped",
      received: "2027-01-15",
      expect: { dueDate: "2027-02-02" },
    },
  ],
};
