import type { JurisdictionReference, Source } from "../types";

const BHR_HOLIDAYS: Source = {
  cite: "Maine Bureau of Human Resources, Policy and Practices Manual: Holidays",
  url: "https://www11.maine.gov/bhr/state-hr-professionals/rules-policies/policy-practices-manual/Holidays",
  primary: true,
};
const MRSA_4_1051: Source = {
  cite: "4 M.R.S. § 1051 (legal holidays), as enacted by P.L. 2021, c. 140",
  url: "https://fastdemocracy.com/bill-summary/?billsummary_id=MEB00008680&billsummary_session=130&billsummary_state=me",
  primary: true,
};
const MRSA_5_59: Source = {
  cite: "5 M.R.S. § 59 (Juneteenth; nonessential state offices closed)",
  url: "https://lawserver.com/law/state/maine/me-statutes/maine_revised_statutes_title_5_59",
  primary: true,
};
const MRSA_408_A: Source = {
  cite: "1 M.R.S. § 408-A(3)-(4), as described in L.D. 1040 (127th Legislature, H.P. 748) and its summary",
  url: "https://legislature.maine.gov/legis/bills/bills_127th/billtexts/HP074801.asp",
  primary: false,
};
const MRSA_409: Source = {
  cite: "1 M.R.S. § 409(1)",
  url: "https://casetext.com/statute/maine-statutes/title-1-general-provisions/chapter-13-public-records-and-proceedings/subchapter-1-freedom-of-access/section-409-appeals",
  primary: true,
};

const held = "A State Government holiday (BHR manual); a legal holiday under 4 M.R.S. § 1051.";

