import { formatNumber } from "~/components/ui/number-text";
import { Link, useLocation } from "@remix-run/react";

/** "1,234 requests" or "more than 10,000 requests": lists count exactly only up to a bound. */
export function countLabel(total: number, exact: boolean, noun: string, plural = `${noun}s`): string {
  if (!exact) return `More than ${formatNumber(total - 1)} ${plural}`;
  return `${formatNumber(total)} ${total === 1 ? noun : plural}`;
}

/**
 * Previous / next links of a keyset-paged list: each link is the current URL (filters and sort kept, so it can
 * be shared) with the other page's cursor, and without a page number.
 */
export function CursorPagination({
  total,
  totalExact,
  nextCursor,
  prevCursor,
  noun,
  plural,
  label = "Pages",
}: {
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
  noun: string;
  /** When the plural is not the noun with an s ("agencies"). */
  plural?: string;
  /** The navigation's name; a second copy under a long list needs its own. */
  label?: string;
}) {
  const location = useLocation();
  const hrefFor = (cursor: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    params.set("cursor", cursor);
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={label}>
      <span>{countLabel(total, totalExact, noun, plural)}</span>
      <span className="actions">
        {prevCursor ? (
          <Link className="button button--secondary" to={hrefFor(prevCursor)} rel="prev">
            ← Previous
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className="button button--secondary" to={hrefFor(nextCursor)} rel="next">
            Next →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
