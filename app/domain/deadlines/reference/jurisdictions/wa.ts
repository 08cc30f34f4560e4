import type { JurisdictionReference, Source } from "../types";

const WAC_357_31_005: Source = {
  cite: "WAC 357-31-005 (state civil service holidays, as amended WSR 21-18-039)",
  url: "https://apps.leg.wa.gov/WAC/default.aspx?cite=357-31-005",
  primary: true,
};
const RCW_1_16_050: Source = {
  cite: "RCW 1.16.050(1) (state legal holidays; Juneteenth added by 2021 c 295)",
  url: "http://apps.leg.wa.gov/RCW/default.aspx?cite=1.16.050",
  primary: true,
};
const RCW_42_56_520: Source = {
  cite: "RCW 42.56.520(1), (2)",
  url: "https://instalawyer.io/laws/revised-code-of-washington/4256520-prompt-responses-required",
  primary: true,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "WA",
    basis: {
      text:
        "The Public Records Act counts \"business days\" (RCW 42.56.520(1)) without defining them; they are taken as weekdays other than the state legal holidays of RCW 1.16.050, which state agencies observe as holidays under WAC 357-31-005 (Juneteenth and Native American Heritage Day included; Columbus Day is only a 'legislatively recognized day', not a holiday).",
      source: RCW_1_16_050,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "WAC 357-31-040 (\"What happens when a holiday ... falls on Saturday or Sunday?\"), title read only",
        url: "https://law.cornell.edu/regulations/washington/title-357/chapter-357-31",
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: WAC_357_31_005 },
      { name: "Martin Luther King, Jr.'s birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: WAC_357_31_005 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: WAC_357_31_005 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: WAC_357_31_005 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: WAC_357_31_005 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: WAC_357_31_005 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: WAC_357_31_005 },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: WAC_357_31_005 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: WAC_357_31_005 },
      { name: "Native American Heritage Day", date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 }, source: WAC_357_31_005 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: WAC_357_31_005 },
    ],
    unverified: [
      "The Saturday->Friday / Sunday->Monday observance for state offices is from WAC 357-31-040, whose text was not read (only its title); no official 2026/2027 OFM holiday calendar was read.",
      "Local agencies (cities, counties) set their own holidays under RCW 1.16.050 and local ordinance; their closures may differ. Personal holidays (RCW 1.16.050(2)) are not closures.",
    ],
  },
  law: {
    jurisdiction: "WA",
    lawName: "Public Records Act",
    citation: "RCW 42.56.520, 42.56.550",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: RCW_42_56_520,
      note:
        "Within five business days of receiving a request the agency must provide the record, give a link to it, acknowledge receipt with a reasonable estimate of the time it will need, acknowledge and ask for clarification (with an estimate), or deny the request (RCW 42.56.520(1)).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: {
      days: 5,
      dayType: "business",
      source: RCW_42_56_520,
      note: "Acknowledgement with a reasonable time estimate is one of the permitted first responses within the same five business days.",
    },
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: RCW_42_56_520,
      note:
        "Additional time may be based on the need to clarify, locate and assemble records, notify third persons, or decide on exemptions (RCW 42.56.520(2)); the estimate must be reasonable and can be challenged in superior court (RCW 42.56.550(2)). No fixed length or cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the agency's internal review",
      bodyKind: "agency_head",
      source: {
        cite: "RCW 42.56.520 (prompt review of denials) as explained in the Attorney General's Model Rules, WAC 44-14-08001",
        url: "https://lawfilesext.leg.wa.gov/Law/WACArchive/2022/htm/WAC%20%2044%20%20TITLE/WAC%20%2044%20-%2014%20%20CHAPTER/WAC%20%2044%20-%2014%20-08001.htm",
        primary: true,
      },
      note:
        "Agencies must provide the most prompt possible review of denials; the review is deemed complete at the end of the second business day after the denial, after which the requester may go to court. No period for asking. For state agencies the requester may also ask the Attorney General to review a denial (RCW 42.56.530).",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the superior court of the county where the record is kept",
        bodyKind: "court",
        source: {
          cite: "RCW 42.56.550(1), (6) (as quoted in Rental Housing Ass'n v. City of Des Moines, 165 Wn.2d 525 (2009))",
          url: "http://courts.mrsc.org/mc/courts/zsupreme/165wn2d/165wn2d0525.htm",
          primary: true,
        },
        note: "Action within one year of the agency's claim of exemption or the last production of a record on a partial or installment basis (RCW 42.56.550(6)); a one-year period is not expressed in days here.",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "The Act does not deem silence a denial; a missed five-day response is a violation actionable in court." },
    unverified: [
      "RCW 42.56.520(4) (internal review deemed complete after two business days) was read only as restated in the Attorney General's Model Rules and agency rules, not in the statute's own text.",
    ],
  },
  cases: [
    {
      name: "RCW 42.56.520(1), 1.16.050(1)(k): 5 business days skip Thanksgiving and Native American Heritage Day Fri 27 Nov 2026",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-03", acknowledgementDueDate: "2026-12-03", extensionLimit: null },
    },
    {
      name: "RCW 42.56.520(1), 1.16.050: Columbus Day Mon 12 Oct 2026 is a business day in Washington",
      received: "2026-10-09",
      expect: { dueDate: "2026-10-16" },
    },
    {
      name: "RCW 42.56.520(1), WAC 357-31-005(5): Juneteenth Sat 19 Jun 2027 observed Fri 18 Jun",
      received: "2027-06-16",
      expect: { dueDate: "2027-06-24" },
    },
    {
      name: "RCW 42.56.520(1), WAC 357-31-005(6): Independence Day Sat 4 Jul 2026 observed Fri 3 Jul",
      received: "2026-07-01",
      expect: { dueDate: "2026-07-09" },
    },
  ],
};
