import { and, asc, count, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { agencies, agencySystems, campaigns, organizations, productGroups, products, requests, vendors } from "../../db/schema";
import { seedVendorCatalog } from "../../db/seed/vendors";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import {
  ownProducts,
  ownVendors,
  visibleCampaigns,
  visibleGroups,
  visibleProducts,
  visibleRequests,
  visibleSystems,
  visibleVendors,
} from "./access.server";
import { listCampaigns } from "./campaigns.server";
import { locationsMap } from "./maps.server";
import { listMemberAgencies, listPrecedents, memberFigures, vendorAgencyCounts, type ProductScope } from "./groups.server";
import { refreshStaleGroups } from "./memberships.server";
import { OPEN_STATUSES } from "./request-status";
import { isUuid, listRequests } from "./requests.server";
import { conflicted, fail, ok, type Result } from "./results";
import type { ProductInput, VendorInput } from "./vendor-input";
import type { KeysetCursor } from "./target-list-input";
import { editVersion, staleEdit } from "./edit-version";

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23503" || e?.cause?.code === "23503";
}

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The organization's vendors with their products and how many agencies use them (through hosting too). */
export async function listVendors(viewer: Viewer, filters: { q?: string }, today: string, db: Executor = defaultDb) {
  const conditions = [visibleVendors(viewer)];
  if (filters.q) conditions.push(ilike(vendors.name, containsPattern(filters.q)));
  const productTotals = db
    .select({ vendorId: products.vendorId, productCount: count().as("product_count") })
    .from(products)
    .where(visibleProducts(viewer))
    .groupBy(products.vendorId)
    .as("product_totals");
  // Open requests to each vendor listed, counted per vendor through the requests' vendor index (a vendor has few
  // requests), not by grouping every open request the viewer sees.
  const openToVendor = db
    .select({ n: count() })
    .from(requests)
    .where(and(eq(requests.vendorId, vendors.id), visibleRequests(viewer), inArray(requests.status, [...OPEN_STATUSES])));
  const [rows, agencyCounts] = await Promise.all([
    db
      .select({
        id: vendors.id,
        name: vendors.name,
        website: vendors.website,
        organizationId: vendors.organizationId,
        organizationName: organizations.name,
        productCount: sql<number>`coalesce(${productTotals.productCount}, 0)`.mapWith(Number),
        openRequests: sql<number>`(${openToVendor})`.mapWith(Number),
      })
      .from(vendors)
      .innerJoin(organizations, eq(organizations.id, vendors.organizationId))
      .leftJoin(productTotals, eq(productTotals.vendorId, vendors.id))
      .where(and(...conditions))
      .orderBy(asc(sql`lower(${vendors.name})`)),
    vendorAgencyCounts(viewer, today, db),
  ]);
  const byVendor = new Map(agencyCounts.map((c) => [c.vendorId, c]));
  return rows.map((r) => ({ ...r, agencies: byVendor.get(r.id)?.agencies ?? 0, cities: byVendor.get(r.id)?.cities ?? 0 }));
}

/** The organization's own vendors, for choosing a request's target. */
export async function listVendorOptions(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(ownVendors(viewer))
    .orderBy(asc(sql`lower(${vendors.name})`));
}

/** The organization's products grouped under their vendors' names, for choosing an agency's system. */
export async function listProductOptions(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({ id: products.id, name: products.name, systemType: products.systemType, vendorId: vendors.id, vendorName: vendors.name })
    .from(products)
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(and(ownProducts(viewer), ownVendors(viewer)))
    .orderBy(asc(sql`lower(${vendors.name})`), asc(sql`lower(${products.name})`));
}

export async function getVendor(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: vendors.id,
      name: vendors.name,
      website: vendors.website,
      contactName: vendors.contactName,
      contactEmail: vendors.contactEmail,
      notes: vendors.notes,
      createdAt: vendors.createdAt,
      updatedAt: vendors.updatedAt,
      organizationId: vendors.organizationId,
      organizationName: organizations.name,
    })
    .from(vendors)
    .innerJoin(organizations, eq(organizations.id, vendors.organizationId))
    .where(and(eq(vendors.id, id), visibleVendors(viewer)))
    .limit(1);
  return row ?? null;
}
export type VendorDetail = NonNullable<Awaited<ReturnType<typeof getVendor>>>;

