import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RequestStatus } from "../../db/schema/values";
import { requestReference } from "~/domain/request-reference";
import { DateText } from "./date-text";
import { StatusBadge } from "./status-badge";
import { DataTable } from "./ui/data-table";

export interface RequestsTableRow {
  id: string;
  organizationCode: string;
  number: number;
  title: string;
  status: RequestStatus;
  filedOn: string | null;
  /** Shown under the title when the list mixes organizations' requests (a coalition's). */
  organizationName?: string | null;
}

/**
 * A short list of requests on another thing's page (an agency, a vendor, a directory entry): each request's
 * reference and title linking to it, its status badge and the day it was filed. `empty` (an EmptyState or a
 * sentence) stands in for the table when there are no rows.
 */
export function RequestsTable({ rows, today, empty, caption }: { rows: RequestsTableRow[]; today: string; empty: ReactNode; caption?: ReactNode }) {
  if (!rows.length) return <>{empty}</>;
  return (
    <DataTable caption={caption} captionClassName={caption ? "visually-hidden" : undefined} columns={["Request", "Status", "Filed"]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <Link to={`/requests/${r.id}`}>
              {requestReference(r)} {r.title}
            </Link>
            {r.organizationName ? <div className="muted small">{r.organizationName}</div> : null}
          </td>
          <td data-label="Status">
            <StatusBadge status={r.status} />
          </td>
          <td data-label="Filed">{r.filedOn ? <DateText date={r.filedOn} today={today} /> : <span className="muted">Not filed</span>}</td>
        </tr>
      ))}
    </DataTable>
  );
}
