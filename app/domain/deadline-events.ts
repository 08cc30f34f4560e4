import type { RequestStatus } from "../../db/schema/values";
import type { DeadlineEvent, PauseReason } from "./deadlines/types";

// Turns a request's timeline into the events the deadline engine reads. Pure, so it is unit-tested.

export const PAUSE_STATUSES: readonly RequestStatus[] = ["clarification_requested", "fee_requested"];

export type DeadlineTimelineEntry =
  | { kind: "status_changed"; on: string; data: { from: RequestStatus; to: RequestStatus } }
  | {
      kind: "extension_logged";
      on: string;
      data: { on: string; reason: string; requesterAgreed: boolean; newDueDate?: string; days?: number };
    }
  | { kind: "agreed_date_set"; on: string; data: { on: string; dueDate: string; reason: string } };

export function deadlineEventsFromTimeline(entries: readonly DeadlineTimelineEntry[]): DeadlineEvent[] {
  const events: DeadlineEvent[] = [];
  let paused = false;
  for (const entry of entries) {
    if (entry.kind === "status_changed") {
      const { from, to } = entry.data;
      const pausing = PAUSE_STATUSES.includes(to);
      if (pausing && !paused) {
        events.push({ type: "paused", on: entry.on, reason: to as PauseReason });
        paused = true;
      } else if (!pausing && paused && PAUSE_STATUSES.includes(from)) {
        events.push({ type: "resumed", on: entry.on });
        paused = false;
      }
      if (to === "acknowledged") events.push({ type: "acknowledged", on: entry.on });
      if (to === "denied") events.push({ type: "denied", on: entry.on });
    } else if (entry.kind === "extension_logged") {
      const { on, reason, requesterAgreed, newDueDate, days } = entry.data;
      events.push(
        newDueDate
          ? { type: "extended", on, reason, requesterAgreed, newDueDate }
          : { type: "extended", on, reason, requesterAgreed, days: days ?? 0 },
      );
    } else {
      const { on, dueDate, reason } = entry.data;
      events.push({ type: "agreed_date", on, dueDate, reason });
    }
  }
  return events;
}
