import { describe, expect, it } from "vitest";
import { addDays, daysBetween, describeDue, describeWhen, formatDate, formatFullDate, formatInstant, formatLetterDate, formatMonth, isIsoDate, startOfDayIn, todayIn } from "~/utils/dates";

describe("dates", () => {
  it.each([
    ["2026-12-29", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["29/12/2026", false],
    ["", false],
  ])("isIsoDate(%j) is %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it("reads due dates the way coordinators say them", () => {
    expect(describeDue("2026-12-29", "2026-12-26")).toBe("due in 3 days (Tue 29 Dec)");
    expect(describeDue("2026-12-27", "2026-12-26")).toBe("due tomorrow (Sun 27 Dec)");
    expect(describeDue("2026-12-26", "2026-12-26")).toBe("due today (Sat 26 Dec)");
    expect(describeDue("2026-12-24", "2026-12-26")).toBe("overdue by 2 days (Thu 24 Dec)");
    expect(describeDue("2026-12-25", "2026-12-26")).toBe("overdue by 1 day (Fri 25 Dec)");
    expect(describeDue("2027-01-05", "2026-12-26")).toBe("due in 10 days (Tue 5 Jan 2027)");
    expect(describeWhen("2026-12-21", "2026-12-26")).toBe("5 days ago (Mon 21 Dec)");
  });

  it("does arithmetic on calendar dates without time-zone drift", () => {
    expect(addDays("2026-03-07", 2)).toBe("2026-03-09"); // across the US DST change
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(formatDate("2026-11-23")).toBe("Mon 23 Nov 2026");
  });

  it("takes today in the organization's time zone", () => {
    const lateEvening = new Date("2026-11-24T03:30:00Z"); // 22:30 on the 23rd in New York
    expect(todayIn("America/New_York", lateEvening)).toBe("2026-11-23");
    expect(todayIn("UTC", lateEvening)).toBe("2026-11-24");
    expect(formatInstant(lateEvening, "America/New_York")).toBe("Mon 23 Nov 2026, 22:30");
  });
});

describe("startOfDayIn: the instant a day starts in a time zone (when an embargo ends)", () => {
  /** The instant starts the day: its local date is the day, and a millisecond earlier it was the day before. */
  function expectStartOf(iso: string, timeZone: string, expected: string) {
    const start = startOfDayIn(iso, timeZone);
    expect(start.toISOString(), `${iso} in ${timeZone}`).toBe(expected);
    expect(todayIn(timeZone, start)).toBe(iso);
    expect(todayIn(timeZone, new Date(start.getTime() - 1))).toBe(addDays(iso, -1));
  }

  it.each([
    // New York: DST starts at 02:00 on Sun 8 Mar 2026 and ends at 02:00 on Sun 1 Nov 2026; midnight keeps the old offset.
    ["2026-03-07", "2026-03-07T05:00:00.000Z"],
    ["2026-03-08", "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", "2026-03-09T04:00:00.000Z"],
    ["2026-11-01", "2026-11-01T04:00:00.000Z"],
    ["2026-11-02", "2026-11-02T05:00:00.000Z"],
    ["2026-12-29", "2026-12-29T05:00:00.000Z"],
  ])("America/New_York %s starts at %s", (iso, expected) => expectStartOf(iso, "America/New_York", expected));

  it.each([
    // East of UTC the day starts on the previous UTC date. Berlin: summer time from 02:00 on Sun 29 Mar 2026 to 03:00 on Sun 25 Oct.
    ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00.000Z"],
    ["Europe/Berlin", "2026-03-30", "2026-03-29T22:00:00.000Z"],
    ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00.000Z"],
    ["Europe/Berlin", "2026-10-26", "2026-10-25T23:00:00.000Z"],
    ["Asia/Kolkata", "2026-12-29", "2026-12-28T18:30:00.000Z"],
    ["Pacific/Kiritimati", "2026-01-01", "2025-12-31T10:00:00.000Z"],
  ])("%s %s starts at %s", (timeZone, iso, expected) => expectStartOf(iso, timeZone, expected));

  it.each([
    // DST changes at midnight itself: Chile skips 00:00 on Sun 6 Sep 2026 (the day starts at 01:00, -03) and repeats
    // the hour before it on Sun 5 Apr 2026 (the day starts at the second 00:00, -04); Lebanon skips 00:00 on Sun 29 Mar 2026.
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00.000Z"],
    ["America/Santiago", "2026-04-05", "2026-04-05T04:00:00.000Z"],
    ["Asia/Beirut", "2026-03-29", "2026-03-28T22:00:00.000Z"],
  ])("%s %s, where the change is at midnight, starts at %s", (timeZone, iso, expected) => expectStartOf(iso, timeZone, expected));
});

describe("full dates and months", () => {
  it("writes a date standing alone as day, short month and year, without a weekday or commas", () => {
    expect(formatFullDate("2026-12-29")).toBe("29 Dec 2026");
    expect(formatFullDate("2022-01-01")).toBe("1 Jan 2022");
  });
  it("writes a month as short month and year", () => {
    expect(formatMonth("2021-01-01")).toBe("Jan 2021");
    expect(formatMonth("2026-12-31")).toBe("Dec 2026");
  });
});

describe("letter dates", () => {
  it("writes the date in a letter to a US agency as US correspondence does", () => {
    expect(formatLetterDate("2026-12-04")).toBe("December 4, 2026");
  });
});
