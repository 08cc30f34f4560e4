import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge";
import { DateText } from "~/components/date-text";
import { Link } from "@remix-run/react";
import { formatBytes } from "~/domain/mail/labels";
import { FIELD_STATE_LABELS } from "~/domain/field-states";
import { eventHeadline, type TimelineEventData } from "~/domain/timeline";

export interface TimelineItem {
  id: string;
  kind: TimelineEventData["kind"];
  data: TimelineEventData["data"];
  occurredAt: string;
  actorName: string | null;
  internal?: boolean;
}

/**
 * Who is reading: the request's organization (links to its outbox and inbox), a coalition member, or the
 * public (no names of people, no links into the app).
 */
export type TimelineAudience = "owner" | "partner" | "public";

function Body({ event, audience, requestId }: { event: TimelineEventData; audience: TimelineAudience; requestId?: string }) {
  const owner = audience === "owner";
  switch (event.kind) {
    case "status_changed":
      return event.data.note ? <p className="timeline__body">{event.data.note}</p> : null;
    case "note_added":
      return <p className="timeline__body">{event.data.body}</p>;
    case "communication_logged":
      return (
        <>
          <p className="timeline__meta">Dated <DateText date={event.data.occurredOn} /></p>
          <p className="timeline__body">{event.data.summary}</p>
        </>
      );
    case "edited":
      return (
        <>
          {event.data.note ? <p className="timeline__meta">{event.data.note}</p> : null}
          <ul className="changes">
            {event.data.changes.map((c) => (
              <li key={c.field}>
                {c.label}
                {c.from !== null || c.to !== null ? (
                  <>
                    : {c.from ?? "—"} → {c.to ?? "—"}
                  </>
                ) : (
                  " updated"
                )}
              </li>
            ))}
          </ul>
        </>
      );
    case "due_date_changed":
      return (
        <>
          <p className="timeline__body">{event.data.reason}</p>
          {event.data.flags?.includes("extension_beyond_limit") ? (
            <p>
              <Badge tone="danger">Extension beyond the law's limit</Badge>
            </p>
          ) : null}
        </>
      );
    case "extension_logged":
      return (
        <>
          <p className="timeline__body">{event.data.reason}</p>
          {event.data.requesterAgreed ? <p className="timeline__meta">The requester agreed to this extension.</p> : null}
        </>
      );
    case "agreed_date_set":
      return <p className="timeline__body">{event.data.reason}</p>;
    case "email_queued":
      return (
        <>
          <p className="timeline__meta">
            Subject: {event.data.subject}
            {owner ? (
              <>
                {" "}
                · <Link to={`/outbox/${event.data.outboxMessageId}`}>In the outbox</Link>
              </>
            ) : null}
          </p>
          <details className="timeline__letter">
            <summary>Letter as sent</summary>
            <p className="timeline__body">{event.data.body}</p>
          </details>
        </>
      );
    case "email_sent":
      return <p className="timeline__meta">Subject: {event.data.subject}</p>;
    case "email_failed":
      return (
        <p className="timeline__body">
          {event.data.error} (after {event.data.attempts} {event.data.attempts === 1 ? "attempt" : "attempts"}).{" "}
          {owner ? <Link to={`/outbox/${event.data.outboxMessageId}`}>Retry from the outbox</Link> : null}
        </p>
      );
    case "email_reclassified":
      return (
        <p className="timeline__meta">
          Subject: {event.data.subject || "(no subject)"}
          {owner ? (
            <>
              {" "}
              · <Link to={`/inbox/${event.data.inboundMessageId}`}>Open the message</Link>
            </>
          ) : null}
        </p>
      );
    case "email_received": {
      const classification = event.data.classification ?? "reply";
      if (classification === "bounce") {
        return (
          <>
            <p className="timeline__meta">
              <Badge tone="danger">Bounce</Badge> from {event.data.from}
              {event.data.bounceStatus ? <> · status {event.data.bounceStatus}</> : null}
              {owner ? (
                <>
                  {" "}
                  · <Link to={`/inbox/${event.data.inboundMessageId}`}>Open the message</Link>
                </>
              ) : null}
            </p>
            <p className="timeline__meta">The letter did not arrive. This is not the agency's answer: the status and the deadline are unchanged.</p>
          </>
        );
      }
      return (
        <>
          <p className="timeline__meta">
            {classification === "auto_reply" ? (
              <>
                <Badge tone="muted">Automatic reply</Badge>{" "}
              </>
            ) : null}
            Subject: {event.data.subject || "(no subject)"}
            {owner ? (
              <>
                {" "}
                · <Link to={`/inbox/${event.data.inboundMessageId}`}>Open the message</Link>
              </>
            ) : null}
          </p>
          {event.data.excerpt ? <p className="timeline__body">{event.data.excerpt}</p> : null}
          {event.data.attachments.length ? (
            <ul className="attachments" aria-label="Attachments">
              {event.data.attachments.map((a) => (
                <li key={a.id}>
                  {a.fileId && requestId && audience !== "public" ? (
                    <Link to={`/requests/${requestId}/files/${a.fileId}`}>{a.filename}</Link>
                  ) : owner ? (
                    <a href={`/inbox/attachments/${a.id}`}>{a.filename}</a>
                  ) : (
                    a.filename
                  )}{" "}
                  <span className="muted small">
                    ({formatBytes(a.size)}
                    {a.duplicate ? ", the same as a file already received" : ""})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {classification === "auto_reply" ? (
            <p className="timeline__meta">Not the agency's answer: the status and the deadline are unchanged{event.data.classificationReason ? ` (${event.data.classificationReason})` : ""}.</p>
          ) : null}
        </>
      );
    }
    case "fields_asked":
      return (
        <ul className="changes">
          {event.data.added.length ? <li>Added: {event.data.added.map((f) => `${f.label} (${f.recordType})`).join(", ")}</li> : null}
          {event.data.removed.length ? <li>Removed: {event.data.removed.map((f) => `${f.label} (${f.recordType})`).join(", ")}</li> : null}
        </ul>
      );
    case "field_state_changed":
      return (
        <>
          {event.data.note ? <p className="timeline__body">{event.data.note}</p> : null}
          {event.data.fileName ? <p className="timeline__meta">From the file {event.data.fileName}</p> : null}
        </>
      );
    case "received_states_changed":
      return (
        <>
          {event.data.changes.length > 1 ? (
            <ul className="changes">
              {event.data.changes.map((c, i) => (
                <li key={i}>
                  {c.label} <span className="muted">({c.recordType})</span>: {c.from === c.to ? "note updated" : `${FIELD_STATE_LABELS[c.to].toLowerCase()}, was ${FIELD_STATE_LABELS[c.from].toLowerCase()}`}
                  {c.note ? <> · {c.note}</> : null}
                  {c.fromFile && event.data.fileName ? <span className="muted small"> (from the file)</span> : null}
                </li>
              ))}
            </ul>
          ) : event.data.changes[0]?.note ? (
            <p className="timeline__body">{event.data.changes[0].note}</p>
          ) : null}
          {event.data.fileName && event.data.fileId && requestId && audience !== "public" ? (
            <p className="timeline__meta">
              Read from the file <Link to={`/requests/${requestId}/files/${event.data.fileId}`}>{event.data.fileName}</Link>
            </p>
          ) : event.data.fileName ? (
            <p className="timeline__meta">Read from the file {event.data.fileName}</p>
          ) : null}
        </>
      );
    case "code_keys_asked":
      return (
        <ul className="changes">
          {event.data.added.length ? <li>Added: {event.data.added.map((k) => `${k.label}${k.column ? ` (column ${k.column})` : ""}`).join(", ")}</li> : null}
          {event.data.removed.length ? <li>Removed: {event.data.removed.map((k) => k.label).join(", ")}</li> : null}
        </ul>
      );
    case "file_added":
      return (
        <p className="timeline__meta">
          {event.data.mediaType} · SHA-256 <code>{event.data.sha256.slice(0, 12)}…</code>
        </p>
      );
    default:
      return null;
  }
}

/** requestId: the request the events are of, for links to its received files. */
export function Timeline({
  events,
  timeZone,
  requestId,
  audience = "owner",
  entryControls,
}: {
  events: TimelineItem[];
  timeZone: string;
  requestId?: string;
  audience?: TimelineAudience;
  /** Per-entry controls for the request's organization (e.g. make an entry internal). */
  entryControls?: (item: TimelineItem) => ReactNode;
}) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline, oldest first">
      {events.map((e) => {
        const event = { kind: e.kind, data: e.data } as TimelineEventData;
        return (
          <li key={e.id} className="timeline__item" data-kind={e.kind}>
            <div className="timeline__headline">
              {eventHeadline(event)}
              {e.internal ? (
                <>
                  {" "}
                  <Badge tone="muted">Internal</Badge>
                </>
              ) : null}
            </div>
            <div className="timeline__meta">
              <DateText instant={e.occurredAt} timeZone={timeZone} />
              {e.actorName && audience !== "public" ? ` · ${e.actorName}` : ""}
            </div>
            <Body event={event} audience={audience} requestId={requestId} />
            {entryControls && e.kind !== "visibility_changed" && e.kind !== "entry_visibility_changed" ? entryControls(e) : null}
          </li>
        );
      })}
    </ol>
  );
}
