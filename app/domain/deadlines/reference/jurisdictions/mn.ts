import type { JurisdictionReference, Source } from "../types";

const MS_645_44: Source = {
  cite: "Minn. Stat. § 645.44, subd. 5 (holiday)",
  url: "https://lawserver.com/law/state/minnesota/mn-statutes/minnesota_statutes_15a-22",
  primary: true,
};
const MS_13_03: Source = {
  cite: "Minn. Stat. § 13.03, subds. 2-3",
  url: "https://instalawyer.io/laws/minnesota-statutes/section-1303-access-to",
  primary: true,
};
const LEAD_TABLE: Source = {
  cite: "Minn. Stat. §§ 13.04 subd. 3, 13.072, 13.085, 13.08 (per the project's lead table, state-deadlines.tsv)",
  url: "https://www.revisor.mn.gov/statutes/cite/13.03",
  primary: false,
};

const holiday = "A holiday under Minn. Stat. § 645.44, subd. 5, on which no public business is transacted except in cases of necessity.";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MN",
    basis: {
      text:
        "The Data Practices Act sets no fixed period for public data, so the calendar matters only for the data-subject period (10 days excluding Saturdays, Sundays and legal holidays) and for agency schedules. The holidays are those of § 645.44, subd. 5; for the executive branch they include the Friday after Thanksgiving and exclude Indigenous Peoples Day (second Monday in October).",
      source: MS_645_44,
    },
    weekend: { rule: "friday_monday", source: MS_645_44 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: MS_645_44, note: holiday },
      { name: "Martin Luther King's Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: MS_645_44, note: holiday },
      { name: "Washington's and Lincoln's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: MS_645_44, note: holiday },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: MS_645_44, note: holiday },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, source: MS_645_44, note: holiday },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: MS_645_44, note: holiday },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: MS_645_44, note: holiday },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: MS_645_44, note: holiday },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: MS_645_44, note: holiday },
      {
        name: "Friday after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: MS_645_44,
        note: "§ 645.44, subd. 5: a holiday for the executive branch of the State; other branches and political subdivisions choose.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: MS_645_44, note: holiday },
    ],
    unverified: [
      "Indigenous Peoples Day (second Monday in October) is left out: § 645.44, subd. 5 excludes it for the executive branch; other branches and political subdivisions may observe it (and may decline the Friday after Thanksgiving), and which do was not researched. The statute's wording of that executive-branch sentence was read in its pre-2023 form (\"Christopher Columbus Day\", 2022 H.F. 3910 and a secondary summary).",
      "The weekend rule (Saturday to Friday, Sunday to Monday) is written for New Year's Day, Juneteenth, Independence Day, Veterans Day and Christmas Day; the other holidays are always weekdays.",
    ],
  },
  law: {
    jurisdiction: "MN",
    lawName: "Minnesota Government Data Practices Act",
    citation: "Minn. Stat. ch. 13 (access: § 13.03)",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: MS_13_03,
      note: "§ 13.03, subd. 2(a): requests are to be received and complied with \"in an appropriate and prompt manner\"; subd. 3(a): inspection at reasonable times and places. No fixed number of days for public data. A data subject asking for data about themselves must be answered within 10 days excluding Saturdays, Sundays and legal holidays (§ 13.04, subd. 3; not read), which this period does not model.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "The Act sets no deemed-receipt rule.",
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
      note: "No fixed period, so no extension mechanism.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the Commissioner of Administration (advisory opinion)",
      bodyKind: "other",
      source: LEAD_TABLE,
      note: "No administrative appeal within the agency; a requester may ask the Commissioner of Administration for an advisory opinion (§ 13.072), seek the administrative remedy at the Office of Administrative Hearings (§ 13.085) or sue in district court (§ 13.08). Periods were not read.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the Office of Administrative Hearings",
        bodyKind: "other",
        source: LEAD_TABLE,
        note: "§ 13.085 administrative remedy; its filing period was not read.",
      },
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the district court",
        bodyKind: "court",
        source: LEAD_TABLE,
        note: "§ 13.08 civil action.",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "No fixed period, so nothing is deemed denied on a date." },
    unverified: [
      "The data-subject period (§ 13.04, subd. 3) and the remedies (§§ 13.072, 13.085, 13.08) are from the lead table; their text, including any filing period for the OAH remedy, was not read.",
    ],
  },
  cases: [
    {
      name: "Minn. Stat. 13.03 subd. 2: no fixed period, so no due date even around the Friday after Thanksgiving (27 Nov 2026, 645.44 subd. 5)",
      received: "2026-11-25",
      expect: { dueDate: null, extensionLimit: null },
    },
    {
      name: "Minn. Stat. 13.03 subd. 2: no fixed period for a request received on Juneteenth observed Fri 18 Jun 2027",
      received: "2027-06-18",
      expect: { dueDate: null },
    },
    {
      name: "Minn. Stat. 13.072, 13.08: a denial starts no statutory appeal period",
      received: "2026-10-12",
      events: [{ type: "denied", on: "2026-10-20" }],
      expect: { dueDate: null, appealDueDate: null },
    },
  ],
};
