import type { JurisdictionReference, Source } from "../types";

const GCL24: Source = {
  cite: "N.Y. Gen. Constr. Law § 24",
  url: "https://www.p12.nysed.gov/sss/lawsregs/GCL24.html",
  primary: true,
};
const GCL24_2020: Source = {
  cite: "N.Y. Gen. Constr. Law § 24 (as amended by L.2020 c.249: Juneteenth), current text quoted in 2025 S5214",
  url: "https://www.nysenate.gov/legislation/bills/2025/S5214",
  primary: true,
};
const ATTENDANCE_21_1: Source = {
  cite: "4 NYCRR § 21.1(b) (Attendance Rules: holiday on a Saturday not observed)",
  url: "https://regulations.justia.com/states/new-york/title-4/chapter-ii/article-1/part-21/section-21-1",
  primary: true,
};
const CS_CALENDAR: Source = {
  cite: "NYS Department of Civil Service, Calendar of Legal Holidays for State Employees (2021 edition; notes (a)-(d))",
  url: "https://www.cs.ny.gov/attendance_leave/2021_legal_holidays.cfm",
  primary: true,
};
const POL89_3A: Source = {
  cite: "N.Y. Pub. Off. Law § 89(3)(a) (five business days; twenty business days from the acknowledgement, then a date certain), as quoted by the Committee on Open Government in FOIL-AO-15436",
  url: "https://docsopengovernment.dos.ny.gov/coog/ftext/f15436.htm",
  primary: true,
};
const POL89_3A_BILL: Source = {
  cite: "N.Y. Pub. Off. Law § 89(3)(a) (current first sentence as shown in 2024 bill A8586)",
  url: "https://www.nysenate.gov/legislation/bills/2023/A8586",
  primary: false,
};
const NYCRR_1401_5: Source = {
  cite: "21 NYCRR 1401.5(e) (Committee on Open Government rule: failure to comply with the time limits is a denial that may be appealed), as quoted in FOIL-AO-19766",
  url: "https://docsopengovernment.dos.ny.gov/coog/ftext/19766.htm",
  primary: true,
};
const NYCRR_1156_7: Source = {
  cite: "21 NYCRR § 1156.7(a) (an authority's FOIL rule restating POL 89(3)(a): 20 business days from the acknowledgement, date certain)",
  url: "http://nyrules.elaws.us/nycrr/title21_chapterxxiii_part1156_s1156.7",
  primary: true,
};
const POL89_4A: Source = {
  cite: "N.Y. Pub. Off. Law § 89(4)(a) (30 days to appeal; failure to conform to 89(3) is a denial), per lead table and agency FOIL rules such as 21 NYCRR 9760.5",
  url: "https://regulations.justia.com/states/new-york/title-21/chapter-lxxvii/subchapter-b/part-9760/section-9760-5",
  primary: false,
};
const GCL25A: Source = {
  cite: "N.Y. Gen. Constr. Law § 25-a(1) (period ending on a Saturday, Sunday or public holiday: next business day)",
  url: "https://lexace.ai/us/statute/new-york/gcn-25-A",
  primary: false,
};

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "NY",
    basis: {
      text:
        "FOIL counts 'business days' (POL 89(3)(a)) without defining them. Non-business days are Saturdays, Sundays and the General Construction Law § 24 public holidays on which State offices close (4 NYCRR 21.1); a period ending on a Saturday, Sunday or public holiday runs to the next business day (GCL § 25-a).",
      source: GCL24,
    },
    weekend: {
      rule: "monday",
      source: ATTENDANCE_21_1,
    },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: GCL24 },
      { name: "Dr. Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: GCL24 },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: GCL24 },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: GCL24 },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, years: { from: 2020 }, source: GCL24_2020 },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: GCL24 },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: GCL24 },
      { name: "Columbus Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: GCL24 },
      { name: "Veterans' Day", date: { kind: "fixed", month: 11, day: 11 }, source: GCL24 },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: GCL24 },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: GCL24 },
    ],
    unverified: [
      "Lincoln's Birthday (12 Feb) and general election day are GCL § 24 public holidays, but the Department of Civil Service designates them floating holidays for State employees and State offices stay open; they are left out. Whether a court would treat them as non-business days under FOIL (GCL § 25-a counts public holidays) was not settled from a primary source.",
      "Local governments (counties, towns, villages, school districts) set their own holidays; some close on Lincoln's Birthday, Election Day or the day after Thanksgiving. No county list was read.",
      "The 2026 and 2027 Civil Service holiday calendars were not read; the 2021 edition (" + CS_CALENDAR.url + ") and 4 NYCRR 21.1 (Saturday holidays not observed, Sunday holidays on Monday) were read and applied to 2026/2027.",
    ],
  },
  law: {
    jurisdiction: "NY",
    lawName: "Freedom of Information Law (FOIL)",
    citation: "N.Y. Pub. Off. Law §§ 87, 89",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: POL89_3A,
      note:
        "Within five business days of receipt: make the record available, deny in writing, or acknowledge in writing with an approximate date that is reasonable under the circumstances. The app's due date is this five-day response; the acknowledged date is governed by the extension rule.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "FOIL sets no deemed-receipt rule; a request arriving on a closed day simply starts the count with the next business day.",
    },
    acknowledgement: {
      days: 5,
      dayType: "business",
      source: POL89_3A,
      note: "A written acknowledgement is one of the three allowed answers within five business days of receipt.",
    },
    extension: {
      kind: "unilateral",
      days: 20,
      dayType: "business",
      countsFrom: "acknowledgement",
      repeatable: false,
      cap: null,
      source: POL89_3A,
      note:
        "If circumstances prevent disclosure within 20 business days from the date of the acknowledgement, the agency must state in writing the reason and a date certain within a reasonable period (POL 89(3)(a), added by L.2005 c.22; restated in agency rules such as " + NYCRR_1156_7.cite + "). The 20 business days run from the acknowledgement, not from the 5-day due date. Beyond 20 business days there is no fixed cap, only reasonableness.",
    },
    appeal: {
      days: 30,
      dayType: "calendar",
      countsFrom: "denial_or_deemed_denial",
      body: "the head, chief executive or governing body of the entity, or the person it designates to hear appeals",
      bodyKind: "agency_head",
      source: POL89_4A,
      note:
        "Appeal in writing within 30 days of the denial; the appeal officer must decide within 10 business days of receipt and send copies to the Committee on Open Government. Then an Article 78 proceeding in Supreme Court.",
    },
    otherAppealRoutes: [
      {
        days: null,
        dayType: null,
        countsFrom: "denial",
        body: "the Supreme Court (CPLR Article 78 proceeding)",
        bodyKind: "court",
        source: POL89_4A,
        note: "After the administrative appeal is denied or not decided within 10 business days (POL 89(4)(b)); the CPLR 217 four-month limit was not read here.",
      },
    ],
    deemedDenial: {
      applies: true,
      source: NYCRR_1401_5,
      note: "Failure to conform to POL 89(3) (no answer or acknowledgement within 5 business days, no grant or date certain within 20 business days of the acknowledgement) constitutes a denial (POL 89(4)(a)).",
    },
    unverified: [
      "The text of POL 89(3)(a) was read as quoted by the Committee on Open Government (2005 advisory opinion) and in a 2024 bill (" + POL89_3A_BILL.url + "); the official consolidated statute page was not read.",
      "POL 89(4)(a) (30-day appeal, deemed denial, 10-business-day appeal decision) was read only in agency FOIL rules and the lead table, not in the statute.",
      "GCL § 25-a (periods ending on a public holiday) was read only on a secondary statute site (" + GCL25A.url + ").",
    ],
  },
  cases: [
    {
      name: "POL 89(3)(a), 4 NYCRR 21.1(b): 5 business days; Sat 4 Jul 2026 not observed, Fri 3 Jul counts",
      received: "2026-06-30",
      expect: { dueDate: "2026-07-07", acknowledgementDueDate: "2026-07-07" },
    },
    {
      name: "POL 89(3)(a), 4 NYCRR 21.1(b): 5 business days; Sat 25 Dec 2027 not observed, Fri 24 Dec counts",
      received: "2027-12-20",
      expect: { dueDate: "2027-12-27" },
    },
    {
      name: "POL 89(3)(a), GCL 24: 5 business days skip Washington's Birthday Mon 16 Feb 2026; Lincoln's Birthday Thu 12 Feb counts; deemed denial starts 30-day appeal (89(4)(a))",
      received: "2026-02-09",
      expect: { dueDate: "2026-02-17", appealDueDate: "2026-03-19" },
    },
    {
      name: "POL 89(3)(a): 20 business days from the acknowledgement (Mon 9 Nov 2026) skip Veterans' Day and Thanksgiving, Fri 27 Nov counts",
      received: "2026-11-04",
      events: [{ type: "acknowledged", on: "2026-11-09" }],
      expect: { dueDate: "2026-11-12", acknowledgementDueDate: "2026-11-12", extensionLimit: "2026-12-09" },
    },
    {
      name: "POL 89(4)(a), GCL 25-a: 30-day appeal from denial Thu 14 Jan 2027 ends Sat 13 Feb, rolls past Washington's Birthday to Tue 16 Feb",
      received: "2027-01-04",
      events: [{ type: "denied", on: "2027-01-14" }],
      expect: { appealDueDate: "2027-02-16" },
    },
  ],
};
