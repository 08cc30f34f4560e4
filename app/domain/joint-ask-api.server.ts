import { z } from "zod";
import type { Viewer } from "./accounts.server";
import { campaignTargets, sendProgress } from "./campaign-mail.server";
import { dueDateOf, getCampaign, isOverdue, listCampaignRequests, summarize } from "./campaigns.server";
import { readCampaignAsk } from "./fields.server";
import { campaignJson } from "./vendor-json";

// What the JSON API answers about a joint ask (GET /api/v1/joint-asks/:id, and after each change): the joint
// ask, its requests with due dates, counts by status and, for the organization's own letters, how far the
// sending is.

/** GET /api/v1/joint-asks: keyset pages. */
export const jointAskListQuerySchema = z.object({
  cursor: z.string().max(500, "Invalid cursor: start again from the first page").optional(),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int("pageSize must be a whole number").min(1, "pageSize must be at least 1").max(100, "pageSize must be at most 100").default(50),
});

/** POST /api/v1/joint-asks/:id/send-all: every unsent letter, or only these requests' letters. */
export const sendAllSchema = z.object({
  requestIds: z.array(z.string().uuid("Give request ids of this joint ask")).max(10_000).optional(),
});

export async function jointAskDetailJson(viewer: Viewer, id: string, today: string) {
  const campaign = await getCampaign(viewer, id);
  if (!campaign) return null;
  const [rows, fieldsAsk, targets] = await Promise.all([listCampaignRequests(viewer, campaign.id), readCampaignAsk(campaign.id), campaignTargets(viewer, campaign.id)]);
  const withDue = rows.map((r) => ({ ...r, dueDate: dueDateOf(r), overdue: isOverdue(r, today) }));
  return { ...campaignJson(campaign, withDue, summarize(rows, today), today, fieldsAsk), letters: targets ? sendProgress(targets) : null };
}

export function jointAskSummaryJson(row: {
  id: string;
  title: string;
  recordTypes: string[];
  productId: string | null;
  productName: string | null;
  vendorId: string | null;
  vendorName: string | null;
  createdAt: Date;
  organizationId: string;
  organizationName: string;
  total: number;
  open: number;
  received: number;
}) {
  return {
    id: row.id,
    title: row.title,
    recordTypes: row.recordTypes,
    product: row.productId ? { id: row.productId, name: row.productName } : null,
    vendor: row.vendorId ? { id: row.vendorId, name: row.vendorName } : null,
    organization: { id: row.organizationId, name: row.organizationName },
    createdAt: row.createdAt.toISOString(),
    requests: { total: row.total, open: row.open, received: row.received },
  };
}
