import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requests, users } from "../../db/schema";
import { parseBulkChange } from "~/domain/bulk-changes.server";
import { memberByName, MEMBER_SUGGESTIONS, suggestMembers } from "~/domain/members.server";
import { assignRequest } from "~/domain/requests.server";
import * as bulkRoute from "~/routes/requests.bulk";
import * as requestsIndex from "~/routes/requests._index";
import * as membersRoute from "~/routes/requests.members";
import { createUser } from "~/domain/accounts.server";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, freshViewer, makeMember, makeOrganization, makeRequest, TODAY } from "./factories";

// People are picked with a search box, not a select of every member (issue 14): the list's assignee filter and
// the bulk "Assign to" suggest at most a few names as one types, and work without JavaScript from the name typed.

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org;
let b: Org;
let cookie: string;
const people: Record<string, string> = {};
const requestIds: Record<string, string> = {};

async function person(org: Org, name: string) {
  const user = await createUser(db, { organizationId: org.org.id, email: `${name.replace(/\W/g, "").toLowerCase()}-${org.org.id.slice(0, 6)}@example.org`, name, password: org.password });
  return user.id;
}

beforeAll(async () => {
  a = await makeOrganization("Picker A");
  b = await makeOrganization("Picker B");
  for (const name of ["Sam Lee", "Samantha Reyes", "Sam Leeds", "Ana 50% Ortiz", "Ana 50x Ortiz", "Gone Person"]) people[name] = await person(a, name);
  // More members whose name holds "Worker" than the box suggests at once.
  for (let i = 0; i < MEMBER_SUGGESTIONS + 4; i++) await person(a, `Worker ${String(i).padStart(2, "0")}`);
  people["Partner Pat"] = await person(b, "Partner Pat");
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, people["Gone Person"]!));
  await formCoalition(a, b);
  const aViewer = await freshViewer(a.admin.id);
  const bViewer = await freshViewer(b.admin.id);
  cookie = await cookieFor(a.admin.id);
  for (const [key, who] of [["samLee", "Sam Lee"], ["samantha", "Samantha Reyes"], ["nobody", null]] as const) {
    const made = await makeRequest(aViewer, a.agencyId, { title: `Assigned ${key}` });
    requestIds[key] = made.id;
    if (who) {
      const assigned = await assignRequest(aViewer, made.id, people[who]!);
      if (!assigned?.ok) throw new Error(JSON.stringify(assigned));
    }
  }
  // Assigned while a member, then the member left: still found by name.
  const gone = await makeRequest(aViewer, a.agencyId, { title: "Assigned gone" });
  requestIds.gone = gone.id;
  await db.update(users).set({ disabledAt: null }).where(eq(users.id, people["Gone Person"]!));
  const assignedGone = await assignRequest(aViewer, gone.id, people["Gone Person"]!);
  if (!assignedGone?.ok) throw new Error(JSON.stringify(assignedGone));
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, people["Gone Person"]!));
  // A partner's shared request, assigned to one of the partner's people.
  const shared = await makeRequest(bViewer, b.agencyId, { title: "Assigned partner", visibility: "coalition" });
  requestIds.partner = shared.id;
  const assignedPartner = await assignRequest(bViewer, shared.id, people["Partner Pat"]!);
  if (!assignedPartner?.ok) throw new Error(JSON.stringify(assignedPartner));
});

const listed = async (query: string) => {
  const response = await callRoute(requestsIndex.loader, { url: `/requests?${query}`, cookie });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { result: { rows: { id: string }[] } | null; errors: Record<string, string[]> | null } };
};
const idsOf = (body: { result: { rows: { id: string }[] } | null }) => (body.result?.rows ?? []).map((r) => r.id).sort();

