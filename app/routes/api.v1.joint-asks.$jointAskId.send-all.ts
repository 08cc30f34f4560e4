import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { sendAllLetters } from "~/domain/campaign-mail.server";
import { jointAskDetailJson, sendAllSchema } from "~/domain/joint-ask-api.server";
import { can } from "~/domain/permissions";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use POST to send the letters.");
}

/**
 * POST /api/v1/joint-asks/:id/send-all: sends every unsent letter (or only `requestIds`) through the outbox, as
 * the send page's "Send all" button; each request is filed. Sending twice never sends twice.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to send the letters.");
  if (!can(viewer, "request.note")) return apiError(403, "Your role can't send letters.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = sendAllSchema.safeParse(read.body);
  if (!parsed.success) return apiError(400, "Invalid request", fieldErrorsOf(parsed.error.issues));
  const today = todayIn(viewer.timeZone);
  const id = params.jointAskId ?? "";
  const result = await sendAllLetters(viewer, id, today, { requestIds: parsed.data.requestIds });
  if (!result) return apiError(404, "No such joint ask.");
  if (!result.ok) return apiError(422, Object.values(result.fieldErrors)[0]?.[0] ?? "Refused.", result.fieldErrors);
  const { queued, already, withoutContact, failed } = result.value;
  return json({ message: `${queued} ${queued === 1 ? "letter" : "letters"} queued.`, queued, already, withoutContact, failed, data: await jointAskDetailJson(viewer, id, today) });
}
