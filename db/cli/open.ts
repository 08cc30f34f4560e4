import path from "node:path";
import { env } from "../../app/utils/env.server";
import type { DatabaseHandle } from "../client";
import { DataDirInUseError } from "../data-dir-lock";
import { runMigrations } from "../migrate";
import { seedReferenceData } from "../seed/reference";
import { loadDirectory } from "../seed/directory";
import { redateAfterReferenceChange } from "../../app/domain/deadlines.server";

/**
 * Opens the database the app would use (DATABASE_URL, else the embedded one in DATA_DIR), migrated. It is the
 * app's own handle (app/utils/db.server.ts): the domain functions a command calls use that one, and an embedded
 * database takes one opener per data directory, so a second handle of the command's own could not open it.
 */
export async function openForCli(): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  try {
    handle = (await import("../../app/utils/db.server")).dbHandle;
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await runMigrations(handle);
  const changed = await seedReferenceData(handle.db);
  if (changed.length > 0) await redateAfterReferenceChange(handle.db, changed);
  await loadDirectory(handle.db);
  return handle;
}

export function describeTarget(handle: DatabaseHandle): string {
  return handle.driver === "postgres" ? "the Postgres server in DATABASE_URL" : `the embedded database in ${path.resolve(env.DATA_DIR)}`;
}
