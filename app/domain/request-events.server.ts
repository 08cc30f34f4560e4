import { and, eq } from "drizzle-orm";
import { requestEvents, requests } from "../../db/schema";
import type { Executor, Transaction } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownRequests } from "./access.server";
import { inSlices } from "./batches";
import type { TimelineEventData } from "./timeline";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined | null): value is string => !!value && UUID.test(value);

/** Who an event is recorded as: a signed-in person, or the app itself (id null) acting for an organization. */
export interface EventActor {
  readonly id: string | null;
  readonly organizationId: string;
}

/** Appends one event to a request's timeline; call it inside the transaction that makes the change. */
export async function recordEvent(
  tx: Executor,
  viewer: EventActor,
  requestId: string,
  event: TimelineEventData,
  occurredAt?: Date,
  options: { internal?: boolean } = {},
): Promise<void> {
  await tx.insert(requestEvents).values({
    organizationId: viewer.organizationId,
    requestId,
    kind: event.kind,
    actorId: viewer.id,
    data: event.data as unknown as Record<string, unknown>,
    ...(occurredAt ? { occurredAt } : {}),
    ...(options.internal ? { internal: true } : {}),
  });
}

/**
 * Appends the same event to the timelines of many requests at once (a joint ask's requests, made in one
 * transaction); events of one request keep the order they were recorded in.
 */
export async function recordEventOnEach(tx: Executor, viewer: Viewer, requestIds: readonly string[], event: TimelineEventData): Promise<void> {
  const rows = requestIds.map((requestId) => ({
    organizationId: viewer.organizationId,
    requestId,
    kind: event.kind,
    actorId: viewer.id,
    data: event.data as unknown as Record<string, unknown>,
  }));
  await inSlices(rows, 1000, (slice) => tx.insert(requestEvents).values(slice));
}

/**
 * Locks the request row for the rest of the transaction; null unless the viewer's organization owns it (a
 * coalition member sees a shared request but can't change it).
 */
export async function lockRequest(tx: Transaction, viewer: Viewer, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(requests)
    .where(and(eq(requests.id, id), ownRequests(viewer)))
    .for("update")
    .limit(1);
  return row ?? null;
}
export type LockedRequest = NonNullable<Awaited<ReturnType<typeof lockRequest>>>;
