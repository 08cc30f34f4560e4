import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addCalendarDays,
  countBusinessDays,
  dayOfWeek,
  formatIsoDate,
  holidayName,
  isBusinessDay,
  isHoliday,
  parseIsoDate,
  rollForwardToBusinessDay,
} from "../../app/domain/deadlines";

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

describe("state calendars", () => {
  it("a state's own holiday changes the state's count but not the federal one (MA Patriots' Day)", () => {
    expect(isBusinessDay("MA", day("2026-04-20"))).toBe(false);
    expect(isBusinessDay("US", day("2026-04-20"))).toBe(true);
    // Mon 13 Apr + 10 business days: 14,15,16,17, (20 closed in MA), 21,22,23,24,27,28.
    expect(addBusiness("MA", "2026-04-13", 10)).toBe("2026-04-28");
    expect(addBusiness("US", "2026-04-13", 10)).toBe("2026-04-27");
  });

  it("adds federal holidays to every state even where the state renamed or dropped them", () => {
    expect(isBusinessDay("CA", day("2026-10-12"))).toBe(false); // Columbus Day
    expect(isBusinessDay("AL", day("2026-01-19"))).toBe(false);
  });

  it("DC moves its own weekend holidays like the federal government (Emancipation Day)", () => {
    // Sat 16 Apr 2022 observed Fri 15 Apr; Sun 16 Apr 2023 observed Mon 17 Apr.
    expect(isBusinessDay("DC", day("2022-04-15"))).toBe(false);
    expect(isBusinessDay("US", day("2022-04-15"))).toBe(true);
    expect(isBusinessDay("DC", day("2023-04-17"))).toBe(false);
    expect(isBusinessDay("DC", day("2026-04-16"))).toBe(false);
  });

  it.each([
    // A state's own holiday on a weekend closes the nearest weekday, as federal ones do.
    ["CT", "2028-02-11", false, "Lincoln's Birthday (observed)"], // Sat 12 Feb 2028
    ["CT", "2028-02-14", true, null],
    ["US", "2028-02-11", true, null],
    ["IL", "2028-02-11", false, "Lincoln's Birthday (observed)"],
    ["WV", "2027-06-21", false, "West Virginia Day (observed)"], // Sun 20 Jun 2027
    ["WV", "2027-06-22", true, null],
    ["SC", "2021-12-27", false, "Boxing Day (observed)"], // Sun 26 Dec 2021
    ["AK", "2026-10-19", false, "Alaska Day (observed)"], // Sun 18 Oct 2026
    ["DC", "2022-04-15", false, "Emancipation Day (observed)"], // Sat 16 Apr 2022
    // Christmas and New Year on a weekend, in a state that observes and in Texas.
    ["PA", "2021-12-24", false, "Christmas Day (observed)"], // Sat 25 Dec 2021
    ["PA", "2021-12-31", false, "New Year's Day (observed)"], // Sat 1 Jan 2022
    ["PA", "2022-12-26", false, "Christmas Day (observed)"], // Sun 25 Dec 2022
    ["PA", "2023-01-02", false, "New Year's Day (observed)"], // Sun 1 Jan 2023
    ["PA", "2022-12-23", true, null],
    ["PA", "2027-12-24", false, "Christmas Day (observed)"], // Sat 25 Dec 2027
    ["PA", "2027-12-31", false, "New Year's Day (observed)"], // Sat 1 Jan 2028
    ["TX", "2021-12-24", false, "Christmas Day (observed)"], // also Christmas Eve in Texas,
    ["TX", "2021-12-31", false, "New Year's Day (observed)"],
    ["TX", "2022-12-26", false, "Christmas Day (observed)"],
    ["TX", "2023-01-02", false, "New Year's Day (observed)"],
    ["TX", "2027-12-24", false, "Christmas Day (observed)"],
    ["TX", "2027-12-31", false, "New Year's Day (observed)"],
    // Texas does not observe its own holidays that fall on a weekend (Gov't Code 662.004, 662.007).
    ["TX", "2021-12-27", true, null], // Day after Christmas on Sun 26 Dec 2021
    ["TX", "2022-12-23", true, null], // Christmas Eve on Sat 24 Dec 2022
    ["TX", "2027-12-27", true, null], // Day after Christmas on Sun 26 Dec 2027
    // Where the library's rule says what a weekend does, it is followed: CA moves César Chávez Day only from Sunday.
    ["CA", "2024-04-01", false, "César Chávez Day (observed)"], // Sun 31 Mar 2024
    ["CA", "2029-03-30", true, null], // Sat 31 Mar 2029
    ["NC", "2022-12-23", false, "Christmas Eve (observed)"], // Sat 24 Dec 2022
  ] as const)("%s %s is a business day: %s (%s)", (code, date, open, name) => {
    expect(isBusinessDay(code, day(date))).toBe(open);
    expect(holidayName(code, day(date))).toBe(name);
  });

  it("counts across an observed state holiday (CT: Thu 10 Feb 2028 + 1 business day is Mon 14 Feb)", () => {
    expect(addBusiness("CT", "2028-02-10", 1)).toBe("2028-02-14");
    expect(addBusiness("US", "2028-02-10", 1)).toBe("2028-02-11");
    expect(addBusiness("WV", "2027-06-17", 1)).toBe("2027-06-22");
  });

  it("treats a part-day holiday as a business day (Kentucky's Good Friday afternoon)", () => {
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
