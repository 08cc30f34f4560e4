import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { catalogFields, recordTypes, requestEvents } from "../../db/schema";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiRequests from "~/routes/api.v1.requests";
import * as catalogPage from "~/routes/catalog._index";
import * as fieldsPage from "~/routes/requests.$requestId_.fields";
import * as preview from "~/routes/requests.$requestId_.files_.$fileId";
import * as requestPage from "~/routes/requests.$requestId";
import { coverageMatrix } from "~/domain/fields.server";
import { listRequests } from "~/domain/requests.server";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";
import { multipart, postBody } from "./support/uploads";

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-fields-test-"));
  process.env.FILES_DIR = dir;
  return dir;
});

afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

const fixtures = path.join(__dirname, "..", "fixtures");

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let aCookie: string;
let bCookie: string;
let stopFields: Record<string, string>;
let stopsTypeId: string;

beforeAll(async () => {
  a = await makeOrganization("Fields A");
  b = await makeOrganization("Fields B");
  aCookie = await cookieFor(a.admin.id);
  bCookie = await cookieFor(b.admin.id);
  const [stops] = await db.select().from(recordTypes).where(and(eq(recordTypes.key, "stops"), isNull(recordTypes.organizationId)));
  stopsTypeId = stops!.id;
  const fields = await db.select().from(catalogFields).where(eq(catalogFields.recordTypeId, stops!.id)).orderBy(asc(catalogFields.position));
  stopFields = Object.fromEntries(fields.map((f) => [f.key, f.id]));
});

const FIVE = ["date", "subject_race", "subject_sex", "officer_id_hash", "reason_for_stop"];

function form(entries: Array<[string, string]>) {
  return new URLSearchParams(entries).toString();
}

async function postFields(requestId: string, entries: Array<[string, string]>, cookie = aCookie) {
  return postBody(fieldsPage.action, {
    url: `/requests/${requestId}/fields`,
    cookie,
    params: { requestId },
    body: form(entries),
    contentType: "application/x-www-form-urlencoded",
  });
}

async function askFive(requestId: string) {
  const response = await postFields(requestId, [["intent", "set-fields"], ...FIVE.map((k): [string, string] => ["catalogFieldIds", stopFields[k]!])]);
  expect(response.status).toBe(302);
}

async function detail(requestId: string, cookie = aCookie) {
  const response = await callRoute(apiRequest.loader, { url: `/api/v1/requests/${requestId}`, cookie, params: { requestId } });
  return { status: response.status, body: (await response.json()) as { data: { fields: Array<{ id: string; key: string; state: string; fileId: string | null; recordType: { key: string } }>; coverage: { received: number; total: number } } } };
}

const eventsOf = (requestId: string, kind: "fields_asked" | "received_states_changed" | "edited") =>
  db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, kind))).orderBy(asc(requestEvents.seq));

