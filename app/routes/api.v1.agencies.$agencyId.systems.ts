import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { createSystem, getSystem, systemEditVersion } from "~/domain/systems.server";
import { systemFormSchema } from "~/domain/vendor-input";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use POST to record a system.");
}

/** POST /api/v1/agencies/:id/systems: record what one of your agencies runs (a product, or another agency's system), as the new system form. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to record a system.");
  if (!can(viewer, "vendor.manage")) return apiError(403, "Your role can't record systems.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = systemFormSchema.safeParse(read.body);
  if (!parsed.success) return apiError(400, "Invalid system", fieldErrorsOf(parsed.error.issues));
  const created = await createSystem(viewer, params.agencyId ?? "", parsed.data, null);
  if (!created) return apiError(404, "No such agency of your organization.");
  if (!created.ok) return apiError(400, "Invalid system", created.fieldErrors);
  const row = await getSystem(viewer, created.value.id);
  return json({ data: { ...row!, documents: [], version: systemEditVersion(row!) } }, { status: 201, headers: { Location: `/api/v1/systems/${created.value.id}` } });
}
