import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { requestEvents, requestFiles, requests } from "../../db/schema";
import { setEntryInternal } from "~/domain/visibility.server";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as download from "~/routes/requests.$requestId_.files_.$fileId.download";
import * as requestPage from "~/routes/requests.$requestId";
import * as publishPage from "~/routes/requests.$requestId_.publish";
import * as publicPage from "~/routes/r.$slug";
import { addNote } from "~/domain/requests.server";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, freshViewer, makeOrganization, makeRequest } from "./factories";
import { multipart, postBody } from "./support/uploads";

// Publishing never exposes a file the app itself flagged without a coordinator confirming it, and who may
// download a file is the one rule of who may see it.

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-publishing-"));
  process.env.FILES_DIR = dir;
  return dir;
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

const FLAGGED_CSV = "Stop Date,Officer Name,Outcome\n2024-01-02,John Smith,warning\n2024-01-03,Ana Ruiz,citation\n";
const PLAIN_CSV = "Stop Date,Precinct,Outcome\n2024-01-02,4,warning\n";

async function upload(cookie: string, requestId: string, name: string, content: string) {
  const body = multipart([{ name: "file", filename: name, content, type: "text/csv" }]);
  const response = await postBody(apiFiles.action as never, { url: `/api/v1/requests/${requestId}/files`, cookie, params: { requestId }, body: body.body, contentType: body.contentType });
  expect(response.status).toBe(201);
  const [file] = await db.select({ id: requestFiles.id }).from(requestFiles).where(eq(requestFiles.originalName, name));
  return file!.id;
}

const publish = (cookie: string, requestId: string, confirm: string[] = []) => {
  const form = new URLSearchParams({ visibility: "public" });
  for (const id of confirm) form.append("confirmFileIds", id);
  return callRoute(publishPage.action as never, {
    url: `/requests/${requestId}/publish`,
    cookie,
    params: { requestId },
    body: form.toString(),
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
  });
};

describe("publishing a request with a file the app flagged", () => {
  it("is refused until the coordinator confirms that file, and the confirmation is on the timeline", async () => {
    const org = await makeOrganization("Publishing");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Stops with names", initialStatus: "submitted" });
    const flaggedId = await upload(cookie, request.id, "stops-named.csv", FLAGGED_CSV);
    const plainId = await upload(cookie, request.id, "stops-plain.csv", PLAIN_CSV);
    // Flagged on arrival, so internal by default; the plain one is not.
    const internalOf = async (id: string) => (await db.select({ internal: requestFiles.internal }).from(requestFiles).where(eq(requestFiles.id, id)))[0]!.internal;
    expect(await internalOf(flaggedId)).toBe(true);
    expect(await internalOf(plainId)).toBe(false);
    // Someone shows it to everyone who sees the request: publishing now needs its confirmation.
    expect((await setEntryInternal(org.viewer, request.id, { entryType: "file", entryId: flaggedId, internal: false }))?.ok).toBe(true);

    const refused = await publish(cookie, request.id);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { result: { error: Record<string, string[]> } };
    expect(body.result.error.confirmFileIds?.join(" ")).toContain("stops-named.csv");
    const [still] = await db.select({ visibility: requests.visibility }).from(requests).where(eq(requests.id, request.id));
    expect(still!.visibility).not.toBe("public");

    expect((await publish(cookie, request.id, [flaggedId])).status).toBe(302);
    const [published] = await db.select({ visibility: requests.visibility }).from(requests).where(eq(requests.id, request.id));
    expect(published!.visibility).toBe("public");
    const events = await db.select().from(requestEvents).where(eq(requestEvents.requestId, request.id));
    expect(events.find((e) => e.kind === "visibility_changed")?.data).toMatchObject({ to: "public", flaggedFilesConfirmed: ["stops-named.csv"] });
  });

  it("goes ahead when the flagged file is internal, as it is by default", async () => {
    const org = await makeOrganization("Publishing internal");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Stops kept inside", initialStatus: "submitted" });
    await upload(cookie, request.id, "inside-named.csv", FLAGGED_CSV);
    expect((await publish(cookie, request.id)).status).toBe(302);
  });
});

