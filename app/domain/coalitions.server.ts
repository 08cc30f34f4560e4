import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { coalitionInvitations, coalitionMembers, coalitions, organizations, requestCounts, users } from "../../db/schema";
import { coalitionInvitationMessage } from "../../emails";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { addDays, todayIn } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { checkEmailAddress } from "./mail/addresses";
import { mailConfig } from "./mail/config.server";
import { enqueueMail, notifyOutbox } from "./mail/outbox.server";
import { fail, ok, type Result } from "./results";
import { hashSecretToken, looksLikeToken, newSecretToken } from "./secret-tokens.server";

// Coalitions: organizations that share vendor knowledge, joint asks and their non-private requests. What is
// shared is decided by the visibility rule in access.server.ts, which reads membership on every request.

export const COALITION_INVITATION_DAYS = 14;

type Context = { ipAddress?: string | null };

async function membershipOf(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ coalitionId: coalitionMembers.coalitionId, name: coalitions.name, foundedBy: coalitions.foundedByOrganizationId })
    .from(coalitionMembers)
    .innerJoin(coalitions, eq(coalitions.id, coalitionMembers.coalitionId))
    .where(eq(coalitionMembers.organizationId, organizationId))
    .limit(1);
  return row ?? null;
}

/** The name of the viewer's coalition, or null: a single lookup for pages that need no more. */
export async function coalitionNameOf(viewer: Viewer, db: Executor = defaultDb): Promise<string | null> {
  return (await membershipOf(db, viewer.organizationId))?.name ?? null;
}

/** The viewer's coalition with its members (and, for the page, its pending invitations), or null. */
export async function getCoalition(viewer: Viewer, db: Executor = defaultDb) {
  const membership = await membershipOf(db, viewer.organizationId);
  if (!membership) return null;
  // Each member's requests the coalition sees (all but the private ones), from the kept counts.
  const shared = db
    .select({ organizationId: requestCounts.organizationId, n: sql<number>`sum(${requestCounts.n})`.as("n") })
    .from(requestCounts)
    .where(ne(requestCounts.visibility, "private"))
    .groupBy(requestCounts.organizationId)
    .as("shared");
  const [members, invitations] = await Promise.all([
    db
      .select({
        organizationId: coalitionMembers.organizationId,
        name: organizations.name,
        joinedAt: coalitionMembers.joinedAt,
        sharedRequests: sql<number>`coalesce(${shared.n}, 0)`.mapWith(Number),
      })
      .from(coalitionMembers)
      .innerJoin(organizations, eq(organizations.id, coalitionMembers.organizationId))
      .leftJoin(shared, eq(shared.organizationId, coalitionMembers.organizationId))
      .where(eq(coalitionMembers.coalitionId, membership.coalitionId))
      .orderBy(asc(coalitionMembers.joinedAt), asc(organizations.name)),
    db
      .select({
        id: coalitionInvitations.id,
        email: coalitionInvitations.email,
        expiresAt: coalitionInvitations.expiresAt,
        createdAt: coalitionInvitations.createdAt,
        invitedByName: users.name,
        invitedByOrganization: organizations.name,
      })
      .from(coalitionInvitations)
      .innerJoin(organizations, eq(organizations.id, coalitionInvitations.invitedByOrganizationId))
      .leftJoin(users, eq(users.id, coalitionInvitations.invitedById))
      .where(
        and(
          eq(coalitionInvitations.coalitionId, membership.coalitionId),
          isNull(coalitionInvitations.acceptedAt),
          isNull(coalitionInvitations.revokedAt),
          gt(coalitionInvitations.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(coalitionInvitations.createdAt)),
  ]);
  return {
    id: membership.coalitionId,
    name: membership.name,
    foundedByOrganizationId: membership.foundedBy,
    founded: membership.foundedBy === viewer.organizationId,
    members,
    invitations,
  };
}

/** How many of the organization's requests its coalition would see (all but the private ones). */
export async function shareableRequestCount(viewer: Viewer, db: Executor = defaultDb): Promise<{ shared: number; private: number }> {
  const [row] = await db
    .select({
      shared: sql<number>`coalesce(sum(${requestCounts.n}) filter (where ${requestCounts.visibility} <> 'private'), 0)`.mapWith(Number),
      private: sql<number>`coalesce(sum(${requestCounts.n}) filter (where ${requestCounts.visibility} = 'private'), 0)`.mapWith(Number),
    })
    .from(requestCounts)
    .where(eq(requestCounts.organizationId, viewer.organizationId));
  return { shared: row?.shared ?? 0, private: row?.private ?? 0 };
}

export async function createCoalition(viewer: Viewer, input: { name: string }, context: Context = {}, db: Executor = defaultDb): Promise<Result<{ id: string }>> {
  return db.transaction(async (tx) => {
    // Serializes with a concurrent join of the same organization: the unique index would refuse the second anyway.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, viewer.organizationId)).for("update");
    if (await membershipOf(tx, viewer.organizationId)) return fail("name", "Your organization is already in a coalition; leave it first");
    const [coalition] = await tx
      .insert(coalitions)
      .values({ name: input.name, foundedByOrganizationId: viewer.organizationId, createdById: viewer.id })
      .returning({ id: coalitions.id });
    await tx.insert(coalitionMembers).values({ coalitionId: coalition!.id, organizationId: viewer.organizationId, addedById: viewer.id });
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "coalition.created",
      targetType: "coalition",
      targetId: coalition!.id,
      details: { name: input.name },
      ipAddress: context.ipAddress ?? null,
    });
    return ok(coalition!);
  });
}