describe("suggestMembers", () => {
  it("suggests active members of the organization only, shortest names first, at most a few", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect((await suggestMembers(viewer, "sam")).map((m) => m.name)).toEqual(["Sam Lee", "Sam Leeds", "Samantha Reyes"]);
    expect(await suggestMembers(viewer, "gone")).toEqual([]);
    expect(await suggestMembers(viewer, "partner")).toEqual([]);
    expect(await suggestMembers(viewer, "worker")).toHaveLength(MEMBER_SUGGESTIONS);
  });

  it("treats % and _ as text", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect((await suggestMembers(viewer, "50%")).map((m) => m.name)).toEqual(["Ana 50% Ortiz"]);
    expect(await suggestMembers(viewer, "_")).toEqual([]);
  });

  it("answers the box as JSON, and refuses an empty or over-long query with 400", async () => {
    const response = await callRoute(membersRoute.loader, { url: "/requests/members?q=Reyes", cookie });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([people["Samantha Reyes"]]);
    for (const q of ["", "%20%20", "x".repeat(201)]) {
      const refused = await callRoute(membersRoute.loader, { url: `/requests/members?q=${q}`, cookie });
      expect(refused.status, q).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(/^q: /);
    }
    const anonymous = await callRoute(membersRoute.loader, { url: "/requests/members?q=sam" });
    expect(anonymous.status).toBe(302);
  });
});

describe("memberByName (a name typed without JavaScript)", () => {
  it("takes the whole name, or the only name that contains it, and explains anything else", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect(await memberByName(viewer, "sam lee")).toEqual({ ok: true, member: { id: people["Sam Lee"], name: "Sam Lee" } });
    expect(await memberByName(viewer, "Reyes")).toEqual({ ok: true, member: { id: people["Samantha Reyes"], name: "Samantha Reyes" } });
    const several = await memberByName(viewer, "Sam");
    expect(several).toEqual({ ok: false, message: "3 members match “Sam” (Sam Lee, Sam Leeds, Samantha Reyes): type more of the name" });
    const many = await memberByName(viewer, "worker");
    expect(many.ok ? null : many.message).toMatch(/^More than 8 members match “worker” \(Worker 00, Worker 01, Worker 02…\)/);
    expect(await memberByName(viewer, "Partner Pat")).toEqual({ ok: false, message: "No active member of your organization has “Partner Pat” in their name" });
  });
});

describe("the requests list's assignee filter", () => {
  it("no longer sends a select of every member", async () => {
    const { body } = await listed("");
    expect(body.members).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("Worker 05");
  });

  it("finds requests by part of the assignee's name: members, former members and partners' people", async () => {
    expect(idsOf((await listed("assigneeName=sam")).body)).toEqual([requestIds.samLee!, requestIds.samantha!].sort());
    expect(idsOf((await listed("assigneeName=REYES")).body)).toEqual([requestIds.samantha!]);
    expect(idsOf((await listed("assigneeName=gone")).body)).toEqual([requestIds.gone!]);
    expect(idsOf((await listed("assigneeName=partner%20pat")).body)).toEqual([requestIds.partner!]);
    expect(idsOf((await listed("assigneeName=nobody%20by%20this%20name")).body)).toEqual([]);
    expect(idsOf((await listed("assigneeName=%25")).body)).toEqual([]);
  });

  it("filters by the person picked in the box (their id), and names them", async () => {
    const { body } = await listed(`assigneeName=Sam%20Lee&assigneeId=${people["Sam Lee"]}`);
    expect(idsOf(body)).toEqual([requestIds.samLee!]);
    const byLink = await listed(`assignee=${people["Samantha Reyes"]}`);
    expect(idsOf(byLink.body)).toEqual([requestIds.samantha!]);
    expect(byLink.body.assignee).toEqual({ id: people["Samantha Reyes"], name: "Samantha Reyes" });
    expect((await listed(`assigneeId=${people["Samantha Reyes"]}`)).body.pickedAssigneeLabel).toBe("Samantha Reyes");
    expect(idsOf((await listed("assignee=none")).body)).toContain(requestIds.nobody);
  });

  it("refuses a bad id or an over-long name with 400 and the field named", async () => {
    const badId = await listed("assigneeId=not-a-person");
    expect(badId.status).toBe(400);
    expect(Object.keys(badId.body.errors ?? {})).toEqual(["assigneeId"]);
    const long = await listed(`assigneeName=${"x".repeat(201)}`);
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.errors ?? {})).toEqual(["assigneeName"]);
  });
});

