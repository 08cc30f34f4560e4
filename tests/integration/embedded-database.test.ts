import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../db/client";
import { DataDirInUseError } from "../../db/data-dir-lock";

const made: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "jointask-embedded-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database under DATA_DIR", () => {
  it("is created on first open, keeps its rows across a reopen, and runs with small shared buffers", async () => {
    const dataDir = newDataDir();
    const first = openDatabase({ driver: "pglite", dataDir });
    expect(existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    await first.db.execute(sql`create table kept (note text)`);
    await first.db.execute(sql`insert into kept values ('still here')`);
    await first.close();

    const second = openDatabase({ driver: "pglite", dataDir });
    try {
      expect(await queryRows<{ note: string }>(second.db, sql`select note from kept`)).toEqual([{ note: "still here" }]);
      expect(await queryRows(second.db, sql`show shared_buffers`)).toEqual([{ shared_buffers: "32MB" }]);
    } finally {
      await second.close();
    }
  }, 60_000);

  it("refuses a second opener of the same directory with a clear error, and frees it on close", async () => {
    const dataDir = newDataDir();
    const first = openDatabase({ driver: "pglite", dataDir });
    await first.db.execute(sql`select 1`);
    expect(() => openDatabase({ driver: "pglite", dataDir })).toThrow(DataDirInUseError);
    await first.close();
    const again = openDatabase({ driver: "pglite", dataDir });
    await again.close();
  }, 60_000);

  it("says which directory it could not create the database in, and leaves no lock behind", () => {
    const dataDir = newDataDir();
    // A file where the database directory should be: initdb can't create it.
    writeFileSync(path.join(dataDir, "pglite"), "not a directory");
    expect(() => openDatabase({ driver: "pglite", dataDir })).toThrow(/Could not create the embedded database in .*pglite/);
    expect(existsSync(path.join(dataDir, "jointask.lock"))).toBe(false);
  }, 60_000);
});
