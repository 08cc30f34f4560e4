import { z } from "zod";

// Optimistic concurrency for edit forms and the API: a form carries the version of the row's editable values
// as it showed them; saving compares it with the row's version now (under the row's lock). Another person's
// save in between changes the version, and the save is refused with both versions shown, instead of
// silently overwriting theirs. Only the values the form edits count: a status change or a new email on the
// request does not make an open edit form stale.

function normalized(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalized);
  if (value === undefined || value === "") return null;
  return value;
}

/** The version of `row`'s values of `fields`: 16 hex digits (FNV-1a, 64 bits), the same wherever computed. */
export function editVersion(row: object, fields: readonly string[]): string {
  const values = row as Record<string, unknown>;
  const text = JSON.stringify(fields.map((f) => normalized(values[f])));
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

/** The `version` field of an edit form or API body (optional, so older clients still save). */
export const editVersionField = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{16}$/, "The form's version is not valid; reload the page")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const CONFLICT_MESSAGE =
  "Someone else saved changes to this since you opened the form. Nothing was saved: compare the versions below, then save again to keep yours.";

/** Text for a value in the conflict list. */
export function displayValue(value: unknown): string | null {
  const v = normalized(value);
  if (v === null) return null;
  if (Array.isArray(v)) return v.join(", ");
  return String(v);
}

/**
 * The conflict when `version` (what the form was opened on) is not the current row's: the fields where what
 * is saved now differs from what the form would save. Null when the save may go ahead: no version sent, the
 * row unchanged since, or the form would save exactly what is there.
 */
export function staleEdit(options: {
  version: string | undefined;
  current: object;
  next: object;
  fields: readonly string[];
  labels: Record<string, string>;
}): { message: string; version: string; values: Array<{ field: string; label: string; theirs: string | null; yours: string | null }> } | null {
  const { version, fields, labels } = options;
  const current = options.current as Record<string, unknown>;
  const next = options.next as Record<string, unknown>;
  if (!version) return null;
  const now = editVersion(current, fields);
  if (now === version) return null;
  const values = fields
    .filter((f) => JSON.stringify(normalized(current[f])) !== JSON.stringify(normalized(next[f])))
    .map((f) => ({ field: f, label: labels[f] ?? f, theirs: displayValue(current[f]), yours: displayValue(next[f]) }));
  if (values.length === 0) return null;
  return { message: CONFLICT_MESSAGE, version: now, values };
}
