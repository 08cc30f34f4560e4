import type { JurisdictionReference, Source } from "../types";

const HOLIDAYS: Source = {
  cite: "AS 44.12.010(a) (text as quoted in SB 28, 32nd Legislature)",
  url: "https://www.akleg.gov/basis/Bill/Text/32?Hsid=SB0028A",
  primary: true,
};
const REG_325 = (pinpoint: string): Source => ({
  cite: `2 AAC 96.325${pinpoint}`,
  url: "https://d1tvxue8o4w0fl.cloudfront.net/regulation/alaska-administrative-code/title-2-administration/chapter-96-public-information/article-3-requests-for-public-records/section-2-aac-96325-response-to-request-time-limits",
  primary: true,
});

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "AK",
    basis: {
      text:
        "The Public Records Act (AS 40.25.110) sets no period; the Department of Administration's regulations give state agencies until \"the 10th working day after the date the agency receives a request\" (2 AAC 96.325(a)). Working days are taken as weekdays other than the legal holidays of AS 44.12.010 (state offices close on them).",
      source: REG_325("(a)"),
    },
    weekend: {
      rule: "friday_monday",
      source: {
        cite: "AS 44.12.020 (a holiday on a Sunday: Sunday and the following Monday are both legal holidays); Saturday -> Friday from secondary sources only",
        url: HOLIDAYS.url,
        primary: false,
      },
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: HOLIDAYS },
      { name: "Martin Luther King, Jr.'s Birthday", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: HOLIDAYS },
      { name: "Seward's Day", date: { kind: "nthWeekday", month: 3, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: HOLIDAYS },
      { name: "Alaska Day", date: { kind: "fixed", month: 10, day: 18 }, source: HOLIDAYS },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: HOLIDAYS },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: HOLIDAYS },
    ],
    unverified: [
      "Juneteenth and Columbus Day are not in AS 44.12.010 as quoted in SB 28 (2021-22), and state offices are taken to be open on them; one secondary summary lists Juneteenth as a state holiday. No later amendment adding Juneteenth was read.",
      "The Saturday rule (a Saturday holiday observed on the Friday before) comes from secondary sources and state-employee practice; AS 44.12.020 (read) covers only Sundays. Affects 3 Jul 2026, 24 Dec 2027 and 31 Dec 2027.",
      "Days proclaimed a legal holiday by the President or the Governor (AS 44.12.010(a)(13) as then numbered): none for 2026 or 2027 was read.",
      "2 AAC 96's definition of \"working day\" was not read.",
    ],
  },
  law: {
    jurisdiction: "AK",
    lawName: "Alaska Public Records Act",
    citation: "AS 40.25.100-40.25.295; 2 AAC 96",
    response: {
      days: null,
      dayType: "none",
      countsFrom: "receipt",
      source: {
        cite: "AS 40.25.110 (no period); 2 AAC 96 governs state administrative agencies (RCFP Alaska guide)",
        url: "http://www.rcfp.org/alaska-open-government-guide/v-procedure-obtaining-records/c-administrative-appeal",
        primary: false,
      },
      note: "The statute sets no period. Local governments follow their own ordinances (e.g. Anchorage Municipal Code 3.90).",
    },
    responseVariants: [
      {
        days: 10,
        dayType: "business",
        countsFrom: "receipt",
        appliesTo: "state",
        source: REG_325("(a)"),
        note:
          "State agencies under 2 AAC 96: as soon as practicable, but not later than the 10th working day after receipt, furnish the disclosable records and give reasons for any withheld. Time waiting for fee arrangements is excluded (96.325(c)).",
      },
    ],
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "A request received by an office that does not hold the records is forwarded (2 AAC 96.320(a)); no weekend or after-hours receipt rule was found.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 10,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      appliesTo: "state",
      source: REG_325("(d)"),
      note:
        "Once, by notice given within the basic 10 working days, stating the reasons and the expected date and that it is not invoked for delay; no more than 10 additional working days, only for the listed circumstances.",
    },
    extensionVariants: [
      {
        kind: "none",
        days: null,
        dayType: null,
        countsFrom: "due_date",
        repeatable: false,
        cap: null,
        appliesTo: "local",
        source: null,
        note: "No statutory period, so no statutory extension, for local governments.",
      },
    ],
    appeal: {
      days: 60,
      dayType: "calendar",
      countsFrom: "denial",
      body: "the head of the public agency",
      bodyKind: "agency_head",
      source: {
        cite: "2 AAC 96.340 (as reported by MuckRock and the lead table)",
        url: "https://www.muckrock.com/place/united-states-of-america/alaska/",
        primary: false,
      },
      note:
        "A written denial must say the requester may appeal administratively under 2 AAC 96.340 or seek immediate judicial review (2 AAC 96.335(d)).",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the superior court",
        bodyKind: "court",
        source: {
          cite: "2 AAC 96.335(d)(2); AS 40.25.124-.125",
          url: "http://www.touchngo.com/lglcntr/akstats/aac/title02/chapter096/section335.htm",
          primary: true,
        },
        note: "Immediate judicial review by injunction, without exhausting the administrative appeal.",
      },
    ],
    deemedDenial: {
      applies: false,
      source: {
        cite: "2 AAC 96.310(c)",
        url: "http://touchngo.com/lglcntr/akstats/aac/title02/chapter096/section310.htm",
        primary: true,
      },
      note: "Only an oral request is deemed denied (after five working days); a late answer to a written request is not deemed a denial in the text read.",
    },
    unverified: [
      "The administrative appeal period (60 days) and its body: 2 AAC 96.340 was not read; from MuckRock and the lead table.",
    ],
  },
  cases: [
    {
      name: "2 AAC 96.325(a), (d), AS 44.12.010: 10 working days skip Seward's Day Mon 30 Mar 2026; one 10-working-day extension",
      received: "2026-03-19",
      governmentLevel: "state",
      expect: { dueDate: "2026-04-03", extensionLimit: "2026-04-17" },
    },
    {
      name: "2 AAC 96.325(a), AS 44.12.010, 44.12.020: Alaska Day on Sun 18 Oct 2026 closes Mon 19 Oct; Columbus Day counts",
      received: "2026-10-09",
      governmentLevel: "state",
      expect: { dueDate: "2026-10-26" },
    },
    {
      name: "2 AAC 96.325(a), AS 44.12.010: 10 working days skip Alaska Day Mon 18 Oct 2027",
      received: "2027-10-04",
      governmentLevel: "state",
      expect: { dueDate: "2027-10-19" },
    },
    {
      name: "2 AAC 96.325(a), AS 44.12.010: Juneteenth Fri 19 Jun 2026 is a working day",
      received: "2026-06-12",
      governmentLevel: "state",
      expect: { dueDate: "2026-06-26" },
    },
    {
      name: "2 AAC 96.340 (secondary): 60-day appeal from a 20 Aug 2026 denial ends Mon 19 Oct (Alaska Day observed), rolls to 20 Oct",
      received: "2026-08-03",
      governmentLevel: "state",
      events: [{ type: "denied", on: "2026-08-20" }],
      expect: { appealDueDate: "2026-10-20" },
    },
  ],
};
