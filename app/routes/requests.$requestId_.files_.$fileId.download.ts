import type { LoaderFunctionArgs } from "@remix-run/node";
import { storedFileResponse } from "~/domain/files/download.server";
import { getRequestFile } from "~/domain/files.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

/** GET /requests/:id/files/:fileId/download: the file as received, streamed from disk, only to those who can see the request. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const file = await getRequestFile(viewer, params.requestId ?? "", params.fileId ?? "");
  if (!file) throw notFound("file");
  const response = await storedFileResponse(file);
  if (!response) throw new Response("The file is recorded but missing from storage. Tell your administrator.", { status: 404 });
  return response;
}
