import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requestEvents, requests } from "../../db/schema";
import { applyBulk, parseBulkChange } from "~/domain/bulk-changes.server";
import { bulkTargetSchema } from "~/domain/bulk-input";
import { parseRequestFilters } from "~/domain/request-input";
import { changeStatus, listRequests, updateRequest } from "~/domain/requests.server";
import { listSavedViews } from "~/domain/saved-views.server";
import * as bulkRoute from "~/routes/requests.bulk";
import * as exportRoute from "~/routes/requests.export[.]csv";
import * as viewsRoute from "~/routes/requests.views";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, freshViewer, makeMember, makeOrganization, makeRequest, TODAY } from "./factories";

// The requests list grown up: changes to many requests at once (ticked, or every match of the filters), saved
// views, and the CSV export, each through its route as a browser sends it.

type Org = Awaited<ReturnType<typeof makeOrganization>>;

const bulk = (cookie: string, form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return callRoute(bulkRoute.action as never, {
    url: "/requests/bulk",
    cookie,
    body: body.toString(),
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
};

async function eventsOf(ids: string[], kind: string) {
  return db
    .select({ requestId: requestEvents.requestId })
    .from(requestEvents)
    .where(and(inArray(requestEvents.requestId, ids), eq(requestEvents.kind, kind as never)));
}

async function rowsOf(ids: string[]) {
  return db.select().from(requests).where(inArray(requests.id, ids));
}

async function tagRequests(org: Org, ids: string[], tags: string[]) {
  for (const id of ids) {
    const [row] = await rowsOf([id]);
    const edited = await updateRequest(org.viewer, id, {
      title: row!.title,
      description: row!.description,
      agencyId: row!.agencyId ?? undefined,
      requesterId: row!.requesterId,
      tags,
    } as never);
    if (!edited?.ok) throw new Error(JSON.stringify(edited));
  }
}

let a: Org;
let b: Org;
let aCookie: string;
let bCookie: string;

beforeAll(async () => {
  a = await makeOrganization("Bulk A");
  b = await makeOrganization("Bulk B");
  aCookie = await cookieFor(a.admin.id);
  bCookie = await cookieFor(b.admin.id);
});

describe("bulk changes on ticked requests", () => {
  it("reviews, then adds a tag to each, one timeline entry per request", async () => {
    const ids = [(await makeRequest(a.viewer, a.agencyId)).id, (await makeRequest(a.viewer, a.agencyId)).id, (await makeRequest(a.viewer, a.agencyId)).id];
    const review = await bulk(aCookie, { intent: "review", change: "add-tags", scope: "selected", requestIds: ids, tags: "Priority, audit" });
    expect(review.status).toBe(200);
    const reviewed = (await review.json()) as { stage: string; preview: { own: number; sample: unknown[] }; description: string };
    expect(reviewed.stage).toBe("review");
    expect(reviewed.preview.own).toBe(3);
    expect(reviewed.description).toContain("“priority”");
    // Reviewing changes nothing.
    expect((await rowsOf(ids)).every((r) => !r.tags.includes("priority"))).toBe(true);

    const before = await eventsOf(ids, "edited");
    const applied = await bulk(aCookie, { intent: "apply", change: "add-tags", scope: "selected", requestIds: ids, tags: "Priority, audit", filter: "status=draft" });
    expect(applied.status).toBe(302);
    expect(applied.headers.get("Location")).toBe("/requests?status=draft");
    for (const row of await rowsOf(ids)) expect(row.tags).toEqual(["stops", "priority", "audit"]);
    const after = await eventsOf(ids, "edited");
    expect(after.length - before.length).toBe(3);
    expect(new Set(after.map((e) => e.requestId))).toEqual(new Set(ids));

    // Again: already so, nothing more on the timelines. Then removing.
    await bulk(aCookie, { intent: "apply", change: "add-tags", scope: "selected", requestIds: ids, tags: "priority" });
    expect((await eventsOf(ids, "edited")).length).toBe(after.length);
    await bulk(aCookie, { intent: "apply", change: "remove-tags", scope: "selected", requestIds: ids.slice(0, 2), tags: "audit" });
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.tags.includes("audit")).map((r) => r.id)).toEqual([ids[2]]);
  });

  it("changes the status where the move is allowed and reports the others skipped", async () => {
    const submitted = [(await makeRequest(a.viewer, a.agencyId, { initialStatus: "submitted" })).id, (await makeRequest(a.viewer, a.agencyId, { initialStatus: "submitted" })).id];
    const draft = (await makeRequest(a.viewer, a.agencyId)).id;
    const target = bulkTargetSchema.parse({ change: "change-status", scope: "selected", requestIds: [...submitted, draft] });
    const change = await parseBulkChange(a.viewer, "change-status", new URLSearchParams({ status: "acknowledged" }), TODAY);
    if (!change.ok) throw new Error(JSON.stringify(change.fieldErrors));
    const report = await applyBulk(a.viewer, target, null, change.change, { today: TODAY, ipAddress: null });
    expect(report).toMatchObject({ changed: 2, skipped: 1, unchanged: 0, notFound: 0, shared: 0 });
    expect(report.skippedExamples[0]!.reason).toContain("can't move from Draft to Acknowledged");
    const rows = await rowsOf([...submitted, draft]);
    expect(rows.filter((r) => r.status === "acknowledged").map((r) => r.id).sort()).toEqual([...submitted].sort());
    expect((await eventsOf(submitted, "status_changed")).length).toBe(2);
    expect((await eventsOf([draft], "status_changed")).length).toBe(0);

    // Through the route: a status the schema doesn't know is a 400 naming the field, nothing changed.
    const bad = await bulk(aCookie, { intent: "review", change: "change-status", requestIds: submitted, status: "lost" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.status).toBeTruthy();
  });

  it("skips what an advocate may not do (assigning to someone else), as a request's page does", async () => {
    const advocate = await makeMember(a, "advocate");
    const ids = [(await makeRequest(a.viewer, a.agencyId)).id, (await makeRequest(a.viewer, a.agencyId)).id];
    const target = bulkTargetSchema.parse({ change: "assign", requestIds: ids });
    const toAdmin = await parseBulkChange(advocate.viewer, "assign", new URLSearchParams({ assigneeId: a.admin.id }), TODAY);
    if (!toAdmin.ok) throw new Error("parse");
    expect(await applyBulk(advocate.viewer, target, null, toAdmin.change, { today: TODAY, ipAddress: null })).toMatchObject({ changed: 0, skipped: 2 });
    const toSelf = await parseBulkChange(advocate.viewer, "assign", new URLSearchParams({ assigneeId: advocate.id }), TODAY);
    if (!toSelf.ok) throw new Error("parse");
    expect(await applyBulk(advocate.viewer, target, null, toSelf.change, { today: TODAY, ipAddress: null })).toMatchObject({ changed: 2, skipped: 0 });
    expect((await eventsOf(ids, "assignment_changed")).length).toBe(2);
  });

  it("changes who can see them and the next action date, one entry each; public is refused in bulk", async () => {
    const ids = [(await makeRequest(a.viewer, a.agencyId)).id, (await makeRequest(a.viewer, a.agencyId)).id];
    expect((await bulk(aCookie, { intent: "apply", change: "set-visibility", requestIds: ids, visibility: "private" })).status).toBe(302);
    expect((await rowsOf(ids)).every((r) => r.visibility === "private")).toBe(true);
    expect((await eventsOf(ids, "visibility_changed")).length).toBe(2);
    const publish = await bulk(aCookie, { intent: "review", change: "set-visibility", requestIds: ids, visibility: "public" });
    expect(publish.status).toBe(400);
    expect(((await publish.json()) as { errors: Record<string, string[]> }).errors.visibility![0]).toContain("own page");
    expect((await bulk(aCookie, { intent: "apply", change: "set-next-action", requestIds: ids, nextActionOn: "2026-12-01" })).status).toBe(302);
    expect((await rowsOf(ids)).map((r) => r.nextActionOn)).toEqual(["2026-12-01", "2026-12-01"]);
    const edits = await eventsOf(ids, "edited");
    expect(edits.length).toBe(2);
    // Cleared again.
    await bulk(aCookie, { intent: "apply", change: "set-next-action", requestIds: ids, nextActionOn: "" });
    expect((await rowsOf(ids)).map((r) => r.nextActionOn)).toEqual([null, null]);
  });

  it("a viewer may not change requests at all (403)", async () => {
    const viewerMember = await makeMember(a, "viewer");
    const id = (await makeRequest(a.viewer, a.agencyId)).id;
    const response = await bulk(viewerMember.cookie, { intent: "apply", change: "add-tags", requestIds: [id], tags: "x" });
    expect(response.status).toBe(403);
    expect((await rowsOf([id]))[0]!.tags).toEqual(["stops"]);
  });

  it("never touches another organization's requests, whatever ids are posted", async () => {
    const theirs = (await makeRequest(b.viewer, b.agencyId, { initialStatus: "submitted" })).id;
    const before = await rowsOf([theirs]);
    const eventsBefore = await db.select().from(requestEvents).where(eq(requestEvents.requestId, theirs));
    const review = await bulk(aCookie, { intent: "review", change: "change-status", requestIds: [theirs], status: "withdrawn" });
    expect(((await review.json()) as { preview: { own: number; notFound: number; sample: unknown[] } }).preview).toMatchObject({ own: 0, notFound: 1, sample: [] });
    for (const [change, extra] of [
      ["change-status", { status: "withdrawn" }],
      ["add-tags", { tags: "hijacked" }],
      ["assign", { assigneeId: "" }],
      ["set-visibility", { visibility: "private" }],
      ["set-next-action", { nextActionOn: "2026-12-24" }],
    ] as const) {
      const response = await bulk(aCookie, { intent: "apply", change, requestIds: [theirs], ...extra });
      expect(response.status, change).toBe(302);
    }
    expect(await rowsOf([theirs])).toEqual(before);
    expect(await db.select().from(requestEvents).where(eq(requestEvents.requestId, theirs))).toEqual(eventsBefore);
  });
});

describe("bulk changes on every matching request", () => {
  it("assigns every request matching the filter, and no other, in batches", async () => {
    const org = await makeOrganization("Bulk all");
    const cookie = await cookieFor(org.admin.id);
    const matching = [];
    for (let i = 0; i < 7; i++) matching.push((await makeRequest(org.viewer, org.agencyId, { title: `Bodycam ${i}` })).id);
    const others = [(await makeRequest(org.viewer, org.agencyId, { title: "Payroll" })).id];
    await tagRequests(org, matching, ["stops", "bodycam"]);

    const review = await bulk(cookie, { intent: "review", change: "assign", scope: "all", filter: "tag=bodycam", assigneeId: org.member.id });
    const reviewed = (await review.json()) as { preview: { own: number; tooMany: boolean } };
    expect(reviewed.preview).toMatchObject({ own: 7, tooMany: false });

    // Small batches, so several transactions run.
    const target = bulkTargetSchema.parse({ change: "assign", scope: "all", filter: "tag=bodycam" });
    const filters = parseRequestFilters(new URLSearchParams(target.filter));
    if (!filters.success) throw new Error("filters");
    const change = await parseBulkChange(org.viewer, "assign", new URLSearchParams({ assigneeId: org.member.id }), TODAY);
    if (!change.ok) throw new Error("parse");
    const { BULK_BATCH_SIZE } = await import("~/domain/bulk-input");
    expect(BULK_BATCH_SIZE).toBe(500);
    const report = await applyBulk(org.viewer, target, filters.data, change.change, { today: TODAY, ipAddress: null });
    expect(report).toMatchObject({ changed: 7, skipped: 0, unchanged: 0, stopped: false });
    expect((await rowsOf(matching)).every((r) => r.assigneeId === org.member.id)).toBe(true);
    expect((await rowsOf(others))[0]!.assigneeId).toBeNull();
    const events = await eventsOf(matching, "assignment_changed");
    expect(events.length).toBe(7);
    expect((await eventsOf(others, "assignment_changed")).length).toBe(0);

    // The route, all matching a text search: next action date on the Bodycam ones only.
    const applied = await bulk(cookie, { intent: "apply", change: "set-next-action", scope: "all", filter: "q=Bodycam", nextActionOn: "2026-12-24" });
    expect(applied.status).toBe(302);
    expect((await rowsOf(matching)).every((r) => r.nextActionOn === "2026-12-24")).toBe(true);
    expect((await rowsOf(others))[0]!.nextActionOn).toBeNull();
  });

  it("changes the status of all matching where allowed, skipping illegal moves", async () => {
    const org = await makeOrganization("Bulk status all");
    const open = [(await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" })).id, (await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" })).id];
    const withdrawn = (await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" })).id;
    const moved = await changeStatus(org.viewer, withdrawn, { status: "withdrawn" }, TODAY);
    expect(moved?.ok).toBe(true);
    const target = bulkTargetSchema.parse({ change: "change-status", scope: "all", filter: "" });
    const change = await parseBulkChange(org.viewer, "change-status", new URLSearchParams({ status: "denied" }), TODAY);
    if (!change.ok) throw new Error("parse");
    const report = await applyBulk(org.viewer, target, {} as never, change.change, { today: TODAY, ipAddress: null });
    expect(report).toMatchObject({ changed: 2, skipped: 1 });
    expect(report.skippedExamples[0]!.reason).toContain("Withdrawn is final");
    expect((await rowsOf(open)).every((r) => r.status === "denied")).toBe(true);
    expect((await rowsOf([withdrawn]))[0]!.status).toBe("withdrawn");
  });

  it("leaves a coalition partner's shared requests alone, and counts them", async () => {
    const c = await makeOrganization("Bulk coalition C");
    const d = await makeOrganization("Bulk coalition D");
    await formCoalition(c, d);
    const cViewer = await freshViewer(c.admin.id);
    const dViewer = await freshViewer(d.admin.id);
    const mine = (await makeRequest(cViewer, c.agencyId, { title: "Shared audit ours" })).id;
    const partners = (await makeRequest(dViewer, d.agencyId, { title: "Shared audit theirs" })).id;
    const partnersBefore = await rowsOf([partners]);
    const cCookie = await cookieFor(c.admin.id);
    const list = await listRequests(cViewer, { q: "audit" });
    expect(list.rows.map((r) => r.id).sort()).toEqual([mine, partners].sort());

    const review = await bulk(cCookie, { intent: "review", change: "add-tags", scope: "all", filter: "q=audit", tags: "x" });
    expect(((await review.json()) as { preview: { own: number; shared: number } }).preview).toMatchObject({ own: 1, shared: 1 });
    // Ticking the partner's id too (a crafted form): left alone.
    await bulk(cCookie, { intent: "apply", change: "add-tags", scope: "selected", requestIds: [mine, partners], tags: "x" });
    await bulk(cCookie, { intent: "apply", change: "add-tags", scope: "all", filter: "q=audit", tags: "y" });
    expect((await rowsOf([mine]))[0]!.tags).toEqual(["stops", "x", "y"]);
    expect(await rowsOf([partners])).toEqual(partnersBefore);
    expect((await eventsOf([partners], "edited")).length).toBe(0);
  });
});

