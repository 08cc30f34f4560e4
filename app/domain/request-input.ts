import { z } from "zod";
import {
  COMMUNICATION_CHANNELS,
  COMMUNICATION_DIRECTIONS,
  REQUEST_STATUSES,
  REQUEST_VISIBILITIES,
  SUBMISSION_METHODS,
} from "../../db/schema/values";
import { isIsoDate } from "../utils/dates";
import { editVersionField } from "./edit-version";

// Schemas for request forms and the JSON API. Browser-safe: the same schema validates in the form
// (when JavaScript runs) and on the server (always).

export const MAX_TITLE = 200;
export const MAX_TEXT = 20_000;
export const MAX_TAGS = 20;

const trimmed = (max: number, label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => (v ? v : undefined))
    .optional();

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .refine(isIsoDate, { message: `${label} must be a real date written as YYYY-MM-DD` })
    .refine((v) => v >= "1950-01-01" && v <= "2100-12-31", { message: `${label} must be between 1950 and 2100` });

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} must be at most 2000 characters`)
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `${label} must be a web address starting with https://`)
    .optional();

const uuid = (label: string) => z.string({ error: `Choose ${label}` }).uuid(`Choose ${label} from the list`);

/** "Traffic stops, UoF ,  2026" -> ["traffic stops", "uof", "2026"]. */
export function normalizeTags(input: string | readonly string[] | undefined): string[] {
  const parts = typeof input === "string" ? input.split(",") : (input ?? []);
  const tags = parts.map((t) => t.trim().toLowerCase().replace(/\s+/g, " ")).filter(Boolean);
  return [...new Set(tags)];
}

const tagList = z
  .array(z.string().trim().min(1).max(40, "Each tag must be at most 40 characters"))
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .transform(normalizeTags);

// Form inputs send tags as one comma-separated string.
const tagsFromForm = z
  .string()
  .optional()
  .transform((v) => normalizeTags(v))
  .pipe(tagList);

const requestFields = {
  title: trimmed(MAX_TITLE, "Title"),
  description: trimmed(MAX_TEXT, "What is asked"),
  agencyId: uuid("an agency").optional(),
  vendorId: uuid("a vendor").optional(),
  assigneeId: uuid("an assignee").optional(),
  method: z.enum(SUBMISSION_METHODS, { error: "Choose how the request is sent" }).optional(),
  filedOn: isoDate("Filed date").optional(),
  trackingNumber: optionalText(100, "Tracking number"),
  portalUrl: httpUrl("Portal link"),
  nextActionOn: isoDate("Next action date").optional(),
  receivedOn: isoDate("Received date").optional(),
  // Only some laws use it: a request that arrives after their cut-off hour counts as received the next business day.
  receivedTime: z
    .string()
    .trim()
    .refine((v) => v === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: "Time received must be a time such as 16:45" })
    .transform((v) => (v ? v : undefined))
    .optional(),
};

type DateRuleInput = { filedOn?: string; nextActionOn?: string; receivedOn?: string };

/** Rules that need "today" (in the organization's time zone). */
function checkDates<T extends DateRuleInput>(today: string) {
  return (value: T, ctx: z.RefinementCtx) => {
    if (value.filedOn && value.filedOn > today) {
      ctx.addIssue({ code: "custom", path: ["filedOn"], message: "Filed date can't be in the future" });
    }
    if (value.receivedOn && value.receivedOn > today) {
      ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "Received date can't be in the future" });
    }
    if (value.filedOn && value.receivedOn && value.receivedOn < value.filedOn) {
      ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "Received date can't be before the filed date" });
    }
    if (value.filedOn && value.nextActionOn && value.nextActionOn < value.filedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["nextActionOn"],
        message: "Next action date can't be before the filed date",
      });
    }
  };
}

const targetOf = (value: unknown) => {
  const v = typeof value === "object" && value !== null ? (value as { agencyId?: unknown; agencyName?: unknown; vendorId?: unknown; directoryOri?: unknown }) : {};
  // A form's agency is picked (agencyId) or, without JavaScript, typed (agencyName, resolved by the server).
  return { agencyId: v.agencyId || v.agencyName, vendorId: v.vendorId, directoryOri: v.directoryOri };
};

/**
 * A request goes to exactly one agency or vendor. Checked even when other fields have errors (`when`), so a
 * form shows every problem at once.
 */
const ONE_TARGET = [
  z.refine((v) => Boolean(targetOf(v).agencyId || targetOf(v).vendorId || targetOf(v).directoryOri), { message: "Choose an agency", path: ["agencyId"], when: () => true }),
  z.refine((v) => !(targetOf(v).directoryOri && (targetOf(v).agencyId || targetOf(v).vendorId)), { message: "Choose one agency: from your list or from the directory, not both", path: ["directoryOri"], when: () => true }),
  z.refine((v) => !(targetOf(v).agencyId && targetOf(v).vendorId), { message: "Choose an agency or a vendor, not both", path: ["vendorId"], when: () => true }),
];

