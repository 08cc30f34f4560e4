import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { organizations, userInvitations, users } from "../../db/schema";
import type { UserRole } from "../../db/schema";
import { userInvitationMessage } from "../../emails";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { addDays, todayIn } from "../utils/dates";
import { USER_INVITATION_DAYS } from "./account-links";
import { createUser, EmailTakenError, normalizeEmail, type Viewer } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { checkEmailAddress } from "./mail/addresses";
import { mailConfig } from "./mail/config.server";
import { enqueueMail, notifyOutbox } from "./mail/outbox.server";
import { ROLE_LABELS } from "./permissions";
import { isUuid } from "./request-events.server";
import { fail, ok, type Result } from "./results";
import { hashSecretToken, looksLikeToken, newSecretToken } from "./secret-tokens.server";

// Invitations to join an organization with a role: an admin sends a single-use link by email (through the
// outbox); whoever opens it chooses a name and password and is signed in. The database keeps only the
// token's SHA-256. One pending invitation per email and organization: inviting again revokes the earlier one.

export { USER_INVITATION_DAYS };

type Context = { ipAddress?: string | null };

/** Pending means not accepted, not revoked and not expired: the link still works. */
const pending = and(isNull(userInvitations.acceptedAt), isNull(userInvitations.revokedAt), gt(userInvitations.expiresAt, sql`now()`));

export async function inviteUser(
  viewer: Viewer,
  input: { email: string; role: UserRole },
  context: Context = {},
  db: Executor = defaultDb,
): Promise<Result<{ id: string; email: string; acceptUrl: string; replaced: number }>> {
  const address = checkEmailAddress(input.email, "Email");
  if (!address.ok) return fail("email", address.message);
  const email = normalizeEmail(address.address);
  const { token, hash } = newSecretToken();
  const acceptUrl = `${mailConfig().appUrl}/invitations/${token}`;
  const expiresOn = addDays(todayIn(viewer.timeZone), USER_INVITATION_DAYS);

  const result = await db.transaction(async (tx) => {
    // Serializes invitations of one organization, so two admins inviting the same person leave one pending link.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, viewer.organizationId)).for("update");
    const [existing] = await tx
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (existing) {
      return fail(
        "email",
        existing.organizationId === viewer.organizationId
          ? `${email} is already a member of your organization`
          : `${email} already has a JointAsk account; a person belongs to one organization only`,
      );
    }
    const replaced = await tx
      .update(userInvitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(userInvitations.organizationId, viewer.organizationId), eq(sql`lower(${userInvitations.email})`, email), pending))
      .returning({ id: userInvitations.id });
    const [invitation] = await tx
      .insert(userInvitations)
      .values({
        organizationId: viewer.organizationId,
        email,
        role: input.role,
        tokenHash: hash,
        invitedById: viewer.id,
        expiresAt: new Date(Date.now() + USER_INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: userInvitations.id });
    const message = userInvitationMessage({
      organizationName: viewer.organizationName,
      invitedBy: viewer.name,
      roleLabel: ROLE_LABELS[input.role],
      acceptUrl,
      expiresOn,
    });
    const queued = await enqueueMail(tx, {
      organizationId: viewer.organizationId,
      kind: "user_invitation",
      idempotencyKey: `user-invitation:${invitation!.id}`,
      to: email,
      ...message,
      createdById: viewer.id,
    });
    if (!queued.ok) throw new Error(`user invitation not queued: ${Object.values(queued.fieldErrors).flat().join("; ")}`);
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "user.invited",
      targetType: "user_invitation",
      targetId: invitation!.id,
      details: { email, role: input.role, ...(replaced.length ? { replacedInvitations: replaced.length } : {}) },
      ipAddress: context.ipAddress ?? null,
    });
    return ok({ id: invitation!.id, email, acceptUrl, replaced: replaced.length });
  });
  if (result.ok) notifyOutbox();
  return result;
}

/** The organization's invitations whose link still works, newest first. */
export function listPendingInvitations(viewer: Viewer, db: Executor = defaultDb) {
  return db
    .select({
      id: userInvitations.id,
      email: userInvitations.email,
      role: userInvitations.role,
      expiresAt: userInvitations.expiresAt,
      createdAt: userInvitations.createdAt,
      invitedByName: users.name,
    })
    .from(userInvitations)
    .leftJoin(users, eq(users.id, userInvitations.invitedById))
    .where(and(eq(userInvitations.organizationId, viewer.organizationId), pending))
    .orderBy(desc(userInvitations.createdAt), desc(userInvitations.id));
}

