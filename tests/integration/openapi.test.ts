import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "~/domain/openapi.server";
import { REQUEST_CHANGES } from "~/domain/request-changes.server";
import { callRoute, cookieFor, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

// The OpenAPI document and the API's route files must agree: every api.v1 route is documented with the
// methods it answers, and every documented operation reaches a route that answers it.

const routesDir = path.join(process.cwd(), "app", "routes");
const apiRouteFiles = readdirSync(routesDir).filter((f) => f.startsWith("api.v1.") && f.endsWith(".ts"));

/** api.v1.requests.$requestId.files.ts -> /api/v1/requests/{requestId}/files */
function templateOf(file: string): string {
  const segments = file
    .replace(/\.ts$/, "")
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s));
  return `/${segments.join("/")}`;
}

const doc = openApiDocument("http://localhost", TODAY);
const documented = doc.paths as Record<string, Record<string, unknown>>;

/** The documented paths a route file serves (the change route serves one per change). */
function pathsOf(file: string): string[] {
  const template = templateOf(file);
  if (template.endsWith("/{change}")) return Object.values(REQUEST_CHANGES).map((c) => template.replace("{change}", c.apiPath));
  return [template];
}

describe("the OpenAPI document", () => {
  it("documents exactly the API's routes", () => {
    const fromRoutes = apiRouteFiles.flatMap(pathsOf).sort();
    expect(Object.keys(documented).sort()).toEqual(fromRoutes);
  });

  it("documents the methods each route answers, and only those", async () => {
    const org = await makeOrganization("OpenAPI");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "OpenAPI" });
    const vendorId = await makeVendor(org.viewer, "OpenAPI Vendor");
    const ids: Record<string, string> = { requestId: request.id, fileId: "00000000-0000-4000-8000-000000000000", vendorId, campaignId: "00000000-0000-4000-8000-000000000001", jointAskId: "00000000-0000-4000-8000-000000000002", agencyId: org.agencyId, productId: await makeProduct(org.viewer, vendorId, "OpenAPI Product") };
    ids.systemId = await makeSystem(org.viewer, org.agencyId, { productId: ids.productId! });
    for (const file of apiRouteFiles) {
      const route = (await import(path.join(routesDir, file))) as { loader?: unknown; action?: unknown };
      for (const apiPath of pathsOf(file)) {
        const operations = documented[apiPath]!;
        const params: Record<string, string> = {};
        const url = apiPath.replace(/\{(\w+)\}/g, (_, name: string) => {
          const value = name === "change" ? "" : ids[name]!;
          params[name] = value;
          return value;
        });
        if (file.includes("$change")) params.change = apiPath.split("/").pop()!;
        expect(Boolean(operations.get), `${apiPath}: GET documented iff the route has a loader that answers it`).toBe(
          Boolean(route.loader) && (await callRoute(route.loader as never, { url, cookie, params })).status !== 405,
        );
        for (const method of ["POST", "PATCH"] as const) {
          const answered = route.action ? (await callRoute(route.action as never, { url, cookie, params, method, json: {} })).status : 405;
          expect(Boolean(operations[method.toLowerCase()]), `${apiPath}: ${method} documented iff the route answers it (got ${answered})`).toBe(answered !== 405);
        }
      }
    }
  });

  it("describes each change's body from its schema, without the form's intent", () => {
    const status = documented["/api/v1/requests/{requestId}/status"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    const schema = status.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["note", "on", "status"]);
    expect(schema.required).toEqual(["status"]);
  });
});

describe("the API reference page", () => {
  it("lists every documented operation, readable without signing in", async () => {
    const page = await import("~/routes/docs.api");
    const response = await callRoute(page.loader as never, { url: "/docs/api" });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { operations: { path: string; method: string }[] };
    const documentedOperations = Object.entries(documented).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(data.operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(documentedOperations.sort());
  });
});