/** Invites another organization: one of its admins gets a single-use link by email (through the outbox). */
export async function inviteOrganization(
  viewer: Viewer,
  input: { email: string },
  context: Context = {},
  db: Executor = defaultDb,
): Promise<Result<{ id: string; acceptUrl: string }>> {
  const membership = await membershipOf(db, viewer.organizationId);
  if (!membership) return fail("email", "Start a coalition before inviting other organizations");
  const address = checkEmailAddress(input.email, "Email");
  if (!address.ok) return fail("email", address.message);
  const email = address.address;
  const [alreadyMember] = await db
    .select({ name: organizations.name })
    .from(users)
    .innerJoin(coalitionMembers, eq(coalitionMembers.organizationId, users.organizationId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), eq(coalitionMembers.coalitionId, membership.coalitionId)))
    .limit(1);
  if (alreadyMember) return fail("email", `${email} belongs to ${alreadyMember.name}, which is already in the coalition`);
  const { token, hash } = newSecretToken();
  const today = todayIn(viewer.timeZone);
  const expiresOn = addDays(today, COALITION_INVITATION_DAYS);
  const acceptUrl = `${mailConfig().appUrl}/coalition/join/${token}`;
  const result = await db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(coalitionInvitations)
      .values({
        coalitionId: membership.coalitionId,
        email,
        tokenHash: hash,
        invitedById: viewer.id,
        invitedByOrganizationId: viewer.organizationId,
        expiresAt: new Date(Date.now() + COALITION_INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: coalitionInvitations.id });
    const message = coalitionInvitationMessage({
      coalitionName: membership.name,
      invitingOrganization: viewer.organizationName,
      invitedBy: viewer.name,
      acceptUrl,
      expiresOn,
    });
    const queued = await enqueueMail(tx, {
      organizationId: viewer.organizationId,
      kind: "coalition_invitation",
      idempotencyKey: `coalition-invitation:${invitation!.id}`,
      to: email,
      ...message,
      createdById: viewer.id,
    });
    if (!queued.ok) throw new Error(`coalition invitation not queued: ${Object.values(queued.fieldErrors).flat().join("; ")}`);
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "coalition.invited",
      targetType: "coalition",
      targetId: membership.coalitionId,
      details: { email },
      ipAddress: context.ipAddress ?? null,
    });
    return invitation!;
  });
  notifyOutbox();
  return ok({ id: result.id, acceptUrl });
}

