import { z } from "zod";
import { DETAIL_LEVELS, FIELD_STATES, FORMATS_WANTED } from "../../db/schema/field-values";
import { isoDate } from "./request-input";

// Forms for what a request asks for and what came back. Browser-safe: the same schemas run in the form
// and on the server.

const uuid = (what: string) => z.string({ error: `Choose ${what}` }).uuid(`Choose ${what} from the list`);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => (v ? v : undefined))
    .optional();

/** What is asked beyond the fields: shared by a request's ask and a joint ask's. */
export const askShape = {
  recordTypeIds: z.array(uuid("a record type")).max(60).default([]),
  newRecordType: optionalText(100, "Other record type"),
  detailLevel: z.enum(DETAIL_LEVELS, { error: "Choose record-level or aggregate" }).optional(),
  periodStart: isoDate("Start of the period").optional(),
  periodEnd: isoDate("End of the period").optional(),
  formats: z.array(z.enum(FORMATS_WANTED, { error: "Choose a format from the list" })).default([]),
  deidentify: z.boolean().default(false),
  deidentifyNotes: optionalText(2000, "De-identification details"),
};

/** The checks across fields of an ask: a period needs its start, and can't end before it. */
export function checkAskPeriod(value: { periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx) {
  if (value.periodStart && value.periodEnd && value.periodEnd < value.periodStart) {
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The end of the period can't be before its start" });
  }
  if (value.periodEnd && !value.periodStart) {
    ctx.addIssue({ code: "custom", path: ["periodStart"], message: "Give the start of the period too" });
  }
}

export const editAskSchema = z
  .object({ intent: z.literal("edit-ask"), ...askShape })
  .superRefine(checkAskPeriod);
export type EditAskInput = z.infer<typeof editAskSchema>;

export const setFieldsSchema = z
  .object({
    intent: z.literal("set-fields"),
    catalogFieldIds: z.array(uuid("a field")).max(500).default([]),
    keepCustomIds: z.array(uuid("a field")).max(500).default([]),
    customLabel: optionalText(100, "Field name"),
    customRecordTypeId: uuid("a record type").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.customLabel && !value.customRecordTypeId) {
      ctx.addIssue({ code: "custom", path: ["customRecordTypeId"], message: "Choose the record type of the new field" });
    }
    if (value.customLabel && !/[a-z0-9]/i.test(value.customLabel)) {
      ctx.addIssue({ code: "custom", path: ["customLabel"], message: "Give the field a name with letters or digits" });
    }
  });
export type SetFieldsInput = z.infer<typeof setFieldsSchema>;

export const updateStatesSchema = z.object({
  intent: z.literal("update-states"),
  fileId: uuid("a file").optional(),
  fields: z
    .array(
      z.object({
        id: uuid("a field"),
        state: z.enum(FIELD_STATES, { error: "Choose what came back" }),
        note: optionalText(2000, "Note"),
      }),
    )
    .max(500)
    .default([]),
});
export type UpdateStatesInput = z.infer<typeof updateStatesSchema>;

/** "Subject race (self-reported)" -> "subject_race_self_reported". */
export function fieldKeyFor(label: string): string {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60) || "field"
  );
}
