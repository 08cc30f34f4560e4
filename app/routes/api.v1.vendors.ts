import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listVendors } from "~/domain/vendors.server";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError } from "~/utils/responses.server";

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

export async function action({ request }: ActionFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "This endpoint is read-only.");
}
