import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, directoryAgencies, jurisdictions, requests } from "../../db/schema";
import { DIRECTORY_FILE, directoryStatus, loadDirectory } from "../../db/seed/directory";
import { agencyFromDirectory, linkAgencyToDirectory, suggestDirectoryMatches } from "~/domain/directory-links.server";
import { resetDirectoryIndex, searchDirectory } from "~/domain/directory.server";
import { createAgency } from "~/domain/places.server";
import { createRequest } from "~/domain/requests.server";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, freshViewer, makeOrganization, TODAY } from "./factories";

const FULL_COUNT = 20379;

beforeAll(async () => {
  await loadDirectory(db);
  resetDirectoryIndex();
}, 120_000);

afterAll(async () => {
  // Leave the shipped list in place for whatever runs next on this database.
  await loadDirectory(db);
  resetDirectoryIndex();
}, 120_000);

describe("loading the shipped directory", () => {
  it("holds every agency once, with its version and count recorded", async () => {
    const status = await directoryStatus(db);
    expect(status).toMatchObject({ count: FULL_COUNT, version: expect.stringMatching(/^fbi-cde-[0-9a-f]{12}$/) });
    const rows = await db.select({ ori: directoryAgencies.ori }).from(directoryAgencies).where(eq(directoryAgencies.listed, true));
    expect(rows).toHaveLength(FULL_COUNT);
  });

  it("shows its version and count in /healthz", async () => {
    const { loader } = await import("~/routes/healthz");
    const status = await directoryStatus(db);
    const response = await callRoute(loader as never, { url: "/healthz" });
    expect(await response.json()).toMatchObject({ ok: true, directory: { version: status!.version, agencies: FULL_COUNT } });
  });

  it("does nothing on a second start", async () => {
    const before = await directoryStatus(db);
    const again = await loadDirectory(db);
    expect(again).toMatchObject({ loaded: false, count: FULL_COUNT, version: before!.version });
    expect((await directoryStatus(db))!.loadedAt.getTime()).toBe(before!.loadedAt.getTime());
  });

  it("handles the list's known problems", async () => {
    const [hastings] = await db.select().from(directoryAgencies).where(eq(directoryAgencies.ori, "NB0010100"));
    expect(hastings).toMatchObject({ state: "NE", jurisdictionCode: "NE" });
    const colon = await db.select({ name: directoryAgencies.name }).from(directoryAgencies).where(eq(directoryAgencies.subUnit, true));
    expect(colon.length).toBeGreaterThan(800);
    expect(colon.every((r) => !r.name.includes(":") || !r.name.endsWith(":"))).toBe(true);
    const [anchorage] = await db.select().from(directoryAgencies).where(eq(directoryAgencies.ori, "AK0010100"));
    expect(anchorage).toMatchObject({ name: "Anchorage Police Department", agencyType: "police", counties: ["Anchorage"] });
  });

  it("updates in place when a newer list ships, keeping linked agencies that the new list lacks", async () => {
    const org = await makeOrganization("Dir");
    const picked = await agencyFromDirectory(org.viewer, "AK0010200", db);
    expect(picked.ok).toBe(true);
    // A newer list: two agencies only, one renamed; every other ORI is no longer listed.
    const text = gunzipSync(readFileSync(DIRECTORY_FILE)).toString("utf8").split("\n");
    const header = text[0]!;
    const anchorage = text.find((l) => l.startsWith("AK0010100,"))!.replace("Anchorage Police Department", "Anchorage Police Dept");
    const juneau = text.find((l) => l.startsWith("AK0010300,"))!;
    const dir = mkdtempSync(path.join(tmpdir(), "directory-"));
    const file = path.join(dir, "newer.csv.gz");
    writeFileSync(file, gzipSync([header, anchorage, juneau, ""].join("\n")));
    const load = await loadDirectory(db, file);
    expect(load).toMatchObject({ loaded: true, count: 2, unlisted: FULL_COUNT - 2 });
    const [renamed] = await db.select().from(directoryAgencies).where(eq(directoryAgencies.ori, "AK0010100"));
    expect(renamed).toMatchObject({ name: "Anchorage Police Dept", listed: true });
    const [kept] = await db.select().from(directoryAgencies).where(eq(directoryAgencies.ori, "AK0010200"));
    expect(kept!.listed).toBe(false);
    resetDirectoryIndex();
    expect((await searchDirectory(null, { q: "fairbanks" }, db)).hits).toEqual([]);
    // And back to the shipped list: everything listed again.
    const back = await loadDirectory(db);
    expect(back).toMatchObject({ loaded: true, count: FULL_COUNT, unlisted: 0 });
    resetDirectoryIndex();
    expect((await searchDirectory(null, { q: "fairbanks police" }, db)).hits[0]!.ori).toBe("AK0010200");
  }, 120_000);
});

