import { afterAll, beforeAll, inject } from "vitest";

// Point the app's database module at this run's database before any test file imports it.
if (process.env.TEST_DB_DRIVER === "postgres") {
  process.env.DATABASE_URL = inject("databaseUrl");
  delete process.env.PGLITE_MEMORY;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_MEMORY = "1";
}
process.env.SESSION_SECRET ??= "integration-tests-session-secret-0123456789";

beforeAll(async () => {
  const { dbHandle } = await import("~/utils/db.server");
  const { runMigrations } = await import("../../db/migrate");
  const { seedReferenceData } = await import("../../db/seed/reference");
  await runMigrations(dbHandle);
  await seedReferenceData(dbHandle.db);
});

afterAll(async () => {
  const { dbHandle } = await import("~/utils/db.server");
  await dbHandle.close();
});
