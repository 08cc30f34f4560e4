import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import { filesDir, isStorageName, newTempPath, type ObjectStore } from "./storage.server";

// Received files and stored mail in S3-compatible object storage (FILES_URL=s3://bucket/prefix), through the
// AWS SDK v3. Each file is one object, `<prefix>/<storage name>`, written once and never changed: a new file
// always gets a new server-generated name, so readers never see a partial or replaced object. Bytes are
// streamed both ways: puts read the flushed staged file in parts (lib-storage's multipart Upload, at most
// PART_BYTES x QUEUE parts in memory), gets hand the response body on as it arrives.

export interface S3StoreConfig {
  bucket: string;
  /** Key prefix without leading or trailing slash; "" for the bucket's root. */
  prefix: string;
  /** An S3-compatible server (MinIO, R2, Ceph, s3rver); unset for AWS. */
  endpoint?: string;
  /** Default AWS_REGION / AWS_DEFAULT_REGION, else us-east-1. */
  region?: string;
  /** Path-style addresses; default on when an endpoint is given. */
  forcePathStyle?: boolean;
  /** Default: the SDK's standard chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * Local copies kept for readers that need a file (previews, checks), in FILES_DIR/cache, at most this many
   * bytes in all (least recently used go first); 0 keeps none. Objects never change, so a copy never goes stale.
   */
  cacheBytes?: number;
}

// S3's smallest part is 5 MiB; 8 MiB parts with two in flight bound an upload's memory at about 16 MiB.
const PART_BYTES = 8 * 1024 * 1024;
const QUEUE = 2;

type Sdk = typeof import("@aws-sdk/client-s3");

function notFound(error: unknown): boolean {
  const e = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.Code === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

export function createS3Store(config: S3StoreConfig): ObjectStore & { client(): Promise<S3Client> } {
  const prefix = config.prefix.replace(/^\/+|\/+$/g, "");
  const keyOf = (storageName: string) => {
    if (!isStorageName(storageName)) throw new Error(`Not a storage name: ${storageName}`);
    return prefix ? `${prefix}/${storageName}` : storageName;
  };
  let loaded: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  // Loaded on first use, like the other libraries only some requests need, to keep the idle server small.
  const connect = () =>
    (loaded ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: config.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
        ...(config.credentials ? { credentials: config.credentials } : {}),
        // Checksums only where S3 requires them: several S3-compatible servers reject the SDK's newer default
        // (CRC32 trailers on every put). Integrity is the app's own SHA-256, kept in the database.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    })));

  const cacheBytes = config.cacheBytes ?? 0;
  const cacheDir = () => path.join(filesDir(), "cache");
  const inUse = new Map<string, number>();
  const withCopyInUse = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    inUse.set(name, (inUse.get(name) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const left = inUse.get(name)! - 1;
      if (left > 0) inUse.set(name, left);
      else inUse.delete(name);
    }
  };
  /** Removes the least recently used copies, other than those being read, until the cache fits. */
  const trimCache = async () => {
    const names = await readdir(cacheDir()).catch(() => [] as string[]);
    const entries = [];
    let total = 0;
    for (const name of names) {
      const info = await stat(path.join(cacheDir(), name)).catch(() => null);
      if (!info?.isFile()) continue;
      entries.push({ name, size: info.size, used: info.mtimeMs });
      total += info.size;
    }
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= cacheBytes) break;
      if (inUse.has(entry.name)) continue;
      await rm(path.join(cacheDir(), entry.name), { force: true });
      total -= entry.size;
    }
  };

  const store: ObjectStore & { client(): Promise<S3Client> } = {
    kind: "s3",
    location: `s3://${config.bucket}${prefix ? `/${prefix}` : ""}`,
    async client() {
      return (await connect()).client;
    },
    async putStaged(tempPath, sizeBytes) {
      const storageName = randomUUID();
      try {
        const { client } = await connect();
        const { Upload } = await import("@aws-sdk/lib-storage");
        const upload = new Upload({
          client,
          params: {
            Bucket: config.bucket,
            Key: keyOf(storageName),
            Body: createReadStream(tempPath, { highWaterMark: 1024 * 1024 }),
            ContentLength: sizeBytes,
            ContentType: "application/octet-stream",
          },
          partSize: PART_BYTES,
          queueSize: QUEUE,
          // A failed multipart upload is aborted, so no parts are left behind to be billed.
          leavePartsOnError: false,
        });
        await upload.done();
        // The bytes just put are often read again at once (the upload's preview, a message's attachments
        // judged while filed): the staged copy becomes the cached one instead of being fetched back.
        if (cacheBytes > 0 && sizeBytes <= cacheBytes / 4) {
          await mkdir(cacheDir(), { recursive: true, mode: 0o700 });
          await rename(tempPath, path.join(cacheDir(), storageName)).catch(() => {});
          await trimCache().catch(() => {});
        }
      } finally {
        await rm(tempPath, { force: true });
      }
      return storageName;
    },
    async open(storageName) {
      const { sdk, client } = await connect();
      try {
        const got = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: keyOf(storageName) }));
        return { body: got.Body as Readable, sizeBytes: Number(got.ContentLength ?? 0) };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async stat(storageName) {
      const { sdk, client } = await connect();
      try {
        const head = await client.send(new sdk.HeadObjectCommand({ Bucket: config.bucket, Key: keyOf(storageName) }));
        return { sizeBytes: Number(head.ContentLength ?? 0) };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async remove(storageName) {
      const { sdk, client } = await connect();
      // Deleting a missing key succeeds in S3: removal is idempotent.
      await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: keyOf(storageName) }));
      if (cacheBytes > 0 && !inUse.has(storageName)) await rm(path.join(cacheDir(), storageName), { force: true });
    },
    async withLocalFile(storageName, use) {
      const cached = path.join(cacheDir(), storageName);
      keyOf(storageName);
      if (cacheBytes > 0) {
        // Marked in use before it is looked at, so a trim running meanwhile can't remove it under the reader.
        const hit = await withCopyInUse(storageName, async () => {
          if (!(await stat(cached).catch(() => null))) return { found: false as const };
          const now = new Date();
          await utimes(cached, now, now).catch(() => {});
          return { found: true as const, value: await use(cached) };
        });
        if (hit.found) return hit.value;
      }
      const opened = await store.open(storageName);
      if (!opened) {
        throw Object.assign(new Error(`Stored file missing from ${store.location}: ${storageName}`), { code: "ENOENT" });
      }
      const localPath = await newTempPath();
      try {
        await pipeline(opened.body, createWriteStream(localPath, { flags: "wx", mode: 0o600 }));
        // Large files are not kept: one would push every other copy out.
        if (cacheBytes > 0 && opened.sizeBytes <= cacheBytes / 4) {
          await mkdir(cacheDir(), { recursive: true, mode: 0o700 });
          // Atomic: a reader sees a whole copy or none (two requests fetching one object both place identical bytes).
          await rename(localPath, cached);
          return await withCopyInUse(storageName, () => use(cached));
        }
        return await use(localPath);
      } finally {
        await rm(localPath, { force: true });
        if (cacheBytes > 0) await trimCache().catch(() => {});
      }
    },
    async *list() {
      const { sdk, client } = await connect();
      let token: string | undefined;
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix ? `${prefix}/` : undefined, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          const name = (item.Key ?? "").slice(prefix ? prefix.length + 1 : 0);
          if (isStorageName(name)) yield { storageName: name, modifiedAt: item.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
  return store;
}
