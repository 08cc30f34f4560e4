import type { DeadlineSnapshot } from "~/domain/deadlines.server";
import { isOpenStatus } from "~/domain/request-status";
import type { RequestStatus } from "../../db/schema/values";
import { describeDue, describeWhen, formatDate } from "~/utils/dates";

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
          {formatDate(receivedOn, today)}
          {deadline.deemedReceivedDate && deadline.deemedReceivedDate !== receivedOn ? (
            <div className="small">Counts as received {formatDate(deadline.deemedReceivedDate, today)} under the law's receipt rules.</div>
          ) : null}
        </dd>
        {paused ? (
          <>
            <dt>Due</dt>
            <dd>
              <span className="badge badge--waiting">Clock paused</span>
              <div className="small">
                Since {deadline.pausedSince ? formatDate(deadline.pausedSince, today) : "—"}; {deadline.remainingDays}{" "}
                {deadline.remainingDayType} days left when it resumes.
              </div>
            </dd>
          </>
        ) : deadline.dueDate ? (
          <>
            <dt>Due</dt>
            <dd>
              <strong>{open ? describeDue(deadline.dueDate, today) : formatDate(deadline.dueDate, today)}</strong>{" "}
              {longOverdue ? <span className="badge badge--danger">Long overdue</span> : overdue ? <span className="badge badge--danger">Overdue</span> : null}
              {deadline.proposedDueDate ? (
                <div className="small">
                  <span className="badge badge--waiting">Proposed by the agency</span> {formatDate(deadline.proposedDueDate, today)}: beyond what the law
                  allows without your agreement, so the legal due date stays as above.
                </div>
              ) : null}
            </dd>
          </>
        ) : (
          <>
            <dt>Follow up</dt>
            <dd>
              {deadline.followUpDate ? describeWhen(deadline.followUpDate, today) : "—"}
              <div className="small muted">Not a statutory deadline: the law sets no number of days.</div>
            </dd>
          </>
        )}
        {deadline.acknowledgementDueDate && (status === "submitted" || status === "awaiting_response") ? (
          <>
            <dt>Acknowledge by</dt>
            <dd>{describeWhen(deadline.acknowledgementDueDate, today)}</dd>
          </>
        ) : null}
        {status === "denied" || deadline.appealDueDate ? (
          <>
            <dt>Appeal by</dt>
            <dd>
              {deadline.appealDueDate ? (
                describeWhen(deadline.appealDueDate, today)
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
              No response by the due date counts as a denial: appeal by {formatDate(deadline.deemedDenialAppealDueDate, today)}.
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