export const INITIAL_STATUSES = ["draft", "submitted"] as const;

/** A new request is private or shared with the coalition; it is made public from its page, with its embargo. */
export const INITIAL_VISIBILITIES = ["coalition", "private"] as const;
const initialVisibility = z.enum(INITIAL_VISIBILITIES, { error: 'visibility must be "coalition" or "private"' }).default("coalition");

/** A checkbox: present ("on") means yes. Also accepts JSON booleans. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** An agency picked from the national directory by its FBI ORI code (nine letters and digits). */
const directoryOri = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => (v ? v : undefined))
  .pipe(z.string().regex(/^[A-Z0-9]{9}$/, "Choose an agency from the directory (an ORI code is nine letters and digits)").optional())
  .optional();

/** The agency typed in a form's search box, when none was picked: the server finds the one it names. */
const agencyName = optionalText(200, "Agency name");

/** A person typed in a form's member search box, when none was picked (resolved by the server, see chosenAssignee). */
const assigneeName = optionalText(200, "Assignee name");
const requesterName = optionalText(200, "Requester name");

export function newRequestFormSchema(today: string) {
  return z
    .object({
      ...requestFields,
      agencyName,
      assigneeName,
      directoryOri,
      initialStatus: z.enum(INITIAL_STATUSES, { error: "Choose draft or submitted" }).default("draft"),
      visibility: initialVisibility,
      tags: tagsFromForm,
    })
    .superRefine(checkDates(today))
    .check(...ONE_TARGET);
}
export type NewRequestInput = z.infer<ReturnType<typeof newRequestFormSchema>>;

export function newRequestApiSchema(today: string) {
  return z
    .object({
      ...requestFields,
      directoryOri,
      campaignId: uuid("a joint ask").optional(),
      initialStatus: z.enum(INITIAL_STATUSES, { error: 'initialStatus must be "draft" or "submitted"' }).default("draft"),
      visibility: initialVisibility,
      tags: tagList.default([]),
    })
    .strict()
    .superRefine(checkDates(today))
    .check(...ONE_TARGET);
}

/** A request's changes, as the JSON API (PATCH) and the edit form send them. */
export function editRequestFormSchema(today: string) {
  return z
    .object({
      ...requestFields,
      requesterId: uuid("a requester"),
      tags: tagsFromForm,
      version: editVersionField,
    })
    .superRefine(checkDates(today))
    .check(...ONE_TARGET);
}

/**
 * The edit page's form: as editRequestFormSchema, and its agency, assignee and requester may be typed
 * (agencyName, assigneeName, requesterName) rather than picked in their search boxes.
 */
export function editRequestPageSchema(today: string) {
  return z
    .object({
      ...requestFields,
      agencyName,
      assigneeName,
      requesterId: uuid("a requester").optional(),
      requesterName,
      tags: tagsFromForm,
      version: editVersionField,
    })
    .superRefine(checkDates(today))
    .check(...ONE_TARGET)
    .check(z.refine((v) => Boolean(v.requesterId || v.requesterName), { message: "Choose a requester", path: ["requesterName"], when: () => true }));
}
export type EditRequestInput = z.infer<ReturnType<typeof editRequestFormSchema>>;

/** A request's editable values as its edit form holds them: what the form opens with, and what an API PATCH
 * starts from before applying the fields it sends. */
export function editFormValuesOf(request: {
  title: string;
  description: string;
  agencyId: string | null;
  vendorId: string | null;
  requesterId: string;
  assigneeId: string | null;
  method: string | null;
  filedOn: string | null;
  trackingNumber: string | null;
  portalUrl: string | null;
  nextActionOn: string | null;
  receivedOn: string | null;
  receivedTime: string | null;
  tags: readonly string[];
}) {
  return {
    title: request.title,
    description: request.description,
    agencyId: request.agencyId ?? "",
    vendorId: request.vendorId ?? "",
    requesterId: request.requesterId,
    assigneeId: request.assigneeId ?? "",
    method: request.method ?? "",
    filedOn: request.filedOn ?? "",
    trackingNumber: request.trackingNumber ?? "",
    portalUrl: request.portalUrl ?? "",
    nextActionOn: request.nextActionOn ?? "",
    receivedOn: request.receivedOn ?? "",
    receivedTime: request.receivedTime ?? "",
    tags: request.tags.join(", "),
  };
}