describe("searching the directory", () => {
  const first = async (q: string, state?: string) => (await searchDirectory(null, { q, state, limit: 5 }, db)).hits.map((h) => `${h.name} ${h.state}`);

  it("finds by name with short forms, any word order and small typos", async () => {
    expect((await first("oakland pd"))).toContain("Oakland Police Department CA");
    expect((await first("pd oakland"))).toContain("Oakland Police Department CA");
    expect((await first("oaklnd police"))).toContain("Oakland Police Department CA");
    expect((await first("sherif lane county", "OR"))[0]).toBe("Lane County Sheriff's Office OR");
  });

  it("finds by ORI, and by county and state", async () => {
    expect(await first("AK0010100")).toEqual(["Anchorage Police Department AK"]);
    expect((await first("fairbanks north star"))[0]).toMatch(/AK$/);
    expect((await first("oakland police california"))[0]).toBe("Oakland Police Department CA");
  });

  it("filters by state", async () => {
    const hits = (await searchDirectory(null, { q: "police", state: "VT", limit: 100 }, db)).hits;
    expect(hits.length).toBeGreaterThan(10);
    expect(hits.every((h) => h.state === "VT")).toBe(true);
  });
});

describe("organizations build on the directory", () => {
  it("picking a directory agency for a request creates the organization's agency with its ORI, once", async () => {
    const org = await makeOrganization("Pick");
    const created = await createRequest(org.viewer, { title: "Stops", description: "Stop data", directoryOri: "OR0200000", initialStatus: "draft", tags: [] }, TODAY, db);
    expect(created.ok).toBe(true);
    const [request] = await db.select({ agencyId: requests.agencyId }).from(requests).where(eq(requests.id, created.ok ? created.value.id : ""));
    const [agency] = await db.select().from(agencies).where(eq(agencies.id, request!.agencyId!));
    expect(agency).toMatchObject({ ori: "OR0200000", name: "Lane County Sheriff's Office", type: "sheriff", organizationId: org.org.id });
    const again = await agencyFromDirectory(org.viewer, "or0200000", db);
    expect(again).toEqual({ ok: true, value: { id: agency!.id, created: false } });
    // Another organization gets its own row.
    const other = await makeOrganization("Other");
    const theirs = await agencyFromDirectory(other.viewer, "OR0200000", db);
    expect(theirs.ok && theirs.value.id).not.toBe(agency!.id);
    expect(theirs.ok && theirs.value.created).toBe(true);
  });

  it("refuses ORIs the directory lacks, and territories without a law", async () => {
    const org = await makeOrganization("Refuse");
    expect(await agencyFromDirectory(org.viewer, "ZZ9999999", db)).toMatchObject({ ok: false, fieldErrors: { directoryOri: [expect.stringMatching(/No agency/)] } });
    const pr = await db.select({ ori: directoryAgencies.ori }).from(directoryAgencies).where(eq(directoryAgencies.state, "PR")).limit(1);
    expect(await agencyFromDirectory(org.viewer, pr[0]!.ori, db)).toMatchObject({ ok: false });
  });

  it("suggests directory matches for an existing agency and links it once a person confirms", async () => {
    const org = await makeOrganization("Link");
    const [caState] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.code, "CA"));
    const mine = await createAgency(org.viewer, { name: "Oakland Police Dept.", type: "police", jurisdictionId: caState!.id }, db);
    expect(mine.ok).toBe(true);
    const id = mine.ok ? mine.value.id : "";
    const suggestions = await suggestDirectoryMatches(org.viewer, id, db);
    expect(suggestions[0]).toMatchObject({ ori: "CA0010900", name: "Oakland Police Department" });
    expect(await linkAgencyToDirectory(org.viewer, id, "CA0010900", db)).toEqual({ ok: true, value: { id } });
    expect(await suggestDirectoryMatches(org.viewer, id, db)).toEqual([]);
    // Picking the same ORI later finds this agency, not a new one.
    expect(await agencyFromDirectory(org.viewer, "CA0010900", db)).toEqual({ ok: true, value: { id, created: false } });
  });
});

