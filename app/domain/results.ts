/** Expected failures of a domain operation, keyed by the input field they concern ("" for the form). */
export type FieldErrors = Record<string, string[]>;

export type Result<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (field: string, message: string): { ok: false; fieldErrors: FieldErrors } => ({
  ok: false,
  fieldErrors: { [field]: [message] },
});
