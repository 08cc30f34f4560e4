import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestDetailJson } from "~/domain/request-json";
import { requestFieldsJson } from "~/domain/fields-json";
import { getRequestFields } from "~/domain/fields.server";
import { ownsRow } from "~/domain/access.server";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import { getRequest, requestEditVersion, getTimeline } from "~/domain/requests.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError } from "~/utils/responses.server";

/** GET /api/v1/requests/:id: the request with its timeline (oldest event first), fields asked and coverage. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) return apiError(404, "No such request.");
  const [timeline, fields] = await Promise.all([getTimeline(viewer, found.id), getRequestFields(viewer, found.id)]);
  // The reply address files mail onto the request: only its own organization gets it (as on the letters page).
  const replyAddress = ownsRow(viewer, found) ? replyAddressFor(found.id) : null;
  // `version`: the edit version of the request's editable values, as its edit form carries it (a write that
  // sends it back is refused with 409 when someone changed the request in between).
  return json({
    data: { ...requestDetailJson(found, timeline, todayIn(viewer.timeZone), { replyAddress }), ...requestFieldsJson(found.id, fields!), version: requestEditVersion(found) },
  });
}

export async function action({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "This endpoint is read-only.");
}
