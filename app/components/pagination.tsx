import { Link, useLocation } from "@remix-run/react";

export function Pagination({ page, pageCount, total, noun }: { page: number; pageCount: number; total: number; noun: string }) {
  const location = useLocation();
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label="Pages">
      <span>
        {total} {total === 1 ? noun : `${noun}s`} · page {page} of {pageCount}
      </span>
      <span className="actions">
        {page > 1 ? (
          <Link className="button button--secondary" to={hrefFor(page - 1)} rel="prev">
            ← Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="button button--secondary" to={hrefFor(page + 1)} rel="next">
            Next →
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
