import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requestFieldsJson } from "~/domain/fields-json";
import { getRequestFields } from "~/domain/fields.server";
import { ownsRow } from "~/domain/access.server";
import { can } from "~/domain/permissions";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import { applyRequestChange, formFieldsOf, permissionFor, requestChangeByApiPath } from "~/domain/request-changes.server";
import { requestDetailJson } from "~/domain/request-json";
import { getRequest, getTimeline, requestEditVersion } from "~/domain/requests.server";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { clientAddressOf } from "~/utils/load-context.server";
import { apiError } from "~/utils/responses.server";

// POST /api/v1/requests/:id/<change> (status, notes, communications, assignee, extensions, agreed-date,
// next-action, visibility, entry-visibility, tracking-number, auto-follow-up, dismiss-bounce): the changes of
// the request page, through the same table (request-changes.server.ts): same schema, permission, visibility
// rule and timeline entry. Answers the request as GET /api/v1/requests/:id does, with the confirmation.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use POST with a JSON body to make this change.");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const name = requestChangeByApiPath(params.change ?? "");
  if (!name) return apiError(404, "No such change. See /api/v1/openapi.json for the changes a request takes.");
  if (request.method !== "POST") return apiError(405, "Use POST to make this change.");
  if (!can(viewer, permissionFor(name))) return apiError(403, "Your role can't make this change.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const fields = formFieldsOf(name, read.body);
  if (!(fields instanceof URLSearchParams)) return apiError(400, "Invalid request", { [fields.field]: [fields.message] });
  const id = params.requestId ?? "";
  const today = todayIn(viewer.timeZone);
  const outcome = await applyRequestChange(viewer, id, name, fields, { today, ipAddress: clientAddressOf(context) });
  switch (outcome.kind) {
    case "not-found":
      return apiError(404, "No such request.");
    case "invalid":
      return apiError(400, "Invalid request", outcome.fieldErrors);
    case "forbidden":
      return apiError(403, Object.values(outcome.fieldErrors)[0]?.[0] ?? "Not allowed.", outcome.fieldErrors);
    case "refused":
      return json(
        {
          error: outcome.status === 409 ? "Someone changed this since your copy." : (Object.values(outcome.fieldErrors)[0]?.[0] ?? "Refused."),
          fieldErrors: outcome.fieldErrors,
          ...(outcome.flaggedFiles ? { flaggedFiles: outcome.flaggedFiles } : {}),
          ...(outcome.conflict ? { conflict: outcome.conflict } : {}),
        },
        { status: outcome.status },
      );
    case "done": {
      const found = await getRequest(viewer, id);
      if (!found) return apiError(404, "No such request.");
      const [timeline, fieldsData] = await Promise.all([getTimeline(viewer, found.id), getRequestFields(viewer, found.id)]);
      const replyAddress = ownsRow(viewer, found) ? replyAddressFor(found.id) : null;
      return json({
        message: outcome.message,
        data: { ...requestDetailJson(found, timeline, today, { replyAddress }), ...requestFieldsJson(found.id, fieldsData!), version: requestEditVersion(found) },
      });
    }
  }
}
