import { randomUUID } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestFiles } from "../../db/schema";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeProduct, makeRequest, makeVendor } from "./factories";
import { fieldNamesOf, intentsOf, paramNames, routeFiles, routesDir, urlFor, type RouteModule } from "./support/route-sweep";
import { multipart, postBody } from "./support/uploads";

// Every route on disk (as the isolation sweep walks them), signed in as an organization's admin and signed
// out, gets a fixed corpus of hostile values: in its URL parameters, its query string, every field of every
// form it knows (with each intent), and bodies of the wrong shape. Not one answer may be a 5xx, and no
// loader or action may throw anything but a Response.

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-fuzz-test-"));
  process.env.FILES_DIR = dir;
  return dir;
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

/** The hostile corpus: fixed, so a failure reproduces. */
const CORPUS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "%00",
  "%",
  "-1",
  "0",
  "1e309",
  "99999999999999999999999",
  "NaN",
  "null",
  "[]",
  "{}",
  "2026-02-30",
  "99999-12-31",
  "00000000-0000-0000-0000-000000000000",
  "../../../../etc/passwd",
  "//evil.example/\\x",
  "/requests?q=Łódź€😀",
  "<script>alert(1)</script>",
  "' OR 1=1; --",
  "a".repeat(20_000),
  "\r\n\t",
];

const QUERY_KEYS = ["q", "page", "pageSize", "status", "sort", "dir", "agency", "agencyId", "assignee", "tag", "state", "kind", "from", "to", "redirectTo", "view", "filter", "type"];

const ids: Record<string, string> = {};
let cookie = "";

beforeAll(async () => {
  const org = await makeOrganization("Fuzz");
  cookie = await cookieFor(org.admin.id);
  const request = await makeRequest(org.viewer, org.agencyId, { title: "Fuzzed", initialStatus: "submitted" });
  const body = multipart([{ name: "file", filename: "stops.csv", content: "a,b\n1,2\n", type: "text/csv" }]);
  const upload = await postBody(apiFiles.action as never, { url: `/api/v1/requests/${request.id}/files`, cookie, params: { requestId: request.id }, body: body.body, contentType: body.contentType });
  expect(upload.status).toBe(201);
  const [file] = await db.select({ id: requestFiles.id }).from(requestFiles).where(eq(requestFiles.requestId, request.id));
  const vendorId = await makeVendor(org.viewer, "Fuzz Vendor");
  Object.assign(ids, {
    requestId: request.id,
    fileId: file!.id,
    agencyId: org.agencyId,
    vendorId,
    productId: await makeProduct(org.viewer, vendorId, "Fuzz RMS"),
    organizationId: org.org.id,
    userId: org.admin.id,
    code: "PA",
  });
}, 120_000);

function validParams(file: string): Record<string, string> {
  return Object.fromEntries(paramNames(file).map((name) => [name, ids[name] ?? randomUUID()]));
}

async function expectNo5xx(response: Response, label: string) {
  if (response.status >= 500) expect.fail(`${label} -> ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

async function call(handler: RouteModule["loader"], label: string, options: Parameters<typeof callRoute>[1]) {
  let response: Response;
  try {
    response = await callRoute(handler as never, options);
  } catch (error) {
    expect.fail(`${label} threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  await expectNo5xx(response, label);
}

const BAD_BODIES: Array<{ label: string; body?: string; type?: string }> = [
  { label: "JSON", body: JSON.stringify({ intent: "x", title: "\u0000" }), type: "application/json" },
  { label: "text/plain", body: "intent=x", type: "text/plain" },
  { label: "no content type", body: "intent=x" },
  { label: "empty, no content type" },
  { label: "multipart without boundary", body: "--x\r\n", type: "multipart/form-data" },
  { label: "truncated multipart", body: '--b\r\nContent-Disposition: form-data; name="intent"\r\n\r\nad', type: "multipart/form-data; boundary=b" },
  { label: "x[20000000]", body: "intent=x&x[20000000]=1", type: "application/x-www-form-urlencoded" },
  { label: "JSON 5,000 deep", body: `${"[".repeat(5000)}${"]".repeat(5000)}`, type: "application/json" },
];

async function fuzzRoute(file: string, who: string | undefined) {
  if (file.startsWith("logout.")) return 0;
  const mod = (await import(path.join(routesDir, file))) as RouteModule;
  const params = validParams(file);
  let calls = 0;
  for (const value of CORPUS) {
    const hostileParams = Object.fromEntries(Object.keys(params).map((name) => [name, value]));
    const query = new URLSearchParams(QUERY_KEYS.map((k) => [k, value])).toString();
    if (mod.loader) {
      await call(mod.loader, `GET ${file} ?${JSON.stringify(value).slice(0, 40)}`, { url: `${urlFor(file, params)}?${query}`, cookie: who, params });
      if (Object.keys(params).length) {
        await call(mod.loader, `GET ${file} params=${JSON.stringify(value).slice(0, 40)}`, { url: urlFor(file, hostileParams), cookie: who, params: hostileParams });
      }
      calls += 2;
    }
    if (mod.action) {
      const fields = fieldNamesOf(file);
      for (const intent of [undefined, ...intentsOf(file)]) {
        // Every field the route's forms have, set to the value; ids that the form needs stay valid.
        const form: Record<string, string> = Object.fromEntries(fields.map((name) => [name, ids[name] ?? value]));
        if (intent) form.intent = intent;
        await call(mod.action, `POST ${file} ${intent ?? "(no intent)"} ${JSON.stringify(value).slice(0, 40)}`, {
          url: urlFor(file, params),
          cookie: who,
          params,
          form,
        });
        calls += 1;
      }
      if (file.startsWith("api.")) {
        const json = Object.fromEntries(["title", "description", "agencyId", "tags", "status", "name"].map((k) => [k, value]));
        await call(mod.action, `POST ${file} JSON ${JSON.stringify(value).slice(0, 40)}`, { url: urlFor(file, params), cookie: who, params, json });
        calls += 1;
      }
    }
  }
  if (mod.action) {
    for (const bad of BAD_BODIES) {
      const headers: Record<string, string> = bad.type ? { "Content-Type": bad.type } : {};
      await call(mod.action, `POST ${file} ${bad.label}`, { url: urlFor(file, params), method: "POST", cookie: who, params, body: bad.body, headers });
      calls += 1;
    }
  }
  return calls;
}

describe("the fuzz sweep", () => {
  it("gets no 5xx from any route signed in, whatever it sends", async () => {
    let calls = 0;
    for (const file of routeFiles) calls += await fuzzRoute(file, cookie);
    expect(calls).toBeGreaterThan(routeFiles.length * CORPUS.length);
  }, 900_000);

  it("gets no 5xx from any route signed out", async () => {
    let calls = 0;
    for (const file of routeFiles) calls += await fuzzRoute(file, undefined);
    expect(calls).toBeGreaterThan(routeFiles.length * CORPUS.length);
  }, 900_000);
});
