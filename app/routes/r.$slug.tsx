import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { DeadlineSummary } from "~/components/deadline-card";
import { CoverageSummary, FieldStateBadge } from "~/components/request-fields";
import { StatusBadge } from "~/components/status-badge";
import { Timeline } from "~/components/timeline";
import type { DeadlineSnapshot } from "~/domain/deadlines.server";
import { DETAIL_LEVEL_LABELS, FILE_KIND_LABELS, FORMAT_LABELS, formatBytes } from "~/domain/field-states";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { getPublicRequest, type PublicTarget } from "~/domain/public-requests.server";
import { publicAgencyScorecard } from "~/domain/analytics.server";
import { Scorecard } from "~/components/scorecard";
import { isOpenStatus, STATUS_LABELS } from "~/domain/request-status";
import { describeDue, formatDate, formatInstant, todayIn } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";

function describeTarget(target: PublicTarget): string {
  if (target.kind === "vendor") return `${target.name} (vendor)`;
  return target.place ? `${target.name} (${target.place})` : target.name;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Not found · JointAsk" }];
  const { request, today } = data;
  const due = request.dueOn ? ` Due ${formatDate(request.dueOn, today)}.` : "";
  const filed = request.filedOn ? ` on ${formatDate(request.filedOn, today)}` : "";
  const summary = `${STATUS_LABELS[request.status]}: public-records request by ${request.organizationName} to ${describeTarget(request.target)}, filed${filed}.${due}`;
  const text = request.description.replace(/\s+/g, " ").trim();
  const description = `${summary} ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`.trim();
  return [
    { title: `${request.title} · Public records request · JointAsk` },
    { name: "description", content: description },
  ];
};

