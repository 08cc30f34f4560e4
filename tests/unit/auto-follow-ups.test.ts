import { describe, expect, it } from "vitest";
import { autoFollowUpKey, followUpDate } from "~/domain/mail/auto-follow-ups";

describe("when an automatic follow-up is due", () => {
  it("is the first overdue day, then every N days while overdue", () => {
    expect(followUpDate("2026-11-20", "2026-11-20", 30)).toBeNull();
    expect(followUpDate("2026-11-20", "2026-11-21", 30)).toBe("2026-11-21");
    expect(followUpDate("2026-11-20", "2026-12-20", 30)).toBe("2026-11-21");
    expect(followUpDate("2026-11-20", "2026-12-21", 30)).toBe("2026-12-21");
    expect(followUpDate("2026-11-20", "2027-01-19", 30)).toBe("2026-12-21");
    expect(followUpDate("2026-11-20", "2027-01-20", 30)).toBe("2027-01-20");
  });

  it("catches up a missed date under its own date, across months and years", () => {
    // The app was down on 21 Dec: on 23 Dec the date due is still 21 Dec, so it is sent once, not skipped.
    expect(followUpDate("2026-11-20", "2026-12-23", 30)).toBe("2026-12-21");
    expect(followUpDate("2026-12-30", "2027-01-07", 7)).toBe("2027-01-07");
    expect(followUpDate("2028-02-27", "2028-03-01", 1)).toBe("2028-03-01");
  });

  it("keys each request and date once", () => {
    expect(autoFollowUpKey("r1", "2026-11-21")).toBe("auto-follow-up:r1:2026-11-21");
    expect(autoFollowUpKey("r1", "2026-11-21")).not.toBe(autoFollowUpKey("r1", "2026-12-21"));
  });
});
