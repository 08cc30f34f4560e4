import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { zipStream } from "~/domain/files/archive.server";
import { contentDisposition } from "~/domain/files/filename";
import { listStoredRequestFiles } from "~/domain/files.server";
import { getRequest } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

/** GET /requests/:id/files.zip: every file of the request in one zip, built while it is sent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const files = await listStoredRequestFiles(viewer, found.id);
  if (files.length === 0) throw new Response("This request has no files yet.", { status: 404 });
  const archive = zipStream(files);
  return new Response(createReadableStreamFromReadable(archive), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(`request-${found.number}-files.zip`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
