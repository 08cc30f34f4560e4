import type { JurisdictionReference, Source } from "../types";

const NRS_25_2221: Source = {
  cite: "Neb. Rev. Stat. § 25-2221 (time; offices may be closed; holidays)",
  url: "https://nebraskalegislature.gov/laws/statutes.php?statute=25-2221&print=true",
  primary: true,
};
const NRS_62_301: Source = {
  cite: "Neb. Rev. Stat. § 62-301(1) (holidays enumerated)",
  url: "https://nebraskalegislature.gov/laws/statutes.php?statute=62-301",
  primary: true,
};
const NRS_84_712_4: Source = {
  cite: "Neb. Rev. Stat. § 84-712(4), as quoted by MuckRock",
  url: "https://www.muckrock.com/place/united-states-of-america/nebraska/exemption/constructive-denial-44/",
  primary: false,
};
const NRS_84_712_03: Source = {
  cite: "Neb. Rev. Stat. § 84-712.03(1)",
  url: "https://getpocketlaw.com/law/state_nebraska/section-84-712-03-public-records-denial-of-rights-remedies_9ede1fc0caae",
  primary: true,
};
const NRS_84_712_04: Source = {
  cite: "Neb. Rev. Stat. § 84-712.04",
  url: "https://www.nebraskalegislature.gov/laws/statutes.php?statute=84-712.04",
  primary: true,
};

const holiday = "A holiday under Neb. Rev. Stat. §§ 25-2221 and 62-301(1).";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NE",
    basis: {
      text:
        "The public records statutes count \"business days\" without defining them; taken as the days offices are open: not Saturdays, Sundays or the holidays on which § 25-2221 lets offices close (the same list as § 62-301(1)), with a Saturday holiday kept on the Friday before and a Sunday one on the Monday after.",
      source: NRS_25_2221,
    },
    weekend: { rule: "friday_monday", source: NRS_25_2221 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: NRS_25_2221, note: holiday },
      { name: "Birthday of Martin Luther King, Jr.", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: NRS_25_2221, note: holiday },
      { name: "President's Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: NRS_25_2221, note: holiday },
      { name: "Arbor Day", date: { kind: "nthWeekday", month: 4, weekday: 5, nth: -1 }, source: NRS_25_2221, note: holiday + " The last Friday in April; not a federal holiday." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: NRS_25_2221, note: holiday },
      { name: "Juneteenth National Independence Day", date: { kind: "fixed", month: 6, day: 19 }, source: NRS_25_2221, note: holiday },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: NRS_25_2221, note: holiday },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: NRS_25_2221, note: holiday },
      { name: "Indigenous Peoples' Day and Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: NRS_25_2221, note: holiday },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: NRS_25_2221, note: holiday },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: NRS_25_2221, note: holiday },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: NRS_62_301,
        note: holiday + " Not a federal holiday.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: NRS_25_2221, note: holiday },
    ],
    unverified: [
      "§ 25-2221 is written for courts and their offices; that executive agencies and political subdivisions close on the same days is taken from § 62-301 and news reports of the State's practice, not from a personnel rule or an official 2026-2027 State holiday calendar (none was read).",
      "Days the President gives federal employees off (e.g. Christmas Eve by executive order) have closed State offices under a State law that was read only as described in the Governor's announcements (2019, 2020); none is known for 2026 or 2027. Days proclaimed by the Governor are also closures under § 25-2221; none was found.",
      "§ 84-104.01 lets the Governor keep Veterans Day on the Friday before or the Monday after when it falls on a weekend; the statutory Saturday-to-Friday rule is used.",
    ],
  },
  law: {
    jurisdiction: "NE",
    lawName: "Nebraska Public Records Statutes",
    citation: "Neb. Rev. Stat. §§ 84-712 to 84-712.09 (response § 84-712(4))",
    response: {
      days: 4,
      dayType: "business",
      countsFrom: "receipt",
      source: NRS_84_712_4,
      note: "§ 84-712(4): on a written request, as soon as practicable and without delay, but not more than four business days after actual receipt, the custodian must give an estimate of the cost and either access or copies, a written denial, or, where significant difficulty or the request's extent prevents fulfilling it in four business days, a written explanation with the earliest practicable date. The four-day period applies only to written requests.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: NRS_84_712_4,
      note: "Counted from the custodian's \"actual receipt\" of the written request; no further deemed-receipt rule.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: NRS_84_712_4,
      note: "§ 84-712(4)(c): within the four business days, a written explanation of the difficulty with the earliest practicable date for fulfilling the request and an opportunity to modify or prioritise it. No fixed length or cap.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Attorney General",
      bodyKind: "attorney_general",
      source: NRS_84_712_03,
      note: "§ 84-712.03(1)(b): a petition asking the Attorney General to review the matter, decided within fifteen calendar days after submission; alternatively (a) mandamus in district court. No filing period. A denial must be in writing with the reasons, the responsible official and notice of these remedies (§ 84-712.04).",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the district court (writ of mandamus)",
        bodyKind: "court",
        source: NRS_84_712_03,
        note: "§ 84-712.03(1)(a); no filing period.",
      },
    ],
    deemedDenial: {
      applies: false,
      source: NRS_84_712_04,
      note: "The statutes do not deem silence a denial; § 84-712.03 remedies are open to any person \"denied any rights\" under §§ 84-712 to 84-712.03.",
    },
    unverified: [
      "The text of § 84-712(4) was read only as quoted by MuckRock; the official page was not read.",
    ],
  },
  cases: [
    {
      name: "Neb. Rev. Stat. 84-712(4), 25-2221: 4 business days skip Arbor Day Fri 24 Apr 2026",
      received: "2026-04-21",
      expect: { dueDate: "2026-04-28" },
    },
    {
      name: "Neb. Rev. Stat. 84-712(4), 62-301: 4 business days skip Thanksgiving and the day after, 26-27 Nov 2026",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-02", extensionLimit: null },
    },
    {
      name: "Neb. Rev. Stat. 84-712(4), 25-2221: 4 business days skip Indigenous Peoples' Day and Columbus Day Mon 12 Oct 2026",
      received: "2026-10-08",
      expect: { dueDate: "2026-10-15" },
    },
    {
      name: "Neb. Rev. Stat. 84-712(4), 25-2221: 4 business days skip Arbor Day Fri 30 Apr 2027",
      received: "2027-04-28",
      expect: { dueDate: "2027-05-05" },
    },
    {
      name: "Neb. Rev. Stat. 84-712(4), 25-2221 weekend rule: Christmas Sat 25 Dec 2027 closes Fri 24 Dec",
      received: "2027-12-22",
      expect: { dueDate: "2027-12-29" },
    },
    {
      name: "Neb. Rev. Stat. 84-712.03: a petition to the Attorney General has no filing period",
      received: "2026-06-15",
      events: [{ type: "denied", on: "2026-06-18" }],
      expect: { dueDate: "2026-06-22", appealDueDate: null },
    },
  ],
};
