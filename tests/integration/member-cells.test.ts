import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, agencySystems, directoryAgencies, jurisdictions } from "../../db/schema";
import type { Viewer } from "~/domain/accounts.server";
import { keptMemberCells, listMemberAgencies, memberFigures, memberLocations, stateCounts, type ProductScope } from "~/domain/groups.server";
import { lockHosting, refreshMemberships } from "~/domain/memberships.server";
import { deleteSystem } from "~/domain/systems.server";
import { getVendorPage } from "~/domain/vendors.server";
import { decodeKeyset } from "~/domain/target-list-input";
import { db, queryRows } from "~/utils/db.server";
import { formCoalition, freshViewer, makeAgency, makeOrganization, makeProduct, makeSystem, makeVendor } from "./factories";

// The vendor and product pages' kept figures (member_map_cells: the map's cells and the state counts, kept by
// triggers) equal the live query after random edits of systems, agencies, places and directory locations, for
// the organization and a coalition partner; the member list, read in index order from agency_products' copied
// sort keys, equals a recount of the agencies in the page's order.

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
// Cells are computed as of yesterday in UTC, so any today from then on reads them.
const TODAY = isoDay(0);

/** A small deterministic random source (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let org: Awaited<ReturnType<typeof makeOrganization>>;
let partner: Viewer;
let outsider: Awaited<ReturnType<typeof makeOrganization>>;
let vendorIds: string[];
let productIds: string[];
let agencyIds: string[];
let placeIds: string[];

beforeAll(async () => {
  org = await makeOrganization("Kept cells");
  const other = await makeOrganization("Kept cells partner");
  outsider = await makeOrganization("Kept cells outsider");
  await formCoalition(org, other);
  org.viewer = await freshViewer(org.viewer.id);
  partner = await freshViewer(other.viewer.id);
  const v = org.viewer;
  const a = await makeVendor(v, "Cells Vendor A");
  const b = await makeVendor(v, "Cells Vendor B");
  vendorIds = [a, b];
  productIds = [
    await makeProduct(v, a, "A RMS", "records_management"),
    await makeProduct(v, a, "A CAD", "computer_aided_dispatch"),
    await makeProduct(v, b, "B RMS", "records_management"),
  ];
  agencyIds = [];
  placeIds = [];
  const states = ["WI", "PA", "WI", "OR", "PA", "WI"];
  for (let i = 0; i < 18; i += 1) {
    const made = await makeAgency(v, { name: `Cells Agency ${String.fromCharCode(65 + ((i * 7) % 18))}${i}`, place: `Cells Place ${i % 9}`, state: states[i % 6] });
    agencyIds.push(made.agencyId);
    if (!placeIds.includes(made.placeId)) placeIds.push(made.placeId);
  }
});

const scopes = (): ProductScope[] => [...vendorIds.map((vendorId) => ({ vendorId })), ...productIds.map((productId) => ({ productId }))];

/** The agencies of a scope in the page's order, recounted from the tables (not from the copied keys). */
async function recountMembers(viewer: Viewer, scope: ProductScope, today: string) {
  const column = "vendorId" in scope ? sql`ap.vendor_id = ${scope.vendorId}::uuid` : "productId" in scope ? sql`ap.product_id = ${scope.productId}::uuid` : sql`true`;
  const orgs = sql.join([viewer.organizationId, ...viewer.partnerOrganizationIds].map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select m.id::text as id from (select distinct a.id, s.name as k1, lower(j.name) as k2, lower(a.name) as k3
          from agency_products ap join agencies a on a.id = ap.agency_id join jurisdictions j on j.id = a.jurisdiction_id
          join jurisdictions s on s.id = coalesce(j.state_id, j.id)
         where ${column} and ap.organization_id in (${orgs}) and a.organization_id in (${orgs})
           and (ap.until_on is null or ap.until_on >= ${today}::date)) m
        order by m.k1, m.k2, m.k3, m.id`,
  );
  return rows.map((r) => r.id);
}

/** Every page of the member list, forward, 4 a page. */
async function pagedMembers(viewer: Viewer, scope: ProductScope, today: string) {
  const ids: string[] = [];
  let page = await listMemberAgencies(viewer, scope, { today, pageSize: 4 });
  const total = page.total;
  ids.push(...page.rows.map((r) => r.agencyId));
  while (page.nextCursor) {
    page = await listMemberAgencies(viewer, scope, { today, pageSize: 4, cursor: decodeKeyset("ma", 3, page.nextCursor)! });
    ids.push(...page.rows.map((r) => r.agencyId));
  }
  return { ids, total };
}

async function expectKeptEqualsLive(label: string, today = TODAY) {
  for (const viewer of [org.viewer, partner, outsider.viewer]) {
    for (const scope of scopes()) {
      // memberFigures recounts scopes whose end date has passed; then the kept cells answer.
      await memberFigures(viewer, scope, today);
      const [kept, states, locations] = await Promise.all([
        keptMemberCells(viewer, scope, today),
        stateCounts(viewer, scope, today),
        memberLocations(viewer, scope, today),
      ]);
      expect(kept, `${label}: kept cells answer`).not.toBeNull();
      expect(kept!.states, `${label}: states of ${JSON.stringify(scope)}`).toEqual(states);
      expect(kept!.locations, `${label}: map of ${JSON.stringify(scope)}`).toEqual(locations);
      const expected = await recountMembers(viewer, scope, today);
      const paged = await pagedMembers(viewer, scope, today);
      expect(paged.ids, `${label}: member list of ${JSON.stringify(scope)}`).toEqual(expected);
      expect(paged.total).toBe(expected.length);
    }
  }
}

async function setUntil(systemId: string, untilOn: string | null) {
  await db.transaction(async (tx) => {
    await lockHosting(tx, org.viewer.organizationId);
    const [row] = await tx.update(agencySystems).set({ untilOn }).where(eq(agencySystems.id, systemId)).returning();
    await refreshMemberships(tx, org.viewer.organizationId, [{ agencyId: row!.agencyId, systemType: row!.systemType }], TODAY);
  });
}

describe("kept member cells and the index-ordered member list", () => {
  it("equal the live query after random edits of systems, agencies, places and directory locations", async () => {
    const next = random(14);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const systems: string[] = [];
    const failures: string[] = [];
    const hosts: string[] = [];
    await expectKeptEqualsLive("before any system");
    for (let step = 0; step < 40; step += 1) {
      const roll = next();
      if (roll < 0.4 || systems.length < 6) {
        // A system: run a product directly, or use one hosted by another agency (refused when it would not fit).
        const agencyId = pick(agencyIds);
        const productId = pick(productIds);
        const untilOn = pick([undefined, undefined, isoDay(-3), isoDay(30)]);
        const systemType = productId === productIds[1] ? "computer_aided_dispatch" : "records_management";
        try {
          const hosted = hosts.length > 0 && next() < 0.3;
          systems.push(await makeSystem(org.viewer, agencyId, hosted ? { hostAgencyId: pick(hosts) } : { productId }, { systemType, untilOn }));
          if (!hosted) hosts.push(agencyId);
        } catch (e) {
          failures.push(String(e).slice(0, 120));
          // refused (same agency twice, hosting circle, no host system): nothing changed
        }
      } else if (roll < 0.45) {
        const id = systems.splice(Math.floor(next() * systems.length), 1)[0]!;
        await deleteSystem(org.viewer, id);
      } else if (roll < 0.55) {
        await setUntil(pick(systems), pick([null, isoDay(-1), isoDay(0), isoDay(10)]));
      } else if (roll < 0.65) {
        // Renamed through any path (here plain SQL): the sort keys and the cells' names follow.
        await db.update(agencies).set({ name: `Cells Renamed ${step} ${pick(["x", "Y", "z"])}` }).where(eq(agencies.id, pick(agencyIds)));
      } else if (roll < 0.72) {
        await db.update(agencies).set({ jurisdictionId: pick(placeIds) }).where(eq(agencies.id, pick(agencyIds)));
      } else if (roll < 0.78) {
        await db.update(jurisdictions).set({ name: `Cells Place renamed ${step}` }).where(eq(jurisdictions.id, pick(placeIds)));
      } else if (roll < 0.9) {
        // A directory entry with a location, linked to an agency.
        const ori = `ZZ${String(step).padStart(3, "0")}${Math.floor(next() * 100)}`;
        await db.insert(directoryAgencies).values({
          ori, name: ori, fbiName: ori, directoryType: "City", agencyType: "police", state: "WI", listVersion: "test",
          latitude: 43 + next() * 2, longitude: -90 + next() * 2,
        });
        await db.update(agencies).set({ ori }).where(eq(agencies.id, pick(agencyIds)));
      } else {
        const [linked] = await db.select({ ori: agencies.ori }).from(agencies).where(and(eq(agencies.organizationId, org.viewer.organizationId), sql`${agencies.ori} like 'ZZ%'`)).limit(1);
        if (linked?.ori) await db.update(directoryAgencies).set({ latitude: 44.5 + next(), longitude: -89 }).where(eq(directoryAgencies.ori, linked.ori));
      }
      if (step % 8 === 7) await expectKeptEqualsLive(`after step ${step}`);
    }
    await expectKeptEqualsLive("at the end");
    // The edits made memberships of several agencies and places (the comparison is not of empty figures).
    const [made] = await queryRows<{ agencies: number; cells: number }>(
      db,
      sql`select (select count(distinct agency_id)::int from agency_products where organization_id = ${org.viewer.organizationId}::uuid) as agencies,
                 (select count(*)::int from member_map_cells where organization_id = ${org.viewer.organizationId}::uuid and cell_latitude is not null) as cells`,
    );
    expect(made!.agencies, JSON.stringify([systems.length, failures])).toBeGreaterThan(5);
    expect(made!.cells).toBeGreaterThan(0);
    // Something is on the map and in the lists (the comparison is not of empty figures).
    const figures = await memberFigures(org.viewer, { vendorId: vendorIds[0]! }, TODAY);
    expect(figures.states.reduce((n, s) => n + s.agencies, 0)).toBeGreaterThan(0);
  });

  it("counts an agency on two products of a vendor once on the vendor's figures", async () => {
    const v = org.viewer;
    const vendor = await makeVendor(v, "Cells Twice");
    const rms = await makeProduct(v, vendor, "Twice RMS", "records_management");
    const cad = await makeProduct(v, vendor, "Twice CAD", "computer_aided_dispatch");
    const { agencyId } = await makeAgency(v, { name: "Cells Twice Police", place: "Cells Twice Town", state: "WI" });
    await makeSystem(v, agencyId, { productId: rms });
    await makeSystem(v, agencyId, { productId: cad }, { systemType: "computer_aided_dispatch" });
    const kept = await keptMemberCells(v, { vendorId: vendor }, TODAY);
    expect(kept!.states).toEqual([{ stateCode: "WI", stateName: "Wisconsin", agencies: 1 }]);
    expect(kept!.locations.map((l) => l.agencies)).toEqual([1]);
    const page = await getVendorPage(v, vendor, TODAY);
    expect(page!.totalAgencies).toBe(1);
    expect(page!.members.total).toBe(1);
    expect(page!.members.rows.map((r) => r.uses.length)).toEqual([2]);
  });

  it("recounts a scope whose earliest end date has passed before it is read", async () => {
    const v = org.viewer;
    const vendor = await makeVendor(v, "Cells Ending");
    const product = await makeProduct(v, vendor, "Ending RMS", "records_management");
    const { agencyId } = await makeAgency(v, { name: "Cells Ending Police", place: "Cells Ending Town", state: "PA" });
    const { agencyId: stays } = await makeAgency(v, { name: "Cells Staying Police", place: "Cells Ending Town", state: "PA" });
    await makeSystem(v, agencyId, { productId: product }, { untilOn: isoDay(1) });
    await makeSystem(v, stays, { productId: product });
    expect((await memberFigures(v, { productId: product }, TODAY)).states).toEqual([{ stateCode: "PA", stateName: "Pennsylvania", agencies: 2 }]);
    const later = isoDay(3);
    // Read for a day after the end date: stale (not read), then recounted by memberFigures (a partner's too).
    expect(await keptMemberCells(partner, { productId: product }, later)).toBeNull();
    const figures = await memberFigures(partner, { productId: product }, later);
    expect(figures.states).toEqual([{ stateCode: "PA", stateName: "Pennsylvania", agencies: 1 }]);
    expect(figures.states).toEqual(await stateCounts(v, { productId: product }, later));
    expect(await keptMemberCells(v, { productId: product }, later)).not.toBeNull();
  });
});
