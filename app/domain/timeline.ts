import type { FieldState, FileKind } from "../../db/schema/field-values";
import type {
  CommunicationChannel,
  CommunicationDirection,
  LetterKind,
  MailClassification,
  RequestStatus,
  RequestVisibility,
} from "../../db/schema/values";
import { formatDate } from "../utils/dates";
import { FIELD_STATE_LABELS, formatBytes } from "./field-states";
import { LETTER_LABELS } from "./mail/labels";
import { STATUS_LABELS } from "./request-status";
import { VISIBILITY_LABELS } from "./visibility";

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
  | { kind: "status_changed"; data: { from: RequestStatus; to: RequestStatus; note?: string; on?: string } }
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
  | {
      kind: "edited";
      /** note: why, when the change was not typed in (e.g. "From the agency's email “RE: …”"). */
      data: { changes: FieldChange[]; note?: string };
    }
  | {
      kind: "due_date_changed";
      data: { from: string | null; to: string | null; reason: string; statutory: boolean; basis: string; flags?: string[] };
    }
  | {
      kind: "extension_logged";
      data: { on: string; reason: string; requesterAgreed: boolean; newDueDate?: string; days?: number };
    }
  | { kind: "agreed_date_set"; data: { on: string; dueDate: string; reason: string } }
  | {
      kind: "email_queued";
      data: {
        outboxMessageId: string;
        letterKind: LetterKind;
        to: string;
        subject: string;
        body: string;
        /** Sent by the organization's automatic follow-ups, not by a person. */
        automatic?: boolean;
        /** A letter sent again after it bounced: the address it bounced from. */
        resentFrom?: string;
      };
    }
  | {
      kind: "email_sent";
      data: { outboxMessageId: string; to: string; subject: string; messageId: string; transport: "smtp" | "dev_mailbox" };
    }
  | {
      kind: "email_failed";
      data: { outboxMessageId: string; to: string; subject: string; error: string; attempts: number };
    }
  | {
      kind: "email_received";
      data: {
        inboundMessageId: string;
        /** The incoming communication the message is on the request as (events written before it: none). */
        communicationId?: string;
        from: string;
        subject: string;
        /** The text body, shortened for the timeline; the whole message is on its own page. */
        excerpt: string;
        /**
         * fileId: the request's received file the attachment became (or, with duplicate, the same file received
         * before). Events written before attachments were recorded as files have none.
         */
        attachments: { id: string; filename: string; size: number; fileId?: string; duplicate?: boolean }[];
        /** What the message was judged to be on arrival (events written before classification: a reply). */
        classification?: MailClassification;
        classificationReason?: string;
        /** For a bounce: the address that failed, why, and the RFC 3463 status. */
        bouncedAddress?: string | null;
        bounceReason?: string;
        bounceStatus?: string | null;
      };
    }
  | { kind: "bounce_set_aside"; data: { inboundMessageId: string; address: string } }
  | {
      kind: "email_reclassified";
      data: {
        inboundMessageId: string;
        from: MailClassification;
        to: MailClassification;
        sender: string;
        subject: string;
        bouncedAddress?: string | null;
        bounceReason?: string;
      };
    }
  | { kind: "fields_asked"; data: { added: AskedFieldRef[]; removed: AskedFieldRef[] } }
  | {
      kind: "field_state_changed";
      data: AskedFieldRef & {
        requestFieldId: string;
        from: FieldState;
        to: FieldState;
        note?: string;
        fileId?: string;
        fileName?: string;
      };
    }
  | {
      kind: "received_states_changed";
      /** fileId/fileName: the file the states were read from, when it is the evidence for some of them. */
      data: { changes: ReceivedStateChange[]; fileId?: string; fileName?: string };
    }
  | { kind: "code_keys_asked"; data: { added: CodeKeyRef[]; removed: CodeKeyRef[] } }
  | {
      kind: "installment_set";
      data: { fileId: string; fileName: string; number: number | null; total: number | null; final: boolean; previous: string | null };
    }
  | {
      kind: "file_added";
      data: {
        fileId: string;
        name: string;
        sizeBytes: number;
        sha256: string;
        mediaType: string;
        fileKind: FileKind;
        communicationId?: string;
      };
    }
  | { kind: "campaign_joined"; data: { campaignId: string; campaignTitle: string } }
  | { kind: "campaign_left"; data: { campaignId: string; campaignTitle: string } }
  | {
      kind: "visibility_changed";
      data: { from: RequestVisibility; to: RequestVisibility; embargoUntil: string | null; previousEmbargoUntil: string | null };
    }
  | {
      kind: "entry_visibility_changed";
      data: { entryType: "event" | "file"; entryId: string; label: string; internal: boolean };
    };

/** One item's change in a received_states_changed event; `fromFile`: the event's file is its evidence. */
export interface ReceivedStateChange {
  item: "field" | "code_key";
  id: string;
  key: string;
  label: string;
  /** The field's record type, or the code key's kind in words. */
  recordType: string;
  from: FieldState;
  to: FieldState;
  note?: string;
  fromFile?: boolean;
}

export interface CodeKeyRef {
  label: string;
  kind: string;
  column: string | null;
}

/** "installment 2 of 3", "final installment", "installment 3 of 3, final". */
export function describeInstallment(value: { number: number | null; total: number | null; final: boolean }): string | null {
  if (!value.number && !value.final) return null;
  const numbered = value.number ? `installment ${value.number}${value.total ? ` of ${value.total}` : ""}` : "";
  if (value.final) return numbered ? `${numbered}, final` : "final installment";
  return numbered;
}

/** A field asked, named as it was when the event was written. */
export interface AskedFieldRef {
  key: string;
  label: string;
  recordType: string;
}

