import { Card } from "~/components/ui/card";
import { DeadlineSummary } from "~/components/deadline-card";
import { DateText } from "~/components/date-text";
import { CoverageSummary, FieldStateBadge } from "~/components/request-fields";
import { StatusBadge } from "~/components/status-badge";
import { Timeline } from "~/components/timeline";
import type { DeadlineSnapshot } from "~/domain/deadlines.server";
import { DETAIL_LEVEL_LABELS, FILE_KIND_LABELS, FORMAT_LABELS, formatBytes } from "~/domain/field-states";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import type { PublicRequest } from "~/domain/public-requests.server";
import type { SerializeFrom } from "@remix-run/node";

/**
 * What anyone reads of a published request below its title: what is asked, the fields and what came back, the
 * files, the timeline, the summary and the deadline. The public page and the publishing preview both render it,
 * so the preview shows exactly what publishing exposes.
 */
export function PublicRequestBody({ request, today }: { request: SerializeFrom<PublicRequest>; today: string }) {
  const { target, ask } = request;
  const deadline = request.deadline as unknown as DeadlineSnapshot | null;
  const askSet = ask !== null && (ask.recordTypes.length > 0 || ask.detailLevel || ask.periodStart || ask.formats.length > 0 || ask.deidentify);
  return (
    <div className="grid-2">
      <div>
        <Card aria-labelledby="asked-heading">
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
                    <DateText date={ask.periodStart} today={today} /> to {ask.periodEnd ? <DateText date={ask.periodEnd} today={today} /> : "the present"}
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
        </Card>

        {request.fields.length > 0 ? (
          <Card aria-labelledby="fields-heading">
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
          </Card>
        ) : null}

        <Card aria-labelledby="files-heading">
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
                      <td data-label="Received"><DateText instant={f.receivedAt} timeZone={request.timeZone} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">No files have been published for this request.</p>
          )}
        </Card>

        <Card aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Timeline</h2>
          <Timeline events={request.timeline} timeZone={request.timeZone} audience="public" />
        </Card>
      </div>

      <div>
        <Card aria-labelledby="summary-heading">
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
            <dd>{request.filedOn ? <DateText date={request.filedOn} today={today} /> : <span className="muted">Not filed yet</span>}</dd>
            <dt>Published</dt>
            <dd><DateText instant={request.publishedAt} timeZone={request.timeZone} /></dd>
          </dl>
        </Card>
        <Card aria-labelledby="deadline-heading">
          <h2 id="deadline-heading">Deadline</h2>
          <DeadlineSummary status={request.status} receivedOn={request.receivedOn} deadline={deadline} today={today} />
        </Card>
      </div>
    </div>
  );
}
