import { and, eq, inArray } from "drizzle-orm";
import { agencies, directoryAgencies } from "../../db/schema";
import { directoryStatus as readStatus, stateName } from "../../db/seed/directory";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { DirectoryType } from "./directory/clean";
import { buildIndex, searchIndex, type DirectoryIndex } from "./directory/index";
import type { AgencyType } from "../../db/schema/values";

/** The directory's version and count as the database holds them (null before the first load). */
export function directoryStatus(db: Executor = defaultDb) {
  return readStatus(db);
}

export interface DirectoryHit {
  ori: string;
  name: string;
  directoryType: DirectoryType;
  agencyType: AgencyType;
  state: string;
  counties: string[];
  jurisdictionCode: string | null;
  /** The viewer's organization's agency linked to this ORI, if it has one. */
  agencyId: string | null;
}

export interface DirectorySearch {
  q: string;
  /** A two-letter state code to search within. */
  state?: string;
  limit?: number;
  offset?: number;
}

// One index per process, rebuilt when the database holds another version of the list.
let cached: { index: DirectoryIndex; checkedAt: number } | null = null;
let building: Promise<DirectoryIndex | null> | null = null;
const RECHECK_MS = 60_000;

async function buildFromDatabase(db: Executor): Promise<DirectoryIndex | null> {
  const status = await readStatus(db);
  if (!status) return null;
  if (cached?.index.version === status.version) {
    cached.checkedAt = Date.now();
    return cached.index;
  }
  const rows = await db
    .select({
      ori: directoryAgencies.ori,
      name: directoryAgencies.name,
      state: directoryAgencies.state,
      counties: directoryAgencies.counties,
      inCde2025: directoryAgencies.inCde2025,
    })
    .from(directoryAgencies)
    .where(eq(directoryAgencies.listed, true))
    .orderBy(directoryAgencies.ori);
  const index = buildIndex(status.version, rows, stateName);
  cached = { index, checkedAt: Date.now() };
  return index;
}

/** The word index, built on first use (and again once a minute has passed, if the list's version changed). */
export async function directoryIndex(db: Executor = defaultDb): Promise<DirectoryIndex | null> {
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.index;
  building ??= buildFromDatabase(db).finally(() => {
    building = null;
  });
  return building;
}

/** Forget the index (tests that load another list, the loader after an update in this process). */
export function resetDirectoryIndex() {
  cached = null;
}

/**
 * Directory agencies matching every word of the query (in any order) by name, place, county, state or ORI; a
 * word may be the start of a longer one ("sherif" finds Sheriff's) or a small typo away ("oaklnd").
 */
export async function searchDirectory(
  organizationId: string | null,
  search: DirectorySearch,
  db: Executor = defaultDb,
): Promise<{ hits: DirectoryHit[]; total: number; words: string[] }> {
  const index = await directoryIndex(db);
  if (!index) return { hits: [], total: 0, words: [] };
  const limit = Math.min(Math.max(search.limit ?? 20, 1), 100);
  const offset = Math.max(search.offset ?? 0, 0);
  const state = search.state && /^[A-Za-z]{2}$/.test(search.state) ? search.state : undefined;
  const found = searchIndex(index, search.q, { state, limit, offset });
  if (found.hits.length === 0) return { hits: [], total: found.total, words: found.words };
  const oris = found.hits.map((h) => h.ori);
  const [rows, linked] = await Promise.all([
    db
      .select({
        ori: directoryAgencies.ori,
        name: directoryAgencies.name,
        directoryType: directoryAgencies.directoryType,
        agencyType: directoryAgencies.agencyType,
        state: directoryAgencies.state,
        counties: directoryAgencies.counties,
        jurisdictionCode: directoryAgencies.jurisdictionCode,
      })
      .from(directoryAgencies)
      .where(inArray(directoryAgencies.ori, oris)),
    organizationId
      ? db
          .select({ id: agencies.id, ori: agencies.ori })
          .from(agencies)
          .where(and(eq(agencies.organizationId, organizationId), inArray(agencies.ori, oris)))
      : Promise.resolve([]),
  ]);
  const byOri = new Map(rows.map((r) => [r.ori, r]));
  const own = new Map(linked.map((l) => [l.ori, l.id]));
  const hits = oris.flatMap((ori) => {
    const r = byOri.get(ori);
    return r ? [{ ...r, directoryType: r.directoryType as DirectoryType, agencyId: own.get(ori) ?? null }] : [];
  });
  return { hits, total: found.total, words: found.words };
}

export async function getDirectoryAgency(organizationId: string | null, ori: string, db: Executor = defaultDb) {
  const code = ori.trim().toUpperCase();
  if (!/^[A-Z0-9]{9}$/.test(code)) return null;
  const [row] = await db
    .select({
      ori: directoryAgencies.ori,
      name: directoryAgencies.name,
      fbiName: directoryAgencies.fbiName,
      directoryType: directoryAgencies.directoryType,
      agencyType: directoryAgencies.agencyType,
      state: directoryAgencies.state,
      jurisdictionCode: directoryAgencies.jurisdictionCode,
      counties: directoryAgencies.counties,
      latitude: directoryAgencies.latitude,
      longitude: directoryAgencies.longitude,
      isNibrs: directoryAgencies.isNibrs,
      nibrsSince: directoryAgencies.nibrsSince,
      subUnit: directoryAgencies.subUnit,
      listed: directoryAgencies.listed,
      inCde2025: directoryAgencies.inCde2025,
      inCde2018: directoryAgencies.inCde2018,
    })
    .from(directoryAgencies)
    .where(eq(directoryAgencies.ori, code))
    .limit(1);
  if (!row) return null;
  const [own] = organizationId
    ? await db
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.organizationId, organizationId), eq(agencies.ori, code)))
        .limit(1)
    : [];
  return { ...row, directoryType: row.directoryType as DirectoryType, agencyId: own?.id ?? null };
}
