import { z } from "zod";
import { LETTER_KINDS } from "../../../db/schema/values";
import { checkEmailAddress, headerValueProblem } from "./addresses";

// The letter form, validated the same way in the browser and on the server. Browser-safe.

export const MAX_LETTER_SUBJECT = 200;
export const MAX_LETTER_BODY = 50_000;

export const letterSchema = z.object({
  kind: z.enum(LETTER_KINDS, { error: "Choose the kind of letter" }),
  to: z
    .string({ error: "To is required: the agency's records email" })
    .superRefine((value, ctx) => {
      const check = checkEmailAddress(value, "To");
      if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
    })
    .transform((value) => value.trim()),
  subject: z
    .string({ error: "Subject is required" })
    .superRefine((value, ctx) => {
      const problem = headerValueProblem(value, "Subject");
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, "Subject is required").max(MAX_LETTER_SUBJECT, `Subject must be at most ${MAX_LETTER_SUBJECT} characters`)),
  body: z
    .string({ error: "The letter is empty" })
    .trim()
    .min(1, "The letter is empty")
    .max(MAX_LETTER_BODY, `The letter must be at most ${MAX_LETTER_BODY} characters`),
  // Generated with the form: sending the same form twice queues one letter.
  nonce: z.string({ error: "Reload the page and try again" }).uuid("Reload the page and try again"),
});

export type LetterInput = z.infer<typeof letterSchema>;
