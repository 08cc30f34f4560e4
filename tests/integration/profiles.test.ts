import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { campaigns, catalogFields, fileProfiles, recordTypes, requestCodeKeys, requestEvents, requests } from "../../db/schema";
import * as apiFile from "~/routes/api.v1.requests.$requestId.files.$fileId";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as fieldsPage from "~/routes/requests.$requestId_.fields";
import * as filePage from "~/routes/requests.$requestId_.files_.$fileId";
import * as profileStatus from "~/routes/requests.$requestId_.files_.$fileId.profile";
import { dataReceivedByRequest } from "~/domain/profiles/campaign-data.server";
import { ProfileError } from "~/domain/profiles/profile-error";
import { claimProfileJob, ProfileWorker, renewLease } from "~/domain/profiles/worker.server";
import type { DatasetProfile } from "~/domain/profiles/profile-types";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";
import { multipart, postBody } from "./support/uploads";

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-profiles-test-"));
  process.env.FILES_DIR = dir;
  return dir;
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

// The real San Diego extract and code lists (public domain; provenance in SOURCE.md beside them), kept in the
// project so the suite runs on a fresh clone without ../shared.
const received = path.join(__dirname, "..", "fixtures", "received-data");
const CALLS = "san-diego-calls-for-service-2023-jan-sample.csv";
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

let org: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
let cfsFields: Record<string, string>;

beforeAll(async () => {
  org = await makeOrganization("Profiles");
  cookie = await cookieFor(org.admin.id);
  const [cfs] = await db.select().from(recordTypes).where(eq(recordTypes.key, "calls_for_service"));
  const rows = await db.select({ id: catalogFields.id, key: catalogFields.key }).from(catalogFields).where(eq(catalogFields.recordTypeId, cfs!.id));
  cfsFields = Object.fromEntries(rows.map((r) => [r.key, r.id]));
});

const form = (entries: Array<[string, string]>) => new URLSearchParams(entries).toString();
const post = (handler: typeof fieldsPage.action, url: string, params: Record<string, string>, entries: Array<[string, string]>) =>
  postBody(handler, { url, cookie, params, body: form(entries), contentType: "application/x-www-form-urlencoded" });