describe("fields asked and what came back", () => {
  it("records the fields asked, each state change as a timeline event, and the coverage everywhere it shows", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId, { title: "Coverage walk-through" });
    await askFive(requestId);
    const asked = await eventsOf(requestId, "fields_asked");
    expect(asked).toHaveLength(1);
    expect((asked[0]!.data as { added: unknown[] }).added).toHaveLength(5);

    let { body } = await detail(requestId);
    expect(body.data.coverage).toEqual({ received: 0, total: 5 });
    expect(body.data.fields.map((f) => f.key).sort()).toEqual([...FIVE].sort());
    expect(body.data.fields.every((f) => f.state === "not_yet" && f.recordType.key === "stops")).toBe(true);

    const id = (key: string) => body.data.fields.find((f) => f.key === key)!.id;
    const update = await postFields(requestId, [
      ["intent", "update-states"],
      ["fields[0].id", id("subject_race")],
      ["fields[0].state", "received"],
      ["fields[1].id", id("date")],
      ["fields[1].state", "received"],
      ["fields[2].id", id("officer_id_hash")],
      ["fields[2].state", "withheld"],
      ["fields[2].note", "Exempt under 65 P.S. 67.708(b)(17)"],
      ["fields[3].id", id("subject_sex")],
      ["fields[3].state", "not_yet"],
    ]);
    expect(update.status).toBe(302);
    // One timeline entry lists every change.
    const events = await eventsOf(requestId, "received_states_changed");
    expect(events).toHaveLength(1);
    const changes = (events[0]!.data as { changes: Array<{ key: string; to: string }> }).changes;
    expect(changes.map((c) => [c.key, c.to])).toEqual([
      ["subject_race", "received"],
      ["date", "received"],
      ["officer_id_hash", "withheld"],
    ]);
    expect(changes[2]).toMatchObject({ item: "field", from: "not_yet", note: "Exempt under 65 P.S. 67.708(b)(17)", recordType: "Stops" });

    ({ body } = await detail(requestId));
    expect(body.data.coverage).toEqual({ received: 2, total: 5 });
    const list = await callRoute(apiRequests.loader, { url: "/api/v1/requests?q=Coverage%20walk-through", cookie: aCookie });
    expect(((await list.json()) as { data: Array<{ coverage: unknown }> }).data[0]!.coverage).toEqual({ received: 2, total: 5 });
    const page = await listRequests(a.viewer, { q: "Coverage walk-through" });
    expect(page.rows[0]).toMatchObject({ coverageReceived: 2, coverageTotal: 5 });
    const requestPageData = (await (await callRoute(requestPage.loader, { url: `/requests/${requestId}`, cookie: aCookie, params: { requestId } })).json()) as {
      fieldsAndFiles: { coverage: unknown; byState: Record<string, number> };
    };
    expect(requestPageData.fieldsAndFiles.coverage).toEqual({ received: 2, total: 5 });
    expect(requestPageData.fieldsAndFiles.byState).toMatchObject({ received: 2, withheld: 1, not_yet: 2 });

    // Saving the same states again changes nothing and writes no event.
    await postFields(requestId, [["intent", "update-states"], ["fields[0].id", id("subject_race")], ["fields[0].state", "received"]]);
    expect(await eventsOf(requestId, "received_states_changed")).toHaveLength(1);
  });

  it("rejects unknown states and fields with a message, changing nothing", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    await askFive(requestId);
    const { body } = await detail(requestId);
    const badState = await postFields(requestId, [["intent", "update-states"], ["fields[0].id", body.data.fields[0]!.id], ["fields[0].state", "lost"]]);
    expect(badState.status).toBe(400);
    expect(JSON.stringify(await badState.json())).toContain("Choose what came back");
    const otherField = await postFields(requestId, [["intent", "update-states"], ["fields[0].id", "0b1e0a3c-7c51-4a8f-9d0b-1a2b3c4d5e6f"], ["fields[0].state", "received"]]);
    expect(otherField.status).toBe(400);
    const notAField = await postFields(requestId, [["intent", "set-fields"], ["catalogFieldIds", "not-a-uuid"]]);
    expect(notAField.status).toBe(400);
    // Withheld and denied need the exemption or reason the agency gave.
    const bare = await postFields(requestId, [["intent", "update-states"], ["fields[0].id", body.data.fields[0]!.id], ["fields[0].state", "withheld"], ["fields[1].id", body.data.fields[1]!.id], ["fields[1].state", "denied"], ["fields[1].note", "  "]]);
    expect(bare.status).toBe(400);
    const errors = JSON.stringify(await bare.json());
    expect(errors).toContain("Cite the exemption the agency gave");
    expect(errors).toContain("Give the reason the agency gave");
    expect(await eventsOf(requestId, "received_states_changed")).toHaveLength(0);
  });

  it("adds a custom field, removes fields no longer asked, and refuses to drop a record type that still has fields", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    await askFive(requestId);
    const custom = await postFields(requestId, [
      ["intent", "set-fields"],
      ["catalogFieldIds", stopFields.date!],
      ["catalogFieldIds", stopFields.subject_race!],
      ["customLabel", "Perceived race before stop"],
      ["customRecordTypeId", stopsTypeId],
    ]);
    expect(custom.status).toBe(302);
    const { body } = await detail(requestId);
    expect(body.data.fields.map((f) => f.key).sort()).toEqual(["date", "perceived_race_before_stop", "subject_race"]);
    const event = (await eventsOf(requestId, "fields_asked")).at(-1)!.data as { added: Array<{ key: string }>; removed: Array<{ key: string }> };
    expect(event.added.map((f) => f.key)).toEqual(["perceived_race_before_stop"]);
    expect(event.removed.map((f) => f.key).sort()).toEqual(["officer_id_hash", "reason_for_stop", "subject_sex"]);

    const dropType = await postFields(requestId, [["intent", "edit-ask"]]);
    expect(dropType.status).toBe(400);
    expect(JSON.stringify(await dropType.json())).toContain("Stops still has fields asked");
  });

  it("edits the structured ask and writes what changed on the timeline", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const response = await postFields(requestId, [
      ["intent", "edit-ask"],
      ["recordTypeIds", stopsTypeId],
      ["newRecordType", "Gunshot detection alerts"],
      ["detailLevel", "record_level"],
      ["periodStart", "2021-01-01"],
      ["formats", "csv"],
      ["formats", "api"],
      ["deidentify", "on"],
      ["deidentifyNotes", "Hashed officer id; no names"],
    ]);
    expect(response.status).toBe(302);
    const [edited] = await eventsOf(requestId, "edited");
    expect((edited!.data as { changes: Array<{ label: string; to: string }> }).changes).toEqual([
      expect.objectContaining({ label: "Record types", to: "Stops, Gunshot detection alerts" }),
      expect.objectContaining({ label: "Detail level", to: "Record-level" }),
      expect.objectContaining({ label: "Coverage period", to: "2021-01-01 to the present" }),
      expect.objectContaining({ label: "Format wanted", to: "CSV, API or data feed" }),
      expect.objectContaining({ label: "De-identification", to: "De-identified: Hashed officer id; no names" }),
    ]);
    const backwards = await postFields(requestId, [["intent", "edit-ask"], ["periodStart", "2024-01-01"], ["periodEnd", "2023-01-01"]]);
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(await backwards.json())).toContain("can't be before its start");
    // The organization's new record type is in its catalog, not in anyone else's.
    const mine = (await (await callRoute(catalogPage.loader, { url: "/catalog", cookie: aCookie })).json()) as { catalog: { recordTypes: Array<{ name: string }> } };
    const theirs = (await (await callRoute(catalogPage.loader, { url: "/catalog", cookie: bCookie })).json()) as { catalog: { recordTypes: Array<{ name: string }> } };
    expect(mine.catalog.recordTypes.map((t) => t.name)).toContain("Gunshot detection alerts");
    expect(theirs.catalog.recordTypes.map((t) => t.name)).not.toContain("Gunshot detection alerts");
  });

  it("lets another organization neither read nor change the fields", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    await askFive(requestId);
    const { body } = await detail(requestId);
    expect((await detail(requestId, bCookie)).status).toBe(404);
    const attempt = await postFields(requestId, [["intent", "update-states"], ["fields[0].id", body.data.fields[0]!.id], ["fields[0].state", "received"]], bCookie);
    expect(attempt.status).toBe(404);
    expect((await callRoute(fieldsPage.loader, { url: `/requests/${requestId}/fields`, cookie: bCookie, params: { requestId } })).status).toBe(404);
    expect(await eventsOf(requestId, "received_states_changed")).toHaveLength(0);
  });
});

