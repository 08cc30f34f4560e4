import { and, eq, inArray, isNull } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, directoryAgencies, recordTypes } from "../../db/schema";
import { UsMap } from "~/components/us-map";
import { campaignFormSchema, type CampaignInput } from "~/domain/vendor-input";
import { createCampaign } from "~/domain/campaigns.server";
import { DEFAULT_AGENCY_LETTER, DEFAULT_VENDOR_LETTER } from "~/domain/letters";
import { STATUS_MAP_CATEGORIES, SYSTEM_TYPE_MAP_CATEGORIES, type MapData } from "~/domain/us-map";
import { db } from "~/utils/db.server";
import * as campaignPage from "~/routes/campaigns.$campaignId";
import * as groupsPage from "~/routes/groups";
import * as vendorPage from "~/routes/vendors.$vendorId";
import { callRoute, cookieFor, makeAgency, makeOrganization, makeProduct, makeSystem, makeVendor, TODAY } from "./factories";

// The maps on the vendor, group and joint-ask pages: agencies linked to a directory ORI with a location are
// dots, the others shade their state; the legend and the per-state table come with them, and ?state= filters.

// Directory rows of the test's own (not listed, so the shipped list's counts are untouched).
const ORIS = { oakland: "ZZMAP0001", madison: "ZZMAP0002" };
let org: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  org = await makeOrganization("Maps");
  cookie = await cookieFor(org.admin.id);
  const v = org.viewer;
  await db
    .insert(directoryAgencies)
    .values([
      { ori: ORIS.oakland, name: "Oakland Police Department", fbiName: "Oakland", directoryType: "City", agencyType: "police", state: "CA", latitude: 37.8044, longitude: -122.2711, listed: false, listVersion: "test" },
      { ori: ORIS.madison, name: "Madison Police Department", fbiName: "Madison", directoryType: "City", agencyType: "police", state: "WI", latitude: 43.0731, longitude: -89.4012, listed: false, listVersion: "test" },
    ])
    .onConflictDoNothing();
  ids.vendor = await makeVendor(v, "Tyler Technologies");
  ids.rms = await makeProduct(v, ids.vendor, "New World RMS", "records_management");
  ids.cad = await makeProduct(v, ids.vendor, "Enterprise CAD", "computer_aided_dispatch");
  ids.oakland = (await makeAgency(v, { name: "Oakland Police Department", place: "Oakland", state: "CA" })).agencyId;
  ids.madison = (await makeAgency(v, { name: "Madison Police Department", place: "Madison", state: "WI" })).agencyId;
  ids.harrisburg = (await makeAgency(v, { name: "Harrisburg Bureau of Police", place: "Harrisburg", state: "PA" })).agencyId;
  ids.reading = (await makeAgency(v, { name: "Reading Police Department", place: "Reading", state: "PA" })).agencyId;
  await db.update(agencies).set({ ori: ORIS.oakland }).where(eq(agencies.id, ids.oakland));
  await db.update(agencies).set({ ori: ORIS.madison }).where(eq(agencies.id, ids.madison));
  for (const a of [ids.oakland, ids.harrisburg, ids.reading]) await makeSystem(v, a!, { productId: ids.rms });
  await makeSystem(v, ids.madison!, { productId: ids.cad }, { systemType: "computer_aided_dispatch" });
  const [stops] = await db.select({ id: recordTypes.id }).from(recordTypes).where(and(isNull(recordTypes.organizationId), eq(recordTypes.key, "stops")));
  const ask: CampaignInput = campaignFormSchema.parse({
    recordTypeIds: [stops!.id],
    title: "Stops from New World RMS",
    ask: "Record-level traffic stop data, 2021 to the present.",
    letterTemplate: DEFAULT_AGENCY_LETTER,
    vendorLetterTemplate: DEFAULT_VENDOR_LETTER,
    targets: [ids.oakland, ids.madison, ids.harrisburg],
    productId: ids.rms,
  });
  const created = await createCampaign(v, { ...ask, initialStatus: "submitted" }, TODAY);
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  ids.campaign = created.value.id;
});

afterAll(async () => {
  await db.update(agencies).set({ ori: null }).where(inArray(agencies.id, [ids.oakland!, ids.madison!]));
  await db.delete(directoryAgencies).where(inArray(directoryAgencies.ori, Object.values(ORIS)));
});

/** The map as the page renders it (the component, server-side, in a router), from the loader's data. */
function render(map: MapData, kind: "systems" | "status", currentState: string | null = null): string {
  const categories = (kind === "systems" ? SYSTEM_TYPE_MAP_CATEGORIES : STATUS_MAP_CATEGORIES) as never;
  return renderToStaticMarkup(
    createElement(
      StaticRouter,
      { location: "/" },
      createElement(UsMap, {
        id: "t",
        map,
        categories,
        noun: kind === "systems" ? ["agency", "agencies"] : ["request", "requests"],
        colouredBy: kind === "systems" ? "kind of system" : "status",
        stateHref: (code: string) => `?state=${code}`,
        clearHref: "?",
        currentState,
      }),
    ),
  );
}

