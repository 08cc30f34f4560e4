import type { JurisdictionReference } from "../types";

const RS_1_55 = {
  cite: "La. R.S. 1:55(A)(1) (days of public rest and legal holidays)",
  url: "https://legis.la.gov/legis/Law.aspx?d=74097",
  primary: true,
} as const;
const RS_44_33 = {
  cite: "La. R.S. 44:33(B)(1)",
  url: "https://legis.la.gov/legis/Law.aspx?d=99701",
  primary: true,
} as const;
const RS_44_35 = {
  cite: "La. R.S. 44:35(A)",
  url: "https://legis.la.gov/legis/Law.aspx?d=99703",
  primary: true,
} as const;

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "LA",
    basis: {
      text:
        "The Public Records Law counts days \"exclusive of Saturdays, Sundays, and legal public holidays\" (R.S. 44:33(B)(1); also 44:32(D), 44:35(A)). The legal holidays are those R.S. 1:55(A)(1) names, whether or not a given office closes on them (state offices are open on some, e.g. 8 January, 30 August, 1 November).",
      source: RS_44_33,
    },
    weekend: {
      rule: "none",
      source: {
        cite: "La. R.S. 44:33(B)(1) excludes the legal holidays themselves; R.S. 1:55(A)(1) moves none from a weekend",
        url: RS_1_55.url,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: RS_1_55 },
      { name: "Battle of New Orleans", date: { kind: "fixed", month: 1, day: 8 }, source: RS_1_55 },
      { name: "Dr. Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: RS_1_55 },
      { name: "Washington's Birthday and Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: RS_1_55 },
      { name: "Mardi Gras", date: { kind: "easter", offset: -47 }, source: RS_1_55 },
      { name: "Good Friday", date: { kind: "easter", offset: -2 }, source: RS_1_55 },
      { name: "National Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: RS_1_55 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: RS_1_55 },
      { name: "Huey P. Long Day", date: { kind: "fixed", month: 8, day: 30 }, source: RS_1_55 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: RS_1_55 },
      { name: "Christopher Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: RS_1_55 },
      { name: "All Saints' Day", date: { kind: "fixed", month: 11, day: 1 }, source: RS_1_55 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: RS_1_55 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: RS_1_55 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: RS_1_55 },
      {
        name: "Inauguration Day",
        date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 2 },
        years: { step: 4, anchor: 2024 },
        onlyIn: ["Baton Rouge", "East Baton Rouge"],
        source: RS_1_55,
        note: "A legal holiday \"in the city of Baton Rouge\" only. The governor's inauguration date (second Monday in January every fourth year: 8 January 2024, next 2028) was not read in the Constitution.",
      },
    ],
    unverified: [
      "Whether a day the Governor proclaims a holiday for state employees under R.S. 1:55(B)(3) (e.g. Juneteenth, the day after Thanksgiving, Christmas Eve, or a Friday/Monday for a weekend holiday) is a \"legal public holiday\" for R.S. 44:33 was not settled; none is included.",
      "Whether parishes, cities and clerks' offices that close on other days (R.S. 1:55(E): clerks of court also close the Friday after Thanksgiving, Christmas Eve and New Year's Eve) extend the count for their records: only the R.S. 1:55(A)(1) list is applied.",
      "Whether 'legal public holidays' in 44:33 means R.S. 1:55(A)(1) (used here) or only the days state offices close (R.S. 1:55(B)) has not been settled by a court decision read for this file.",
      "Inauguration Day's date rule (second Monday in January every four years) comes from memory of past inaugurations, not a source read.",
    ],
  },
  law: {
    jurisdiction: "LA",
    lawName: "Louisiana Public Records Law",
    citation: "La. R.S. 44:1 et seq.",
    response: {
      days: 3,
      dayType: "business",
      countsFrom: "receipt",
      source: RS_44_33,
      note: "A record not in active use must be presented immediately. If it is in active use, the custodian certifies so in writing and fixes a day and hour within three days, exclusive of Saturdays, Sundays and legal public holidays (44:33(B)(1)); if the custodian questions whether it is a public record, a written determination is due within three such days of receipt of the written request (44:32(D)).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The law sets no deemed-receipt rule.",
    },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: RS_44_33,
      note: "The law provides no extension of the three days.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the district court (writ of mandamus, injunction or declaratory judgment)",
      bodyKind: "court",
      source: RS_44_35,
      note: "No administrative appeal. A person denied by a written determination, or after five days (exclusive of Saturdays, Sundays and legal public holidays) from the in-person, written or electronic request without a written determination or an estimate of the time reasonably necessary, may sue for mandamus, injunctive or declaratory relief in the district court for the parish where the custodian's office is (44:35(A)). No filing period is set.",
    },
    deemedDenial: {
      applies: false,
      source: RS_44_35,
      note: "44:35(A) treats the passage of FIVE days (exclusive of Saturdays, Sundays and legal public holidays) without a written determination or time estimate as a denial for suit; the types give the deemed-denial date as the 3-day due date, so this is left false and stated here.",
    },
    unverified: [
      "R.S. 44:32(D) (written determination within three days when the custodian questions whether a record is public) was not read in primary text.",
    ],
  },
  cases: [
    {
      name: "R.S. 44:33(B)(1), 1:55(A)(1): 3 days exclusive of Presidents' Day Mon 16 Feb and Mardi Gras Tue 17 Feb 2026",
      received: "2026-02-13",
      expect: { dueDate: "2026-02-20", extensionLimit: "2026-02-20" },
    },
    {
      name: "R.S. 44:33(B)(1), 1:55(A)(1): 3 days exclusive of Battle of New Orleans Thu 8 Jan 2026",
      received: "2026-01-07",
      expect: { dueDate: "2026-01-13" },
    },
    {
      name: "R.S. 44:33(B)(1), 1:55(A)(1): 3 days exclusive of Good Friday 3 Apr 2026",
      received: "2026-04-01",
      expect: { dueDate: "2026-04-07" },
    },
    {
      name: "R.S. 44:33(B)(1), 1:55(A)(1): 3 days exclusive of Huey P. Long Day Mon 30 Aug 2027",
      received: "2027-08-27",
      expect: { dueDate: "2027-09-02" },
    },
    {
      name: "R.S. 44:33(B)(1), 1:55(A)(1): 3 days exclusive of All Saints' Day Mon 1 Nov 2027",
      received: "2027-10-29",
      expect: { dueDate: "2027-11-04" },
    },
  ],
};
