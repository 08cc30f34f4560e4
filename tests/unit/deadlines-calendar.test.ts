import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addCalendarDays,
  calendarForAgency,
  countBusinessDays,
  dayOfWeek,
  formatIsoDate,
  holidayName,
  isBusinessDay,
  isHoliday,
  parseIsoDate,
  rollForwardToBusinessDay,
} from "../../app/domain/deadlines";
import { addBusinessDaysIn, holidayNameIn, isBusinessDayIn } from "../../app/domain/deadlines/calendar";

/** Day number of a date the test knows is valid. */
function day(iso: string): number {
  const parsed = parseIsoDate(iso);
  if (parsed === null) throw new Error(`bad test date ${iso}`);
  return parsed;
}

const addBusiness = (code: string, from: string, n: number) => formatIsoDate(addBusinessDays(code, day(from), n));

describe("parseIsoDate / formatIsoDate", () => {
  it("maps the epoch and its neighbours", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(parseIsoDate("1970-01-02")).toBe(1);
    expect(parseIsoDate("1969-12-31")).toBe(-1);
    expect(parseIsoDate("2000-03-01")).toBe(11017);
    expect(formatIsoDate(0)).toBe("1970-01-01");
    expect(formatIsoDate(-1)).toBe("1969-12-31");
    expect(formatIsoDate(20808)).toBe("2026-12-21");
  });

  it("rejects impossible dates", () => {
    for (const bad of ["2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
    expect(parseIsoDate("2000-02-29")).not.toBeNull();
  });

  it("rejects malformed text", () => {
    for (const bad of ["2026-2-03", "26-02-03", " 2026-02-03", "2026-02-03 ", "2026/02/03", "2026-02-03T00:00:00Z", "", "abcd-ef-gh", "２０２６-02-03"]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek(day("2026-12-21"))).toBe(1); // Monday
    expect(dayOfWeek(day("1970-01-01"))).toBe(4); // Thursday
    expect(dayOfWeek(day("1969-12-28"))).toBe(0); // Sunday
  });
});

describe("federal calendar (US)", () => {
  it("skips Thanksgiving but not the day after it", () => {
    expect(isBusinessDay("US", day("2026-11-26"))).toBe(false);
    expect(holidayName("US", day("2026-11-26"))).toBe("Thanksgiving Day");
    expect(isBusinessDay("US", day("2026-11-27"))).toBe(true);
    // Mon 23 Nov: Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30, Tue 1 Dec.
    expect(addBusiness("US", "2026-11-23", 5)).toBe("2026-12-01");
  });

  it("closes Friday 24 Dec 2021 for Christmas on a Saturday, and Friday 31 Dec 2021 for New Year 2022", () => {
    expect(isBusinessDay("US", day("2021-12-24"))).toBe(false);
    expect(isBusinessDay("US", day("2021-12-31"))).toBe(false);
    expect(isHoliday("US", day("2021-12-25"))).toBe(true); // the Saturday itself is named too
    expect(isBusinessDay("US", day("2021-12-23"))).toBe(true);
    expect(addBusiness("US", "2021-12-23", 1)).toBe("2021-12-27");
    expect(addBusiness("US", "2021-12-30", 1)).toBe("2022-01-03");
    // Wed 22 Dec 2021: Thu 23, Mon 27, Tue 28, Wed 29, Thu 30, Mon 3 Jan.
    expect(addBusiness("US", "2021-12-22", 6)).toBe("2022-01-03");
  });

  it("closes Monday 26 Dec 2022 for Christmas on a Sunday, and Monday 2 Jan 2023", () => {
    expect(isBusinessDay("US", day("2022-12-26"))).toBe(false);
    expect(isBusinessDay("US", day("2022-12-23"))).toBe(true);
    expect(isBusinessDay("US", day("2023-01-02"))).toBe(false);
    expect(addBusiness("US", "2022-12-23", 1)).toBe("2022-12-27");
    expect(addBusiness("US", "2022-12-30", 1)).toBe("2023-01-03");
  });

  it("observes Veterans Day on Friday 10 Nov 2023 (Saturday holiday, 5 U.S.C. 6103(b))", () => {
    expect(isBusinessDay("US", day("2023-11-10"))).toBe(false);
    expect(isBusinessDay("PA", day("2023-11-10"))).toBe(false);
    expect(addBusiness("US", "2023-11-09", 1)).toBe("2023-11-13");
  });

  it("closes Martin Luther King Jr. Day, the third Monday of January", () => {
    for (const [holiday, before, after] of [
      ["2026-01-19", "2026-01-12", "2026-01-26"],
      ["2027-01-18", "2027-01-11", "2027-01-25"],
      ["2028-01-17", "2028-01-10", "2028-01-24"],
      ["2029-01-15", "2029-01-08", "2029-01-22"],
    ] as const) {
      expect(isBusinessDay("US", day(holiday)), holiday).toBe(false);
      expect(isBusinessDay("US", day(before)), before).toBe(true);
      expect(isBusinessDay("US", day(after)), after).toBe(true);
    }
    // Fri 16 Jan 2026 + 1 business day skips the weekend and MLK Day.
    expect(addBusiness("US", "2026-01-16", 1)).toBe("2026-01-20");
  });

  it("keeps optional days and observances open (Christmas Eve, Valentine's Day)", () => {
    expect(isBusinessDay("US", day("2026-12-24"))).toBe(true);
    expect(isBusinessDay("US", day("2027-02-15"))).toBe(false); // Presidents' Day 2027
    expect(isBusinessDay("US", day("2027-02-12"))).toBe(true);
  });
});

describe("state calendars, each from the state's own law and calendar", () => {
  it("a state's own holiday changes the state's count but not the federal one (MA Patriots' Day)", () => {
    expect(isBusinessDay("MA", day("2026-04-20"))).toBe(false);
    expect(isBusinessDay("US", day("2026-04-20"))).toBe(true);
    // Mon 13 Apr + 10 business days: 14,15,16,17, (20 closed in MA), 21,22,23,24,27,28.
    expect(addBusiness("MA", "2026-04-13", 10)).toBe("2026-04-28");
    expect(addBusiness("US", "2026-04-13", 10)).toBe("2026-04-27");
  });

  it("gives a state no federal day its own law does not (TX and CA Columbus Day, AZ Juneteenth)", () => {
    expect(isBusinessDay("US", day("2026-10-12"))).toBe(false);
    expect(isBusinessDay("TX", day("2026-10-12"))).toBe(true);
    expect(isBusinessDay("CA", day("2026-10-12"))).toBe(true);
    expect(isBusinessDay("US", day("2026-06-19"))).toBe(false);
    expect(isBusinessDay("AZ", day("2026-06-19"))).toBe(true);
  });

  it("closes what a state closes and the federal government does not (TX 552.0031 skeleton-crew days)", () => {
    expect(holidayName("TX", day("2026-03-02"))).toBe("Texas Independence Day");
    expect(isBusinessDay("TX", day("2026-11-27"))).toBe(false);
    expect(isBusinessDay("US", day("2026-11-27"))).toBe(true);
  });

  it.each([
    // Federal: Saturday -> Friday, Sunday -> Monday (5 U.S.C. 6103(b)).
    ["US", "2026-07-03", false, "Independence Day (observed)"],
    // DC moves Emancipation Day the same way (D.C. Code 1-612.02).
    ["DC", "2022-04-15", false, "District of Columbia Emancipation Day (observed)"],
    // Texas moves no weekend holiday: Sun 26 Dec 2027 closes no Monday.
    ["TX", "2027-12-27", true, null],
    // Massachusetts moves only a Sunday holiday: Sat 4 Jul 2026 closes no Friday.
    ["MA", "2026-07-03", true, null],
    // Rhode Island moves a Saturday or Sunday holiday to the Monday after (R.I. Gen. Laws 25-1-1).
    ["RI", "2026-07-06", false, "Independence Day (observed)"],
    ["RI", "2026-07-03", true, null],
  ] as const)("%s %s is a business day: %s (%s)", (code, date, open, name) => {
    expect(isBusinessDay(code, day(date))).toBe(open);
    expect(holidayName(code, day(date))).toBe(name);
  });

  it("applies a county-only day only to agencies in that county (MA Evacuation Day, Suffolk; AL Mardi Gras, Mobile)", () => {
    expect(isBusinessDay("MA", day("2026-03-17"))).toBe(true);
    const suffolk = calendarForAgency("MA", { county: "Suffolk" });
    expect(isBusinessDayIn(suffolk, day("2026-03-17"))).toBe(false);
    expect(isBusinessDayIn(calendarForAgency("MA", { county: "Worcester" }), day("2026-03-17"))).toBe(true);
    expect(isBusinessDay("AL", day("2026-02-17"))).toBe(true);
    expect(isBusinessDayIn(calendarForAgency("AL", { county: "mobile" }), day("2026-02-17"))).toBe(false);
  });

  it("adds an agency's own closed days, named by their reason, to its calendar only", () => {
    const storm = calendarForAgency("PA", { closures: [{ date: "2026-03-10", reason: "Office closed: snowstorm" }] });
    expect(isBusinessDayIn(storm, day("2026-03-10"))).toBe(false);
    expect(holidayNameIn(storm, day("2026-03-10"))).toBe("Office closed: snowstorm");
    expect(isBusinessDay("PA", day("2026-03-10"))).toBe(true);
    // Mon 9 Mar + 2 business days skips the closed Tuesday.
    expect(formatIsoDate(addBusinessDaysIn(storm, day("2026-03-09"), 2))).toBe("2026-03-12");
    expect(calendarForAgency("PA", null)).toBe(calendarForAgency("PA", { county: null, closures: [] }));
  });

  it("treats a part-day holiday as a business day (Kentucky's Good Friday afternoon) and a full one as closed (TN)", () => {
    expect(isBusinessDay("KY", day("2026-04-03"))).toBe(true);
    expect(isBusinessDay("TN", day("2026-04-03"))).toBe(false);
  });

  it("rejects unknown jurisdictions", () => {
    expect(() => isBusinessDay("ZZ", day("2026-01-02"))).toThrow(RangeError);
    expect(() => addBusinessDays("pa", day("2026-01-02"), 1)).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("counts business days from the day after, and n = 0 is the same day", () => {
    expect(addBusiness("PA", "2026-12-21", 5)).toBe("2026-12-29");
    expect(addBusiness("PA", "2026-12-26", 1)).toBe("2026-12-28"); // from a Saturday
    expect(addBusiness("PA", "2026-12-26", 0)).toBe("2026-12-26");
    expect(() => addBusinessDays("PA", day("2026-12-26"), -1)).toThrow(RangeError);
    expect(() => addBusinessDays("PA", day("2026-12-26"), 1.5)).toThrow(RangeError);
  });

  it("crosses years, several at a time", () => {
    // 2027 has 261 weekdays, 12 of them federal holidays: 1 Jan, 18 Jan, 15 Feb, 31 May, 18 Jun (Juneteenth
    // observed), 5 Jul (observed), 6 Sep, 11 Oct, 11 Nov, 25 Nov, 24 Dec (observed) and 31 Dec (New Year's
    // Day 2028 observed): 249 US business days.
    expect(countBusinessDays("US", day("2026-12-31"), day("2027-12-31"))).toBe(249);
    expect(addBusiness("US", "2026-12-31", 249)).toBe("2027-12-30");
    expect(addBusiness("US", "2026-12-31", 250)).toBe("2028-01-03");
  });

  it("rolls forward to the next business day", () => {
    expect(formatIsoDate(rollForwardToBusinessDay("US", day("2026-12-25")))).toBe("2026-12-28");
    expect(formatIsoDate(rollForwardToBusinessDay("US", day("2026-12-28")))).toBe("2026-12-28");
    expect(formatIsoDate(rollForwardToBusinessDay("US", day("2027-12-31")))).toBe("2028-01-03");
  });

  it("counts business days in (from, to]", () => {
    expect(countBusinessDays("PA", day("2026-12-21"), day("2026-12-29"))).toBe(5);
    expect(countBusinessDays("PA", day("2026-12-29"), day("2026-12-21"))).toBe(0);
    expect(countBusinessDays("PA", day("2026-12-24"), day("2026-12-25"))).toBe(0);
  });

  it("adds calendar days across month, year and leap day", () => {
    expect(formatIsoDate(addCalendarDays(day("2028-02-28"), 1))).toBe("2028-02-29");
    expect(formatIsoDate(addCalendarDays(day("2026-12-30"), 10))).toBe("2027-01-09");
  });
});
