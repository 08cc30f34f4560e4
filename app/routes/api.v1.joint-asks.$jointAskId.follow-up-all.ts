import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { followUpAllOverdue } from "~/domain/campaign-mail.server";
import { jointAskDetailJson } from "~/domain/joint-ask-api.server";
import { can } from "~/domain/permissions";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError } from "~/utils/responses.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use POST to send the follow-ups.");
}

/**
 * POST /api/v1/joint-asks/:id/follow-up-all (body `{}`): the follow-up letter to every overdue target, as the
 * joint ask page's "Follow up all overdue" button: once per target and due date.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to send the follow-ups.");
  if (!can(viewer, "request.note")) return apiError(403, "Your role can't send letters.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const unknown = Object.keys(read.body);
  if (unknown.length) return apiError(400, "Invalid request", Object.fromEntries(unknown.map((k) => [k, ["Not a setting of this endpoint: send {}"]])));
  const today = todayIn(viewer.timeZone);
  const id = params.jointAskId ?? "";
  const result = await followUpAllOverdue(viewer, id, today);
  if (!result) return apiError(404, "No such joint ask.");
  return json({ message: `Follow-ups queued for ${result.queued} overdue ${result.queued === 1 ? "request" : "requests"}.`, ...result, data: await jointAskDetailJson(viewer, id, today) });
}
