/**
 * Postgres takes at most 65,535 bind parameters in one statement, so long value lists are written or matched in
 * slices. Callers pick the slice size from the columns per row (e.g. 1,000 rows of up to 60 columns).
 */
export function slicesOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `write` on each slice in turn (one statement each), inside the caller's transaction. */
export async function inSlices<T>(items: readonly T[], size: number, write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (const slice of slicesOf(items, size)) await write(slice);
}
