import { NavLink } from "@remix-run/react";
import type { InboundStatus, OutboxStatus } from "../../db/schema/values";
import { INBOUND_STATUS_LABELS, OUTBOX_STATUS_LABELS, OUTBOX_STATUS_TONES } from "~/domain/mail/labels";

export function OutboxStatusBadge({ status, retrying = false }: { status: OutboxStatus; retrying?: boolean }) {
  if (retrying && status === "queued") return <span className="badge badge--waiting">Retrying</span>;
  return <span className={`badge badge--${OUTBOX_STATUS_TONES[status]}`}>{OUTBOX_STATUS_LABELS[status]}</span>;
}

const INBOUND_TONES: Record<InboundStatus, string> = { filed: "success", review: "waiting", discarded: "muted" };

export function InboundStatusBadge({ status }: { status: InboundStatus }) {
  return <span className={`badge badge--${INBOUND_TONES[status]}`}>{INBOUND_STATUS_LABELS[status]}</span>;
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
