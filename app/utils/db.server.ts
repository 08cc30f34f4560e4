import path from "node:path";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { env } from "./env.server";

export type { Database, Executor, Transaction } from "../../db/client";
export { queryRows } from "../../db/client";

export const dataDir = path.resolve(env.DATA_DIR);

function open(): DatabaseHandle {
  if (env.DATABASE_URL) return openDatabase({ driver: "postgres", url: env.DATABASE_URL });
  if (env.PGLITE_MEMORY) return openDatabase({ driver: "pglite", inMemory: true });
  return openDatabase({ driver: "pglite", dataDir });
}

/** One handle per process: the server and every route share it. */
export const dbHandle: DatabaseHandle = open();
export const db = dbHandle.db;
