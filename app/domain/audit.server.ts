import { count, desc, eq, sql } from "drizzle-orm";
import { auditEvents, users } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { normalizeEmail } from "./accounts.server";
import { visibleAuditEvents } from "./access.server";
import type { AuditAction } from "./audit";

export interface AuditEntry {
  organizationId: string | null;
  actorId: string | null;
  action: AuditAction;
  targetType?: "user" | "api_token" | "request" | "agency" | "export" | (string & {});
  targetId?: string | null;
  details?: Record<string, unknown>;
  ipAddress?: string | null;
}

/** Appends one event to the audit log. Pass the transaction when the change it records runs in one. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    organizationId: entry.organizationId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ipAddress: entry.ipAddress ?? null,
  });
}

/**
 * Records that the viewer took data out of the app (a CSV, a file, a zip of files), with what it was
 * (`what`, `name`, `rows`/`files` are shown on the audit page). Called when the download starts.
 */
export async function recordExport(
  db: Executor,
  viewer: Viewer,
  target: { type: "campaign" | "request" | "request_file" | "request_list"; id: string },
  details: { what: string; name?: string; rows?: number; files?: number; requestId?: string },
  ipAddress: string | null,
): Promise<void> {
  await recordAudit(db, {
    organizationId: viewer.organizationId,
    actorId: viewer.id,
    action: "export",
    targetType: target.type,
    targetId: target.id,
    details,
    ipAddress,
  });
}

/** The account an email names (enabled or not), so failed sign-ins land in its organization's log. */
export async function accountForEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, organizationId: users.organizationId, disabled: sql<boolean>`${users.disabledAt} is not null` })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .limit(1);
  return row ?? null;
}

export const AUDIT_PAGE_SIZE = 50;

/** The organization's audit log, newest first, one page at a time. */
export async function listAuditEvents(viewer: Viewer, page: number, db: Executor = defaultDb) {
  const where = visibleAuditEvents(viewer);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        actorName: users.name,
        actorEmail: users.email,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        details: auditEvents.details,
        ipAddress: auditEvents.ipAddress,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  const totalCount = total?.n ?? 0;
  return { rows, page, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / AUDIT_PAGE_SIZE)) };
}
