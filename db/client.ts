import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres from "postgres";
import { lockDataDir } from "./data-dir-lock";
import { projectRoot } from "./paths";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Functions that may run inside a caller's transaction take either. */
export type Executor = Database | Transaction;
export type Driver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** The server URL for the postgres driver (migrations take their own connection). */
  url?: string;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { driver: "postgres"; url: string; maxConnections?: number }
  | { driver: "pglite"; dataDir: string }
  | { driver: "pglite"; inMemory: true };

/**
 * PGlite zero-fills its shared buffers inside the process, so Postgres' default of 128 MB is resident from the
 * start; a single-user embedded database needs far less.
 */
const PGLITE_OPTIONS: PGliteOptions = { postgresqlconf: ["shared_buffers = 32MB"] };

/**
 * Trigram matching for the requests list's search (partial words, reference numbers), and btree_gin for its
 * index of each organization's words (organization_id, document); the migrations create them.
 */
const PGLITE_EXTENSIONS: PGliteOptions = { extensions: { btree_gin, pg_trgm } };

/**
 * Creating a PGlite data directory runs initdb in WebAssembly, and the memory that takes (about 700 MB) is never
 * given back to the operating system. Doing it in a short-lived child process keeps the app's own footprint to
 * what an already-created database needs.
 */
function createPgliteDataDirInChildProcess(pgDataDir: string): void {
  if (existsSync(path.join(pgDataDir, "PG_VERSION"))) return;
  const script = [
    'import { PGlite } from "@electric-sql/pglite";',
    "const pg = new PGlite(process.argv[1], JSON.parse(process.argv[2]));",
    "await pg.waitReady;",
    "await pg.close();",
  ].join("\n");
  const result = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", script, pgDataDir, JSON.stringify(PGLITE_OPTIONS)],
    { cwd: projectRoot, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`Could not create the embedded database in ${pgDataDir}: ${result.stderr || result.error?.message || "unknown error"}`);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs each statement synchronously on the main thread and settles its promise at once, so a loop of
 * awaited queries (the reminders' first pass over thousands of overdue requests took 24 s) never gives the event
 * loop a turn: no page is served, not even /healthz, until the loop ends. Here each statement and each
 * transaction first waits for the event loop's next turn, so concurrent requests and background work interleave
 * as they do on a Postgres pool. (Statements inside a transaction run on as they are: it holds the database.)
 */
export function takeTurns(client: PGlite): PGlite {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (async (...args: Parameters<typeof query>) => {
    await nextTurn();
    return query(...args);
  }) as PGlite["query"];
  client.exec = async (...args: Parameters<typeof exec>) => {
    await nextTurn();
    return exec(...args);
  };
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    await nextTurn();
    return transaction(...args);
  }) as PGlite["transaction"];
  return client;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.driver === "postgres") {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: "jointask" },
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      driver: "postgres",
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }

  let release = () => {};
  let client: PGlite;
  if ("inMemory" in options) {
    client = takeTurns(new PGlite({ ...PGLITE_OPTIONS, ...PGLITE_EXTENSIONS }));
  } else {
    release = lockDataDir(options.dataDir);
    const pgDataDir = path.join(options.dataDir, "pglite");
    try {
      createPgliteDataDirInChildProcess(pgDataDir);
    } catch (error) {
      release();
      throw error;
    }
    client = takeTurns(new PGlite(pgDataDir, { ...PGLITE_OPTIONS, ...PGLITE_EXTENSIONS }));
  }
  let closed: Promise<void> | undefined;
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    driver: "pglite",
    close: () =>
      (closed ??= client.close().finally(release)),
  };
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
