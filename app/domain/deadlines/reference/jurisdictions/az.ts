import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "A.R.S. § 1-301(A)-(C) (text as shown in 2018 SB 1235, introduced)",
  url: "https://www.azleg.gov/legtext/53leg/2r/bills/sb1235p.htm",
  primary: true,
};
const PRL = (pinpoint: string): Source => ({
  cite: `A.R.S. § 39-121.01${pinpoint} (quoted by MuckRock)`,
  url: "https://www.muckrock.com/place/united-states-of-america/arizona/exemption/constructive-denial-18/",
  primary: false,
});

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "AZ",
    basis: {
      text:
        "The Public Records Law sets no number of days (records are to be furnished \"promptly\", 39-121.01(D)(1)), so the calendar only says when offices are closed. It lists the weekday holidays of A.R.S. 1-301(A) on which public offices close; the Sunday observances in the same list (Mothers' Day, Fathers' Day, American Family Day) close nothing.",
      source: HOLIDAYS,
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "A.R.S. § 1-301(B) (a holiday on a Sunday: the following Monday), (C) (New Year's Day, Independence Day, Veterans' Day, Christmas on a Saturday: the preceding Friday)",
        url: HOLIDAYS.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Martin Luther King, Jr./Civil Rights Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Lincoln/Washington Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: HOLIDAYS },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Constitution Commemoration Day (17 September) is a 1-301(A) holiday but is taken not to close offices (not among the state's paid holidays per secondary sources); the state's 2026-2027 holiday schedule (ADOA) was not read.",
      "Juneteenth is not in 1-301 as it stood in 2018; whether a later law added it (or the July 15 Native American Day proposed by 2018 SB 1235) was not checked.",
    ],
  },
  law: {
    jurisdiction: "AZ",
    lawName: "Arizona Public Records Law",
    citation: "A.R.S. §§ 39-121 to 39-128",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: PRL("(D)(1)"),
      note:
        "No number of days: records must be furnished \"promptly\", which the courts read as at once or without delay, judged on the facts of each request (West Valley View v. Maricopa County Sheriff's Office, 216 Ariz. 225 (App. 2007); Phoenix New Times v. Arpaio, 217 Ariz. 533 (App. 2008)).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
    },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: null,
      note: "No period, so no extension rule.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the superior court",
      bodyKind: "court",
      source: {
        cite: "A.R.S. § 39-121.02 (special action), per the RCFP Arizona guide",
        url: "http://www.rcfp.org/arizona-open-government-guide/v-procedure-obtaining-records/b-how-long-wait",
        primary: false,
      },
      note: "No administrative appeal: a special action in superior court.",
    },
    deemedDenial: {
      applies: true,
      source: PRL("(E)"),
      note:
        "Access is deemed denied if the custodian fails to respond promptly or to give an index of withheld records; with no fixed period there is no fixed deemed-denial date.",
    },
    unverified: ["39-121.01 and 39-121.02 were read only as quoted by MuckRock and RCFP."],
  },
  cases: [
    {
      name: "A.R.S. 39-121.01(D)(1): \"promptly\" sets no due date, even around Columbus Day Mon 12 Oct 2026",
      received: "2026-10-09",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "A.R.S. 39-121.01(D)(1), 1-301(C): no due date around Independence Day observed Fri 3 Jul 2026",
      received: "2026-07-02",
      expect: { dueDate: null },
    },
    {
      name: "A.R.S. 39-121.02: no period for the special action after a denial around Martin Luther King, Jr./Civil Rights Day Mon 18 Jan 2027",
      received: "2027-01-11",
      events: [{ type: "denied", on: "2027-01-15" }],
      expect: { dueDate: null, appealDueDate: null },
    },
  ],
};
