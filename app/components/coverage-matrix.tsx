import { requestReference } from "~/domain/request-reference";
import type { SerializeFrom } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { Link } from "@remix-run/react";
import { FieldStateBadge } from "~/components/request-fields";
import { describeCoverage } from "~/domain/field-states";
import type { CoverageMatrix } from "~/domain/fields.server";
import { FIELD_STATES } from "../../db/schema/field-values";

/** Beyond this many field columns the grid is wider than most screens: say so above it. */
const COLUMNS_IN_VIEW = 6;


/**
 * The city-by-field grid of a joint ask: one row per request (a row header naming the agency or vendor, and the
 * period its data covers), one column per field asked, each cell the field's state as a badge (its words and its
 * colour), the totals per city at the end of each row and per field in the last row. The row and column headers
 * stay in view while the grid scrolls both ways; a line above it and a shadow at its edge say more columns exist.
 */
export function CoverageMatrixTable({
  matrix,
  periods,
  ownOrganizationName,
  csvHref,
}: {
  matrix: SerializeFrom<CoverageMatrix>;
  /** The period each request's data covers, by request id, when its files were profiled. */
  periods?: Record<string, { from: string; to: string } | null>;
  /** Rows of other organizations (coalition partners) name theirs. */
  ownOrganizationName?: string;
  csvHref?: string;
}) {
  const { fields, rows } = matrix;
  if (fields.length === 0) {
    return <p className="muted">No fields are asked by these requests yet. Choose fields when starting a joint ask, or on each request's page.</p>;
  }
  const more = fields.length > COLUMNS_IN_VIEW;
  const totalReceived = rows.reduce((n, r) => n + r.coverage.received, 0);
  const totalAsked = rows.reduce((n, r) => n + r.coverage.total, 0);
  return (
    <>
      <p className="grid-cue">
        <strong>
          {fields.length} {fields.length === 1 ? "field" : "fields"} × {rows.length} {rows.length === 1 ? "request" : "requests"}
        </strong>
        {more ? <span> · scroll sideways for all {fields.length} field columns →</span> : null}
        {csvHref ? (
          <>
            {" · "}
            <a href={csvHref} download>
              Download the grid (CSV)
            </a>
          </>
        ) : null}
      </p>
      <ul className="grid-legend" aria-label="States">
        {FIELD_STATES.map((s) => (
          <li key={s}>
            <FieldStateBadge state={s} />
          </li>
        ))}
      </ul>
      <div className="grid-scroll" role="region" aria-label="The grid, scrolling both ways" tabIndex={0}>
        <table className="data coverage-matrix">
          <caption className="visually-hidden">What came back for each field asked, by request</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Period delivered</th>
              {fields.map((f) => (
                <th key={f.id} scope="col">
                  {f.label}
                  <span className="coverage-matrix__type">{f.recordTypeName}</span>
                </th>
              ))}
              <th scope="col">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const period = periods?.[r.requestId];
              return (
                <tr key={r.requestId}>
                  <th scope="row">
                    <Link to={`/requests/${r.requestId}`}>{r.targetName}</Link>
                    <div className="muted small">
                      {requestReference(r)}
                      {r.isVendor ? " · vendor" : r.jurisdictionName ? ` · ${r.jurisdictionName}` : ""}
                      {ownOrganizationName && r.organizationName !== ownOrganizationName ? ` · ${r.organizationName}` : ""}
                    </div>
                  </th>
                  <td data-label="Period delivered" className="nowrap">
                    {period ? (
                      <>
                        <DateText date={period.from} as="month" /> – <DateText date={period.to} as="month" />
                      </>
                    ) : (
                      <span className="muted small">—</span>
                    )}
                  </td>
                  {fields.map((f) => {
                    const state = r.states[f.id];
                    return (
                      <td key={f.id} data-label={f.label}>
                        {state === "not_yet" ? (
                          // Waiting is the usual state: quiet text, so what came back (or was refused) stands out.
                          <span className="grid-pending">Not yet</span>
                        ) : state ? (
                          <FieldStateBadge state={state} />
                        ) : (
                          <span className="muted small">Not asked</span>
                        )}
                      </td>
                    );
                  })}
                  <td data-label="Coverage" className="nowrap">
                    {describeCoverage(r.coverage)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Received</th>
              <td />
              {fields.map((f) => {
                const asked = rows.filter((r) => r.states[f.id] != null).length;
                const received = rows.filter((r) => r.states[f.id] === "received").length;
                return (
                  <td key={f.id} data-label={`${f.label} received`}>
                    {received} of {asked}
                  </td>
                );
              })}
              <td className="nowrap">
                {totalReceived} of {totalAsked}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
