import type { JurisdictionReference, Source } from "../types";

const DC_CODE = "https://github.com/DCCouncil/law-xml-codified/blob/HEAD/us/dc/council/code/titles";
const HOLIDAYS: Source = {
  cite: "D.C. Code § 1-612.02(a)",
  url: `${DC_CODE}/1/sections/1-612.02.xml`,
  primary: true,
};
const FOIA = (pinpoint: string): Source => ({
  cite: `D.C. Code § 2-532${pinpoint}`,
  url: `${DC_CODE}/2/sections/2-532.xml`,
  primary: true,
});
const APPEAL: Source = { cite: "D.C. Code § 2-537(a)", url: `${DC_CODE}/2/sections/2-537.xml`, primary: true };

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "DC",
    basis: {
      text:
        "The DC FOIA counts \"15 days (except Saturdays, Sundays, and legal public holidays)\" (D.C. Code 2-532(c)(1)); the District's legal public holidays are listed in D.C. Code 1-612.02(a) (the federal list with Indigenous Peoples' Day for Columbus Day, plus DC Emancipation Day, 16 April).",
      source: FOIA("(c)(1)"),
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "D.C. Code § 1-612.02(b)(1)",
        url: `${DC_CODE}/1/sections/1-612.02.xml`,
        primary: true,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Dr. Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      {
        name: "Inauguration Day",
        date: { kind: "fixed", month: 1, day: 20 },
        weekend: "monday",
        years: { step: 4, anchor: 1981 },
        source: { cite: "D.C. Code § 1-612.02(c)", url: `${DC_CODE}/1/sections/1-612.02.xml`, primary: true },
        note: "Every fourth year from 1981 (next 2029); on a Sunday the next day selected for the public observance is the holiday.",
      },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HOLIDAYS },
      {
        name: "District of Columbia Emancipation Day",
        date: { kind: "fixed", month: 4, day: 16 },
        years: { from: 2007 },
        source: HOLIDAYS,
      },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Juneteenth National Independence Day", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2022 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      {
        name: "Indigenous Peoples' Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: HOLIDAYS,
        note: "Columbus Day renamed in the District's list (D.C. Law 23-149).",
      },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Days the Mayor closes District agencies by order (1-612.02(b), (d)), e.g. a Christmas Eve matching a federal executive order: none for 2026 or 2027 was found; whether such a day is a \"legal public holiday\" under 2-532(c) is not settled by the text.",
      "Juneteenth was added as 1-612.02(a)(4A) by D.C. Law 24-147 (eff. 12 July 2022); the year it first applies is taken from that law's date in the annotations, not from the act itself.",
    ],
  },
  law: {
    jurisdiction: "DC",
    lawName: "District of Columbia Freedom of Information Act",
    citation: "D.C. Code §§ 2-531 to 2-540",
    response: {
      days: 15,
      dayType: "business",
      countsFrom: "receipt",
      source: FOIA("(c)(1)"),
      note:
        "15 days (except Saturdays, Sundays and legal public holidays) of receipt: make the record accessible or give a reasoned denial. Metropolitan Police body-worn camera recordings: 25 such days (2-532(c)(2)); that variant is by record type, not by government level, so it is not a responseVariant.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The statute sets no receipt rule beyond \"receipt of any such request\".",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 10,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: FOIA("(d)(1)"),
      note:
        "In unusual circumstances (voluminous records; consultation), by written notice giving the reasons and the expected date; no more than 10 days (except Saturdays, Sundays and legal public holidays); 15 such days for body-worn camera recordings.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the Mayor",
      bodyKind: "other",
      source: APPEAL,
      note:
        "Petition the Mayor (delegated to the Mayor's Office of Legal Counsel), who decides within 10 days excluding Saturdays, Sundays and legal holidays; the statute sets no period for filing. Denials by the Council (2-537(a-1)) or the Attorney General (2-537(a-2)) go straight to the Superior Court.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial_or_deemed_denial",
        body: "the Superior Court of the District of Columbia",
        bodyKind: "court",
        source: APPEAL,
        note: "After a deemed denial (2-532(e)) or the Mayor's denial or silence, suit for injunctive or declaratory relief.",
      },
    ],
    deemedDenial: {
      applies: true,
      source: FOIA("(e)"),
      note: "Failure to answer within 2-532(c) and (d) is a deemed denial and exhausts administrative remedies, unless the requester petitions the Mayor.",
    },
    unverified: [
      "Whether the Mayor's FOIA regulations (1 DCMR 400 et seq.) set a period for filing an administrative appeal or a receipt rule: the regulations were not read.",
    ],
  },
  cases: [
    {
      name: "D.C. Code 2-532(c)(1), 1-612.02(a)(11): 15 business days skip DC Emancipation Day Thu 16 Apr 2026",
      received: "2026-04-01",
      expect: { dueDate: "2026-04-23" },
    },
    {
      name: "D.C. Code 2-532(c)(1), (d)(1), 1-612.02(a)(11): Emancipation Day Fri 16 Apr 2027 skipped; 10-day extension to 11 May 2027",
      received: "2027-04-05",
      expect: { dueDate: "2027-04-27", extensionLimit: "2027-05-11" },
    },
    {
      name: "D.C. Code 2-532(c)(1), 1-612.02(a)(7): 15 business days skip Indigenous Peoples' Day Mon 12 Oct 2026",
      received: "2026-10-01",
      expect: { dueDate: "2026-10-23" },
    },
    {
      name: "D.C. Code 2-532(c)(1), 1-612.02(a)(4A), (b)(1): Juneteenth on Sat 19 Jun 2027 closes Fri 18 Jun",
      received: "2027-06-04",
      expect: { dueDate: "2027-06-28" },
    },
    {
      name: "D.C. Code 2-537(a): no statutory period for the petition to the Mayor",
      received: "2026-04-01",
      events: [{ type: "denied", on: "2026-04-10" }],
      expect: { appealDueDate: null },
    },
  ],
};
