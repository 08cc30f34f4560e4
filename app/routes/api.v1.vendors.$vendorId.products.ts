import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { productApiJson } from "~/domain/vendor-api.server";
import { productFormSchema } from "~/domain/vendor-input";
import { createProduct } from "~/domain/vendors.server";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiViewer(request);
  return apiError(405, "Use POST to add a product; GET /api/v1/vendors/:id lists them.");
}

/** POST /api/v1/vendors/:id/products: add a product to one of your vendors, as the new product form (same schema). */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to add a product.");
  if (!can(viewer, "vendor.manage")) return apiError(403, "Your role can't add products.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = productFormSchema.safeParse(read.body);
  if (!parsed.success) return apiError(400, "Invalid product", fieldErrorsOf(parsed.error.issues));
  const created = await createProduct(viewer, params.vendorId ?? "", parsed.data);
  if (!created) return apiError(404, "No such vendor of your organization.");
  if (!created.ok) return apiError(400, "Invalid product", created.fieldErrors);
  return json({ data: await productApiJson(viewer, created.value.id) }, { status: 201, headers: { Location: `/api/v1/products/${created.value.id}` } });
}
