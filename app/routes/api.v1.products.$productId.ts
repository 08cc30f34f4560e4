import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { mergedEditInput } from "~/domain/api-edit";
import { can } from "~/domain/permissions";
import { productApiJson } from "~/domain/vendor-api.server";
import { productFormSchema } from "~/domain/vendor-input";
import { getProduct, PRODUCT_EDIT_FIELDS, updateProduct } from "~/domain/vendors.server";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** GET /api/v1/products/:id: a product you see, with `version`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const data = await productApiJson(viewer, params.productId ?? "");
  if (!data) return apiError(404, "No such product.");
  return json({ data });
}

/** PATCH /api/v1/products/:id: edit one of your organization's products as its edit form does, with `version` (409 when stale). */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "PATCH") return apiError(405, "Use PATCH to edit a product.");
  if (!can(viewer, "vendor.manage")) return apiError(403, "Your role can't edit products.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const row = await getProduct(viewer, params.productId ?? "");
  if (!row) return apiError(404, "No such product.");
  const merged = mergedEditInput(row, read.body, PRODUCT_EDIT_FIELDS, "a product");
  if ("fieldErrors" in merged) return apiError(400, "Invalid product", merged.fieldErrors);
  const parsed = productFormSchema.safeParse(merged.input);
  if (!parsed.success) return apiError(400, "Invalid product", fieldErrorsOf(parsed.error.issues));
  const result = await updateProduct(viewer, row.id, parsed.data);
  if (!result) return apiError(403, "Only the organization that added this product can edit it.");
  if (!result.ok && result.conflict) return json({ error: "Someone changed this product since your copy.", conflict: result.conflict }, { status: 409 });
  if (!result.ok) return apiError(400, "Invalid product", result.fieldErrors);
  return json({ message: "Product saved.", data: await productApiJson(viewer, row.id) });
}
