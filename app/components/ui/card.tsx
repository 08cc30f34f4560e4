import type { ComponentPropsWithoutRef, ReactNode } from "react";

/**
 * A framed block of a page. With `title`, an h2 (id `${id}-heading` when `id` is given, labelling the section);
 * `tone` colours the frame for a warning or a danger.
 */
export function Card({
  title,
  tone,
  as: Tag = "section",
  className,
  children,
  id,
  ...rest
}: {
  title?: ReactNode;
  tone?: "warning" | "danger";
  as?: "section" | "div" | "aside";
  children?: ReactNode;
} & Omit<ComponentPropsWithoutRef<"section">, "title">) {
  const headingId = title && id ? `${id}-heading` : undefined;
  const classes = ["card", tone ? `card--${tone}` : null, className].filter(Boolean).join(" ");
  return (
    <Tag className={classes} id={id} aria-labelledby={headingId} {...rest}>
      {title ? <h2 id={headingId}>{title}</h2> : null}
      {children}
    </Tag>
  );
}
