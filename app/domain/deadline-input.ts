import { z } from "zod";
import { isoDate } from "./request-input";

/** The fields an organization may correct, with how each reads in the app. */
export const CORRECTABLE_LAW_FIELDS = {
  responseDays: "Response days",
  dayType: "Counted in",
  extensionDays: "Extension days",
  extensionDayType: "Extension counted in",
  acknowledgementDays: "Acknowledgement days",
  acknowledgementDayType: "Acknowledgement counted in",
  appealDays: "Appeal days",
  appealDayType: "Appeal counted in",
} as const;

/** Query of the public calculator and GET /api/v1/deadlines. */
export const publicDeadlineSchema = z.object({
  jurisdiction: z
    .string({ error: "jurisdiction is required: a two-letter state code, DC or US" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "jurisdiction must be a two-letter state code, DC or US"),
  received: isoDate("received"),
});

const optionalDays = (label: string) =>
  z
    .union([z.literal(""), z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(1, `${label} must be at least 1`).max(365, `${label} must be at most 365`)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v));
const optionalDayType = z
  .union([z.literal(""), z.enum(["business", "calendar"], { error: "Choose business or calendar days" })])
  .optional()
  .transform((v) => (v ? v : null));

/** An admin's correction of one law: the numbers and how they are counted, and why. */
export const lawCorrectionSchema = z
  .object({
    intent: z.literal("correct-law"),
    responseDays: optionalDays("Response days"),
    dayType: optionalDayType,
    extensionDays: optionalDays("Extension days"),
    extensionDayType: optionalDayType,
    acknowledgementDays: optionalDays("Acknowledgement days"),
    acknowledgementDayType: optionalDayType,
    appealDays: optionalDays("Appeal days"),
    appealDayType: optionalDayType,
    reason: z.string({ error: "Say why (e.g. the statute or ruling you read)" }).trim().min(5, "Say why (e.g. the statute or ruling you read)").max(2000),
  })
  .superRefine((v, ctx) => {
    for (const [days, type] of [
      ["responseDays", "dayType"],
      ["extensionDays", "extensionDayType"],
      ["acknowledgementDays", "acknowledgementDayType"],
      ["appealDays", "appealDayType"],
    ] as const) {
      if (v[days] !== null && v[type] === null) ctx.addIssue({ code: "custom", path: [type], message: "Choose business or calendar days" });
    }
  });

export const followUpPolicySchema = z.object({
  intent: z.literal("follow-up-policy"),
  followUpBusinessDays: z.coerce
    .number({ error: "Enter a number of business days" })
    .int("Enter a whole number of business days")
    .min(1, "At least 1 business day")
    .max(60, "At most 60 business days"),
});

/** A day one agency's offices are closed beyond its state's calendar, added by an admin. */
export const agencyClosureSchema = z.object({
  intent: z.literal("add-closure"),
  closedOn: isoDate("Date"),
  reason: z
    .string({ error: "Say why the office is closed (a furlough, a storm)" })
    .trim()
    .min(3, "Say why the office is closed (a furlough, a storm)")
    .max(200, "Keep the reason under 200 characters"),
});

export const removeAgencyClosureSchema = z.object({
  intent: z.literal("remove-closure"),
  closureId: z.string().uuid("Unknown closed day"),
});