describe("directory pages", () => {
  it("the results page answers without JavaScript, and the JSON search refuses bad input with the field named", async () => {
    const { loader } = await import("~/routes/directory._index");
    const search = await import("~/routes/directory.search");
    const org = await makeOrganization("Page");
    const cookie = await cookieFor(org.admin.id);
    const page = await callRoute(loader as never, { url: "/directory?q=sherif+lane+county&state=OR", cookie });
    expect(page.status).toBe(200);
    const data = (await page.json()) as { total: number; hits: Array<{ ori: string }> };
    expect(data.hits[0]!.ori).toBe("OR0200000");
    const bad = await callRoute(search.loader as never, { url: "/directory/search?q=x&state=Oregon", cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/state/);
    const tooMany = await callRoute(search.loader as never, { url: "/directory/search?q=police&limit=5000", cookie });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/limit/);
    const good = await callRoute(search.loader as never, { url: "/directory/search?q=oakland+pd&limit=3", cookie });
    expect(((await good.json()) as { hits: Array<{ name: string }> }).hits.map((h) => h.name)).toContain("Oakland Police Department");
  });

  it("'Add to our agencies' creates the agency and redirects to it; the new-request form preselects it afterwards", async () => {
    const { action } = await import("~/routes/directory._index");
    const newRequest = await import("~/routes/requests.new");
    const org = await makeOrganization("Add");
    const cookie = await cookieFor(org.admin.id);
    const before = await callRoute(newRequest.loader as never, { url: "/requests/new?ori=AK0010300", cookie });
    expect(((await before.json()) as { directoryPick: { ori: string } | null }).directoryPick?.ori).toBe("AK0010300");
    const added = await callRoute(action as never, { url: "/directory", cookie, form: { intent: "add", ori: "ak0010300" } });
    expect(added.status).toBe(302);
    const [row] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.organizationId, org.org.id), eq(agencies.ori, "AK0010300")));
    expect(added.headers.get("Location")).toBe(`/agencies/${row!.id}`);
    const after = await callRoute(newRequest.loader as never, { url: "/requests/new?ori=AK0010300", cookie });
    expect(await after.json()).toMatchObject({ directoryPick: null, agency: { id: row!.id } });
    const bad = await callRoute(action as never, { url: "/directory", cookie, form: { intent: "add", ori: "nope" } });
    expect(bad.status).toBe(422);
  });

  it("a joint ask's target search offers directory agencies, added and picked in one click", async () => {
    const campaigns = await import("~/routes/campaigns.new");
    const directory = await import("~/routes/directory._index");
    const org = await makeOrganization("Joint");
    const cookie = await cookieFor(org.admin.id);
    const page = await callRoute(campaigns.loader as never, { url: "/campaigns/new?q=juneau+police", cookie });
    const data = (await page.json()) as { directoryHits: Array<{ ori: string; agencyId: string | null }> };
    expect(data.directoryHits[0]).toMatchObject({ ori: "AK0010300", agencyId: null });
    const added = await callRoute(directory.action as never, { url: "/directory?index", cookie, form: { intent: "add", ori: "AK0010300", returnTo: "/campaigns/new?q=juneau+police" } });
    expect(added.status).toBe(302);
    const [row] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.organizationId, org.org.id), eq(agencies.ori, "AK0010300")));
    expect(added.headers.get("Location")).toBe(`/campaigns/new?q=juneau+police&agency=${row!.id}`);
    const back = await callRoute(campaigns.loader as never, { url: added.headers.get("Location")!, cookie });
    expect(((await back.json()) as { preselected: string[] }).preselected).toEqual([row!.id]);
    const elsewhere = await callRoute(directory.action as never, { url: "/directory?index", cookie, form: { intent: "add", ori: "AK0010300", returnTo: "https://evil.example/" } });
    expect(elsewhere.status).toBe(422);
    expect(await elsewhere.text()).toMatch(/returnTo/);
  });

  it("the new-request form creates a request to a directory agency, and refuses one agency from each list", async () => {
    const { action } = await import("~/routes/requests.new");
    const org = await makeOrganization("Form");
    const cookie = await cookieFor(org.admin.id);
    const both = await callRoute(action as never, { url: "/requests/new", cookie, form: { title: "T", description: "D", agencyId: org.agencyId, directoryOri: "AK0010100", initialStatus: "draft", visibility: "coalition" } });
    expect(both.status).toBe(400);
    expect(JSON.stringify(await both.json())).toMatch(/directoryOri/);
    const made = await callRoute(action as never, { url: "/requests/new", cookie, form: { title: "T", description: "D", directoryOri: "AK0010100", initialStatus: "draft", visibility: "coalition" } });
    expect(made.status).toBe(302);
    const [linked] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(and(eq(agencies.organizationId, org.org.id), eq(agencies.ori, "AK0010100")));
    expect(linked!.name).toBe("Anchorage Police Department");
  });

  it("an agency page shows the directory facts and a coalition partner's visible request to the same ORI", async () => {
    const { loader } = await import("~/routes/agencies.$agencyId");
    const a = await makeOrganization("PartA");
    const b = await makeOrganization("PartB");
    await formCoalition(a, b);
    const aAgency = await agencyFromDirectory(await freshViewer(a.admin.id), "CA0010900", db);
    const bViewer = await freshViewer(b.admin.id);
    const made = await createRequest(bViewer, { title: "Partner ask", description: "D", directoryOri: "CA0010900", initialStatus: "draft", visibility: "coalition", tags: [] }, TODAY, db);
    expect(made.ok).toBe(true);
    const hidden = await createRequest(bViewer, { title: "Private ask", description: "D", directoryOri: "CA0010900", initialStatus: "draft", visibility: "private", tags: [] }, TODAY, db);
    expect(hidden.ok).toBe(true);
    const page = await callRoute(loader as never, { url: "/agencies/x", cookie: await cookieFor(a.admin.id), params: { agencyId: aAgency.ok ? aAgency.value.id : "" } });
    const data = (await page.json()) as { directory: { ori: string; nibrsSince: string | null; counties: string[] }; requests: { rows: Array<{ title: string }> } };
    expect(data.directory).toMatchObject({ ori: "CA0010900", counties: ["Alameda"] });
    expect(data.requests.rows.map((r) => r.title)).toEqual(["Partner ask"]);
    // The directory's own page for the ORI shows the same, to anyone of the coalition, linked or not.
    const directoryPage = await import("~/routes/directory.$ori");
    const c = await makeOrganization("PartC");
    const own = await callRoute(directoryPage.loader as never, { url: "/directory/CA0010900", cookie: await cookieFor(a.admin.id), params: { ori: "CA0010900" } });
    const ownData = (await own.json()) as { agency: { agencyId: string | null }; requests: { rows: Array<{ title: string }> } };
    expect(ownData.agency.agencyId).toBe(aAgency.ok ? aAgency.value.id : "");
    expect(ownData.requests.rows.map((r) => r.title)).toEqual(["Partner ask"]);
    const outsider = await callRoute(directoryPage.loader as never, { url: "/directory/CA0010900", cookie: await cookieFor(c.admin.id), params: { ori: "CA0010900" } });
    expect(((await outsider.json()) as { requests: { rows: unknown[] } }).requests.rows).toEqual([]);
    const missing = await callRoute(directoryPage.loader as never, { url: "/directory/ZZ9999999", cookie: await cookieFor(c.admin.id), params: { ori: "ZZ9999999" } });
    expect(missing.status).toBe(404);
  });
});

