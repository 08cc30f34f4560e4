import { asc } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleUsers } from "./access.server";

/** Active members of the viewer's organization: the people requests can be assigned to. */
export function listMembers(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(visibleUsers(viewer))
    .orderBy(asc(users.name));
}