async function upload(requestId: string, name: string, content: Buffer | string) {
  const body = multipart([{ name: "file", filename: name, content, type: "text/csv" }]);
  const response = await postBody(apiFiles.action, { url: `/api/v1/requests/${requestId}/files`, cookie, params: { requestId }, body: body.body, contentType: body.contentType });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function fileJson(requestId: string, fileId: string) {
  const response = await callRoute(apiFile.loader, { url: `/api/v1/requests/${requestId}/files/${fileId}`, cookie, params: { requestId, fileId } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Record<string, any> }).data; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A request asking calls for service of 2022-2025, record-level, de-identified, with four fields. */
async function callsRequest() {
  const { id } = await makeRequest(org.viewer, org.agencyId);
  const asked = await post(fieldsPage.action, `/requests/${id}/fields`, { requestId: id }, [
    ["intent", "set-fields"],
    ...["call_type_final", "disposition", "priority", "officer_initiated"].map((k): [string, string] => ["catalogFieldIds", cfsFields[k]!]),
  ]);
  expect(asked.status).toBe(302);
  const ask = await post(fieldsPage.action, `/requests/${id}/fields`, { requestId: id }, [
    ["intent", "edit-ask"],
    ["recordTypeIds", (await db.select().from(recordTypes).where(eq(recordTypes.key, "calls_for_service")))[0]!.id],
    ["detailLevel", "record_level"],
    ["periodStart", "2022-01-01"],
    ["periodEnd", "2025-12-31"],
    ["deidentify", "on"],
  ]);
  expect(ask.status).toBe(302);
  return id;
}

const worker = (options: Partial<ConstructorParameters<typeof ProfileWorker>[0]> = {}) => new ProfileWorker({ db, organizationId: org.viewer.organizationId, log: quiet, ...options });

describe("profiles of received files, checked against the ask", () => {
  it("queues a profile at upload, computes it once in the background, and serves it with the check in JSON", async () => {
    const requestId = await callsRequest();
    const fileId = await upload(requestId, CALLS, readFileSync(path.join(received, CALLS)));
    const before = await fileJson(requestId, fileId);
    expect(before).toMatchObject({ id: fileId, profile: { status: "pending", rows: null, columns: null, periodCovered: null }, check: null });
    // What the page polls while the profile runs: the status alone, to members who see the file.
    const status = async (who: string) => callRoute(profileStatus.loader, { url: `/requests/${requestId}/files/${fileId}/profile`, cookie: who, params: { requestId, fileId } });
    expect(await (await status(cookie)).json()).toEqual({ status: "pending", progress: 0 });
    const stranger = await makeOrganization("Profiles stranger");
    expect((await status(await cookieFor(stranger.admin.id))).status).toBe(404);

    expect(await worker().drain()).toEqual(["done"]);
    const data = await fileJson(requestId, fileId);
    expect(data.profile).toMatchObject({ status: "done", rows: 5000, periodCovered: { from: "2023-01-01", to: "2023-01-05" } });
    expect(data.profile.columns).toHaveLength(14);
    expect(data.profile.columns.find((c: { name: string }) => c.name === "date_time")).toMatchObject({ type: "datetime", shareEmpty: 0, min: "2023-01-01 00:00:05", max: "2023-01-05 01:56:54" });
    expect(data.check.period).toMatchObject({ complete: false, missingText: "2022, Feb–Dec 2023, 2024–2025" });
    expect(data.check.detailLevel).toMatchObject({ level: "record_level", mismatch: false });
    const byKey = Object.fromEntries(data.check.fields.map((f: { key: string }) => [f.key, f]));
    expect(byKey.call_type_final).toMatchObject({ column: "call_type", proposedState: "partly_received" });
    expect(byKey.officer_initiated).toMatchObject({ column: null, proposedState: "not_yet" });
    // Nothing is left to run.
    expect(await worker().drain()).toEqual([]);
  });

  it("recognises a received code list, links it to the column that uses it, and credits it to the code key asked", async () => {
    const requestId = await callsRequest();
    const callsId = await upload(requestId, CALLS, readFileSync(path.join(received, CALLS)));
    const added = await post(fieldsPage.action, `/requests/${requestId}/fields`, { requestId }, [["intent", "set-code-keys"], ["newKind", "code_list"], ["newLabel", "Call type codes"], ["newColumn", "call_type"]]);
    expect(added.status).toBe(302);
    const listId = await upload(requestId, "san-diego-call-types.csv", readFileSync(path.join(received, "san-diego-call-types.csv")));
    await worker().drain();

    const calls = await fileJson(requestId, callsId);
    expect(calls.check.codeLists).toEqual([expect.objectContaining({ column: "call_type", listFileId: listId, listSize: 282, missingCodes: [{ code: "1016P", count: 1 }] })]);
    expect(calls.check.codeLists[0].describedShare).toBeCloseTo(4994 / 4995, 4);
    const list = await fileJson(requestId, listId);
    expect(list.check.codeList).toEqual({ codeColumn: "call_type", descriptionColumn: "description", size: 282 });
    expect(list.codeKeys).toEqual([expect.objectContaining({ label: "Call type codes", state: "not_yet", proposedState: "received" })]);

    const confirmed = await post(filePage.action, `/requests/${requestId}/files/${listId}`, { requestId, fileId: listId }, [
      ["intent", "update-states"],
      ["codeKeys[0].id", list.codeKeys[0].id],
      ["codeKeys[0].state", "received"],
    ]);
    expect(confirmed.status).toBe(302);
    const [key] = await db.select().from(requestCodeKeys).where(eq(requestCodeKeys.requestId, requestId));
    expect(key).toMatchObject({ state: "received", stateFileId: listId });
    const events = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "received_states_changed")));
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ fileId: listId, changes: [expect.objectContaining({ item: "code_key", label: "Call type codes", to: "received", fromFile: true })] })]);
  });

  it("confirms the proposals in one step: one timeline entry, the reasons as notes, refusals need their reason", async () => {
    const requestId = await callsRequest();
    const fileId = await upload(requestId, CALLS, readFileSync(path.join(received, CALLS)));
    await worker().drain();
    const data = await fileJson(requestId, fileId);
    const entries: Array<[string, string]> = [["intent", "update-states"]];
    data.check.fields.forEach((f: { id: string; proposedState: string; reason: string | null; key: string }, i: number) => {
      entries.push([`fields[${i}].id`, f.id], [`fields[${i}].state`, f.key === "officer_initiated" ? "withheld" : f.proposedState]);
      if (f.reason) entries.push([`fields[${i}].note`, f.reason]);
    });
    const refused = await post(filePage.action, `/requests/${requestId}/files/${fileId}`, { requestId, fileId }, entries);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("Cite the exemption the agency gave");

    const i = data.check.fields.findIndex((f: { key: string }) => f.key === "officer_initiated");
    entries.push([`fields[${i}].note`, "Cal. Gov. Code 7923.600"]);
    const ok = await post(filePage.action, `/requests/${requestId}/files/${fileId}`, { requestId, fileId }, entries);
    expect(ok.status).toBe(302);
    const events = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "received_states_changed")));
    expect(events).toHaveLength(1);
    const changes = (events[0]!.data as { changes: Array<{ key: string; to: string; note?: string; fromFile?: boolean }> }).changes;
    expect(changes.find((c) => c.key === "call_type_final")).toMatchObject({ to: "partly_received", fromFile: true, note: expect.stringMatching(/^Missing 2022, Feb–Dec 2023, 2024–2025/) });
    // Withheld comes from the agency's letter, not from this file.
    expect(changes.find((c) => c.key === "officer_initiated")).toEqual(expect.objectContaining({ to: "withheld", note: "Cal. Gov. Code 7923.600" }));
    expect(changes.find((c) => c.key === "officer_initiated")!.fromFile).toBeUndefined();
  });

  it("marks a file as an installment, refusing 3 of 2", async () => {
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const fileId = await upload(requestId, "part.csv", "date,n\n2024-01-01,1\n2024-02-01,2\n");
    const bad = await post(filePage.action, `/requests/${requestId}/files/${fileId}`, { requestId, fileId }, [["intent", "set-installment"], ["number", "3"], ["total", "2"]]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Installment 3 can't be of 2");
    const good = await post(filePage.action, `/requests/${requestId}/files/${fileId}`, { requestId, fileId }, [["intent", "set-installment"], ["number", "1"], ["total", "2"]]);
    expect(good.status).toBe(302);
    expect((await fileJson(requestId, fileId)).installment).toEqual({ number: 1, total: 2, final: false, label: "installment 1 of 2" });
    const events = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "installment_set")));
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ fileId, number: 1, total: 2, final: false, previous: null })]);
  });

  it("shows per city of a joint ask the period covered, rows received and the flags", async () => {
    const requestId = await callsRequest();
    const other = await callsRequest();
    const [campaign] = await db.insert(campaigns).values({ organizationId: org.viewer.organizationId, title: "CFS coalition", ask: "Calls", letterTemplate: "x" }).returning();
    await db.update(requests).set({ campaignId: campaign!.id }).where(sql`${requests.id} in (${requestId}, ${other})`);
    await upload(requestId, CALLS, readFileSync(path.join(received, CALLS)));
    await upload(other, "stops.csv", "date,officer_badge\n2024-01-02,4127\n2024-02-03,88\n2024-03-04,1200\n");
    await worker().drain();
    const rows = await dataReceivedByRequest(org.viewer, campaign!.id);
    const byId = Object.fromEntries(rows.map((r) => [r.requestId, r]));
    expect(byId[requestId]).toMatchObject({ files: 1, rows: 5000, periodCovered: { from: "2023-01-01", to: "2023-01-05" }, missing: "2022, Feb–Dec 2023, 2024–2025", flags: [] });
    expect(byId[other]).toMatchObject({ files: 1, rows: 3, periodCovered: { from: "2024-01-02", to: "2024-03-04" } });
    expect(byId[other]!.flags.join(" ")).toMatch(/officer_badge.*badge or employee numbers/);
  });
});

