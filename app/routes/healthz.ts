import { json } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { directoryStatus } from "~/domain/directory.server";
import { db, dbHandle } from "~/utils/db.server";

export async function loader() {
  try {
    await db.execute(sql`select 1`);
    const directory = await directoryStatus(db);
    return json(
      {
        ok: true,
        db: dbHandle.driver,
        // The national agency directory the database holds (null until it is loaded).
        directory: directory ? { version: directory.version, agencies: directory.count, loadedAt: directory.loadedAt.toISOString() } : null,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return json({ ok: false, db: dbHandle.driver }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