export async function revokeCoalitionInvitation(viewer: Viewer, invitationId: string, context: Context = {}, db: Executor = defaultDb): Promise<boolean> {
  const membership = await membershipOf(db, viewer.organizationId);
  if (!membership) return false;
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(coalitionInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(coalitionInvitations.id, invitationId),
          eq(coalitionInvitations.coalitionId, membership.coalitionId),
          isNull(coalitionInvitations.acceptedAt),
          isNull(coalitionInvitations.revokedAt),
        ),
      )
      .returning({ email: coalitionInvitations.email });
    if (revoked.length === 0) return false;
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorId: viewer.id,
      action: "coalition.invitation_revoked",
      targetType: "coalition",
      targetId: membership.coalitionId,
      details: { email: revoked[0]!.email },
      ipAddress: context.ipAddress ?? null,
    });
    return true;
  });
}

export type CoalitionInvitationView =
  | { state: "valid"; coalitionName: string; invitingOrganization: string; email: string; expiresAt: Date; members: string[] }
  | { state: "used" | "expired" | "unknown" };

/** What the join page shows for a link: who invites to what, or why the link no longer works. */
export async function describeCoalitionInvitation(token: string | undefined, db: Executor = defaultDb): Promise<CoalitionInvitationView> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const [row] = await db
    .select({
      coalitionId: coalitionInvitations.coalitionId,
      coalitionName: coalitions.name,
      invitingOrganization: organizations.name,
      email: coalitionInvitations.email,
      expiresAt: coalitionInvitations.expiresAt,
      acceptedAt: coalitionInvitations.acceptedAt,
      revokedAt: coalitionInvitations.revokedAt,
    })
    .from(coalitionInvitations)
    .innerJoin(coalitions, eq(coalitions.id, coalitionInvitations.coalitionId))
    .innerJoin(organizations, eq(organizations.id, coalitionInvitations.invitedByOrganizationId))
    .where(eq(coalitionInvitations.tokenHash, hashSecretToken(token)))
    .limit(1);
  if (!row) return { state: "unknown" };
  if (row.acceptedAt || row.revokedAt) return { state: "used" };
  if (row.expiresAt <= new Date()) return { state: "expired" };
  const members = await db
    .select({ name: organizations.name })
    .from(coalitionMembers)
    .innerJoin(organizations, eq(organizations.id, coalitionMembers.organizationId))
    .where(eq(coalitionMembers.coalitionId, row.coalitionId))
    .orderBy(asc(organizations.name));
  return {
    state: "valid",
    coalitionName: row.coalitionName,
    invitingOrganization: row.invitingOrganization,
    email: row.email,
    expiresAt: row.expiresAt,
    members: members.map((m) => m.name),
  };
}

/** An admin accepts for their organization: single use, checked and consumed in one transaction. */
export async function acceptCoalitionInvitation(
  viewer: Viewer,
  token: string | undefined,
  context: Context = {},
  db: Executor = defaultDb,
): Promise<Result<{ coalitionId: string; coalitionName: string }>> {
  if (!looksLikeToken(token)) return fail("", "This invitation link is not valid.");
  return db.transaction(async (tx) => {
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, viewer.organizationId)).for("update");
    if (await membershipOf(tx, viewer.organizationId)) {
      return fail("", "Your organization is already in a coalition. Leave it before joining another.");
    }
    const [invitation] = await tx
      .update(coalitionInvitations)
      .set({ acceptedAt: new Date(), acceptedByOrganizationId: viewer.organizationId })
      .where(
        and(
          eq(coalitionInvitations.tokenHash, hashSecretToken(token)),
          isNull(coalitionInvitations.acceptedAt),
          isNull(coalitionInvitations.revokedAt),
          gt(coalitionInvitations.expiresAt, sql`now()`),
        ),
      )
      .returning({ coalitionId: coalitionInvitations.coalitionId, invitedByOrganizationId: coalitionInvitations.invitedByOrganizationId });
    if (!invitation) return fail("", "This invitation has expired, was revoked, or was already used. Ask for a new one.");
    const [coalition] = await tx.select({ name: coalitions.name }).from(coalitions).where(eq(coalitions.id, invitation.coalitionId));
    await tx.insert(coalitionMembers).values({ coalitionId: invitation.coalitionId, organizationId: viewer.organizationId, addedById: viewer.id });
    for (const organizationId of [viewer.organizationId, invitation.invitedByOrganizationId]) {
      await recordAudit(tx, {
        organizationId,
        actorId: viewer.id,
        action: "coalition.joined",
        targetType: "coalition",
        targetId: invitation.coalitionId,
        details: { coalition: coalition!.name, organization: viewer.organizationName },
        ipAddress: context.ipAddress ?? null,
      });
    }
    return ok({ coalitionId: invitation.coalitionId, coalitionName: coalition!.name });
  });
}

