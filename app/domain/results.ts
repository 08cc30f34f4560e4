/** Expected failures of a domain operation, keyed by the input field they concern ("" for the form). */
export type FieldErrors = Record<string, string[]>;

/** Another person's save came first (see edit-version.ts): answered with 409 and both versions. */
export interface Conflict {
  message: string;
  version: string;
  values: Array<{ field: string; label: string; theirs: string | null; yours: string | null }>;
}

/** A received file the app flagged (personal data, hidden sheets or rows), and why. */
export interface FlaggedFile {
  id: string;
  name: string;
  reasons: string[];
}

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; fieldErrors: FieldErrors; conflict?: Conflict; /** Publishing refused: these files need confirming. */ flaggedFiles?: FlaggedFile[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (field: string, message: string): { ok: false; fieldErrors: FieldErrors } => ({
  ok: false,
  fieldErrors: { [field]: [message] },
});

export const conflicted = (conflict: Conflict): { ok: false; fieldErrors: FieldErrors; conflict: Conflict } => ({
  ok: false,
  fieldErrors: { "": [conflict.message] },
  conflict,
});
