import type { Viewer } from "./accounts.server";
import { ownsRow } from "./access.server";
import { listMembershipsFlat } from "./groups.server";
import { vendorDetailJson } from "./vendor-json";
import { getProduct, getVendor, listVendorProducts, productEditVersion, vendorEditVersion } from "./vendors.server";

// What the JSON API answers about a vendor (as GET /api/v1/vendors/:id) and a product, after a read or a change.

export async function vendorApiJson(viewer: Viewer, id: string, today: string) {
  const vendor = await getVendor(viewer, id);
  if (!vendor) return null;
  const [products, memberships] = await Promise.all([listVendorProducts(viewer, vendor.id, today), listMembershipsFlat(viewer, { vendorId: vendor.id }, today)]);
  return { ...vendorDetailJson(vendor, products, memberships), version: vendorEditVersion(vendor) };
}

export async function productApiJson(viewer: Viewer, id: string) {
  const row = await getProduct(viewer, id);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    systemType: row.systemType,
    notes: row.notes,
    vendor: { id: row.vendorId, name: row.vendorName },
    organization: { id: row.organizationId, name: row.organizationName },
    editable: ownsRow(viewer, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: productEditVersion(row),
  };
}
