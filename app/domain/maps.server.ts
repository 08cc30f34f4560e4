import { sql } from "drizzle-orm";
import { mapVersion } from "../../db/schema";
import type { SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { memberLocations, type MemberLocation, type ProductScope } from "./groups.server";
import type { StatusTone } from "./request-status";
import { cellLabel, type MapData } from "./us-map";
import type { campaignMapCells } from "./campaign-targets.server";
import { buildUsMap } from "./us-map.server";

/** Maps computed, by version, scope, organizations seen and day: at most MAP_CACHE_SIZE, the oldest dropped first. */
const mapCache = new Map<string, MapData<SystemType>>();
const MAP_CACHE_SIZE = 200;

/**
 * The agencies on a product, a vendor's products or every product (the groups page), on the US map, coloured by
 * system type. The cells are aggregated over every membership in scope (18,000 agencies on the national dataset: 70 ms), so the
 * map is kept in memory under map_version (moved by triggers on every write to what it is drawn from): a view
 * reads that one number and recomputes only when it moved, or for a scope, coalition or day not seen yet.
 */
export async function membersMap(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb): Promise<MapData<SystemType>> {
  const [row] = await queryRows<{ version: string }>(db, sql`select ${mapVersion.version}::text as version from ${mapVersion} where ${mapVersion.id}`);
  const scopeKey = "productId" in scope ? `p:${scope.productId}` : "vendorId" in scope ? `v:${scope.vendorId}` : "all";
  const orgs = [viewer.organizationId, ...[...viewer.partnerOrganizationIds].sort()].join(",");
  const key = row ? `${row.version}|${scopeKey}|${orgs}|${today}` : null;
  const kept = key ? mapCache.get(key) : undefined;
  if (kept) return kept;
  const map = locationsMap(await memberLocations(viewer, scope, today, db));
  if (key) {
    if (mapCache.size >= MAP_CACHE_SIZE) mapCache.delete(mapCache.keys().next().value!);
    mapCache.set(key, map);
  }
  return map;
}

/** The map of member locations (memberLocations' rows, or the kept cells' of a vendor or product page). */
export function locationsMap(rows: readonly MemberLocation[]): MapData<SystemType> {
  return buildUsMap(
    rows.map((r) => ({
      stateCode: r.stateCode,
      latitude: r.latitude,
      longitude: r.longitude,
      category: r.systemType,
      count: r.agencies,
      label: cellLabel(r.agencies, r.names),
    })),
  );
}

/** A joint ask's requests to agencies on the US map, coloured by status (grouped by tone), from its map cells. */
export function requestsMap(cells: Awaited<ReturnType<typeof campaignMapCells>>): MapData<StatusTone> {
  return buildUsMap(
    cells.map((c) => ({
      stateCode: c.stateCode,
      latitude: c.latitude,
      longitude: c.longitude,
      category: c.tone,
      count: c.requests,
      label: cellLabel(c.requests, c.names),
    })),
  );
}
