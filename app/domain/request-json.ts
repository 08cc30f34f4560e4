import { requestReference } from "./request-reference";
import { isOpenStatus } from "./request-status";
import { eventHeadline, type TimelineEvent, type TimelineEventData } from "./timeline";
import type { RequestDetail, RequestListRow } from "./requests.server";

// The public shape of requests in the JSON API (kept separate from table columns so the API is stable).

/** `today` is the organization's date: overdue means past due and still open. */
export function requestSummaryJson(r: RequestListRow, today: string) {
  return {
    id: r.id,
    number: r.number,
    reference: requestReference(r),
    title: r.title,
    status: r.status,
    organization: { id: r.organizationId, name: r.organizationName, code: r.organizationCode },
    visibility: r.visibility,
    embargoUntil: r.embargoUntil,
    agency: r.agencyId ? { id: r.agencyId, name: r.agencyName, jurisdiction: r.jurisdictionName } : null,
    vendor: r.vendorId ? { id: r.vendorId, name: r.vendorName } : null,
    campaignId: r.campaignId,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName } : null,
    filedOn: r.filedOn,
    method: r.method,
    trackingNumber: r.trackingNumber,
    receivedDate: r.receivedOn,
    dueDate: r.dueOn,
    dueBasis: r.dueBasis,
    dueIsStatutory: r.dueOn ? r.dueStatutory : null,
    followUpDate: r.followUpOn,
    overdue: isOpenStatus(r.status) && r.dueOn !== null && r.dueOn < today,
    nextActionDate: r.nextActionOn,
    tags: r.tags,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    coverage: { received: r.coverageReceived, total: r.coverageTotal },
  };
}

/**
 * Timeline entry data as the API gives it: an incoming email always says what it is (entries written before
 * mail was classified were replies).
 */
function entryData(e: TimelineEvent): Record<string, unknown> {
  if (e.kind !== "email_received") return e.data as unknown as Record<string, unknown>;
  const data = e.data;
  const classification = data.classification ?? "reply";
  return {
    ...data,
    classification,
    ...(classification === "bounce" ? { bouncedAddress: data.bouncedAddress ?? null, bounceReason: data.bounceReason ?? null, bounceStatus: data.bounceStatus ?? null } : {}),
  };
}

/** replyAddress: the request's own address for replies (null for a viewer who may not write onto it). */
export function requestDetailJson(r: RequestDetail, timeline: TimelineEvent[], today: string, extra: { replyAddress: string | null } = { replyAddress: null }) {
  const deadline = r.deadline as {
    steps?: string[];
    flags?: string[];
    deemedReceivedDate?: string;
    extensionLimitDate?: string | null;
    proposedDueDate?: string | null;
    deemedDenialAppealDueDate?: string | null;
  } | null;
  return {
    ...requestSummaryJson(r, today),
    receivedTime: r.receivedTime ?? null,
    deemedReceivedDate: deadline?.deemedReceivedDate ?? r.receivedOn,
    acknowledgementDueDate: r.acknowledgementDueOn,
    appealDueDate: r.appealDueOn,
    // The latest date the agency may set on its own, and an agency date beyond it (shown as proposed).
    extensionLimitDate: deadline?.extensionLimitDate ?? null,
    proposedDueDate: deadline?.proposedDueDate ?? null,
    deemedDenialAppealDueDate: deadline?.deemedDenialAppealDueDate ?? null,
    dueSteps: deadline?.steps ?? [],
    deadlineFlags: deadline?.flags ?? [],
    description: r.description,
    portalUrl: r.portalUrl,
    requester: { id: r.requesterId, name: r.requesterName },
    publicUrl: r.visibility === "public" && r.publicSlug ? `/r/${r.publicSlug}` : null,
    replyAddress: extra.replyAddress,
    autoFollowUp: r.autoFollowUp,
    timeline: timeline.map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actorName,
      summary: eventHeadline({ kind: e.kind, data: e.data } as TimelineEventData),
      internal: e.internal,
      data: entryData(e),
    })),
  };
}
