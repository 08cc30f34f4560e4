import { json } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { db, dbHandle } from "~/utils/db.server";

export async function loader() {
  try {
    await db.execute(sql`select 1`);
    return json({ ok: true, db: dbHandle.driver }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ ok: false, db: dbHandle.driver }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
