import { z } from "zod";
import { REQUEST_STATUSES } from "../../db/schema/values";

// The query strings of the two bounded target lists: a joint ask's requests (campaign page) and the agencies on
// a vendor's or product's systems (vendor and product pages). Both are keyset-paged, 50 a page, with a cursor
// that carries the last (or first) row's sort key and id; links keep the filters beside the cursor.

export const TARGET_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One row's place in a keyset-ordered list: its sort keys (text), its id, and which way the page reads. */
export interface KeysetCursor {
  before: boolean;
  keys: string[];
  id: string;
}

/** An opaque cursor for one list (`list` names it, so a cursor of one list is refused by another). */
export function encodeKeyset(list: string, cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([list, cursor.before ? "b" : "a", ...cursor.keys, cursor.id])).toString("base64url");
}

/** The cursor, or null when it is not one this list made (edited, truncated, another list's). */
export function decodeKeyset(list: string, arity: number, text: string): KeysetCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== arity + 3) return null;
    if (!value.every((v) => typeof v === "string" && v.length <= 500 && !v.includes("\u0000"))) return null;
    const [tag, dir, ...rest] = value as string[];
    const id = rest.pop()!;
    if (tag !== list || (dir !== "a" && dir !== "b") || !UUID.test(id)) return null;
    return { before: dir === "b", keys: rest, id };
  } catch {
    return null;
  }
}

const CURSOR_MESSAGE = "Invalid cursor: start again from the first page";

const searchText = z
  .string()
  .max(200, "Search is at most 200 characters")
  .refine((s) => !s.includes("\u0000"), "Search can't contain a NUL character")
  .transform((s) => s.trim())
  .optional();
const stateCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "state must be a two-letter state code"))
  .optional();
const cursorText = z.string().max(2000, CURSOR_MESSAGE).optional();

/** What a joint ask's letter to a target has come to (the target's first letter, as the send page counts it). */
export const LETTER_FILTERS = ["unsent", "queued", "sent", "failed", "bounced"] as const;
export type LetterFilter = (typeof LETTER_FILTERS)[number];
export const LETTER_FILTER_LABELS: Record<LetterFilter, string> = {
  unsent: "Letter not sent yet",
  queued: "Letter queued",
  sent: "Letter sent",
  failed: "Letter failed",
  bounced: "Bounced (address bouncing)",
};

export const CAMPAIGN_TARGETS_LIST = "ct";
export const CAMPAIGN_TARGET_KEYS = 4;

/** ?q= (agency, vendor or place name), ?status= (the request's), ?letter=, ?state=, ?cursor= of a joint ask's page. */
export const campaignTargetQuery = z
  .object({
    q: searchText,
    status: z.enum(REQUEST_STATUSES, { error: "status must be one of the request statuses" }).optional(),
    letter: z.enum(LETTER_FILTERS, { error: `letter must be one of ${LETTER_FILTERS.join(", ")}` }).optional(),
    state: stateCode,
    cursor: cursorText,
  })
  .transform((value, ctx) => {
    const { cursor: text, ...rest } = value;
    if (text === undefined) return { ...rest, cursor: undefined as KeysetCursor | undefined };
    const cursor = decodeKeyset(CAMPAIGN_TARGETS_LIST, CAMPAIGN_TARGET_KEYS, text);
    if (!cursor || !/^[01]$/.test(cursor.keys[0]!)) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    return { ...rest, cursor };
  });
export type CampaignTargetQuery = z.infer<typeof campaignTargetQuery>;

export const MEMBER_AGENCIES_LIST = "ma";
export const MEMBER_AGENCY_KEYS = 3;

/** ?q= (agency or place name), ?state=, ?cursor= of the agencies on a vendor's or product's systems. */
export const memberAgencyQuery = z
  .object({ q: searchText, state: stateCode, cursor: cursorText })
  .transform((value, ctx) => {
    const { cursor: text, ...rest } = value;
    if (text === undefined) return { ...rest, cursor: undefined as KeysetCursor | undefined };
    const cursor = decodeKeyset(MEMBER_AGENCIES_LIST, MEMBER_AGENCY_KEYS, text);
    if (!cursor) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: CURSOR_MESSAGE });
      return z.NEVER;
    }
    return { ...rest, cursor };
  });
export type MemberAgencyQuery = z.infer<typeof memberAgencyQuery>;

/** The query string's values (empty ones dropped, as a GET form sends every box), for a schema above. */
export function queryValues(searchParams: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = searchParams.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return raw;
}