export const reference: JurisdictionReference = {
  calendar: {
    jurisdiction: "ME",
    basis: {
      text:
        "FOAA counts \"working days\"; taken as the days State offices are open: not Saturdays, Sundays or the State Government holidays, whose dates are those of 4 M.R.S. § 1051 plus Thanksgiving Day and the Friday after (BHR Policy and Practices Manual).",
      source: BHR_HOLIDAYS,
    },
    weekend: { rule: "friday_monday", source: BHR_HOLIDAYS },
    closures: [
      { name: "New Year's Day", date: { kind: "fixed", month: 1, day: 1 }, source: BHR_HOLIDAYS, note: held },
      { name: "Martin Luther King, Jr. Day", date: { kind: "nthWeekday", month: 1, weekday: 1, nth: 3 }, source: BHR_HOLIDAYS, note: held },
      { name: "Washington's Birthday (Presidents' Day)", date: { kind: "nthWeekday", month: 2, weekday: 1, nth: 3 }, source: BHR_HOLIDAYS, note: held },
      { name: "Patriot's Day", date: { kind: "nthWeekday", month: 4, weekday: 1, nth: 3 }, source: BHR_HOLIDAYS, note: held + " Not a federal holiday." },
      { name: "Memorial Day", date: { kind: "nthWeekday", month: 5, weekday: 1, nth: -1 }, source: BHR_HOLIDAYS, note: held },
      { name: "Juneteenth", date: { kind: "fixed", month: 6, day: 19 }, source: MRSA_5_59, note: "5 M.R.S. § 59: all nonessential State offices closed. " + held },
      { name: "Independence Day", date: { kind: "fixed", month: 7, day: 4 }, source: BHR_HOLIDAYS, note: held },
      { name: "Labor Day", date: { kind: "nthWeekday", month: 9, weekday: 1, nth: 1 }, source: BHR_HOLIDAYS, note: held },
      { name: "Indigenous Peoples Day", date: { kind: "nthWeekday", month: 10, weekday: 1, nth: 2 }, source: MRSA_4_1051, note: held },
      { name: "Veterans Day", date: { kind: "fixed", month: 11, day: 11 }, source: BHR_HOLIDAYS, note: held },
      { name: "Thanksgiving Day", date: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, source: BHR_HOLIDAYS, note: held },
      {
        name: "Thanksgiving Friday",
        date: { kind: "offset", from: { kind: "nthWeekday", month: 11, weekday: 4, nth: 4 }, days: 1 },
        source: BHR_HOLIDAYS,
        note: "A State Government holiday (BHR manual), not named in 4 M.R.S. § 1051.",
      },
      { name: "Christmas Day", date: { kind: "fixed", month: 12, day: 25 }, source: BHR_HOLIDAYS, note: held },
    ],
    unverified: [
      "Governor-directed closures (e.g. Christmas Eve or 26 December, as in 2019) were not found for 2026 or 2027.",
      "County and municipal offices: 4 M.R.S. § 1051 lets county offices close on its holidays (Sunday holidays on the Monday after) but does not name Thanksgiving Friday or move Saturday holidays; municipal calendars vary. This calendar is the State Government one.",
    ],
  },
  law: {
    jurisdiction: "ME",
    lawName: "Maine Freedom of Access Act",
    citation: "1 M.R.S. §§ 400-414 (requests § 408-A)",
    response: {
      days: 5,
      dayType: "business",
      countsFrom: "receipt",
      source: MRSA_408_A,
      note: "408-A(3)-(4): within 5 working days of receipt the agency must acknowledge the request (with a good-faith, nonbinding estimate of the time to comply) and, if it refuses, give written notice of the denial. Production itself is due within a reasonable time of the request, with no fixed number of days; the 5-working-day date is the date by which a response is due.",
    },
    receipt: {
      closedDayDeemedNextBusinessDay: false,
      afterHoursCutoff: null,
      electronicLagBusinessDays: 0,
      source: null,
      note: "FOAA sets no deemed-receipt rule.",
    },
    acknowledgement: {
      days: 5,
      dayType: "business",
      source: MRSA_408_A,
      note: "408-A(3) and 413(1): acknowledge within 5 working days of receipt, with a good-faith estimate of the time to comply.",
    },
    extension: {
      kind: "none",
      days: null,
      dayType: null,
      countsFrom: "due_date",
      repeatable: false,
      cap: null,
      source: null,
      note: "FOAA has no extension mechanism: production follows the agency's own nonbinding time estimate; the 5-working-day acknowledgement and denial deadlines are not extendable.",
    },
    appeal: {
      days: 30,
      dayType: "calendar",
      countsFrom: "denial",
      body: "the Superior Court for the county where the requester resides or the agency has its principal office",
      bodyKind: "court",
      source: MRSA_409,
      note: "409(1): appeal a refusal, denial or failure within 30 calendar days of receipt of the written notice of refusal, denial or failure. No administrative appeal.",
    },
    deemedDenial: {
      applies: false,
      source: MRSA_409,
      note: "409(1) lets a requester appeal a \"failure\" to allow inspection or copying, but the 30 days run from a written notice; FOAA does not deem silence a denial on a fixed date.",
    },
    unverified: [
      "The 5-working-day acknowledgement and denial-notice periods of 408-A(3)-(4) are from the 127th Legislature's amending bill and its summary and secondary guides; the codified § 408-A text was not read.",
      "Whether a day counts from the requester's receipt of the denial notice (409(1)) or its date: the cases count from the denial event's date.",
    ],
  },
  cases: [
    {
      name: "1 M.R.S. 408-A(3), BHR holidays: 5 working days skip Patriot's Day Mon 20 Apr 2026",
      received: "2026-04-16",
      expect: { dueDate: "2026-04-24", acknowledgementDueDate: "2026-04-24", extensionLimit: "2026-04-24" },
    },
    {
      name: "1 M.R.S. 408-A(4), 409(1): 5 working days skip Thanksgiving and Thanksgiving Friday 26-27 Nov 2026; 30-day court appeal ends Sat 2 Jan 2027, rolls to Mon 4 Jan",
      received: "2026-11-24",
      events: [{ type: "denied", on: "2026-12-03" }],
      expect: { dueDate: "2026-12-03", appealDueDate: "2027-01-04" },
    },
    {
      name: "1 M.R.S. 408-A(3), 5 M.R.S. 59, BHR weekend rule: Juneteenth Sat 19 Jun 2027 closes Fri 18 Jun",
      received: "2027-06-15",
      expect: { dueDate: "2027-06-23" },
    },
    {
      name: "1 M.R.S. 408-A(3), 4 M.R.S. 1051: Indigenous Peoples Day Mon 11 Oct 2027",
      received: "2027-10-08",
      expect: { dueDate: "2027-10-18" },
    },
    {
      name: "1 M.R.S. 408-A(3), BHR weekend rule: Christmas Sat 25 Dec 2027 closes Fri 24 Dec and New Year's Day Sat 1 Jan 2028 closes Fri 31 Dec",
      received: "2027-12-23",
      expect: { dueDate: "2028-01-03" },
    },
  ],
};
