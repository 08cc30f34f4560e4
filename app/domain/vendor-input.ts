import { z } from "zod";
import {
  SUBMISSION_METHODS,
  SYSTEM_CONFIDENCES,
  SYSTEM_TYPES,
  type SystemConfidence,
  type SystemType,
} from "../../db/schema/values";
import { isIsoDate } from "../utils/dates";
import { AGENCY_PLACEHOLDERS, templateProblem, VENDOR_PLACEHOLDERS } from "./letters";
import { askShape, checkAskPeriod } from "./fields-input";
import { MAX_TAGS, normalizeTags } from "./request-input";
import { editVersionField } from "./edit-version";

// Labels and form schemas for vendors, products, agency systems and joint asks. Browser-safe.

export const SYSTEM_TYPE_LABELS: Record<SystemType, string> = {
  records_management: "Records management (RMS)",
  computer_aided_dispatch: "Computer-aided dispatch (CAD)",
  mobile: "Mobile / in-car",
  body_cameras: "Body cameras / digital evidence",
  gunshot_detection: "Gunshot detection",
  license_plate_readers: "Licence-plate readers",
  early_intervention: "Early intervention",
  jail_management: "Jail management",
  records_request_portal: "Records-request portal",
  other: "Other",
};

/** The system type in a sentence: "gets its dispatch system (CAD) from Dane County 911". */
export const SYSTEM_TYPE_NOUNS: Record<SystemType, string> = {
  records_management: "records system (RMS)",
  computer_aided_dispatch: "dispatch system (CAD)",
  mobile: "mobile system",
  body_cameras: "body-camera system",
  gunshot_detection: "gunshot detection",
  license_plate_readers: "licence-plate readers",
  early_intervention: "early intervention system",
  jail_management: "jail management system",
  records_request_portal: "records-request portal",
  other: "system",
};

export const CONFIDENCE_LABELS: Record<SystemConfidence, string> = {
  confirmed: "Confirmed",
  likely: "Likely",
  reported: "Reported",
};

export const CONFIDENCE_HINTS: Record<SystemConfidence, string> = {
  confirmed: "seen in a contract, purchase order or council record",
  likely: "strong signs, e.g. the vendor's name on a records form",
  reported: "someone said so; not yet checked",
};

/** Largest number of agencies one joint ask generates requests for at once. */
export const MAX_CAMPAIGN_TARGETS = 1000;

const required = (max: number, label: string) =>
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

export const webAddress = (label: string) =>
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
    }, `${label} must be a web address starting with https://`);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDate, { message: `${label} must be a real date written as YYYY-MM-DD` })
    .refine((v) => v >= "1950-01-01" && v <= "2100-12-31", { message: `${label} must be between 1950 and 2100` })
    .optional();

const uuid = (label: string) => z.string({ error: `Choose ${label}` }).uuid(`Choose ${label} from the list`);

export const vendorFormSchema = z.object({
  version: editVersionField,
  name: required(200, "Name"),
  website: webAddress("Website").optional(),
  contactName: optionalText(200, "Contact name"),
  contactEmail: z.string().trim().max(254).email("Enter an email address like records@vendor.com").optional(),
  notes: optionalText(5000, "Notes"),
});
export type VendorInput = z.infer<typeof vendorFormSchema>;

export const productFormSchema = z.object({
  version: editVersionField,
  name: required(200, "Name"),
  systemType: z.enum(SYSTEM_TYPES, { error: "Choose the kind of system" }),
  notes: optionalText(5000, "Notes"),
});
export type ProductInput = z.infer<typeof productFormSchema>;

const systemShape = {
  version: editVersionField,
  systemType: z.enum(SYSTEM_TYPES, { error: "Choose the kind of system" }),
  productId: uuid("a product").optional(),
  hostAgencyId: uuid("the hosting agency").optional(),
  sinceOn: optionalDate("Since"),
  untilOn: optionalDate("Until"),
  confidence: z.enum(SYSTEM_CONFIDENCES, { error: "Choose how sure you are" }).default("reported"),
  evidenceUrl: webAddress("Evidence link").optional(),
  notes: optionalText(5000, "Notes"),
};

