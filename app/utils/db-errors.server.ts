// Postgres errors a client's request can meet through no fault of its own, by SQLSTATE. Drivers put the code
// on the error (postgres.js, PGlite) or on its cause (drizzle's DrizzleQueryError wraps both).

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** A unique index refused the row: someone else inserted the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/** Postgres aborted this transaction to let another finish (a deadlock, or a serialization failure). */
export function isRetryableConflict(error: unknown): boolean {
  const code = sqlState(error);
  return code === "40P01" || code === "40001";
}

/**
 * Runs `work` (a whole transaction) again when Postgres aborted it for a deadlock or serialization failure:
 * the other transaction has finished by then, so a retry succeeds. After `attempts` tries the error stands.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableConflict(error) || attempt >= attempts) throw error;
      // A short, growing, jittered pause so the two don't collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
