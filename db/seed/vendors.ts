import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { products, vendors } from "../schema";
import { VENDOR_CATALOG } from "./data/vendors";

/**
 * Adds the standard vendor list to an organization. Idempotent: vendors and products it already has (by name,
 * ignoring case) are left as they are, so it is safe to run again after the list grows.
 */
export async function seedVendorCatalog(
  db: Executor,
  organizationId: string,
  createdById: string | null,
): Promise<{ vendorsAdded: number; productsAdded: number }> {
  const addedVendors = await db
    .insert(vendors)
    .values(
      VENDOR_CATALOG.map((v) => ({
        organizationId,
        name: v.name,
        website: v.website ?? null,
        notes: v.notes,
        createdById,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: vendors.id });

  const names = VENDOR_CATALOG.map((v) => v.name.toLowerCase());
  const rows = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.organizationId, organizationId), inArray(sql`lower(${vendors.name})`, names)));
  const idByName = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));

  const productRows = VENDOR_CATALOG.flatMap((v) =>
    v.products.map((p) => ({
      organizationId,
      vendorId: idByName.get(v.name.toLowerCase())!,
      name: p.name,
      systemType: p.systemType,
      notes: p.notes ?? null,
      createdById,
    })),
  );
  const addedProducts = productRows.length
    ? await db.insert(products).values(productRows).onConflictDoNothing().returning({ id: products.id })
    : [];
  return { vendorsAdded: addedVendors.length, productsAdded: addedProducts.length };
}