describe("the JSON API", () => {
  it("files a request to a directory agency by ORI, and names directoryOri when it is wrong", async () => {
    const api = await import("~/routes/api.v1.requests");
    const org = await makeOrganization("Api");
    const cookie = await cookieFor(org.admin.id);
    const made = await callRoute(api.action as never, { url: "/api/v1/requests", cookie, json: { title: "T", description: "D", directoryOri: "ak0010100" } });
    expect(made.status).toBe(201);
    expect(JSON.stringify(await made.json())).toContain("Anchorage Police Department");
    for (const [directoryOri, status] of [["AK00", 400], ["ZZ9999999", 400]] as const) {
      const bad = await callRoute(api.action as never, { url: "/api/v1/requests", cookie, json: { title: "T", description: "D", directoryOri } });
      expect(bad.status).toBe(status);
      expect(Object.keys(((await bad.json()) as { fieldErrors: Record<string, unknown> }).fieldErrors)).toContain("directoryOri");
    }
  });
});

describe("records contacts imported by ORI", () => {
  it("previews every row, imports all or nothing, creating agencies from the directory and updating linked ones", async () => {
    const { previewContactsImport, runContactsImport } = await import("~/domain/contacts-import.server");
    const org = await makeOrganization("Contacts");
    const linked = await agencyFromDirectory(org.viewer, "AK0010100", db);
    expect(linked.ok).toBe(true);
    const bad = "ori,records_contact_email\nAK0010100,records@muni.org\nZZ0000000,x@example.org\nAK0010100,again@example.org\nAK0010200,not-an-email\n";
    const preview = await previewContactsImport(org.viewer, bad, db);
    expect(preview.errors.map((e) => `${e.line}:${e.column}`)).toEqual(["3:ori", "4:ori", "5:records_contact_email"]);
    const refused = await runContactsImport(org.viewer, bad, db);
    expect(refused.ok).toBe(false);
    const [untouched] = await db.select({ email: agencies.recordsContactEmail }).from(agencies).where(eq(agencies.id, linked.ok ? linked.value.id : ""));
    expect(untouched!.email).toBeNull();

    const good = "ORI,records_contact_name,records_contact_email,portal_url\nAK0010100,Records Unit,records@muni.org,\nak0010200,,records@fairbanks.us,https://fairbanks.example/portal\n";
    const plan = await previewContactsImport(org.viewer, good, db);
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ rows: 2, created: 1, updated: 1 });
    const done = await runContactsImport(org.viewer, good, db);
    expect(done.ok).toBe(true);
    const rows = await db
      .select({ ori: agencies.ori, name: agencies.recordsContactName, email: agencies.recordsContactEmail, portal: agencies.portalUrl })
      .from(agencies)
      .where(eq(agencies.organizationId, org.org.id));
    expect(rows.filter((r) => r.ori).sort((a, b) => a.ori!.localeCompare(b.ori!))).toEqual([
      { ori: "AK0010100", name: "Records Unit", email: "records@muni.org", portal: null },
      { ori: "AK0010200", name: null, email: "records@fairbanks.us", portal: "https://fairbanks.example/portal" },
    ]);
  });
});

