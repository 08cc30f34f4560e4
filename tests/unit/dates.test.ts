import { describe, expect, it } from "vitest";
import { addDays, daysBetween, describeDue, describeWhen, formatDate, formatInstant, isIsoDate, todayIn } from "~/utils/dates";

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
