import { z } from "zod";
import type { Viewer } from "./accounts.server";
import { campaignCounts, campaignTargetPage, letterCounts } from "./campaign-targets.server";
import { dueDateOf, getCampaign, isOverdue } from "./campaigns.server";
import { readCampaignAsk } from "./fields.server";
import { listRequests } from "./requests.server";
import { CAMPAIGN_TARGET_KEYS, CAMPAIGN_TARGETS_LIST, decodeKeyset, TARGET_PAGE_SIZE } from "./target-list-input";
import { campaignJson } from "./vendor-json";

// What the JSON API answers about a joint ask (GET /api/v1/joint-asks/:id, and after each change): the joint
// ask, one keyset page of its requests with due dates (in the joint ask page's order), counts by status and, for
// the organization's own letters, how far the sending is. The counts are aggregates: no call reads every target.

/** GET /api/v1/joint-asks: keyset pages. */
export const jointAskListQuerySchema = z.object({
  cursor: z.string().max(500, "Invalid cursor: start again from the first page").optional(),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int("pageSize must be a whole number").min(1, "pageSize must be at least 1").max(100, "pageSize must be at most 100").default(50),
});

/** POST /api/v1/joint-asks/:id/send-all: every unsent letter, or only these requests' letters. */
export const sendAllSchema = z.object({
  requestIds: z.array(z.string().uuid("Give request ids of this joint ask")).max(10_000).optional(),
});

/** GET /api/v1/joint-asks/:id: which page of the joint ask's requests (?cursor= from the last answer's requestPage.nextCursor). */
export const jointAskDetailQuerySchema = z.object({
  cursor: z
    .string()
    .max(2000, "Invalid cursor: start again from the first page")
    .refine((text) => {
      const cursor = decodeKeyset(CAMPAIGN_TARGETS_LIST, CAMPAIGN_TARGET_KEYS, text);
      return cursor !== null && !cursor.before && /^[01]$/.test(cursor.keys[0]!);
    }, "Invalid cursor: start again from the first page")
    .optional(),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int("pageSize must be a whole number").min(1, "pageSize must be at least 1").max(100, "pageSize must be at most 100").default(TARGET_PAGE_SIZE),
});
export type JointAskDetailQuery = z.infer<typeof jointAskDetailQuerySchema>;

/**
 * The joint ask with one page of its requests (the first unless `query.cursor`): the page's ids come from the
 * joint ask page's keyset list, their details from the requests list; counts and letters from aggregates.
 */
export async function jointAskDetailJson(viewer: Viewer, id: string, today: string, query: Partial<JointAskDetailQuery> = {}) {
  const campaign = await getCampaign(viewer, id);
  if (!campaign) return null;
  const pageSize = query.pageSize ?? TARGET_PAGE_SIZE;
  const cursor = query.cursor ? decodeKeyset(CAMPAIGN_TARGETS_LIST, CAMPAIGN_TARGET_KEYS, query.cursor) : null;
  const [page, counts, letters, fieldsAsk] = await Promise.all([
    campaignTargetPage(viewer, campaign.id, cursor ? { cursor } : {}, undefined, pageSize),
    campaignCounts(viewer, campaign.id, today),
    letterCounts(viewer, campaign.id),
    readCampaignAsk(campaign.id),
  ]);
  const ids = page.rows.map((r) => r.id);
  const details = ids.length ? (await listRequests(viewer, { campaign: campaign.id, ids, sort: "number", dir: "asc", pageSize: ids.length })).rows : [];
  const byId = new Map(details.map((r) => [r.id, r]));
  const rows = ids.flatMap((rowId) => {
    const r = byId.get(rowId);
    return r ? [{ ...r, dueDate: dueDateOf(r), overdue: isOverdue(r, today) }] : [];
  });
  const { queued, sent, failed, unsent, unsentWithoutContact } = letters;
  return {
    ...campaignJson(campaign, rows, counts, today, fieldsAsk),
    requestPage: { pageSize, total: page.total, nextCursor: page.nextCursor },
    letters: { queued, sent, failed, unsent, unsentWithoutContact },
  };
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
