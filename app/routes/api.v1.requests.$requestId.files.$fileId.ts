import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { fileJson } from "~/domain/fields-json";
import { getRequestFile } from "~/domain/files.server";
import { previewStoredFile } from "~/domain/previews.server";
import { fileProfileJson } from "~/domain/profiles/profile-json";
import { loadFileCheck } from "~/domain/profiles/profiles.server";
import { getRequest } from "~/domain/requests.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError } from "~/utils/responses.server";

/**
 * GET /api/v1/requests/:id/files/:fileId: the file with its dataset `profile` (status, rows, columns, period
 * covered) and its `check` against the ask (missing months, fields matched, detail level, de-identification
 * flags, code lists), its installment and the states proposed for the fields asked.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) return apiError(404, "No such request.");
  const stored = await getRequestFile(viewer, found.id, params.fileId ?? "");
  if (!stored) return apiError(404, "No such file on this request.");
  const checked = await loadFileCheck(viewer, found.id, stored, await previewStoredFile(stored));
  if (!checked) return apiError(404, "No such request.");
  const { storageName: _storageName, ...file } = stored;
  return json({ data: { ...fileJson(file), ...fileProfileJson(checked) } });
}