/** The shared-vendor groups of some products: per system type they are used as, the places, agencies and states. */
async function groupsOfProducts(viewer: Viewer, productIds: string[], today: string, db: Executor) {
  if (productIds.length === 0) return [];
  await refreshStaleGroups(db, viewer.organizationId, today);
  return db
    .select({
      productId: productGroups.productId,
      systemType: productGroups.systemType,
      cities: productGroups.cities,
      agencies: productGroups.agencies,
      states: productGroups.states,
      hosted: productGroups.hosted,
    })
    .from(productGroups)
    .where(and(inArray(productGroups.productId, productIds), visibleGroups(viewer)))
    .orderBy(desc(productGroups.cities));
}

/** The vendor's products, each with its groups (one per system type it is used as), today. */
export async function listVendorProducts(viewer: Viewer, vendorId: string, today: string, db: Executor = defaultDb) {
  const rows = await db
    .select({ id: products.id, name: products.name, systemType: products.systemType, notes: products.notes })
    .from(products)
    .where(and(eq(products.vendorId, vendorId), visibleProducts(viewer)))
    .orderBy(asc(sql`lower(${products.name})`));
  const groups = await groupsOfProducts(viewer, rows.map((r) => r.id), today, db);
  return rows.map((r) => ({ ...r, groups: groups.filter((g) => g.productId === r.id) }));
}

/** The values the vendor and product edit forms show, whose versions they carry. */
export const VENDOR_EDIT_FIELDS = ["name", "website", "contactName", "contactEmail", "notes"] as const;
const VENDOR_LABELS: Record<string, string> = { name: "Name", website: "Website", contactName: "Contact name", contactEmail: "Contact email", notes: "Notes" };
export const PRODUCT_EDIT_FIELDS = ["name", "systemType", "notes"] as const;
const PRODUCT_LABELS: Record<string, string> = { name: "Name", systemType: "Kind of system", notes: "Notes" };

export function vendorEditVersion(row: Record<string, unknown>): string {
  return editVersion(row, VENDOR_EDIT_FIELDS);
}
export function productEditVersion(row: Record<string, unknown>): string {
  return editVersion(row, PRODUCT_EDIT_FIELDS);
}

function vendorValues(input: VendorInput) {
  return {
    name: input.name,
    website: input.website ?? null,
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
    notes: input.notes ?? null,
  };
}

const vendorNameTaken = (name: string) => fail("name", `There is already a vendor named ${name} (names are compared ignoring case)`);

export async function createVendor(viewer: Viewer, input: VendorInput, db: Executor = defaultDb): Promise<Result<{ id: string }>> {
  try {
    const [row] = await db
      .insert(vendors)
      .values({ organizationId: viewer.organizationId, createdById: viewer.id, ...vendorValues(input) })
      .returning({ id: vendors.id });
    return ok(row!);
  } catch (error) {
    if (isUniqueViolation(error)) return vendorNameTaken(input.name);
    throw error;
  }
}

