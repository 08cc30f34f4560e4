import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jurisdictions, productGroups, products, vendors } from "../../db/schema";
import { createCampaign } from "~/domain/campaigns.server";
import { standardRecordType } from "~/domain/catalog.server";
import { listGroups } from "~/domain/groups.server";
import { DEFAULT_AGENCY_LETTER } from "~/domain/letters";
import { createLocalJurisdiction, updateAgency } from "~/domain/places.server";
import { createRequest } from "~/domain/requests.server";
import { deleteSystem } from "~/domain/systems.server";
import { campaignFormSchema } from "~/domain/vendor-input";
import { addStandardVendors, createVendor, deleteProduct, deleteVendor, updateVendor } from "~/domain/vendors.server";
import * as apiRequests from "~/routes/api.v1.requests";
import * as apiVendors from "~/routes/api.v1.vendors";
import * as requestPage from "~/routes/requests.$requestId";
import * as vendorEdit from "~/routes/vendors.$vendorId_.edit";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeAgency, makeOrganization, makeProduct, makeSystem, makeVendor, TODAY } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;

beforeAll(async () => {
  org = await makeOrganization("Vendors");
});

describe("vendor names", () => {
  it("are unique in an organization, ignoring case, and free across organizations", async () => {
    await makeVendor(org.viewer, "Mark43");
    expect(await createVendor(org.viewer, { name: "MARK43" })).toEqual({
      ok: false,
      fieldErrors: { name: ["There is already a vendor named MARK43 (names are compared ignoring case)"] },
    });
    const other = await makeVendor(org.viewer, "Versaterm");
    expect((await updateVendor(org.viewer, other, { name: "mark43" }))?.ok).toBe(false);
    const elsewhere = await makeOrganization("Elsewhere");
    expect((await createVendor(elsewhere.viewer, { name: "Mark43" })).ok).toBe(true);
  });

  it("adds the standard list once, keeping vendors the organization already has", async () => {
    const first = await addStandardVendors(org.viewer);
    // Mark43 and Versaterm were added by hand above.
    expect(first.vendorsAdded).toBeGreaterThan(10);
    const again = await addStandardVendors(org.viewer);
    expect(again).toEqual({ vendorsAdded: 0, productsAdded: 0 });
    const tyler = await db.select().from(vendors).where(eq(vendors.name, "Tyler Technologies"));
    expect(tyler.filter((v) => v.organizationId === org.org.id)).toHaveLength(1);
    const tylerProducts = await db.select({ name: products.name }).from(products).where(eq(products.vendorId, tyler.find((v) => v.organizationId === org.org.id)!.id));
    expect(tylerProducts.map((p) => p.name).sort()).toEqual(["Enterprise CAD", "Enterprise Law Enforcement Records (New World RMS)"]);
  });
});

