import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { passwordResets, sessions, users } from "../../db/schema";
import { passwordResetMessage } from "../../emails";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { PASSWORD_RESET_MINUTES, PASSWORD_RESETS_PER_HOUR } from "./account-links";
import { normalizeEmail } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { clearAccountFailures } from "./login-throttle.server";
import { mailConfig } from "./mail/config.server";
import { enqueueMail, notifyOutbox } from "./mail/outbox.server";
import { hashPassword } from "./passwords.server";
import { fail, ok, type Result } from "./results";
import { hashSecretToken, looksLikeToken, newSecretToken } from "./secret-tokens.server";

// Password reset by email. Asking answers the same whatever the address (no account enumeration); only an
// enabled account gets a link, at most PASSWORD_RESETS_PER_HOUR an hour. The link works once, for
// PASSWORD_RESET_MINUTES; using it sets the password, ends every session of the account and voids its other links.

export { PASSWORD_RESET_MINUTES, PASSWORD_RESETS_PER_HOUR };

type Context = { ipAddress?: string | null };

export type ResetRequestOutcome = "sent" | "no_account" | "disabled" | "rate_limited";

/**
 * Records the request and, for an enabled account under the hourly limit, queues the email. The outcome is for
 * tests and the audit log only: the page says the same thing whatever it is.
 */
export async function requestPasswordReset(email: string, context: Context = {}, db: Executor = defaultDb): Promise<ResetRequestOutcome> {
  const address = normalizeEmail(email);
  const { token, hash } = newSecretToken();
  const resetUrl = `${mailConfig().appUrl}/reset-password/${token}`;
  const outcome = await db.transaction(async (tx): Promise<ResetRequestOutcome> => {
    // The row lock makes the hourly count exact when several requests for one account arrive at once.
    const [user] = await tx
      .select({ id: users.id, organizationId: users.organizationId, email: users.email, name: users.name, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(sql`lower(${users.email})`, address))
      .limit(1)
      .for("update");
    if (!user) return "no_account";
    const audit = (result: ResetRequestOutcome) =>
      recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: null,
        action: "auth.password_reset_requested",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, outcome: result },
        ipAddress: context.ipAddress ?? null,
      });
    if (user.disabledAt) {
      await audit("disabled");
      return "disabled";
    }
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, sql`now() - interval '1 hour'`)));
    if ((recent?.n ?? 0) >= PASSWORD_RESETS_PER_HOUR) {
      await audit("rate_limited");
      return "rate_limited";
    }
    const [reset] = await tx
      .insert(passwordResets)
      .values({
        userId: user.id,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000),
        ipAddress: context.ipAddress ?? null,
      })
      .returning({ id: passwordResets.id });
    const queued = await enqueueMail(tx, {
      organizationId: user.organizationId,
      kind: "password_reset",
      idempotencyKey: `password-reset:${reset!.id}`,
      to: user.email,
      recipientUserId: user.id,
      ...passwordResetMessage({ userName: user.name, resetUrl, validMinutes: PASSWORD_RESET_MINUTES }),
    });
    if (!queued.ok) throw new Error(`password reset not queued: ${Object.values(queued.fieldErrors).flat().join("; ")}`);
    await audit("sent");
    return "sent";
  });
  if (outcome === "sent") notifyOutbox();
  return outcome;
}

export type PasswordResetView = { state: "valid"; email: string; expiresAt: Date } | { state: "used" | "expired" | "unknown" };

/** What the reset page shows for a link. A link of a since-disabled account is unknown. */
export async function describePasswordReset(token: string | undefined, db: Executor = defaultDb): Promise<PasswordResetView> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const [row] = await db
    .select({ email: users.email, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashSecretToken(token)), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= new Date()) return { state: "expired" };
  return { state: "valid", email: row.email, expiresAt: row.expiresAt };
}

export const RESET_GONE = "token";

/**
 * Sets the new password through a reset link, in one transaction: the conditional UPDATE consumes the link
 * (single use), the account's other links are voided, every session of the account ends, and it is audited.
 */
export async function resetPassword(
  token: string | undefined,
  password: string,
  context: Context = {},
  db: Executor = defaultDb,
): Promise<Result<{ userId: string; endedSessions: number }>> {
  const gone = fail(RESET_GONE, "This link has expired or was already used.");
  if (!looksLikeToken(token)) return gone;
  // argon2 is slow on purpose: hash before taking any lock.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, hashSecretToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
          sql`${passwordResets.userId} in (select id from users where disabled_at is null)`,
        ),
      )
      .returning({ id: passwordResets.id, userId: passwordResets.userId });
    if (!reset) return gone;
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt), ne(passwordResets.id, reset.id)));
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, reset.userId))
      .returning({ organizationId: users.organizationId, email: users.email });
    const ended = await tx.delete(sessions).where(eq(sessions.userId, reset.userId)).returning({ id: sessions.id });
    // Whoever holds the mailbox may sign in again at once, even after failed attempts.
    await clearAccountFailures(tx, user!.email);
    await recordAudit(tx, {
      organizationId: user!.organizationId,
      actorId: reset.userId,
      action: "auth.password_reset",
      targetType: "user",
      targetId: reset.userId,
      details: { endedSessions: ended.length },
      ipAddress: context.ipAddress ?? null,
    });
    return ok({ userId: reset.userId, endedSessions: ended.length });
  });
}