describe("bulk Assign to, by name", () => {
  it("resolves a typed name to one member, and says why when it can't", async () => {
    const viewer = await freshViewer(a.admin.id);
    const byName = await parseBulkChange(viewer, "assign", new URLSearchParams({ assigneeName: "reyes" }), TODAY);
    expect(byName).toEqual({ ok: true, change: { action: "assign", value: { assigneeId: people["Samantha Reyes"] }, assigneeName: "Samantha Reyes" } });
    const ambiguous = await parseBulkChange(viewer, "assign", new URLSearchParams({ assigneeName: "Sam" }), TODAY);
    expect(ambiguous.ok ? null : Object.keys(ambiguous.fieldErrors)).toEqual(["assigneeName"]);
    const partner = await parseBulkChange(viewer, "assign", new URLSearchParams({ assigneeId: people["Partner Pat"]! }), TODAY);
    expect(partner.ok ? null : partner.fieldErrors).toEqual({ assigneeId: ["Choose an assignee from your organization"] });
    const picked = await parseBulkChange(viewer, "assign", new URLSearchParams({ assigneeName: "Sam", assigneeId: people["Sam Leeds"]! }), TODAY);
    expect(picked.ok && picked.change.action === "assign" ? picked.change.assigneeName : null).toBe("Sam Leeds");
    const empty = await parseBulkChange(viewer, "assign", new URLSearchParams({ assigneeName: "  " }), TODAY);
    expect(empty).toEqual({ ok: true, change: { action: "assign", value: { assigneeId: undefined }, assigneeName: null } });
  });

  it("reviews the person the name means, and carries their id (not the name) to the final button", async () => {
    const form = new URLSearchParams({ intent: "review", change: "assign", scope: "selected", requestIds: requestIds.nobody!, assigneeName: "Sam Leeds" });
    const response = await callRoute(bulkRoute.action as never, { url: "/requests/bulk", cookie, body: form.toString(), method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { description: string; fields: [string, string][] };
    expect(body.description).toBe("Assign to Sam Leeds");
    expect(body.fields).toEqual([["assigneeId", people["Sam Leeds"]]]);
    const unclear = new URLSearchParams({ intent: "review", change: "assign", scope: "selected", requestIds: requestIds.nobody!, assigneeName: "Sam" });
    const refused = await callRoute(bulkRoute.action as never, { url: "/requests/bulk", cookie, body: unclear.toString(), method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(refused.status).toBe(400);
    expect(Object.keys(((await refused.json()) as { errors: Record<string, string[]> }).errors)).toEqual(["assigneeName"]);
  });
});

describe("the request page's Assign form", () => {
  const requestPage = () => import("~/routes/requests.$requestId");
  const post = async (requestId: string, form: Record<string, string>, asCookie = cookie) =>
    callRoute((await requestPage()).action as never, { url: `/requests/${requestId}`, cookie: asCookie, params: { requestId }, form });

  it("no longer loads every member for it", async () => {
    const { loader } = await requestPage();
    const response = await callRoute(loader as never, { url: `/requests/${requestIds.nobody}`, cookie, params: { requestId: requestIds.nobody! } });
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.members).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("Worker 05");
    expect((body.selfOrCurrent as { id: string }[]).map((m) => m.id)).toEqual([a.admin.id]);
  });

  it("assigns to the one member a typed name means, and refuses an unclear name with the field named", async () => {
    const made = await makeRequest(await freshViewer(a.admin.id), a.agencyId, { title: "Assign by name" });
    const done = await post(made.id, { intent: "assign", assigneeName: "Samantha" });
    expect(done.status).toBe(302);
    const [row] = await db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, made.id));
    expect(row!.assigneeId).toBe(people["Samantha Reyes"]);
    const unclear = await post(made.id, { intent: "assign", assigneeName: "Sam" });
    expect(unclear.status).toBe(400);
    expect(JSON.stringify(await unclear.json())).toContain("3 members match “Sam”");
    // The pick wins over the text; empty text and no pick unassign.
    expect((await post(made.id, { intent: "assign", assigneeName: "Sam", assigneeId: people["Sam Lee"]! })).status).toBe(302);
    expect((await db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, made.id)))[0]!.assigneeId).toBe(people["Sam Lee"]);
    expect((await post(made.id, { intent: "assign", assigneeName: "" })).status).toBe(302);
    expect((await db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, made.id)))[0]!.assigneeId).toBeNull();
  });
});