describe("the publishing preview", () => {
  type Preview = {
    preview: { timeline: { headline?: string }[]; files: { name: string; downloadUrl: string }[]; fields: unknown[] };
    kept: { internalEntries: number; innerWorkEntries: number; internalFiles: number };
    flagged: { id: string; name: string; reasons: string[] }[];
  };
  const previewOf = async (cookie: string, requestId: string) => {
    const response = await callRoute(publishPage.loader as never, { url: `/requests/${requestId}/publish`, cookie, params: { requestId } });
    expect(response.status).toBe(200);
    return (await response.json()) as Preview;
  };

  it("comes first: choosing Public on the request page opens the preview and publishes nothing", async () => {
    const org = await makeOrganization("Preview first");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Preview first", initialStatus: "submitted" });
    const response = await callRoute(requestPage.action as never, {
      url: `/requests/${request.id}`,
      cookie,
      params: { requestId: request.id },
      form: { intent: "set-visibility", visibility: "public", embargoUntil: "2099-01-02" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/${request.id}/publish?embargoUntil=2099-01-02`);
    const [row] = await db.select({ visibility: requests.visibility }).from(requests).where(eq(requests.id, request.id));
    expect(row!.visibility).not.toBe("public");
  });

  it("shows exactly what the public page then shows: entries, files and fields, with internal ones and flagged files apart", async () => {
    const org = await makeOrganization("Preview exact");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Preview exact", initialStatus: "submitted" });
    const plainId = await upload(cookie, request.id, "exact-plain.csv", PLAIN_CSV);
    const flaggedId = await upload(cookie, request.id, "exact-named.csv", FLAGGED_CSV);
    expect((await addNote(org.viewer, request.id, "Public note: the clerk called back."))?.ok).toBe(true);
    expect((await addNote(org.viewer, request.id, "Internal: the clerk sounded annoyed.", undefined, { internal: true }))?.ok).toBe(true);

    const before = await previewOf(cookie, request.id);
    expect(before.preview.files.map((f) => f.name)).toEqual(["exact-plain.csv"]);
    expect(before.preview.files[0]!.downloadUrl).toBe(`/requests/${request.id}/files/${plainId}/download`);
    expect(JSON.stringify(before.preview.timeline)).toContain("the clerk called back");
    expect(JSON.stringify(before.preview.timeline)).not.toContain("annoyed");
    // The flagged file arrived internal: kept back, so nothing to confirm.
    expect(before.flagged).toEqual([]);
    expect(before.kept.internalFiles).toBe(1);
    expect(before.kept.internalEntries).toBeGreaterThanOrEqual(1);

    // Shown to the coalition: now it would be public, so the preview asks for its confirmation.
    expect((await setEntryInternal(org.viewer, request.id, { entryType: "file", entryId: flaggedId, internal: false }))?.ok).toBe(true);
    const flagged = await previewOf(cookie, request.id);
    expect(flagged.flagged.map((f) => f.id)).toEqual([flaggedId]);
    expect(flagged.flagged[0]!.reasons.join(" ")).toContain("Officer Name");
    expect(flagged.preview.files.map((f) => f.name).sort()).toEqual(["exact-named.csv", "exact-plain.csv"]);

    expect((await publish(cookie, request.id, [flaggedId])).status).toBe(302);
    const [published] = await db.select({ slug: requests.publicSlug }).from(requests).where(eq(requests.id, request.id));
    const page = await callRoute(publicPage.loader as never, { url: `/r/${published!.slug}`, params: { slug: published!.slug! } });
    const real = (await page.json()) as { request: Preview["preview"] };
    const after = await previewOf(cookie, request.id);
    expect(real.request.files.map((f) => f.name)).toEqual(after.preview.files.map((f) => f.name));
    expect(real.request.fields).toEqual(after.preview.fields);
    // The publication itself is an internal entry: the public timeline equals the preview's.
    expect(real.request.timeline).toEqual(after.preview.timeline);
  });

  it("is for those who may publish, and only for the organization's own requests", async () => {
    const org = await makeOrganization("Preview guard");
    const other = await makeOrganization("Preview stranger");
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Preview guard", initialStatus: "submitted" });
    const stranger = await callRoute(publishPage.loader as never, { url: `/requests/${request.id}/publish`, cookie: await cookieFor(other.admin.id), params: { requestId: request.id } });
    expect(stranger.status).toBe(404);
    const junk = await callRoute(publishPage.loader as never, { url: `/requests/not-a-uuid/publish`, cookie: await cookieFor(org.admin.id), params: { requestId: "not-a-uuid" } });
    expect(junk.status).toBe(404);
  });
});

describe("who may download a file", () => {
  it("is who may see it: a coalition partner takes a shared request's files, never its internal ones", async () => {
    const a = await makeOrganization("Download owner");
    const b = await makeOrganization("Download partner");
    await formCoalition(a, b);
    a.viewer = await freshViewer(a.admin.id);
    const aCookie = await cookieFor(a.admin.id);
    const bCookie = await cookieFor(b.admin.id);
    const request = await makeRequest(a.viewer, a.agencyId, { title: "Shared stops", initialStatus: "submitted" });
    const shared = await upload(aCookie, request.id, "shared-plain.csv", PLAIN_CSV);
    const internal = await upload(aCookie, request.id, "internal-plain.csv", `${PLAIN_CSV}2024-01-05,5,citation\n`);
    expect((await setEntryInternal(a.viewer, request.id, { entryType: "file", entryId: internal, internal: true }))?.ok).toBe(true);
    const get = (cookie: string, fileId: string) =>
      callRoute(download.loader as never, { url: `/requests/${request.id}/files/${fileId}/download`, cookie, params: { requestId: request.id, fileId } });
    expect((await get(bCookie, shared)).status).toBe(200);
    expect((await get(bCookie, internal)).status).toBe(404);
    expect((await get(aCookie, internal)).status).toBe(200);
  });
});