/** Revokes a pending invitation of the viewer's organization; false when there is none with that id. */
export async function revokeInvitation(viewer: Viewer, invitationId: string, context: Context = {}, db: Executor = defaultDb): Promise<boolean> {
  if (!isUuid(invitationId)) return false;
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(userInvitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(userInvitations.id, invitationId), eq(userInvitations.organizationId, viewer.organizationId), pending))
      .returning({ email: userInvitations.email, role: userInvitations.role });
    if (!revoked) return false;
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "user.invitation_revoked",
      targetType: "user_invitation",
      targetId: invitationId,
      details: { email: revoked.email, role: revoked.role },
      ipAddress: context.ipAddress ?? null,
    });
    return true;
  });
}

export type InvitationView =
  | { state: "valid"; organizationName: string; role: UserRole; email: string; expiresAt: Date; invitedBy: string | null }
  | { state: "used" | "revoked" | "expired"; organizationName: string; invitedBy: string | null }
  | { state: "unknown" };

/** What the invitation page shows for a link: the invitation, or what became of it and whom to ask. */
export async function describeInvitation(token: string | undefined, db: Executor = defaultDb): Promise<InvitationView> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const [row] = await db
    .select({
      organizationName: organizations.name,
      role: userInvitations.role,
      email: userInvitations.email,
      expiresAt: userInvitations.expiresAt,
      acceptedAt: userInvitations.acceptedAt,
      revokedAt: userInvitations.revokedAt,
      invitedBy: users.name,
    })
    .from(userInvitations)
    .innerJoin(organizations, eq(organizations.id, userInvitations.organizationId))
    .leftJoin(users, eq(users.id, userInvitations.invitedById))
    .where(eq(userInvitations.tokenHash, hashSecretToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  const who = { organizationName: row.organizationName, invitedBy: row.invitedBy };
  if (row.acceptedAt) return { state: "used", ...who };
  if (row.revokedAt) return { state: "revoked", ...who };
  if (row.expiresAt <= new Date()) return { state: "expired", ...who };
  return { state: "valid", ...who, role: row.role, email: row.email, expiresAt: row.expiresAt };
}

/** Why acceptInvitation refused: the link no longer works, or the email got an account meanwhile. */
export const INVITATION_GONE = "token";

/**
 * Creates the invited person's account and consumes the invitation in one transaction. The conditional
 * UPDATE is the single-use check: of two concurrent submits, the second finds the row already accepted.
 */
export async function acceptInvitation(
  token: string | undefined,
  input: { name: string; password: string },
  context: Context = {},
  db: Executor = defaultDb,
): Promise<Result<{ userId: string; organizationName: string; role: UserRole }>> {
  const gone = fail(INVITATION_GONE, "This invitation has expired, was revoked or was already used.");
  if (!looksLikeToken(token)) return gone;
  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx
        .update(userInvitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(userInvitations.tokenHash, hashSecretToken(token)), pending))
        .returning({ id: userInvitations.id, organizationId: userInvitations.organizationId, email: userInvitations.email, role: userInvitations.role });
      if (!invitation) return gone;
      const user = await createUser(tx, {
        organizationId: invitation.organizationId,
        email: invitation.email,
        name: input.name,
        password: input.password,
        role: invitation.role,
      });
      await tx.update(userInvitations).set({ acceptedUserId: user.id }).where(eq(userInvitations.id, invitation.id));
      const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, invitation.organizationId));
      await recordAudit(tx, {
        organizationId: invitation.organizationId,
        actorId: user.id,
        action: "user.joined",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, role: invitation.role, invitationId: invitation.id },
        ipAddress: context.ipAddress ?? null,
      });
      return ok({ userId: user.id, organizationName: org!.name, role: invitation.role });
    });
  } catch (error) {
    // The email got an account after the invitation was sent (the transaction, acceptance included, is undone).
    if (error instanceof EmailTakenError || isUniqueViolation(error)) {
      return fail("", "There is already a JointAsk account with this email address. Sign in, or reset its password.");
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}
