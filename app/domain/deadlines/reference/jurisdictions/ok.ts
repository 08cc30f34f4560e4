import type { JurisdictionReference, Source } from "../types";

const S82_1: Source = {
  cite: "25 O.S. § 82.1(A)-(B) (current text as reproduced, unchanged except for the proposal, in 2025 HB 1692 as introduced)",
  url: "https://app.legiplex.com/ok/legislature/2025/2025-r/bills/hb1692/drafts-latest",
  primary: false,
};
const S82_1_OLD: Source = {
  cite: "25 O.S. § 82.1(A)-(C) (earlier text: holidays, Governor's annual executive order, acts due on a holiday may be done the next business day)",
  url: "http://holidays.uslegal.com/state-holidays/oklahoma-legal-holidays/",
  primary: false,
};
const EO_2014_19A: Source = {
  cite: "Executive Order 2014-19A (OAC 1:2014-19A), 2015 state holidays (pattern: Thanksgiving Thursday and Friday, Christmas Eve and Christmas)",
  url: "https://regulations.justia.com/states/oklahoma/title-1/section-1-2014-19a/",
  primary: true,
};
const S24A_5: Source = {
  cite: "51 O.S. § 24A.5 ('prompt, reasonable access'), per lead table; HB 2095 (30 business days) status from legiplex",
  url: "https://app.azure.legiplex.com/ok/legislature/2026/2026-r/bills/hb2095",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "OK",
    basis: {
      text:
        "The Open Records Act sets no day count. The closed days are the holidays of 25 O.S. 82.1(A), whose dates the Governor fixes each year by executive order (82.1(B)); an act due on a holiday may be done the next business day (82.1(C)).",
      source: S82_1_OLD,
    },
    weekend: { rule: "friday_monday", source: S82_1 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S82_1 },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: S82_1 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: S82_1 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: S82_1 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S82_1 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: S82_1 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: S82_1 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: S82_1 },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: S82_1,
      },
      {
        name: "Christmas",
        date: { kind: "fixed", month: 12, day: 25 },
        source: S82_1,
        note: "On a Saturday the Thursday and Friday before are holidays, on a Sunday the Monday and Tuesday after; the Friday/Monday comes from this rule, the second day from the dated entry below.",
      },
      {
        name: "Day before or after Christmas",
        date: { kind: "dates", dates: ["2026-12-24", "2027-12-23"] },
        source: S82_1,
        note:
          "82.1(A): the day before or after Christmas when Christmas is a weekday (2026: Thursday 24 Dec taken, as in the Governor's usual orders, e.g. EO 2014-19A); the Thursday before when Christmas is a Saturday (2027: Thursday 23 Dec, with Friday 24 Dec). The 2015 order (" + EO_2014_19A.cite + ") closed Thu 24 and Fri 25 Dec.",
      },
    ],
    unverified: [
      "The Governor's executive orders fixing the 2026 and 2027 holiday dates were not read; for 2026 whether the extra Christmas day is Thu 24 Dec or Mon 28 Dec is assumed (24 Dec) from the 2015 order's pattern.",
      "25 O.S. 82.1 was read only as reproduced in 2025 bill text (HB 1692, which proposed adding General Election day) and an older secondary copy; HB 1692 is not known to have passed, so election day is not a holiday.",
      "Juneteenth and Columbus Day are not Oklahoma state holidays; offices are open.",
      "Counties, municipalities and school districts may observe other days; none is modelled.",
    ],
  },
  law: {
    jurisdiction: "OK",
    lawName: "Oklahoma Open Records Act",
    citation: "51 O.S. §§ 24A.1-24A.33",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: S24A_5,
      note:
        "Public bodies must provide 'prompt, reasonable access' to records; no number of days. HB 2095 (30 business days) passed the House in 2025 but is listed in the 2026 session as not enacted.",
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
      note: "No fixed period to extend.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the district court (civil action under 51 O.S. § 24A.17)",
      bodyKind: "court",
      source: S24A_5,
      note: "No administrative appeal and no fixed filing period.",
    },
    deemedDenial: { applies: false, source: null },
    unverified: [
      "51 O.S. 24A.5 and 24A.17 were not read; the 'prompt, reasonable access' standard and the court route rest on the lead table and bill summaries.",
      "Whether HB 2095 (30 business days) or any 2026 bill has since been enacted was not confirmed.",
    ],
  },
  cases: [
    {
      name: "51 O.S. 24A.5: no fixed period; received on the day after Thanksgiving Fri 27 Nov 2026 (25 O.S. 82.1 holiday)",
      received: "2026-11-27",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "51 O.S. 24A.5: no fixed period; received Mon 12 Oct 2026 (Columbus Day, offices open)",
      received: "2026-10-12",
      expect: { dueDate: null },
    },
    {
      name: "51 O.S. 24A.5: no fixed period; received Thu 23 Dec 2027 (Christmas on Saturday: Thursday and Friday closed)",
      received: "2027-12-23",
      expect: { dueDate: null, extensionLimit: null },
    },
  ],
};
