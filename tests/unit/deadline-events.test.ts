import { describe, expect, it } from "vitest";
import { deadlineEventsFromTimeline, type DeadlineTimelineEntry } from "~/domain/deadline-events";

const status = (on: string, from: string, to: string) =>
  ({ kind: "status_changed", on, data: { from, to } }) as DeadlineTimelineEntry;

describe("deadline events from a request's timeline", () => {
  it("pauses while the agency waits on us and resumes when that ends", () => {
    expect(
      deadlineEventsFromTimeline([
        status("2026-11-02", "draft", "submitted"),
        status("2026-11-03", "submitted", "acknowledged"),
        status("2026-11-04", "acknowledged", "clarification_requested"),
        // Still waiting on us: a fee after the clarification does not pause twice.
        status("2026-11-06", "clarification_requested", "fee_requested"),
        status("2026-11-10", "fee_requested", "awaiting_response"),
        status("2026-11-20", "awaiting_response", "denied"),
      ]),
    ).toEqual([
      { type: "acknowledged", on: "2026-11-03" },
      { type: "paused", on: "2026-11-04", reason: "clarification_requested" },
      { type: "resumed", on: "2026-11-10" },
      { type: "denied", on: "2026-11-20" },
    ]);
  });

  it("passes extensions and agreed dates through with their own dates", () => {
    expect(
      deadlineEventsFromTimeline([
        { kind: "extension_logged", on: "2026-11-09", data: { on: "2026-11-06", reason: "storage", requesterAgreed: false, days: 30 } },
        { kind: "extension_logged", on: "2026-11-09", data: { on: "2026-11-08", reason: "more", requesterAgreed: true, newDueDate: "2027-01-15" } },
        { kind: "agreed_date_set", on: "2026-11-10", data: { on: "2026-11-10", dueDate: "2026-12-01", reason: "call" } },
      ]),
    ).toEqual([
      { type: "extended", on: "2026-11-06", reason: "storage", requesterAgreed: false, days: 30 },
      { type: "extended", on: "2026-11-08", reason: "more", requesterAgreed: true, newDueDate: "2027-01-15" },
      { type: "agreed_date", on: "2026-11-10", dueDate: "2026-12-01", reason: "call" },
    ]);
  });
});
