import { z } from "zod";
import { REQUEST_STATUSES } from "../../db/schema/values";
import { pageNumberSchema } from "./request-input";

// Input rules of the public request pages (/r, /r/:slug, GET /api/v1/public/requests). Browser-safe.

export const PUBLIC_PAGE_SIZE = 25;

/** Query-string filters of the public index. Unknown values are errors with the field named, never 500s. */
export const publicIndexSchema = z.object({
  q: z.string().trim().max(200, "Search text must be at most 200 characters").optional(),
  status: z.enum(REQUEST_STATUSES, { error: "Unknown status" }).optional(),
  state: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, "State must be a two-letter code, e.g. PA"))
    .optional(),
  // The same page rule (and messages) as the organization's own request list.
  page: pageNumberSchema.default(1),
});
export type PublicIndexFilters = z.infer<typeof publicIndexSchema>;

/** Reads the filters from a URL; empty parameters count as absent, unknown ones are ignored. */
export function parsePublicIndexFilters(searchParams: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of ["q", "status", "state", "page"]) {
    const value = searchParams.get(key);
    if (value !== null && value.trim() !== "") raw[key] = value;
  }
  return publicIndexSchema.safeParse(raw);
}

/** Public page addresses are lower-case words and a random tail (see publicSlug); anything else is no page. */
export function isPublicSlug(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,99})$/.test(value);
}
