import { z } from "zod";
import { MAX_TAGS, normalizeTags } from "./request-input";

// What a bulk change of the requests list says, browser-safe: which requests (the ones ticked, or every request
// matching the list's filters) and which change. The change's own fields are validated on the server by the
// same schema as the single request's form (request-changes.server.ts); tags by tagsInputSchema below.

/** The changes the list can make to many requests at once. */
export const BULK_ACTIONS = ["assign", "add-tags", "remove-tags", "change-status", "set-visibility", "set-next-action"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  assign: "Assign",
  "add-tags": "Add tags",
  "remove-tags": "Remove tags",
  "change-status": "Change status",
  "set-visibility": "Change who can see them",
  "set-next-action": "Schedule the next action",
};

/**
 * Who can see them, in bulk: private or the coalition. Publishing goes through each request's publish page,
 * where the coordinator reviews what becomes public and confirms flagged files one by one.
 */
export const BULK_VISIBILITIES = ["coalition", "private"] as const;

/** Ticked requests sent at once (the list shows at most 100 a page). */
export const MAX_SELECTED = 500;
/** A change to every match stops after this many of the organization's requests; the review asks to narrow the filters beyond it. */
export const BULK_ALL_LIMIT = 10_000;
/** Requests changed per transaction. */
export const BULK_BATCH_SIZE = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idList = (label: string, max: number) =>
  z
    .array(z.string().regex(UUID, `Each ${label} must be a request of the list`))
    .max(max, `At most ${max} ${label}s at once: use “every matching request” for more`);

/** The filters of the list the change was made from, as its query string (without the page). */
const filterField = z.string().max(4000, "The list's filters are too long").default("");

export const bulkTargetSchema = z
  .object({
    change: z.enum(BULK_ACTIONS, { error: "Choose what to change" }),
    scope: z.enum(["selected", "all"], { error: 'scope must be "selected" or "all"' }).default("selected"),
    requestIds: idList("selected request", MAX_SELECTED).default([]),
    // "Select all on this page" without JavaScript: the page's ids come along and count as ticked.
    allOnPage: z.union([z.literal("on"), z.literal("true"), z.literal("")]).optional(),
    pageIds: idList("request of the page", 100).default([]),
    filter: filterField,
  })
  .transform((v, ctx) => {
    const ids = [...new Set([...v.requestIds, ...(v.allOnPage === "on" || v.allOnPage === "true" ? v.pageIds : [])].map((id) => id.toLowerCase()))];
    if (v.scope === "selected" && ids.length === 0) {
      ctx.addIssue({ code: "custom", path: ["requestIds"], message: "Tick at least one request, or choose every matching request" });
      return z.NEVER;
    }
    return { change: v.change, scope: v.scope, requestIds: v.scope === "selected" ? ids : [], filter: v.filter };
  });
export type BulkTarget = z.output<typeof bulkTargetSchema>;

/** Tags to add or remove, comma-separated as in the request form. */
export const tagsInputSchema = z.object({
  tags: z
    .string({ error: "Enter at least one tag" })
    .transform((v) => normalizeTags(v))
    .pipe(
      z
        .array(z.string().max(40, "Each tag must be at most 40 characters"))
        .min(1, "Enter at least one tag")
        .max(MAX_TAGS, `At most ${MAX_TAGS} tags`),
    ),
});

/** The list's query string without what only picks a page: what a bulk change and a saved view keep of it. */
export function filterQuery(search: URLSearchParams | string): string {
  const params = new URLSearchParams(search);
  for (const key of ["cursor", "page", "pageSize"]) params.delete(key);
  for (const [key, value] of [...params]) if (value === "") params.delete(key, value);
  params.sort();
  return params.toString();
}
