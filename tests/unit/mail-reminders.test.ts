import { describe, expect, it } from "vitest";
import { digestSections, localClock, type DigestCandidate } from "~/domain/mail/reminders";

const TODAY = "2026-11-23";
let n = 0;
const request = (status: DigestCandidate["status"], dueDate: string | null, nextActionOn: string | null = dueDate): DigestCandidate => ({
  id: `r${++n}`,
  status,
  dueDate,
  nextActionOn,
});

describe("digest sections", () => {
  it("puts each open request in the first section that fits, oldest date first", () => {
    const overdueLate = request("submitted", "2026-11-20");
    const overdueEarly = request("awaiting_response", "2026-11-02");
    const dueToday = request("acknowledged", TODAY);
    const dueSunday = request("appealed", "2026-11-29");
    const nextWeek = request("submitted", "2026-11-30");
    const clarification = request("clarification_requested", "2026-11-10");
    const fee = request("fee_requested", null);
    const litigationAction = request("in_litigation", null, "2026-11-25");
    const draft = request("draft", "2026-11-01");
    const fulfilled = request("fulfilled", "2026-11-01");
    const sections = digestSections([overdueLate, overdueEarly, dueToday, dueSunday, nextWeek, clarification, fee, litigationAction, draft, fulfilled], TODAY);
    expect(sections.overdue).toEqual([overdueEarly, overdueLate]);
    expect(sections.dueThisWeek).toEqual([dueToday, dueSunday]);
    expect(sections.waitingOnUs).toEqual([clarification, fee]);
    expect(sections.nextActions).toEqual([litigationAction]);
  });

  it("lists a partly answered request by its due date: the agency still owes the rest", () => {
    const partlyOverdue = request("partially_fulfilled", "2026-11-16", null);
    const partlyDueSoon = request("partially_fulfilled", "2026-11-27", null);
    const sections = digestSections([partlyDueSoon, partlyOverdue], TODAY);
    expect(sections.overdue).toEqual([partlyOverdue]);
    expect(sections.dueThisWeek).toEqual([partlyDueSoon]);
  });
});

describe("localClock", () => {
  it("gives the date and hour in the organization's time zone", () => {
    const instant = new Date("2026-11-23T04:30:00Z");
    expect(localClock(instant, "America/New_York")).toEqual({ date: "2026-11-22", hour: 23 });
    expect(localClock(instant, "Europe/Berlin")).toEqual({ date: "2026-11-23", hour: 5 });
    expect(localClock(new Date("2026-03-08T07:30:00Z"), "America/Chicago")).toEqual({ date: "2026-03-08", hour: 1 });
    expect(localClock(new Date("2026-11-23T00:00:00Z"), "UTC")).toEqual({ date: "2026-11-23", hour: 0 });
  });
});
