import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { recordExport } from "~/domain/audit.server";
import { contentDisposition } from "~/domain/files/filename";
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
  const info = await stat(file.path).catch(() => null);
  if (!info) {
    console.error(`Stored file missing from disk: request ${file.requestId}, file ${file.id}`);
    throw new Response("The file is recorded but missing from storage. Tell your administrator.", { status: 404 });
  }
  await recordExport(db, viewer, { type: "request_file", id: file.id }, { what: "received file", name: file.originalName, requestId: file.requestId }, clientAddressOf(context));
  return new Response(createReadableStreamFromReadable(createReadStream(file.path, { highWaterMark: 1024 * 1024 })), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(info.size),
      "Content-Disposition": contentDisposition(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
}
