import { NavLink, useLocation } from "@remix-run/react";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { InboundStatus, MailClassification, OutboxStatus } from "../../db/schema/values";
import { CLASSIFICATION_LABELS } from "~/domain/mail/classify";
import { INBOUND_STATUS_LABELS, OUTBOX_STATUS_LABELS, OUTBOX_STATUS_TONES } from "~/domain/mail/labels";

export function OutboxStatusBadge({ status, retrying = false }: { status: OutboxStatus; retrying?: boolean }) {
  if (retrying && status === "queued") return <Badge tone="waiting">Retrying</Badge>;
  return <Badge tone={OUTBOX_STATUS_TONES[status]}>{OUTBOX_STATUS_LABELS[status]}</Badge>;
}

const INBOUND_TONES: Record<InboundStatus, BadgeTone> = { filed: "success", review: "waiting", discarded: "muted" };

export function InboundStatusBadge({ status }: { status: InboundStatus }) {
  return <Badge tone={INBOUND_TONES[status]}>{INBOUND_STATUS_LABELS[status]}</Badge>;
}

const CLASSIFICATION_TONES: Record<MailClassification, BadgeTone> = { reply: "info", auto_reply: "muted", bounce: "danger" };

/** Reply, automatic reply or bounce, in words and colour. */
export function ClassificationBadge({ classification }: { classification: MailClassification }) {
  return <Badge tone={CLASSIFICATION_TONES[classification]}>{CLASSIFICATION_LABELS[classification]}</Badge>;
}

/** Tabs between the mail pages. */
export function MailNav({ reviewCount }: { reviewCount?: number }) {
  const inReview = useLocation().pathname.startsWith("/inbox/review");
  return (
    <nav className="tabs" aria-label="Mail">
      <NavLink to="/outbox">Outbox</NavLink>
      {/* The inbox and its messages, not the review queue (its own tab). */}
      <NavLink
        to="/inbox"
        aria-current={inReview ? false : "page"}
        className={({ isActive }) => (isActive && !inReview ? "active" : undefined)}
      >
        Inbox
      </NavLink>
      <NavLink to="/inbox/review">
        To review{reviewCount ? <span className="count"> ({reviewCount})</span> : null}
      </NavLink>
      <NavLink to="/settings/email">Email preferences</NavLink>
    </nav>
  );
}
