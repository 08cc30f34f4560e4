import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { dueDateOf, getCampaign, isOverdue, listCampaignRequests, summarize } from "~/domain/campaigns.server";
import { readCampaignAsk } from "~/domain/fields.server";
import { campaignJson } from "~/domain/vendor-json";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError } from "~/utils/responses.server";

/** GET /api/v1/campaigns/:id: the joint ask, its requests (with due dates) and counts by status. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const campaign = await getCampaign(viewer, params.campaignId ?? "");
  if (!campaign) return apiError(404, "No such joint ask.");
  const today = todayIn(viewer.timeZone);
  const [rows, fieldsAsk] = await Promise.all([listCampaignRequests(viewer, campaign.id), readCampaignAsk(campaign.id)]);
  const withDue = rows.map((r) => ({ ...r, dueDate: dueDateOf(r), overdue: isOverdue(r, today) }));
  return json({ data: campaignJson(campaign, withDue, summarize(rows, today), today, fieldsAsk) });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "This endpoint is read-only.");
}
