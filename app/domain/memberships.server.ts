import { sql, type SQL } from "drizzle-orm";
import { agencies, agencyProducts, agencySystems, jurisdictions, memberMapCells, productGroups, products } from "../../db/schema";
import type { SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { queryRows } from "../utils/db.server";
import { slicesOf } from "./batches";

// Keeps agency_products (who is on which product, through hosting) and product_groups (the size of each
// shared-vendor group) in step with agency_systems. Callers run these inside the transaction that changed
// the systems, holding the organization's hosting lock, so readers never see a half-updated picture.

/** Hosting chains longer than this are not followed (they are refused on entry well before). */
export const MAX_HOSTING_DEPTH = 8;

// Arbitrary constant: with the organization's hash it serializes changes to one organization's systems, so two
// people can't create a hosting circle between them, or rebuild memberships over each other.
const HOSTING_LOCK_KEY = 727_002;

export async function lockHosting(tx: Executor, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${HOSTING_LOCK_KEY}, hashtext(${organizationId}))`);
}

type AgencyType = { agencyId: string; systemType: SystemType };
type Group = { productId: string; systemType: SystemType };

// Large value lists go in slices to stay under the 65,535 bind parameters of one statement.
const CHUNK = 5000;
const chunks = <T>(items: readonly T[]) => slicesOf(items, CHUNK);

const pairList = (pairs: readonly AgencyType[]) =>
  sql`(values ${sql.join(pairs.map((p) => sql`(${p.agencyId}::uuid, ${p.systemType}::system_type)`), sql`, `)})`;
const groupList = (groups: readonly Group[]) =>
  sql`(values ${sql.join(groups.map((g) => sql`(${g.productId}::uuid, ${g.systemType}::system_type)`), sql`, `)})`;

/** The agencies (per system type) whose membership depends on the given ones: themselves and all they host. */
async function dependents(tx: Executor, organizationId: string, changed: readonly AgencyType[]): Promise<AgencyType[]> {
  const found = new Map<string, AgencyType>();
  for (const part of chunks(changed)) {
    const rows = await queryRows<AgencyType>(
      tx,
      sql`with recursive down(agency_id, system_type, depth) as (
        select v.agency_id, v.system_type, 0 from ${pairList(part)} as v(agency_id, system_type)
        union
        select ${agencySystems.agencyId}, ${agencySystems.systemType}, down.depth + 1
          from down join ${agencySystems} on ${agencySystems.hostAgencyId} = down.agency_id and ${agencySystems.systemType} = down.system_type
         where ${agencySystems.organizationId} = ${organizationId}::uuid and down.depth < ${MAX_HOSTING_DEPTH * 2}
      ) select distinct agency_id::text as "agencyId", system_type::text as "systemType" from down`,
    );
    for (const r of rows) found.set(`${r.agencyId}:${r.systemType}`, r);
  }
  return [...found.values()];
}

async function groupsOf(tx: Executor, organizationId: string, scope: SQL): Promise<Group[]> {
  return queryRows<Group>(
    tx,
    sql`select distinct ${agencyProducts.productId}::text as "productId", ${agencyProducts.systemType}::text as "systemType"
          from ${agencyProducts}
         where ${agencyProducts.organizationId} = ${organizationId}::uuid and ${scope}`,
  );
}

/**
 * Writes the membership rows of the agencies in `scope` (a condition on agency_systems) by walking each of their
 * systems up its hosting chain to an agency that runs a product.
 */
async function insertMemberships(tx: Executor, organizationId: string, scope: SQL) {
  await tx.execute(sql`
    with recursive up(agency_id, system_type, product_id, host_agency_id, via_agency_id, until_on, depth) as (
      select ${agencySystems.agencyId}, ${agencySystems.systemType}, ${agencySystems.productId}, ${agencySystems.hostAgencyId},
             ${agencySystems.hostAgencyId}, ${agencySystems.untilOn}, 0
        from ${agencySystems}
       where ${agencySystems.organizationId} = ${organizationId}::uuid and ${scope}
      union all
      select up.agency_id, up.system_type, ${agencySystems.productId}, ${agencySystems.hostAgencyId}, up.via_agency_id,
             least(up.until_on, ${agencySystems.untilOn}), up.depth + 1
        from up join ${agencySystems} on ${agencySystems.agencyId} = up.host_agency_id and ${agencySystems.systemType} = up.system_type
       where ${agencySystems.organizationId} = ${organizationId}::uuid and up.depth < ${MAX_HOSTING_DEPTH}
    )
    insert into ${agencyProducts} (organization_id, agency_id, product_id, vendor_id, system_type, via_agency_id, jurisdiction_id, state_id, until_on, depth,
                                   state_name, place_key, agency_key)
    select ${organizationId}::uuid, up.agency_id, up.product_id, p.vendor_id, up.system_type, up.via_agency_id, a.jurisdiction_id,
           coalesce(j.state_id, j.id),
           case when bool_or(up.until_on is null) then null else max(up.until_on) end,
           min(up.depth), s.name, lower(j.name), lower(a.name)
      from up
      join ${products} p on p.id = up.product_id
      join ${agencies} a on a.id = up.agency_id
      join ${jurisdictions} j on j.id = a.jurisdiction_id
      join ${jurisdictions} s on s.id = coalesce(j.state_id, j.id)
     group by up.agency_id, up.product_id, p.vendor_id, up.system_type, up.via_agency_id, a.jurisdiction_id, j.state_id, j.id, s.name, a.name`);
}

/**
 * Brings agency_products and product_groups up to date after systems of `changed` agencies (per system type)
 * were created, edited or deleted; "all" rebuilds the organization (after an import).
 */
export async function refreshMemberships(
  tx: Executor,
  organizationId: string,
  changed: readonly AgencyType[] | "all",
  today: string,
): Promise<void> {
  if (changed === "all") {
    await tx.execute(sql`delete from ${agencyProducts} where ${agencyProducts.organizationId} = ${organizationId}::uuid`);
    await insertMemberships(tx, organizationId, sql`true`);
    await refreshGroups(tx, organizationId, "all", today);
    return;
  }
  const affected = await dependents(tx, organizationId, changed);
  const groups = new Map<string, Group>();
  for (const part of chunks(affected)) {
    const inPart = sql`(${agencyProducts.agencyId}, ${agencyProducts.systemType}) in (select * from ${pairList(part)} as v(a, t))`;
    for (const g of await groupsOf(tx, organizationId, inPart)) groups.set(`${g.productId}:${g.systemType}`, g);
    await tx.execute(sql`delete from ${agencyProducts} where ${agencyProducts.organizationId} = ${organizationId}::uuid and ${inPart}`);
    await insertMemberships(tx, organizationId, sql`(${agencySystems.agencyId}, ${agencySystems.systemType}) in (select * from ${pairList(part)} as v(a, t))`);
    for (const g of await groupsOf(tx, organizationId, inPart)) groups.set(`${g.productId}:${g.systemType}`, g);
  }
  await refreshGroups(tx, organizationId, [...groups.values()], today);
}

/** Recounts shared-vendor groups as of `today`; groups left with no current agency are removed. */
export async function refreshGroups(tx: Executor, organizationId: string, groups: readonly Group[] | "all", today: string): Promise<void> {
  const parts = groups === "all" ? [null] : chunks(groups);
  for (const part of parts) {
    if (part && part.length === 0) continue;
    const inMembers = part ? sql`and (${agencyProducts.productId}, ${agencyProducts.systemType}) in (select * from ${groupList(part)} as v(p, t))` : sql``;
    const inGroups = part ? sql`and (${productGroups.productId}, ${productGroups.systemType}) in (select * from ${groupList(part)} as v(p, t))` : sql``;
    const current = sql`(${agencyProducts.untilOn} is null or ${agencyProducts.untilOn} >= ${today}::date)`;
    await tx.execute(sql`
      insert into ${productGroups} (organization_id, product_id, system_type, cities, agencies, states, hosted, stale_after, computed_on)
      select ${organizationId}::uuid, ${agencyProducts.productId}, ${agencyProducts.systemType},
             count(distinct ${agencyProducts.jurisdictionId}), count(distinct ${agencyProducts.agencyId}),
             count(distinct ${agencyProducts.stateId}),
             count(distinct ${agencyProducts.agencyId}) filter (where ${agencyProducts.viaAgencyId} is not null),
             min(${agencyProducts.untilOn}), ${today}::date
        from ${agencyProducts}
       where ${agencyProducts.organizationId} = ${organizationId}::uuid and ${current} ${inMembers}
       group by ${agencyProducts.productId}, ${agencyProducts.systemType}
      on conflict (product_id, system_type) do update set
        cities = excluded.cities, agencies = excluded.agencies, states = excluded.states, hosted = excluded.hosted,
        stale_after = excluded.stale_after, computed_on = excluded.computed_on`);
    await tx.execute(sql`
      delete from ${productGroups}
       where ${productGroups.organizationId} = ${organizationId}::uuid ${inGroups}
         and not exists (select 1 from ${agencyProducts}
                          where ${agencyProducts.productId} = ${productGroups.productId}
                            and ${agencyProducts.systemType} = ${productGroups.systemType} and ${current})`);
  }
}

/**
 * Recounts groups whose earliest end date has passed, so a system that ended yesterday no longer counts, and
 * rewrites the map cells (member_map_cells) of scopes in the same case.
 */
export async function refreshStaleGroups(db: Executor, organizationId: string, today: string): Promise<void> {
  const stale = await queryRows<Group & { cells: boolean }>(
    db,
    sql`select ${productGroups.productId}::text as "productId", ${productGroups.systemType}::text as "systemType", false as cells
          from ${productGroups}
         where ${productGroups.organizationId} = ${organizationId}::uuid and ${productGroups.staleAfter} < ${today}::date
        union all
        (select null, null, true from ${memberMapCells}
          where ${memberMapCells.organizationId} = ${organizationId}::uuid and ${memberMapCells.staleAfter} < ${today}::date limit 1)`,
  );
  if (stale.length === 0) return;
  const groups = stale.filter((g) => !g.cells);
  await db.transaction(async (tx) => {
    await lockHosting(tx, organizationId);
    if (groups.length) await refreshGroups(tx, organizationId, groups, today);
    if (groups.length < stale.length) await tx.execute(sql`select member_cells_refresh_stale(${organizationId}::uuid, ${today}::date)`);
  });
}

/** After an agency moved to another place: its membership rows carry the new place, its groups are recounted. */
export async function refreshAgencyPlace(db: Executor, organizationId: string, agencyId: string, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update ${agencyProducts} set jurisdiction_id = a.jurisdiction_id, state_id = coalesce(j.state_id, j.id),
             place_key = lower(j.name), state_name = s.name, agency_key = lower(a.name)
        from ${agencies} a join ${jurisdictions} j on j.id = a.jurisdiction_id join ${jurisdictions} s on s.id = coalesce(j.state_id, j.id)
       where a.id = ${agencyProducts.agencyId} and ${agencyProducts.agencyId} = ${agencyId}::uuid
         and ${agencyProducts.organizationId} = ${organizationId}::uuid`);
    const groups = await groupsOf(tx, organizationId, sql`${agencyProducts.agencyId} = ${agencyId}::uuid`);
    await refreshGroups(tx, organizationId, groups, today);
  });
}
