import type { ReactNode } from "react";

/**
 * What a page or list shows when it has nothing yet: a title saying what is missing, a sentence on what the place
 * is for, and the next step (a link or a button). Inside a card, pass `inCard` to drop its own frame.
 */
export function EmptyState({ title, children, action, inCard = false }: { title: string; children?: ReactNode; action?: ReactNode; inCard?: boolean }) {
  return (
    <div className={inCard ? "empty-state empty-state--in-card" : "card empty-state"}>
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="actions empty-state__actions">{action}</div> : null}
    </div>
  );
}
