/**
 * The requests list's CSV export (GET /requests/export.csv) on a large generated organization: rows per second
 * and the process's peak resident memory while the whole export streams, beside the floors (memory: peak RSS
 * growth under 100 MB whatever the number of rows, since rows are read in keyset batches of 1,000 and written as
 * they go; speed: at least 5,000 rows/s).
 *
 * Usage: npm run bench:export                         (embedded database in memory, 100,000 requests)
 *        BENCH_ROWS=600000 npm run bench:export       (more rows)
 *        BENCH_DATABASE_URL=postgres://... npm run bench:export   (a Postgres server; a database of its own is created and dropped)
 * Prints figures; exits 0.
 */
import postgres from "postgres";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL;
let dropDatabase: (() => Promise<void>) | null = null;
if (serverUrl) {
  const name = `jointask_bench_export_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  delete process.env.PGLITE_MEMORY;
  dropDatabase = async () => {
    const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    await dropper.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_MEMORY = "1";
}
process.env.SESSION_SECRET ??= "bench-export-session-secret-0123456789abcdef";

const { sql } = await import("drizzle-orm");
const { dbHandle, db } = await import("../app/utils/db.server");
const { runMigrations } = await import("../db/migrate");
const { seedReferenceData } = await import("../db/seed/reference");
const { createOrganization, createUser } = await import("../app/domain/accounts.server");
const { createAgency, createLocalJurisdiction } = await import("../app/domain/places.server");
const { requestsCsvStream } = await import("../app/domain/request-export.server");
const { jurisdictions } = await import("../db/schema");
const { and, eq, isNull } = await import("drizzle-orm");

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  await runMigrations(dbHandle);
  await seedReferenceData(db);
  const org = await createOrganization(db, { name: "Bench Export Collective" });
  const user = await createUser(db, { organizationId: org.id, email: "bench-export@example.org", name: "Bench", password: "correct horse battery", role: "admin" });
  const viewer = {
    id: user.id,
    organizationId: org.id,
    organizationName: org.name,
    organizationCode: org.shortCode,
    timeZone: org.timeZone,
    email: user.email,
    name: user.name,
    role: "admin" as const,
    partnerOrganizationIds: [] as string[],
  };
  const [pa] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
  const city = await createLocalJurisdiction(viewer, { name: "Bench City", kind: "city", stateId: pa!.id });
  if (!city.ok) throw new Error("city");
  const agency = await createAgency(viewer, { name: "Bench Police Department", type: "police", jurisdictionId: city.value.id });
  if (!agency.ok) throw new Error("agency");

  const generating = performance.now();
  const CHUNK = 20_000;
  for (let from = 1; from <= ROWS; from += CHUNK) {
    const to = Math.min(ROWS, from + CHUNK - 1);
    await db.execute(sql`
      insert into requests (organization_id, number, title, description, agency_id, requester_id, assignee_id, status, filed_on, due_on, tags, tracking_number)
      select ${org.id}, g, 'Stops data request ' || g || case when g % 50 = 0 then ' =SUM(A1)' else '' end,
        'Record-level stop data with subject race.', ${agency.value.id}::uuid, ${user.id}::uuid,
        case when g % 3 = 0 then ${user.id}::uuid end,
        (array['draft','submitted','acknowledged','fulfilled']::request_status[])[1 + g % 4],
        date '2026-01-01' + (g % 300), date '2026-02-01' + (g % 300),
        array['stops', 'batch-' || (g % 7)], case when g % 10 = 0 then '=PRR-' || g else 'PRR-' || g end
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`update organizations set last_request_number = ${ROWS} where id = ${org.id}`);
  await db.execute(sql`analyze requests`);
  console.log(`generated ${ROWS.toLocaleString("en-US")} requests on ${serverUrl ? "Postgres" : "PGlite (in memory)"} in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  let rows = 0;
  // Flat memory means the peak reached by half the rows is (about) the peak at the end.
  let peakAtHalf: number | null = null;
  const reader = requestsCsvStream(viewer, {}, { baseUrl: "https://jointask.example.org", onDone: (n) => (rows = n) }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
    sample();
    if (peakAtHalf === null && lines >= ROWS / 2) peakAtHalf = peak;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const rate = rows / seconds;
  const growth = peak - baseline;
  console.log(`exported ${rows.toLocaleString("en-US")} rows (${lines.toLocaleString("en-US")} lines with the header, ${mb(bytes)}) in ${seconds.toFixed(1)} s`);
  console.log(`rows/s             ${Math.round(rate).toLocaleString("en-US").padStart(10)}   floor >= 5,000 rows/s   ${rate >= 5000 ? "ok" : "UNDER"}`);
  console.log(`peak RSS growth    ${mb(growth).padStart(10)}   floor < 100 MB          ${growth < 100 * 1024 * 1024 ? "ok" : "OVER"}   (RSS ${mb(baseline)} before, peak ${mb(peak)})`);
  console.log(`peak RSS growth at half the rows ${mb((peakAtHalf ?? peak) - baseline)}, at the end ${mb(growth)} (flat when close)`);
  if (rows !== ROWS || lines !== ROWS + 1) console.log(`MISMATCH: expected ${ROWS} rows`);
} finally {
  await dbHandle.close();
  await dropDatabase?.();
}
