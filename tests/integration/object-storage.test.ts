import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inboundAttachments, inboundMessages, requestFiles } from "../../db/schema";
import { receiveMail } from "~/domain/mail/inbound.server";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import * as attachmentRoute from "~/routes/inbox.attachments.$attachmentId";
import * as rawRoute from "~/routes/inbox.raw.$messageId";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as download from "~/routes/requests.$requestId_.files_.$fileId.download";
import * as preview from "~/routes/requests.$requestId_.files_.$fileId";
import * as zip from "~/routes/requests.$requestId_.files[.]zip";
import { sweepOrphanedFiles } from "~/domain/files/orphans.server";
import { getFileProfile } from "~/domain/profiles/profiles.server";
import { ProfileWorker } from "~/domain/profiles/worker.server";
import { newTempPath, objectStore, stageBuffer, useObjectStore, type ObjectStore } from "~/domain/files/storage.server";
import { parseFilesUrl } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";
import { emlFixture } from "./support/mail-fixtures";
import { startS3 } from "./support/s3";
import { filesIn, multipart, postBody, stopsCsv, streamOf } from "./support/uploads";

// The storage layer against a real S3 protocol server (s3rver, in this process): objects put, read as
// streams, listed and removed; a large file both ways without holding it in memory; and the app's own upload
// path ending in the bucket and downloaded back byte for byte.

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-s3-test-"));
  // Only the local staging area: the stored bytes go to the bucket.
  process.env.FILES_DIR = dir;
  process.env.UPLOAD_MAX_BYTES = String(200 * 1024 * 1024);
  return dir;
});

let s3: Awaited<ReturnType<typeof startS3>>;
let store: ObjectStore;

beforeAll(async () => {
  s3 = await startS3();
  store = s3.store(`run-${randomUUID().slice(0, 8)}`);
});

afterAll(async () => {
  useObjectStore(undefined);
  await s3?.close();
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

async function streamHash(body: Readable): Promise<{ sha256: string; bytes: number; chunks: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    chunks += 1;
  }
  return { sha256: hash.digest("hex"), bytes, chunks };
}

describe("FILES_URL", () => {
  it("reads a bucket and a prefix, and names what is wrong in a malformed one", () => {
    expect(parseFilesUrl("s3://jointask-files/prod/files/")).toEqual({ bucket: "jointask-files", prefix: "prod/files" });
    expect(parseFilesUrl("s3://jointask-files")).toEqual({ bucket: "jointask-files", prefix: "" });
    expect(parseFilesUrl("https://jointask-files.s3.amazonaws.com/x")).toMatch(/FILES_URL must look like s3:\/\/bucket-name.*only s3:\/\//);
    expect(parseFilesUrl("jointask-files")).toMatch(/FILES_URL must look like s3:\/\/bucket-name/);
    expect(parseFilesUrl("s3://Bad_Bucket/x")).toMatch(/"Bad_Bucket" is not a valid bucket name/);
    expect(parseFilesUrl("s3://jointask-files/a/../b")).toMatch(/prefix "a\/..\/b"/);
  });
});

describe("the S3 store", () => {
  it("puts a staged file, reads it back as a stream, lists it, and removes it", async () => {
    const content = Buffer.from("Stop Date,Precinct\n2024-01-01,3\n");
    const staged = await stageBuffer(content);
    const name = await store.putStaged(staged.tempPath, staged.sizeBytes);
    // The staged copy is gone once the bytes are in the bucket.
    expect(existsSync(staged.tempPath)).toBe(false);
    expect(await store.stat(name)).toEqual({ sizeBytes: content.length });

    const opened = await store.open(name);
    expect(opened?.sizeBytes).toBe(content.length);
    expect((await streamHash(opened!.body)).sha256).toBe(sha256(content));

    const listed: string[] = [];
    for await (const item of store.list()) listed.push(item.storageName);
    expect(listed).toContain(name);

    // A local copy for readers that need a file, removed afterwards.
    let copied = "";
    const text = await store.withLocalFile(name, async (localPath) => {
      copied = localPath;
      const { readFile } = await import("node:fs/promises");
      return readFile(localPath, "utf8");
    });
    expect(text).toBe(content.toString());
    expect(existsSync(copied)).toBe(false);

    await store.remove(name);
    expect(await store.stat(name)).toBeNull();
    expect(await store.open(name)).toBeNull();
    // Removing again is not an error; a missing file is a clear one for withLocalFile.
    await store.remove(name);
    await expect(store.withLocalFile(name, async () => "read")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("keeps local copies for readers in a bounded cache, least recently used out first", async () => {
    const prefix = `cache-${randomUUID().slice(0, 8)}`;
    const cachedStore = s3.store(prefix, { cacheBytes: 4 * 1024 });
    const put = async (fill: number) => {
      const staged = await stageBuffer(Buffer.alloc(1000, fill));
      return cachedStore.putStaged(staged.tempPath, staged.sizeBytes);
    };
    const read = (name: string) => cachedStore.withLocalFile(name, async (localPath) => (await import("node:fs/promises")).readFile(localPath));
    const first = await put(1);
    // The staged copy became the cached one: served from it even with the object gone from the bucket
    // (objects never change, so a copy never goes stale).
    const client = await cachedStore.client();
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `${prefix}/${first}` }));
    expect((await read(first))[0]).toBe(1);
    expect((await read(first))[0]).toBe(1);
    // Four more files of 1000 bytes: the cache (4 KiB) lets the least recently used go.
    const others = [await put(2), await put(3), await put(4), await put(5)];
    for (const name of others) await read(name);
    await expect(read(first)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await read(others[3]!))[0]).toBe(5);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(path.join(storage, "cache")).length).toBeLessThanOrEqual(4);
    // A file over a quarter of the cache is read from a temp copy, not kept.
    // Removing a file removes its copy too.
    await cachedStore.remove(others[3]!);
    await expect(read(others[3]!)).rejects.toMatchObject({ code: "ENOENT" });
    const staged = await stageBuffer(Buffer.alloc(2000, 9));
    const big = await cachedStore.putStaged(staged.tempPath, staged.sizeBytes);
    expect((await read(big)).length).toBe(2000);
    expect(readdirSync(path.join(storage, "cache"))).not.toContain(big);
    expect(filesIn(storage).temp).toEqual([]);
  });

  it("refuses names it did not make", async () => {
    await expect(store.open("../../etc/passwd")).rejects.toThrow(/Not a storage name/);
  });

  it("streams a large file up and down in parts, never holding it in memory", async () => {
    const size = 256 * 1024 * 1024;
    // Written to the staging area in 1 MiB blocks of varied bytes.
    const tempPath = await newTempPath();
    const expected = createHash("sha256");
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < size / (1024 * 1024); i++) {
            const block = Buffer.alloc(1024 * 1024, i % 251);
            block.writeUInt32BE(i, 0);
            expected.update(block);
            yield block;
          }
        })(),
      ),
      createWriteStream(tempPath, { flags: "wx" }),
    );
    const want = expected.digest("hex");

    // Whatever is held at once shows in the process's buffers (this process runs the S3 server too).
    const base = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - base)), 5);
    try {
      const name = await store.putStaged(tempPath, size);
      expect(await store.stat(name)).toEqual({ sizeBytes: size });
      const opened = await store.open(name);
      expect(opened!.sizeBytes).toBe(size);
      const read = await streamHash(opened!.body);
      expect(read).toMatchObject({ sha256: want, bytes: size });
      // Many chunks, as they arrived: not one buffer of the whole object.
      expect(read.chunks).toBeGreaterThan(50);
      await store.remove(name);
    } finally {
      clearInterval(sample);
    }
    // Up in 8 MiB parts, two at a time, and down as it arrives. Buffers not yet collected count too, so the
    // bound is loose, but a whole-file buffer (256 MiB) anywhere on the way would exceed it.
    expect(peak).toBeLessThan(size / 2);
  }, 300_000);
});

