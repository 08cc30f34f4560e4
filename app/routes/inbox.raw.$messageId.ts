import type { LoaderFunctionArgs } from "@remix-run/node";
import { getInboundRaw } from "~/domain/mail/inbound.server";
import { downloadResponse } from "~/domain/mail/downloads.server";
import { readMailFile } from "~/domain/mail/mail-files.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getInboundRaw(viewer, params.messageId ?? "");
  if (!found) throw notFound("message");
  const name = `${(found.subject || "message").replace(/[^\w .-]+/g, "_").slice(0, 80).trim() || "message"}.eml`;
  return downloadResponse(await readMailFile(found.rawKey), name, "message/rfc822");
}
