import type { ReactNode } from "react";

/**
 * The top of every page: an optional breadcrumb trail, the h1, a meta line under it (subtitle, badges, who/when)
 * and the page's main actions on the right (below the title on a phone).
 */
export function PageHeader({
  title,
  titleClassName,
  meta,
  breadcrumb,
  actions,
  children,
}: {
  title: ReactNode;
  /** e.g. "file-name", for a title that may break anywhere */
  titleClassName?: string;
  meta?: ReactNode;
  breadcrumb?: ReactNode;
  actions?: ReactNode;
  /** More under the title (e.g. a second meta line); rendered after `meta`. */
  children?: ReactNode;
}) {
  return (
    <>
      {breadcrumb ? <p className="breadcrumb">{breadcrumb}</p> : null}
      <div className="page-header">
        <div>
          <h1 className={titleClassName}>{title}</h1>
          {meta ? <p className="page-header__meta">{meta}</p> : null}
          {children}
        </div>
        {actions}
      </div>
    </>
  );
}
