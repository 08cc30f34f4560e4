import { eq } from "drizzle-orm";
import { organizations, users } from "../../../db/schema";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { fail, ok, type Result } from "../results";

export async function getEmailPreferences(viewer: Viewer, db: Executor = defaultDb) {
  const [row] = await db
    .select({ digest: users.emailDigest, overdueAlerts: users.emailOverdueAlerts, digestHour: organizations.digestHour, timeZone: organizations.timeZone })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, viewer.id));
  return row!;
}

export async function setEmailPreferences(viewer: Viewer, input: { digest: boolean; overdueAlerts: boolean }, db: Executor = defaultDb) {
  await db.update(users).set({ emailDigest: input.digest, emailOverdueAlerts: input.overdueAlerts }).where(eq(users.id, viewer.id));
}

/** The organization's digest hour (0-23 in its time zone); admins only. */
export async function setDigestHour(viewer: Viewer, hour: number, db: Executor = defaultDb): Promise<Result<null>> {
  if (viewer.role !== "admin") return fail("digestHour", "Only an admin can change when the digest is sent.");
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return fail("digestHour", "Choose an hour between 0 and 23.");
  await db.update(organizations).set({ digestHour: hour }).where(eq(organizations.id, viewer.organizationId));
  return ok(null);
}