export async function updateVendor(
  viewer: Viewer,
  id: string,
  input: VendorInput,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }> | null> {
  if (!isUuid(id)) return null;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(vendors).where(and(eq(vendors.id, id), ownVendors(viewer))).for("update");
      if (!current) return null;
      const values = vendorValues(input);
      const conflict = staleEdit({ version: input.version, current, next: values, fields: VENDOR_EDIT_FIELDS, labels: VENDOR_LABELS });
      if (conflict) return conflicted(conflict);
      await tx.update(vendors).set(values).where(eq(vendors.id, id));
      return ok({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return vendorNameTaken(input.name);
    throw error;
  }
}

/** What still points at a vendor or product; deleting is refused while any of it exists. */
async function vendorLinks(tx: Executor, viewer: Viewer, vendorId: string) {
  const productIds = tx.select({ id: products.id }).from(products).where(eq(products.vendorId, vendorId));
  const [[systemCount], [requestCount], [campaignCount]] = await Promise.all([
    tx.select({ n: count() }).from(agencySystems).where(and(inArray(agencySystems.productId, productIds), visibleSystems(viewer))),
    tx.select({ n: count() }).from(requests).where(and(eq(requests.vendorId, vendorId), visibleRequests(viewer))),
    tx
      .select({ n: count() })
      .from(campaigns)
      .where(and(or(eq(campaigns.vendorId, vendorId), inArray(campaigns.productId, productIds)), visibleCampaigns(viewer))),
  ]);
  return { systems: systemCount?.n ?? 0, requests: requestCount?.n ?? 0, campaigns: campaignCount?.n ?? 0 };
}

function linksExplanation(name: string, links: { systems: number; requests: number; campaigns: number }, subject: "vendor" | "product") {
  const reasons = [
    links.systems ? `${plural(links.systems, "agency system uses", "agency systems use")} ${subject === "vendor" ? "its products" : "it"}` : null,
    links.requests ? `${plural(links.requests, "request is", "requests are")} addressed to it` : null,
    links.campaigns ? `${plural(links.campaigns, "joint ask starts", "joint asks start")} from it` : null,
  ].filter(Boolean);
  return `${name} can't be deleted: ${reasons.join(", ")}. Those records would lose what they point at; change or remove them first.`;
}

/** Deletes a vendor and its products, unless anything still uses them (then explains what). */
export async function deleteVendor(viewer: Viewer, id: string, db: Executor = defaultDb): Promise<Result<{ name: string }> | null> {
  if (!isUuid(id)) return null;
  try {
    return await db.transaction(async (tx) => {
      const [vendor] = await tx
        .select({ id: vendors.id, name: vendors.name })
        .from(vendors)
        .where(and(eq(vendors.id, id), ownVendors(viewer)))
        .for("update")
        .limit(1);
      if (!vendor) return null;
      const links = await vendorLinks(tx, viewer, vendor.id);
      if (links.systems || links.requests || links.campaigns) return fail("", linksExplanation(vendor.name, links, "vendor"));
      await tx.delete(products).where(and(eq(products.vendorId, vendor.id), ownProducts(viewer)));
      await tx.delete(vendors).where(eq(vendors.id, vendor.id));
      return ok({ name: vendor.name });
    });
  } catch (error) {
    // Something linked to it in the moment between the check and the delete.
    if (isForeignKeyViolation(error)) return fail("", "The vendor can't be deleted: something was just linked to it. Reload and try again.");
    throw error;
  }
}

/** Adds the standard vendor list (from the reference data) to the organization; existing names are kept. */
export function addStandardVendors(viewer: Viewer, db: Executor = defaultDb) {
  return seedVendorCatalog(db, viewer.organizationId, viewer.id);
}

// Products

export async function getProduct(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: products.id,
      name: products.name,
      systemType: products.systemType,
      notes: products.notes,
      vendorId: vendors.id,
      vendorName: vendors.name,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      organizationId: products.organizationId,
      organizationName: organizations.name,
    })
    .from(products)
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .innerJoin(organizations, eq(organizations.id, products.organizationId))
    .where(and(eq(products.id, id), visibleProducts(viewer)))
    .limit(1);
  return row ?? null;
}
export type ProductDetail = NonNullable<Awaited<ReturnType<typeof getProduct>>>;

const productNameTaken = (name: string) => fail("name", `This vendor already has a product named ${name}`);

function productValues(input: ProductInput) {
  return { name: input.name, systemType: input.systemType, notes: input.notes ?? null };
}

export async function createProduct(
  viewer: Viewer,
  vendorId: string,
  input: ProductInput,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }> | null> {
  const vendor = await getVendor(viewer, vendorId, db);
  if (!vendor || vendor.organizationId !== viewer.organizationId) return null;
  try {
    const [row] = await db
      .insert(products)
      .values({ organizationId: viewer.organizationId, vendorId: vendor.id, createdById: viewer.id, ...productValues(input) })
      .returning({ id: products.id });
    return ok(row!);
  } catch (error) {
    if (isUniqueViolation(error)) return productNameTaken(input.name);
    throw error;
  }
}