describe("the joint ask page's bulk Assign", () => {
  it("assigns the selected requests to the member a typed name means, and names the field when it can't", async () => {
    const { createCampaign } = await import("~/domain/campaigns.server");
    const { standardRecordType } = await import("~/domain/catalog.server");
    const { DEFAULT_AGENCY_LETTER } = await import("~/domain/letters");
    const { campaignFormSchema } = await import("~/domain/vendor-input");
    const campaignPage = await import("~/routes/campaigns.$campaignId");
    const stops = await standardRecordType("stops");
    const input = campaignFormSchema.parse({ title: "Picker joint ask", ask: "Stop data.", recordTypeIds: [stops!.id], letterTemplate: DEFAULT_AGENCY_LETTER, targets: [a.agencyId] });
    const created = await createCampaign(await freshViewer(a.admin.id), input, TODAY);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const [target] = await db.select({ id: requests.id }).from(requests).where(eq(requests.campaignId, created.value.id));
    const post = (form: Record<string, string>) =>
      callRoute(campaignPage.action as never, { url: `/campaigns/${created.value.id}`, cookie, params: { campaignId: created.value.id }, form: { intent: "bulk-assign", requestIds: target!.id, ...form } });

    const loaded = await callRoute(campaignPage.loader as never, { url: `/campaigns/${created.value.id}`, cookie, params: { campaignId: created.value.id } });
    expect(((await loaded.json()) as { members: unknown }).members).toBeNull();
    expect((await post({ assigneeName: "leeds" })).status).toBe(302);
    expect((await db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, target!.id)))[0]!.assigneeId).toBe(people["Sam Leeds"]);
    const unclear = await post({ assigneeName: "worker" });
    expect(unclear.status).toBe(400);
    expect(Object.keys(((await unclear.json()) as { errors: Record<string, string[]> }).errors)).toEqual(["assigneeName"]);
  });
});

