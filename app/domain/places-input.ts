import { z } from "zod";
import { AGENCY_TYPES, type AgencyType } from "../../db/schema/values";
import { editVersionField } from "./edit-version";

export const AGENCY_TYPE_LABELS: Record<AgencyType, string> = {
  police: "Police department",
  sheriff: "Sheriff's office",
  dispatch_911: "911 / dispatch center",
  city_clerk: "City clerk",
  oversight_board: "Oversight board",
  state_police: "State police / highway patrol",
  university: "University or college police",
  tribal: "Tribal police",
  other: "Other",
};

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => (v ? v : undefined))
    .optional();

const agencyShape = {
  version: editVersionField,
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(200, "Name must be at most 200 characters"),
  type: z.enum(AGENCY_TYPES, { error: "Choose the kind of agency" }),
  jurisdictionId: z.string({ error: "Choose a jurisdiction" }).uuid("Choose a jurisdiction from the list"),
  recordsContactName: optionalText(200, "Contact name"),
  recordsContactEmail: z
    .string()
    .trim()
    .max(254)
    .email("Enter an email address like records@city.gov")
    .optional(),
  portalUrl: z
    .string()
    .trim()
    .max(2000)
    .url("Portal link must be a web address starting with https://")
    .refine((v) => /^https?:\/\//i.test(v), "Portal link must be a web address starting with https://")
    .optional(),
  notes: optionalText(5000, "Notes"),
  // An agency's own response period (e.g. a published policy) replacing the statutory one.
  deadlineRuleDays: z.coerce
    .number({ error: "Days must be a number" })
    .int("Days must be a whole number")
    .min(1, "Days must be at least 1")
    .max(365, "Days must be at most 365")
    .optional(),
  deadlineRuleDayType: z.enum(["business", "calendar"], { error: "Choose business or calendar days" }).optional(),
  deadlineRuleReason: optionalText(1000, "Reason"),
};

/** An agency's own rule is given whole (days, day type and reason) or not at all. */
function checkDeadlineRule(v: { deadlineRuleDays?: number; deadlineRuleDayType?: string; deadlineRuleReason?: string }, ctx: z.RefinementCtx) {
  const given = [v.deadlineRuleDays, v.deadlineRuleDayType, v.deadlineRuleReason].filter((x) => x !== undefined).length;
  if (given > 0 && given < 3) {
    for (const [key, message] of [
      ["deadlineRuleDays", "Give the number of days"],
      ["deadlineRuleDayType", "Choose business or calendar days"],
      ["deadlineRuleReason", "Say where the rule comes from"],
    ] as const) {
      if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message });
    }
  }
}

/** An agency, as the JSON API sends it. */
export const agencyFormSchema = z.object(agencyShape).superRefine(checkDeadlineRule);

/**
 * The agency forms: as agencyFormSchema, and the jurisdiction may be typed (jurisdictionName, resolved by the
 * server) rather than picked (jurisdictionId).
 */
export const agencyPageSchema = z
  .object({
    ...agencyShape,
    jurisdictionId: z.string().uuid("Choose a jurisdiction from the list").optional(),
    jurisdictionName: optionalText(200, "Jurisdiction name"),
  })
  .superRefine(checkDeadlineRule)
  // Checked even when other fields have errors (`when`), so the form shows every problem at once.
  .check(
    z.refine((v) => Boolean((v as { jurisdictionId?: string }).jurisdictionId || (v as { jurisdictionName?: string }).jurisdictionName), {
      message: "Choose a jurisdiction",
      path: ["jurisdictionId"],
      when: () => true,
    }),
  );
export type AgencyInput = z.infer<typeof agencyFormSchema>;

export const LOCAL_JURISDICTION_KINDS = ["city", "county", "regional"] as const;
export const JURISDICTION_KIND_LABELS = {
  federal: "Federal",
  state: "State",
  city: "City",
  county: "County",
  regional: "Regional authority",
} as const;

export const localJurisdictionFormSchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(200),
  kind: z.enum(LOCAL_JURISDICTION_KINDS, { error: "Choose city, county or regional authority" }),
  stateId: z.string({ error: "Choose a state" }).uuid("Choose a state from the list"),
  // Some states close offices on days that exist only in some counties (MA Evacuation Day in Suffolk).
  county: z
    .string()
    .trim()
    .max(100, "County must be at most 100 characters")
    .optional()
    .transform((v) => (v ? v.replace(/\s+county$/i, "") : null)),
});
export type LocalJurisdictionInput = Omit<z.infer<typeof localJurisdictionFormSchema>, "county"> & { county?: string | null };
