import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { FieldStateBadge } from "~/components/request-fields";
import { describeCoverage } from "~/domain/field-states";
import type { CoverageMatrix } from "~/domain/fields.server";

/**
 * The city-by-field grid of a joint ask: one row per request (a row header naming the agency or vendor), one
 * column per field asked, each cell the field's state as a badge (its words and its colour), and a last row
 * counting, per field, how many of the requests that asked it got it.
 */
export function CoverageMatrixTable({ matrix }: { matrix: SerializeFrom<CoverageMatrix> }) {
  const { fields, rows } = matrix;
  if (fields.length === 0) {
    return <p className="muted">No fields are asked by these requests yet. Choose fields when starting a joint ask, or on each request's page.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="data coverage-matrix">
        <caption className="visually-hidden">What came back for each field asked, by request</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
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
          {rows.map((r) => (
            <tr key={r.requestId}>
              <th scope="row">
                <Link to={`/requests/${r.requestId}`}>{r.targetName}</Link>
                <div className="muted small">
                  #{r.number}
                  {r.isVendor ? " · vendor" : r.jurisdictionName ? ` · ${r.jurisdictionName}` : ""}
                </div>
              </th>
              {fields.map((f) => {
                const state = r.states[f.id];
                return (
                  <td key={f.id} data-label={f.label}>
                    {state ? <FieldStateBadge state={state} /> : <span className="muted small">Not asked</span>}
                  </td>
                );
              })}
              <td data-label="Coverage">{describeCoverage(r.coverage)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Received</th>
            {fields.map((f) => {
              const asked = rows.filter((r) => r.states[f.id] != null).length;
              const received = rows.filter((r) => r.states[f.id] === "received").length;
              return (
                <td key={f.id} data-label={`${f.label} received`}>
                  {received} of {asked}
                </td>
              );
            })}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
