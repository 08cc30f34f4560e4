import { randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { webhookDeliveries, webhookEndpoints } from "../../../db/schema";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { isUuid } from "../request-events.server";
import { fail, ok, type FieldErrors, type Result } from "../results";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./labels";
import { targetProblem } from "./targets.server";
import { notifyWebhooks } from "./signal.server";

// An organization's webhook endpoints and their deliveries. Every function is scoped to the viewer's
// organization; callers check the permission (webhooks.manage; org.settings to reveal a secret).

const MAX_ENDPOINTS = 20;

export const webhookEndpointSchema = z.object({
  url: z
    .string({ error: "Enter the endpoint's address" })
    .trim()
    .min(1, "Enter the endpoint's address")
    .max(2000, "At most 2,000 characters")
    .refine((value) => URL.canParse(value), "Enter a full address, e.g. https://hooks.example.org/jointask"),
  description: z.string().trim().max(200, "At most 200 characters").default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list" }), { error: "Choose at least one event" })
    .min(1, "Choose at least one event")
    .transform((events) => [...new Set(events)].sort()),
  enabled: z.boolean().default(true),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;

function errorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** Parses and checks an endpoint (its address resolved and judged): the field errors, or the clean values. */
export async function parseEndpointInput(input: unknown): Promise<Result<z.output<typeof webhookEndpointSchema>>> {
  const parsed = webhookEndpointSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: errorsOf(parsed.error) };
  const problem = await targetProblem(new URL(parsed.data.url));
  if (problem) return fail("url", problem);
  return ok({ ...parsed.data, url: new URL(parsed.data.url).href });
}

const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

export async function listEndpoints(viewer: Pick<Viewer, "organizationId">, db: Executor = defaultDb) {
  const rows = await db
    .select({
      ...endpointColumns,
      // Correlated on the outer row by name: drizzle would write the outer column unqualified here.
      failed: sql<number>`(select count(*)::int from webhook_deliveries d where d.endpoint_id = "webhook_endpoints"."id" and d.status = 'failed')`,
      lastDeliveredAt: sql<string | null>`(select max(d.delivered_at) from webhook_deliveries d where d.endpoint_id = "webhook_endpoints"."id")`,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, viewer.organizationId))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  return rows.map((r) => ({ ...r, events: r.events as WebhookEventType[], lastDeliveredAt: r.lastDeliveredAt ? new Date(r.lastDeliveredAt) : null }));
}
export type WebhookEndpointRow = Awaited<ReturnType<typeof listEndpoints>>[number];

export async function getEndpoint(viewer: Pick<Viewer, "organizationId">, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, viewer.organizationId)));
  return row ? { ...row, events: row.events as WebhookEventType[] } : null;
}

/** Adds an endpoint; its secret is returned here, once (admins may reveal it later). */
export async function createEndpoint(
  viewer: Pick<Viewer, "id" | "organizationId">,
  input: unknown,
  db: Executor = defaultDb,
): Promise<Result<{ id: string; secret: string }>> {
  const parsed = await parseEndpointInput(input);
  if (!parsed.ok) return parsed;
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, viewer.organizationId))) as [{ n: number }];
  if (n >= MAX_ENDPOINTS) return fail("url", `An organization can have at most ${MAX_ENDPOINTS} endpoints: delete one first`);
  const secret = newSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ organizationId: viewer.organizationId, ...parsed.value, secret, createdById: viewer.id, updatedById: viewer.id })
    .returning({ id: webhookEndpoints.id });
  return ok({ id: row!.id, secret });
}

export async function updateEndpoint(
  viewer: Pick<Viewer, "id" | "organizationId">,
  id: string,
  input: unknown,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }> | null> {
  if (!(await getEndpoint(viewer, id, db))) return null;
  const parsed = await parseEndpointInput(input);
  if (!parsed.ok) return parsed;
  await db
    .update(webhookEndpoints)
    .set({ ...parsed.value, updatedById: viewer.id })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, viewer.organizationId)));
  return ok({ id });
}

export async function setEndpointEnabled(viewer: Pick<Viewer, "id" | "organizationId">, id: string, enabled: boolean, db: Executor = defaultDb): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .update(webhookEndpoints)
    .set({ enabled, updatedById: viewer.id })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, viewer.organizationId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length === 1;
}

/** Deletes the endpoint and its delivery log. */
export async function deleteEndpoint(viewer: Pick<Viewer, "organizationId">, id: string, db: Executor = defaultDb): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, viewer.organizationId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length === 1;
}

