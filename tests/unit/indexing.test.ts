import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "~/utils/http-guards.server";
import { isIndexablePath } from "~/utils/indexing";

describe("isIndexablePath", () => {
  it.each(["/r", "/r/", "/r/stop-data-a1b2c3d4e5", "/r/stop-data-a1b2c3d4e5/", "/deadlines", "/deadlines/"])("lets search engines index %s", (path) => {
    expect(isIndexablePath(path)).toBe(true);
  });

  it.each([
    "/",
    "/login",
    "/requests",
    "/requests/5f0c6c1e-0000-4000-8000-000000000000",
    "/r/stop-data-a1b2c3d4e5/files/5f0c6c1e-0000-4000-8000-000000000000",
    "/rr",
    "/r-old",
    "/requests/r",
    "/deadlines/extra",
    "/api/v1/deadlines",
    "/account",
  ])("keeps %s out of search engines", (path) => {
    expect(isIndexablePath(path)).toBe(false);
  });
});

/** Runs the middleware on a stand-in for Express's req and res, returning the headers it set. */
function headersFor(path: string, options: { secure?: boolean } = {}) {
  const headers = new Map<string, string>();
  const res = { locals: {} as Record<string, unknown>, setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) };
  let nextCalls = 0;
  securityHeaders({ path, secure: options.secure ?? false } as Request, res as unknown as Response, (() => (nextCalls += 1)) as NextFunction);
  return { headers, nextCalls, locals: res.locals };
}

describe("securityHeaders: X-Robots-Tag", () => {
  it.each(["/r", "/r/stop-data-a1b2c3d4e5", "/deadlines"])("sends none on the public page %s", (path) => {
    const { headers, nextCalls } = headersFor(path);
    expect(headers.has("x-robots-tag")).toBe(false);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(nextCalls).toBe(1);
  });

  it.each(["/login", "/requests", "/requests/new", "/r/stop-data-a1b2c3d4e5/files/5f0c6c1e-0000-4000-8000-000000000000", "/"])(
    "sends noindex on %s",
    (path) => {
      const { headers, nextCalls } = headersFor(path);
      expect(headers.get("x-robots-tag")).toBe("noindex, nofollow");
      expect(nextCalls).toBe(1);
    },
  );

  it("still sends the other security headers and a nonce on public pages", () => {
    const { headers, locals } = headersFor("/r", { secure: true });
    expect(headers.get("content-security-policy")).toContain(`'nonce-${String(locals.cspNonce)}'`);
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});
