import { and, eq, inArray, or, sql } from "drizzle-orm";
import { loginThrottles } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { normalizeEmail } from "./accounts.server";

// Failed sign-ins are counted per account and per client address in fixed 15-minute windows that start at
// the first failure. Past the limit, attempts are refused before the password is checked. The counters
// live in the database so every app instance enforces the same limits.

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

interface Keys {
  email: string;
  address: string | null;
}

function keysOf({ email, address }: Keys) {
  const keys = [{ key: `account:${normalizeEmail(email)}`, limit: ACCOUNT_FAILURE_LIMIT }];
  if (address) keys.push({ key: `address:${address}`, limit: ADDRESS_FAILURE_LIMIT });
  return keys;
}

const windowOpen = sql`${loginThrottles.windowStartedAt} > now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`;

/** Seconds until the account or address may try again, or null when neither is over its limit. */
export async function loginBlockedFor(db: Executor, who: Keys): Promise<number | null> {
  const keys = keysOf(who);
  const rows = await db
    .select({
      key: loginThrottles.key,
      failures: loginThrottles.failures,
      secondsLeft: sql<number>`ceil(extract(epoch from (${loginThrottles.windowStartedAt} + make_interval(secs => ${LOGIN_WINDOW_SECONDS}) - now())))::int`,
    })
    .from(loginThrottles)
    .where(and(inArray(loginThrottles.key, keys.map((k) => k.key)), windowOpen));
  let wait: number | null = null;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)!.limit;
    if (row.failures >= limit) wait = Math.max(wait ?? 0, Math.max(1, Number(row.secondsLeft)));
  }
  return wait;
}

/** Counts one failed attempt against the account and the address (a new window once the old one ended). */
export async function recordLoginFailure(db: Executor, who: Keys): Promise<void> {
  const expired = sql`${loginThrottles.windowStartedAt} <= now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`;
  for (const { key } of keysOf(who)) {
    await db
      .insert(loginThrottles)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${loginThrottles.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${loginThrottles.windowStartedAt} end`,
        },
      });
  }
}

/**
 * A successful sign-in clears the account's count. The address's count stays: one valid account must not
 * let an address keep guessing other accounts' passwords. Counters whose window has ended go too, so the
 * table holds about one window's worth of failures.
 */
export async function clearAccountFailures(db: Executor, email: string): Promise<void> {
  const expired = sql`${loginThrottles.windowStartedAt} <= now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`;
  await db.delete(loginThrottles).where(or(eq(loginThrottles.key, `account:${normalizeEmail(email)}`), expired));
}