describe("the new request, edit and new joint ask forms", () => {
  const assigneeOf = async (id: string) => (await db.select({ assigneeId: requests.assigneeId, requesterId: requests.requesterId }).from(requests).where(eq(requests.id, id)))[0]!;
  const createdId = (response: Response) => /\/requests\/([0-9a-f-]{36})/.exec(response.headers.get("Location") ?? "")?.[1];

  it("the new request form offers a search box, not every member, and takes a typed name or a pick", async () => {
    const newRequest = await import("~/routes/requests.new");
    const loaded = (await (await callRoute(newRequest.loader as never, { url: "/requests/new", cookie })).json()) as Record<string, unknown>;
    expect(loaded.assignable).toBeNull();
    expect(JSON.stringify(loaded)).not.toContain("Worker 05");
    // An advocate, who may not assign others, is offered themselves only.
    const advocate = await makeMember(a, "advocate");
    const advocateCookie = await cookieFor(advocate.id);
    const theirs = (await (await callRoute(newRequest.loader as never, { url: "/requests/new", cookie: advocateCookie })).json()) as { assignable: { id: string }[] };
    expect(theirs.assignable.map((m) => m.id)).toEqual([advocate.id]);

    const post = (form: Record<string, string>, asCookie = cookie) =>
      callRoute(newRequest.action as never, { url: "/requests/new", cookie: asCookie, form: { title: "Typed assignee", description: "Stops.", agencyId: a.agencyId, ...form } });
    const typed = await post({ assigneeName: "samantha" });
    expect(typed.status).toBe(302);
    expect((await assigneeOf(createdId(typed)!)).assigneeId).toBe(people["Samantha Reyes"]);
    const picked = await post({ assigneeName: "Sam", assigneeId: people["Sam Leeds"]! });
    expect((await assigneeOf(createdId(picked)!)).assigneeId).toBe(people["Sam Leeds"]);

    const before = await db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, a.org.id));
    const unclear = await post({ assigneeName: "sam" });
    expect(unclear.status).toBe(400);
    const unclearBody = (await unclear.json()) as { error: Record<string, string[]> };
    expect(unclearBody.error.assigneeName?.join(" ")).toContain("3 members match “sam”");
    expect((await post({ assigneeName: "Gone Person" })).status).toBe(400);
    expect((await post({ assigneeName: "Partner Pat" })).status).toBe(400);
    // An advocate typing someone else's name is refused; nothing was created by any refused form.
    expect((await post({ assigneeName: "Samantha Reyes" }, advocateCookie)).status).toBe(403);
    expect(await db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, a.org.id))).toHaveLength(before.length);
  });

  it("the edit form changes the assignee and the requester by name, and keeps them when left as they are", async () => {
    const edit = await import("~/routes/requests.$requestId_.edit");
    const made = await makeRequest(await freshViewer(a.admin.id), a.agencyId, { title: "Edit people" });
    const load = async () => (await (await callRoute(edit.loader as never, { url: `/requests/${made.id}/edit`, cookie, params: { requestId: made.id } })).json()) as { assignable: unknown; version: string; request: Record<string, unknown> };
    const post = async (form: Record<string, string>) => {
      const { version } = await load();
      return callRoute(edit.action as never, { url: `/requests/${made.id}/edit`, cookie, params: { requestId: made.id }, form: { title: "Edit people", description: "What is asked", agencyId: a.agencyId, version, ...form } });
    };
    const loaded = await load();
    expect(loaded.assignable).toBeNull();
    expect(JSON.stringify(loaded)).not.toContain("Worker 05");

    expect((await post({ assigneeName: "leeds", requesterName: "samantha" })).status).toBe(302);
    expect(await assigneeOf(made.id)).toEqual({ assigneeId: people["Sam Leeds"], requesterId: people["Samantha Reyes"] });
    // Sent back as the form opened (the picks' ids with their names): unchanged.
    expect((await post({ assigneeName: "Sam Leeds", assigneeId: people["Sam Leeds"]!, requesterName: "Samantha Reyes", requesterId: people["Samantha Reyes"]! })).status).toBe(302);
    expect(await assigneeOf(made.id)).toEqual({ assigneeId: people["Sam Leeds"], requesterId: people["Samantha Reyes"] });

    const noRequester = await post({ requesterName: "" });
    expect(noRequester.status).toBe(400);
    expect(Object.keys(((await noRequester.json()) as { error: Record<string, string[]> }).error)).toContain("requesterName");
    const unclear = await post({ requesterName: "worker" });
    expect(unclear.status).toBe(400);
    expect(Object.keys(((await unclear.json()) as { error: Record<string, string[]> }).error)).toEqual(["requesterName"]);
    expect(await assigneeOf(made.id)).toEqual({ assigneeId: people["Sam Leeds"], requesterId: people["Samantha Reyes"] });
    // An empty assignee box unassigns.
    expect((await post({ assigneeName: "", requesterId: people["Samantha Reyes"]! })).status).toBe(302);
    expect((await assigneeOf(made.id)).assigneeId).toBeNull();
  });

  it("the new joint ask form and POST /api/v1/joint-asks assign all to the member a typed name means", async () => {
    const { standardRecordType } = await import("~/domain/catalog.server");
    const { DEFAULT_AGENCY_LETTER } = await import("~/domain/letters");
    const newCampaign = await import("~/routes/campaigns.new");
    const apiJointAsks = await import("~/routes/api.v1.joint-asks");
    const stops = await standardRecordType("stops");
    const base = { title: "Typed joint ask", ask: "Stop data.", recordTypeIds: stops!.id, letterTemplate: DEFAULT_AGENCY_LETTER, targets: a.agencyId };
    const loaded = (await (await callRoute(newCampaign.loader as never, { url: "/campaigns/new", cookie })).json()) as Record<string, unknown>;
    expect(loaded.assignable).toBeNull();
    expect(JSON.stringify(loaded)).not.toContain("Worker 05");

    const created = await callRoute(newCampaign.action as never, { url: "/campaigns/new", cookie, form: { ...base, intent: "create", assigneeName: "sam lee" } });
    expect(created.status).toBe(302);
    const campaignId = /\/campaigns\/([0-9a-f-]{36})/.exec(created.headers.get("Location") ?? "")![1]!;
    const made = await db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.campaignId, campaignId));
    expect(made.map((r) => r.assigneeId)).toEqual([people["Sam Lee"]]);
    const unclear = await callRoute(newCampaign.action as never, { url: "/campaigns/new", cookie, form: { ...base, intent: "create", assigneeName: "worker" } });
    expect(unclear.status).toBe(400);
    expect(Object.keys(((await unclear.json()) as { result: { error: Record<string, string[]> } }).result.error)).toEqual(["assigneeName"]);

    const api = await callRoute(apiJointAsks.action as never, { url: "/api/v1/joint-asks", cookie, json: { ...base, recordTypeIds: [stops!.id], targets: [a.agencyId], assigneeName: "Samantha" } });
    expect(api.status, await api.clone().text()).toBe(201);
    const apiId = ((await api.json()) as { data: { id: string } }).data.id;
    expect((await db.select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.campaignId, apiId))).map((r) => r.assigneeId)).toEqual([people["Samantha Reyes"]]);
    const apiUnclear = await callRoute(apiJointAsks.action as never, { url: "/api/v1/joint-asks", cookie, json: { ...base, recordTypeIds: [stops!.id], targets: [a.agencyId], assigneeName: "sam" } });
    expect(apiUnclear.status).toBe(400);
    expect(Object.keys(((await apiUnclear.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["assigneeName"]);
  });
});

