import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { agencyApiSchema, agencyJson, mergedAgencyInput } from "~/domain/agency-api.server";
import { can } from "~/domain/permissions";
import { getAgency, updateAgency } from "~/domain/places.server";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** GET /api/v1/agencies/:id: an agency you see, with `version` for PATCH. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const row = await getAgency(viewer, params.agencyId ?? "");
  if (!row) return apiError(404, "No such agency.");
  return json({ data: agencyJson(viewer, row) });
}

/**
 * PATCH /api/v1/agencies/:id: edit one of your organization's agencies as its edit form does: send the fields
 * you change (null clears one) and the `version` from GET; a stale version is refused with 409 and both values.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "PATCH") return apiError(405, "Use PATCH to edit an agency.");
  if (!can(viewer, "agency.manage")) return apiError(403, "Your role can't edit agencies.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const row = await getAgency(viewer, params.agencyId ?? "");
  if (!row) return apiError(404, "No such agency.");
  const merged = mergedAgencyInput(row, read.body);
  if ("fieldErrors" in merged) return apiError(400, "Invalid agency", merged.fieldErrors);
  const parsed = agencyApiSchema.safeParse(merged.input);
  if (!parsed.success) return apiError(400, "Invalid agency", fieldErrorsOf(parsed.error.issues));
  const result = await updateAgency(viewer, row.id, parsed.data);
  // Shared by a coalition partner: readable, not editable.
  if (!result) return apiError(403, "Only the organization that added this agency can edit it.");
  if (!result.ok && result.conflict) return json({ error: "Someone changed this agency since your copy.", conflict: result.conflict }, { status: 409 });
  if (!result.ok) return apiError(400, "Invalid agency", result.fieldErrors);
  return json({ message: "Agency saved.", data: agencyJson(viewer, (await getAgency(viewer, row.id))!) });
}
