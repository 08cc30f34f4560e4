import { and, asc, count, eq, ne } from "drizzle-orm";
import { savedViews } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { parseRequestFilters } from "./request-input";
import { fail, ok, type Result } from "./results";
import { MAX_SAVED_VIEWS } from "./saved-views";

// A person's saved views of the requests list. Every query is scoped to the viewer's own user id and
// organization: nobody reads, renames or deletes another person's views.

const mine = (viewer: Pick<Viewer, "id" | "organizationId">) => and(eq(savedViews.userId, viewer.id), eq(savedViews.organizationId, viewer.organizationId))!;

export type SavedView = { id: string; name: string; query: string; valid: boolean };

/** The viewer's views, A-Z; `valid` is false for one the list's schema no longer accepts (it opens the plain list). */
export async function listSavedViews(viewer: Pick<Viewer, "id" | "organizationId">, db: Executor = defaultDb): Promise<SavedView[]> {
  return withValidity(await savedViewsQuery(viewer, db));
}

/** listSavedViews' query (listFilterOptions reads it as a subquery); withValidity finishes its rows. */
export function savedViewsQuery(viewer: Pick<Viewer, "id" | "organizationId">, db: Executor = defaultDb) {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(mine(viewer))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .limit(MAX_SAVED_VIEWS);
}

export function withValidity(rows: readonly { id: string; name: string; query: string }[]): SavedView[] {
  return rows.map((r) => ({ ...r, valid: parseRequestFilters(new URLSearchParams(r.query)).success }));
}

/** Saves the filters under a name; a view of the same name is replaced. */
export async function saveView(viewer: Viewer, input: { name: string; query: string }, db: Executor = defaultDb): Promise<Result<{ id: string; replaced: boolean }>> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: savedViews.id }).from(savedViews).where(and(mine(viewer), eq(savedViews.name, input.name))).for("update");
    if (existing) {
      await tx.update(savedViews).set({ query: input.query }).where(eq(savedViews.id, existing.id));
      return ok({ id: existing.id, replaced: true });
    }
    const [counted] = await tx.select({ n: count() }).from(savedViews).where(mine(viewer));
    if ((counted?.n ?? 0) >= MAX_SAVED_VIEWS) return fail("name", `You have ${MAX_SAVED_VIEWS} views already: delete one first`);
    const [row] = await tx
      .insert(savedViews)
      .values({ userId: viewer.id, organizationId: viewer.organizationId, name: input.name, query: input.query })
      .onConflictDoNothing()
      .returning({ id: savedViews.id });
    if (!row) return fail("name", "A view of that name was saved at the same moment: try again");
    return ok({ id: row.id, replaced: false });
  });
}

/** Null when the view is not the viewer's. */
export async function renameView(viewer: Viewer, viewId: string, name: string, db: Executor = defaultDb): Promise<Result<null> | null> {
  return db.transaction(async (tx) => {
    const [view] = await tx.select({ id: savedViews.id }).from(savedViews).where(and(mine(viewer), eq(savedViews.id, viewId))).for("update");
    if (!view) return null;
    const [clash] = await tx.select({ id: savedViews.id }).from(savedViews).where(and(mine(viewer), eq(savedViews.name, name), ne(savedViews.id, viewId)));
    if (clash) return fail("name", "You have a view of that name already");
    await tx.update(savedViews).set({ name }).where(eq(savedViews.id, view.id));
    return ok(null);
  });
}

/** False when the view is not the viewer's. */
export async function deleteView(viewer: Viewer, viewId: string, db: Executor = defaultDb): Promise<boolean> {
  const deleted = await db.delete(savedViews).where(and(mine(viewer), eq(savedViews.id, viewId))).returning({ id: savedViews.id });
  return deleted.length > 0;
}