describe("matching a received file to the fields asked", () => {
  it("proposes the 3 of 5 fields a CSV holds; confirming records them against the file", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    await askFive(requestId);
    const body = multipart([{ name: "file", filename: "stops-3-of-5.csv", content: readFileSync(path.join(fixtures, "stops-3-of-5.csv")) }]);
    const uploaded = await postBody(apiFiles.action, { url: `/api/v1/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: body.body, contentType: body.contentType });
    const fileId = ((await uploaded.json()) as { data: { id: string } }).data.id;

    const page = (await (await callRoute(preview.loader, { url: `/requests/${requestId}/files/${fileId}`, cookie: aCookie, params: { requestId, fileId } })).json()) as {
      checked: { fieldProposals: Array<{ id: string; column: string | null; proposed: string }>; fields: Array<{ id: string; key: string }> };
      preview: { type: string; table: { totalRows: number } };
    };
    expect(page.preview.type).toBe("table");
    expect(page.preview.table.totalRows).toBe(5);
    const keyOf = (fieldId: string) => page.checked.fields.find((f) => f.id === fieldId)!.key;
    const matched = Object.fromEntries(page.checked.fieldProposals.filter((p) => p.column).map((p) => [keyOf(p.id), p.column]));
    expect(matched).toEqual({ date: "Stop Date", subject_race: "RACE", officer_id_hash: "Badge Hash" });

    // A person also records "not held" for a field the file lacks: that state is not credited to the file.
    const entries: Array<[string, string]> = [["intent", "update-states"]];
    page.checked.fieldProposals.forEach((p, i) => entries.push([`fields[${i}].id`, p.id], [`fields[${i}].state`, keyOf(p.id) === "subject_sex" ? "not_held" : p.proposed]));
    const confirmed = await postBody(preview.action, { url: `/requests/${requestId}/files/${fileId}`, cookie: aCookie, params: { requestId, fileId }, body: form(entries), contentType: "application/x-www-form-urlencoded" });
    expect(confirmed.status).toBe(302);
    const after = (await detail(requestId)).body.data;
    expect(after.coverage).toEqual({ received: 3, total: 5 });
    const fileOf = Object.fromEntries(after.fields.map((f) => [f.key, f.fileId]));
    expect(fileOf).toEqual({ date: fileId, subject_race: fileId, officer_id_hash: fileId, subject_sex: null, reason_for_stop: null });
    const events = await eventsOf(requestId, "received_states_changed");
    expect(events).toHaveLength(1);
    const data = events[0]!.data as { fileId: string; fileName: string; changes: Array<{ key: string; to: string; fromFile?: boolean }> };
    expect(data).toMatchObject({ fileId, fileName: "stops-3-of-5.csv" });
    expect(data.changes.map((c) => [c.key, c.to, c.fromFile ?? false])).toEqual([
      ["date", "received", true],
      ["subject_race", "received", true],
      ["subject_sex", "not_held", false],
      ["officer_id_hash", "received", true],
    ]);
  });

  it("warns about hidden sheets and rows always, and about personal data when de-identified data was asked for", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    await postFields(requestId, [["intent", "edit-ask"], ["deidentify", "on"]]);
    const body = multipart([{ name: "file", filename: "stops.xlsx", content: readFileSync(path.join(fixtures, "hidden-sheet.xlsx")) }]);
    const uploaded = await postBody(apiFiles.action, { url: `/api/v1/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: body.body, contentType: body.contentType });
    expect(uploaded.status).toBe(201);
    const fileId = ((await uploaded.json()) as { data: { id: string } }).data.id;
    const page = (await (await callRoute(preview.loader, { url: `/requests/${requestId}/files/${fileId}`, cookie: aCookie, params: { requestId, fileId } })).json()) as {
      warnings: { hiddenSheets: Array<{ name: string; state: string }>; hiddenRows: Array<{ sheet: string; rows: number[]; columns: string[] }>; personalData: Array<{ header: string; kind: string }> };
    };
    expect(page.warnings.hiddenSheets.map((s) => [s.name, s.state])).toEqual([
      ["Officer names", "hidden"],
      ["Lookup", "veryHidden"],
    ]);
    expect(page.warnings.hiddenRows).toEqual([{ sheet: "Stops", count: 1, rows: [3], columns: ["D"] }]);
    expect(page.warnings.personalData.map((p) => [p.header, p.kind])).toEqual([
      ["Officer Name", "officer_identity"],
      ["Date of Birth", "date_of_birth"],
      ["Home Address", "address"],
    ]);
  });
});