/** GET /r/:slug: a published request, no sign-in. Unknown, private, shared or embargoed: the same plain 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const request = await getPublicRequest(params.slug ?? "");
  if (!request) throw notFound();
  const today = todayIn(request.timeZone);
  // The agency's figures from published requests only: nothing private or shared is counted on a public page.
  const figures = await publicAgencyScorecard(params.slug ?? "", today);
  return json({ request, today, figures });
}

export default function PublicRequestPage() {
  const { request, today, figures } = useLoaderData<typeof loader>();
  const { target, ask } = request;
  const deadline = request.deadline as unknown as DeadlineSnapshot | null;
  const askSet = ask !== null && (ask.recordTypes.length > 0 || ask.detailLevel || ask.periodStart || ask.formats.length > 0 || ask.deidentify);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/r">Public requests</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1>{request.title}</h1>
          <p className="page-header__meta">
            <StatusBadge status={request.status} /> · filed by {request.organizationName} with {describeTarget(target)}
            {request.dueOn && isOpenStatus(request.status) ? <> · {describeDue(request.dueOn, today)}</> : null}
          </p>
        </div>
      </div>

      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="asked-heading">
            <h2 id="asked-heading">What is asked</h2>
            <p className="prose">{request.description}</p>
            {askSet && ask ? (
              <dl className="summary-list">
                {ask.recordTypes.length ? (
                  <>
                    <dt>Record types</dt>
                    <dd>{ask.recordTypes.join(", ")}</dd>
                  </>
                ) : null}
                {ask.detailLevel ? (
                  <>
                    <dt>Detail level</dt>
                    <dd>{DETAIL_LEVEL_LABELS[ask.detailLevel]}</dd>
                  </>
                ) : null}
                {ask.periodStart ? (
                  <>
                    <dt>Period</dt>
                    <dd>
                      {formatDate(ask.periodStart, today)} to {ask.periodEnd ? formatDate(ask.periodEnd, today) : "the present"}
                    </dd>
                  </>
                ) : null}
                {ask.formats.length ? (
                  <>
                    <dt>Format wanted</dt>
                    <dd>{ask.formats.map((f) => FORMAT_LABELS[f]).join(", ")}</dd>
                  </>
                ) : null}
                {ask.deidentify ? (
                  <>
                    <dt>De-identification</dt>
                    <dd>{ask.deidentifyNotes || "Asked for de-identified data"}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
          </section>

          {request.fields.length > 0 ? (
            <section className="card" aria-labelledby="fields-heading">
              <h2 id="fields-heading">Fields asked</h2>
              {request.byState ? <CoverageSummary coverage={request.coverage} byState={request.byState} /> : null}
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Each field asked and what came back</caption>
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">What came back</th>
                    </tr>
                  </thead>
                  <tbody>
                    {request.fields.map((f) => (
                      <tr key={`${f.recordTypeName}:${f.key}`}>
                        <td>
                          <span className="row-title">{f.label}</span>
                          <div className="muted small">{f.recordTypeName}</div>
                        </td>
                        <td data-label="What came back">
                          <FieldStateBadge state={f.state} />
                          {f.stateNote ? <div className="small">{f.stateNote}</div> : null}
                          {f.stateFileName ? <div className="muted small file-name">From the file {f.stateFileName}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <section className="card" aria-labelledby="files-heading">
            <h2 id="files-heading">Files received</h2>
            {request.files.length > 0 ? (
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Files received from the agency, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">File</th>
                      <th scope="col">Type</th>
                      <th scope="col" className="num">
                        Size
                      </th>
                      <th scope="col">Received</th>
                    </tr>
                  </thead>
                  <tbody>
                    {request.files.map((f) => (
                      <tr key={f.id}>
                        <td>
                          <a href={f.downloadUrl} download className="row-title file-name">
                            {f.name}
                          </a>
                          <div className="muted small hash">
                            SHA-256 <code>{f.sha256}</code>
                          </div>
                        </td>
                        <td data-label="Type">{FILE_KIND_LABELS[f.kind]}</td>
                        <td data-label="Size" className="num">
                          {formatBytes(f.sizeBytes)}
                        </td>
                        <td data-label="Received">{formatInstant(f.receivedAt, request.timeZone)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">No files have been published for this request.</p>
            )}
          </section>

          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <Timeline events={request.timeline} timeZone={request.timeZone} audience="public" />
          </section>
        </div>

        <div>
          <section className="card" aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <dl className="summary-list">
              <dt>Status</dt>
              <dd>
                <StatusBadge status={request.status} />
              </dd>
              <dt>Filed by</dt>
              <dd>{request.organizationName}</dd>
              {target.kind === "vendor" ? (
                <>
                  <dt>Vendor</dt>
                  <dd>{target.name}</dd>
                </>
              ) : (
                <>
                  <dt>Agency</dt>
                  <dd>
                    {target.name}
                    {target.agencyType ? <div className="muted small">{AGENCY_TYPE_LABELS[target.agencyType]}</div> : null}
                  </dd>
                  {target.place ? (
                    <>
                      <dt>Place</dt>
                      <dd>{target.place}</dd>
                    </>
                  ) : null}
                </>
              )}
              <dt>Law</dt>
              <dd>
                {deadline?.lawName ? (
                  <>
                    {deadline.lawName}
                    {deadline.citation ? <div className="muted small">{deadline.citation}</div> : null}
                  </>
                ) : (
                  <span className="muted">Not known yet</span>
                )}
              </dd>
              <dt>Filed</dt>
              <dd>{request.filedOn ? formatDate(request.filedOn, today) : <span className="muted">Not filed yet</span>}</dd>
              <dt>Published</dt>
              <dd>{formatInstant(request.publishedAt, request.timeZone)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">Deadline</h2>
            <DeadlineSummary status={request.status} receivedOn={request.receivedOn} deadline={deadline} today={today} />
          </section>
          {figures && target.kind === "agency" ? (
            <Scorecard id="agency-figures" title={`How ${target.name} answers`} figures={figures} scope="From the requests to this agency published here (public requests only)." />
          ) : null}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status !== 404) {
    return (
      <div className="card" role="alert">
        <p className="muted small">Error {status}</p>
        <h1>Something went wrong</h1>
        <p>The error has been logged. Try again in a moment.</p>
        <p>
          <Link to="/r">Public requests</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="card" role="alert">
      <p className="muted small">Error 404</p>
      <h1>No public request here</h1>
      <p>There is no published request at this address. Check the address, or look through the public requests.</p>
      <p>
        <Link to="/r">Public requests</Link>
      </p>
    </div>
  );
}
