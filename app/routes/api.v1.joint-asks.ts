import { chosenAssignee } from "~/domain/members.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { createCampaign, decodeCampaignCursor, listCampaignsPage } from "~/domain/campaigns.server";
import { jointAskDetailJson, jointAskListQuerySchema, jointAskSummaryJson } from "~/domain/joint-ask-api.server";
import { ASSIGN_REFUSED, can, mayAssign } from "~/domain/permissions";
import { campaignFormSchema } from "~/domain/vendor-input";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** GET /api/v1/joint-asks: the joint asks you see (yours and your coalition's), newest first, in keyset pages. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const parsed = jointAskListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "Invalid query parameters", fieldErrorsOf(parsed.error.issues));
  const after = parsed.data.cursor ? decodeCampaignCursor(parsed.data.cursor) : undefined;
  if (after === null) return apiError(400, "Invalid query parameters", { cursor: ["Invalid cursor: start again from the first page"] });
  const page = await listCampaignsPage(viewer, { after, pageSize: parsed.data.pageSize });
  return json({ data: page.rows.map(jointAskSummaryJson), pageSize: parsed.data.pageSize, nextCursor: page.nextCursor });
}

/**
 * POST /api/v1/joint-asks: create a joint ask and its requests, as the new joint ask form does (same schema:
 * title, ask, recordTypeIds or catalogFieldIds, letterTemplate, targets as agency ids, initialStatus...).
 */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to create a joint ask.");
  if (!can(viewer, "request.create")) return apiError(403, "Your role can't file requests.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = campaignFormSchema.safeParse({ ...read.body, intent: "create" });
  if (!parsed.success) return apiError(400, "Invalid joint ask", fieldErrorsOf(parsed.error.issues));
  // The assignee by id, or by name (assigneeName: the whole name, or the only active member's containing it).
  const assignee = await chosenAssignee(viewer, parsed.data);
  if (!assignee.ok) return apiError(400, "Invalid joint ask", { [assignee.field]: [assignee.message] });
  if (!mayAssign(viewer, null, assignee.member?.id ?? null)) return apiError(403, ASSIGN_REFUSED, { assigneeId: [ASSIGN_REFUSED] });
  const today = todayIn(viewer.timeZone);
  const created = await createCampaign(viewer, { ...parsed.data, assigneeId: assignee.member?.id }, today);
  if (!created.ok) return apiError(400, "Invalid joint ask", created.fieldErrors);
  const data = await jointAskDetailJson(viewer, created.value.id, today);
  return json(
    { message: `Joint ask created with ${created.value.created} ${created.value.created === 1 ? "request" : "requests"}.`, data },
    { status: 201, headers: { Location: `/api/v1/joint-asks/${created.value.id}` } },
  );
}