export async function updateProduct(
  viewer: Viewer,
  id: string,
  input: ProductInput,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }> | null> {
  if (!isUuid(id)) return null;
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(products).where(and(eq(products.id, id), ownProducts(viewer))).for("update");
      if (!current) return null;
      const values = productValues(input);
      const conflict = staleEdit({ version: input.version, current, next: values, fields: PRODUCT_EDIT_FIELDS, labels: PRODUCT_LABELS });
      if (conflict) return conflicted(conflict);
      await tx.update(products).set(values).where(eq(products.id, id));
      return ok({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return productNameTaken(input.name);
    throw error;
  }
}

export async function deleteProduct(
  viewer: Viewer,
  id: string,
  db: Executor = defaultDb,
): Promise<Result<{ name: string; vendorId: string }> | null> {
  if (!isUuid(id)) return null;
  try {
    return await db.transaction(async (tx) => {
      const [product] = await tx
        .select({ id: products.id, name: products.name, vendorId: products.vendorId })
        .from(products)
        .where(and(eq(products.id, id), ownProducts(viewer)))
        .for("update")
        .limit(1);
      if (!product) return null;
      const [[systemCount], [campaignCount]] = await Promise.all([
        tx.select({ n: count() }).from(agencySystems).where(and(eq(agencySystems.productId, product.id), visibleSystems(viewer))),
        tx.select({ n: count() }).from(campaigns).where(and(eq(campaigns.productId, product.id), visibleCampaigns(viewer))),
      ]);
      const links = { systems: systemCount?.n ?? 0, requests: 0, campaigns: campaignCount?.n ?? 0 };
      if (links.systems || links.campaigns) return fail("", linksExplanation(product.name, links, "product"));
      await tx.delete(products).where(eq(products.id, product.id));
      return ok({ name: product.name, vendorId: product.vendorId });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return fail("", "The product can't be deleted: something was just linked to it. Reload and try again.");
    throw error;
  }
}

// The vendor and product pages, as their loaders (and the benchmark) call them.

/** The filters of the agencies list on a vendor's or product's page (see memberAgencyQuery). */
export type MemberListOptions = { stateCode?: string; q?: string; cursor?: KeysetCursor };

/**
 * Agencies on the product(s): one keyset page (50, read in index order) narrowed by name and state, with the
 * states and how many agencies each has and the map's cells (kept per product and vendor: member_map_cells),
 * and the total across states (counted only when narrowed by name).
 */
async function membersByState(viewer: Viewer, scope: ProductScope, today: string, options: MemberListOptions, db: Executor) {
  const [figures, members] = await Promise.all([
    memberFigures(viewer, scope, today, db),
    listMemberAgencies(viewer, scope, { today, stateCode: options.stateCode, q: options.q, cursor: options.cursor, countTotal: Boolean(options.q) }, db),
  ]);
  const { states, locations } = figures;
  const total = states.reduce((sum, s) => sum + s.agencies, 0);
  if (!options.q) members.total = options.stateCode ? (states.find((s) => s.stateCode === options.stateCode)?.agencies ?? 0) : total;
  return { states, totalAgencies: total, stateCode: options.stateCode ?? null, members, map: locationsMap(locations) };
}

export async function getVendorPage(
  viewer: Viewer,
  id: string,
  today: string,
  options: MemberListOptions = {},
  db: Executor = defaultDb,
) {
  const vendor = await getVendor(viewer, id, db);
  if (!vendor) return null;
  const scope = { vendorId: vendor.id };
  const [productList, byState, precedents, toVendor, campaignList] = await Promise.all([
    listVendorProducts(viewer, vendor.id, today, db),
    membersByState(viewer, scope, today, options, db),
    listPrecedents(viewer, scope, { today, vendorId: vendor.id, limit: 20 }, db),
    listRequests(viewer, { vendor: vendor.id, sort: "updated", pageSize: 50 }, db),
    listCampaigns(viewer, { vendorId: vendor.id }, db),
  ]);
  return { vendor, products: productList, ...byState, precedents, requests: toVendor, campaigns: campaignList };
}

export async function getProductPage(
  viewer: Viewer,
  id: string,
  today: string,
  options: MemberListOptions = {},
  db: Executor = defaultDb,
) {
  const product = await getProduct(viewer, id, db);
  if (!product) return null;
  const scope = { productId: product.id };
  const [byState, groups, precedents, former] = await Promise.all([
    membersByState(viewer, scope, today, options, db),
    groupsOfProducts(viewer, [product.id], today, db),
    listPrecedents(viewer, scope, { today, vendorId: product.vendorId, limit: 20 }, db),
    listFormerUsers(viewer, product.id, today, db),
  ]);
  return { product, ...byState, groups, precedents, former };
}

/** Agencies that ran the product directly and stopped (until a past date). */
async function listFormerUsers(viewer: Viewer, productId: string, today: string, db: Executor) {
  return db
    .select({ systemId: agencySystems.id, agencyId: agencies.id, agencyName: agencies.name, untilOn: agencySystems.untilOn })
    .from(agencySystems)
    .innerJoin(agencies, eq(agencies.id, agencySystems.agencyId))
    .where(and(eq(agencySystems.productId, productId), visibleSystems(viewer), sql`${agencySystems.untilOn} < ${today}::date`))
    .orderBy(desc(agencySystems.untilOn))
    .limit(50);
}
