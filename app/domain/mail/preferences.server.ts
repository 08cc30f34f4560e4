import { eq } from "drizzle-orm";
import { organizations, users } from "../../../db/schema";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { conflicted, fail, ok, type Result } from "../results";
import { editVersion, staleEdit } from "../edit-version";

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

/** The version of the digest hour the settings form carries (see edit-version.ts). */
export function digestHourVersion(digestHour: number): string {
  return editVersion({ digestHour }, ["digestHour"]);
}

/** The organization's digest hour (0-23 in its time zone); admins only; refused with both values when stale. */
export async function setDigestHour(viewer: Viewer, hour: number, db: Executor = defaultDb, version?: string): Promise<Result<null>> {
  if (viewer.role !== "admin") return fail("digestHour", "Only an admin can change when the digest is sent.");
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return fail("digestHour", "Choose an hour between 0 and 23.");
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ digestHour: organizations.digestHour }).from(organizations).where(eq(organizations.id, viewer.organizationId)).for("update");
    const stale = staleEdit({ version, current: current!, next: { digestHour: hour }, fields: ["digestHour"], labels: { digestHour: "Send the daily digest at (hour)" } });
    if (stale) return conflicted(stale);
    await tx.update(organizations).set({ digestHour: hour }).where(eq(organizations.id, viewer.organizationId));
    return ok(null);
  });
}
