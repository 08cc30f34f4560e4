import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { json } from "@remix-run/node";
import { fileJson } from "~/domain/fields-json";
import { acceptUpload, listRequestFiles } from "~/domain/files.server";
import { getRequest } from "~/domain/requests.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError } from "~/utils/responses.server";

/** GET /api/v1/requests/:id/files: the request's files, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) return apiError(404, "No such request.");
  const files = await listRequestFiles(viewer, found.id);
  return json({ data: files.map((f) => fileJson(f)) });
}

/**
 * POST /api/v1/requests/:id/files (multipart/form-data, field `file`, optional `communicationId`): stores the
 * file, streamed. 201 with its id, size, SHA-256 and detected type; 200 with `duplicate: true` and the file
 * already on the request when the bytes are the same.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (!can(viewer, "request.edit")) return apiError(403, "Your role can't add files to requests.");
  if (request.method !== "POST") return apiError(405, "Use POST with a multipart/form-data body to upload a file.");
  const outcome = await acceptUpload(viewer, params.requestId ?? "", request);
  if (!outcome) return apiError(404, "No such request.");
  if (!outcome.ok) {
    const response = apiError(outcome.status, outcome.message, { [outcome.field]: [outcome.message] });
    response.headers.set("Connection", "close");
    return response;
  }
  return json(
    { data: fileJson(outcome.file, { duplicate: outcome.duplicate }) },
    {
      status: outcome.duplicate ? 200 : 201,
      headers: { Location: `/requests/${outcome.file.requestId}/files/${outcome.file.id}/download` },
    },
  );
}
