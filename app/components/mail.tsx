import { NavLink } from "@remix-run/react";
import type { InboundStatus, MailClassification, OutboxStatus } from "../../db/schema/values";
import { CLASSIFICATION_LABELS } from "~/domain/mail/classify";
import { INBOUND_STATUS_LABELS, OUTBOX_STATUS_LABELS, OUTBOX_STATUS_TONES } from "~/domain/mail/labels";

export function OutboxStatusBadge({ status, retrying = false }: { status: OutboxStatus; retrying?: boolean }) {
  if (retrying && status === "queued") return <span className="badge badge--waiting">Retrying</span>;
  return <span className={`badge badge--${OUTBOX_STATUS_TONES[status]}`}>{OUTBOX_STATUS_LABELS[status]}</span>;
}

const INBOUND_TONES: Record<InboundStatus, string> = { filed: "success", review: "waiting", discarded: "muted" };

export function InboundStatusBadge({ status }: { status: InboundStatus }) {
  return <span className={`badge badge--${INBOUND_TONES[status]}`}>{INBOUND_STATUS_LABELS[status]}</span>;
}

const CLASSIFICATION_TONES: Record<MailClassification, string> = { reply: "info", auto_reply: "muted", bounce: "danger" };

/** Reply, automatic reply or bounce, in words and colour. */
export function ClassificationBadge({ classification }: { classification: MailClassification }) {
  return <span className={`badge badge--${CLASSIFICATION_TONES[classification]}`}>{CLASSIFICATION_LABELS[classification]}</span>;
}

/** Tabs between the mail pages. */
export function MailNav({ reviewCount }: { reviewCount?: number }) {
  return (
    <nav className="tabs" aria-label="Mail">
      <NavLink to="/outbox">Outbox</NavLink>
      <NavLink to="/inbox" end>
        Inbox
      </NavLink>
      <NavLink to="/inbox/review">
        To review{reviewCount ? <span className="count"> ({reviewCount})</span> : null}
      </NavLink>
      <NavLink to="/settings/email">Email preferences</NavLink>
    </nav>
  );
}
