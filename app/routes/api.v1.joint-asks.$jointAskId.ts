import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { jointAskDetailJson } from "~/domain/joint-ask-api.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError } from "~/utils/responses.server";

/** GET /api/v1/joint-asks/:id: the joint ask, its requests (with due dates), counts by status and letters sent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const data = await jointAskDetailJson(viewer, params.jointAskId ?? "", todayIn(viewer.timeZone));
  if (!data) return apiError(404, "No such joint ask.");
  return json({ data });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use the joint ask's targets, send-all and follow-up-all endpoints to change it.");
}
