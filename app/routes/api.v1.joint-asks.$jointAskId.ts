import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { jointAskDetailJson, jointAskDetailQuerySchema } from "~/domain/joint-ask-api.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/**
 * GET /api/v1/joint-asks/:id: the joint ask, a page of its requests (with due dates; ?pageSize= up to 100, then
 * ?cursor= from requestPage.nextCursor), counts by status and letters sent.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const parsed = jointAskDetailQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "Invalid query parameters", fieldErrorsOf(parsed.error.issues));
  const data = await jointAskDetailJson(viewer, params.jointAskId ?? "", todayIn(viewer.timeZone), parsed.data);
  if (!data) return apiError(404, "No such joint ask.");
  return json({ data });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use the joint ask's targets, send-all and follow-up-all endpoints to change it.");
}
