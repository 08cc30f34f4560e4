import { sql } from "drizzle-orm";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import { hashSecretToken } from "./secret-tokens.server";

// Rate limits of the JSON API, per personal token: a fixed one-minute window counted in Postgres with one upsert,
// so several app instances share one count. The answer carries the IETF draft RateLimit header fields
// (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset in seconds) and, past the limit, Retry-After.

export interface RateCount {
  limit: number;
  remaining: number;
  /** Seconds until the window ends (at least 1). */
  resetSeconds: number;
  exceeded: boolean;
}

/**
 * Counts one call of the token (by its SHA-256) in the current minute. Null when no live token has that hash:
 * unknown tokens are not counted (the route answers 401 without doing any work).
 */
export async function countApiCall(
  tokenHash: string,
  limit: number,
  at: Date = new Date(),
  db: Executor = defaultDb
): Promise<RateCount | null> {
  const instant = at.toISOString();
  const [row] = await queryRows<{
    tokenId: string;
    windowStart: string;
    count: number;
    resetMs: number;
  }>(
    db,
    sql`insert into api_rate_windows (token_id, window_start, count)
        select id, date_trunc('minute', ${instant}::timestamptz), 1 from api_tokens where token_hash = ${tokenHash} and revoked_at is null
        on conflict (token_id, window_start) do update set count = api_rate_windows.count + 1
        returning token_id::text as "tokenId", window_start::text as "windowStart", count,
          (extract(epoch from (window_start + interval '1 minute' - ${instant}::timestamptz)) * 1000)::float8 as "resetMs"`
  );
  if (!row) return null;
  // The first call of a window clears the token's earlier windows: the table holds about one row per token.
  if (row.count === 1) {
    await db.execute(
      sql`delete from api_rate_windows where token_id = ${row.tokenId}::uuid and window_start < ${row.windowStart}::timestamptz`
    );
  }
  return {
    limit,
    remaining: Math.max(0, limit - row.count),
    resetSeconds: Math.max(1, Math.ceil(Number(row.resetMs) / 1000)),
    exceeded: row.count > limit,
  };
}

export function rateLimitHeaders(count: RateCount): Record<string, string> {
  return {
    "RateLimit-Limit": String(count.limit),
    "RateLimit-Remaining": String(count.remaining),
    "RateLimit-Reset": String(count.resetSeconds),
    "RateLimit-Policy": `${count.limit};w=60`,
  };
}

const BEARER = /^Bearer\s+(jat_\S+)\s*$/i;

/**
 * Runs `handle` for an API call under its token's rate limit: past the limit, 429 JSON with Retry-After and
 * `handle` is not run; otherwise its response with the RateLimit headers. Calls without a token (pages, the
 * session cookie) and paths outside /api/ go straight through.
 */
export async function withApiRateLimit(
  request: Request,
  limit: number,
  handle: () => Promise<Response>,
  db: Executor = defaultDb
): Promise<Response> {
  if (!new URL(request.url).pathname.startsWith("/api/")) return handle();
  const bearer = BEARER.exec(request.headers.get("Authorization") ?? "");
  if (!bearer) return handle();
  const count = await countApiCall(
    hashSecretToken(bearer[1]!),
    limit,
    new Date(),
    db
  );
  if (!count) return handle();
  const headers = rateLimitHeaders(count);
  if (count.exceeded) {
    return new Response(
      JSON.stringify({
        error: `Rate limit: this token may make ${count.limit} API calls a minute. Try again in ${count.resetSeconds} s.`,
      }),
      {
        status: 429,
        headers: {
          ...headers,
          "Retry-After": String(count.resetSeconds),
          "Content-Type": "application/json; charset=utf-8",
          "Cache-Control": "no-store",
        },
      }
    );
  }
  const response = await handle();
  const merged = new Headers(response.headers);
  for (const [key, value] of Object.entries(headers)) merged.set(key, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}