describe("the profile job runs exactly once and survives a restart", () => {
  const stub = (calls: string[], wait = 50) => async (source: { path: string }) => {
    calls.push(source.path);
    await new Promise((r) => setTimeout(r, wait));
    return { version: 1, engine: "stub", tables: [], skipped: [], seconds: 0 } satisfies DatasetProfile;
  };

  it("runs the profile in a process of its own, as the server does", async () => {
    await worker({ profile: stub([]) }).drain();
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const fileId = await upload(requestId, CALLS, readFileSync(path.join(received, CALLS)));
    expect(await worker({ isolated: true }).drain()).toEqual(["done"]);
    expect((await fileJson(requestId, fileId)).profile).toMatchObject({ status: "done", rows: 5000, periodCovered: { from: "2023-01-01", to: "2023-01-05" } });
  });

  it("two workers at once each take a different job: every file is profiled once", async () => {
    await worker({ profile: stub([]) }).drain();
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const ids = [await upload(requestId, "a.csv", "a,b\n1,2\n"), await upload(requestId, "b.csv", "a,b\n3,4\n"), await upload(requestId, "c.csv", "a,b\n5,6\n")];
    const calls: string[] = [];
    const [one, two] = await Promise.all([worker({ profile: stub(calls) }).drain(), worker({ profile: stub(calls) }).drain()]);
    expect([...one, ...two].sort()).toEqual(["done", "done", "done"]);
    expect(new Set(calls).size).toBe(3);
    expect(calls).toHaveLength(3);
    const rows = await db.select().from(fileProfiles).where(sql`${fileProfiles.fileId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["done", 1],
      ["done", 1],
      ["done", 1],
    ]);
  });

  it("takes over a job whose worker died (its lease ran out); the dead worker's token no longer writes", async () => {
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    await worker({ profile: stub([]) }).drain();
    const fileId = await upload(requestId, "crash.csv", "a,b\n1,2\n");
    const dead = await claimProfileJob(db, 1500, org.viewer.organizationId);
    expect(dead).toMatchObject({ fileId, attempts: 1 });
    // Another instance can't take it while the lease holds.
    expect(await claimProfileJob(db, 60_000, org.viewer.organizationId)).toBeNull();
    await new Promise((r) => setTimeout(r, 1600));
    const calls: string[] = [];
    expect(await worker({ profile: stub(calls) }).drain()).toEqual(["done"]);
    expect(await renewLease(db, dead!, 0.5, 60_000)).toBe(false);
    const [row] = await db.select().from(fileProfiles).where(eq(fileProfiles.fileId, fileId));
    expect(row).toMatchObject({ status: "done", attempts: 2, progress: 1 });
  });

  it("hands a job in flight back as pending on shutdown, and fails a file whose content can't be read", async () => {
    await worker({ profile: stub([]) }).drain();
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const fileId = await upload(requestId, "slow.csv", "a,b\n1,2\n");
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const w = worker({
      profile: (_source, options) =>
        new Promise((_, reject) => {
          started();
          options.signal?.addEventListener("abort", () => reject(new ProfileError("The profile was stopped.")));
        }),
    });
    w.start();
    await running;
    await w.stop();
    const [row] = await db.select().from(fileProfiles).where(eq(fileProfiles.fileId, fileId));
    expect(row).toMatchObject({ status: "pending", attempts: 0, leaseToken: null });

    const failing = worker({
      profile: async () => {
        throw new ProfileError("it is not valid CSV: quote not closed");
      },
    });
    expect(await failing.drain()).toEqual(["failed"]);
    const data = await fileJson(requestId, fileId);
    expect(data.profile).toMatchObject({ status: "failed", error: "This file can't be profiled: it is not valid CSV: quote not closed." });
  });
});
