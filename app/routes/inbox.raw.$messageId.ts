import type { LoaderFunctionArgs } from "@remix-run/node";
import { getInboundRaw } from "~/domain/mail/inbound.server";
import { downloadResponse } from "~/domain/mail/downloads.server";
import { openMailFile } from "~/domain/mail/mail-files.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getInboundRaw(viewer, params.messageId ?? "");
  if (!found) throw notFound("message");
  const name = `${(found.subject || "message").replace(/[^\w .-]+/g, "_").slice(0, 80).trim() || "message"}.eml`;
  return downloadResponse(await storedMail(found.rawKey), name, "message/rfc822");
}

async function storedMail(key: string) {
  const opened = await openMailFile(key);
  if (!opened) {
    console.error(`Stored mail file missing from storage: ${key}`);
    throw new Response("The message is recorded but its stored copy is missing. Tell your administrator.", { status: 404 });
  }
  return opened;
}
