import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/domain/audit.server";
import { storedFileResponse } from "~/domain/files/download.server";
import { getRequestFile } from "~/domain/files.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { notFound } from "~/utils/responses.server";

/** GET /requests/:id/files/:fileId/download: the file as received, streamed from disk, only to those who can see the request. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "export");
  const file = await getRequestFile(viewer, params.requestId ?? "", params.fileId ?? "");
  if (!file) throw notFound("file");
  const response = await storedFileResponse(file);
  if (!response) throw new Response("The file is recorded but missing from storage. Tell your administrator.", { status: 404 });
  await recordExport(db, viewer, { type: "request_file", id: file.id }, { what: "received file", name: file.originalName, requestId: file.requestId }, clientAddressOf(context));
  return response;
}
