import type { ReactNode } from "react";
import type { StatusTone } from "~/domain/request-status";

export type BadgeTone = StatusTone;

/**
 * A short state in a pill: its words and a colour of the tone (a dot before the words, the text and the border in
 * the tone's colour). The words always say the state, so colour is never the only signal.
 *   <Badge tone="danger">Overdue</Badge>
 */
export function Badge({ tone, title, children }: { tone: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
