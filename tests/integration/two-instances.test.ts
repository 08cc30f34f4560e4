import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestFiles } from "../../db/schema";
import { db } from "~/utils/db.server";
import { cookieFor, makeOrganization, makeRequest } from "./factories";
import { startS3 } from "./support/s3";
import { multipart, stopsCsv } from "./support/uploads";

// Two app instances, each its own process with its own database pool and S3 client, on different ports,
// against one Postgres database and one bucket: a file uploaded through instance A downloads through
// instance B, byte for byte. (An embedded database belongs to one process, so this runs on Postgres only.)

const root = path.join(__dirname, "..", "..");

// Excluded from the embedded project in vitest.config.ts.
describe("two app instances sharing Postgres and a bucket", () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];

  async function startInstance(prefix: string): Promise<string> {
    // Each instance has a staging area of its own, as on two machines.
    const filesDir = mkdtempSync(path.join(tmpdir(), "jointask-instance-"));
    dirs.push(filesDir);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "support", "app-instance.ts")], {
      cwd: root,
      env: { ...process.env, ...s3.env(prefix), FILES_DIR: filesDir, PORT: "0", NODE_ENV: "production", NODE_NO_WARNINGS: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    return new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk) => {
        out += chunk;
        const ready = /ready (\d+) (\S+)/.exec(out);
        if (ready) {
          expect(ready[2]).toBe(`s3://${s3.bucket}/${prefix}`);
          resolve(`http://127.0.0.1:${ready[1]}`);
        }
      });
      child.once("exit", (code) => reject(new Error(`instance exited ${code}: ${out}`)));
    });
  }

  beforeAll(async () => {
    s3 = await startS3();
  });

  afterAll(async () => {
    await Promise.all(
      children.map((child) =>
        child.exitCode === null ? new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGTERM"))) : null,
      ),
    );
    await s3?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("serves from instance B a file uploaded through instance A", async () => {
    const prefix = `shared-${randomUUID().slice(0, 8)}`;
    const [a, b] = await Promise.all([startInstance(prefix), startInstance(prefix)]);
    expect(a).not.toBe(b);

    const org = await makeOrganization("Two instances");
    const cookie = await cookieFor(org.admin.id);
    const { id: requestId } = await makeRequest(org.viewer, org.agencyId);
    const content = Buffer.from(stopsCsv(30_000, 3));
    const body = multipart([{ name: "file", filename: "stops.csv", content, type: "text/csv" }]);

    const uploaded = await fetch(`${a}/api/v1/requests/${requestId}/files`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": body.contentType },
      body: body.body,
    });
    expect(uploaded.status).toBe(201);
    const { data } = (await uploaded.json()) as { data: { id: string; sha256: string } };
    expect(data.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    const [row] = await db.select().from(requestFiles).where(eq(requestFiles.id, data.id));
    expect(await s3.store(prefix).stat(row!.storageName)).toEqual({ sizeBytes: content.length });

    const downloaded = await fetch(`${b}/requests/${requestId}/files/${data.id}/download`, { headers: { Cookie: cookie } });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get("content-disposition")).toContain("stops.csv");
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(content)).toBe(true);

    // And the other way round.
    const second = multipart([{ name: "file", filename: "more.csv", content: stopsCsv(100, 4), type: "text/csv" }]);
    const viaB = await fetch(`${b}/api/v1/requests/${requestId}/files`, { method: "POST", headers: { Cookie: cookie, "Content-Type": second.contentType }, body: second.body });
    expect(viaB.status).toBe(201);
    const secondId = ((await viaB.json()) as { data: { id: string } }).data.id;
    const viaA = await fetch(`${a}/requests/${requestId}/files/${secondId}/download`, { headers: { Cookie: cookie } });
    expect(await viaA.text()).toBe(stopsCsv(100, 4));
  }, 120_000);
});