export function changeStatusSchema(today: string) {
  return z.object({
    intent: z.literal("change-status"),
    status: z.enum(REQUEST_STATUSES, { error: "Choose a status" }),
    // When it happened (e.g. the agency's letter came yesterday); the deadline clock uses this date.
    on: isoDate("Date").refine((v) => v <= today, "Date can't be in the future").optional(),
    note: optionalText(MAX_TEXT, "Note"),
  });
}

export const addNoteSchema = z.object({
  intent: z.literal("add-note"),
  body: trimmed(MAX_TEXT, "Note"),
  internal: checkbox,
});

export function logCommunicationSchema(today: string) {
  return z.object({
    intent: z.literal("log-communication"),
    direction: z.enum(COMMUNICATION_DIRECTIONS, { error: "Choose sent or received" }),
    channel: z.enum(COMMUNICATION_CHANNELS, { error: "Choose a channel" }),
    occurredOn: isoDate("Date").refine((v) => v <= today, "Date can't be in the future"),
    summary: trimmed(MAX_TEXT, "Summary"),
    internal: checkbox,
  });
}

export const assignSchema = z.object({
  intent: z.literal("assign"),
  // The person picked in the form's search box; without JavaScript, the name typed (assigneeName). Neither: nobody.
  assigneeId: z.union([z.literal(""), uuid("an assignee")]).optional(),
  assigneeName: z.string().trim().max(200, "Assignee name must be at most 200 characters").optional(),
});

export const REQUEST_SORTS = ["updated", "created", "filed", "due", "title", "status", "next_action", "number", "relevance"] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** The sort a list uses: the one asked for, else best match when searching, else recently updated. */
export function effectiveSort(filters: { sort?: RequestSort; q?: string }): RequestSort {
  if (filters.sort === "relevance" && !filters.q) return "updated";
  return filters.sort ?? (filters.q ? "relevance" : "updated");
}

/** Dates and titles read soonest / A first; times, numbers and relevance latest / highest first. */
export function effectiveDirection(filters: { sort?: RequestSort; dir?: SortDirection; q?: string }): SortDirection {
  return filters.dir ?? (["title", "next_action", "status", "due"].includes(effectiveSort(filters)) ? "asc" : "desc");
}

/**
 * Where a page of the list starts: just after (or, for "previous", just before) the row with this sort key and
 * id. The key is the database's text for the sort value, so timestamps keep their microseconds.
 */
export type ListCursor = { sort: RequestSort; dir: SortDirection; before: boolean; key: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_KEY = /^(\d{4}-\d{2}-\d{2}|-?infinity)$/;
const CURSOR_KEYS: Record<RequestSort, (key: string) => boolean> = {
  updated: (k) => /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/.test(k),
  created: (k) => CURSOR_KEYS.updated(k),
  filed: (k) => DATE_KEY.test(k),
  due: (k) => DATE_KEY.test(k),
  next_action: (k) => DATE_KEY.test(k),
  title: (k) => k.length <= 1000,
  status: (k) => (REQUEST_STATUSES as readonly string[]).includes(k),
  number: (k) => /^\d{1,10}$/.test(k),
  relevance: (k) => /^-?(\d+(\.\d+)?(e[+-]?\d+)?|NaN)$/i.test(k),
};

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.before ? "b" : "a", cursor.key, cursor.id])).toString("base64url");
}

/** The cursor, or null when it is not one this list made (edited, truncated, or from another sort). */
export function decodeCursor(text: string): ListCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 5 || !value.every((v) => typeof v === "string")) return null;
    const [sort, dir, side, key, id] = value as string[];
    if (!(REQUEST_SORTS as readonly string[]).includes(sort!) || (dir !== "asc" && dir !== "desc") || (side !== "a" && side !== "b")) return null;
    if (!UUID.test(id!) || !CURSOR_KEYS[sort as RequestSort](key!)) return null;
    return { sort: sort as RequestSort, dir, before: side === "b", key: key!, id: id! };
  } catch {
    return null;
  }
}

/** A page number in a query string. */
export const pageNumberSchema = z.coerce
  .number({ error: "page must be a number" })
  .int("page must be a whole number")
  .min(1, "page must be 1 or more")
  .max(100_000, "page must be at most 100000");

