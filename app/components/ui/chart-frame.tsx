import type { ReactNode } from "react";
import { Card } from "./card";

/** The numbers behind a chart: a title, the header row, and rows whose first cell names the row. */
export interface ChartTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

/** Longer tables start folded (a click opens them; the CSV has the same rows). */
const OPEN_TABLE_ROWS = 12;

/**
 * One chart as a section of a page: its title (an h2 naming the section), a line saying what it counts and in
 * which units, the chart (a `figure.chart` from `charts.tsx`, whose caption gives n), the same numbers as a table
 * (folded when long, scrolling sideways inside itself) and a link to them as CSV.
 *   <ChartFrame id="by-agency" title="Days to first response, by agency" units="calendar days"
 *     chart={<BoxChart … />} table={tables.agencies} csvHref="/analytics.csv?table=agencies" />
 * Without `chart` it is a table with its CSV (e.g. figures that draw badly).
 */
export function ChartFrame({
  id,
  title,
  intro,
  units,
  chart,
  table,
  csvHref,
  emptyText = "No requests in these filters.",
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  units?: string;
  chart?: ReactNode;
  table: ChartTable;
  csvHref: string;
  emptyText?: string;
}) {
  const tableBlock = <ChartDataTable table={table} csvHref={csvHref} emptyText={emptyText} />;
  return (
    <Card id={id} title={title}>
      {intro || units ? (
        <p className="muted small">
          {intro}
          {intro && units ? " " : null}
          {units ? <>Units: {units}.</> : null}
        </p>
      ) : null}
      {chart ? (
        <div className="chart-block">
          <div>{chart}</div>
          {tableBlock}
        </div>
      ) : (
        tableBlock
      )}
    </Card>
  );
}

function ChartDataTable({ table, csvHref, emptyText }: { table: ChartTable; csvHref: string; emptyText: string }) {
  return (
    <div className="chart-table">
      <details open={table.rows.length <= OPEN_TABLE_ROWS}>
        <summary>
          Table: {table.title.toLowerCase()} ({table.rows.length} {table.rows.length === 1 ? "row" : "rows"})
        </summary>
        {/* Wide tables scroll sideways; the region takes keyboard focus so it can be scrolled without a mouse. */}
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`${table.title} (table)`}>
          <table className="data">
            <caption className="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr className="data__empty">
                  <td colSpan={table.header.length}>{emptyText}</td>
                </tr>
              ) : (
                table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={j} data-label={table.header[j]}>
                          {cell === "" ? "–" : cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={csvHref} download>
          Download CSV
        </a>{" "}
        <span className="muted small">(the same numbers)</span>
      </p>
    </div>
  );
}
