import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import type { UserRole } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { organizationMembers } from "./access.server";
import { recordAudit } from "./audit.server";
import { isUuid } from "./request-events.server";
import { fail, ok, type Result } from "./results";

/** Every member of the organization, disabled ones too, with how many sessions and API tokens are live. */
export function listOrganizationUsers(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      // Spelled out: drizzle leaves columns unqualified in a one-table select, which a correlated subquery can't use.
      activeSessions: sql<number>`(select count(*)::int from sessions s where s.user_id = "users"."id" and s.expires_at > now())`,
      activeTokens: sql<number>`(select count(*)::int from api_tokens t where t.user_id = "users"."id" and t.revoked_at is null)`,
    })
    .from(users)
    .where(organizationMembers(viewer))
    .orderBy(asc(users.name), asc(users.id));
}

const LAST_ADMIN = "The organization needs at least one enabled admin: make someone else an admin first.";

/** Locks the organization's enabled admins and says whether any other than `userId` remains. */
async function anotherAdminRemains(tx: Executor, viewer: Viewer, userId: string): Promise<boolean> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(organizationMembers(viewer), eq(users.role, "admin"), isNull(users.disabledAt)))
    .for("update");
  return admins.some((a) => a.id !== userId);
}

async function findMember(tx: Executor, viewer: Viewer, userId: string) {
  if (!isUuid(userId)) return null;
  const [row] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt, email: users.email })
    .from(users)
    .where(and(organizationMembers(viewer), eq(users.id, userId)))
    .limit(1)
    .for("update");
  return row ?? null;
}

/** Null when the user is not in the viewer's organization. */
export async function changeRole(
  viewer: Viewer,
  userId: string,
  role: UserRole,
  ipAddress: string | null,
  db: Executor = defaultDb,
): Promise<Result<{ from: UserRole; to: UserRole }> | null> {
  return db.transaction(async (tx) => {
    const target = await findMember(tx, viewer, userId);
    if (!target) return null;
    if (target.role === role) return ok({ from: role, to: role });
    if (target.role === "admin" && !(await anotherAdminRemains(tx, viewer, userId))) return fail("role", LAST_ADMIN);
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      details: { email: target.email, from: target.role, to: role },
      ipAddress,
    });
    return ok({ from: target.role, to: role });
  });
}

/**
 * Disables or re-enables a member. Disabling ends their sessions at once (the rows are deleted); their
 * API tokens and calendar feeds stop working because every lookup skips disabled users.
 */
export async function setUserDisabled(
  viewer: Viewer,
  userId: string,
  disabled: boolean,
  ipAddress: string | null,
  db: Executor = defaultDb,
): Promise<Result<{ changed: boolean; endedSessions: number }> | null> {
  return db.transaction(async (tx) => {
    const target = await findMember(tx, viewer, userId);
    if (!target) return null;
    if (disabled && target.id === viewer.id) return fail("userId", "You can't disable your own account.");
    if ((target.disabledAt !== null) === disabled) return ok({ changed: false, endedSessions: 0 });
    if (disabled && target.role === "admin" && !(await anotherAdminRemains(tx, viewer, userId))) return fail("userId", LAST_ADMIN);
    await tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId));
    const ended = disabled ? await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }) : [];
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "user",
      targetId: userId,
      details: { email: target.email, ...(disabled ? { endedSessions: ended.length } : {}) },
      ipAddress,
    });
    return ok({ changed: true, endedSessions: ended.length });
  });
}

/** Ends every session of the viewer, on every device, this one included. */
export async function signOutEverywhere(viewer: Viewer, ipAddress: string | null, db: Executor = defaultDb): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx.delete(sessions).where(eq(sessions.userId, viewer.id)).returning({ id: sessions.id });
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "auth.sign_out_everywhere",
      targetType: "user",
      targetId: viewer.id,
      details: { endedSessions: ended.length },
      ipAddress,
    });
    return ended.length;
  });
}

/** The viewer's live sessions, for the account page. */
export async function sessionCount(viewer: Viewer, db: Executor = defaultDb): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, viewer.id), sql`${sessions.expiresAt} > now()`));
  return row?.n ?? 0;
}
