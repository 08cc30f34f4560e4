import { sql } from "drizzle-orm";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { tagMenuQuery } from "./requests.server";
import { savedViewsQuery, withValidity, type SavedView } from "./saved-views.server";

export interface RequestListOptions {
  /** The tags in use on the requests the viewer sees (listTags), A-Z. */
  tags: string[];
  /** The viewer's saved views (listSavedViews), A-Z. */
  views: SavedView[];
}

/** A json column as either driver returns it (postgres.js parses json, PGlite too; a string is parsed here). */
function jsonValue<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/**
 * What the requests list's filters offer, in one statement instead of two: the same queries as listTags and
 * listSavedViews (same conditions, orders and limits), each aggregated into a json column. On the
 * list, every round trip to the database costs the server CPU (the write, the parse) as much as its rows do.
 */
export async function listFilterOptions(viewer: Viewer, db: Executor = defaultDb): Promise<RequestListOptions> {
  const [row] = await queryRows<{ tags: unknown; views: unknown }>(
    db,
    sql`select
      coalesce((select json_agg(t.tag) from (${tagMenuQuery(viewer, db)}) t), '[]'::json) as tags,
      coalesce((select json_agg(json_build_object('id', v.id, 'name', v.name, 'query', v.query) order by v.name, v.id) from (${savedViewsQuery(viewer, db)}) v), '[]'::json) as views`,
  );
  return {
    tags: jsonValue<string[]>(row?.tags ?? []).sort(),
    views: withValidity(jsonValue<{ id: string; name: string; query: string }[]>(row?.views ?? [])),
  };
}
