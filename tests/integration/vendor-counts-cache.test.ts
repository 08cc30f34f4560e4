import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agencyProducts, jurisdictions, mapVersion } from "../../db/schema";
import { countVendorAgencies, vendorAgencyCounts } from "~/domain/groups.server";
import { createLocalJurisdiction, updateAgency } from "~/domain/places.server";
import { deleteSystem } from "~/domain/systems.server";
import type { Viewer } from "~/domain/accounts.server";
import { db } from "~/utils/db.server";
import { formCoalition, freshViewer, makeAgency, makeOrganization, makeProduct, makeSystem, makeVendor, TODAY } from "./factories";

// The vendors list's agency and place counts are kept in memory under map_version (migration 0052): after every
// kind of write to the memberships (a system added, ended or deleted, an agency moved), on another day, for another
// coalition, and after a transaction that wrote and rolled back, the counts served equal those counted from the rows.

const byVendor = (rows: readonly { vendorId: string; agencies: number; cities: number }[], vendorIds: string[]) =>
  Object.fromEntries(vendorIds.map((id) => { const r = rows.find((x) => x.vendorId === id); return [id, r ? [r.agencies, r.cities] : [0, 0]]; }));

describe("the vendors' agency counts kept in memory", () => {
  it("are the counts of the rows as they are after each write, for each day and coalition", async () => {
    const org = await makeOrganization("Vendor counts");
    const acme = await makeVendor(org.viewer, "Acme Counts");
    const zenith = await makeVendor(org.viewer, "Zenith Counts");
    const rms = await makeProduct(org.viewer, acme, "Acme RMS");
    const cad = await makeProduct(org.viewer, acme, "Acme CAD", "computer_aided_dispatch");
    const zrms = await makeProduct(org.viewer, zenith, "Zenith RMS");
    const elm = await makeAgency(org.viewer, { name: "Elm Police", place: "Elm" });
    const elmSheriff = await makeAgency(org.viewer, { name: "Elm Sheriff", place: "Elm", type: "sheriff" });
    const oak = await makeAgency(org.viewer, { name: "Oak Police", place: "Oak" });
    const vendorIds = [acme, zenith];
    const expectLive = async (viewer: Viewer = org.viewer, today = TODAY) => {
      const served = await vendorAgencyCounts(viewer, today);
      const counted = await countVendorAgencies(viewer, today);
      expect(byVendor(served, vendorIds)).toEqual(byVendor(counted, vendorIds));
      // Served again (from memory): the same answer.
      expect(byVendor(await vendorAgencyCounts(viewer, today), vendorIds)).toEqual(byVendor(counted, vendorIds));
      return byVendor(served, vendorIds);
    };

    expect(await expectLive()).toEqual({ [acme]: [0, 0], [zenith]: [0, 0] });
    // One agency on two of Acme's products counts once; a hosted agency counts through its host.
    await makeSystem(org.viewer, elm.agencyId, { productId: rms });
    await makeSystem(org.viewer, elm.agencyId, { productId: cad }, { systemType: "computer_aided_dispatch" });
    expect(await expectLive()).toEqual({ [acme]: [1, 1], [zenith]: [0, 0] });
    await makeSystem(org.viewer, oak.agencyId, { hostAgencyId: elm.agencyId });
    expect(await expectLive()).toEqual({ [acme]: [2, 2], [zenith]: [0, 0] });
    const ending = await makeSystem(org.viewer, elmSheriff.agencyId, { productId: zrms }, { untilOn: "2026-12-31" });
    expect(await expectLive()).toEqual({ [acme]: [2, 2], [zenith]: [1, 1] });

    // A later day: the system that ended is not counted (the day is part of what is kept); today's still is.
    expect(await expectLive(org.viewer, "2027-01-15")).toEqual({ [acme]: [2, 2], [zenith]: [0, 0] });
    expect(await expectLive()).toEqual({ [acme]: [2, 2], [zenith]: [1, 1] });

    // Oak's agency moves to Elm: one place left on Acme's products.
    const [elmPlace] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, elm.placeId));
    const moved = await updateAgency(org.viewer, oak.agencyId, { name: "Oak Police", type: "police", jurisdictionId: elmPlace!.id });
    expect(moved?.ok).toBe(true);
    expect(await expectLive()).toEqual({ [acme]: [2, 1], [zenith]: [1, 1] });
    const pine = await createLocalJurisdiction(org.viewer, { name: "Pine", kind: "city", stateId: elmPlace!.stateId! });
    if (!pine.ok) throw new Error("place");
    await updateAgency(org.viewer, oak.agencyId, { name: "Oak Police", type: "police", jurisdictionId: pine.value.id });
    expect(await expectLive()).toEqual({ [acme]: [2, 2], [zenith]: [1, 1] });

    // The system deleted.
    expect(await deleteSystem(org.viewer, ending)).toEqual({ agencyId: elmSheriff.agencyId });
    expect(await expectLive()).toEqual({ [acme]: [2, 2], [zenith]: [0, 0] });

    // A partner sees the coalition's counts; the organization alone (a viewer from before) still its own, both kept.
    const partner = await makeOrganization("Vendor counts partner");
    await formCoalition(org, partner);
    const partnerViewer = await freshViewer(partner.admin.id);
    expect(await expectLive(partnerViewer)).toEqual({ [acme]: [2, 2], [zenith]: [0, 0] });
    expect(byVendor(await vendorAgencyCounts(partner.viewer, TODAY), vendorIds)).toEqual({ [acme]: [0, 0], [zenith]: [0, 0] });
  });

  it("keeps nothing a transaction counted after writing, which may roll back", async () => {
    const org = await makeOrganization("Vendor counts rollback");
    const acme = await makeVendor(org.viewer, "Acme Rollback");
    const rms = await makeProduct(org.viewer, acme, "Acme RMS");
    const elm = await makeAgency(org.viewer, { name: "Elm Police", place: "Elm" });
    await makeSystem(org.viewer, elm.agencyId, { productId: rms });
    expect(byVendor(await vendorAgencyCounts(org.viewer, TODAY), [acme])).toEqual({ [acme]: [1, 1] });

    // Inside a transaction: the memberships deleted (the version moves, in the transaction), then counted.
    let versionInside = 0;
    await expect(
      db.transaction(async (tx) => {
        await tx.delete(agencyProducts).where(eq(agencyProducts.agencyId, elm.agencyId));
        expect(byVendor(await vendorAgencyCounts(org.viewer, TODAY, tx), [acme])).toEqual({ [acme]: [0, 0] });
        const [row] = await tx.select({ version: mapVersion.version }).from(mapVersion);
        versionInside = row!.version;
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // Rolled back: the rows are there again, and the version moves back. A later write could bring the version to
    // the number the transaction saw: what is served under it is still the rows' count, not the rolled-back one.
    await db.update(mapVersion).set({ version: versionInside }).where(sql`${mapVersion.id} and ${mapVersion.version} < ${versionInside}`);
    expect(byVendor(await vendorAgencyCounts(org.viewer, TODAY), [acme])).toEqual({ [acme]: [1, 1] });
  });
});
