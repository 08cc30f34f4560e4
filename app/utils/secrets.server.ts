import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, dbHandle } from "./db.server";
import { env } from "./env.server";

let cached: string | undefined;

/**
 * The secret that signs cookies. From SESSION_SECRET; on the embedded database a generated one is kept in
 * DATA_DIR so sessions survive restarts. Several app instances on one server must share SESSION_SECRET.
 */
export function sessionSecret(): string {
  if (cached) return cached;
  if (env.SESSION_SECRET) return (cached = env.SESSION_SECRET);
  if (dbHandle.driver === "pglite" && !env.PGLITE_MEMORY) {
    const file = path.join(dataDir, "session-secret");
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return (cached = readFileSync(file, "utf8").trim());
  }
  if (env.NODE_ENV === "production") {
    throw new Error("SESSION_SECRET is required in production with DATABASE_URL (at least 32 characters).");
  }
  return (cached = randomBytes(32).toString("base64url"));
}
