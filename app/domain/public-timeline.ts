import type { TimelineEventData } from "./timeline";

// What a public request page may say about a timeline entry. The access rule (visibleTimelineEntries(PUBLIC))
// decides which entries are read at all; this decides what of each is shown: no ids into the app, no people
// of the organization by name or address, no reply address (mail to it would be filed on the request), no
// delivery errors, and nothing about a file the public can't download. Browser-safe and pure.

export interface Person {
  name: string;
  email: string;
}

export const NAME_WITHHELD = "[name withheld]";
export const EMAIL_WITHHELD = "[email withheld]";
export const REPLY_ADDRESS_WITHHELD = "[reply address withheld]";

// A request's reply address, requests+<request id>-<signature>@domain (not an agency's own requests@...).
const REPLY_ADDRESS = /(?<![\w.+-])requests\+[0-9a-z-]+@[a-z0-9.-]*[a-z0-9]/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The text with the given people's email addresses and full names (any case, across line breaks) withheld,
 * and any request reply address. Names are matched as whole words only, so "Ana Ruiz" is withheld but not
 * "Anatomy".
 */
export function redactPeople(text: string, people: readonly Person[]): string {
  let out = text.replace(REPLY_ADDRESS, REPLY_ADDRESS_WITHHELD);
  const emails = [...new Set(people.map((p) => p.email.trim()).filter((e) => e.includes("@")))].sort((a, b) => b.length - a.length);
  for (const email of emails) out = out.replace(new RegExp(escapeRegExp(email), "gi"), EMAIL_WITHHELD);
  const names = [...new Set(people.map((p) => p.name.trim().replace(/\s+/g, " ")).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const pattern = name.split(" ").map(escapeRegExp).join("\\s+");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "giu"), NAME_WITHHELD);
  }
  return out;
}

export interface PublicTimelineItem {
  id: string;
  kind: TimelineEventData["kind"];
  data: TimelineEventData["data"];
  occurredAt: string;
  /** Always null: the public page names no one. */
  actorName: null;
}

/**
 * One timeline entry as the public sees it, or null when it is not for the public at all. `publicFileIds`:
 * the request's files the public may download; entries about any other file lose the file's name.
 */
export function publicTimelineItem(
  event: TimelineEventData & { id: string; occurredAt: Date | string },
  context: { people: readonly Person[]; publicFileIds: ReadonlySet<string> },
): PublicTimelineItem | null {
  const r = (text: string) => redactPeople(text, context.people);
  const item = (data: TimelineEventData): PublicTimelineItem => ({
    id: event.id,
    kind: data.kind,
    data: data.data,
    occurredAt: typeof event.occurredAt === "string" ? event.occurredAt : event.occurredAt.toISOString(),
    actorName: null,
  });
  switch (event.kind) {
    case "created":
      return item({ kind: "created", data: { status: event.data.status, title: event.data.title } });
    case "status_changed": {
      const { from, to, note, on } = event.data;
      return item({ kind: "status_changed", data: { from, to, ...(note ? { note: r(note) } : {}), ...(on ? { on } : {}) } });
    }
    case "note_added":
      return item({ kind: "note_added", data: { body: r(event.data.body) } });
    case "communication_logged": {
      const { direction, channel, occurredOn, summary } = event.data;
      return item({ kind: "communication_logged", data: { communicationId: "", direction, channel, occurredOn, summary: r(summary) } });
    }
    case "edited": {
      // Who files a request is a person of the organization: that change is not for the public.
      const changes = event.data.changes
        .filter((c) => c.field !== "requesterId")
        .map((c) => ({ field: c.field, label: c.label, from: c.from === null ? null : r(c.from), to: c.to === null ? null : r(c.to) }));
      const note = event.data.note ? { note: r(event.data.note) } : {};
      return changes.length ? item({ kind: "edited", data: { changes, ...note } }) : null;
    }
    case "due_date_changed": {
      const { from, to, reason, statutory, basis, flags } = event.data;
      return item({ kind: "due_date_changed", data: { from, to, reason: r(reason), statutory, basis: r(basis), ...(flags ? { flags } : {}) } });
    }
    case "extension_logged": {
      const { on, reason, requesterAgreed, newDueDate, days } = event.data;
      return item({
        kind: "extension_logged",
        data: { on, reason: r(reason), requesterAgreed, ...(newDueDate ? { newDueDate } : {}), ...(days !== undefined ? { days } : {}) },
      });
    }
    case "agreed_date_set":
      return item({ kind: "agreed_date_set", data: { on: event.data.on, dueDate: event.data.dueDate, reason: r(event.data.reason) } });
    case "email_queued": {
      const { letterKind, to, subject, body, automatic } = event.data;
      return item({
        kind: "email_queued",
        data: { outboxMessageId: "", letterKind, to: r(to), subject: r(subject), body: r(body), ...(automatic ? { automatic } : {}) },
      });
    }
    case "email_sent": {
      const { to, subject, transport } = event.data;
      return item({ kind: "email_sent", data: { outboxMessageId: "", to: r(to), subject: r(subject), messageId: "", transport } });
    }
    case "email_received": {
      // Bounces and automatic replies say nothing of the request: mail servers' errors, staff absences.
      if (event.data.classification === "bounce" || event.data.classification === "auto_reply") return null;
      const { from, subject, excerpt, attachments } = event.data;
      return item({
        kind: "email_received",
        data: {
          inboundMessageId: "",
          from: r(from),
          subject: r(subject),
          excerpt: r(excerpt),
          attachments: attachments.map((a) => ({ id: "", filename: r(a.filename), size: a.size })),
        },
      });
    }
    case "fields_asked":
      return item({ kind: "fields_asked", data: event.data });
    case "field_state_changed": {
      const { key, label, recordType, from, to, note, fileId, fileName } = event.data;
      const fileShown = fileId !== undefined && context.publicFileIds.has(fileId);
      return item({
        kind: "field_state_changed",
        data: {
          requestFieldId: "",
          key,
          label,
          recordType,
          from,
          to,
          ...(note ? { note: r(note) } : {}),
          ...(fileShown && fileName ? { fileId, fileName } : {}),
        },
      });
    }
    case "received_states_changed": {
      const { changes, fileId, fileName } = event.data;
      const fileShown = fileId !== undefined && context.publicFileIds.has(fileId);
      return item({
        kind: "received_states_changed",
        data: {
          changes: changes.map((c) => ({ ...c, id: "", ...(c.note ? { note: r(c.note) } : {}), ...(fileShown ? {} : { fromFile: undefined }) })),
          ...(fileShown && fileName ? { fileId, fileName } : {}),
        },
      });
    }
    case "code_keys_asked":
      return item({ kind: "code_keys_asked", data: event.data });
    case "installment_set":
      if (!context.publicFileIds.has(event.data.fileId)) return null;
      return item({ kind: "installment_set", data: event.data });
    case "file_added":
      if (!context.publicFileIds.has(event.data.fileId)) return null;
      return item({
        kind: "file_added",
        data: {
          fileId: event.data.fileId,
          name: event.data.name,
          sizeBytes: event.data.sizeBytes,
          sha256: event.data.sha256,
          mediaType: event.data.mediaType,
          fileKind: event.data.fileKind,
        },
      });
    // Inner work: delivery errors name mail servers; who is assigned, joint asks and who sees what stay inside.
    case "email_failed":
    case "email_reclassified":
    case "bounce_set_aside":
    case "assignment_changed":
    case "campaign_joined":
    case "campaign_left":
    case "visibility_changed":
    case "entry_visibility_changed":
      return null;
    default:
      return null;
  }
}
