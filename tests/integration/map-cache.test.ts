import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agencies, agencyProducts, jurisdictions } from "../../db/schema";
import { memberLocations } from "~/domain/groups.server";
import { membersMap } from "~/domain/maps.server";
import { buildUsMap } from "~/domain/us-map.server";
import { cellLabel } from "~/domain/us-map";
import type { Viewer } from "~/domain/accounts.server";
import type { ProductScope } from "~/domain/groups.server";
import { db } from "~/utils/db.server";
import { makeAgency, makeOrganization, makeProduct, makeSystem, makeVendor, TODAY } from "./factories";

// The memberships' map is kept in memory under map_version (migration 0049_map_version_triggers): after every kind
// of write it is drawn from (a system added or ended, an agency renamed or moved, a place's state), the map served
// equals the one computed from the rows at that moment.

async function live(viewer: Viewer, scope: ProductScope, today: string) {
  const rows = await memberLocations(viewer, scope, today);
  return buildUsMap(rows.map((r) => ({ stateCode: r.stateCode, latitude: r.latitude, longitude: r.longitude, category: r.systemType, count: r.agencies, label: cellLabel(r.agencies, r.names) })));
}

const totals = (map: Awaited<ReturnType<typeof live>>) => Object.fromEntries(map.states.filter((s) => s.total > 0).map((s) => [s.code, s.total]));

describe("the memberships' map kept in memory", () => {
  it("is the map of the rows as they are after each write", async () => {
    const org = await makeOrganization("Map cache");
    const vendorId = await makeVendor(org.viewer);
    const productId = await makeProduct(org.viewer, vendorId, "Cached RMS");
    const a = await makeAgency(org.viewer, { name: "Alpha PD", place: "Alpha", state: "PA" });
    const b = await makeAgency(org.viewer, { name: "Beta PD", place: "Beta", state: "WI" });
    await makeSystem(org.viewer, a.agencyId, { productId });
    const scopes: ProductScope[] = [{ all: true }, { productId }, { vendorId }];
    const expectLive = async (today = TODAY) => {
      for (const scope of scopes) expect(await membersMap(org.viewer, scope, today)).toEqual(await live(org.viewer, scope, today));
      return membersMap(org.viewer, { productId }, today);
    };
    expect(totals(await expectLive())).toEqual({ PA: 1 });
    // Served again from memory: the same answer.
    expect(totals(await membersMap(org.viewer, { productId }, TODAY))).toEqual({ PA: 1 });

    await makeSystem(org.viewer, b.agencyId, { productId }, { untilOn: "2026-12-31" });
    expect(totals(await expectLive())).toEqual({ PA: 1, WI: 1 });
    // A later day: the system that ended is not on it (the day is part of what is kept).
    expect(totals(await expectLive("2027-01-15"))).toEqual({ PA: 1 });

    // The agency's place moved to another state (the place row, then the memberships' copy of it).
    const [ohio] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, "OH"));
    await db.update(jurisdictions).set({ stateId: ohio!.id }).where(eq(jurisdictions.id, b.placeId));
    await db.update(agencyProducts).set({ stateId: ohio!.id }).where(eq(agencyProducts.agencyId, b.agencyId));
    expect(totals(await expectLive())).toEqual({ PA: 1, OH: 1 });

    // Renamed, then its system taken away.
    await db.update(agencies).set({ name: "Alpha Police" }).where(eq(agencies.id, a.agencyId));
    await expectLive();
    await db.delete(agencyProducts).where(eq(agencyProducts.agencyId, a.agencyId));
    expect(totals(await expectLive())).toEqual({ OH: 1 });
  });
});