export type TimelineEvent = TimelineEventData & {
  id: string;
  occurredAt: Date;
  actorName: string | null;
  /** Seen only by the request's organization. */
  internal: boolean;
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

const CLASSIFICATION_WORDS: Record<MailClassification, string> = {
  reply: "a reply",
  auto_reply: "an automatic reply",
  bounce: "a bounce",
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
    case "due_date_changed": {
      const { from, to } = event.data;
      const label = event.data.statutory ? "Due date" : "Follow-up date";
      if (!from) return `${label} set: ${to ? formatDate(to) : "none"}`;
      if (!to) return `${label} cleared (was ${formatDate(from)})`;
      return `${label} moved from ${formatDate(from)} to ${formatDate(to)}`;
    }
    case "extension_logged":
      return event.data.newDueDate
        ? `Extension logged to ${formatDate(event.data.newDueDate)}`
        : `Extension of ${event.data.days} days logged`;
    case "agreed_date_set":
      return `Due date agreed with the agency: ${formatDate(event.data.dueDate)}`;
    case "email_queued":
      if (event.data.automatic) return `Automatic ${LETTER_LABELS[event.data.letterKind].toLowerCase()} queued to ${event.data.to}`;
      if (event.data.resentFrom) return `${LETTER_LABELS[event.data.letterKind]} resent to ${event.data.to} (it bounced from ${event.data.resentFrom})`;
      return `${LETTER_LABELS[event.data.letterKind]} queued to ${event.data.to}`;
    case "email_sent":
      return event.data.transport === "dev_mailbox"
        ? `Email delivered to the development mailbox for ${event.data.to}`
        : `Email sent to ${event.data.to}`;
    case "email_failed":
      return `Email to ${event.data.to} could not be sent`;
    case "email_received": {
      const classification = event.data.classification ?? "reply";
      if (classification === "bounce") return `Delivery failed to ${event.data.bouncedAddress ?? "the agency"}: ${event.data.bounceReason ?? "the receiving mail server refused it"}`;
      if (classification === "auto_reply") return `Automatic reply from ${event.data.from}`;
      return `Email received from ${event.data.from}`;
    }
    case "bounce_set_aside":
      return `Bounce from ${event.data.address} set aside: nothing to fix`;
    case "email_reclassified":
      return `Email from ${event.data.sender} reclassified as ${CLASSIFICATION_WORDS[event.data.to]} (was ${CLASSIFICATION_WORDS[event.data.from]})`;
    case "fields_asked": {
      const { added, removed } = event.data;
      const count = (n: number) => `${n} ${n === 1 ? "field" : "fields"}`;
      if (removed.length === 0) return `Asked for ${count(added.length)}`;
      if (added.length === 0) return `Stopped asking for ${count(removed.length)}`;
      return `Fields asked changed: ${added.length} added, ${removed.length} removed`;
    }
    case "field_state_changed":
      if (event.data.from === event.data.to) return `${event.data.label} (${event.data.recordType}): note updated`;
      return `${event.data.label} (${event.data.recordType}): ${FIELD_STATE_LABELS[event.data.to].toLowerCase()}, was ${FIELD_STATE_LABELS[event.data.from].toLowerCase()}`;
    case "received_states_changed": {
      const { changes, fileName } = event.data;
      if (changes.length === 1) {
        const c = changes[0]!;
        if (c.from === c.to) return `${c.label} (${c.recordType}): note updated`;
        return `${c.label} (${c.recordType}): ${FIELD_STATE_LABELS[c.to].toLowerCase()}, was ${FIELD_STATE_LABELS[c.from].toLowerCase()}${fileName ? `, from ${fileName}` : ""}`;
      }
      const fields = changes.filter((c) => c.item === "field").length;
      const keys = changes.length - fields;
      const parts = [fields ? `${fields} ${fields === 1 ? "field" : "fields"}` : "", keys ? `${keys} ${keys === 1 ? "code key" : "code keys"}` : ""].filter(Boolean);
      return `What came back recorded for ${parts.join(" and ")}${fileName ? `, from ${fileName}` : ""}`;
    }
    case "code_keys_asked": {
      const { added, removed } = event.data;
      const names = (list: CodeKeyRef[]) => list.map((k) => k.label).join(", ");
      if (removed.length === 0) return `Asked for what is needed to read the data: ${names(added)}`;
      if (added.length === 0) return `Stopped asking for ${names(removed)}`;
      return `Code keys changed: ${names(added)} added, ${names(removed)} removed`;
    }
    case "installment_set": {
      const now = describeInstallment(event.data);
      return now ? `${event.data.fileName} marked as ${now}` : `${event.data.fileName} no longer marked as an installment`;
    }
    case "file_added":
      return `File received: ${event.data.name} (${formatBytes(event.data.sizeBytes)})`;
    case "campaign_joined":
      return `Added to the joint ask “${event.data.campaignTitle}”`;
    case "campaign_left":
      return `Taken out of the joint ask “${event.data.campaignTitle}”`;
    case "visibility_changed": {
      const to = VISIBILITY_LABELS[event.data.to].toLowerCase();
      const embargo = event.data.embargoUntil ? `, embargoed until ${formatDate(event.data.embargoUntil)}` : "";
      return event.data.from === event.data.to
        ? `Embargo ${event.data.embargoUntil ? `set to ${formatDate(event.data.embargoUntil)}` : "lifted"}`
        : `Made ${to}${embargo} (was ${VISIBILITY_LABELS[event.data.from].toLowerCase()})`;
    }
    case "entry_visibility_changed": {
      const what = event.data.entryType === "file" ? `File ${event.data.label}` : `Entry “${event.data.label}”`;
      return event.data.internal ? `${what} hidden from other organizations and the public` : `${what} shown to everyone who sees the request`;
    }
  }
}
