import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, requestEvents, requestFiles } from "../../db/schema";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as download from "~/routes/requests.$requestId_.files_.$fileId.download";
import * as inline from "~/routes/requests.$requestId_.files_.$fileId.inline";
import * as preview from "~/routes/requests.$requestId_.files_.$fileId";
import * as filesPage from "~/routes/requests.$requestId_.files";
import * as zip from "~/routes/requests.$requestId_.files[.]zip";
import { filesDir } from "~/domain/files/storage.server";
import { db } from "~/utils/db.server";
import { logCommunication } from "~/domain/requests.server";
import { callRoute, cookieFor, makeMember, makeOrganization, makeRequest, TODAY } from "./factories";
import { filesIn, multipart, postBody, stopsCsv, streamOf } from "./support/uploads";

// Stored files go to a directory of this test file's own; uploads over 1 MB are refused.
const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-files-test-"));
  process.env.FILES_DIR = dir;
  process.env.UPLOAD_MAX_BYTES = "1000000";
  return dir;
});

const fixtures = path.join(__dirname, "..", "fixtures");
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let aCookie: string;
let bCookie: string;

beforeAll(async () => {
  a = await makeOrganization("Files A");
  b = await makeOrganization("Files B");
  aCookie = await cookieFor(a.admin.id);
  bCookie = await cookieFor(b.admin.id);
});

afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

async function uploadTo(requestId: string, body: ReturnType<typeof multipart>, options: { cookie?: string; cutAfter?: number; cut?: "error" | "close"; headers?: Record<string, string> } = {}) {
  return postBody(apiFiles.action, {
    url: `/api/v1/requests/${requestId}/files`,
    cookie: options.cookie ?? aCookie,
    params: { requestId },
    body: streamOf(body.body, { cutAfter: options.cutAfter, cut: options.cut }),
    contentType: body.contentType,
    headers: options.headers,
  });
}

const rowsOf = (requestId: string) => db.select().from(requestFiles).where(eq(requestFiles.requestId, requestId));

