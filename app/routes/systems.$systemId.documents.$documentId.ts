import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSystemDocument } from "~/domain/systems.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

/** An evidence document, always as a download: never rendered in the app's origin. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const document = await getSystemDocument(viewer, params.systemId ?? "", params.documentId ?? "");
  if (!document) throw notFound("document");
  const asciiName = document.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(document.content.slice(), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ETag: `"${document.sha256}"`,
    },
  });
}
