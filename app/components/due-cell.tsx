import type { RequestStatus } from "../../db/schema/values";
import { Badge } from "~/components/ui/badge";
import { isOpenStatus } from "~/domain/request-status";
import { DateText } from "~/components/date-text";

/** The due column of a list of requests: "due in 3 days (Tue 29 Dec)", "overdue by 2 days (...)", a follow-up date, or why there is none. */
export function DueCell({
  row,
  today,
}: {
  row: { status: RequestStatus; dueOn: string | null; dueStatutory: boolean; followUpOn: string | null; longOverdueOn: string | null };
  today: string;
}) {
  const open = isOpenStatus(row.status);
  if (row.dueOn) {
    if (!open) return <span className="muted"><DateText date={row.dueOn} today={today} /></span>;
    const longOverdue = row.longOverdueOn !== null && row.longOverdueOn < today;
    return (
      <>
        <DateText date={row.dueOn} today={today} as="due" />
        {row.dueOn < today ? (
          <div>
            <Badge tone="danger">{longOverdue ? "Long overdue" : "Overdue"}</Badge>
          </div>
        ) : null}
      </>
    );
  }
  if (open && !row.dueStatutory && row.followUpOn) {
    return (
      <>
        follow up <DateText date={row.followUpOn} today={today} as="when" />
        <div className="small muted">no statutory deadline</div>
      </>
    );
  }
  if (open && row.status !== "draft" && !row.dueOn && row.dueStatutory) return <Badge tone="waiting">Clock paused</Badge>;
  return <span className="muted">—</span>;
}
