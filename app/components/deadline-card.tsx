import type { DeadlineSnapshot } from "~/domain/deadlines.server";
import { Badge } from "~/components/ui/badge";
import { DateText } from "~/components/date-text";
import { isOpenStatus } from "~/domain/request-status";
import type { RequestStatus } from "../../db/schema/values";

/** The request's deadlines and how they were reached. */
export function DeadlineSummary({
  status,
  receivedOn,
  deadline,
  today,
}: {
  status: RequestStatus;
  receivedOn: string | null;
  deadline: DeadlineSnapshot | null;
  today: string;
}) {
  if (!receivedOn || !deadline) {
    return <p className="muted">The clock starts when the request is submitted: the due date is set from the day the agency receives it.</p>;
  }
  const open = isOpenStatus(status);
  const overdue = open && deadline.dueDate !== null && deadline.dueDate < today;
  const longOverdue = open && deadline.longOverdueDate !== null && deadline.longOverdueDate < today;
  const paused = deadline.flags.includes("paused");
  return (
    <>
      <dl className="summary-list">
        <dt>Received</dt>
        <dd>
          <DateText date={receivedOn} today={today} />
          {deadline.deemedReceivedDate && deadline.deemedReceivedDate !== receivedOn ? (
            <div className="small">Counts as received <DateText date={deadline.deemedReceivedDate} today={today} /> under the law's receipt rules.</div>
          ) : null}
        </dd>
        {paused ? (
          <>
            <dt>Due</dt>
            <dd>
              <Badge tone="waiting">Clock paused</Badge>
              <div className="small">
                Since {deadline.pausedSince ? <DateText date={deadline.pausedSince} today={today} /> : "—"}; {deadline.remainingDays}{" "}
                {deadline.remainingDayType} days left when it resumes.
              </div>
            </dd>
          </>
        ) : deadline.dueDate ? (
          <>
            <dt>Due</dt>
            <dd>
              <strong>{open ? <DateText date={deadline.dueDate} today={today} as="due" /> : <DateText date={deadline.dueDate} today={today} />}</strong>{" "}
              {longOverdue ? <Badge tone="danger">Long overdue</Badge> : overdue ? <Badge tone="danger">Overdue</Badge> : null}
              {deadline.proposedDueDate ? (
                <div className="small">
                  <Badge tone="waiting">Proposed by the agency</Badge> <DateText date={deadline.proposedDueDate} today={today} />: beyond what the law
                  allows without your agreement, so the legal due date stays as above.
                </div>
              ) : null}
            </dd>
          </>
        ) : (
          <>
            <dt>Follow up</dt>
            <dd>
              {deadline.followUpDate ? <DateText date={deadline.followUpDate} today={today} as="when" /> : "—"}
              <div className="small muted">Not a statutory deadline: the law sets no number of days.</div>
            </dd>
          </>
        )}
        {deadline.acknowledgementDueDate && (status === "submitted" || status === "awaiting_response") ? (
          <>
            <dt>Acknowledge by</dt>
            <dd><DateText date={deadline.acknowledgementDueDate} today={today} as="when" /></dd>
          </>
        ) : null}
        {status === "denied" || deadline.appealDueDate ? (
          <>
            <dt>Appeal by</dt>
            <dd>
              {deadline.appealDueDate ? (
                <DateText date={deadline.appealDueDate} today={today} as="when" />
              ) : (
                <span className="small">The law table gives no appeal period. {deadline.appealNote}</span>
              )}
            </dd>
          </>
        ) : null}
        {deadline.deemedDenialAppealDueDate && open ? (
          <>
            <dt>If no answer</dt>
            <dd className="small">
              No response by the due date counts as a denial: appeal by <DateText date={deadline.deemedDenialAppealDueDate} today={today} />.
            </dd>
          </>
        ) : null}
        <dt>Basis</dt>
        <dd className="small">{deadline.basis}</dd>
      </dl>
      {deadline.flags.includes("extension_beyond_limit") ? (
        <p className="flash flash--error small">An extension goes beyond what the law allows, and the requester did not agree to it.</p>
      ) : null}
      <details className="panel">
        <summary>How this was worked out</summary>
        <ol className="small">
          {deadline.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {deadline.extensionNote ? <p className="small muted">Extensions under this law: {deadline.extensionNote}</p> : null}
      </details>
    </>
  );
}