function checkSystem(v: { productId?: string; hostAgencyId?: string; hostAgencyName?: string; sinceOn?: string; untilOn?: string }, ctx: z.RefinementCtx) {
  // The hosting agency is picked (hostAgencyId) or, on the form without JavaScript, typed (hostAgencyName).
  const host = v.hostAgencyId || v.hostAgencyName;
  if (!v.productId && !host) {
    ctx.addIssue({ code: "custom", path: ["productId"], message: "Choose the product, or the agency that hosts the system" });
  }
  if (v.productId && host) {
    ctx.addIssue({ code: "custom", path: ["hostAgencyId"], message: "Choose a product or a hosting agency, not both" });
  }
  if (v.sinceOn && v.untilOn && v.untilOn < v.sinceOn) {
    ctx.addIssue({ code: "custom", path: ["untilOn"], message: "Until can't be before since" });
  }
}

/** An agency's system, as the JSON API sends it. */
export const systemFormSchema = z.object(systemShape).superRefine(checkSystem);

/** The system forms: as systemFormSchema, and the hosting agency may be typed (hostAgencyName) rather than picked. */
export const systemPageSchema = z.object({ ...systemShape, hostAgencyName: optionalText(200, "Hosting agency") }).superRefine(checkSystem);
export type SystemInput = z.infer<typeof systemFormSchema>;

const tagsText = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => normalizeTags(v))
    .pipe(
      z
        .array(z.string().max(40, `Each of the ${label.toLowerCase()} must be at most 40 characters`))
        .max(MAX_TAGS, `At most ${MAX_TAGS} ${label.toLowerCase()}`),
    );

