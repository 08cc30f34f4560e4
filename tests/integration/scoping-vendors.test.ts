import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencySystems, campaigns, products, requests, vendors } from "../../db/schema";
import { createCampaign } from "~/domain/campaigns.server";
import { standardRecordType } from "~/domain/catalog.server";
import { DEFAULT_AGENCY_LETTER } from "~/domain/letters";
import { createSystem } from "~/domain/systems.server";
import { campaignFormSchema } from "~/domain/vendor-input";
import * as agencySystemNew from "~/routes/agencies.$agencyId_.systems.new";
import * as agencyPage from "~/routes/agencies.$agencyId";
import * as apiCampaign from "~/routes/api.v1.campaigns.$campaignId";
import * as apiVendor from "~/routes/api.v1.vendors.$vendorId";
import * as apiVendors from "~/routes/api.v1.vendors";
import * as campaignExport from "~/routes/campaigns.$campaignId_.export";
import * as campaignPage from "~/routes/campaigns.$campaignId";
import * as campaignsIndex from "~/routes/campaigns._index";
import * as campaignsNew from "~/routes/campaigns.new";
import * as groupsPage from "~/routes/groups";
import * as productEdit from "~/routes/products.$productId_.edit";
import * as productPage from "~/routes/products.$productId";
import * as requestsNew from "~/routes/requests.new";
import * as systemDocument from "~/routes/systems.$systemId.documents.$documentId";
import * as systemEdit from "~/routes/systems.$systemId.edit";
import * as vendorEdit from "~/routes/vendors.$vendorId_.edit";
import * as vendorPage from "~/routes/vendors.$vendorId";
import * as vendorProductNew from "~/routes/vendors.$vendorId_.products.new";
import * as vendorsIndex from "~/routes/vendors._index";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeAgency, makeOrganization, makeProduct, makeVendor, TODAY } from "./factories";

// Organization B tries every vendor, product, system and joint-ask route with organization A's ids, and reads
// every list. Nothing of A may come back and nothing of A may change.

const SECRET_VENDOR = "Quietcorp Surveillance ZX9";
const SECRET_PRODUCT = "Hushware RMS 7Q";
const SECRET_CAMPAIGN = "Private joint ask K42";

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let bCookie: string;
const ids: Record<string, string> = {};
/** A standard record type (shared by every organization, so not one of A's secrets). */
let stopsTypeId: string;

beforeAll(async () => {
  a = await makeOrganization("Alpha");
  b = await makeOrganization("Bravo");
  bCookie = await cookieFor(b.admin.id);
  ids.vendor = await makeVendor(a.viewer, SECRET_VENDOR);
  ids.product = await makeProduct(a.viewer, ids.vendor, SECRET_PRODUCT);
  ids.agency = (await makeAgency(a.viewer, { name: "Alpha Hidden Police", place: "Alpha Hidden City", state: "WI" })).agencyId;
  const system = await createSystem(
    a.viewer,
    ids.agency,
    { systemType: "records_management", productId: ids.product, confidence: "confirmed" },
    { name: "contract.pdf", bytes: new TextEncoder().encode("%PDF-1.4 secret contract") },
  );
  if (!system?.ok) throw new Error("system");
  ids.system = system.value.id;
  const [document] = await db.query.systemDocuments.findMany({ where: (d, { eq: is }) => is(d.systemId, ids.system!) });
  ids.document = document!.id;
  stopsTypeId = (await standardRecordType("stops"))!.id;
  const campaign = await createCampaign(
    a.viewer,
    campaignFormSchema.parse({
      title: SECRET_CAMPAIGN,
      ask: "Secret ask",
      recordTypeIds: [stopsTypeId],
      letterTemplate: DEFAULT_AGENCY_LETTER,
      targets: [ids.agency],
      productId: ids.product,
      initialStatus: "submitted",
    }),
    TODAY,
  );
  if (!campaign.ok) throw new Error("campaign");
  ids.campaign = campaign.value.id;
  ids.request = (await db.select({ id: requests.id }).from(requests).where(eq(requests.campaignId, ids.campaign)))[0]!.id;
});

async function expectNoLeak(response: Response) {
  const text = await response.clone().text();
  for (const secret of [SECRET_VENDOR, SECRET_PRODUCT, SECRET_CAMPAIGN, "Alpha Hidden", ...Object.values(ids)]) {
    expect(text, secret).not.toContain(secret);
  }
}

async function snapshotOfA() {
  const [v, p, s, c, r] = await Promise.all([
    db.select().from(vendors).where(eq(vendors.id, ids.vendor!)),
    db.select().from(products).where(eq(products.id, ids.product!)),
    db.select().from(agencySystems).where(eq(agencySystems.id, ids.system!)),
    db.select().from(campaigns).where(eq(campaigns.id, ids.campaign!)),
    db.select().from(requests).where(eq(requests.id, ids.request!)),
  ]);
  return { v, p, s, c, r };
}

