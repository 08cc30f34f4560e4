import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { mergedEditInput } from "~/domain/api-edit";
import { can } from "~/domain/permissions";
import { vendorApiJson } from "~/domain/vendor-api.server";
import { vendorFormSchema } from "~/domain/vendor-input";
import { getVendor, updateVendor, VENDOR_EDIT_FIELDS } from "~/domain/vendors.server";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** GET /api/v1/vendors/:id: the vendor, its products with the agencies on each (through hosting too), its groups. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const data = await vendorApiJson(viewer, params.vendorId ?? "", todayIn(viewer.timeZone));
  if (!data) return apiError(404, "No such vendor.");
  return json({ data });
}

/**
 * PATCH /api/v1/vendors/:id: edit one of your organization's vendors as its edit form does: the fields you
 * change (null clears one) and the `version` from GET; a stale version answers 409 with both values.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "PATCH") return apiError(405, "Use PATCH to edit a vendor.");
  if (!can(viewer, "vendor.manage")) return apiError(403, "Your role can't edit vendors.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const row = await getVendor(viewer, params.vendorId ?? "");
  if (!row) return apiError(404, "No such vendor.");
  const merged = mergedEditInput(row, read.body, VENDOR_EDIT_FIELDS, "a vendor");
  if ("fieldErrors" in merged) return apiError(400, "Invalid vendor", merged.fieldErrors);
  const parsed = vendorFormSchema.safeParse(merged.input);
  if (!parsed.success) return apiError(400, "Invalid vendor", fieldErrorsOf(parsed.error.issues));
  const result = await updateVendor(viewer, row.id, parsed.data);
  if (!result) return apiError(403, "Only the organization that added this vendor can edit it.");
  if (!result.ok && result.conflict) return json({ error: "Someone changed this vendor since your copy.", conflict: result.conflict }, { status: 409 });
  if (!result.ok) return apiError(400, "Invalid vendor", result.fieldErrors);
  return json({ message: "Vendor saved.", data: await vendorApiJson(viewer, row.id, todayIn(viewer.timeZone)) });
}
