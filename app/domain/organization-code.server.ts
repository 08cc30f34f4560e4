import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { organizations } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { fail, ok, type Result } from "./results";

// The organization's short code, shown before its request numbers ("TRC-12"). The database derives one from the
// name when an organization is created (migration 0019); an admin may change it here.

export const shortCodeSchema = z
  .string({ error: "Enter a short code" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,7}$/, "2 to 8 letters or digits, starting with a letter (e.g. TRC)");

export async function getOrganizationShortCode(viewer: Pick<Viewer, "organizationId">, db: Executor = defaultDb): Promise<string> {
  const [row] = await db.select({ code: organizations.shortCode }).from(organizations).where(eq(organizations.id, viewer.organizationId));
  return row?.code ?? "";
}

/** Changes the code; refused (on shortCode) when another organization uses it. Caller checks org.settings. */
export async function setOrganizationShortCode(viewer: Pick<Viewer, "organizationId">, code: string, db: Executor = defaultDb): Promise<Result<{ code: string }>> {
  const parsed = shortCodeSchema.safeParse(code);
  if (!parsed.success) return fail("shortCode", parsed.error.issues[0]!.message);
  const [taken] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.shortCode, parsed.data), ne(organizations.id, viewer.organizationId)))
    .limit(1);
  if (taken) return fail("shortCode", `Another organization uses ${parsed.data}: choose another code`);
  try {
    await db.update(organizations).set({ shortCode: parsed.data }).where(eq(organizations.id, viewer.organizationId));
  } catch {
    // Taken at the same moment by another organization (the unique index).
    return fail("shortCode", `Another organization uses ${parsed.data}: choose another code`);
  }
  return ok({ code: parsed.data });
}
