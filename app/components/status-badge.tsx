import type { RequestStatus } from "../../db/schema/values";
import { STATUS_LABELS, STATUS_TONES } from "~/domain/request-status";

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`badge badge--${STATUS_TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
