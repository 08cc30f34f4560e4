import { Card } from "~/components/ui/card";
import { RequestsTable } from "~/components/requests-table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState } from "~/components/empty-state";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DIRECTORY_TYPE_LABELS, type DirectoryType } from "~/domain/directory/clean";
import { getDirectoryAgency } from "~/domain/directory.server";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { listRequests } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useToday } from "~/utils/use-root";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.agency.name} · Agency directory · JointAsk` : "Not found · JointAsk" }];

/** One directory agency: its facts, and every request about it the viewer may see (any organization's row for its ORI). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const agency = await getDirectoryAgency(viewer.organizationId, params.ori ?? "");
  if (!agency) throw notFound("agency");
  const requests = await listRequests(viewer, { agencyOri: agency.ori, sort: "updated", pageSize: 100 });
  return json({ agency, requests });
}

export default function DirectoryAgency() {
  const { agency, requests } = useLoaderData<typeof loader>();
  const canFile = useCan("request.create");
  const canManage = useCan("agency.manage");
  const today = useToday();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/directory">Agency directory</Link> /
          </>
        }
        title={agency.name}
        meta={
          <>
            {AGENCY_TYPE_LABELS[agency.agencyType]} · {agency.state} · ORI {agency.ori}
          </>
        }
        actions={
          <ButtonGroup>
            {agency.agencyId ? (
              <Link to={`/agencies/${agency.agencyId}`} className="button button--secondary">
                Your agency page
              </Link>
            ) : null}
            {canFile && (agency.agencyId || agency.jurisdictionCode) ? (
              <Link to={agency.agencyId ? `/requests/new?agency=${agency.agencyId}` : `/requests/new?ori=${agency.ori}`} className="button">
                File a request
              </Link>
            ) : null}
            {canManage && !agency.agencyId && agency.jurisdictionCode ? (
              <Form method="post" action="/directory?index">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="ori" value={agency.ori} />
                <button type="submit" className="button button--secondary">
                  Add to our agencies
                </button>
              </Form>
            ) : null}
          </ButtonGroup>
        }
      />
      <div className="grid-2">
        <Card aria-labelledby="directory-facts">
          <h2 id="directory-facts">In the FBI's list</h2>
          <dl className="summary-list">
            <dt>ORI</dt>
            <dd>
              <code>{agency.ori}</code>
              {!agency.listed ? <span className="muted small"> (no longer in the current list)</span> : null}
            </dd>
            <dt>Name in the list</dt>
            <dd>{agency.fbiName}</dd>
            <dt>Type</dt>
            <dd>{DIRECTORY_TYPE_LABELS[agency.directoryType as DirectoryType]}</dd>
            <dt>County</dt>
            <dd>{agency.counties.length ? agency.counties.join(", ") : <span className="muted">Not specified</span>}</dd>
            <dt>Records law</dt>
            <dd>{agency.jurisdictionCode ? <Link to={`/laws/${agency.jurisdictionCode}`}>{agency.jurisdictionCode}</Link> : <span className="muted">None in JointAsk yet</span>}</dd>
            <dt>NIBRS since</dt>
            <dd>{agency.nibrsSince ?? (agency.isNibrs ? "Reports to NIBRS (start date unknown)" : <span className="muted">Not reporting to NIBRS</span>)}</dd>
            <dt>Location</dt>
            <dd>
              {agency.latitude !== null && agency.longitude !== null ? (
                `${agency.latitude.toFixed(3)}, ${agency.longitude.toFixed(3)} (approximate)`
              ) : (
                <span className="muted">Not given</span>
              )}
            </dd>
          </dl>
        </Card>
        <Card aria-labelledby="directory-requests">
          <h2 id="directory-requests">Requests you can see ({requests.total})</h2>
          <RequestsTable
            rows={requests.rows}
            today={today}
            empty={
              <EmptyState
                  inCard
                  title="No requests to this agency that you can see"
                  action={
                    <Link to={agency.agencyId ? `/requests/new?agency=${agency.agencyId}` : `/requests/new?ori=${agency.ori}`} className="button button--secondary">
                      File a request
                    </Link>
                  }
                >
                  Requests to it by your organization or shared by your coalition appear here, so you can see what was asked before.
                </EmptyState>
            }
          />
        </Card>
      </div>
    </>
  );
}
