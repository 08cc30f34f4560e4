import type { LoaderFunctionArgs } from "@remix-run/node";
import { webStreamOf } from "~/utils/web-streams.server";
import { recordExport } from "~/domain/audit.server";
import { zipStream } from "~/domain/files/archive.server";
import { contentDisposition } from "~/domain/files/filename";
import { listStoredRequestFiles } from "~/domain/files.server";
import { requirePermission } from "~/domain/permissions";
import { getRequest } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { notFound } from "~/utils/responses.server";

/** GET /requests/:id/files.zip: every file of the request in one zip, built while it is sent. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "export");
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const files = await listStoredRequestFiles(viewer, found.id);
  if (files.length === 0) throw new Response("This request has no files yet.", { status: 404 });
  const name = `request-${found.number}-files.zip`;
  await recordExport(db, viewer, { type: "request", id: found.id }, { what: "request files (zip)", name, files: files.length }, clientAddressOf(context));
  const archive = await zipStream(files);
  return new Response(webStreamOf(archive), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
