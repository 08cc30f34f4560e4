import type { InboundStatus, LetterKind, MailKind, OutboxStatus } from "../../../db/schema/values";

// Words for mail values, shared by pages, the timeline and the browser bundle.

export const LETTER_LABELS: Record<LetterKind, string> = {
  request_letter: "Request letter",
  follow_up: "Follow-up",
  appeal: "Appeal",
};

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  ...LETTER_LABELS,
  digest: "Daily digest",
  overdue_alert: "Overdue alert",
  test: "Test message",
  user_invitation: "Invitation",
  password_reset: "Password reset",
  coalition_invitation: "Coalition invitation",
};

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
};

/** The outbox page's filters: "queued" covers messages waiting or being sent. */
export const OUTBOX_FILTERS = ["all", "queued", "failed", "sent"] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

export const OUTBOX_STATUS_TONES: Record<OutboxStatus, "info" | "waiting" | "success" | "danger"> = {
  queued: "info",
  sending: "waiting",
  sent: "success",
  failed: "danger",
};

export const INBOUND_STATUS_LABELS: Record<InboundStatus, string> = {
  filed: "Filed",
  review: "To review",
  discarded: "Discarded",
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
