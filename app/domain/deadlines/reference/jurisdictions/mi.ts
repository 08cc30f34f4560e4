import type { JurisdictionReference, Source } from "../types";

const MCL_15_235: Source = {
  cite: "MCL 15.235 (FOIA § 5)",
  url: "https://print.casetext.com/statute/michigan-compiled-laws/chapter-15-public-officers-and-employees/freedom-of-information-act/section-15235-request-to-inspect-or-receive-copy-of-public-record-response-to-request-failure-to-respond-damages-contents-of-notice-denying-request-signing-notice-of-denial-notice-extending-period-of-response-action-by-requesting-person-law-enforcement-records-management-system-alternate-responses",
  primary: true,
};
const MCL_15_240: Source = {
  cite: "MCL 15.240 (FOIA § 10)",
  url: "https://casetext.com/statute/michigan-compiled-laws/chapter-15-public-officers-and-employees/freedom-of-information-act/section-15240-options-by-requesting-person-appeal-actions-by-public-body-receipt-of-written-appeal-judicial-review-civil-action-venue-de-novo-proceeding-burden-of-proof-private-view-of-public-record-contempt-assignment-of-action-or-appeal-for-hearing-trial-or-argument-attorneys-fees-costs-and-disbursements-assessment-of-award-damages",
  primary: true,
};
const OAG_7172: Source = {
  cite: "Mich. Att'y Gen. Op. No. 7172 (17 Mar 2005): \"business day\" under FOIA",
  url: "https://www.ag.state.mi.us/opinion/datafiles/2000s/op10248.htm",
  primary: true,
};
const MCL_435_101: Source = {
  cite: "MCL 435.101 (1865 PA 124 § 1, public holidays)",
  url: "https://lawserver.com/law/state/texas/tx-codes/michigan_laws_435-101",
  primary: true,
};
const SUNDAY_RULE: Source = {
  cite: "MCL 435.101/435.102 Sunday-to-Monday rule, as summarised by Employment Law Handbook",
  url: "https://www.employmentlawhandbook.com/employment-and-labor-laws/states/michigan/leave-laws/holidays/",
  primary: false,
};
const KEY_V_PAW_PAW: Source = {
  cite: "Key v. Township of Paw Paw, 254 Mich App 508, 511 (2002)",
  url: "https://calculators.law/caselaw/decisions/2ve30eadpNL6",
  primary: true,
};