describe("uploading a file", () => {
  it("streams it to disk under a server-made name: the stored bytes hash to the SHA-256 returned and recorded", async () => {
    expect(filesDir()).toBe(storage);
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const content = stopsCsv(8000);
    const response = await uploadTo(requestId, multipart([{ name: "file", filename: "stops 2024.csv", content, type: "text/csv" }]));
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string; size: number; sha256: string; type: string; kind: string; name: string; duplicate: boolean } };
    expect(data).toMatchObject({ size: Buffer.byteLength(content), sha256: sha256(content), type: "text/csv", kind: "csv", name: "stops 2024.csv", duplicate: false });

    const [row] = await rowsOf(requestId);
    expect(row!.storageName).not.toContain("stops");
    const onDisk = readFileSync(path.join(storage, row!.storageName));
    expect(sha256(onDisk)).toBe(row!.sha256);
    expect(row!.sha256).toBe(data.sha256);
    expect(filesIn(storage).temp).toEqual([]);

    const events = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "file_added")));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ fileId: data.id, name: "stops 2024.csv", sha256: data.sha256 });
  });

  it("flags the same bytes uploaded again and keeps one stored copy", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const content = stopsCsv(200, 1);
    const first = await uploadTo(requestId, multipart([{ name: "file", filename: "a.csv", content }]));
    const before = filesIn(storage).stored.length;
    const second = await uploadTo(requestId, multipart([{ name: "file", filename: "renamed.csv", content }]));
    expect(second.status).toBe(200);
    const firstData = ((await first.json()) as { data: { id: string } }).data;
    expect(await second.json()).toMatchObject({ data: { id: firstData.id, name: "a.csv", duplicate: true } });
    expect(await rowsOf(requestId)).toHaveLength(1);
    expect(filesIn(storage).stored.length).toBe(before);
    expect(filesIn(storage).temp).toEqual([]);
  });

  it.each([
    ["with a connection reset", "error"],
    ["by a client that stopped sending", "close"],
  ] as const)("cut off mid-way %s: answers 400, records nothing, leaves no file", async (_how, cut) => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const before = filesIn(storage).stored.length;
    const body = multipart([{ name: "file", filename: "big.csv", content: stopsCsv(20_000, 2) }]);
    const response = await uploadTo(requestId, body, { cutAfter: 300_000, cut });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { file: [expect.stringMatching(/interrupted before the whole file arrived/)] } });
    expect(await rowsOf(requestId)).toHaveLength(0);
    expect(filesIn(storage).stored.length).toBe(before);
    expect(filesIn(storage).temp).toEqual([]);
  });

  it("refuses a file over the size limit, whether or not it announced its length", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const before = filesIn(storage).stored.length;
    const body = multipart([{ name: "file", filename: "huge.csv", content: stopsCsv(60_000, 3) }]);
    expect(body.body.length).toBeGreaterThan(1_000_000);
    const streamed = await uploadTo(requestId, body);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get("Connection")).toBe("close");
    expect(await streamed.json()).toMatchObject({ error: expect.stringMatching(/larger than the upload limit of 1 MB/) });
    const announced = await uploadTo(requestId, body, { headers: { "Content-Length": String(body.body.length) } });
    expect(announced.status).toBe(413);
    expect(await rowsOf(requestId)).toHaveLength(0);
    expect(filesIn(storage)).toEqual({ stored: expect.any(Array), temp: [] });
    expect(filesIn(storage).stored.length).toBe(before);
  });

  it.each([
    ["an empty file", () => multipart([{ name: "file", filename: "empty.csv", content: "" }]), 422, /empty/],
    ["a PDF named .csv", () => multipart([{ name: "file", filename: "stops.csv", content: readFileSync(path.join(fixtures, "three-pages.pdf")) }]), 415, /named as CSV, but its content is a PDF file/],
    ["text named .xlsx", () => multipart([{ name: "file", filename: "stops.xlsx", content: "a,b\n1,2\n" }]), 415, /not a zip archive/],
    ["a zip bomb posing as XLSX", () => multipart([{ name: "file", filename: "stops.xlsx", content: readFileSync(path.join(fixtures, "zip-bomb.xlsx")) }]), 422, /zip bomb/],
    ["malformed CSV", () => multipart([{ name: "file", filename: "stops.csv", content: 'date,race\n2024-01-01,"black\n' }]), 422, /not valid CSV/],
    ["a form without a file", () => multipart([{ name: "note", content: "hello" }]), 400, /Choose a file/],
    ["a communication of nobody's", () => multipart([{ name: "communicationId", content: "7d1c7a52-3a58-4d0f-9d8e-0b7e1e6b9a11" }, { name: "file", filename: "ok.csv", content: "a,b\n1,2\n" }]), 400, /communication logged on this request/],
  ])("refuses %s with a clear message and keeps nothing", async (_what, make, status, message) => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const before = filesIn(storage).stored.length;
    const response = await uploadTo(requestId, make());
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await rowsOf(requestId)).toHaveLength(0);
    expect(filesIn(storage).stored.length).toBe(before);
    expect(filesIn(storage).temp).toEqual([]);
  });

  it("refuses a body that is not multipart", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const response = await postBody(apiFiles.action, { url: `/api/v1/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: '{"file":1}', contentType: "application/json" });
    expect(response.status).toBe(415);
  });

  it("shows refusals on the upload form of the files page, and redirects to the preview on success", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId);
    const bad = multipart([{ name: "file", filename: "empty.csv", content: "" }]);
    const refused = await postBody(filesPage.action, { url: `/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: bad.body, contentType: bad.contentType });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ errors: { file: ['"empty.csv" is empty (0 bytes). Nothing was saved.'] } });
    const good = multipart([{ name: "file", filename: "fine.csv", content: "a,b\n1,2\n" }]);
    const accepted = await postBody(filesPage.action, { url: `/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: good.body, contentType: good.contentType });
    expect(accepted.status).toBe(302);
    const [row] = await rowsOf(requestId);
    expect(accepted.headers.get("Location")).toBe(`/requests/${requestId}/files/${row!.id}`);
  });
});

describe("a file that came with a logged communication", () => {
  it("is stored with the communication, named on its timeline event, and shown with it on the preview and files pages", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId, { initialStatus: "submitted" });
    const logged = await logCommunication(a.viewer, requestId, { direction: "incoming", channel: "email", occurredOn: TODAY, summary: "The agency emailed the stop data." });
    if (!logged?.ok) throw new Error("communication");
    const { communicationId } = logged.value;

    const response = await uploadTo(requestId, multipart([{ name: "communicationId", content: communicationId }, { name: "file", filename: "emailed stops.csv", content: stopsCsv(20) }]));
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string; communicationId: string | null } };
    expect(data.communicationId).toBe(communicationId);
    const [row] = await rowsOf(requestId);
    expect(row!.communicationId).toBe(communicationId);
    const [event] = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "file_added")));
    expect(event!.data).toMatchObject({ fileId: data.id, communicationId });

    const page = await callRoute(preview.loader, { url: `/requests/${requestId}/files/${data.id}`, cookie: aCookie, params: { requestId, fileId: data.id } });
    const shown = (await page.json()) as { communication: { id: string; direction: string; channel: string; occurredOn: string; summary: string } | null };
    expect(shown.communication).toEqual({ id: communicationId, direction: "incoming", channel: "email", occurredOn: TODAY, summary: "The agency emailed the stop data." });
    const list = await callRoute(filesPage.loader, { url: `/requests/${requestId}/files`, cookie: aCookie, params: { requestId } });
    const listed = (await list.json()) as { files: Array<{ id: string; communicationId: string | null }>; communications: Array<{ id: string }> };
    expect(listed.files.map((f) => [f.id, f.communicationId])).toEqual([[data.id, communicationId]]);
    expect(listed.communications.map((c) => c.id)).toContain(communicationId);
  });

  it("is attached the same way from the upload form, and refused with a communication of another request", async () => {
    const { id: requestId } = await makeRequest(a.viewer, a.agencyId, { initialStatus: "submitted" });
    const { id: otherId } = await makeRequest(a.viewer, a.agencyId, { initialStatus: "submitted" });
    const mine = await logCommunication(a.viewer, requestId, { direction: "incoming", channel: "mail", occurredOn: TODAY, summary: "A CD arrived." });
    const theirs = await logCommunication(a.viewer, otherId, { direction: "incoming", channel: "mail", occurredOn: TODAY, summary: "Another CD." });
    if (!mine?.ok || !theirs?.ok) throw new Error("communications");
    const post = (communicationId: string, filename: string) => {
      const body = multipart([{ name: "communicationId", content: communicationId }, { name: "file", filename, content: stopsCsv(5) }]);
      return postBody(filesPage.action, { url: `/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: body.body, contentType: body.contentType });
    };
    const refused = await post(theirs.value.communicationId, "wrong.csv");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: { communicationId: ["Choose a communication logged on this request."] } });
    expect(await rowsOf(requestId)).toEqual([]);
    expect(filesIn(storage).temp).toEqual([]);

    const accepted = await post(mine.value.communicationId, "cd.csv");
    expect(accepted.status).toBe(302);
    const [row] = await rowsOf(requestId);
    expect([row!.originalName, row!.communicationId]).toEqual(["cd.csv", mine.value.communicationId]);
  });
});

