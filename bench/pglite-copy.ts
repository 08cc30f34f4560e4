/**
 * Copies a Postgres database built by bench/scale-dataset.ts into an embedded (PGlite) data directory, for the
 * PGlite rows of bench:scale (issue 14: "the embedded default at 20,000 requests: every page p95 < 100 ms").
 * The data directory gets the app's own migrations; then every table of the public schema is streamed across
 * as JSON batches (triggers off, as pg_dump's data-only restore does, since the source's trigger-kept tables are
 * copied too), sequences are set to the source's values, and the statistics are gathered.
 */
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

/**
 * Brings the source to the state a running installation is in: the reminders' first pass over a generated
 * dataset queues an alert for every request that fell overdue in the last week (thousands), which a live server
 * sent long ago. Run once here (idempotent: a second pass queues nothing) and the outbox drained into the
 * development mailbox, so the timing does not measure a one-off burst of mail.
 */
export async function settleBackgroundWork(sourceUrl: string, log: (line: string) => void = console.log): Promise<void> {
  process.env.DATABASE_URL = sourceUrl; // the domain modules open the app's handle on import
  const { openDatabase } = await import("../db/client");
  const { runReminders } = await import("../app/domain/mail/reminders.server");
  const { OutboxWorker } = await import("../app/domain/mail/worker.server");
  const { devMailboxTransport } = await import("../app/domain/mail/transport.server");
  const handle = openDatabase({ driver: "postgres", url: sourceUrl, maxConnections: 4 });
  const quiet = { info: () => {}, warn: () => {}, error: (...args: unknown[]) => console.error(...args) };
  try {
    const started = performance.now();
    const reminders = await runReminders(handle.db, new Date(), undefined, quiet);
    const sent = await new OutboxWorker({ db: handle.db, transport: devMailboxTransport(handle.db), log: quiet }).drain();
    log(`[pglite-copy] background work settled: ${reminders.alerts} alerts, ${reminders.digests} digests, ${reminders.followUps} follow-ups queued; ${sent.sent} messages sent (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await handle.close();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Trigger-kept tables newer than a kept source dataset, and the function that recounts each from its rows. */
const REBUILT_WHEN_MISSING: Record<string, string> = {
  campaign_counts: "select campaign_counts_rebuild()",
  map_version: "insert into map_version (id, version) values (true, 0) on conflict do nothing",
};

export async function copyToPglite(sourceUrl: string, dataDir: string, log: (line: string) => void = console.log): Promise<{ tables: number; rows: number }> {
  const { openDatabase } = await import("../db/client");
  const { runMigrations } = await import("../db/migrate");
  const handle = openDatabase({ driver: "pglite", dataDir });
  const source = postgres(sourceUrl, { max: 1, onnotice: () => {} });
  let rows = 0;
  try {
    await runMigrations(handle);
    const pg = (handle.db as unknown as { $client: PGlite }).$client;
    const tables = (await source<{ name: string }[]>`
      select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`).map((t) => t.name);
    // Every table the migrations made, the source's or not (one the source lacks would keep stale rows).
    const own = (await pg.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public'`)).rows.map((r) => r.name);
    // Tables kept by triggers that a source built before them lacks: rebuilt from the copied rows instead.
    const derived = own.filter((name) => !tables.includes(name) && name in REBUILT_WHEN_MISSING);
    const missing = own.filter((name) => !tables.includes(name) && !derived.includes(name));
    if (missing.length) throw new Error(`The source lacks ${missing.join(", ")}: it was built by older migrations; rebuild it (bench/scale-dataset.ts --rebuild with its SCALE_DATABASE_URL)`);
    await pg.exec(`set session_replication_role = replica; truncate ${own.map(ident).join(", ")}`);
    for (const table of tables) {
      const columns = (await source<{ name: string }[]>`
        select column_name as name from information_schema.columns
         where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`)
        .map((c) => ident(c.name))
        .join(", ");
      // Row by row as JSON, 5,000 at a time: exact types without a client-side mapping (PGlite's COPY FROM a
      // blob stalled on a data directory here).
      const cursor = source.unsafe(`select to_jsonb(t)::text as row from ${ident(table)} t`).cursor(5_000);
      for await (const batch of cursor) {
        const json = `[${(batch as unknown as { row: string }[]).map((r) => r.row).join(",")}]`;
        const result = await pg.query(`insert into ${ident(table)} (${columns}) overriding system value select ${columns} from jsonb_populate_recordset(null::${ident(table)}, $1::jsonb)`, [json]);
        rows += result.affectedRows ?? 0;
      }
    }
    const sequences = await source<{ name: string; value: string }[]>`
      select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name, last_value::text as value
        from pg_sequences where schemaname = 'public' and last_value is not null`;
    for (const sequence of sequences) await pg.query(`select setval($1, $2::bigint)`, [sequence.name, sequence.value]);
    for (const name of derived) {
      await pg.exec(REBUILT_WHEN_MISSING[name]!);
      log(`[pglite-copy] ${name} rebuilt from the copied rows (the source predates it)`);
    }
    await pg.exec("set session_replication_role = origin; analyze");
    log(`[pglite-copy] ${tables.length} tables, ${rows.toLocaleString("en-US")} rows copied into ${dataDir}`);
    return { tables: tables.length, rows };
  } finally {
    await source.end({ timeout: 5 });
    await handle.close();
  }
}
