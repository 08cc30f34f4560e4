import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps } from "./columns";
import { requests } from "./requests";
import type { WebhookDeliveryStatus } from "./values";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * An organization's HTTPS endpoint for webhook deliveries: the events it wants, and the shared secret each
 * delivery is signed with (HMAC-SHA256; kept as is because signing needs it, shown to admins on request).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** WEBHOOK_EVENT_TYPES subscribed to. */
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    secret: text("secret").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.organizationId, t.createdAt)],
);

/**
 * One event for one endpoint, written in the transaction that caused the event (request_events' trigger, the
 * reminders' overdue pass, "Send test") and delivered by the webhook worker. The (endpoint, event key) unique
 * index makes each event go to each endpoint once; the lease (status 'delivering', locked_until, lease_token)
 * keeps two workers from sending it twice. `payload` is the event as of its transaction; the worker adds the
 * delivery id and links when it sends.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    /** What makes the event unique: "event:<request_events.id>", "overdue:<request>:<due date>", "ping:<uuid>". */
    eventKey: text("event_key").notNull(),
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "set null" }),
    occurredAt: instant("occurred_at").notNull().defaultNow(),
    payload: jsonb("payload").notNull().$type<Record<string, unknown>>(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(6),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    leaseToken: uuid("lease_token"),
    lastAttemptAt: instant("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    /** The first 1 KB of the endpoint's last answer. */
    lastResponse: text("last_response"),
    deliveredAt: instant("delivered_at"),
    failedAt: instant("failed_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_unique").on(t.endpointId, t.eventKey),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_log_idx").on(t.endpointId, t.createdAt, t.id),
    check("webhook_deliveries_status", sql`${t.status} in ('pending', 'delivering', 'delivered', 'failed')`),
  ],
);
