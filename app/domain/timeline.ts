import type { CommunicationChannel, CommunicationDirection, RequestStatus } from "../../db/schema/values";
import { STATUS_LABELS } from "./request-status";

// What each kind of timeline event carries. Names are copied into the event when it is written, so the
// timeline still reads correctly after an agency or a person is renamed.

export interface FieldChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

export type TimelineEventData =
  | { kind: "created"; data: { status: RequestStatus; title: string } }
  | { kind: "status_changed"; data: { from: RequestStatus; to: RequestStatus; note?: string } }
  | { kind: "note_added"; data: { body: string } }
  | {
      kind: "communication_logged";
      data: {
        communicationId: string;
        direction: CommunicationDirection;
        channel: CommunicationChannel;
        occurredOn: string;
        summary: string;
      };
    }
  | {
      kind: "assignment_changed";
      data: { fromId: string | null; fromName: string | null; toId: string | null; toName: string | null };
    }
  | { kind: "edited"; data: { changes: FieldChange[] } }
  | { kind: "campaign_joined"; data: { campaignId: string; campaignTitle: string } }
  | { kind: "campaign_left"; data: { campaignId: string; campaignTitle: string } };

export type TimelineEvent = TimelineEventData & {
  id: string;
  occurredAt: Date;
  actorName: string | null;
};

export const CHANNEL_LABELS: Record<CommunicationChannel, string> = {
  email: "Email",
  portal: "Portal",
  mail: "Mail",
  phone: "Phone",
  in_person: "In person",
  other: "Other",
};

export const DIRECTION_LABELS: Record<CommunicationDirection, string> = {
  outgoing: "Sent to agency",
  incoming: "Received from agency",
};

/** One line saying what happened, e.g. "Status changed from Submitted to Acknowledged". */
export function eventHeadline(event: TimelineEventData): string {
  switch (event.kind) {
    case "created":
      return `Request created as ${STATUS_LABELS[event.data.status]}`;
    case "status_changed":
      return `Status changed from ${STATUS_LABELS[event.data.from]} to ${STATUS_LABELS[event.data.to]}`;
    case "note_added":
      return "Note added";
    case "communication_logged":
      return `${DIRECTION_LABELS[event.data.direction]} by ${CHANNEL_LABELS[event.data.channel].toLowerCase()}`;
    case "assignment_changed":
      if (!event.data.toName) return `Unassigned (was ${event.data.fromName ?? "nobody"})`;
      return event.data.fromName
        ? `Reassigned from ${event.data.fromName} to ${event.data.toName}`
        : `Assigned to ${event.data.toName}`;
    case "edited":
      return `Edited ${event.data.changes.map((c) => c.label.toLowerCase()).join(", ")}`;
    case "campaign_joined":
      return `Added to the joint ask “${event.data.campaignTitle}”`;
    case "campaign_left":
      return `Taken out of the joint ask “${event.data.campaignTitle}”`;
  }
}
