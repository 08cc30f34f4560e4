import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { auditActionLabel } from "~/domain/audit";
import { listAuditEvents } from "~/domain/audit.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { useTimeZone } from "~/utils/use-root";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Audit log · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "audit.view");
  const raw = new URL(request.url).searchParams.get("page") ?? "1";
  const page = /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
  return json(await listAuditEvents(viewer, page));
}

function describeDetails(details: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof details.email === "string") parts.push(details.email);
  if (typeof details.from === "string" && typeof details.to === "string") parts.push(`${details.from} → ${details.to}`);
  if (typeof details.name === "string") parts.push(`“${details.name}”`);
  if (details.reason === "throttled") parts.push("refused: too many attempts");
  if (details.reason === "password") parts.push("wrong email or password");
  if (details.reason === "disabled") parts.push("account disabled");
  if (typeof details.endedSessions === "number") parts.push(`${details.endedSessions} session(s) ended`);
  if (typeof details.rows === "number") parts.push(`${details.rows} row(s)`);
  if (typeof details.what === "string") parts.push(details.what);
  return parts.join(" · ");
}

export default function AuditLog() {
  const { rows, page, pageCount, total } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/admin/users">Users</Link> /
          </>
        }
        title="Audit log"
        meta="Sign-ins, role changes, disabled accounts, API tokens and exports in your organization, newest first."
      />
      {rows.length ? (
        <>
          <DataTable captionClassName="visually-hidden" caption="Audit events" columns={["When", "Event", "By", "Details", "Address"]}>
            {rows.map((e) => (
              <tr key={e.id}>
                <td data-label="When"><DateText instant={e.at} timeZone={timeZone} /></td>
                <td data-label="Event" className="row-title">
                  {auditActionLabel(e.action)}
                </td>
                <td data-label="By">{e.actorName ?? <span className="muted">—</span>}</td>
                <td data-label="Details">{describeDetails(e.details as Record<string, unknown>) || <span className="muted">—</span>}</td>
                <td data-label="Address">{e.ipAddress ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={page} pageCount={pageCount} total={total} noun="event" />
        </>
      ) : (
        <div className="card empty">{page > 1 ? "No events on this page." : "Nothing recorded yet."}</div>
      )}
    </>
  );
}
