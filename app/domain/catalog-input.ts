import { z } from "zod";

// Forms for an organization's own record types and fields. Browser-safe.

const text = (max: number, label: string) =>
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

export const newRecordTypeSchema = z.object({
  intent: z.literal("add-record-type"),
  name: text(100, "Name").refine((v) => /[a-z0-9]/i.test(v), "Give the record type a name with letters or digits"),
  category: optionalText(100, "Category"),
  description: optionalText(2000, "Description"),
});
export type NewRecordTypeInput = z.infer<typeof newRecordTypeSchema>;

export const newCatalogFieldSchema = z.object({
  intent: z.literal("add-field"),
  recordTypeId: z.string({ error: "Choose a record type" }).uuid("Choose a record type from the list"),
  label: text(100, "Name").refine((v) => /[a-z0-9]/i.test(v), "Give the field a name with letters or digits"),
  description: optionalText(2000, "Description"),
  // Other names the column goes by, comma-separated.
  synonyms: z
    .string()
    .optional()
    .transform((v) => [...new Set((v ?? "").split(",").map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(100, "Each other name must be at most 100 characters")).max(30, "At most 30 other names")),
  source: optionalText(300, "Source"),
});
export type NewCatalogFieldInput = z.infer<typeof newCatalogFieldSchema>;
