import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { dbHandle } from "~/utils/db.server";

describe("migrations", () => {
  it("are idempotent: a second run changes nothing", async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(dbHandle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
    const before = await count();
    await runMigrations(dbHandle);
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
