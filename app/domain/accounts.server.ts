import { and, eq, isNull, sql } from "drizzle-orm";
import { organizations, users } from "../../db/schema";
import type { UserRole } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { hashPassword, verifyPassword } from "./passwords.server";

export interface Viewer {
  id: string;
  organizationId: string;
  organizationName: string;
  /** The organization's short code, before its request numbers ("TRC-12"). */
  organizationCode: string;
  timeZone: string;
  email: string;
  name: string;
  role: UserRole;
  /**
   * The other organizations of its organization's coalition, read with the session on every request, so a
   * change of membership applies to the very next page. Empty outside a coalition.
   */
  partnerOrganizationIds: readonly string[];
}

/** The columns that make a Viewer; select them with users joined to organizations (sessions, API tokens, feeds). */
export const viewerColumns = {
  id: users.id,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  organizationCode: organizations.shortCode,
  timeZone: organizations.timeZone,
  email: users.email,
  name: users.name,
  role: users.role,
  partnerOrganizationIds: sql<string[]>`coalesce((
    select array_agg(partner.organization_id::text order by partner.organization_id)
      from coalition_members partner
      join coalition_members own on own.coalition_id = partner.coalition_id
     where own.organization_id = ${users.organizationId} and partner.organization_id <> ${users.organizationId}
  ), '{}'::text[])`,
};

/** The Viewer of an enabled user, read fresh (after a change of role or coalition); null if none. */
export async function viewerFor(db: Executor, userId: string): Promise<Viewer | null> {
  const [row] = await db
    .select(viewerColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createOrganization(db: Executor, input: { name: string; timeZone?: string }) {
  const [org] = await db
    .insert(organizations)
    .values({ name: input.name, timeZone: input.timeZone ?? "America/New_York" })
    .returning();
  return org!;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists.`);
    this.name = "EmailTakenError";
  }
}

export async function createUser(
  db: Executor,
  input: { organizationId: string; email: string; name: string; password: string; role?: UserRole },
) {
  const email = normalizeEmail(input.email);
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (existing.length > 0) throw new EmailTakenError(email);
  const [user] = await db
    .insert(users)
    .values({
      organizationId: input.organizationId,
      email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role ?? "coordinator",
    })
    .returning({ id: users.id, email: users.email, name: users.name, organizationId: users.organizationId, role: users.role });
  return user!;
}

/** The user id when the email and password match an enabled account, else null (same timing either way). */
export async function verifyLogin(db: Executor, email: string, password: string): Promise<string | null> {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, normalizeEmail(email)), isNull(users.disabledAt)))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  return ok && user ? user.id : null;
}