describe("coverageMatrix", () => {
  it("gives campaigns a request-by-field grid of states, leaving out requests the viewer can't see", async () => {
    const one = await makeRequest(a.viewer, a.agencyId, { title: "Matrix one" });
    const two = await makeRequest(a.viewer, a.agencyId, { title: "Matrix two" });
    const theirs = await makeRequest(b.viewer, b.agencyId, { title: "Matrix theirs" });
    await askFive(one.id);
    await postFields(two.id, [["intent", "set-fields"], ["catalogFieldIds", stopFields.subject_race!], ["catalogFieldIds", stopFields.outcome!]]);
    const { body } = await detail(one.id);
    await postFields(one.id, [["intent", "update-states"], ["fields[0].id", body.data.fields.find((f) => f.key === "subject_race")!.id], ["fields[0].state", "partly_received"]]);

    const matrix = await coverageMatrix(a.viewer, [one.id, two.id, theirs.id, "not-an-id"]);
    expect(matrix.rows.map((r) => r.title).sort()).toEqual(["Matrix one", "Matrix two"]);
    expect(matrix.fields.map((f) => f.id).sort()).toEqual(["stops.date", "stops.officer_id_hash", "stops.outcome", "stops.reason_for_stop", "stops.subject_race", "stops.subject_sex"]);
    const rowOne = matrix.rows.find((r) => r.requestId === one.id)!;
    const rowTwo = matrix.rows.find((r) => r.requestId === two.id)!;
    expect(rowOne.states["stops.subject_race"]).toBe("partly_received");
    expect(rowOne.states["stops.outcome"]).toBeNull();
    expect(rowTwo.states).toMatchObject({ "stops.subject_race": "not_yet", "stops.outcome": "not_yet", "stops.date": null });
    expect(rowOne.coverage).toEqual({ received: 0, total: 5 });
    const outsider = await coverageMatrix(b.viewer, [one.id, two.id]);
    expect(outsider).toEqual({ fields: [], rows: [] });
    expect(await db.select().from(requestEvents).where(inArray(requestEvents.requestId, [theirs.id]))).toHaveLength(1);
  });
});
