import { asc, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleUsers } from "./access.server";
import { tagMenuQuery } from "./requests.server";
import { savedViewsQuery, withValidity, type SavedView } from "./saved-views.server";

export interface RequestListOptions {
  /** The organization's active members (the assignee filter), by name. */
  members: { id: string; name: string }[];
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
 * What the requests list's filters offer, in one statement instead of three: the same queries as listMembers,
 * listTags and listSavedViews (same conditions, orders and limits), each aggregated into a json column. On the
 * list, every round trip to the database costs the server CPU (the write, the parse) as much as its rows do.
 */
export async function listFilterOptions(viewer: Viewer, db: Executor = defaultDb): Promise<RequestListOptions> {
  const members = db.select({ id: users.id, name: users.name }).from(users).where(visibleUsers(viewer)).orderBy(asc(users.name));
  const [row] = await queryRows<{ members: unknown; tags: unknown; views: unknown }>(
    db,
    sql`select
      coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.name) from (${members}) m), '[]'::json) as members,
      coalesce((select json_agg(t.tag) from (${tagMenuQuery(viewer, db)}) t), '[]'::json) as tags,
      coalesce((select json_agg(json_build_object('id', v.id, 'name', v.name, 'query', v.query) order by v.name, v.id) from (${savedViewsQuery(viewer, db)}) v), '[]'::json) as views`,
  );
  return {
    members: jsonValue<{ id: string; name: string }[]>(row?.members ?? []),
    tags: jsonValue<string[]>(row?.tags ?? []).sort(),
    views: withValidity(jsonValue<{ id: string; name: string; query: string }[]>(row?.views ?? [])),
  };
}
