import { randomBytes } from "node:crypto";
import { hashSecretToken as hashToken } from "./secret-tokens.server";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens, organizations, users } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { viewerColumns, type Viewer } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { isUuid } from "./request-events.server";

// Personal API tokens for the JSON API. A token acts as its user: same organization, same role, same
// visibility. The database keeps only its SHA-256; the token itself is shown once, when created.

export const API_TOKEN_PREFIX = "jat_";
const TOKEN_SHAPE = /^jat_[A-Za-z0-9_-]{43}$/;
// last_used_at is written at most this often per token, so a busy script doesn't write on every call.
const LAST_USED_RESOLUTION_MS = 60_000;


export async function createApiToken(
  viewer: Viewer,
  name: string,
  ipAddress: string | null,
  db: Executor = defaultDb,
): Promise<{ id: string; token: string }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId: viewer.id, name, tokenHash: hashToken(token) }).returning({ id: apiTokens.id });
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "api_token.created",
      targetType: "api_token",
      targetId: row!.id,
      details: { name },
      ipAddress,
    });
    return { id: row!.id, token };
  });
}

/** False when the token is not the viewer's or already revoked. */
export async function revokeApiToken(viewer: Viewer, tokenId: string, ipAddress: string | null, db: Executor = defaultDb): Promise<boolean> {
  if (!isUuid(tokenId)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, viewer.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) return false;
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: row.id,
      details: { name: row.name },
      ipAddress,
    });
    return true;
  });
}

export function listApiTokens(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** The user a token acts as, or null when it is malformed, unknown, revoked or its user is disabled. */
export async function viewerForApiToken(token: string, db: Executor = defaultDb): Promise<Viewer | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      ...viewerColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  const now = new Date();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS))),
      ),
    );
  const { tokenId: _tokenId, ...viewer } = row;
  return viewer;
}
