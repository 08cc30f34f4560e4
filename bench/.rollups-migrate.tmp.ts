import { openDatabase } from "/work/rollups/db/client";
import { runMigrations } from "/work/rollups/db/migrate";
const url = "postgres://postgres@127.0.0.1:5432/jointask_scale";
const handle = openDatabase({ driver: "postgres", url, maxConnections: 1 });
const t = performance.now();
await runMigrations(handle);
console.log(`migrated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
await handle.close();
