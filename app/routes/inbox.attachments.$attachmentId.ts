import type { LoaderFunctionArgs } from "@remix-run/node";
import { getInboundAttachment } from "~/domain/mail/inbound.server";
import { downloadResponse } from "~/domain/mail/downloads.server";
import { readMailFile } from "~/domain/mail/mail-files.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const attachment = await getInboundAttachment(viewer, params.attachmentId ?? "");
  if (!attachment) throw notFound("attachment");
  return downloadResponse(await readMailFile(attachment.storageKey), attachment.filename, attachment.contentType);
}
