import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { createS3Store, type S3StoreConfig } from "~/domain/files/storage-s3.server";

// A real S3 protocol server for tests: s3rver, in this process, on a free port, keeping its objects in a
// throwaway directory. Its fixed credentials are S3RVER / S3RVER.

export const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3(bucket = "jointask-test") {
  const directory = mkdtempSync(path.join(tmpdir(), "jointask-s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const config = (prefix: string): S3StoreConfig => ({ bucket, prefix, endpoint, region: "us-east-1", credentials: S3_CREDENTIALS });
  const admin = createS3Store(config(""));
  await (await admin.client()).send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    bucket,
    directory,
    store: (prefix = "files", options: Partial<S3StoreConfig> = {}) => createS3Store({ ...config(prefix), ...options }),
    /** The environment an app process needs to use this bucket under the prefix. */
    env: (prefix = "files") => ({
      FILES_URL: `s3://${bucket}/${prefix}`,
      FILES_S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
      AWS_REGION: "us-east-1",
    }),
    async close() {
      (await admin.client()).destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