describe("saved views", () => {
  const save = (cookie: string, form: Record<string, string>) => callRoute(viewsRoute.action as never, { url: "/requests/views", cookie, form });

  it("saves, lists, renames and deletes a person's own views", async () => {
    const org = await makeOrganization("Views");
    const cookie = await cookieFor(org.admin.id);
    const saved = await save(cookie, { intent: "save-view", name: "Overdue stops", query: "?tag=stops&status=submitted&cursor=abc&sort=due" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/requests?sort=due&status=submitted&tag=stops");
    let views = await listSavedViews(org.viewer);
    expect(views).toEqual([{ id: expect.any(String), name: "Overdue stops", query: "sort=due&status=submitted&tag=stops", valid: true }]);
    // The list shows them.
    const listPage = await import("~/routes/requests._index");
    const page = await callRoute(listPage.loader as never, { url: "/requests", cookie });
    expect(((await page.json()) as { views: { name: string }[] }).views.map((v) => v.name)).toEqual(["Overdue stops"]);

    // Same name: replaced, not doubled.
    await save(cookie, { intent: "save-view", name: "Overdue stops", query: "status=denied" });
    views = await listSavedViews(org.viewer);
    expect(views.map((v) => v.query)).toEqual(["status=denied"]);

    const renamed = await save(cookie, { intent: "rename-view", viewId: views[0]!.id, name: "Denied" });
    expect(renamed.status).toBe(302);
    expect((await listSavedViews(org.viewer)).map((v) => v.name)).toEqual(["Denied"]);
    const deleted = await save(cookie, { intent: "delete-view", viewId: views[0]!.id });
    expect(deleted.status).toBe(302);
    expect(await listSavedViews(org.viewer)).toEqual([]);
  });

  it("refuses filters the list would refuse, and an empty name", async () => {
    const org = await makeOrganization("Views bad");
    const cookie = await cookieFor(org.admin.id);
    const bad = await save(cookie, { intent: "save-view", name: "Bad", query: "status=lost" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.query![0]).toContain("status");
    expect((await save(cookie, { intent: "save-view", name: "  ", query: "" })).status).toBe(400);
    expect(await listSavedViews(org.viewer)).toEqual([]);
  });

  it("are each person's alone: another member or organization can't see, rename or delete them", async () => {
    const org = await makeOrganization("Views mine");
    const cookie = await cookieFor(org.admin.id);
    await save(cookie, { intent: "save-view", name: "Mine", query: "status=draft" });
    const [view] = await listSavedViews(org.viewer);
    const colleague = await makeMember(org, "coordinator");
    const stranger = await makeOrganization("Views stranger");
    const strangerCookie = await cookieFor(stranger.admin.id);
    expect(await listSavedViews(colleague.viewer)).toEqual([]);
    expect(await listSavedViews(stranger.viewer)).toEqual([]);
    for (const who of [colleague.cookie, strangerCookie]) {
      const page = await callRoute(viewsRoute.loader as never, { url: "/requests/views", cookie: who });
      expect(await page.text()).not.toContain("Mine");
      expect((await save(who, { intent: "rename-view", viewId: view!.id, name: "Stolen" })).status).toBe(404);
      expect((await save(who, { intent: "delete-view", viewId: view!.id })).status).toBe(404);
    }
    // Their own view of the same name is theirs.
    expect((await save(colleague.cookie, { intent: "save-view", name: "Mine", query: "status=denied" })).status).toBe(302);
    expect((await listSavedViews(org.viewer)).map((v) => [v.name, v.query])).toEqual([["Mine", "status=draft"]]);
  });
});

describe("CSV export", () => {
  const exportCsv = async (cookie: string, query = "") => {
    const response = await callRoute(exportRoute.loader as never, { url: `/requests/export.csv${query}`, cookie });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { response, bytes, text: new TextDecoder().decode(bytes) };
  };
  const lines = (text: string) => text.replace(/^\uFEFF/, "").trim().split("\r\n");

  it("exports the list's columns, every cell formula-safe, filters respected", async () => {
    const org = await makeOrganization("Export");
    const cookie = await cookieFor(org.admin.id);
    const evil = await makeRequest(org.viewer, org.agencyId, { title: "=HYPERLINK(\"http://evil.example\",\"x\")", initialStatus: "submitted" });
    const plain = await makeRequest(org.viewer, org.agencyId, { title: "Plain stops" });
    await tagRequests(org, [plain.id], ["+1", "@home"]);
    const { response, text, bytes } = await exportCsv(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    // A byte-order mark first, so spreadsheet apps read UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(text);
    expect(header).toBe("Number,Title,Agency,State,Status,Filed,Due,Assignee,Tags,Tracking number,Updated,URL");
    expect(rows).toHaveLength(2);
    const evilLine = rows.find((r) => r.includes("HYPERLINK"))!;
    expect(evilLine).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(evilLine).toContain("Export Police Department");
    expect(evilLine).toContain(",PA,Submitted,");
    expect(evilLine).toContain(`/requests/${evil.id}`);
    const plainLine = rows.find((r) => r.includes("Plain stops"))!;
    expect(plainLine).toContain(",Draft,");
    // Tags "+1; @home": the cell starts with "+", so it gets the apostrophe.
    expect(plainLine).toContain(",'+1; @home,");
    expect(plainLine.split(",")[0]).toMatch(/^[A-Z][A-Z0-9]+-\d+$/);

    const filtered = lines((await exportCsv(cookie, "?status=submitted&cursor=junk")).text);
    // The page (cursor) is ignored: every match.
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain("HYPERLINK");
    const bad = await exportCsv(cookie, "?status=lost");
    expect(bad.response.status).toBe(400);
    expect(bad.text).toContain("status");
  });

  it("streams many rows in list order, the same rows as the list", async () => {
    const org = await makeOrganization("Export many");
    const cookie = await cookieFor(org.admin.id);
    for (let i = 0; i < 30; i++) await makeRequest(org.viewer, org.agencyId, { title: `Row ${String(i).padStart(2, "0")}` });
    const { requestsCsvStream } = await import("~/domain/request-export.server");
    const stream = requestsCsvStream(org.viewer, { sort: "title", dir: "asc" }, { baseUrl: "http://x", batchSize: 7 });
    const text = await new Response(stream).text();
    const titles = lines(text).slice(1).map((l) => l.split(",")[1]);
    expect(titles).toEqual(Array.from({ length: 30 }, (_, i) => `Row ${String(i).padStart(2, "0")}`));
    const viaRoute = lines((await exportCsv(cookie, "?sort=title&dir=desc")).text).slice(1).map((l) => l.split(",")[1]);
    expect(viaRoute).toEqual([...titles].reverse());
  });

  it("a coalition partner exports what its list shows: shared requests, never private ones", async () => {
    const c = await makeOrganization("Export coalition C");
    const d = await makeOrganization("Export coalition D");
    await formCoalition(c, d);
    const cViewer = await freshViewer(c.admin.id);
    const dViewer = await freshViewer(d.admin.id);
    await makeRequest(cViewer, c.agencyId, { title: "C shared ask" });
    await makeRequest(cViewer, c.agencyId, { title: "C private ask", visibility: "private" });
    await makeRequest(dViewer, d.agencyId, { title: "D own ask" });
    const dCookie = await cookieFor(d.admin.id);
    const text = (await exportCsv(dCookie)).text;
    expect(text).toContain("C shared ask");
    expect(text).toContain("D own ask");
    expect(text).not.toContain("C private ask");
    const list = await listRequests(dViewer, {});
    expect(lines(text).length - 1).toBe(list.rows.length);
    const own = (await exportCsv(dCookie, "?owner=own")).text;
    expect(own).not.toContain("C shared ask");
    // A stranger exports nothing of either.
    const stranger = await makeOrganization("Export stranger");
    const strangerText = (await exportCsv(await cookieFor(stranger.admin.id))).text;
    expect(strangerText).not.toContain("C shared ask");
    expect(lines(strangerText)).toHaveLength(1);
  });
});
