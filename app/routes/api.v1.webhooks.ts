import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { createEndpoint, getEndpoint, listEndpoints } from "~/domain/webhooks/endpoints.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError } from "~/utils/responses.server";

const REFUSED = "Your role can't manage the organization's webhooks.";

/** GET /api/v1/webhooks: the organization's webhook endpoints (never their secrets). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (!can(viewer, "webhooks.manage")) return apiError(403, REFUSED);
  const endpoints = await listEndpoints(viewer);
  return json({ data: endpoints.map(({ failed, lastDeliveredAt, ...e }) => ({ ...e, failedDeliveries: failed, lastDeliveredAt })) });
}

/** POST /api/v1/webhooks: add an endpoint ({ url, events, description? }); the answer carries its secret, once. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to add an endpoint.");
  if (!can(viewer, "webhooks.manage")) return apiError(403, REFUSED);
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    return apiError(415, "Send the endpoint as JSON with Content-Type: application/json.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "The body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return apiError(400, "Send a JSON object.", { "": ["Send a JSON object"] });
  const { url, events, description } = body as Record<string, unknown>;
  const created = await createEndpoint(viewer, { url, events, description: description ?? "", enabled: true });
  if (!created.ok) return apiError(400, "Invalid endpoint", created.fieldErrors);
  const endpoint = await getEndpoint(viewer, created.value.id);
  return json({ data: { ...endpoint, secret: created.value.secret } }, { status: 201, headers: { Location: `/api/v1/webhooks/${created.value.id}` } });
}
