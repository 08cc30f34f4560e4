import { createHash, randomBytes } from "node:crypto";

// Secrets sent to people (sessions, API tokens, calendar feeds, invitation and reset links): 256 random bits,
// of which the database keeps only the SHA-256, so a leaked table can't be turned back into working links.

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSecretToken(token) };
}

/** Whether a path segment can be a token at all (so malformed ones are refused before any query). */
export function looksLikeToken(value: string | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
