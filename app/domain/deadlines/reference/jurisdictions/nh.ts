import type { JurisdictionReference, Source } from "../types";

const DAS_HOLIDAYS: Source = {
  cite: "NH Department of Administrative Services, State Holiday Schedule (paid holidays of State employees)",
  url: "https://apps.das.nh.gov/EmployeePortal/comp-savings/state-holidays/default.aspx",
  primary: true,
};
const PER_1302_01: Source = {
  cite: "N.H. Admin. R. Per 1302.01 (Saturday holiday: the preceding day off; Sunday holiday: the following day off)",
  url: "https://casetext.com/regulation/new-hampshire-administrative-code/title-per-director-of-personnel-division-of-personnel-in-the-department-of-administrative-services/chapter-per-1300-holidays/part-per-1302-compensation-for-calendar-holidays/section-per-130201-standard-workweek",
  primary: true,
};
const RSA_288_1: Source = {
  cite: "RSA 288:1 (legal holidays)",
  url: "https://holidays.uslegal.com/state-holidays/new-hampshire-legal-holidays/",
  primary: false,
};
const RSA_91A_4_IV: Source = {
  cite: "RSA 91-A:4, IV(a)-(b)",
  url: "https://www.nashuacity.com/index.php/node/16247",
  primary: true,
};
const RSA_91A_7: Source = {
  cite: "RSA 91-A:7 (petition to superior court), 91-A:7-b (Right-to-Know Ombudsman), per lead table and N.H. Admin. R. Rko 203.07",
  url: "https://casetext.com/regulation/new-hampshire-administrative-code/title-rko-ombudsman-office-of-the-right-to-know-ombudsman/chapter-rko-200-procedural-rules/part-rko-203-initiation-of-proceedings/section-rko-20307-response-form",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NH",
    basis: {
      text:
        "RSA 91-A:4, IV(b) counts '5 business days' without defining them. Non-business days are Saturdays, Sundays and the holidays on which State offices close: the paid State holidays listed by the Department of Administrative Services, moved off weekends under Per 1302.01.",
      source: DAS_HOLIDAYS,
    },
    weekend: { rule: "friday_monday", source: PER_1302_01 },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: DAS_HOLIDAYS },
      {
        name: "Martin Luther King, Jr. Civil Rights Day",
        date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 },
        source: DAS_HOLIDAYS,
      },
      { name: "Presidents' Day (Washington's Birthday)", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: DAS_HOLIDAYS },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: DAS_HOLIDAYS },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: DAS_HOLIDAYS },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: DAS_HOLIDAYS },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: DAS_HOLIDAYS },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: DAS_HOLIDAYS },
      {
        name: "Day after Thanksgiving",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: DAS_HOLIDAYS,
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: DAS_HOLIDAYS },
    ],
    unverified: [
      "Columbus Day and the biennial election day are legal holidays under RSA 288:1 (read only on a secondary site: " + RSA_288_1.url + ") but are not on the DAS paid-holiday list, so State offices are taken to be open; they are left out. Whether a court would treat them as non-business days under RSA 91-A was not settled.",
      "Juneteenth is not on the DAS paid-holiday list read (printable lists for 2023 and 2024 are linked from it); no 2026 or 2027 State holiday list was read.",
      "Towns, cities, counties and school districts set their own holidays (some close on Columbus Day; on election day town clerks run the polls); no local calendar is modelled.",
    ],
  },
  law: {
    jurisdiction: "NH",
    lawName: "Right-to-Know Law",
    citation: "RSA ch. 91-A",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: RSA_91A_4_IV,
      note:
        "Records immediately available must be made available on request (IV(a)); otherwise within 5 business days of the request the body must make the record available, deny the request, or give a written statement of the time reasonably necessary to decide (IV(b)).",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
    },
    acknowledgement: {
      days: 5,
      dayType: "business",
      source: RSA_91A_4_IV,
      note: "The written statement of the time reasonably necessary (IV(b)(3)) is the acknowledgement.",
    },
    extension: {
      kind: "unilateral",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: true,
      cap: null,
      source: RSA_91A_4_IV,
      note:
        "The body sets 'the time reasonably necessary' in its written statement; the law fixes no length or cap. A 2024 bill (fastdemocracy.com summary of an amendment to RSA 91-A:4, IV(b)) would require further written statements and updates at least every 30 days; whether it was enacted was not checked.",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial",
      body: "the superior court (petition under RSA 91-A:7)",
      bodyKind: "court",
      source: RSA_91A_7,
      note: "No administrative appeal and no fixed period. Alternatively a complaint to the Right-to-Know Ombudsman (RSA 91-A:7-b).",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the Right-to-Know Ombudsman",
        bodyKind: "independent_office",
        source: RSA_91A_7,
        note: "Complaint under RSA 91-A:7-b; no filing period was read.",
      },
    ],
    deemedDenial: { applies: false, source: null, note: "RSA 91-A has no deemed-denial provision; a failure to respond is itself a violation that may be petitioned." },
    unverified: [
      "RSA 91-A:4, IV was read from a city's reproduction of the statute (nashuacity.com), not the General Court's site.",
      "RSA 91-A:7 and 91-A:7-b (superior court and ombudsman) were not read; no filing deadline for either was found.",
    ],
  },
  cases: [
    {
      name: "RSA 91-A:4, IV(b): 5 business days; Columbus Day Mon 12 Oct 2026 is a business day (not a DAS holiday)",
      received: "2026-10-08",
      expect: { dueDate: "2026-10-15", acknowledgementDueDate: "2026-10-15", extensionLimit: null },
    },
    {
      name: "RSA 91-A:4, IV(b), DAS holidays: 5 business days skip Thanksgiving and the day after (26-27 Nov 2026)",
      received: "2026-11-24",
      expect: { dueDate: "2026-12-03" },
    },
    {
      name: "RSA 91-A:4, IV(b): 5 business days; election day Tue 3 Nov 2026 counts (legal holiday, offices open)",
      received: "2026-11-02",
      expect: { dueDate: "2026-11-09" },
    },
    {
      name: "RSA 91-A:4, IV(b), Per 1302.01: 5 business days skip Christmas observed Fri 24 Dec 2027",
      received: "2027-12-20",
      expect: { dueDate: "2027-12-28" },
    },
    {
      name: "RSA 91-A:4, IV(b): 5 business days; Fri 18 Jun 2027 counts (Juneteenth not a State holiday)",
      received: "2027-06-15",
      expect: { dueDate: "2027-06-22" },
    },
  ],
};
