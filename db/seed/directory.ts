import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { cleanAgencies, type DirectoryAgency, type FbiAgencyRow } from "../../app/domain/directory/clean";
import type { Executor } from "../client";
import { queryRows } from "../client";
import { projectRoot } from "../paths";
import { referenceLists } from "../schema";
import { STATE_LEVEL_JURISDICTIONS } from "./reference";

export const DIRECTORY_LIST = "agencies";
export const DIRECTORY_FILE = path.join(projectRoot, "db", "seed", "data", "agencies", "fbi-cde-agencies.csv.gz");

/** State and territory names the search knows a state by, beyond the law's jurisdictions. */
const TERRITORY_NAMES: Record<string, string> = { PR: "Puerto Rico", VI: "Virgin Islands", GU: "Guam" };
const STATE_NAMES = new Map(STATE_LEVEL_JURISDICTIONS.filter((j) => j.kind === "state").map((j) => [j.code, j.name]));
export const stateName = (code: string): string | undefined => STATE_NAMES.get(code) ?? TERRITORY_NAMES[code];
const knownJurisdiction = (code: string) => STATE_NAMES.has(code);

// Arbitrary constant: pg_advisory_xact_lock(key) lets one instance load the list while the others wait.
const DIRECTORY_LOCK_KEY = 727_016;
const AGENCY_BATCH = 4000;

export interface DirectoryFile {
  version: string;
  agencies: DirectoryAgency[];
  skipped: Array<{ line: number; reason: string }>;
}

/** The shipped list's version: its content's hash, so a newer file is a new version without anyone bumping a number. */
export function directoryFileVersion(bytes: Buffer): string {
  return `fbi-cde-${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`;
}

export function readDirectoryFile(file = DIRECTORY_FILE): DirectoryFile {
  const gz = readFileSync(file);
  const rows = parse(gunzipSync(gz), { columns: true, skip_empty_lines: true, bom: true }) as FbiAgencyRow[];
  const { agencies, skipped } = cleanAgencies(rows, knownJurisdiction);
  return { version: directoryFileVersion(gz), agencies, skipped };
}

export interface DirectoryStatus {
  version: string;
  count: number;
  loadedAt: Date;
}

export async function directoryStatus(db: Executor): Promise<DirectoryStatus | null> {
  const [row] = await db
    .select({ version: referenceLists.version, count: referenceLists.rowCount, loadedAt: referenceLists.loadedAt })
    .from(referenceLists)
    .where(eq(referenceLists.name, DIRECTORY_LIST))
    .limit(1);
  return row ?? null;
}

export interface DirectoryLoad {
  /** False when the database already held this version (nothing parsed, nothing written). */
  loaded: boolean;
  version: string;
  count: number;
  /** ORIs of the previous version that the new list no longer has (kept, no longer listed). */
  unlisted: number;
}

/**
 * Loads the national agency directory when the database does not hold the shipped version: on first start, and
 * after a newer list ships (rows updated in place; agencies the new list lacks stay for the organizations'
 * links, marked unlisted). Idempotent and safe from several instances at once (one loads, the others find it
 * done). A start with the list already loaded costs one query and a hash of the file.
 */
export async function loadDirectory(db: Executor, file = DIRECTORY_FILE): Promise<DirectoryLoad> {
  const version = directoryFileVersion(readFileSync(file));
  const current = await directoryStatus(db);
  if (current?.version === version) return { loaded: false, version, count: current.count, unlisted: 0 };
  const list = readDirectoryFile(file);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DIRECTORY_LOCK_KEY})`);
    const again = await directoryStatus(tx);
    if (again?.version === list.version) return { loaded: false, version: list.version, count: again.count, unlisted: 0 };
    await writeAgencies(tx, list);
    const unlistedRows = await queryRows<{ n: number }>(
      tx,
      sql`with u as (update directory_agencies set listed = false where list_version <> ${list.version} and listed returning 1) select count(*)::int as n from u`,
    );
    await tx
      .insert(referenceLists)
      .values({ name: DIRECTORY_LIST, version: list.version, rowCount: list.agencies.length })
      .onConflictDoUpdate({
        target: referenceLists.name,
        set: { version: list.version, rowCount: list.agencies.length, loadedAt: new Date() },
      });
    return { loaded: true, version: list.version, count: list.agencies.length, unlisted: unlistedRows[0]?.n ?? 0 };
  });
}

/** Many rows per statement, as one JSON parameter expanded by json_to_recordset: fast on both drivers. */
async function writeAgencies(tx: Executor, list: DirectoryFile) {
  for (let i = 0; i < list.agencies.length; i += AGENCY_BATCH) {
    const batch = list.agencies.slice(i, i + AGENCY_BATCH).map((a) => ({
      ori: a.ori,
      name: a.name,
      fbi_name: a.fbiName,
      directory_type: a.directoryType,
      agency_type: a.agencyType,
      state: a.state,
      jurisdiction_code: a.jurisdictionCode,
      counties: a.counties,
      latitude: a.latitude,
      longitude: a.longitude,
      is_nibrs: a.isNibrs,
      nibrs_since: a.nibrsSince,
      sub_unit: a.subUnit,
      in_cde_2025: a.inCde2025,
      in_cde_2018: a.inCde2018,
    }));
    await tx.execute(sql`
      insert into directory_agencies (ori, name, fbi_name, directory_type, agency_type, state, jurisdiction_code, counties,
        latitude, longitude, is_nibrs, nibrs_since, sub_unit, in_cde_2025, in_cde_2018, listed, list_version)
      select r.ori, r.name, r.fbi_name, r.directory_type, r.agency_type::agency_type, r.state, r.jurisdiction_code, r.counties,
        r.latitude, r.longitude, r.is_nibrs, r.nibrs_since, r.sub_unit, r.in_cde_2025, r.in_cde_2018, true, ${list.version}
      from json_to_recordset(${JSON.stringify(batch)}::json) as r(ori text, name text, fbi_name text, directory_type text,
        agency_type text, state text, jurisdiction_code text, counties text[], latitude double precision,
        longitude double precision, is_nibrs boolean, nibrs_since date, sub_unit boolean, in_cde_2025 boolean, in_cde_2018 boolean)
      on conflict (ori) do update set name = excluded.name, fbi_name = excluded.fbi_name,
        directory_type = excluded.directory_type, agency_type = excluded.agency_type, state = excluded.state,
        jurisdiction_code = excluded.jurisdiction_code, counties = excluded.counties, latitude = excluded.latitude,
        longitude = excluded.longitude, is_nibrs = excluded.is_nibrs, nibrs_since = excluded.nibrs_since,
        sub_unit = excluded.sub_unit, in_cde_2025 = excluded.in_cde_2025, in_cde_2018 = excluded.in_cde_2018,
        listed = true, list_version = excluded.list_version`);
  }
}
