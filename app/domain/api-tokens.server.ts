import { randomBytes } from "node:crypto";
import { hashSecretToken as hashToken } from "./secret-tokens.server";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { apiTokens, organizations, users } from "../../db/schema";
import type { ApiTokenScope } from "../../db/schema/security";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { viewerColumns, type Viewer } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { isUuid } from "./request-events.server";

// Personal API tokens for the JSON API. A token acts as its user: same organization, same role, same
// visibility, within two limits chosen when it is made: its scope (`read` refuses every write) and, when bound
// to the organization, only the organization's own rows (what coalition partners share stays out). The
// database keeps only its SHA-256; the token itself is shown once, when created.

export interface ApiTokenLimits {
  scope: ApiTokenScope;
  /** Bound to the viewer's organization: its own rows only, not what coalition partners share. */
  organizationOnly: boolean;
}

/** A token's access: the viewer it acts as (already narrowed to its organization when bound) and its scope. */
export interface ApiTokenAccess {
  tokenId: string;
  scope: ApiTokenScope;
  organizationOnly: boolean;
  viewer: Viewer;
}

export const API_TOKEN_PREFIX = "jat_";
const TOKEN_SHAPE = /^jat_[A-Za-z0-9_-]{43}$/;
// last_used_at is written at most this often per token, so a busy script doesn't write on every call.
const LAST_USED_RESOLUTION_MS = 60_000;


export async function createApiToken(
  viewer: Viewer,
  name: string,
  ipAddress: string | null,
  limits: ApiTokenLimits = { scope: "read_write", organizationOnly: false },
  db: Executor = defaultDb,
): Promise<{ id: string; token: string }> {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: viewer.id, name, tokenHash: hashToken(token), scope: limits.scope, organizationId: limits.organizationOnly ? viewer.organizationId : null })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "api_token.created",
      targetType: "api_token",
      targetId: row!.id,
      details: { name, scope: limits.scope, organizationOnly: limits.organizationOnly },
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
    .select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, organizationOnly: sql<boolean>`${apiTokens.organizationId} is not null`, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, viewer.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/**
 * What a token may do, or null when it is malformed, unknown, revoked, its user is disabled, or it is bound to
 * an organization its user no longer belongs to.
 */
export async function apiTokenAccess(token: string, db: Executor = defaultDb): Promise<ApiTokenAccess | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      boundTo: apiTokens.organizationId,
      ...viewerColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  const { tokenId, scope, boundTo, ...viewer } = row;
  if (boundTo !== null && boundTo !== viewer.organizationId) return null;
  const now = new Date();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
  const organizationOnly = boundTo !== null;
  // Bound to the organization: the viewer has no coalition partners, so every visibility rule (access.server)
  // gives the organization's own rows only.
  return { tokenId, scope, organizationOnly, viewer: organizationOnly ? { ...viewer, partnerOrganizationIds: [] } : viewer };
}

/** The user a token acts as (narrowed to its organization when the token is bound), or null. */
export async function viewerForApiToken(token: string, db: Executor = defaultDb): Promise<Viewer | null> {
  return (await apiTokenAccess(token, db))?.viewer ?? null;
}
