import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencySystems } from "../../db/schema";
import { listGroups, listMemberAgencies, listPrecedents, memberAgencyIds } from "~/domain/groups.server";
import { changeStatus } from "~/domain/requests.server";
import { createSystem, listAgencySystems, updateSystem } from "~/domain/systems.server";
import { db } from "~/utils/db.server";
import { makeAgency, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

// Grouping follows hosting: an agency that uses the CAD a county 911 authority hosts is on the county's
// product, through any chain of hosts; circles are refused; past systems drop out of the groups.

let org: Awaited<ReturnType<typeof makeOrganization>>;
let ids: Record<string, string>;

beforeAll(async () => {
  org = await makeOrganization("Grouping");
  const v = org.viewer;
  const tyler = await makeVendor(v, "Tyler Technologies");
  const motorola = await makeVendor(v, "Motorola Solutions");
  const cad = await makeProduct(v, tyler, "Enterprise CAD", "computer_aided_dispatch");
  const rms = await makeProduct(v, tyler, "New World RMS", "records_management");
  const flex = await makeProduct(v, motorola, "Flex", "records_management");
  const a = async (name: string, place: string, state = "WI", type: "police" | "dispatch_911" | "sheriff" = "police") =>
    (await makeAgency(v, { name, place, state, type })).agencyId;
  ids = {
    tyler,
    motorola,
    cad,
    rms,
    flex,
    county911: await a("Dane County 911", "Dane County", "WI", "dispatch_911"),
    regional: await a("Regional Dispatch Authority", "South Central Region", "WI", "dispatch_911"),
    madison: await a("Madison Police", "Madison"),
    fitchburg: await a("Fitchburg Police", "Fitchburg"),
    middleton: await a("Middleton Police", "Middleton"),
    sheriff: await a("Dane County Sheriff", "Dane County", "WI", "sheriff"),
    harrisburg: await a("Harrisburg Police", "Harrisburg", "PA"),
    formerFlex: await a("Verona Police", "Verona"),
  };
  // Dane County 911 runs Tyler CAD; Madison and the sheriff use it; Fitchburg uses the regional authority,
  // which itself uses Dane County's: a chain of two.
  await makeSystem(v, ids.county911!, { productId: cad }, { systemType: "computer_aided_dispatch" });
  await makeSystem(v, ids.madison!, { hostAgencyId: ids.county911! }, { systemType: "computer_aided_dispatch" });
  await makeSystem(v, ids.sheriff!, { hostAgencyId: ids.county911! }, { systemType: "computer_aided_dispatch" });
  await makeSystem(v, ids.regional!, { hostAgencyId: ids.county911! }, { systemType: "computer_aided_dispatch" });
  await makeSystem(v, ids.fitchburg!, { hostAgencyId: ids.regional! }, { systemType: "computer_aided_dispatch" });
  // RMS: Madison and Harrisburg run Tyler RMS directly; Middleton runs Flex; Verona ran Flex until 2024.
  await makeSystem(v, ids.madison!, { productId: rms });
  await makeSystem(v, ids.harrisburg!, { productId: rms });
  await makeSystem(v, ids.middleton!, { productId: flex });
  await makeSystem(v, ids.formerFlex!, { productId: flex }, { sinceOn: "2015-01-01", untilOn: "2024-06-30" });
});

describe("grouping by product", () => {
  it("puts every agency on the host's product, through chains of hosts", async () => {
    const onCad = await memberAgencyIds(org.viewer, { productId: ids.cad! }, TODAY, undefined);
    expect(new Set(onCad)).toEqual(new Set([ids.county911, ids.madison, ids.sheriff, ids.regional, ids.fitchburg]));
    const page = await listMemberAgencies(org.viewer, { productId: ids.cad! }, { today: TODAY });
    const fitchburg = page.rows.find((r) => r.agencyId === ids.fitchburg)!;
    expect(fitchburg.uses).toEqual([
      expect.objectContaining({ productName: "Enterprise CAD", viaAgencyId: ids.regional, viaAgencyName: "Regional Dispatch Authority" }),
    ]);
    expect(page.rows.find((r) => r.agencyId === ids.county911)!.uses[0]!.viaAgencyId).toBeNull();
  });

  it("counts places in the group list, largest first, and leaves out past systems", async () => {
    const groups = await listGroups(org.viewer, { minCities: 1, sort: "size" }, TODAY);
    const summary = groups.rows.map((g) => [g.productName, g.systemType, g.cities, g.agencies, g.hosted]);
    expect(summary).toEqual([
      // Dane County (911 + sheriff), Madison, South Central Region, Fitchburg
      ["Enterprise CAD", "computer_aided_dispatch", 4, 5, 4],
      ["New World RMS", "records_management", 2, 2, 0],
      ["Flex", "records_management", 1, 1, 0],
    ]);
    expect(groups.total).toBe(3);
    const byName = await listGroups(org.viewer, { minCities: 2, sort: "name" }, TODAY);
    expect(byName.rows.map((g) => g.productName)).toEqual(["Enterprise CAD", "New World RMS"]);
    const rmsOnly = await listGroups(org.viewer, { minCities: 1, systemType: "records_management" }, TODAY);
    expect(rmsOnly.rows.map((g) => g.productName)).toEqual(["New World RMS", "Flex"]);
  });

  it("lists by state, then place, with how the agency is on the product", async () => {
    const page = await listMemberAgencies(org.viewer, { vendorId: ids.tyler! }, { today: TODAY });
    expect(page.rows.map((r) => [r.stateCode, r.agencyName])).toEqual([
      ["PA", "Harrisburg Police"],
      ["WI", "Dane County 911"],
      ["WI", "Dane County Sheriff"],
      ["WI", "Fitchburg Police"],
      ["WI", "Madison Police"],
      ["WI", "Regional Dispatch Authority"],
    ]);
    expect(page.rows.find((r) => r.agencyId === ids.madison)!.uses.map((u) => u.productName)).toEqual(["Enterprise CAD", "New World RMS"]);
  });

  it("moves every hosted agency when the host changes product", async () => {
    const [hostRow] = await db.select().from(agencySystems).where(eq(agencySystems.agencyId, ids.county911!));
    const moved = await updateSystem(org.viewer, hostRow!.id, { systemType: "computer_aided_dispatch", productId: ids.flex!, confidence: "likely" }, null);
    expect(moved?.ok).toBe(true);
    expect(await memberAgencyIds(org.viewer, { productId: ids.cad! }, TODAY, undefined)).toEqual([]);
    expect((await memberAgencyIds(org.viewer, { productId: ids.flex! }, TODAY, "computer_aided_dispatch")).length).toBe(5);
    const back = await updateSystem(org.viewer, hostRow!.id, { systemType: "computer_aided_dispatch", productId: ids.cad!, confidence: "confirmed" }, null);
    expect(back?.ok).toBe(true);
  });

  it("shows a hosted agency's product on its own page, through the chain", async () => {
    const systems = await listAgencySystems(org.viewer, ids.fitchburg!, TODAY);
    expect(systems.systems).toHaveLength(1);
    expect(systems.systems[0]!.hostAgencyName).toBe("Regional Dispatch Authority");
    expect(systems.systems[0]!.viaProducts).toEqual([expect.objectContaining({ productName: "Enterprise CAD", viaName: "Dane County 911" })]);
    const host = await listAgencySystems(org.viewer, ids.county911!, TODAY);
    expect(host.hostedFor.map((h) => h.agencyName).sort()).toEqual(["Dane County Sheriff", "Madison Police", "Regional Dispatch Authority"]);
  });
});

describe("hosting rules", () => {
  it("refuses a circle, directly or through a chain, and writes nothing", async () => {
    const ours = () => db.select().from(agencySystems).where(eq(agencySystems.organizationId, org.org.id));
    const before = await ours();
    // Dane County 911 can't get its CAD from Fitchburg, which gets it (through the region) from Dane County 911.
    const circle = await createSystem(org.viewer, ids.county911!, { systemType: "computer_aided_dispatch", hostAgencyId: ids.fitchburg!, confidence: "reported" }, null);
    expect(circle).toEqual({ ok: false, fieldErrors: { hostAgencyId: [expect.stringMatching(/Fitchburg Police already gets its dispatch system \(CAD\) from Dane County 911.*circle/)] } });
    const direct = await createSystem(org.viewer, ids.regional!, { systemType: "computer_aided_dispatch", hostAgencyId: ids.fitchburg!, confidence: "reported" }, null);
    expect(direct?.ok).toBe(false);
    const self = await createSystem(org.viewer, ids.madison!, { systemType: "records_management", hostAgencyId: ids.madison!, confidence: "reported" }, null);
    expect(self).toEqual({ ok: false, fieldErrors: { hostAgencyId: [expect.stringContaining("can't host its own")] } });
    expect(await ours()).toHaveLength(before.length);
  });

  it("allows the reverse direction for another system type", async () => {
    // Fitchburg hosting the region's RMS is no circle: circles are per system type.
    await makeSystem(org.viewer, ids.fitchburg!, { productId: ids.flex! });
    const ok = await createSystem(org.viewer, ids.regional!, { systemType: "records_management", hostAgencyId: ids.fitchburg!, confidence: "reported" }, null);
    expect(ok?.ok).toBe(true);
  });

  it("refuses hosting by an agency of another organization", async () => {
    const other = await makeOrganization("Elsewhere");
    const result = await createSystem(org.viewer, ids.madison!, { systemType: "mobile", hostAgencyId: other.agencyId, confidence: "reported" }, null);
    expect(result).toEqual({ ok: false, fieldErrors: { hostAgencyId: ["Choose the hosting agency from the list"] } });
    const product = await createSystem(other.viewer, other.agencyId, { systemType: "records_management", productId: ids.rms!, confidence: "reported" }, null);
    expect(product).toEqual({ ok: false, fieldErrors: { productId: ["Choose a product from the list"] } });
  });
});

describe("precedents", () => {
  it("finds requests on the same product that brought records back, for the same record type", async () => {
    const received = await makeRequest(org.viewer, ids.harrisburg!, { title: "Stops export", initialStatus: "submitted" });
    await changeStatus(org.viewer, received.id, { status: "fulfilled" }, TODAY);
    const pending = await makeRequest(org.viewer, ids.madison!, { title: "Stops pending", initialStatus: "submitted" });
    expect(pending.number).toBeGreaterThan(0);
    const elsewhere = await makeRequest(org.viewer, ids.middleton!, { title: "Flex stops", initialStatus: "submitted" });
    await changeStatus(org.viewer, elsewhere.id, { status: "partially_fulfilled" }, TODAY);

    const onRms = await listPrecedents(org.viewer, { productId: ids.rms! }, { today: TODAY, recordTypes: ["stops"] });
    expect(onRms.map((p) => p.title)).toEqual(["Stops export"]);
    expect(onRms[0]).toMatchObject({ targetName: "Harrisburg Police", stateCode: "PA", productNames: "New World RMS" });
    expect(await listPrecedents(org.viewer, { productId: ids.rms! }, { today: TODAY, recordTypes: ["use of force"] })).toEqual([]);
    const onFlex = await listPrecedents(org.viewer, { vendorId: ids.motorola! }, { today: TODAY });
    expect(onFlex.map((p) => p.title)).toEqual(["Flex stops"]);
  });

  it("gives the same precedents whether the latest received requests fill the list or each agency's are read", async () => {
    // A second received request on the RMS, newer than the first: with limit 1 the latest received requests of
    // the organization hold the answer (the quick reading); with the default limit they can't fill the list,
    // so each member agency's latest are read. Both agree, newest first, and keep to the product.
    const newer = await makeRequest(org.viewer, ids.harrisburg!, { title: "Stops export, 2nd", initialStatus: "submitted" });
    await changeStatus(org.viewer, newer.id, { status: "partially_fulfilled" }, TODAY);
    const all = await listPrecedents(org.viewer, { productId: ids.rms! }, { today: TODAY });
    expect(all.map((p) => p.title)).toEqual(["Stops export, 2nd", "Stops export"]);
    expect(await listPrecedents(org.viewer, { productId: ids.rms! }, { today: TODAY, limit: 1 })).toEqual(all.slice(0, 1));
    expect(await listPrecedents(org.viewer, { productId: ids.rms! }, { today: TODAY, limit: 2 })).toEqual(all);
    const flex = await listPrecedents(org.viewer, { vendorId: ids.motorola! }, { today: TODAY, limit: 1 });
    expect(flex.map((p) => p.title)).toEqual(["Flex stops"]);
  });
});