describe("a user of another organization", () => {
  it("gets 404 for every vendor, product, system, document and joint-ask page", async () => {
    const pages = [
      [vendorPage.loader, `/vendors/${ids.vendor}`, { vendorId: ids.vendor }],
      [vendorEdit.loader, `/vendors/${ids.vendor}/edit`, { vendorId: ids.vendor }],
      [vendorProductNew.loader, `/vendors/${ids.vendor}/products/new`, { vendorId: ids.vendor }],
      [productPage.loader, `/products/${ids.product}`, { productId: ids.product }],
      [productEdit.loader, `/products/${ids.product}/edit`, { productId: ids.product }],
      [agencySystemNew.loader, `/agencies/${ids.agency}/systems/new`, { agencyId: ids.agency }],
      [systemEdit.loader, `/systems/${ids.system}/edit`, { systemId: ids.system }],
      [systemDocument.loader, `/systems/${ids.system}/documents/${ids.document}`, { systemId: ids.system, documentId: ids.document }],
      [campaignPage.loader, `/campaigns/${ids.campaign}`, { campaignId: ids.campaign }],
      [campaignExport.loader, `/campaigns/${ids.campaign}/export`, { campaignId: ids.campaign }],
      [apiVendor.loader, `/api/v1/vendors/${ids.vendor}`, { vendorId: ids.vendor }],
      [apiCampaign.loader, `/api/v1/campaigns/${ids.campaign}`, { campaignId: ids.campaign }],
    ] as const;
    for (const [handler, url, params] of pages) {
      const response = await callRoute(handler, { url, cookie: bCookie, params: params as Record<string, string> });
      expect(response.status, url).toBe(404);
      await expectNoLeak(response);
    }
  });

  it("can change nothing through any action", async () => {
    const before = await snapshotOfA();
    const attempts = [
      [vendorEdit.action, `/vendors/${ids.vendor}/edit`, { vendorId: ids.vendor }, { name: "hijacked" }],
      [vendorEdit.action, `/vendors/${ids.vendor}/edit`, { vendorId: ids.vendor }, { intent: "delete" }],
      [vendorProductNew.action, `/vendors/${ids.vendor}/products/new`, { vendorId: ids.vendor }, { name: "hijack", systemType: "other" }],
      [productEdit.action, `/products/${ids.product}/edit`, { productId: ids.product }, { name: "hijacked", systemType: "other" }],
      [productEdit.action, `/products/${ids.product}/edit`, { productId: ids.product }, { intent: "delete" }],
      [agencySystemNew.action, `/agencies/${ids.agency}/systems/new`, { agencyId: ids.agency }, { systemType: "mobile", productId: ids.product, confidence: "reported" }],
      [systemEdit.action, `/systems/${ids.system}/edit`, { systemId: ids.system }, { systemType: "mobile", productId: ids.product, confidence: "reported" }],
      [systemEdit.action, `/systems/${ids.system}/edit`, { systemId: ids.system }, { intent: "delete" }],
      [systemEdit.action, `/systems/${ids.system}/edit`, { systemId: ids.system }, { intent: "delete-document", documentId: ids.document }],
      [campaignPage.action, `/campaigns/${ids.campaign}`, { campaignId: ids.campaign }, { intent: "bulk-tag", requestIds: ids.request, tags: "hijack" }],
      [campaignPage.action, `/campaigns/${ids.campaign}`, { campaignId: ids.campaign }, { intent: "bulk-remove", requestIds: ids.request }],
      [campaignPage.action, `/campaigns/${ids.campaign}`, { campaignId: ids.campaign }, { intent: "add-request", number: "1" }],
      [campaignPage.action, `/campaigns/${ids.campaign}`, { campaignId: ids.campaign }, { intent: "add-targets", targets: b.agencyId }],
    ] as const;
    for (const [handler, url, params, form] of attempts) {
      const response = await callRoute(handler, { url, cookie: bCookie, params: params as Record<string, string>, form: form as Record<string, string> });
      expect(response.status, `${url} ${JSON.stringify(form)}`).toBe(404);
      await expectNoLeak(response);
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("never sees A's vendors, groups or joint asks in lists, menus or the API", async () => {
    for (const [handler, url] of [
      [vendorsIndex.loader, "/vendors"],
      [vendorsIndex.loader, `/vendors?q=${encodeURIComponent("Quietcorp")}`],
      [groupsPage.loader, "/groups?minCities=1"],
      [campaignsIndex.loader, "/campaigns"],
      [campaignsNew.loader, `/campaigns/new?product=${ids.product}&vendor=${ids.vendor}&agency=${ids.agency}&clone=${ids.campaign}`],
      [requestsNew.loader, "/requests/new"],
      [apiVendors.loader, "/api/v1/vendors"],
      [agencyPage.loader, `/agencies/${b.agencyId}`],
    ] as const) {
      const response = await callRoute(handler, { url, cookie: bCookie, params: { agencyId: b.agencyId } });
      expect(response.status, url).toBe(200);
      await expectNoLeak(response);
    }
  });

  it("cannot start a joint ask at A's agencies or send a request to A's vendor", async () => {
    const before = await snapshotOfA();
    const campaign = await callRoute(campaignsNew.action, {
      url: "/campaigns/new",
      cookie: bCookie,
      form: { intent: "create", title: "x", ask: "y", recordTypeIds: stopsTypeId, letterTemplate: "Dear {agency}", targets: ids.agency!, initialStatus: "draft" },
    });
    expect(campaign.status).toBe(400);
    expect(await campaign.text()).toContain("not in your organization");
    const onTheirProduct = await callRoute(campaignsNew.action, {
      url: "/campaigns/new",
      cookie: bCookie,
      form: { intent: "create", title: "x", ask: "y", recordTypeIds: stopsTypeId, letterTemplate: "Dear {agency}", targets: ids.agency!, productId: ids.product!, initialStatus: "draft" },
    });
    expect(onTheirProduct.status).toBe(400);
    expect(await onTheirProduct.text()).toContain("Choose a product from the list");
    const request = await callRoute(requestsNew.action, {
      url: "/requests/new",
      cookie: bCookie,
      form: { title: "x", description: "y", vendorId: ids.vendor!, initialStatus: "draft" },
    });
    expect(request.status).toBe(400);
    expect(await request.text()).toContain("Choose a vendor from the list");
    expect(await snapshotOfA()).toEqual(before);
    expect(await db.select().from(campaigns).where(eq(campaigns.organizationId, b.org.id))).toEqual([]);
  });

  it("gets 404, not an error, for malformed ids", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      expect((await callRoute(vendorPage.loader, { url: "/vendors/x", cookie: bCookie, params: { vendorId: id } })).status).toBe(404);
      expect((await callRoute(campaignPage.loader, { url: "/campaigns/x", cookie: bCookie, params: { campaignId: id } })).status).toBe(404);
      expect((await callRoute(systemDocument.loader, { url: "/systems/x/documents/y", cookie: bCookie, params: { systemId: id, documentId: id } })).status).toBe(404);
    }
  });
});

describe("the owner", () => {
  it("downloads an evidence document as an attachment that can't run in the app's origin", async () => {
    const response = await callRoute(systemDocument.loader, {
      url: `/systems/${ids.system}/documents/${ids.document}`,
      cookie: await cookieFor(a.admin.id),
      params: { systemId: ids.system!, documentId: ids.document! },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="contract.pdf"/);
    expect(response.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(await response.text()).toBe("%PDF-1.4 secret contract");
  });

  it("reads the vendor and joint ask in the JSON API", async () => {
    const cookie = await cookieFor(a.admin.id);
    const vendor = (await (await callRoute(apiVendor.loader, { url: "/", cookie, params: { vendorId: ids.vendor! } })).json()) as {
      data: { name: string; products: Array<{ name: string; agencies: Array<{ name: string; state: string }> }>; groups: Array<{ cities: number }> };
    };
    expect(vendor.data.name).toBe(SECRET_VENDOR);
    expect(vendor.data.products).toEqual([expect.objectContaining({ name: SECRET_PRODUCT, agencies: [expect.objectContaining({ name: "Alpha Hidden Police", state: "WI" })] })]);
    expect(vendor.data.groups).toEqual([expect.objectContaining({ cities: 1 })]);
    const campaign = (await (await callRoute(apiCampaign.loader, { url: "/", cookie, params: { campaignId: ids.campaign! } })).json()) as {
      data: { title: string; counts: Record<string, number>; statusCounts: Record<string, number>; requests: Array<{ agency: { name: string }; dueDate: string | null }> };
    };
    expect(campaign.data).toMatchObject({ title: SECRET_CAMPAIGN, counts: { total: 1, open: 1, overdue: 0, recordsReceived: 0 }, statusCounts: { submitted: 1 } });
    expect(campaign.data.requests[0]!.agency.name).toBe("Alpha Hidden Police");
  });
});

describe("a signed-out visitor", () => {
  it("is sent to sign in from the pages and gets 401 from the API", async () => {
    for (const [handler, url, params] of [
      [vendorsIndex.loader, "/vendors", {}],
      [vendorPage.loader, `/vendors/${ids.vendor}`, { vendorId: ids.vendor }],
      [groupsPage.loader, "/groups", {}],
      [campaignPage.loader, `/campaigns/${ids.campaign}`, { campaignId: ids.campaign }],
      [campaignExport.loader, `/campaigns/${ids.campaign}/export`, { campaignId: ids.campaign }],
    ] as const) {
      const response = await callRoute(handler, { url, params: params as Record<string, string> });
      expect(response.status, url).toBe(302);
    }
    for (const [handler, params] of [
      [apiVendors.loader, {}],
      [apiVendor.loader, { vendorId: ids.vendor }],
      [apiCampaign.loader, { campaignId: ids.campaign }],
    ] as const) {
      const response = await callRoute(handler, { url: "/api/v1/x", params: params as Record<string, string> });
      expect(response.status).toBe(401);
      await expectNoLeak(response);
    }
  });
});
