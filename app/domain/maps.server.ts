import { eq, inArray } from "drizzle-orm";
import { agencies, directoryAgencies } from "../../db/schema";
import type { RequestStatus, SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { memberLocations, type MemberLocation, type ProductScope } from "./groups.server";
import type { StatusTone } from "./request-status";
import { cellLabel, toneOfStatus, type MapData } from "./us-map";
import { buildUsMap } from "./us-map.server";

/** The agencies on a product, a vendor's products or every product, on the US map, coloured by system type. */
export async function membersMap(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb): Promise<MapData<SystemType>> {
  return locationsMap(await memberLocations(viewer, scope, today, db));
}

/** The map of member locations (memberLocations' rows, or the kept cells'). */
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

/** A joint ask's requests to agencies on the US map, coloured by status (grouped by tone). */
export async function requestsMap(
  rows: ReadonlyArray<{ agencyId: string | null; agencyName: string | null; stateCode: string | null; status: RequestStatus }>,
  db: Executor = defaultDb,
): Promise<MapData<StatusTone>> {
  const ids = [...new Set(rows.map((r) => r.agencyId).filter((x): x is string => Boolean(x)))];
  const located = ids.length
    ? await db
        .select({ id: agencies.id, latitude: directoryAgencies.latitude, longitude: directoryAgencies.longitude })
        .from(agencies)
        .innerJoin(directoryAgencies, eq(directoryAgencies.ori, agencies.ori))
        .where(inArray(agencies.id, ids))
    : [];
  const where = new Map(located.map((l) => [l.id, l]));
  return buildUsMap(
    rows
      .filter((r) => r.agencyId)
      .map((r) => ({
        stateCode: r.stateCode,
        latitude: where.get(r.agencyId!)?.latitude ?? null,
        longitude: where.get(r.agencyId!)?.longitude ?? null,
        category: toneOfStatus(r.status),
        label: r.agencyName ?? "",
      })),
  );
}