const legal = "A public holiday under MCL 435.101(1); FOIA business days exclude legal holidays (OAG 7172).";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "MI",
    basis: {
      text:
        "FOIA does not define \"business day\"; the Attorney General reads it as the weekdays other than Saturdays, Sundays and legal holidays, not the days a particular public body is open (OAG 7172). The legal holidays are those of MCL 435.101(1). State-employee days off that are not legal holidays (day after Thanksgiving, Christmas Eve, New Year's Eve, general election day) therefore still count.",
      source: OAG_7172,
    },
    weekend: { rule: "monday", source: SUNDAY_RULE },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: MCL_435_101, note: legal },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: MCL_435_101, note: legal },
      {
        name: "Lincoln's Birthday",
        date: { kind: "fixed", month: 2, day: 12 },
        source: MCL_435_101,
        note: legal + " State offices may be open; the FOIA count still skips it.",
      },
      { name: "Washington's Birthday", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: MCL_435_101, note: legal },
      { name: "Memorial or Decoration Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: MCL_435_101, note: legal },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, source: MCL_435_101, note: legal },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: MCL_435_101, note: legal },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: MCL_435_101, note: legal },
      {
        name: "Columbus Day",
        date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 },
        source: MCL_435_101,
        note: legal + " State offices may be open; the FOIA count still skips it.",
      },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: MCL_435_101, note: legal },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: MCL_435_101, note: legal },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: MCL_435_101, note: legal },
    ],
    unverified: [
      "The weekend rule (a legal holiday on a Sunday is kept the next Monday; nothing for a Saturday) is from a secondary summary of MCL 435.101/435.102; the statutory sentence was not read.",
      "The State civil-service holiday calendar (which closes State offices on the day after Thanksgiving, Christmas Eve, New Year's Eve and, per secondary sources, the general election day in even years) was not read; those days are counted as business days on OAG 7172's reading that FOIA business days are weekdays other than legal holidays.",
      "The Saturday half-holiday of MCL 435.101(1)(m) is left out: Saturdays are never business days.",
    ],
  },
  law: {
    jurisdiction: "MI",
    lawName: "Michigan Freedom of Information Act",
    citation: "MCL 15.231 et seq. (response: MCL 15.235)",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: MCL_15_235,
      note: "15.235(2): respond within 5 business days after the public body receives the request (grant, deny, grant in part, or one extension notice), unless the requester agrees otherwise in writing.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 1,
      source: MCL_15_235,
      note: "15.235(1): a request made by fax, e-mail or other electronic transmission is not received until 1 business day after it is sent; one delivered to a spam or junk-mail folder is not received until 1 day after the public body first becomes aware of it.",
    },
    acknowledgement: null,
    extension: {
      kind: "unilateral",
      days: 10,
      dayType: "business",
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: MCL_15_235,
      note: "15.235(2)(d): one notice extending the period by not more than 10 business days; no second notice. The 10 days run from the end of the 5-day period, so 15 business days after receipt (Key v. Paw Paw, 254 Mich App 508).",
    },
    appeal: {
      days: null,
      dayType: null,
      countsFrom: "denial_or_deemed_denial",
      body: "the head of the public body",
      bodyKind: "agency_head",
      source: MCL_15_240,
      note: "15.240(1)(a): a written appeal that states the word \"appeal\" and the reasons for reversal; no filing period is set. The head decides within 10 business days (one 10-business-day extension in unusual circumstances); a board or commission receives it at its next regular meeting (15.240(3)).",
    },
    otherAppealRoutes: [
      {
        days: 180,
        dayType: "calendar",
        countsFrom: "denial_or_deemed_denial",
        body: "the circuit court (the court of claims for a state public body)",
        bodyKind: "court",
        source: MCL_15_240,
        note: "15.240(1)(b): a civil action within 180 days after the public body's final determination to deny.",
      },
    ],
    deemedDenial: {
      applies: true,
      source: MCL_15_235,
      note: "15.235(3): failure to respond is a final determination to deny only if the failure was willful and intentional or the request named FOIA (or conveyed a request for information) as that subsection describes.",
    },
    unverified: [
      "Whether a mailed or hand-delivered request arriving on a closed day is received that day: FOIA says nothing, so receipt is the day it arrived (for business-day counting the result is the same).",
    ],
  },
  cases: [
    {
      name: "MCL 15.235(1)-(2), 435.101(1)(c)-(d): e-mail Tue 10 Feb 2026 received Wed 11 Feb; 5 business days skip Lincoln's Birthday Thu 12 Feb and Washington's Birthday Mon 16 Feb",
      received: "2026-02-10",
      channel: "email",
      expect: { dueDate: "2026-02-20", extensionLimit: "2026-03-06" },
    },
    {
      name: "MCL 15.235(2), 435.101(1)(i): letter Fri 9 Oct 2026; 5 business days skip Columbus Day Mon 12 Oct",
      received: "2026-10-09",
      channel: "mail",
      expect: { dueDate: "2026-10-19" },
    },
    {
      name: "MCL 15.235(1)-(2), OAG 7172: e-mail Wed 25 Nov 2026 received Fri 27 Nov (Thanksgiving skipped; the day after is a business day)",
      received: "2026-11-25",
      channel: "email",
      expect: { dueDate: "2026-12-04", extensionLimit: "2026-12-18" },
    },
    {
      name: "MCL 15.235(2), 435.101: Juneteenth Sat 19 Jun 2027 closes no weekday; Fri 18 Jun counts",
      received: "2027-06-15",
      channel: "mail",
      expect: { dueDate: "2027-06-22" },
    },
    {
      name: "MCL 15.235(2), 435.101: Independence Day Sun 4 Jul 2027 kept Mon 5 Jul",
      received: "2027-06-30",
      channel: "portal",
      expect: { dueDate: "2027-07-08" },
    },
    {
      name: "MCL 15.240(1)(a): appeal to the head of the public body has no filing period",
      received: "2026-03-02",
      channel: "mail",
      events: [{ type: "denied", on: "2026-03-05" }],
      expect: { dueDate: "2026-03-09", appealDueDate: null },
    },
  ],
};
