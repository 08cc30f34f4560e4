import type { JurisdictionReference, Source } from "../types";

const S25_1_1: Source = {
  cite: "R.I. Gen. Laws § 25-1-1 (general holidays; 1 Jan, 4 Jul, 11 Nov and 25 Dec on a Saturday or Sunday celebrated by state employees the following Monday)",
  url: "https://unicourt.github.io/cic-code-ri/transforms/ri/ocri/r71/gov.ri.code.title.25.html",
  primary: true,
};
const H5380_2023: Source = {
  cite: "2023 H 5380 Sub A amending R.I. Gen. Laws § 25-1-1: 19 June (Juneteenth National Freedom Day), on a Saturday or Sunday celebrated by state employees the following Monday; a state holiday from 2024",
  url: "http://webserver.rilin.state.ri.us/BillText23/HouseText23/H5380A.htm",
  primary: true,
};
const SOS_HOLIDAYS: Source = {
  cite: "Rhode Island Department of State, Rhode Island State Holidays (2019-2021 table)",
  url: "https://www.sos.ri.gov/divisions/civics-and-education/reference-desk/ri-state-holidays",
  primary: true,
};
const S38_2_7: Source = {
  cite: "R.I. Gen. Laws § 38-2-7",
  url: "http://webserver.rilegislature.gov/Statutes/TITLE38/38-2/38-2-7.htm",
  primary: true,
};
const S38_2_3_E: Source = {
  cite: "R.I. Gen. Laws § 38-2-3(e) (10 business days; up to 20 additional business days for a voluminous request, pending requests or retrieval difficulty), as restated in 280-RICR-10-00-1.6(C)-(D)",
  url: "https://d1tvxue8o4w0fl.cloudfront.net/regulation/rhode-island-administrative-code/title-280-department-of-revenue/chapter-10-directors-office/subchapter-00-general-administration/part-1-access-to-public-records-280-ricr-10-00-1/section-280-ricr-10-00-16-procedure-for-requesting-public-records",
  primary: true,
};
const S38_2_8: Source = {
  cite: "R.I. Gen. Laws § 38-2-8 (appeal to the chief administrative officer; then Attorney General complaint or superior court), as summarised by RCFP via MuckRock",
  url: "https://www.muckrock.com/questions/state-commission-asking-for-apra-extension-274/",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "RI",
    basis: {
      text:
        "APRA counts business days (§§ 38-2-3(e), 38-2-7). Non-business days are Saturdays, Sundays and the § 25-1-1 holidays on which State offices close, as the Department of State lists them; 1 Jan, 4 Jul, 11 Nov and 25 Dec falling on a Saturday or Sunday are celebrated the following Monday.",
      source: S25_1_1,
    },
    weekend: { rule: "monday_both", source: S25_1_1 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: S25_1_1 },
      { name: "Dr. Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: SOS_HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: SOS_HOLIDAYS },
      {
        name: "Juneteenth National Freedom Day",
        date: { kind: "fixed", month: 6, day: 19 },
        years: { from: 2024 },
        source: H5380_2023,
        note: "Paid state holiday from 2024 (news reports of the 2023 signing, e.g. Providence Business News).",
      },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: S25_1_1 },
      { name: "Victory Day", date: { kind: "nthWeekday", month: 8, weekday: 1, nth: 2 }, source: S25_1_1 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: SOS_HOLIDAYS },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: S25_1_1 },
      {
        name: "Election Day",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 1, nth: 1 }, days: 1 },
        years: { step: 2, anchor: 2026 },
        source: S25_1_1,
        note: "Only in years with a general election of state officers (even years; the Department of State lists it for 2020, not 2019 or 2021).",
      },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: S25_1_1 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: SOS_HOLIDAYS },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: S25_1_1 },
    ],
    unverified: [
      "§ 25-1-1 also names Washington's Birthday (third Monday of February) and Rhode Island Independence Day (4 May), but the Department of State's list of State holidays omits both; State offices are taken to be open and they are left out.",
      "Juneteenth (from 2024) rests on the 2023 bill text (H 5380 Sub A) and news of its signing; the enacted chapter law was not read.",
      "The Department of State table read covers 2019-2021; the 2026 and 2027 dates are computed from § 25-1-1 and that pattern (e.g. Sat 4 Jul 2026 observed Mon 6 Jul; Sat 25 Dec 2027 observed Mon 27 Dec).",
      "Cities and towns set their own closures; none is modelled.",
    ],
  },
  law: {
    jurisdiction: "RI",
    lawName: "Access to Public Records Act (APRA)",
    citation: "R.I. Gen. Laws §§ 38-2-1 to 38-2-16",
    response: {
      days: 10,
      dayType: "business",
      countsFrom: "receipt",
      source: S38_2_7,
      note: "Inspection or copying within ten business days of receiving the request (§ 38-2-3(e)); a denial must be in writing with specific reasons within the same ten business days (§ 38-2-7(a)).",
    },
    receipt: { closedDayDeemedNextBusinessDay: false, afterHoursCutoff: null, electronicLagBusinessDays: 0, source: null },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 20,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S38_2_3_E,
      note:
        "If not within ten business days, the body must forthwith explain in writing, particularized to the request, the need for more time; it may then have up to twenty additional business days if it shows the voluminous nature of the request, the number of pending requests, or the difficulty of searching for, retrieving or copying the records (§§ 38-2-3(e), 38-2-7(b)). Before 2012 the limit was 30 business days in total.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the chief administrative officer of the public body",
      bodyKind: "agency_head",
      source: S38_2_8,
      note: "Petition the chief administrative officer (§ 38-2-8(a)), who decides within ten business days; the appeal is optional. Then a complaint to the Attorney General or an action in superior court (§ 38-2-8(b)). No filing period was read.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial_or_deemed_denial",
        body: "the Attorney General (complaint) or the superior court",
        bodyKind: "attorney_general",
        source: S38_2_8,
        note: "§ 38-2-8(b).",
      },
    ],
    deemedDenial: {
      applies: true,
      source: S38_2_7,
      note: "Failure to comply within the ten business days is deemed a denial (§ 38-2-7(b)); copying and search fees are waived when records are produced late.",
    },
    unverified: [
      "§ 38-2-3(e) was read only as restated in a Department of Revenue rule (280-RICR-10-00-1.6); the statute's own text was cut off in the copy read.",
      "§ 38-2-8 (appeal routes, ten-business-day decision) was read only in a secondary summary; whether any filing period applies was not settled.",
    ],
  },
  cases: [
    {
      name: "R.I. Gen. Laws 38-2-3(e), 25-1-1: 10 business days; Sat 4 Jul 2026 observed Mon 6 Jul, Fri 3 Jul counts; +20 business days skip Victory Day Mon 10 Aug",
      received: "2026-06-29",
      expect: { dueDate: "2026-07-14", extensionLimit: "2026-08-12" },
    },
    {
      name: "R.I. Gen. Laws 38-2-3(e): 10 business days; Presidents' Day Mon 16 Feb 2026 counts (not a State office closure)",
      received: "2026-02-09",
      expect: { dueDate: "2026-02-23" },
    },
    {
      name: "R.I. Gen. Laws 38-2-3(e), 25-1-1: 10 business days skip Election Day Tue 3 Nov 2026 (even year) and Veterans' Day",
      received: "2026-10-30",
      expect: { dueDate: "2026-11-17" },
    },
    {
      name: "R.I. Gen. Laws 38-2-3(e), 25-1-1: Sat 25 Dec 2027 observed Mon 27 Dec; Fri 24 Dec counts",
      received: "2027-12-13",
      expect: { dueDate: "2027-12-28" },
    },
    {
      name: "R.I. Gen. Laws 38-2-3(e), 25-1-1 (2023 H 5380): Juneteenth Sat 19 Jun 2027 observed Mon 21 Jun; Fri 18 Jun counts",
      received: "2027-06-14",
      expect: { dueDate: "2027-06-29" },
    },
    {
      name: "R.I. Gen. Laws 38-2-3(e), 25-1-1: Election Day Tue 2 Nov 2027 counts (no general election of state officers)",
      received: "2027-11-01",
      expect: { dueDate: "2027-11-16" },
    },
  ],
};
