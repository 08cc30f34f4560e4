import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryEventType, type WebhookDeliveryStatus, type WebhookEventType } from "../../../db/schema/values";

// Browser-safe: what the settings page and the README say about webhooks.

export { WEBHOOK_EVENT_TYPES, type WebhookEventType };

export const WEBHOOK_EVENT_LABELS: Record<WebhookDeliveryEventType, string> = {
  "request.status_changed": "Status changed",
  "request.reply_received": "Reply received (an agency's email filed on a request)",
  "request.bounced": "Bounce (a letter to the agency bounced)",
  "request.field_received": "Field received (a field asked for marked received)",
  "request.due_date_changed": "Due date changed",
  "request.overdue": "Overdue (the day's overdue alert for a request)",
  ping: "Test (ping)",
};

export const WEBHOOK_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  pending: "Waiting",
  delivering: "Sending",
  delivered: "Delivered",
  failed: "Failed",
};

/** Waits before attempts 2, 3, …: 1 min, 5 min, 30 min, 2 h, 12 h; after the sixth failure it is marked failed. */
export const WEBHOOK_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000, 12 * 60 * 60_000] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** The delay before the next attempt after `attempts` failed ones; null when there is none left. */
export function webhookRetryDelayMs(attempts: number, maxAttempts: number = WEBHOOK_MAX_ATTEMPTS): number | null {
  if (attempts >= maxAttempts) return null;
  return WEBHOOK_RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), WEBHOOK_RETRY_DELAYS_MS.length) - 1]!;
}

/** How a receiver checks a delivery (shown on the settings page and in the README). */
export const VERIFICATION_SNIPPET = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a string or Buffer), before any JSON parsing.
export function verifyJointAsk(rawBody, signatureHeader, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(signatureHeader.split(",").map((p) => p.split("=", 2)));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${parts.t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;
