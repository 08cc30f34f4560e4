import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { deleteEndpoint, getEndpoint } from "~/domain/webhooks/endpoints.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError } from "~/utils/responses.server";

const REFUSED = "Your role can't manage the organization's webhooks.";

/** GET /api/v1/webhooks/:id: one endpoint (without its secret). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (!can(viewer, "webhooks.manage")) return apiError(403, REFUSED);
  const endpoint = await getEndpoint(viewer, params.webhookId ?? "");
  if (!endpoint) return apiError(404, "No such webhook endpoint.");
  return json({ data: endpoint });
}

/** DELETE /api/v1/webhooks/:id: remove the endpoint and its delivery log. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "DELETE") return apiError(405, "Use DELETE to remove an endpoint.");
  if (!can(viewer, "webhooks.manage")) return apiError(403, REFUSED);
  if (!(await deleteEndpoint(viewer, params.webhookId ?? ""))) return apiError(404, "No such webhook endpoint.");
  return new Response(null, { status: 204 });
}