describe("deleting vendors and products", () => {
  it("is refused while systems, requests or joint asks use them, with an explanation", async () => {
    const vendorId = await makeVendor(org.viewer, "Northwind Systems");
    const productId = await makeProduct(org.viewer, vendorId, "Niche RMS");
    const { agencyId } = await makeAgency(org.viewer, { name: "Cedar Police", place: "Cedar", state: "WI" });
    const systemId = await makeSystem(org.viewer, agencyId, { productId });
    const request = await createRequest(org.viewer, { title: "Export spec", description: "The standard export.", vendorId, initialStatus: "draft", tags: [] }, TODAY);
    expect(request.ok).toBe(true);

    expect(await deleteVendor(org.viewer, vendorId)).toEqual({
      ok: false,
      fieldErrors: {
        "": [
          "Northwind Systems can't be deleted: 1 agency system uses its products, 1 request is addressed to it. Those records would lose what they point at; change or remove them first.",
        ],
      },
    });
    expect(await deleteProduct(org.viewer, productId)).toEqual({
      ok: false,
      fieldErrors: { "": [expect.stringMatching(/^Niche RMS can't be deleted: 1 agency system uses it\./)] },
    });
    expect(await db.select().from(vendors).where(eq(vendors.id, vendorId))).toHaveLength(1);

    // Through the page: 409 with the explanation, nothing deleted.
    const response = await callRoute(vendorEdit.action, { url: `/vendors/${vendorId}/edit`, cookie: await cookieFor(org.admin.id), params: { vendorId }, form: { intent: "delete" } });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("can't be deleted");

    await deleteSystem(org.viewer, systemId);
    expect(await deleteProduct(org.viewer, productId)).toEqual({ ok: true, value: { name: "Niche RMS", vendorId } });
  });

  it("deletes an unused vendor with its unused products", async () => {
    const vendorId = await makeVendor(org.viewer, "Acme Records");
    await makeProduct(org.viewer, vendorId, "WebRMS");
    expect(await deleteVendor(org.viewer, vendorId)).toEqual({ ok: true, value: { name: "Acme Records" } });
    expect(await db.select().from(products).where(eq(products.vendorId, vendorId))).toEqual([]);
  });

  it("refuses a product a joint ask started from", async () => {
    const vendorId = await makeVendor(org.viewer, "Beacon Dispatch");
    const productId = await makeProduct(org.viewer, vendorId, "HxGN OnCall", "computer_aided_dispatch");
    const { agencyId } = await makeAgency(org.viewer, { name: "Birch Police", place: "Birch", state: "WI" });
    const campaign = await createCampaign(
      org.viewer,
      campaignFormSchema.parse({ title: "x", ask: "y", recordTypeIds: [(await standardRecordType("calls_for_service"))!.id], letterTemplate: DEFAULT_AGENCY_LETTER, targets: [agencyId], productId }),
      TODAY,
    );
    expect(campaign.ok).toBe(true);
    expect(await deleteProduct(org.viewer, productId)).toEqual({
      ok: false,
      fieldErrors: { "": [expect.stringContaining("1 joint ask starts from it")] },
    });
  });
});

describe("group sizes over time", () => {
  it("drop a system once its end date has passed, and follow an agency that moves", async () => {
    const vendorId = await makeVendor(org.viewer, "Crestline Software");
    const productId = await makeProduct(org.viewer, vendorId, "CentralSquare RMS");
    const a = await makeAgency(org.viewer, { name: "Aspen Police", place: "Aspen", state: "PA" });
    const b = await makeAgency(org.viewer, { name: "Beech Police", place: "Beech", state: "PA" });
    await makeSystem(org.viewer, a.agencyId, { productId });
    await makeSystem(org.viewer, b.agencyId, { productId }, { untilOn: "2026-12-31" });
    const size = async (today: string) =>
      (await listGroups(org.viewer, { minCities: 1 }, today)).rows.find((g) => g.productId === productId)?.cities ?? 0;
    expect(await size(TODAY)).toBe(2);
    expect(await size("2027-01-01")).toBe(1);
    const [stored] = await db.select().from(productGroups).where(eq(productGroups.productId, productId));
    expect(stored).toMatchObject({ cities: 1, computedOn: "2027-01-01", staleAfter: null });

    // Beech's agency moves to Aspen: one place left on the product (as of today).
    const aspen = (await db.select().from(jurisdictions).where(eq(jurisdictions.id, a.placeId)))[0]!;
    const moved = await updateAgency(org.viewer, b.agencyId, { name: "Beech Police", type: "police", jurisdictionId: aspen.id });
    expect(moved?.ok).toBe(true);
    expect(await size(TODAY)).toBe(1);
    const elsewhere = await createLocalJurisdiction(org.viewer, { name: "Cypress", kind: "city", stateId: aspen.stateId! });
    if (!elsewhere.ok) throw new Error("place");
    await updateAgency(org.viewer, b.agencyId, { name: "Beech Police", type: "police", jurisdictionId: elsewhere.value.id });
    expect(await size(TODAY)).toBe(2);
  });
});

describe("requests to a vendor", () => {
  it("are filed through the API and shown with the vendor as their target", async () => {
    const vendorId = await makeVendor(org.viewer, "Targetable Vendor");
    const cookie = await cookieFor(org.admin.id);
    const created = await callRoute(apiRequests.action, {
      url: "/api/v1/requests",
      cookie,
      json: { title: "Standard export", description: "The export every customer can run.", vendorId },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { data: { id: string; agency: unknown; vendor: { id: string; name: string } } };
    expect(body.data.agency).toBeNull();
    expect(body.data.vendor).toEqual({ id: vendorId, name: "Targetable Vendor" });
    const page = await callRoute(requestPage.loader, { url: `/requests/${body.data.id}`, cookie, params: { requestId: body.data.id } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Targetable Vendor");
  });

  it("need exactly one target: an agency or a vendor", async () => {
    const vendorId = await makeVendor(org.viewer, "Twice Vendor");
    const cookie = await cookieFor(org.admin.id);
    const both = await callRoute(apiRequests.action, { url: "/api/v1/requests", cookie, json: { title: "x", description: "y", vendorId, agencyId: org.agencyId } });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ vendorId: ["Choose an agency or a vendor, not both"] });
    const none = await callRoute(apiRequests.action, { url: "/api/v1/requests", cookie, json: { description: "y" } });
    expect(((await none.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      title: ["Title is required"],
      agencyId: ["Choose an agency"],
    });
  });
});

describe("GET /api/v1/vendors", () => {
  it("lists each vendor with its products, the agencies and cities on them (through hosting too) and its open requests", async () => {
    const api = await makeOrganization("Vendor API");
    const v = api.viewer;
    const acme = await createVendor(v, { name: "Acme Public Safety", website: "https://acme.example" });
    if (!acme.ok) throw new Error("vendor");
    const zenith = await makeVendor(v, "Zenith Dispatch");
    const rms = await makeProduct(v, acme.value.id, "Acme RMS");
    await makeProduct(v, acme.value.id, "Acme CAD", "computer_aided_dispatch");
    const elmPolice = (await makeAgency(v, { name: "Elm Police", place: "Elm" })).agencyId;
    const elmSheriff = (await makeAgency(v, { name: "Elm Sheriff", place: "Elm", type: "sheriff" })).agencyId;
    const oakPolice = (await makeAgency(v, { name: "Oak Police", place: "Oak" })).agencyId;
    await makeSystem(v, elmPolice, { productId: rms });
    await makeSystem(v, elmSheriff, { productId: rms });
    await makeSystem(v, oakPolice, { hostAgencyId: elmPolice });
    const open = await createRequest(v, { title: "Export spec", description: "y", vendorId: acme.value.id, initialStatus: "submitted", tags: [] }, TODAY);
    const draft = await createRequest(v, { title: "Not sent", description: "y", vendorId: acme.value.id, initialStatus: "draft", tags: [] }, TODAY);
    expect(open.ok && draft.ok).toBe(true);
    const cookie = await cookieFor(api.admin.id);

    const response = await callRoute(apiVendors.loader, { url: "/api/v1/vendors", cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: [
        { id: acme.value.id, name: "Acme Public Safety", website: "https://acme.example", products: 2, agencies: 3, cities: 2, openRequestsToVendor: 1 },
        { id: zenith, name: "Zenith Dispatch", website: null, products: 0, agencies: 0, cities: 0, openRequestsToVendor: 0 },
      ],
    });

    const filtered = await callRoute(apiVendors.loader, { url: "/api/v1/vendors?q=ZEN", cookie });
    expect(((await filtered.json()) as { data: Array<{ name: string }> }).data.map((d) => d.name)).toEqual(["Zenith Dispatch"]);
    const tooLong = await callRoute(apiVendors.loader, { url: `/api/v1/vendors?q=${"x".repeat(201)}`, cookie });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ error: "Invalid query parameters", fieldErrors: { q: ["Search text must be at most 200 characters"] } });
    expect((await callRoute(apiVendors.loader, { url: "/api/v1/vendors" })).status).toBe(401);
    // POST creates a vendor (api-vendors.test.ts); other methods are refused.
    expect((await callRoute(apiVendors.action, { url: "/api/v1/vendors", cookie, method: "PUT", json: { name: "x" } })).status).toBe(405);
  });
});
