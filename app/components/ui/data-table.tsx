import type { ReactNode } from "react";

export type Column = ReactNode | { label: ReactNode; numeric?: boolean; className?: string };

function isColumnObject(c: Column): c is { label: ReactNode; numeric?: boolean; className?: string } {
  return typeof c === "object" && c !== null && "label" in c;
}

/**
 * A table of rows: the scroll wrapper (sideways inside itself, the first column kept in view; below 44rem each
 * row becomes a card whose cells are labelled by their `data-label`), an optional caption, the header row from
 * `columns` (or a `<thead>` of your own among the children), and, when `empty` is given and there are no rows,
 * one row saying so across all columns.
 *   <DataTable caption="Tokens" columns={["Name", { label: "Uses", numeric: true }]} empty={rows.length ? null : "No tokens yet"}>
 *     {rows.map(...)}
 *   </DataTable>
 * Children that are `<tr>`s go in a `<tbody>`; pass `bodyless` when the children already hold thead/tbody.
 */
export function DataTable({
  caption,
  captionClassName,
  columns,
  empty,
  className,
  wrapClassName,
  id,
  bodyless = false,
  scrollLabel,
  children,
}: {
  caption?: ReactNode;
  captionClassName?: string;
  columns?: Column[];
  /** Shown in one full-width row in place of the rows (pass it only when there are none). */
  empty?: ReactNode;
  className?: string;
  wrapClassName?: string;
  id?: string;
  bodyless?: boolean;
  /** For a wrapper that scrolls (e.g. `.preview-table`, which scrolls both ways): it becomes a focusable region with this name, so it scrolls from the keyboard. */
  scrollLabel?: string;
  children?: ReactNode;
}) {
  const span = columns?.length ?? 1;
  return (
    <div
      className={wrapClassName ? `table-wrap ${wrapClassName}` : "table-wrap"}
      {...(scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {})}
    >
      <table className={className ? `data ${className}` : "data"} id={id}>
        {caption ? <caption className={captionClassName}>{caption}</caption> : null}
        {columns ? (
          <thead>
            <tr>
              {columns.map((c, i) =>
                isColumnObject(c) ? (
                  <th key={i} scope="col" className={[c.numeric ? "num" : null, c.className].filter(Boolean).join(" ") || undefined}>
                    {c.label}
                  </th>
                ) : (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ),
              )}
            </tr>
          </thead>
        ) : null}
        {bodyless ? (
          children
        ) : (
          <tbody>
            {empty ? (
              <tr className="data__empty">
                <td colSpan={span}>{empty}</td>
              </tr>
            ) : (
              children
            )}
          </tbody>
        )}
      </table>
    </div>
  );
}