describe("recording a product's system at any directory agency", () => {
  it("finds the agency from the product page, adds it and opens the system form with the product chosen", async () => {
    const org = await makeOrganization("Recorder");
    const cookie = await cookieFor(org.admin.id);
    const { makeVendor, makeProduct } = await import("./factories");
    const vendorId = await makeVendor(org.viewer, "Record Vendor");
    const productId = await makeProduct(org.viewer, vendorId, "Record RMS");
    const productPage = await import("~/routes/products.$productId");
    const found = await callRoute(productPage.loader, { url: `/products/${productId}?agencyQ=oakland+pd`, params: { productId }, cookie });
    expect(found.status).toBe(200);
    const data = (await found.json()) as { recordHits: { ori: string; name: string; agencyId: string | null; state: string }[] };
    const oakland = data.recordHits.find((h) => h.state === "CA" && /oakland/i.test(h.name));
    expect(oakland, JSON.stringify(data.recordHits.slice(0, 3))).toBeDefined();
    expect(oakland!.agencyId).toBeNull();

    const directoryPage = await import("~/routes/directory._index");
    const added = await callRoute(directoryPage.action, { url: "/directory", cookie, form: { intent: "add", ori: oakland!.ori, recordProduct: productId } });
    expect(added.status).toBe(302);
    const location = added.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/agencies/[0-9a-f-]{36}/systems/new\\?product=${productId}$`));
    const agencyId = location.split("/")[2]!;

    const systemsNew = await import("~/routes/agencies.$agencyId_.systems.new");
    const form = await callRoute(systemsNew.loader, { url: location, params: { agencyId }, cookie });
    expect(((await form.json()) as { preselected: { id: string } | null }).preselected?.id).toBe(productId);
    // The agency found again now links straight to its system form.
    const again = (await (await callRoute(productPage.loader, { url: `/products/${productId}?agencyQ=oakland+pd`, params: { productId }, cookie })).json()) as {
      recordHits: { ori: string; agencyId: string | null }[];
    };
    expect(again.recordHits.find((h) => h.ori === oakland!.ori)?.agencyId).toBe(agencyId);
  });
});