describe("the app with FILES_URL", () => {
  let org: Awaited<ReturnType<typeof makeOrganization>>;
  let cookie: string;

  beforeAll(async () => {
    useObjectStore(store);
    org = await makeOrganization("S3 files");
    cookie = await cookieFor(org.admin.id);
  });

  async function upload(requestId: string, content: Buffer | string, filename: string) {
    const body = multipart([{ name: "file", filename, content, type: "text/csv" }]);
    return postBody(apiFiles.action, {
      url: `/api/v1/requests/${requestId}/files`,
      cookie,
      params: { requestId },
      body: streamOf(body.body, { chunk: 256 * 1024 }),
      contentType: body.contentType,
    });
  }

  it("stores an upload in the bucket, not on disk, and downloads it back byte for byte", async () => {
    expect(objectStore().kind).toBe("s3");
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const content = stopsCsv(40_000, 7);
    const response = await upload(requestId, content, "stops.csv");
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string; sha256: string } };
    expect(data.sha256).toBe(sha256(content));

    const [row] = await db.select().from(requestFiles).where(eq(requestFiles.requestId, requestId));
    expect(await store.stat(row!.storageName)).toEqual({ sizeBytes: Buffer.byteLength(content) });
    // Nothing stored on this machine: no file but the staging area, and the staging area empty.
    expect(filesIn(storage).stored.filter((n) => n !== "profiling" && n !== "cache")).toEqual([]);
    expect(filesIn(storage).temp).toEqual([]);

    const got = await callRoute(download.loader, { url: `/requests/${requestId}/files/${data.id}/download`, cookie, params: { requestId, fileId: data.id } });
    expect(got.status).toBe(200);
    expect(got.headers.get("Content-Length")).toBe(String(Buffer.byteLength(content)));
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(bytes.equals(Buffer.from(content))).toBe(true);
  });

  it("previews and zips files from the bucket", async () => {
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const first = await upload(requestId, stopsCsv(50, 1), "one.csv");
    const second = await upload(requestId, stopsCsv(60, 2), "two.csv");
    const firstId = ((await first.json()) as { data: { id: string } }).data.id;
    expect(second.status).toBe(201);

    const page = await callRoute(preview.loader, { url: `/requests/${requestId}/files/${firstId}`, cookie, params: { requestId, fileId: firstId } });
    expect(page.status).toBe(200);
    const pageData = (await page.json()) as { preview: { type: string; table?: { headers: string[] } } };
    expect(pageData.preview.type).toBe("table");
    expect(pageData.preview.table!.headers).toContain("Precinct");

    const zipped = await callRoute(zip.loader, { url: `/requests/${requestId}/files.zip`, cookie, params: { requestId } });
    expect(zipped.status).toBe(200);
    const buffer = Buffer.from(await zipped.arrayBuffer());
    const entries = await new Promise<Record<string, string>>((resolve, reject) => {
      yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, file) => {
        if (error || !file) return reject(error);
        const found: Record<string, string> = {};
        file.on("entry", (entry: yauzl.Entry) => {
          file.openReadStream(entry, async (e, stream) => {
            if (e || !stream) return reject(e);
            const chunks: Buffer[] = [];
            for await (const chunk of stream) chunks.push(chunk as Buffer);
            found[entry.fileName] = Buffer.concat(chunks).toString();
            file.readEntry();
          });
        });
        file.on("end", () => resolve(found));
        file.readEntry();
      });
    });
    expect(entries).toEqual({ "one.csv": stopsCsv(50, 1), "two.csv": stopsCsv(60, 2) });
  });

  it("sweeps objects no row names once they are a day old, and keeps every file a row names", async () => {
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    expect((await upload(requestId, stopsCsv(30, 9), "kept.csv")).status).toBe(201);
    const [kept] = await db.select().from(requestFiles).where(eq(requestFiles.requestId, requestId));
    // A put whose row was never committed (the process died in between).
    const staged = await stageBuffer(Buffer.from("orphan"));
    const orphan = await store.putStaged(staged.tempPath, staged.sizeBytes);

    // Too young: an upload may be about to commit its row.
    expect(await sweepOrphanedFiles(db, { store })).toBe(0);
    expect(await store.stat(orphan)).not.toBeNull();

    const dayLater = Date.now() + 25 * 60 * 60 * 1000;
    expect(await sweepOrphanedFiles(db, { store, now: dayLater })).toBeGreaterThanOrEqual(1);
    expect(await store.stat(orphan)).toBeNull();
    expect(await store.stat(kept!.storageName)).not.toBeNull();
  });

  it("keeps a received message's raw copy and attachments in the bucket, and serves them from there", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const raw = emlFixture("agency-reply-with-attachment.eml", { to: replyAddressFor(request.id) });
    const received = await receiveMail({ raw, channel: "upload", uploader: org.viewer });
    expect(received.outcome).toBe("filed");
    const messageId = received.outcome === "filed" ? received.inboundMessageId : "";
    const [message] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, messageId));
    const [attachment] = await db.select().from(inboundAttachments).where(eq(inboundAttachments.inboundMessageId, messageId));
    expect(await store.stat(message!.rawKey)).toEqual({ sizeBytes: raw.length });
    expect(await store.stat(attachment!.storageKey)).toEqual({ sizeBytes: attachment!.size });
    expect(filesIn(storage).stored.filter((n) => n !== "profiling" && n !== "cache")).toEqual([]);

    const rawDownload = await callRoute(rawRoute.loader, { url: `/inbox/raw/${messageId}`, cookie, params: { messageId } });
    expect(rawDownload.status).toBe(200);
    expect(Buffer.from(await rawDownload.arrayBuffer()).equals(raw)).toBe(true);
    const attachmentDownload = await callRoute(attachmentRoute.loader, { url: `/inbox/attachments/${attachment!.id}`, cookie, params: { attachmentId: attachment!.id } });
    expect(attachmentDownload.status).toBe(200);
    expect(sha256(Buffer.from(await attachmentDownload.arrayBuffer()))).toBe(attachment!.sha256);

    // Bytes gone from the bucket: a clear 404, not a server error.
    await store.remove(message!.rawKey);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const missing = await callRoute(rawRoute.loader, { url: `/inbox/raw/${messageId}`, cookie, params: { messageId } });
    expect(missing.status).toBe(404);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`Stored mail file missing from storage: ${message!.rawKey}`));
    logged.mockRestore();
  });

  it("profiles a file in the bucket from a local copy that is removed afterwards", async () => {
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const response = await upload(requestId, stopsCsv(2000, 5), "profiled.csv");
    expect(response.status).toBe(201);
    const fileId = ((await response.json()) as { data: { id: string } }).data.id;
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const outcomes = await new ProfileWorker({ db, organizationId: org.viewer.organizationId, log: quiet }).drain();
    // This file's other uploads were queued too: every profile is computed from the bucket.
    expect(outcomes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(outcomes)).toEqual(new Set(["done"]));
    const profile = await getFileProfile(fileId);
    expect(profile).toMatchObject({ status: "done" });
    expect(JSON.stringify(profile!.result)).toContain("Precinct");
    expect(filesIn(storage).temp).toEqual([]);
  }, 120_000);
});
