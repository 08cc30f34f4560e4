import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { createVendor, listVendors } from "~/domain/vendors.server";
import { vendorApiJson } from "~/domain/vendor-api.server";
import { vendorFormSchema } from "~/domain/vendor-input";
import { can } from "~/domain/permissions";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** GET /api/v1/vendors: the organization's vendors with product and agency counts; `q` filters by name. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim();
  if (q.length > 200) return apiError(400, "Invalid query parameters", { q: ["Search text must be at most 200 characters"] });
  const vendors = await listVendors(viewer, { q: q || undefined }, todayIn(viewer.timeZone));
  return json({
    data: vendors.map((v) => ({
      id: v.id,
      name: v.name,
      website: v.website,
      products: v.productCount,
      agencies: v.agencies,
      cities: v.cities,
      openRequestsToVendor: v.openRequests,
    })),
  });
}

/** POST /api/v1/vendors: add a vendor, as the new vendor form (same schema). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to add a vendor.");
  if (!can(viewer, "vendor.manage")) return apiError(403, "Your role can't add vendors.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = vendorFormSchema.safeParse(read.body);
  if (!parsed.success) return apiError(400, "Invalid vendor", fieldErrorsOf(parsed.error.issues));
  const created = await createVendor(viewer, parsed.data);
  if (!created.ok) return apiError(400, "Invalid vendor", created.fieldErrors);
  const data = await vendorApiJson(viewer, created.value.id, todayIn(viewer.timeZone));
  return json({ data }, { status: 201, headers: { Location: `/api/v1/vendors/${created.value.id}` } });
}
