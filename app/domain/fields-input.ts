import { z } from "zod";
import { CODE_KEY_KINDS, DETAIL_LEVELS, FIELD_STATES, FORMATS_WANTED, type FieldState } from "../../db/schema/field-values";
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
  // A checkbox ("on") in forms, true/false from the API.
  deidentify: z
    .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
    .default(false)
    .transform((v) => v === true || v === "on" || v === "true"),
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

const stateChange = (what: string) =>
  z.object({
    id: uuid(what),
    state: z.enum(FIELD_STATES, { error: "Choose what came back" }),
    note: optionalText(2000, "Note"),
  });

/** What a refusal must say: the agency's exemption or reason, in its words. */
export const NOTE_REQUIRED: Partial<Record<FieldState, string>> = {
  withheld: "Cite the exemption the agency gave for withholding it",
  denied: "Give the reason the agency gave for denying it",
};

/** The state's note is missing where the state needs one (withheld and denied). */
export function missingNote(state: FieldState, note: string | undefined | null): string | null {
  return NOTE_REQUIRED[state] && !note?.trim() ? NOTE_REQUIRED[state]! : null;
}

/**
 * What came back for fields and code keys, confirmed in one step (one timeline entry). `fileId` names the file
 * the states were read from; it is credited only for the items it has (see updateReceivedStates).
 */
export const updateStatesSchema = z
  .object({
    intent: z.literal("update-states"),
    fileId: uuid("a file").optional(),
    fields: z.array(stateChange("a field")).max(500).default([]),
    codeKeys: z.array(stateChange("a code key")).max(200).default([]),
  })
  .superRefine((value, ctx) => {
    for (const list of ["fields", "codeKeys"] as const) {
      value[list].forEach((item, i) => {
        const message = missingNote(item.state, item.note);
        if (message) ctx.addIssue({ code: "custom", path: [list, i, "note"], message });
      });
    }
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

export const codeKeysSchema = z
  .object({
    intent: z.literal("set-code-keys"),
    keepIds: z.array(uuid("a code key")).max(200).default([]),
    newKind: z.enum(CODE_KEY_KINDS, { error: "Choose a code list or a data dictionary" }).optional(),
    newLabel: optionalText(120, "Name"),
    newColumn: optionalText(120, "Column"),
  })
  .superRefine((value, ctx) => {
    if (value.newLabel && !value.newKind) ctx.addIssue({ code: "custom", path: ["newKind"], message: "Choose a code list or a data dictionary" });
    if (value.newColumn && !value.newLabel) ctx.addIssue({ code: "custom", path: ["newLabel"], message: "Give the item a name, e.g. Call type codes" });
  });
export type CodeKeysInput = z.infer<typeof codeKeysSchema>;

const wholeNumber = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(1, `${label} must be at least 1`).max(999, `${label} must be at most 999`).optional(),
  );

/** A received file as installment n (of m), or the final one; all empty clears it. */
export const installmentSchema = z
  .object({
    intent: z.literal("set-installment"),
    number: wholeNumber("The installment's number"),
    total: wholeNumber("The number of installments"),
    final: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.total && !value.number) ctx.addIssue({ code: "custom", path: ["number"], message: "Give this installment's number too" });
    if (value.number && value.total && value.number > value.total) {
      ctx.addIssue({ code: "custom", path: ["number"], message: `Installment ${value.number} can't be of ${value.total}` });
    }
  });
export type InstallmentInput = z.infer<typeof installmentSchema>;
