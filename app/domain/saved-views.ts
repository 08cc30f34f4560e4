import { z } from "zod";
import { filterQuery } from "./bulk-input";
import { parseRequestFilters } from "./request-input";

// Saved views of the requests list, browser-safe: a view is a name and the list's query string (filters and
// sort), which must pass the list's own schema (parseRequestFilters), so a saved view never opens an error page.

export const MAX_SAVED_VIEWS = 50;

const viewName = z
  .string({ error: "Name the view" })
  .trim()
  .min(1, "Name the view")
  .max(80, "A view's name must be at most 80 characters");

/** The list's query string as a view keeps it: without the page, checked by the list's schema. */
export const viewQuery = z
  .string()
  .max(2000, "These filters are too long to save")
  .default("")
  .transform((v) => filterQuery(v.replace(/^\?/, "")))
  .superRefine((v, ctx) => {
    const parsed = parseRequestFilters(new URLSearchParams(v));
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `These filters can't be saved: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` });
    }
  });

export const saveViewSchema = z.object({ intent: z.literal("save-view"), name: viewName, query: viewQuery });
export const renameViewSchema = z.object({ intent: z.literal("rename-view"), viewId: z.string().uuid("Choose one of your views"), name: viewName });
export const deleteViewSchema = z.object({ intent: z.literal("delete-view"), viewId: z.string().uuid("Choose one of your views") });
export const viewActionSchema = z.discriminatedUnion("intent", [saveViewSchema, renameViewSchema, deleteViewSchema], {
  error: "Unknown action",
});
