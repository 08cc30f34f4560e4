import { z } from "zod";

// What a new password must be, browser-safe so forms can say it before they are sent. The same rule for the
// CLI (user:create), accepting an invitation and resetting a password.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1000;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters; a few words you will remember work well.`;

/** A new password typed twice: errors on `password` and on `confirmPassword`. */
export const newPasswordFields = {
  password: z
    .string({ error: "Choose a password" })
    .min(1, { error: "Choose a password", abort: true })
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`),
  confirmPassword: z.string({ error: "Type the password again" }).min(1, "Type the password again"),
};

export function passwordsMatch(value: { password: string; confirmPassword: string }): boolean {
  return value.password === value.confirmPassword;
}

export const PASSWORDS_DIFFER = { message: "The two passwords are not the same", path: ["confirmPassword"] };
