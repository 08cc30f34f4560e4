import type { ReactNode } from "react";

/** Buttons and links for one decision, in a row that wraps: the first is the main one (`.button`), the rest `.button--secondary`/`--quiet`. */
export function ButtonGroup({ children, className, as: Tag = "div", label }: { children: ReactNode; className?: string; as?: "div" | "p"; label?: string }) {
  return (
    <Tag className={className ? `actions ${className}` : "actions"} role={label ? "group" : undefined} aria-label={label}>
      {children}
    </Tag>
  );
}
