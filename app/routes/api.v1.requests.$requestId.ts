import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestDetailJson } from "~/domain/request-json";
import { requestFieldsJson } from "~/domain/fields-json";
import { getRequestFields } from "~/domain/fields.server";
import { ownsRow } from "~/domain/access.server";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import { getRequest, requestEditVersion, getTimeline, updateRequest } from "~/domain/requests.server";
import { editFormValuesOf, editRequestFormSchema } from "~/domain/request-input";
import { ASSIGN_REFUSED, can, mayAssign } from "~/domain/permissions";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOfSubmission } from "~/utils/responses.server";
import { parseWithZod } from "@conform-to/zod/v4";

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

/**
 * PATCH /api/v1/requests/:id: the edit form's change. The JSON names only the fields it changes; the others keep
 * their values. Send the `version` from GET: a copy older than someone else's save is refused with 409 and both
 * values, as the edit form is.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "PATCH") return apiError(405, "Use PATCH to edit a request (POST to /api/v1/requests/:id/<change> for status, notes and the rest).");
  if (!can(viewer, "request.edit")) return apiError(403, "Your role can't edit requests.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const current = await getRequest(viewer, params.requestId ?? "");
  if (!current || !ownsRow(viewer, current)) return apiError(404, "No such request.");
  const editable = editFormValuesOf(current);
  const unknown = Object.keys(read.body).filter((key) => key !== "version" && !Object.hasOwn(editable, key));
  if (unknown.length) return apiError(400, "Invalid request", Object.fromEntries(unknown.map((key) => [key, ["Not a field you can edit"]])));
  const body = { ...read.body, ...(Array.isArray(read.body.tags) ? { tags: read.body.tags.join(", ") } : {}) };
  const fields = new URLSearchParams(editable);
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && typeof value !== "string") return apiError(400, "Invalid request", { [key]: ["Must be a string (or null to clear it)"] });
    fields.set(key, value ?? "");
  }
  const today = todayIn(viewer.timeZone);
  // Parsed as the edit form is (empty fields are absent), with the same schema.
  const parsed = parseWithZod(fields, { schema: editRequestFormSchema(today) });
  if (parsed.status !== "success") return apiError(400, "Invalid request", fieldErrorsOfSubmission(parsed.error));
  if (!mayAssign(viewer, current.assigneeId, parsed.value.assigneeId || null)) return apiError(403, ASSIGN_REFUSED, { assigneeId: [ASSIGN_REFUSED] });
  const result = await updateRequest(viewer, current.id, parsed.value);
  if (!result) return apiError(404, "No such request.");
  if (!result.ok && result.conflict) return json({ error: result.conflict.message, fieldErrors: result.fieldErrors, conflict: result.conflict }, { status: 409 });
  if (!result.ok) return apiError(400, "Invalid request", result.fieldErrors);
  const found = await getRequest(viewer, current.id);
  const [timeline, fieldsData] = await Promise.all([getTimeline(viewer, current.id), getRequestFields(viewer, current.id)]);
  return json({
    message: result.value.changed ? "Changes saved." : "Nothing changed.",
    data: { ...requestDetailJson(found!, timeline, today, { replyAddress: replyAddressFor(current.id) }), ...requestFieldsJson(current.id, fieldsData!), version: requestEditVersion(found!) },
  });
}
