import type { LoaderFunctionArgs } from "@remix-run/node";
import { webStreamOf } from "~/utils/web-streams.server";
import { contentDisposition } from "~/domain/files/filename";
import { objectStore } from "~/domain/files/storage.server";
import { getRequestFile } from "~/domain/files.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

/** The headers of a PDF shown inside a frame of the app's own preview page, and nowhere else. */
export const INLINE_PDF_HEADERS = {
  "Content-Type": "application/pdf",
  "X-Content-Type-Options": "nosniff",
  // The PDF runs with no scripts, forms, plugins or same-origin rights of its own, and only our pages may frame it.
  "Content-Security-Policy": "sandbox; default-src 'none'; frame-ancestors 'self'",
  "X-Frame-Options": "SAMEORIGIN",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "private, no-store",
} as const;

/**
 * GET /requests/:id/files/:fileId/inline: a received PDF (judged by its bytes) for the preview page's
 * sandboxed frame. The same checks as the download: a member who may see the request and export its files.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "export");
  const file = await getRequestFile(viewer, params.requestId ?? "", params.fileId ?? "");
  if (!file) throw notFound("file");
  if (file.kind !== "pdf") throw new Response("Only PDFs are shown inside JointAsk; download this file instead.", { status: 404 });
  const opened = await objectStore().open(file.storageName);
  if (!opened) {
    console.error(`Stored file missing from storage: request ${file.requestId}, file ${file.id}`);
    throw new Response("The file is recorded but missing from storage. Tell your administrator.", { status: 404 });
  }
  return new Response(webStreamOf(opened.body), {
    headers: { ...INLINE_PDF_HEADERS, "Content-Length": String(opened.sizeBytes), "Content-Disposition": contentDisposition(file.originalName, "inline") },
  });
}
