import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { DatabaseHandle } from "./client";
import { migrationsFolder } from "./paths";

// Arbitrary constant shared by every instance of the app: pg_advisory_lock(key) serializes migrators.
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations. On a server, a dedicated connection holds a session advisory lock for the
 * whole run, so app instances starting together apply each migration exactly once, one after another.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    const db = handle.db as unknown as PgliteDatabase<Record<string, never>>;
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePglite(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
    return;
  }

  if (!handle.url) throw new Error("runMigrations: a postgres handle needs its url");
  const connection = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(connection), { migrationsFolder });
  } finally {
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await connection.end({ timeout: 5 });
  }
}
