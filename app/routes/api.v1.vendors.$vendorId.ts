import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listMembershipsFlat } from "~/domain/groups.server";
import { vendorDetailJson } from "~/domain/vendor-json";
import { getVendor, listVendorProducts, vendorEditVersion } from "~/domain/vendors.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError } from "~/utils/responses.server";

/** GET /api/v1/vendors/:id: the vendor, its products with the agencies on each (through hosting too), its groups. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const vendor = await getVendor(viewer, params.vendorId ?? "");
  if (!vendor) return apiError(404, "No such vendor.");
  const today = todayIn(viewer.timeZone);
  const [products, memberships] = await Promise.all([
    listVendorProducts(viewer, vendor.id, today),
    listMembershipsFlat(viewer, { vendorId: vendor.id }, today),
  ]);
  return json({ data: { ...vendorDetailJson(vendor, products, memberships), version: vendorEditVersion(vendor) } });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "This endpoint is read-only.");
}
