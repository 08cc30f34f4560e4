import type { JurisdictionReference, Source } from "../types";

const S230_35_LIST: Source = {
  cite: "Wis. Stat. § 230.35(4)(a) 1.-9. (nine paid holidays, as listed in UW Oshkosh policy GEN 3.B.4)",
  url: "https://www.uwosh.edu/policy/faculty-and-academic-staff-holidays/",
  primary: false,
};
const S230_35_LRB: Source = {
  cite: "Wis. Stat. § 230.35(4)(a) 10. and LRB analysis of 2017 S.B. 113 (state offices closed on Saturdays, Sundays and nine state holidays)",
  url: "https://docs.legis.wisconsin.gov/2017/related/proposals/sb113/1",
  primary: true,
};
const DOJ: Source = {
  cite: "Wisconsin DOJ Office of Open Government, 'What can I do if an authority denies my public records request?' (Wis. Stat. § 19.37)",
  url: "https://www.doj.state.wi.us/office-open-government/ask-the-oog/what-can-i-do-if-authority-denies-my-public-records-request",
  primary: false,
};
const S19_35: Source = {
  cite: "Wis. Stat. § 19.35(4)(a) ('as soon as practicable and without delay'), as quoted",
  url: "https://www.towncounsellawfirm.com/how-long-do-we-have-to-respond-to-an-open-records-request/",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "WI",
    basis: {
      text:
        "The Public Records Law sets no period in days, so no business-day count depends on the calendar; the calendar records the days state offices are closed under § 230.35(4): Saturdays, Sundays and nine holidays (1 January, third Monday in January, last Monday in May, 4 July, first Monday in September, fourth Thursday in November, 24, 25 and 31 December), plus the Monday after 1 January, 4 July or 25 December when it falls on a Sunday.",
      source: S230_35_LRB,
    },
    weekend: { rule: "none", source: S230_35_LRB },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, weekend: "monday", source: S230_35_LIST },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S230_35_LIST },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S230_35_LIST },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, weekend: "monday", source: S230_35_LIST },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S230_35_LIST },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S230_35_LIST },
      { name: "Christmas Eve", date: { kind: "fixed", month: 12, day: 24 }, source: S230_35_LIST },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, weekend: "monday", source: S230_35_LIST },
      { name: "New Year's Eve", date: { kind: "fixed", month: 12, day: 31 }, source: S230_35_LIST },
    ],
    unverified: [
      "A holiday on a Saturday (e.g. Sat 4 Jul 2026, Sat 25 Dec 2027) closes no weekday: state employees get floating holiday time instead (UW and secondary sources); the statute's own text for Saturdays was not read.",
      "Presidents' Day, Juneteenth, Columbus Day, Veterans Day (a personal holiday for state employees) and the day after Thanksgiving are not state office closures. Wis. Stat. § 995.20 legal holidays (Good Friday afternoon, election days, etc.) do not close state offices. Counties and municipalities set their own holidays.",
    ],
  },
  law: {
    jurisdiction: "WI",
    lawName: "Wisconsin Public Records Law",
    citation: "Wis. Stat. §§ 19.31-19.39; § 19.35(4)(a)",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: S19_35,
      note:
        "An authority must, as soon as practicable and without delay, either fill the request or notify the requester of its determination to deny it in whole or part and the reasons (§ 19.35(4)(a)). No number of days; the DOJ regards about 10 business days as generally reasonable for a simple request (guidance, not law).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: null,
      note: "There is no fixed period to extend; the test is always 'as soon as practicable and without delay'.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the circuit court (action for mandamus)",
      bodyKind: "court",
      source: DOJ,
      note:
        "No administrative appeal: the requester may bring a mandamus action, or ask in writing the district attorney of the county where the record is, or the Attorney General, to bring one (§ 19.37(1)). A denial or a delay in granting access may be challenged. No filing period was read.",
    },
    deemedDenial: { applies: false, source: null, note: "No deemed-denial provision; an unreasonable delay is itself actionable by mandamus." },
    unverified: [
      "§ 19.35(4)(a) and § 19.37 were read only as quoted by a law firm and summarised by the DOJ, not in the statutes' own text. A governor's executive order reportedly asks state executive agencies to answer simple requests within 10 working days; it was not read and is not a statutory deadline.",
    ],
  },
  cases: [
    {
      name: "Wis. Stat. 19.35(4)(a): no statutory period, no due date (request 2 Jul 2026; Sat 4 Jul closes no Friday under 230.35(4))",
      received: "2026-07-02",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "Wis. Stat. 19.35(4)(a), 19.37(1): denial 28 Dec 2026 starts no statutory appeal period",
      received: "2026-12-23",
      events: [{ type: "denied", on: "2026-12-28" }],
      expect: { dueDate: null, appealDueDate: null },
    },
    {
      name: "Wis. Stat. 19.35(4)(a), 230.35(4)(a): New Year's Eve Fri 31 Dec 2027; still no statutory due date",
      received: "2027-12-30",
      expect: { dueDate: null },
    },
  ],
};