describe("downloads", () => {
  let requestId: string;
  let fileId: string;
  const content = "date,race\n2024-01-01,black\n";

  beforeAll(async () => {
    requestId = (await makeRequest(a.viewer, a.agencyId)).id;
    const response = await uploadTo(requestId, multipart([{ name: "file", filename: "Données d'arrêts.csv", content }]));
    fileId = ((await response.json()) as { data: { id: string } }).data.id;
    await uploadTo(requestId, multipart([{ name: "file", filename: "policy.pdf", content: readFileSync(path.join(fixtures, "three-pages.pdf")) }]));
  });

  it("sends the file as an attachment with a safe name, nosniff and its length", async () => {
    const response = await callRoute(download.loader, { url: `/requests/${requestId}/files/${fileId}/download`, cookie: aCookie, params: { requestId, fileId } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"Donnees d'arrets.csv\"; filename*=UTF-8''Donn%C3%A9es%20d%27arr%C3%AAts.csv",
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Length")).toBe(String(Buffer.byteLength(content)));
    expect(response.headers.get("Content-Type")).toBe("text/csv");
    expect(await response.text()).toBe(content);
  });

  it("zips all of a request's files while sending", async () => {
    const response = await callRoute(zip.loader, { url: `/requests/${requestId}/files.zip`, cookie: aCookie, params: { requestId } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const bytes = Buffer.from(await response.arrayBuffer());
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: false }, (error, archive) => {
        if (error || !archive) return reject(error);
        const found: string[] = [];
        archive.on("entry", (e: yauzl.Entry) => found.push(e.fileName));
        archive.on("end", () => resolve(found));
      }),
    );
    // Both uploads can share a created_at instant (PGlite's clock is coarse), so their order is not asserted.
    expect(names.sort()).toEqual(["Données d'arrêts.csv", "policy.pdf"]);
  });

  it("gives another organization 404 for the download, the preview, the zip, the list and the upload", async () => {
    for (const [handler, url, params] of [
      [download.loader, `/requests/${requestId}/files/${fileId}/download`, { requestId, fileId }],
      [preview.loader, `/requests/${requestId}/files/${fileId}`, { requestId, fileId }],
      [zip.loader, `/requests/${requestId}/files.zip`, { requestId }],
      [apiFiles.loader, `/api/v1/requests/${requestId}/files`, { requestId }],
      [filesPage.loader, `/requests/${requestId}/files`, { requestId }],
    ] as const) {
      const response = await callRoute(handler, { url, cookie: bCookie, params });
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain("arrêts");
    }
    const before = filesIn(storage).stored.length;
    const sneaky = await uploadTo(requestId, multipart([{ name: "file", filename: "x.csv", content: "a\n1\n" }]), { cookie: bCookie });
    expect(sneaky.status).toBe(404);
    expect(await rowsOf(requestId)).toHaveLength(2);
    expect(filesIn(storage).stored.length).toBe(before);
  });

  it("answers 404, not 500, for ids that are not ids", async () => {
    const response = await callRoute(download.loader, { url: `/requests/${requestId}/files/nope/download`, cookie: aCookie, params: { requestId, fileId: "nope" } });
    expect(response.status).toBe(404);
  });

  it("records each download and zip in the audit log, with who, what and the client address", async () => {
    const advocate = await makeMember(a, "advocate");
    const exportsOf = (actorId: string) =>
      // Ordered by kind: the two may share an instant on PGlite's coarse clock.
      db.select().from(auditEvents).where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, "export"))).orderBy(auditEvents.targetType);
    expect(await exportsOf(advocate.id)).toEqual([]);

    const file = await callRoute(download.loader, {
      url: `/requests/${requestId}/files/${fileId}/download`,
      cookie: advocate.cookie,
      params: { requestId, fileId },
      context: { clientAddress: "203.0.113.7" },
    });
    expect(file.status).toBe(200);
    await file.arrayBuffer();
    const archive = await callRoute(zip.loader, { url: `/requests/${requestId}/files.zip`, cookie: advocate.cookie, params: { requestId }, context: { clientAddress: "203.0.113.8" } });
    expect(archive.status).toBe(200);
    await archive.arrayBuffer();

    const rows = await exportsOf(advocate.id);
    expect(rows.map((r) => ({ org: r.organizationId, type: r.targetType, id: r.targetId, details: r.details, ip: r.ipAddress }))).toEqual([
      { org: a.org.id, type: "request", id: requestId, details: { what: "request files (zip)", name: expect.stringMatching(/^request-\d+-files\.zip$/), files: 2 }, ip: "203.0.113.8" },
      { org: a.org.id, type: "request_file", id: fileId, details: { what: "received file", name: "Données d'arrêts.csv", requestId }, ip: "203.0.113.7" },
    ]);
  });

  describe("a PDF shown inside the preview page", () => {
    let pdfId: string;
    const pdfBytes = readFileSync(path.join(fixtures, "three-pages.pdf"));
    beforeAll(async () => {
      const [row] = await db.select().from(requestFiles).where(and(eq(requestFiles.requestId, requestId), eq(requestFiles.originalName, "policy.pdf")));
      pdfId = row!.id;
    });
    const call = (cookie: string, fileId = pdfId, context?: Record<string, unknown>) =>
      callRoute(inline.loader, { url: `/requests/${requestId}/files/${fileId}/inline`, cookie, params: { requestId, fileId }, context });

    it("is served inline as application/pdf, sandboxed, framable only by this site, with nosniff", async () => {
      const response = await call(aCookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toBe('inline; filename="policy.pdf"');
      const policy = response.headers.get("Content-Security-Policy")!.split(";").map((d) => d.trim());
      expect(policy).toEqual(expect.arrayContaining(["sandbox", "default-src 'none'", "frame-ancestors 'self'"]));
      expect(response.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Content-Length")).toBe(String(pdfBytes.length));
      expect(Buffer.from(await response.arrayBuffer()).equals(pdfBytes)).toBe(true);
    });

    it("has the download's access checks: another organization gets 404, a viewer 403, and nothing but PDFs is served", async () => {
      const theirs = await call(bCookie);
      expect(theirs.status).toBe(404);
      expect(theirs.headers.get("Content-Type")).not.toBe("application/pdf");
      const viewer = await makeMember(a, "viewer");
      expect((await call(viewer.cookie)).status).toBe(403);
      const csv = await call(aCookie, fileId);
      expect(csv.status).toBe(404);
      expect(await csv.text()).toContain("Only PDFs are shown inside JointAsk");
      expect((await call(aCookie, "not-an-id")).status).toBe(404);
      // Showing the PDF in the page is not an export: nothing is added to the audit log.
      const before = await db.select().from(auditEvents).where(eq(auditEvents.actorId, a.admin.id));
      await (await call(aCookie)).arrayBuffer();
      expect(await db.select().from(auditEvents).where(eq(auditEvents.actorId, a.admin.id))).toHaveLength(before.length);
    });

    it("is framed by its preview page, whose own policy alone allows frames from this site", async () => {
      const page = await callRoute(preview.loader, {
        url: `/requests/${requestId}/files/${pdfId}`,
        cookie: aCookie,
        params: { requestId, fileId: pdfId },
        context: { cspNonce: "bm9uY2Vub25jZW5vbmNlMQ==" },
      });
      expect(page.status).toBe(200);
      expect(((await page.clone().json()) as { framed: boolean }).framed).toBe(true);
      const policy = page.headers.get("Content-Security-Policy")!;
      expect(policy).toContain("frame-src 'self'");
      expect(policy).toContain("script-src 'self' 'nonce-bm9uY2Vub25jZW5vbmNlMQ=='");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(new Headers(preview.headers({ loaderHeaders: page.headers } as Parameters<typeof preview.headers>[0])).get("Content-Security-Policy")).toBe(policy);

      // A CSV's preview keeps the default policy (no frames), and so does a PDF's for a viewer, who gets no frame.
      const csvPage = await callRoute(preview.loader, { url: `/requests/${requestId}/files/${fileId}`, cookie: aCookie, params: { requestId, fileId }, context: { cspNonce: "x" } });
      expect(csvPage.headers.get("Content-Security-Policy")).toBeNull();
      const viewer = await makeMember(a, "viewer");
      const viewerPage = await callRoute(preview.loader, { url: `/requests/${requestId}/files/${pdfId}`, cookie: viewer.cookie, params: { requestId, fileId: pdfId }, context: { cspNonce: "x" } });
      expect(viewerPage.headers.get("Content-Security-Policy")).toBeNull();
      expect(((await viewerPage.json()) as { framed: boolean }).framed).toBe(false);
    });
  });

  it("refuses downloads and zips to a viewer (no export permission) and logs nothing for them", async () => {
    const viewer = await makeMember(a, "viewer");
    for (const [handler, url, params] of [
      [download.loader, `/requests/${requestId}/files/${fileId}/download`, { requestId, fileId }],
      [zip.loader, `/requests/${requestId}/files.zip`, { requestId }],
    ] as const) {
      const response = await callRoute(handler, { url, cookie: viewer.cookie, params });
      expect(response.status, url).toBe(403);
      expect(await response.text()).toContain("Your role (Viewer) can't do this: export data");
    }
    // A viewer still sees the preview.
    expect((await callRoute(preview.loader, { url: `/requests/${requestId}/files/${fileId}`, cookie: viewer.cookie, params: { requestId, fileId } })).status).toBe(200);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.actorId, viewer.id))).toEqual([]);
  });
});
