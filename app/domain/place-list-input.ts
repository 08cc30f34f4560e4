import { z } from "zod";

/**
 * Keyset pages of the agencies and jurisdictions lists. A page starts just after (or, for "previous", just
 * before) a row with these sort keys and id: agencies sort by jurisdiction name, agency name, id; local
 * jurisdictions by state name, name, id.
 */
export type PlaceList = "agencies" | "jurisdictions";
export type PlaceCursor = { list: PlaceList; before: boolean; keys: [string, string]; id: string };

/** Rows of a page on /agencies and /jurisdictions. */
export const PLACE_PAGE_SIZE = 50;
/** Totals are counted exactly up to this many rows; past it the list says "more than". */
export const PLACE_EXACT_TOTAL_LIMIT = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_TAGS: Record<PlaceList, string> = { agencies: "ag", jurisdictions: "ju" };

export function encodePlaceCursor(cursor: PlaceCursor): string {
  return Buffer.from(JSON.stringify([LIST_TAGS[cursor.list], cursor.before ? "b" : "a", cursor.keys[0], cursor.keys[1], cursor.id])).toString("base64url");
}

/** The cursor, or null when it is not one this list made (edited, truncated, or another list's). */
export function decodePlaceCursor(list: PlaceList, text: string): PlaceCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 5 || !value.every((v) => typeof v === "string")) return null;
    const [tag, side, k1, k2, id] = value as string[];
    if (tag !== LIST_TAGS[list] || (side !== "a" && side !== "b") || !UUID.test(id!)) return null;
    if (k1!.length > 1000 || k2!.length > 1000 || k1!.includes("\u0000") || k2!.includes("\u0000")) return null;
    return { list, before: side === "b", keys: [k1!, k2!], id: id!.toLowerCase() };
  } catch {
    return null;
  }
}

const INVALID_CURSOR = "Invalid cursor: start again from the first page";

const pageSizeSchema = z.coerce
  .number({ error: "pageSize must be a number" })
  .int("pageSize must be a whole number")
  .min(1, "pageSize must be between 1 and 100")
  .max(100, "pageSize must be between 1 and 100");

/** The query string of a paged place list: `q` (part of the name), `cursor`, and for the API `pageSize`. */
export function placeListQuery(list: PlaceList, defaultPageSize: number = PLACE_PAGE_SIZE) {
  return z
    .object({
      q: z
        .string()
        .trim()
        .max(200, "Search text must be at most 200 characters")
        .refine((v) => !v.includes("\u0000"), "Search text can't contain a NUL character")
        .optional(),
      cursor: z.string().max(2000, INVALID_CURSOR).optional(),
      pageSize: pageSizeSchema.default(defaultPageSize),
    })
    .transform((value, ctx) => {
      const { cursor: cursorText, q, pageSize } = value;
      if (cursorText === undefined) return { q: q || undefined, pageSize, cursor: undefined as PlaceCursor | undefined };
      const cursor = decodePlaceCursor(list, cursorText);
      if (!cursor) {
        ctx.addIssue({ code: "custom", path: ["cursor"], message: INVALID_CURSOR });
        return z.NEVER;
      }
      return { q: q || undefined, pageSize, cursor };
    });
}
export type PlaceListQuery = z.output<ReturnType<typeof placeListQuery>>;

/** Reads a place list's parameters from a URL (only those named; empty ones count as absent). */
export function parsePlaceListQuery(list: PlaceList, searchParams: URLSearchParams, defaultPageSize?: number) {
  const raw: Record<string, string> = {};
  for (const key of ["q", "cursor", "pageSize"]) {
    const value = searchParams.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return placeListQuery(list, defaultPageSize).safeParse(raw);
}
