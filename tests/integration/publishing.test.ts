import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { requestEvents, requestFiles, requests } from "../../db/schema";
import { setEntryInternal } from "~/domain/visibility.server";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as download from "~/routes/requests.$requestId_.files_.$fileId.download";
import * as requestPage from "~/routes/requests.$requestId";
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
  const form = new URLSearchParams({ intent: "set-visibility", visibility: "public" });
  for (const id of confirm) form.append("confirmFileIds", id);
  return callRoute(requestPage.action as never, {
    url: `/requests/${requestId}`,
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
    const body = (await refused.json()) as { flaggedFiles: { id: string; name: string; reasons: string[] }[] };
    expect(body.flaggedFiles.map((f) => f.id)).toEqual([flaggedId]);
    expect(body.flaggedFiles[0]!.reasons.join(" ")).toContain("Officer Name");
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
