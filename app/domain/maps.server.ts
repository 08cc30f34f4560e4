import type { SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { memberLocations, type ProductScope } from "./groups.server";
import type { StatusTone } from "./request-status";
import { cellLabel, type MapData } from "./us-map";
import type { campaignMapCells } from "./campaign-targets.server";
import { buildUsMap } from "./us-map.server";

/** The agencies on a product, a vendor's products or every product, on the US map, coloured by system type. */
export async function membersMap(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb): Promise<MapData<SystemType>> {
  const rows = await memberLocations(viewer, scope, today, db);
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