/** Query-string filters of the requests list and GET /api/v1/requests. Unknown values are errors, not 500s. */
export const requestFiltersSchema = z
  .object({
    status: z.enum(REQUEST_STATUSES, { error: "Unknown status" }).optional(),
    agency: z.string().uuid("Unknown agency").optional(),
    // Part of an agency's name: requests to any of the organization's agencies whose name contains it.
    agencyName: z.string().trim().max(200, "Agency name must be at most 200 characters").optional(),
    vendor: z.string().uuid("Unknown vendor").optional(),
    campaign: z.string().uuid("Unknown joint ask").optional(),
    // "own": the organization's requests only; "shared": those coalition members share with it.
    owner: z.enum(["own", "shared"], { error: 'owner must be "own" or "shared"' }).optional(),
    visibility: z.enum(REQUEST_VISIBILITIES, { error: "Unknown visibility" }).optional(),
    assignee: z.union([z.literal("me"), z.literal("none"), z.string().uuid("Unknown assignee")]).optional(),
    // A person picked in the assignee search box (assigneeId), or part of an assignee's name typed in it.
    assigneeId: z.string().uuid("Unknown assignee").optional(),
    assigneeName: z.string().trim().max(200, "Assignee name must be at most 200 characters").optional(),
    tag: z.string().trim().max(40).optional(),
    q: z.string().trim().max(200, "Search text must be at most 200 characters").optional(),
    sort: z.enum(REQUEST_SORTS, { error: "Unknown sort" }).optional(),
    dir: z.enum(["asc", "desc"], { error: 'dir must be "asc" or "desc"' }).optional(),
    // Keyset pages: the cursor a previous answer gave (nextCursor / prevCursor). `page` still works for links.
    cursor: z.string().max(2000, "Invalid cursor: start again from the first page").optional(),
    page: pageNumberSchema.optional(),
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int("pageSize must be a whole number")
      .min(1, "pageSize must be between 1 and 100")
      .max(100, "pageSize must be between 1 and 100")
      .default(25),
  })
  .transform((value, ctx) => {
    const { cursor: cursorText, ...rest } = value;
    if (cursorText === undefined) return { ...rest, cursor: undefined as ListCursor | undefined };
    if (rest.page !== undefined) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "Give either page or cursor, not both" });
      return z.NEVER;
    }
    const cursor = decodeCursor(cursorText);
    if (!cursor || cursor.sort !== effectiveSort(rest) || cursor.dir !== effectiveDirection(rest)) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "Invalid cursor: start again from the first page" });
      return z.NEVER;
    }
    return { ...rest, cursor };
  });
export type RequestFilters = z.output<typeof requestFiltersSchema>;

/** Reads filters from a URL; empty parameters count as absent. */
export function parseRequestFilters(searchParams: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const [key, value] of searchParams) if (value !== "") raw[key] = value;
  return requestFiltersSchema.safeParse(raw);
}

export function logExtensionSchema(today: string) {
  return z
    .object({
      intent: z.literal("log-extension"),
      on: isoDate("Date of the agency's notice").refine((v) => v <= today, "Date can't be in the future"),
      newDueDate: isoDate("New due date").optional(),
      days: z.coerce
        .number({ error: "Days must be a number" })
        .int("Days must be a whole number")
        .min(1, "Days must be at least 1")
        .max(365, "Days must be at most 365")
        .optional(),
      reason: trimmed(2000, "Reason"),
      requesterAgreed: z
        .union([z.literal("on"), z.literal("true"), z.boolean()])
        .optional()
        .transform((v) => v === true || v === "on" || v === "true"),
    })
    .superRefine((value, ctx) => {
      if (!value.newDueDate === !value.days) {
        ctx.addIssue({ code: "custom", path: ["newDueDate"], message: "Give either the new due date or a number of days, not both" });
      }
    });
}

export function agreedDateSchema(today: string) {
  return z.object({
    intent: z.literal("agreed-date"),
    on: isoDate("Date agreed").refine((v) => v <= today, "Date can't be in the future").default(today),
    dueDate: isoDate("Agreed due date"),
    reason: trimmed(2000, "Reason"),
  });
}

/** After a follow-up is logged, the next one is scheduled this many days later unless a date is given. */
export const FOLLOW_UP_INTERVAL_DAYS = 7;

export const followUpSchema = z.object({
  intent: z.literal("log-follow-up"),
  channel: z.enum(COMMUNICATION_CHANNELS, { error: "Choose a channel" }).default("email"),
  note: optionalText(MAX_TEXT, "Note"),
  nextActionOn: isoDate("Next follow-up").optional(),
});

// Tags added or taken off from the request's page, or by the API: a comma-separated string or a list.
const tagChange = z
  .union([z.string(), z.array(z.string())], { error: "Give tags as text separated by commas, or a list" })
  .optional()
  .transform((v) => normalizeTags(v))
  .pipe(tagList);

export const tagsSchema = z
  .object({ intent: z.literal("tags"), add: tagChange, remove: tagChange })
  .superRefine((value, ctx) => {
    if (value.add.length === 0 && value.remove.length === 0) ctx.addIssue({ code: "custom", path: ["add"], message: "Give a tag to add or to take off" });
  });

export const nextActionSchema = z.object({
  intent: z.literal("set-next-action"),
  nextActionOn: isoDate("Next action date").optional(),
});