const agencyTemplate = z
  .string({ error: "The letter is required" })
  .trim()
  .min(1, "The letter is required")
  .max(20_000, "The letter must be at most 20000 characters")
  .superRefine((v, ctx) => {
    const problem = templateProblem(v, AGENCY_PLACEHOLDERS);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const vendorTemplate = z
  .string()
  .trim()
  .max(20_000, "The vendor letter must be at most 20000 characters")
  .superRefine((v, ctx) => {
    const problem = templateProblem(v, VENDOR_PLACEHOLDERS);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .optional();

/**
 * The ask itself, shared by a new joint ask and its clone: record types and fields from the catalog, detail
 * level, period, format and de-identification (as on a request), and the letters.
 */
const askFields = {
  title: required(200, "Title"),
  ask: required(20_000, "What is asked"),
  ...askShape,
  catalogFieldIds: z.array(uuid("a field")).max(500, "At most 500 fields").default([]),
  tags: tagsText("Tags"),
  letterTemplate: agencyTemplate,
  vendorLetterTemplate: vendorTemplate,
};

const generationFields = {
  initialStatus: z.enum(["draft", "submitted"], { error: "Choose draft or submitted" }).default("draft"),
  method: z.enum(SUBMISSION_METHODS, { error: "Choose how the requests are sent" }).optional(),
  assigneeId: uuid("an assignee").optional(),
  // Without JavaScript, the name typed in the "Assign all to" search box (resolved like the request page's Assign).
  assigneeName: z.string().trim().max(200, "Assignee name must be at most 200 characters").optional(),
};

export const CAMPAIGN_INTENTS = ["preview", "create"] as const;

export const campaignFormSchema = z
  .object({
    intent: z.enum(CAMPAIGN_INTENTS).default("create"),
    ...askFields,
    ...generationFields,
    productId: uuid("a product").optional(),
    vendorId: uuid("a vendor").optional(),
    includeVendor: z.boolean().optional(),
    clonedFromId: uuid("a joint ask").optional(),
    targets: z
      .array(uuid("an agency"))
      .max(MAX_CAMPAIGN_TARGETS, `A joint ask can go to at most ${MAX_CAMPAIGN_TARGETS} agencies at once`)
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .superRefine((v, ctx) => {
    checkAskPeriod(v, ctx);
    if (v.recordTypeIds.length === 0 && !v.newRecordType && v.catalogFieldIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["recordTypeIds"], message: "Choose at least one record type (or a field), e.g. Stops" });
    }
    if (v.targets.length === 0 && !v.includeVendor) {
      ctx.addIssue({
        code: "custom",
        path: ["targets"],
        message: "Pick at least one agency (or include the vendor): a joint ask with no targets can't be sent",
      });
    }
    if (v.includeVendor && !v.vendorId) {
      ctx.addIssue({ code: "custom", path: ["vendorId"], message: "Choose the vendor to include" });
    }
    if (v.includeVendor && !v.vendorLetterTemplate) {
      ctx.addIssue({ code: "custom", path: ["vendorLetterTemplate"], message: "Write the letter to the vendor" });
    }
  });
export type CampaignInput = z.infer<typeof campaignFormSchema>;

export const addTargetsSchema = z.object({
  intent: z.literal("add-targets"),
  targets: z
    .array(uuid("an agency"))
    .max(MAX_CAMPAIGN_TARGETS, `At most ${MAX_CAMPAIGN_TARGETS} agencies at once`)
    .default([])
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length > 0, "Pick at least one agency to add"),
  ...generationFields,
});

/** Joining one of the organization's own requests by its number: "42", "#42" or its reference "TRC-42". */
export const joinRequestSchema = (organizationCode: string) => {
  const example = organizationCode ? `${organizationCode}-42` : "#42";
  return z.object({
    intent: z.literal("add-request"),
    number: z
      .string({ error: "Enter a request number" })
      .trim()
      .transform((v) => v.toUpperCase())
      .refine((v) => /^#?\d{1,9}$/.test(v) || (organizationCode !== "" && v.startsWith(`${organizationCode}-`) && /^\d{1,9}$/.test(v.slice(organizationCode.length + 1))), {
        error: `Enter one of your requests' numbers, like 42 or ${example}`,
      })
      .transform((v) => Number(v.replace(/^#|^[A-Z][A-Z0-9]*-/, ""))),
  });
};

const selection = z
  .array(uuid("a request"))
  .default([])
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.length > 0, "Select at least one request");

export const bulkAssignSchema = z.object({
  intent: z.literal("bulk-assign"),
  requestIds: selection,
  // The person picked in the search box; without JavaScript, the name typed. Neither: nobody.
  assigneeId: z.union([z.literal(""), uuid("an assignee")]).optional(),
  assigneeName: z.string().trim().max(200, "Assignee name must be at most 200 characters").optional(),
});

export function bulkFollowUpSchema(today: string) {
  return z.object({
    intent: z.literal("bulk-follow-up"),
    requestIds: selection,
    channel: z.enum(["email", "portal", "mail", "phone", "in_person", "other"], { error: "Choose a channel" }),
    occurredOn: z
      .string({ error: "Date is required" })
      .trim()
      .refine(isIsoDate, "Date must be a real date written as YYYY-MM-DD")
      .refine((v) => v <= today, "Date can't be in the future"),
    summary: required(20_000, "Summary"),
  });
}

export const bulkTagSchema = z.object({
  intent: z.literal("bulk-tag"),
  requestIds: selection,
  tags: tagsText("Tags").refine((v) => v.length > 0, "Enter a tag"),
});

export const bulkRemoveSchema = z.object({
  intent: z.literal("bulk-remove"),
  requestIds: selection,
});

export const GROUP_SORTS = ["size", "name", "vendor"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

export const groupFiltersSchema = z.object({
  sort: z.enum(GROUP_SORTS, { error: "Unknown sort" }).default("size"),
  systemType: z.enum(SYSTEM_TYPES, { error: "Unknown system type" }).optional(),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "state must be a two-letter state code")
    .optional(),
  minCities: z.coerce
    .number({ error: "minCities must be a number" })
    .int("minCities must be a whole number")
    .min(1, "minCities must be 1 or more")
    .max(100_000, "minCities is too large")
    .default(2),
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be 1 or more").max(100_000).default(1),
});
export type GroupFilters = z.infer<typeof groupFiltersSchema>;

export function parseQuery<T extends z.ZodType>(schema: T, searchParams: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const [key, value] of searchParams) if (value !== "") raw[key] = value;
  return schema.safeParse(raw);
}

export const pageSchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be 1 or more").max(100_000).default(1),
});
