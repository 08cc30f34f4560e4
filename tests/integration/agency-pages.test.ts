import { randomUUID } from "node:crypto";
import { and, eq, ilike, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, jurisdictions } from "../../db/schema";
import { encodePlaceCursor, PLACE_PAGE_SIZE } from "~/domain/place-list-input";
import { createAgency, createLocalJurisdiction, pageAgencies, pageJurisdictions } from "~/domain/places.server";
import * as agenciesIndex from "~/routes/agencies._index";
import * as jurisdictionsIndex from "~/routes/jurisdictions._index";
import * as apiAgencies from "~/routes/api.v1.agencies";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";

// /agencies, /jurisdictions and GET /api/v1/agencies answer one bounded page at a time: keyset pages in a
// stable order (jurisdiction or state name, name, id), every row exactly once, counts for the page's rows only,
// nothing of another organization, and a 400 naming the field for a bad cursor, q or pageSize.

type Org = Awaited<ReturnType<typeof makeOrganization>>;
type AgencyRow = { id: string; name: string; jurisdictionName: string; openRequests: number };
type PageJson<Row> = { rows: Row[]; total: number; totalExact: boolean; nextCursor: string | null; prevCursor: string | null };

// Names differ first in an upper-case letter or a digit after a shared prefix, so every collation sorts them alike.
const P = `Pgx${randomUUID().slice(0, 6)}`;
const PLACES = ["Aberdeen", "Bexley", "Carver", "Dunmore"];
const AGENCIES_PER_PLACE = 12;

let a: Org;
let b: Org;
let stateIds: Record<string, string>;
/** Open requests made per agency of A. */
const openMade = new Map<string, number>();

