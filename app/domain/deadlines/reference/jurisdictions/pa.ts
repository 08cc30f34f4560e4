import type { JurisdictionReference, Source } from "../types";

const CALENDAR_2026: Source = {
  cite: "Commonwealth of Pennsylvania 2026 holiday list (Administrative Circular closing Commonwealth administrative offices), as reproduced by hyring.com",
  url: "https://hyring.com/blog/holiday-lists/usa/pennsylvania",
  primary: false,
};
const OOR_BUSINESS_DAY: Source = {
  cite: "Office of Open Records advisory (COVID-19): a day an agency is closed is not a 'business day' under RTKL § 901, as reproduced by the Pennsylvania Municipal League",
  url: "https://www.pml.org/2020/04/29/the-right-to-know-law-and-the-coronavirus-covid-19/",
  primary: false,
};
const S901: Source = {
  cite: "65 P.S. § 67.901",
  url: "https://d1tvxue8o4w0fl.cloudfront.net/statute/pennsylvania-statutes/statutes-unconsolidated/title-65-ps-public-officers/chapter-3a-right-to-know-law/chapter-9-agency-response/section-67901-general-rule",
  primary: true,
};
const S902: Source = {
  cite: "65 P.S. § 67.902",
  url: "https://print.casetext.com/statute/pennsylvania-statutes/statutes-unconsolidated/title-65-ps-public-officers/chapter-3a-right-to-know-law/chapter-9-agency-response/section-67902-extension-of-time",
  primary: true,
};
const DONAHUE: Source = {
  cite: "Commonwealth, Office of the Governor v. Donahue, 98 A.3d 1223 (Pa. 2014) (five business days run from receipt by the open-records officer)",
  url: "http://law.justia.com/cases/pennsylvania/supreme-court/2014/10-map-2013.html",
  primary: true,
};
const S1101: Source = {
  cite: "65 P.S. § 67.1101(a)(1) (15 business days of the mailing date of the response or of a deemed denial), as restated in Milesburg Borough's RTKL policy and Centre County's appeal page",
  url: "https://milesburgboro.com/opens-records-policy/3/",
  primary: false,
};
const OOR_ADDRESS: Source = {
  cite: "Office of Open Records address, as published by Rockland Township (Berks County)",
  url: "https://rocklandtownshipberks.org/open-records",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "PA",
    basis: {
      text:
        "The Right-to-Know Law counts 'business days' (§ 901) without defining them; the Office of Open Records treats a day the agency is closed as not a business day. Commonwealth agencies close on the holidays of the Commonwealth's annual holiday list.",
      source: OOR_BUSINESS_DAY,
    },
    weekend: {
      rule: "friday_monday",
      source: CALENDAR_2026,
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: CALENDAR_2026 },
      { name: "Martin Luther King Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: CALENDAR_2026 },
      { name: "Presidents' Day", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: CALENDAR_2026 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: CALENDAR_2026 },
      { name: "Juneteenth National Freedom Day", date: { kind: "fixed", month: 6, day: 19 }, source: CALENDAR_2026 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: CALENDAR_2026 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: CALENDAR_2026 },
      {
        name: "Columbus Day / Indigenous Peoples' Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: CALENDAR_2026,
      },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: CALENDAR_2026 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: CALENDAR_2026 },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: CALENDAR_2026,
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: CALENDAR_2026 },
    ],
    unverified: [
      "The Commonwealth's own 2026 and 2027 holiday circulars were not read; the list (12 days, with the day after Thanksgiving and Columbus/Indigenous Peoples' Day, Friday 3 July 2026 as Independence Day observed) comes from a secondary reproduction. The 2027 dates are computed from the same rules.",
      "The weekend rule (Saturday holiday on the Friday before, Sunday on the Monday after) is inferred from the 2026 list (Fri 3 Jul 2026) and was not read in a Management Directive.",
      "Local agencies (counties, municipalities, school districts) and judicial agencies keep their own calendars (the courts also close on Good Friday and Election Day); none is modelled here.",
      "One-off closures the Governor grants (e.g. Fri 26 Dec 2014) are announced late; none was found for 2026 or 2027.",
    ],
  },
  law: {
    jurisdiction: "PA",
    lawName: "Right-to-Know Law",
    citation: "65 P.S. §§ 67.101-67.3104",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: S901,
      note: "The five business days run from the date the written request is received by the agency's open-records officer (not any employee): Donahue.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: DONAHUE,
      note: "Receipt is receipt by the open-records officer (§ 901; Donahue). The statute sets no closed-day or after-hours deemed-receipt rule.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 30,
      dayType: "calendar",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: S902,
      note:
        "For one of the seven reasons in § 902(a), written notice within the five business days with a reasonable date; a date more than 30 days after the five business days is a deemed denial unless the requester agrees in writing (§ 902(b)(2)); with that agreement, deemed denied the day after the agreed date (§ 902(b)(3)). Counted as calendar days (the statute says 'days').",
    },
    appeal: {
      days: 15,
      dayType: "business",
      countsFrom: "denial_or_deemed_denial",
      body: "the Office of Open Records (or the judicial, legislative or other appeals officer designated under § 503(d))",
      bodyKind: "independent_office",
      address: "Office of Open Records, 333 Market Street, 16th Floor, Harrisburg, PA 17101-2234",
      source: S1101,
      note:
        "Within 15 business days of the mailing date of the agency's response or of the deemed denial; the appeal must state why the record is public and address the agency's grounds. Address as published by Rockland Township (secondary: " +
        OOR_ADDRESS.url +
        "); an older township page gives the Commonwealth Keystone Building address.",
    },
    otherAppealRoutes: [
      {
        days: 30,
        dayType: "calendar",
        countsFrom: "denial",
        body: "Commonwealth Court (Commonwealth agencies) or the court of common pleas (local agencies), from the appeals officer's final determination",
        bodyKind: "court",
        source: {
          cite: "65 P.S. §§ 67.1301-67.1302 (30 days of the mailing date of the final determination), as restated by Centre County",
          url: "https://www.centrecountypa.gov/441/Appeal-of-Denial-Judicial-Appeal",
          primary: false,
        },
        note: "Runs from the appeals officer's decision, not from the agency's denial.",
      },
    ],
    deemedDenial: {
      applies: true,
      source: S901,
      note: "No response within five business days of receipt: deemed denied (§ 901). An extension date beyond 30 days without written consent: deemed denied (§ 902(b)(2)).",
    },
    unverified: [
      "65 P.S. § 67.1101 (15 business days to appeal) was read only in municipal restatements, not in the statute text.",
      "Whether an emailed request received after business hours or on a closed day counts as received the next business day: no statutory text found; the app counts from the day it reached the open-records officer.",
      "Whether 'days' in § 902(b)(2) are calendar days was not settled from a primary source (1 Pa.C.S. § 1908 not read); counted as calendar days.",
    ],
  },
  cases: [
    {
      name: "65 P.S. 67.901: 5 business days skip Thanksgiving and the day after (Thu-Fri 26-27 Nov 2026)",
      received: "2026-11-23",
      expect: { dueDate: "2026-12-02" },
    },
    {
      name: "65 P.S. 67.902(b)(2): 30 days after the 5 business days (Wed 2 Dec 2026) end on New Year's Day, roll to Mon 4 Jan 2027",
      received: "2026-11-23",
      expect: { dueDate: "2026-12-02", extensionLimit: "2027-01-04" },
    },
    {
      name: "65 P.S. 67.901, 67.1101(a)(1): deemed denial Wed 2 Dec 2026, 15 business days to appeal to the OOR",
      received: "2026-11-23",
      expect: { dueDate: "2026-12-02", appealDueDate: "2026-12-23" },
    },
    {
      name: "65 P.S. 67.1101(a)(1): 15 business days from denial Fri 9 Oct 2026 skip Columbus Day Mon 12 Oct",
      received: "2026-10-02",
      events: [{ type: "denied", on: "2026-10-09" }],
      expect: { appealDueDate: "2026-11-02" },
    },
    {
      name: "65 P.S. 67.901: 5 business days skip Juneteenth observed Fri 18 Jun 2027 (19 Jun is a Saturday)",
      received: "2027-06-15",
      expect: { dueDate: "2027-06-23" },
    },
  ],
};
