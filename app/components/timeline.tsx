import { CHANNEL_LABELS, DIRECTION_LABELS, eventHeadline, type TimelineEventData } from "~/domain/timeline";
import { formatDate, formatInstant } from "~/utils/dates";

export interface TimelineItem {
  id: string;
  kind: TimelineEventData["kind"];
  data: TimelineEventData["data"];
  occurredAt: string;
  actorName: string | null;
}

function Body({ event }: { event: TimelineEventData }) {
  switch (event.kind) {
    case "status_changed":
      return event.data.note ? <p className="timeline__body">{event.data.note}</p> : null;
    case "note_added":
      return <p className="timeline__body">{event.data.body}</p>;
    case "communication_logged":
      return (
        <>
          <p className="timeline__meta">
            {DIRECTION_LABELS[event.data.direction]} · {CHANNEL_LABELS[event.data.channel]} · {formatDate(event.data.occurredOn)}
          </p>
          <p className="timeline__body">{event.data.summary}</p>
        </>
      );
    case "edited":
      return (
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
      );
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

export function Timeline({ events, timeZone }: { events: TimelineItem[]; timeZone: string }) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline, oldest first">
      {events.map((e) => {
        const event = { kind: e.kind, data: e.data } as TimelineEventData;
        return (
          <li key={e.id} className="timeline__item" data-kind={e.kind}>
            <div className="timeline__headline">{eventHeadline(event)}</div>
            <div className="timeline__meta">
              <time dateTime={e.occurredAt}>{formatInstant(e.occurredAt, timeZone)}</time>
              {e.actorName ? ` · ${e.actorName}` : ""}
            </div>
            <Body event={event} />
          </li>
        );
      })}
    </ol>
  );
}