/** The oracle: every agency the organization owns (whose name has `q`), read straight from the table. */
async function ownAgencyRows(viewer: Org["viewer"], q?: string) {
  return db
    .select({ id: agencies.id, name: agencies.name, jurisdictionName: jurisdictions.name })
    .from(agencies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .where(and(eq(agencies.organizationId, viewer.organizationId), q ? ilike(agencies.name, `%${q}%`) : undefined));
}

async function stateId(code: string) {
  const [row] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(and(eq(jurisdictions.code, code), isNull(jurisdictions.organizationId)));
  return row!.id;
}

async function seed(org: Org, label: string) {
  // Bexley twice, in two states: same place name, and the same agency names in both (the id breaks the tie).
  const places: { id: string; name: string }[] = [];
  for (const [name, state] of [...PLACES.map((p) => [p, "PA"] as const), ["Bexley", "OH"] as const]) {
    const created = await createLocalJurisdiction(org.viewer, { name: `${P} ${name}`, kind: "city", stateId: stateIds[state]! });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    places.push({ id: created.value.id, name: `${P} ${name}` });
  }
  const ids: string[] = [];
  for (const place of places) {
    for (let i = 0; i < AGENCIES_PER_PLACE; i++) {
      const created = await createAgency(org.viewer, { name: `${P} ${label} Agency ${String(i).padStart(2, "0")}`, type: "police", jurisdictionId: place.id });
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      ids.push(created.value.id);
    }
  }
  return { places, ids };
}

const byKeys = (x: { k1: string; k2: string; id: string }, y: { k1: string; k2: string; id: string }) =>
  x.k1 < y.k1 ? -1 : x.k1 > y.k1 ? 1 : x.k2 < y.k2 ? -1 : x.k2 > y.k2 ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;

beforeAll(async () => {
  stateIds = { PA: await stateId("PA"), OH: await stateId("OH") };
  a = await makeOrganization("Keyset A");
  b = await makeOrganization("Keyset B");
  const seededA = await seed(a, "North");
  await seed(b, "North");
  // One state-level agency of A (in Pennsylvania itself).
  const statePolice = await createAgency(a.viewer, { name: `${P} North State Police`, type: "police", jurisdictionId: stateIds.PA! });
  if (!statePolice.ok) throw new Error("state police");
  // Open requests to some of A's agencies (1, 2 or 3 each), a draft (not open) to another; B's to its own.
  for (const [index, agencyId] of seededA.ids.entries()) {
    if (index % 7 === 0) {
      const n = (index % 3) + 1;
      for (let i = 0; i < n; i++) await makeRequest(a.viewer, agencyId, { initialStatus: "submitted" });
      openMade.set(agencyId, n);
    }
  }
  await makeRequest(a.viewer, seededA.ids[1]!, { initialStatus: "draft" });
  const bAgencies = await ownAgencyRows(b.viewer, P);
  for (const agency of bAgencies.slice(0, 3)) await makeRequest(b.viewer, agency.id, { initialStatus: "submitted" });
}, 120_000);

describe("agency pages", () => {
  it("pages through the organization's agencies, each once, in order, with the page's open requests", async () => {
    const all = await ownAgencyRows(a.viewer);
    const expected = all.map((r) => ({ k1: r.jurisdictionName, k2: r.name, id: r.id })).sort(byKeys);
    expect(expected.length).toBe(PLACES.length * AGENCIES_PER_PLACE + AGENCIES_PER_PLACE + 2);
    const bIds = new Set((await ownAgencyRows(b.viewer)).map((r) => r.id));

    const seen: AgencyRow[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await pageAgencies(a.viewer, { pageSize: 7, cursor: cursor ? decode(cursor) : undefined });
      expect(page.rows.length).toBeLessThanOrEqual(7);
      expect(page.total).toBe(expected.length);
      expect(page.totalExact).toBe(true);
      if (pages > 0) expect(page.prevCursor).not.toBeNull();
      else expect(page.prevCursor).toBeNull();
      seen.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(seen.some((r) => bIds.has(r.id))).toBe(false);
    for (const row of seen) expect(row.openRequests, row.name).toBe(openMade.get(row.id) ?? 0);
    expect([...openMade.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
  });

  it("goes back a page with prevCursor, and searches by part of the name", async () => {
    const first = await pageAgencies(a.viewer, { q: `${P} north agency 0`, pageSize: 5 });
    // Ten names end in 00-09 in each of 5 places.
    expect(first.total).toBe(50);
    const second = await pageAgencies(a.viewer, { q: `${P} north agency 0`, pageSize: 5, cursor: decode(first.nextCursor!) });
    const back = await pageAgencies(a.viewer, { q: `${P} north agency 0`, pageSize: 5, cursor: decode(second.prevCursor!) });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.prevCursor).toBeNull();
    expect(second.rows.every((r) => / Agency 0\d$/.test(r.name))).toBe(true);
    expect((await pageAgencies(a.viewer, { q: "100%_" })).rows).toEqual([]);
  });

  it("/agencies shows 50 a page, the next page, and refuses a bad cursor or search with 400 naming it", async () => {
    const cookie = await cookieFor(a.admin.id);
    const load = async (url: string) => {
      const response = await callRoute(agenciesIndex.loader, { url, cookie });
      return { status: response.status, body: (await response.json()) as { errors: Record<string, string> | null; page: PageJson<AgencyRow> | null } };
    };
    const first = await load(`/agencies?q=${P}`);
    expect(first.status).toBe(200);
    expect(first.body.page!.rows).toHaveLength(PLACE_PAGE_SIZE);
    expect(first.body.page!.total).toBe(PLACES.length * AGENCIES_PER_PLACE + AGENCIES_PER_PLACE + 1);
    const second = await load(`/agencies?q=${P}&cursor=${first.body.page!.nextCursor}`);
    expect(second.status).toBe(200);
    const ids = [...first.body.page!.rows, ...second.body.page!.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(first.body.page!.total);
    expect(second.body.page!.nextCursor).toBeNull();

    for (const cursor of ["nonsense", encodePlaceCursor({ list: "jurisdictions", before: false, keys: ["a", "b"], id: randomUUID() }), "x".repeat(3000)]) {
      const bad = await load(`/agencies?cursor=${encodeURIComponent(cursor)}`);
      expect(bad.status, cursor.slice(0, 20)).toBe(400);
      expect(Object.keys(bad.body.errors!)).toEqual(["cursor"]);
    }
    const longQ = await load(`/agencies?q=${"x".repeat(201)}`);
    expect(longQ.status).toBe(400);
    expect(Object.keys(longQ.body.errors!)).toEqual(["q"]);
    // A NUL character is refused before the loader, naming the parameter.
    const nul = await callRoute(agenciesIndex.loader, { url: `/agencies?q=${encodeURIComponent("a\u0000b")}`, cookie });
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain("q");

    // B sees none of A's agencies, whatever it searches.
    const bResponse = await callRoute(agenciesIndex.loader, { url: `/agencies?q=${P}`, cookie: await cookieFor(b.admin.id) });
    const bPage = ((await bResponse.json()) as { page: PageJson<AgencyRow> }).page;
    const aIds = new Set((await ownAgencyRows(a.viewer)).map((r) => r.id));
    expect(bPage.rows.length).toBeGreaterThan(0);
    expect(bPage.rows.some((r) => aIds.has(r.id))).toBe(false);
  });

  it("GET /api/v1/agencies answers own as keyset pages with pageSize, and 400 for a bad cursor or pageSize", async () => {
    const cookie = await cookieFor(a.admin.id);
    const get = async (url: string) => {
      const response = await callRoute(apiAgencies.loader as never, { url, cookie });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const expected = (await ownAgencyRows(a.viewer, P)).map((r) => ({ k1: r.jurisdictionName, k2: r.name, id: r.id })).sort(byKeys);
    const first = await get(`/api/v1/agencies?q=${P}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ownTotal: expected.length, ownTotalExact: true, pageSize: 25, prevCursor: null });
    expect((first.body.own as unknown[]).length).toBe(25);
    expect((first.body.own as Record<string, unknown>[])[0]).toEqual({
      id: expected[0]!.id,
      name: expected[0]!.k2,
      type: "police",
      jurisdiction: { id: expect.any(String), name: expected[0]!.k1, state: expect.any(String) },
      recordsContactEmail: null,
      openRequests: openMade.get(expected[0]!.id) ?? 0,
    });
    const seen: string[] = [];
    let url: string | null = `/api/v1/agencies?q=${P}&pageSize=11`;
    while (url) {
      const page = await get(url);
      expect(page.status).toBe(200);
      seen.push(...(page.body.own as { id: string }[]).map((r) => r.id));
      url = page.body.nextCursor ? `/api/v1/agencies?q=${P}&pageSize=11&cursor=${page.body.nextCursor}` : null;
    }
    expect(seen).toEqual(expected.map((r) => r.id));

    const badCursor = await get("/api/v1/agencies?cursor=abc");
    expect(badCursor.status).toBe(400);
    expect(Object.keys(badCursor.body.fieldErrors as object)).toEqual(["cursor"]);
    for (const size of ["0", "101", "two"]) {
      const bad = await get(`/api/v1/agencies?pageSize=${size}`);
      expect(bad.status, size).toBe(400);
      expect(Object.keys(bad.body.fieldErrors as object)).toEqual(["pageSize"]);
    }
  });
});

describe("jurisdiction pages", () => {
  it("pages through the organization's local places, each once, in order, with agency counts; states counted too", async () => {
    const expectedRows = await db
      .select({ id: jurisdictions.id, name: jurisdictions.name, stateId: jurisdictions.stateId })
      .from(jurisdictions)
      .where(eq(jurisdictions.organizationId, a.org.id));
    const stateNames: Record<string, string> = { [stateIds.PA!]: "Pennsylvania", [stateIds.OH!]: "Ohio" };
    const expected = expectedRows.map((r) => ({ k1: stateNames[r.stateId!]!, k2: r.name, id: r.id })).sort(byKeys);
    expect(expected).toHaveLength(PLACES.length + 2);

    const seen: { id: string; name: string; agencyCount: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { local, stateLevel } = await pageJurisdictions(a.viewer, { pageSize: 2, cursor: cursor ? decode(cursor, "jurisdictions") : undefined });
      expect(local.total).toBe(expected.length);
      seen.push(...local.rows);
      cursor = local.nextCursor;
      if (pages === 0) {
        expect(stateLevel.find((s) => s.code === "PA")?.agencyCount).toBe(1);
        expect(stateLevel.find((s) => s.code === "OH")?.agencyCount).toBe(0);
        expect(stateLevel.length).toBeGreaterThanOrEqual(51);
      }
      pages++;
    } while (cursor && pages < 20);
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    for (const row of seen) expect(row.agencyCount, row.name).toBe(row.name.startsWith(P) ? AGENCIES_PER_PLACE : 1);
  });

  it("/jurisdictions searches, pages, hides other organizations' places, and refuses a bad cursor with 400", async () => {
    const cookie = await cookieFor(a.admin.id);
    const load = async (url: string, c = cookie) => {
      const response = await callRoute(jurisdictionsIndex.loader, { url, cookie: c });
      return { status: response.status, body: (await response.json()) as { errors: Record<string, string> | null; local: PageJson<{ id: string; name: string }> | null } };
    };
    const bexley = await load(`/jurisdictions?q=${P}%20bexley`);
    expect(bexley.status).toBe(200);
    expect(bexley.body.local!.rows.map((r) => r.name)).toEqual([`${P} Bexley`, `${P} Bexley`]);
    expect(bexley.body.local!.total).toBe(2);
    const bPlaces = await load(`/jurisdictions?q=${P}`, await cookieFor(b.admin.id));
    const aIds = new Set((await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.organizationId, a.org.id))).map((r) => r.id));
    expect(bPlaces.body.local!.rows).toHaveLength(PLACES.length + 1);
    expect(bPlaces.body.local!.rows.some((r) => aIds.has(r.id))).toBe(false);

    const agencyCursor = encodePlaceCursor({ list: "agencies", before: false, keys: ["a", "b"], id: randomUUID() });
    for (const cursor of ["%%%", agencyCursor]) {
      const bad = await load(`/jurisdictions?cursor=${encodeURIComponent(cursor)}`);
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors!)).toEqual(["cursor"]);
    }
  });
});

function decode(text: string, list: "agencies" | "jurisdictions" = "agencies") {
  const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as string[];
  expect(parsed[0]).toBe(list === "agencies" ? "ag" : "ju");
  return { list, before: parsed[1] === "b", keys: [parsed[2]!, parsed[3]!] as [string, string], id: parsed[4]! };
}
