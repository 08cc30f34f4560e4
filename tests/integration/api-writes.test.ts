import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { catalogFields, recordTypes, requestEvents, requests } from "../../db/schema";
import * as fieldsPage from "~/routes/requests.$requestId_.fields";
import { getRequestFields, setAskedFields } from "~/domain/fields.server";
import * as apiChange from "~/routes/api.v1.requests.$requestId.$change";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as requestPage from "~/routes/requests.$requestId";
import * as editPage from "~/routes/requests.$requestId_.edit";
import { db } from "~/utils/db.server";
import { FIELDS_PAGE_CHANGES, REQUEST_CHANGES, type RequestChangeName } from "~/domain/request-changes.server";
import { addDays } from "~/utils/dates";
import { callRoute, cookieFor, makeMember, makeOrganization, makeRequest, TODAY } from "./factories";

// The API makes every change the request page's forms make, with the same schema, permission, visibility rule
// and timeline entry: each change below is made once through the form and once through the API, on two
// requests made alike, and the two requests must end up alike, with alike timeline entries.

type Org = Awaited<ReturnType<typeof makeOrganization>>;

async function stateOf(requestId: string) {
  const [row] = await db
    .select({
      status: requests.status,
      dueOn: requests.dueOn,
      nextActionOn: requests.nextActionOn,
      assigneeId: requests.assigneeId,
      visibility: requests.visibility,
      autoFollowUp: requests.autoFollowUp,
      title: requests.title,
      trackingNumber: requests.trackingNumber,
      tags: requests.tags,
    })
    .from(requests)
    .where(eq(requests.id, requestId));
  const events = await db
    .select({ kind: requestEvents.kind, data: requestEvents.data, internal: requestEvents.internal, actorId: requestEvents.actorId })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.seq));
  // What is asked and what came back (the fields page's changes), without the rows' own ids and times.
  const asked = await getRequestFields(org0!.viewer, requestId);
  const fields = {
    ask: asked?.ask ?? null,
    recordTypes: asked?.recordTypes.map((t) => t.name) ?? [],
    fields: asked?.fields.map((f) => ({ key: f.key, label: f.label, state: f.state, note: f.stateNote })) ?? [],
    codeKeys: asked?.codeKeys.map((k) => ({ kind: k.kind, label: k.label, column: k.columnName, state: k.state, note: k.stateNote })) ?? [],
  };
  return { row, events, fields };
}

// The organization whose requests stateOf reads (set by each test before it compares).
let org0: Org | null = null;

type FormValues = Record<string, string | string[]>;

