import { z } from "zod";

/** A directory search's parameters, as the results page and the combobox send them. */
export const directoryQuery = z.object({
  q: z.string().max(200, "must be at most 200 characters").default(""),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), "must be a two-letter state code")
    .optional()
    .transform((v) => v || undefined),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20),
  offset: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(20000, "is too large").default(0),
});
