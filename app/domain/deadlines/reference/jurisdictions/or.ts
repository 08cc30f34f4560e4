import type { JurisdictionReference, Source } from "../types";

const ORS_187_010: Source = {
  cite: "ORS 187.010 (legal holidays incl. Juneteenth; Sunday holiday on Monday, Saturday holiday on Friday), current text as scraped from oregonlegislature.gov",
  url: "https://fast.hugflare.com/datasets/justicedao/ipfs_state_admin_rules/blob/main/OR/parsed/jsonld/ors187.jsonld",
  primary: true,
};
const ORS_187_010_2011: Source = {
  cite: "ORS 187.010(2) (2011 edition, Oregon Legislature)",
  url: "http://www.leg.state.or.us/ors/187.html",
  primary: true,
};
const HR_POLICY_60_010_01: Source = {
  cite: "State HR Policy 60.010.01 under ORS 240.551 (day after Thanksgiving a paid holiday of State employees), as described by Oregon REALTORS",
  url: "https://oregonrealtors.org/news/tip-of-the-week/holidays/",
  primary: false,
};
const ORS_192_311: Source = {
  cite: "ORS 192.311(1) ('business day')",
  url: "https://oregon.public.law/statutes/ors_192.311",
  primary: true,
};
const ORS_192_329: Source = {
  cite: "ORS 192.329",
  url: "https://oregon.public.law/statutes/ors_192.329",
  primary: true,
};
const ORS_192_324_SUMMARY: Source = {
  cite: "ORS 192.324(2) (acknowledge within five business days) and 192.329(3) (complete or give an estimated date within 10 business days after the acknowledgement deadline), as summarised by an Oregon litigation attorney's e-book",
  url: "https://oregonlitigationattorney.com/oregon-public-records-law-e-book-by-attorney/when-and-how-must-the-public-body-respond-to-my-public-records-request/",
  primary: false,
};
const ORS_192_407: Source = {
  cite: "ORS 192.407(1)(a) (failure to respond within the ORS 192.329 period treated as a denial)",
  url: "https://www.lawserver.com/law/state/oregon/or-statutes/oregon_statutes_192-407",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "OR",
    basis: {
      text:
        "ORS 192.311(1): a 'business day' is a day other than Saturday, Sunday or a legal holiday on which at least one paid employee of the public body is scheduled to and does report to work (for school and community college districts and universities, not a day their central offices are closed). Legal holidays are those of ORS 187.010 and 187.020.",
      source: ORS_192_311,
    },
    weekend: { rule: "friday_monday", source: ORS_187_010_2011 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: ORS_187_010 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: ORS_187_010 },
      { name: "Presidents Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: ORS_187_010 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: ORS_187_010 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: ORS_187_010 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: ORS_187_010 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: ORS_187_010 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: ORS_187_010 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: ORS_187_010 },
      {
        name: "Day after Thanksgiving (State employee holiday)",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: HR_POLICY_60_010_01,
        note: "Not a legal holiday under ORS 187.010, but State offices close; under ORS 192.311(1) a day on which no paid employee reports to work is not a business day.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: ORS_187_010 },
    ],
    unverified: [
      "The day after Thanksgiving as a State office closure rests on a secondary description of State HR Policy 60.010.01; local public bodies may stay open (then it is a business day for them under ORS 192.311(1)).",
      "The year Juneteenth was added to ORS 187.010 (2022 assumed) was not read.",
      "Days the Governor appoints as holidays (ORS 187.020) for 2026/2027: none found.",
      "A public body's own closure days (no paid employee at work) are not business days under ORS 192.311(1); they must be entered per agency.",
    ],
  },
  law: {
    jurisdiction: "OR",
    lawName: "Oregon Public Records Law",
    citation: "ORS 192.311-192.478",
    response: {
      days: 15,
      dayType: "business",
      countsFrom: "receipt",
      source: ORS_192_324_SUMMARY,
      note:
        "Acknowledge within 5 business days of receipt (ORS 192.324(2)); then, not later than 10 business days after the date by which the acknowledgement was required, complete the response or give a written statement that the request is still being processed with a reasonable estimated completion date (ORS 192.329(3)). The 15 business days are 5 + 10 counted from receipt, not from the actual acknowledgement. Time is suspended while the body awaits a fee or clarification (ORS 192.329; agency rules such as OAR 658-050-0040).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: ORS_192_329,
      note: "The periods apply to a written request received by the individual named in the public body's ORS 192.324 procedure.",
    },
    acknowledgement: { days: 5, dayType: "business", source: ORS_192_324_SUMMARY },
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: ORS_192_329,
      note:
        "A written statement with a reasonable estimated completion date; no fixed length, but the response must be 'as soon as practicable and without unreasonable delay'. The body need not meet the periods where staff are unavailable, compliance would impede other necessary services, or because of the volume of requests (ORS 192.329, as restated in OAR 658-050-0040). An unreasonably long estimate can be petitioned (192.407(1)(b)).",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the Attorney General (records of a state agency, ORS 192.411) or the district attorney (records of a local public body, ORS 192.415)",
      bodyKind: "attorney_general",
      source: ORS_192_407,
      note: "Petition for review; no filing period was read. Then circuit court.",
    },
    deemedDenial: {
      applies: true,
      source: ORS_192_407,
      note: "A failure to respond within the ORS 192.329 period is treated as a denial unless the public body shows compliance was not required.",
    },
    unverified: [
      "ORS 192.324(2) and 192.329(3) (5 and 10 business days) were read only in a secondary summary; 192.329(1)-(2) were read in the statute.",
      "ORS 192.411 and 192.415 were not read; no petition deadline was found.",
    ],
  },
  cases: [
    {
      name: "ORS 192.324(2), 192.329(3): 5 + 10 business days skip Thanksgiving and the day after (26-27 Nov 2026)",
      received: "2026-11-23",
      expect: { acknowledgementDueDate: "2026-12-02", dueDate: "2026-12-16", extensionLimit: null },
    },
    {
      name: "ORS 192.324(2), 192.329(3), 187.010: Columbus Day Mon 12 Oct 2026 is a business day",
      received: "2026-10-08",
      expect: { acknowledgementDueDate: "2026-10-15", dueDate: "2026-10-29" },
    },
    {
      name: "ORS 192.324(2), 192.329(3), 187.010(2): skip Juneteenth observed Fri 18 Jun 2027 and Independence Day observed Mon 5 Jul 2027",
      received: "2027-06-14",
      expect: { acknowledgementDueDate: "2027-06-22", dueDate: "2027-07-07" },
    },
  ],
};
