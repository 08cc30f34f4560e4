import { formatNumber } from "~/components/ui/number-text";
import { Badge } from "~/components/ui/badge";
import type { SerializeFrom } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { Link } from "@remix-run/react";
import type { DataReceivedRow } from "~/domain/profiles/campaign-data.server";

// Per city of a joint ask: the period covered by the data received, the rows, and what the profiles flag.

export function DataReceivedTable({ rows }: { rows: SerializeFrom<DataReceivedRow>[] }) {
  if (rows.length === 0) return <p className="muted">No requests.</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">Data received per city: period covered, rows and flags</caption>
        <thead>
          <tr>
            <th scope="col">City or vendor</th>
            <th scope="col">Period covered</th>
            <th scope="col">Rows received</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.requestId}>
              <th scope="row">
                <Link to={`/requests/${r.requestId}/files`}>{r.targetName}</Link>
                {r.jurisdictionName ? <div className="muted small">{r.jurisdictionName}</div> : null}
              </th>
              <td data-label="Period covered">
                {r.periodCovered ? (
                  <>
                    <DateText date={r.periodCovered.from} as="full" /> to <DateText date={r.periodCovered.to} as="full" />
                    {r.missing ? (
                      <div>
                        <Badge tone="partial">Missing</Badge> <span className="small">{r.missing}</span>
                      </div>
                    ) : r.periodAsked ? (
                      <div>
                        <Badge tone="success">Whole period</Badge>
                      </div>
                    ) : null}
                  </>
                ) : r.files ? (
                  <span className="muted">No dates in the data</span>
                ) : (
                  <span className="muted">No data yet</span>
                )}
                {r.profiling ? <div className="muted small">{r.profiling} {r.profiling === 1 ? "file" : "files"} being profiled</div> : null}
              </td>
              <td data-label="Rows received">
                {r.files ? formatNumber(r.rows) : <span className="muted">—</span>}
                {r.files ? (
                  <div className="muted small">
                    in {r.files} {r.files === 1 ? "file" : "files"}
                    {r.codeLists ? `, ${r.codeLists} code ${r.codeLists === 1 ? "list" : "lists"}` : ""}
                  </div>
                ) : null}
              </td>
              <td data-label="Flags">
                {r.flags.length ? (
                  <ul className="flag-list">
                    {r.flags.map((f) => (
                      <li key={f}>
                        <Badge tone="danger">Flag</Badge> <span className="small">{f}</span>
                      </li>
                    ))}
                  </ul>
                ) : r.files ? (
                  <span className="muted">None</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
