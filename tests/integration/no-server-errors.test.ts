import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { recordTypes, requestFiles, systemDocuments } from "../../db/schema";
import { createRecordType } from "~/domain/catalog.server";
import * as login from "~/routes/login";
import * as fieldsPage from "~/routes/requests.$requestId_.fields";
import * as systemsNew from "~/routes/agencies.$agencyId_.systems.new";
import * as vendorsImport from "~/routes/vendors.import";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as filePage from "~/routes/requests.$requestId_.files_.$fileId";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeProduct, makeRequest, makeVendor } from "./factories";
import { multipart, postBody } from "./support/uploads";

// The concrete 500s of issue 12, each now a 2xx/3xx or a 4xx with a message.

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-no-500-"));
  process.env.FILES_DIR = dir;
  return dir;
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

describe("a redirectTo with characters above U+00FF", () => {
  it("signs in and redirects to the address, percent-encoded", async () => {
    const org = await makeOrganization("Redirect");
    const response = await callRoute(login.action as never, {
      url: "/login",
      form: { email: org.admin.email, password: org.password, redirectTo: "/requests?q=Łódź€" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/requests?q=%C5%81%C3%B3d%C5%BA%E2%82%AC");
  });

  it("comes back from the fields page's forms", async () => {
    const org = await makeOrganization("Redirect fields");
    const request = await makeRequest(org.viewer, org.agencyId);
    const response = await callRoute(fieldsPage.action as never, {
      url: `/requests/${request.id}/fields`,
      cookie: await cookieFor(org.admin.id),
      params: { requestId: request.id },
      form: { intent: "update-states", redirectTo: `/requests/${request.id}?ā=€` },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/${request.id}?%C4%81=%E2%82%AC#fields`);
  });
});

describe("uploaded file names with ; and =", () => {
  it("are kept whole on a system's evidence document", async () => {
    const org = await makeOrganization("Semicolon");
    const vendorId = await makeVendor(org.viewer, "Semicolon Vendor");
    const productId = await makeProduct(org.viewer, vendorId, "Semicolon RMS");
    const body = multipart([
      { name: "systemType", content: "records_management" },
      { name: "productId", content: productId },
      { name: "confidence", content: "confirmed" },
      { name: "document", filename: "contract; v=2 a=b.txt", content: "Master agreement.", type: "text/plain" },
    ]);
    const response = await postBody(systemsNew.action as never, {
      url: `/agencies/${org.agencyId}/systems/new`,
      cookie: await cookieFor(org.admin.id),
      params: { agencyId: org.agencyId },
      body: body.body,
      contentType: body.contentType,
    });
    expect(response.status, await response.clone().text()).toBe(302);
    const documents = await db.select({ fileName: systemDocuments.fileName }).from(systemDocuments).where(eq(systemDocuments.fileName, "contract; v=2 a=b.txt"));
    expect(documents).toHaveLength(1);
  });

  it("are read on the vendors import", async () => {
    const org = await makeOrganization("Semicolon import");
    const csv = "vendor,product,system_type,agency,state,confidence\n";
    const body = multipart([{ name: "file", filename: "systems; final=yes.csv", content: csv, type: "text/csv" }]);
    const response = await postBody(vendorsImport.action as never, {
      url: "/vendors/import",
      cookie: await cookieFor(org.admin.id),
      params: {},
      body: body.body,
      contentType: body.contentType,
    });
    expect(response.status).toBeLessThan(500);
  });
});

describe("two colleagues adding the same record type at once", () => {
  it("both get the one type that exists, or are told it exists; never two", async () => {
    const org = await makeOrganization("Race");
    const results = await Promise.all([1, 2, 3].map(() => createRecordType(org.viewer, { name: "Body camera audits", category: "Other", description: "" })));
    // Whoever arrives after a colleague's type is saved is told it exists (as a later form would be); whoever
    // races it gets that type. Which happens depends on timing; one type, and no error, either way.
    for (const result of results) {
      if (!result.ok) expect(result.fieldErrors.name?.[0]).toMatch(/already a record type called "Body camera audits"/);
    }
    const ids = new Set(results.flatMap((r) => (r.ok ? [r.value.id] : [])));
    expect(ids.size).toBe(1);
    const rows = await db.select().from(recordTypes).where(eq(recordTypes.organizationId, org.org.id));
    expect(rows.filter((r) => r.name === "Body camera audits")).toHaveLength(1);
  });
});

describe("a received JSON file nested 5,000 levels deep", () => {
  it("is previewed as an excerpt instead of failing for good", async () => {
    const org = await makeOrganization("Deep JSON");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const body = multipart([{ name: "file", filename: "deep.json", content: deep, type: "application/json" }]);
    const upload = await postBody(apiFiles.action as never, {
      url: `/api/v1/requests/${request.id}/files`,
      cookie,
      params: { requestId: request.id },
      body: body.body,
      contentType: body.contentType,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const [file] = await db.select({ id: requestFiles.id }).from(requestFiles).where(eq(requestFiles.requestId, request.id));
    const page = await callRoute(filePage.loader as never, { url: `/requests/${request.id}/files/${file!.id}`, cookie, params: { requestId: request.id, fileId: file!.id } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("nests deeper than 200 levels");
  });
});