/** The endpoint's signing secret (admins only: the caller checks org.settings); `rotate` replaces it first. */
export async function endpointSecret(
  viewer: Pick<Viewer, "id" | "organizationId">,
  id: string,
  options: { rotate?: boolean } = {},
  db: Executor = defaultDb,
): Promise<string | null> {
  if (!isUuid(id)) return null;
  const where = and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, viewer.organizationId));
  const [row] = options.rotate
    ? await db.update(webhookEndpoints).set({ secret: newSecret(), updatedById: viewer.id }).where(where).returning({ secret: webhookEndpoints.secret })
    : await db.select({ secret: webhookEndpoints.secret }).from(webhookEndpoints).where(where);
  return row?.secret ?? null;
}

/**
 * Queues an event of a request for each enabled endpoint of the request's organization subscribed to it, once
 * per (endpoint, key). Call it in the transaction that decides the event. Timeline events are queued by the
 * request_events trigger (migration 0025); this is for events that aren't on the timeline (overdue).
 */
export async function enqueueRequestWebhook(
  tx: Executor,
  event: { type: WebhookEventType; key: string; requestId: string; change?: Record<string, unknown> },
): Promise<number> {
  const rows = await tx.execute(sql`
    insert into ${webhookDeliveries} (organization_id, endpoint_id, event_type, event_key, request_id, payload)
    select e.organization_id, e.id, ${event.type}, ${event.key}, r.id,
           jsonb_build_object('request', webhook_request_snapshot(r.id), 'change', ${JSON.stringify(event.change ?? {})}::jsonb)
      from ${webhookEndpoints} e join requests r on r.organization_id = e.organization_id
     where r.id = ${event.requestId} and e.enabled and ${event.type} = any (e.events)
    on conflict (endpoint_id, event_key) do nothing
    returning id`);
  const count = Array.isArray(rows) ? rows.length : ((rows as { rows?: unknown[] }).rows?.length ?? 0);
  return count;
}

/** "Send test": a ping queued for the endpoint now, delivered at once by the worker through the same queue. */
export async function queuePing(viewer: Pick<Viewer, "id" | "organizationId" | "organizationName">, id: string, db: Executor = defaultDb): Promise<string | null> {
  const endpoint = await getEndpoint(viewer, id, db);
  if (!endpoint) return null;
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      organizationId: viewer.organizationId,
      endpointId: endpoint.id,
      eventType: "ping",
      eventKey: `ping:${randomUUID()}`,
      payload: { organization: { id: viewer.organizationId, name: viewer.organizationName }, message: "A test delivery from JointAsk." },
    })
    .returning({ id: webhookDeliveries.id });
  notifyWebhooks();
  return row!.id;
}

/** Queues a failed (or delivered) delivery again, from its first attempt, with the same id and payload. */
export async function redeliver(viewer: Pick<Viewer, "organizationId">, deliveryId: string, db: Executor = defaultDb): Promise<boolean> {
  if (!isUuid(deliveryId)) return false;
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, failedAt: null, lockedUntil: null, leaseToken: null })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.organizationId, viewer.organizationId),
        or(eq(webhookDeliveries.status, "failed"), eq(webhookDeliveries.status, "delivered")),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (rows.length) notifyWebhooks();
  return rows.length === 1;
}

export const DELIVERY_PAGE = 50;

/** "<UTC instant to the microsecond>_<uuid>": the last row of a page of the delivery log. */
export function parseDeliveryCursor(value: string | null): { createdAt: string; id: string } | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f-]{36})$/i.exec(value);
  if (!match || Number.isNaN(new Date(match[1]!).getTime()) || !isUuid(match[2])) return null;
  return { createdAt: match[1]!, id: match[2]! };
}

// created_at to the microsecond: a JavaScript Date would cut it to the millisecond and skip rows.
const createdAtText = sql<string>`to_char(${webhookDeliveries.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of an endpoint's delivery log, newest first, keyset-paginated on (created_at, id). */
export async function listDeliveries(
  viewer: Pick<Viewer, "organizationId">,
  endpointId: string,
  before: { createdAt: string; id: string } | null,
  db: Executor = defaultDb,
) {
  if (!isUuid(endpointId)) return { rows: [], next: null };
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      maxAttempts: webhookDeliveries.maxAttempts,
      createdAt: webhookDeliveries.createdAt,
      occurredAt: webhookDeliveries.occurredAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      requestId: webhookDeliveries.requestId,
      reference: sql<string | null>`${webhookDeliveries.payload}->'request'->>'reference'`,
      cursor: createdAtText,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.organizationId, viewer.organizationId),
        before
          ? sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_PAGE + 1);
  const page = rows.slice(0, DELIVERY_PAGE);
  const last = page.at(-1);
  return { rows: page, next: rows.length > DELIVERY_PAGE && last ? `${last.cursor}_${last.id}` : null };
}