async function load<T>(handler: unknown, url: string, params: Record<string, string> = {}): Promise<T> {
  const response = await callRoute(handler as never, { url, cookie, params });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("the vendor page's map", () => {
  it("places linked agencies at their location, shades the others' state, with legend and table", async () => {
    const data = await load<{ map: MapData; members: { rows: Array<{ agencyId: string }> } }>(vendorPage.loader, `/vendors/${ids.vendor}`, { vendorId: ids.vendor! });
    expect(data.map.dots.map((d) => d.label).sort()).toEqual(["Madison Police Department", "Oakland Police Department"]);
    expect(data.map.dots.find((d) => d.label.startsWith("Madison"))?.category).toBe("computer_aided_dispatch");
    const pa = data.map.states.find((s) => s.code === "PA")!;
    expect(pa).toMatchObject({ total: 2, unlocated: 2, byCategory: { records_management: 2 } });
    expect(pa.shade).toBeGreaterThan(0);
    expect(data.map.states.find((s) => s.code === "CA")).toMatchObject({ total: 1, unlocated: 0, shade: 0 });

    const html = render(data.map, "systems");
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Map of the United States: 4 agencies in 3 states, 2 placed at their location/);
    // The outlines are drawn once, from the cached file (no path data in the page or its loader data).
    expect(data.map.shapes).toMatch(/^\/map\/states\.svg\?v=[0-9a-f]{16}$/);
    expect(JSON.stringify(data)).not.toMatch(/M\d+(\.\d)?,\d/);
    expect(html).not.toContain("<path");
    const shapes = data.map.shapes.replace(/[.?]/g, "\\$&");
    expect(html.match(new RegExp(`<use href="${shapes}#[A-Z]{2}" class="us-map__state us-map__state--shade-\\d"><title>`, "g"))?.length).toBeGreaterThanOrEqual(51);
    expect(html).toContain(`<use href="${data.map.shapes}#borders" class="us-map__borders"`);
    // The states link to the filtered list from a layer over the picture (an image may not hold links).
    expect(html.match(new RegExp(`<a href="[^"]*\\?state=[A-Z]{2}" tabindex="-1"><title>[^<]*</title><use href="${shapes}#[A-Z]{2}"`, "g"))).toHaveLength(3);
    expect(html).toContain("<title>Pennsylvania: 2 agencies</title>");
    expect(html).toContain("<title>Texas: no agencies</title>");
    expect(html).toMatch(/us-map__legend[\s\S]*Records management \(RMS\)[\s\S]*Computer-aided dispatch \(CAD\)/);
    expect(html).not.toContain("Body cameras"); // only the kinds present are in the legend
    expect(html).toContain("Shaded state");
    expect(html).toMatch(/<caption[^>]*>Agencies by state/);
    expect(html.match(/<a [^>]*href="[^"]*\?state=PA"[^>]*>Pennsylvania/g)?.length).toBe(1); // in the table; the map's own link is labelled
  });

  it("filters its agency list by ?state=", async () => {
    const all = await load<{ members: { rows: Array<{ agencyId: string }> }; stateCode: string | null }>(vendorPage.loader, `/vendors/${ids.vendor}`, {
      vendorId: ids.vendor!,
    });
    expect(all.members.rows).toHaveLength(4);
    const pa = await load<{ members: { rows: Array<{ agencyId: string }> }; stateCode: string | null }>(vendorPage.loader, `/vendors/${ids.vendor}?state=PA`, {
      vendorId: ids.vendor!,
    });
    expect(pa.stateCode).toBe("PA");
    expect(pa.members.rows.map((r) => r.agencyId).sort()).toEqual([ids.harrisburg, ids.reading].sort());
  });
});

describe("the joint ask's map", () => {
  it("colours requests by status, with legend and table, and ?state= filters the requests", async () => {
    const data = await load<{ map: MapData; rows: Array<{ agencyId: string | null }>; stateCode: string | null; summary: { total: number } }>(
      campaignPage.loader,
      `/campaigns/${ids.campaign}`,
      { campaignId: ids.campaign! },
    );
    expect(data.rows).toHaveLength(3);
    expect(data.map.dots).toHaveLength(2);
    expect(new Set(data.map.dots.map((d) => d.category))).toEqual(new Set(["info"]));
    expect(data.map.states.find((s) => s.code === "PA")).toMatchObject({ total: 1, unlocated: 1, byCategory: { info: 1 } });
    const html = render(data.map, "status");
    expect(html).toContain("Filed, waiting for an answer");
    expect(html).not.toContain("Denied or in litigation");
    expect(html).toMatch(/<caption[^>]*>Requests by state/);
    expect(html).toMatch(/aria-label="Map of the United States: 3 requests in 3 states/);

    const wi = await load<typeof data>(campaignPage.loader, `/campaigns/${ids.campaign}?state=WI`, { campaignId: ids.campaign! });
    expect(wi.stateCode).toBe("WI");
    expect(wi.rows.map((r) => r.agencyId)).toEqual([ids.madison]);
    expect(wi.summary.total).toBe(3); // the summary stays the whole ask's
    expect(render(wi.map, "status", "WI")).toMatch(/<strong aria-current="true">Wisconsin<\/strong>/);

    // A state that is not a state code is refused, naming the field (the list's other filters do the same).
    const odd = await callRoute(campaignPage.loader as never, { url: `/campaigns/${ids.campaign}?state=%3Cx%3E`, cookie, params: { campaignId: ids.campaign! } });
    expect(odd.status).toBe(400);
    expect(await odd.text()).toMatch(/state/i);
  });
});

describe("the shared-vendor groups page's map", () => {
  it("maps every agency on a product and filters the groups by ?state=", async () => {
    const data = await load<{ map: MapData; result: { rows: Array<{ productId: string }> } }>(groupsPage.loader, "/groups?minCities=1");
    expect(data.map.dots.map((d) => d.label)).toEqual(expect.arrayContaining(["Madison Police Department", "Oakland Police Department"]));
    expect(data.result.rows.map((r) => r.productId)).toEqual(expect.arrayContaining([ids.rms, ids.cad]));
    const wi = await load<typeof data>(groupsPage.loader, "/groups?minCities=1&state=WI");
    expect(wi.result.rows.map((r) => r.productId)).toEqual([ids.cad]);
    const bad = await callRoute(groupsPage.loader as never, { url: "/groups?state=Wisconsin", cookie });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("state must be a two-letter state code");
  });
});

describe("a map cell with several agencies", () => {
  const CELL_ORIS = ["ZZMAP0003", "ZZMAP0004", "ZZMAP0005"];
  afterAll(async () => {
    await db.update(agencies).set({ ori: null }).where(inArray(agencies.ori, CELL_ORIS));
    await db.delete(directoryAgencies).where(inArray(directoryAgencies.ori, CELL_ORIS));
  });

  it("is one dot standing for all of them (the page carries cells, not every agency), with their count on the state", async () => {
    const other = await makeOrganization("Maps cells");
    const otherCookie = await cookieFor(other.admin.id);
    const v = other.viewer;
    const places = [
      { ori: CELL_ORIS[0]!, name: "Berkeley Police Department", place: "Berkeley", latitude: 37.8716, longitude: -122.2727 },
      { ori: CELL_ORIS[1]!, name: "Emeryville Police Department", place: "Emeryville", latitude: 37.8313, longitude: -122.2852 },
      { ori: CELL_ORIS[2]!, name: "Sacramento Police Department", place: "Sacramento", latitude: 38.5816, longitude: -121.4944 },
    ];
    await db
      .insert(directoryAgencies)
      .values(places.map((p) => ({ ori: p.ori, name: p.name, fbiName: p.place, directoryType: "City" as const, agencyType: "police" as const, state: "CA", latitude: p.latitude, longitude: p.longitude, listed: false, listVersion: "test" })))
      .onConflictDoNothing();
    const vendor = await makeVendor(v, "Axon");
    const product = await makeProduct(v, vendor, "Evidence.com", "body_cameras");
    for (const p of places) {
      const { agencyId } = await makeAgency(v, { name: p.name, place: p.place, state: "CA" });
      await db.update(agencies).set({ ori: p.ori }).where(eq(agencies.id, agencyId));
      await makeSystem(v, agencyId, { productId: product }, { systemType: "body_cameras" });
    }
    const response = await callRoute(vendorPage.loader as never, { url: `/vendors/${vendor}`, cookie: otherCookie, params: { vendorId: vendor } });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { map: MapData };
    const dots = [...data.map.dots].sort((a, b) => b.count - a.count);
    expect(dots.map((d) => [d.count, d.label])).toEqual([
      [2, "Berkeley Police Department and Emeryville Police Department"],
      [1, "Sacramento Police Department"],
    ]);
    expect(data.map.states.find((s) => s.code === "CA")).toMatchObject({ total: 3, unlocated: 0, byCategory: { body_cameras: 3 } });
    const html = render(data.map, "systems");
    expect(html).toContain("Map of the United States: 3 agencies in 1 state, 3 placed at their location");
    expect(html.match(/<circle [^>]*r="7"/g)).toHaveLength(1);
    expect(html).toMatch(/<circle [^>]*r="8\.3\d*"[^>]*><title>Berkeley Police Department and Emeryville Police Department<\/title>/);
  });
});
