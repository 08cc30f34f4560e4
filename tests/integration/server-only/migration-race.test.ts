import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../../db/client";
import { runMigrations } from "../../../db/migrate";

// Runs only against a Postgres server: PGlite has a single connection, so there is nothing to race.
describe("migrations on a server", () => {
  it(
    "apply once when several app instances start together on an empty database",
    async () => {
      // A scratch database on the same server, so this run's own database is not disturbed.
      const base = new URL(process.env.DATABASE_URL!);
      const scratch = `${base.pathname.slice(1)}_race`;
      const admin = openDatabase({ driver: "postgres", url: base.toString(), maxConnections: 1 });
      await admin.db.execute(sql.raw(`create database "${scratch}"`));
      const url = new URL(base);
      url.pathname = `/${scratch}`;
      const instances = Array.from({ length: 4 }, () => openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 2 }));
      try {
        await Promise.all(instances.map((handle) => runMigrations(handle)));
        const rows = await queryRows<{ n: number }>(instances[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        const journal = await import("../../../db/migrations/meta/_journal.json", { with: { type: "json" } });
        expect(rows[0]!.n).toBe(journal.default.entries.length);
      } finally {
        await Promise.all(instances.map((handle) => handle.close()));
        await admin.db.execute(sql.raw(`drop database if exists "${scratch}" with (force)`));
        await admin.close();
      }
    },
  );
});
