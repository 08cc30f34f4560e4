import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { inboundMessages, requests } from "../../../db/schema";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { ownRequests } from "../access.server";
import { isUuid, lockRequest, recordEvent } from "../request-events.server";
import { fail, ok, type Result } from "../results";
import { sameTrackingNumber } from "./tracking-numbers";

// The agency's reference for a request, as found in its replies (tracking-numbers.ts finds it on arrival and
// stores it on the message), proposed on the request page until someone accepts or declines it.

/** References found in the request's replies that are not its tracking number yet and nobody has declined. */
export async function trackingProposals(viewer: Viewer, requestId: string, db: Executor = defaultDb) {
  if (!isUuid(requestId)) return [];
  const rows = await db
    .select({
      inboundMessageId: inboundMessages.id,
      value: inboundMessages.trackingNumberFound,
      subject: inboundMessages.subject,
      fromAddress: inboundMessages.fromAddress,
      receivedAt: inboundMessages.receivedAt,
      current: requests.trackingNumber,
    })
    .from(inboundMessages)
    .innerJoin(requests, eq(requests.id, inboundMessages.requestId))
    .where(
      and(
        eq(inboundMessages.requestId, requestId),
        eq(inboundMessages.status, "filed"),
        eq(inboundMessages.classification, "reply"),
        isNotNull(inboundMessages.trackingNumberFound),
        isNull(inboundMessages.trackingNumberDecision),
        ownRequests(viewer),
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt));
  const seen: string[] = [];
  const proposals: Array<Omit<(typeof rows)[number], "current" | "value"> & { value: string }> = [];
  for (const { current, value, ...row } of rows) {
    if (!value || sameTrackingNumber(value, current) || seen.some((v) => sameTrackingNumber(v, value))) continue;
    seen.push(value);
    proposals.push({ ...row, value });
  }
  return proposals;
}

/**
 * Makes the reference found in a reply the request's tracking number (an "edited" timeline entry that says
 * where it came from), or sets the proposal aside. Later letters quote the tracking number in their subject.
 */
export async function decideTrackingNumber(
  viewer: Viewer,
  requestId: string,
  inboundMessageId: string,
  decision: "accepted" | "declined",
  db: Executor = defaultDb,
): Promise<Result<{ trackingNumber: string }> | null> {
  if (!isUuid(inboundMessageId)) return null;
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, viewer, requestId);
    if (!current) return null;
    const [message] = await tx
      .select({ value: inboundMessages.trackingNumberFound, decision: inboundMessages.trackingNumberDecision, subject: inboundMessages.subject })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.id, inboundMessageId), eq(inboundMessages.requestId, current.id)))
      .for("update");
    if (!message?.value) return fail("trackingNumber", "That email proposes no tracking number.");
    if (message.decision) return fail("trackingNumber", `That proposal was already ${message.decision}.`);
    await tx.update(inboundMessages).set({ trackingNumberDecision: decision }).where(eq(inboundMessages.id, inboundMessageId));
    if (decision === "accepted" && !sameTrackingNumber(current.trackingNumber, message.value)) {
      await tx.update(requests).set({ trackingNumber: message.value }).where(eq(requests.id, current.id));
      await recordEvent(tx, viewer, current.id, {
        kind: "edited",
        data: {
          changes: [{ field: "trackingNumber", label: "Tracking number", from: current.trackingNumber, to: message.value }],
          note: `From the agency's email “${message.subject.trim() || "(no subject)"}”`,
        },
      });
    }
    return ok({ trackingNumber: message.value });
  });
}
