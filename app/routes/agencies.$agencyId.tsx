import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgencySystemsCard } from "~/components/agency-systems";
import { StatusBadge } from "~/components/status-badge";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { getAgency } from "~/domain/places.server";
import { listRequests } from "~/domain/requests.server";
import { listAgencySystems } from "~/domain/systems.server";
import { requireViewer } from "~/utils/auth.server";
import { formatDate, todayIn } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useToday } from "~/utils/use-root";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.agency.name} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const agency = await getAgency(viewer, params.agencyId ?? "");
  if (!agency) throw notFound("agency");
  const [requests, systems] = await Promise.all([
    listRequests(viewer, { agency: agency.id, sort: "updated", pageSize: 100 }),
    listAgencySystems(viewer, agency.id, todayIn(viewer.timeZone)),
  ]);
  return json({ agency, requests, systems, owned: agency.organizationId === viewer.organizationId });
}

export default function AgencyPage() {
  const { agency, requests, systems, owned } = useLoaderData<typeof loader>();
  // A coalition partner's agency is read-only here: requests go to one's own agency records.
  const canFile = useCan("request.create") && owned;
  const canManage = useCan("agency.manage") && owned;
  const today = useToday();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/agencies">Agencies</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1>{agency.name}</h1>
          <p className="page-header__meta">
            {AGENCY_TYPE_LABELS[agency.type]} · {agency.jurisdictionName}
            {agency.stateName ? `, ${agency.stateName}` : ""}
          </p>
        </div>
        <div className="actions">
          {canFile ? (
            <Link to={`/requests/new?agency=${agency.id}`} className="button">
              New request to this agency
            </Link>
          ) : null}
          {canFile ? (
            <Link to={`/campaigns/new?agency=${agency.id}`} className="button button--secondary">
              Start a joint ask
            </Link>
          ) : null}
          {canManage ? (
            <Link to={`/agencies/${agency.id}/edit`} className="button button--secondary">
              Edit
            </Link>
          ) : null}
        </div>
      </div>
      {!owned ? (
        <p className="notice" role="note">
          {agency.organizationName} shares this agency with your coalition. Only its members can change it.
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="agency-requests">
          <h2 id="agency-requests">Requests ({requests.total})</h2>
          {requests.rows.length ? (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Status</th>
                  <th scope="col">Filed</th>
                </tr>
              </thead>
              <tbody>
                {requests.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/requests/${r.id}`}>
                        #{r.number} {r.title}
                      </Link>
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                    </td>
                    <td data-label="Filed">{r.filedOn ? formatDate(r.filedOn, today) : <span className="muted">Not filed</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No requests to this agency yet.</p>
          )}
        </section>
        <section className="card" aria-labelledby="agency-contact">
          <h2 id="agency-contact">Records contact</h2>
          <dl className="summary-list">
            <dt>Contact</dt>
            <dd>{agency.recordsContactName ?? <span className="muted">—</span>}</dd>
            <dt>Email</dt>
            <dd>{agency.recordsContactEmail ? <a href={`mailto:${agency.recordsContactEmail}`}>{agency.recordsContactEmail}</a> : <span className="muted">—</span>}</dd>
            <dt>Portal</dt>
            <dd>
              {agency.portalUrl ? (
                <a href={agency.portalUrl} rel="noreferrer noopener" target="_blank">
                  {new URL(agency.portalUrl).host}
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
          </dl>
          {agency.notes ? (
            <>
              <h3>Notes</h3>
              <p className="prose">{agency.notes}</p>
            </>
          ) : null}
        </section>
      </div>
      <AgencySystemsCard agencyId={agency.id} systems={systems.systems} hostedFor={systems.hostedFor} today={today} editable={owned} />
    </>
  );
}
