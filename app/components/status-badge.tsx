import type { RequestStatus } from "../../db/schema/values";
import { STATUS_LABELS, STATUS_TONES } from "~/domain/request-status";
import { Badge } from "./ui/badge";

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