/** Posts the change's form as the browser does: to the fields page for its changes, else to the request page. */
const viaForm = (cookie: string, requestId: string, name: string, form: FormValues) => {
  const fieldsChange = (FIELDS_PAGE_CHANGES as readonly string[]).includes(name);
  const body = new URLSearchParams({ intent: name });
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return callRoute((fieldsChange ? fieldsPage.action : requestPage.action) as never, {
    url: fieldsChange ? `/requests/${requestId}/fields` : `/requests/${requestId}`,
    cookie,
    params: { requestId },
    body: body.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
};

const viaApi = (cookie: string, requestId: string, path: string, body: unknown) =>
  callRoute(apiChange.action as never, { url: `/api/v1/requests/${requestId}/${path}`, cookie, params: { requestId, change: path }, json: body });

/** Each change, as its form sends it and as a script sends it in JSON. */
interface Case {
  name: RequestChangeName;
  form: FormValues | ((requestId: string) => Promise<FormValues>);
  json: Record<string, unknown> | ((requestId: string) => Promise<Record<string, unknown>>);
  setup?: "submitted";
  /** Made alike on both requests before the change (e.g. the fields asked, whose states then change). */
  prepare?: (requestId: string) => Promise<void>;
}

async function stops() {
  const [type] = await db.select().from(recordTypes).where(and(eq(recordTypes.key, "stops"), isNull(recordTypes.organizationId)));
  const fields = await db.select().from(catalogFields).where(eq(catalogFields.recordTypeId, type!.id)).orderBy(asc(catalogFields.position));
  return { typeId: type!.id, fieldIds: fields.slice(0, 3).map((f) => f.id) };
}

function cases(org: Org, stop: Awaited<ReturnType<typeof stops>>): Case[] {
  const askThree = async (requestId: string) => {
    const asked = await setAskedFields(org.viewer, requestId, { catalogFieldIds: stop.fieldIds, keepCustomIds: [] });
    expect(asked?.ok).toBe(true);
  };
  const askedIds = async (requestId: string) => (await getRequestFields(org.viewer, requestId))!.fields.map((f) => f.id);
  return [
    { name: "change-status", form: { status: "acknowledged", on: TODAY, note: "Called." }, json: { status: "acknowledged", on: TODAY, note: "Called." }, setup: "submitted" },
    { name: "add-note", form: { body: "Clerk says next week.", internal: "on" }, json: { body: "Clerk says next week.", internal: true } },
    {
      name: "log-communication",
      form: { direction: "incoming", channel: "phone", occurredOn: TODAY, summary: "Clerk called." },
      json: { direction: "incoming", channel: "phone", occurredOn: TODAY, summary: "Clerk called." },
    },
    { name: "assign", form: { assigneeId: org.admin.id }, json: { assigneeId: org.admin.id } },
    {
      name: "log-extension",
      form: { on: TODAY, days: "10", reason: "Volume of records." },
      json: { on: TODAY, days: 10, reason: "Volume of records." },
      setup: "submitted",
    },
    {
      name: "agreed-date",
      form: { on: TODAY, dueDate: addDays(TODAY, 30), reason: "Agreed by phone." },
      json: { on: TODAY, dueDate: addDays(TODAY, 30), reason: "Agreed by phone." },
      setup: "submitted",
    },
    { name: "set-next-action", form: { nextActionOn: addDays(TODAY, 3) }, json: { nextActionOn: addDays(TODAY, 3) } },
    { name: "set-visibility", form: { visibility: "private" }, json: { visibility: "private" } },
    { name: "auto-follow-up", form: { autoFollowUp: "off" }, json: { autoFollowUp: "off" } },
    { name: "tags", form: { add: "Traffic stops, 2026" }, json: { add: ["traffic stops", "2026"] } },
    { name: "set-fields", form: { catalogFieldIds: stop.fieldIds }, json: { catalogFieldIds: stop.fieldIds } },
    {
      name: "edit-ask",
      form: { recordTypeIds: stop.typeId, detailLevel: "record_level", periodStart: "2024-01-01", periodEnd: "2024-12-31", formats: ["csv", "json"], deidentify: "on" },
      json: { recordTypeIds: [stop.typeId], detailLevel: "record_level", periodStart: "2024-01-01", periodEnd: "2024-12-31", formats: ["csv", "json"], deidentify: true },
    },
    {
      name: "update-states",
      prepare: askThree,
      form: async (id) => {
        const [first, second] = await askedIds(id);
        return { "fields[0].id": first!, "fields[0].state": "received", "fields[1].id": second!, "fields[1].state": "withheld", "fields[1].note": "Exempt: personnel records." };
      },
      json: async (id) => {
        const [first, second] = await askedIds(id);
        return { fields: [{ id: first, state: "received" }, { id: second, state: "withheld", note: "Exempt: personnel records." }] };
      },
    },
    {
      name: "set-code-keys",
      form: { newKind: "code_list", newLabel: "Call type codes", newColumn: "call_type" },
      json: { newKind: "code_list", newLabel: "Call type codes", newColumn: "call_type" },
    },
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Events as the two sides compare them: the ids of rows each side created (a communication's) set aside. */
const comparable = (events: Awaited<ReturnType<typeof stateOf>>["events"]) =>
  events.map((e) => ({
    kind: e.kind,
    data: JSON.parse(JSON.stringify(e.data), (key, value) => ((key === "id" || (key.endsWith("Id") && key !== "assigneeId")) && typeof value === "string" && UUID.test(value) ? "<id>" : value)),
    internal: e.internal,
    actorId: e.actorId,
  }));

describe("the API and the forms make the same changes", () => {
  it("for every change of the request page (table-driven)", async () => {
    const org = await makeOrganization("API same as forms");
    org0 = org;
    const cookie = await cookieFor(org.admin.id);
    const covered = new Set<string>();
    for (const c of cases(org, await stops())) {
      const initialStatus = c.setup === "submitted" ? "submitted" : "draft";
      const a = await makeRequest(org.viewer, org.agencyId, { title: `Same ${c.name}`, initialStatus });
      const b = await makeRequest(org.viewer, org.agencyId, { title: `Same ${c.name}`, initialStatus });
      await c.prepare?.(a.id);
      await c.prepare?.(b.id);
      const form = await viaForm(cookie, a.id, c.name, typeof c.form === "function" ? await c.form(a.id) : c.form);
      expect(form.status, `${c.name} by form: ${await form.clone().text()}`).toBe(302);
      const api = await viaApi(cookie, b.id, REQUEST_CHANGES[c.name].apiPath, typeof c.json === "function" ? await c.json(b.id) : c.json);
      expect(api.status, `${c.name} by API: ${await api.clone().text()}`).toBe(200);
      const answer = (await api.json()) as { message: string; data: { id: string; version: string } };
      expect(answer.data.id).toBe(b.id);
      expect(answer.message).toBeTruthy();
      const [fromForm, fromApi] = [await stateOf(a.id), await stateOf(b.id)];
      expect(fromApi.row, c.name).toEqual(fromForm.row);
      expect(fromApi.fields, c.name).toEqual(fromForm.fields);
      expect(comparable(fromApi.events), c.name).toEqual(comparable(fromForm.events));
      expect(fromApi.events.length, `${c.name} adds a timeline entry`).toBeGreaterThan(1);
      covered.add(c.name);
    }
    // Changes whose input comes from mail the app received (a tracking-number proposal, a bounce) and the
    // entry-visibility toggle are covered in their own tests; every other change of the page is in the table.
    const elsewhere = new Set(["tracking-number", "dismiss-bounce", "entry-visibility"]);
    expect(Object.keys(REQUEST_CHANGES).filter((n) => !covered.has(n) && !elsewhere.has(n))).toEqual([]);
  });

  it("refuse alike: the field named, the role checked, another organization's request not found", async () => {
    const org = await makeOrganization("API refusals");
    org0 = org;
    const other = await makeOrganization("API stranger");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Refusals" });

    const bad = await viaApi(cookie, request.id, "notes", { body: "" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.body).toBeTruthy();
    const badForm = await viaForm(cookie, request.id, "add-note", { body: "" });
    expect(badForm.status).toBe(400);

    const viewerOnly = await makeMember(org, "viewer");
    const refused = await viaApi(await cookieFor(viewerOnly.id), request.id, "notes", { body: "Hello" });
    expect(refused.status).toBe(403);

    const stranger = await viaApi(await cookieFor(other.admin.id), request.id, "notes", { body: "Hello" });
    expect(stranger.status).toBe(404);
    expect((await stateOf(request.id)).events.some((e) => e.kind === "note_added")).toBe(false);

    const notJson = await callRoute(apiChange.action as never, {
      url: `/api/v1/requests/${request.id}/notes`,
      cookie,
      params: { requestId: request.id, change: "notes" },
      body: "body=Hello",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(notJson.status).toBe(415);
    const unknownChange = await viaApi(cookie, request.id, "launch", { body: "Hello" });
    expect(unknownChange.status).toBe(404);
    const nested = await viaApi(cookie, request.id, "notes", { body: { text: "Hello" } });
    expect(nested.status).toBe(400);

    // A list item's error names the item's field, as the form shows it by that field.
    const withheld = await viaApi(cookie, request.id, "field-states", { fields: [{ id: "00000000-0000-4000-8000-000000000000", state: "withheld" }] });
    expect(withheld.status).toBe(400);
    expect(Object.keys(((await withheld.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors)).toContain("fields[0].note");
    const deep = await viaApi(cookie, request.id, "field-states", { fields: [{ id: { nested: true } }] });
    expect(deep.status).toBe(400);
    expect(Object.keys(((await deep.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["fields[0].id"]);
    const noTags = await viaApi(cookie, request.id, "tags", {});
    expect(((await noTags.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.add).toBeTruthy();
  });

  it("edit the request as the edit form does, and refuse a stale copy with 409", async () => {
    const org = await makeOrganization("API edits");
    org0 = org;
    const cookie = await cookieFor(org.admin.id);
    const a = await makeRequest(org.viewer, org.agencyId, { title: "Edited alike" });
    const b = await makeRequest(org.viewer, org.agencyId, { title: "Edited alike" });
    const formLoad = (await (await callRoute(editPage.loader as never, { url: `/requests/${a.id}/edit`, cookie, params: { requestId: a.id } })).json()) as {
      request: { title: string; description: string; agencyId: string; requesterId: string; tags: string[] };
      version: string;
    };
    const form = {
      title: "Edited alike",
      description: formLoad.request.description,
      agencyId: formLoad.request.agencyId,
      requesterId: formLoad.request.requesterId,
      trackingNumber: "PRR-2026-0099",
      tags: "stops, 2026",
      version: formLoad.version,
    };
    expect((await callRoute(editPage.action as never, { url: `/requests/${a.id}/edit`, cookie, params: { requestId: a.id }, form })).status).toBe(302);

    const get = async (id: string) =>
      ((await (await callRoute(apiRequest.loader as never, { url: `/api/v1/requests/${id}`, cookie, params: { requestId: id } })).json()) as { data: { version: string } }).data;
    const before = await get(b.id);
    const patch = (body: unknown) => callRoute(apiRequest.action as never, { url: `/api/v1/requests/${b.id}`, cookie, params: { requestId: b.id }, method: "PATCH", json: body });
    const saved = await patch({ trackingNumber: "PRR-2026-0099", tags: ["stops", "2026"], version: before.version });
    expect(saved.status).toBe(200);
    const [fromForm, fromApi] = [await stateOf(a.id), await stateOf(b.id)];
    expect(fromApi.row).toEqual(fromForm.row);
    expect(comparable(fromApi.events)).toEqual(comparable(fromForm.events));

    // A second script still holding the old version would undo the first: refused, with both values.
    const stale = await patch({ trackingNumber: "PRR-OLD", version: before.version });
    expect(stale.status).toBe(409);
    const conflict = ((await stale.json()) as { conflict: { values: { field: string; theirs: string | null; yours: string | null }[] } }).conflict;
    expect(conflict.values).toContainEqual(expect.objectContaining({ field: "trackingNumber", theirs: "PRR-2026-0099", yours: "PRR-OLD" }));
    expect((await stateOf(b.id)).row!.trackingNumber).toBe("PRR-2026-0099");

    expect((await patch({ colour: "blue" })).status).toBe(400);
    expect((await patch({ filedOn: "2026-02-30" })).status).toBe(400);
    const post = await callRoute(apiRequest.action as never, { url: `/api/v1/requests/${b.id}`, cookie, params: { requestId: b.id }, method: "POST", json: {} });
    expect(post.status).toBe(405);
  });
});