describe("hostile input to the name boxes", () => {
  it("answers a NUL byte, a 10 MB name and a wrong content type with a 4xx, and creates nothing", async () => {
    const newRequest = await import("~/routes/requests.new");
    const apiJointAsks = await import("~/routes/api.v1.joint-asks");
    const edit = await import("~/routes/requests.$requestId_.edit");
    const { standardRecordType } = await import("~/domain/catalog.server");
    const { DEFAULT_AGENCY_LETTER } = await import("~/domain/letters");
    const stops = await standardRecordType("stops");
    const count = async () => (await db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, a.org.id))).length;
    const before = await count();
    const form = (extra: Record<string, string>) => callRoute(newRequest.action as never, { url: "/requests/new", cookie, form: { title: "Hostile", description: "Stops.", agencyId: a.agencyId, ...extra } });

    const nul = await form({ assigneeName: "Sam\u0000Lee" });
    expect(nul.status).toBeGreaterThanOrEqual(400);
    expect(nul.status).toBeLessThan(500);
    expect((await form({ assigneeName: "x".repeat(10 * 1024 * 1024) })).status).toBe(413);
    const json = { title: "Hostile ask", ask: "Stops.", recordTypeIds: [stops!.id], letterTemplate: DEFAULT_AGENCY_LETTER, targets: [a.agencyId] };
    const apiNul = await callRoute(apiJointAsks.action as never, { url: "/api/v1/joint-asks", cookie, json: { ...json, assigneeName: "Sam\u0000" } });
    expect(apiNul.status).toBeGreaterThanOrEqual(400);
    expect(apiNul.status).toBeLessThan(500);
    const apiHuge = await callRoute(apiJointAsks.action as never, { url: "/api/v1/joint-asks", cookie, json: { ...json, assigneeName: "x".repeat(10 * 1024 * 1024) } });
    expect(apiHuge.status).toBe(413);
    const wrongType = await callRoute(apiJointAsks.action as never, { url: "/api/v1/joint-asks", cookie, body: "assigneeName=Sam", headers: { "Content-Type": "text/plain" } });
    expect(wrongType.status).toBe(415);
    const made = await makeRequest(await freshViewer(a.admin.id), a.agencyId, { title: "Hostile edit" });
    const editNul = await callRoute(edit.action as never, { url: `/requests/${made.id}/edit`, cookie, params: { requestId: made.id }, form: { title: "Hostile edit", description: "x", agencyId: a.agencyId, requesterName: "\u0000" } });
    expect(editNul.status).toBeGreaterThanOrEqual(400);
    expect(editNul.status).toBeLessThan(500);
    expect(await count()).toBe(before + 1);
  });
});
