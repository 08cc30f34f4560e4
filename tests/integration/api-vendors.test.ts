import { describe, expect, it } from "vitest";
import * as vendorsRoute from "~/routes/api.v1.vendors";
import * as vendorRoute from "~/routes/api.v1.vendors.$vendorId";
import * as vendorProducts from "~/routes/api.v1.vendors.$vendorId.products";
import * as productRoute from "~/routes/api.v1.products.$productId";
import * as agencySystems from "~/routes/api.v1.agencies.$agencyId.systems";
import * as systemRoute from "~/routes/api.v1.systems.$systemId";
import { callRoute, cookieFor, formCoalition, makeMember, makeOrganization } from "./factories";

// Vendors and products through the API: made and edited as their forms do, a stale version refused with 409.

type Versioned = { id: string; name: string; version: string };

describe("vendors and products through the API", () => {
  it("creates, edits with the version, refuses a stale copy, and leaves partners' rows read-only", async () => {
    const org = await makeOrganization("API vendors");
    const partner = await makeOrganization("API vendors partner");
    await formCoalition(org, partner);
    const cookie = await cookieFor(org.admin.id);
    const created = await callRoute(vendorsRoute.action as never, { url: "/api/v1/vendors", cookie, json: { name: "Axon Test", website: "https://axon.example" } });
    expect(created.status, await created.clone().text()).toBe(201);
    const vendor = ((await created.json()) as { data: Versioned }).data;
    const dup = await callRoute(vendorsRoute.action as never, { url: "/api/v1/vendors", cookie, json: { name: "axon test" } });
    expect(dup.status).toBe(400);
    expect(((await dup.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.name).toBeTruthy();

    const patchVendor = (body: unknown, c = cookie) => callRoute(vendorRoute.action as never, { url: `/api/v1/vendors/${vendor.id}`, cookie: c, params: { vendorId: vendor.id }, method: "PATCH", json: body });
    const saved = await patchVendor({ contactEmail: "legal@axon.example", version: vendor.version });
    expect(saved.status).toBe(200);
    expect((await patchVendor({ contactEmail: "old@axon.example", version: vendor.version })).status).toBe(409);
    expect((await patchVendor({ website: "ftp://x" })).status).toBe(400);
    expect((await patchVendor({ colour: "blue" })).status).toBe(400);

    const product = await callRoute(vendorProducts.action as never, { url: `/api/v1/vendors/${vendor.id}/products`, cookie, params: { vendorId: vendor.id }, json: { name: "Evidence.com", systemType: "records_management" } });
    expect(product.status, await product.clone().text()).toBe(201);
    const p = ((await product.json()) as { data: Versioned }).data;
    const badKind = await callRoute(vendorProducts.action as never, { url: `/api/v1/vendors/${vendor.id}/products`, cookie, params: { vendorId: vendor.id }, json: { name: "X", systemType: "toaster" } });
    expect(((await badKind.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.systemType).toBeTruthy();
    const patchProduct = (body: unknown, c = cookie) => callRoute(productRoute.action as never, { url: `/api/v1/products/${p.id}`, cookie: c, params: { productId: p.id }, method: "PATCH", json: body });
    expect((await patchProduct({ notes: "Cloud evidence store", version: p.version })).status).toBe(200);
    expect((await patchProduct({ notes: "Stale", version: p.version })).status).toBe(409);
    const got = (await (await callRoute(productRoute.loader as never, { url: `/api/v1/products/${p.id}`, cookie, params: { productId: p.id } })).json()) as { data: { notes: string } };
    expect(got.data.notes).toBe("Cloud evidence store");

    // What an agency runs: recorded and edited with the version, as the system forms.
    const system = await callRoute(agencySystems.action as never, {
      url: `/api/v1/agencies/${org.agencyId}/systems`,
      cookie,
      params: { agencyId: org.agencyId },
      json: { systemType: "records_management", productId: p.id, confidence: "confirmed", sinceOn: "2022-01-01" },
    });
    expect(system.status, await system.clone().text()).toBe(201);
    const s1 = ((await system.json()) as { data: { id: string; version: string } }).data;
    const patchSystem = (body: unknown) => callRoute(systemRoute.action as never, { url: `/api/v1/systems/${s1.id}`, cookie, params: { systemId: s1.id }, method: "PATCH", json: body });
    const savedSystem = await patchSystem({ untilOn: "2025-06-30", version: s1.version });
    expect(savedSystem.status, await savedSystem.clone().text()).toBe(200);
    expect(((await savedSystem.json()) as { data: { untilOn: string } }).data.untilOn).toBe("2025-06-30");
    expect((await patchSystem({ untilOn: "2024-01-01", version: s1.version })).status).toBe(409);
    expect((await patchSystem({ confidence: "certain" })).status).toBe(400);

    // A coalition partner reads them but can't edit them; a viewer can't edit at all.
    const partnerCookie = await cookieFor(partner.admin.id);
    expect((await callRoute(productRoute.loader as never, { url: `/api/v1/products/${p.id}`, cookie: partnerCookie, params: { productId: p.id } })).status).toBe(200);
    expect((await patchProduct({ notes: "Partner" }, partnerCookie)).status).toBe(403);
    expect((await patchVendor({ notes: "Partner" }, partnerCookie)).status).toBe(403);
    const viewer = await makeMember(org, "viewer");
    expect((await patchVendor({ notes: "Viewer" }, viewer.cookie)).status).toBe(403);
  });
});
