import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { addCampaignTargets } from "~/domain/campaigns.server";
import { jointAskDetailJson } from "~/domain/joint-ask-api.server";
import { ASSIGN_REFUSED, can, mayAssign } from "~/domain/permissions";
import { addTargetsSchema } from "~/domain/vendor-input";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use POST with a JSON body to add targets.");
}

/**
 * POST /api/v1/joint-asks/:id/targets: requests for more agencies (`targets`: agency ids), from the joint ask's
 * letter, as the joint ask page's "Add agencies" form; agencies already in it are skipped.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to add targets.");
  if (!can(viewer, "request.create")) return apiError(403, "Your role can't file requests.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = addTargetsSchema.safeParse({ ...read.body, intent: "add-targets" });
  if (!parsed.success) return apiError(400, "Invalid targets", fieldErrorsOf(parsed.error.issues));
  if (!mayAssign(viewer, null, parsed.data.assigneeId ?? null)) return apiError(403, ASSIGN_REFUSED, { assigneeId: [ASSIGN_REFUSED] });
  const today = todayIn(viewer.timeZone);
  const id = params.jointAskId ?? "";
  const result = await addCampaignTargets(viewer, id, parsed.data, today);
  if (!result) return apiError(404, "No such joint ask.");
  if (!result.ok) return apiError(400, Object.values(result.fieldErrors)[0]?.[0] ?? "Invalid targets", result.fieldErrors);
  const data = await jointAskDetailJson(viewer, id, today);
  return json({ message: `Added ${result.value.created} ${result.value.created === 1 ? "request" : "requests"}.`, created: result.value.created, skipped: result.value.skipped, data });
}