/**
 * The founding organization's admins remove a member; from that moment its members see nothing of the
 * coalition's shared rows, and the coalition sees nothing of theirs.
 */
export async function removeMember(viewer: Viewer, organizationId: string, context: Context = {}, db: Executor = defaultDb): Promise<Result<{ name: string }>> {
  const membership = await membershipOf(db, viewer.organizationId);
  if (!membership) return fail("organizationId", "Your organization is not in a coalition");
  if (membership.foundedBy !== viewer.organizationId) return fail("organizationId", "Only the organization that started the coalition can remove members");
  if (organizationId === viewer.organizationId) return fail("organizationId", "To take your own organization out, dissolve the coalition");
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(coalitionMembers)
      .where(and(eq(coalitionMembers.coalitionId, membership.coalitionId), eq(coalitionMembers.organizationId, organizationId)))
      .returning({ organizationId: coalitionMembers.organizationId });
    if (removed.length === 0) return fail("organizationId", "That organization is not a member");
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId));
    for (const auditOrg of [viewer.organizationId, organizationId]) {
      await recordAudit(tx, {
        organizationId: auditOrg,
        actorId: viewer.id,
        action: "coalition.member_removed",
        targetType: "coalition",
        targetId: membership.coalitionId,
        details: { coalition: membership.name, organization: org!.name },
        ipAddress: context.ipAddress ?? null,
      });
    }
    return ok({ name: org!.name });
  });
}

/** A member leaves; the founding organization leaving dissolves the coalition for everyone. */
export async function leaveCoalition(viewer: Viewer, context: Context = {}, db: Executor = defaultDb): Promise<Result<{ dissolved: boolean; name: string }>> {
  const membership = await membershipOf(db, viewer.organizationId);
  if (!membership) return fail("", "Your organization is not in a coalition");
  return db.transaction(async (tx) => {
    const members = await tx.select({ organizationId: coalitionMembers.organizationId }).from(coalitionMembers).where(eq(coalitionMembers.coalitionId, membership.coalitionId));
    const dissolved = membership.foundedBy === viewer.organizationId;
    if (dissolved) {
      await tx.delete(coalitions).where(eq(coalitions.id, membership.coalitionId));
    } else {
      await tx.delete(coalitionMembers).where(and(eq(coalitionMembers.coalitionId, membership.coalitionId), eq(coalitionMembers.organizationId, viewer.organizationId)));
    }
    const told = dissolved ? members.map((m) => m.organizationId) : [viewer.organizationId, membership.foundedBy];
    for (const organizationId of told) {
      await recordAudit(tx, {
        organizationId,
        actorId: viewer.id,
        action: "coalition.left",
        targetType: "coalition",
        targetId: membership.coalitionId,
        details: { coalition: membership.name, organization: viewer.organizationName, dissolved },
        ipAddress: context.ipAddress ?? null,
      });
    }
    return ok({ dissolved, name: membership.name });
  });
}
