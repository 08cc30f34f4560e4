import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { organizations, users } from "./accounts";

/**
 * A person's saved views of the requests list: a name and the list's query string (filters and sort, never a
 * page), checked with the list's own schema when saved and again when shown. Each is its user's alone, within
 * the organization the user belonged to when saving it.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("saved_views_user_name_unique").on(t.userId, t.organizationId, t.name), index("saved_views_org_idx").on(t.organizationId)],
);
