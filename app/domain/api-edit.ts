// How a JSON PATCH body becomes an edit form's input: the row's editable values as they are, with the fields
// sent replacing theirs (null clears an optional one) and `version` passed on; unknown keys are refused by name.

export function mergedEditInput(
  row: Record<string, unknown>,
  body: Record<string, unknown>,
  fields: readonly string[],
  what: string,
): { input: Record<string, unknown> } | { fieldErrors: Record<string, string[]> } {
  const allowed = new Set<string>([...fields, "version"]);
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length) return { fieldErrors: Object.fromEntries(unknown.map((k) => [k, [`Not a field of ${what}`]])) };
  const input: Record<string, unknown> = {};
  for (const field of fields) if (row[field] !== null && row[field] !== undefined) input[field] = row[field];
  for (const [key, value] of Object.entries(body)) {
    if (value === null) delete input[key];
    else input[key] = value;
  }
  return { input };
}
