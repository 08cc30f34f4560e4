import type { LoaderFunctionArgs } from "@remix-run/node";
import { getInboundAttachment } from "~/domain/mail/inbound.server";
import { downloadResponse } from "~/domain/mail/downloads.server";
import { openMailFile } from "~/domain/mail/mail-files.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const attachment = await getInboundAttachment(viewer, params.attachmentId ?? "");
  if (!attachment) throw notFound("attachment");
  return downloadResponse(await storedMail(attachment.storageKey), attachment.filename, attachment.contentType);
}

async function storedMail(key: string) {
  const opened = await openMailFile(key);
  if (!opened) {
    console.error(`Stored mail file missing from storage: ${key}`);
    throw new Response("The message is recorded but its stored copy is missing. Tell your administrator.", { status: 404 });
  }
  return opened;
}
