import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import { isStorageName, newTempPath, type ObjectStore } from "./storage.server";

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
    },
    async withLocalFile(storageName, use) {
      const opened = await store.open(storageName);
      if (!opened) {
        throw Object.assign(new Error(`Stored file missing from ${store.location}: ${storageName}`), { code: "ENOENT" });
      }
      const localPath = await newTempPath();
      try {
        await pipeline(opened.body, createWriteStream(localPath, { flags: "wx", mode: 0o600 }));
        return await use(localPath);
      } finally {
        await rm(localPath, { force: true });
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
