import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, loadContextFor, rejectCrossOriginPosts, securityHeaders } from "~/utils/http-guards.server";

// The Express middleware of server.ts, mounted the same way in front of a stand-in for the Remix handler.
let base: string;
let close: () => Promise<void>;
const seen: Array<{ method: string; context: ReturnType<typeof loadContextFor> }> = [];

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", "loopback");
  app.use(securityHeaders);
  app.use(rejectCrossOriginPosts);
  app.all("*", (req, res) => {
    seen.push({ method: req.method, context: loadContextFor(req, res) });
    res.type("text/plain").send("handled");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe("security headers", () => {
  it("send a CSP with a fresh nonce per response, frame-ancestors, object-src, base-uri and form-action", async () => {
    const first = await fetch(`${base}/requests`);
    const second = await fetch(`${base}/requests`);
    const csp = first.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    // Pages frame nothing unless their route says otherwise (a PDF's preview page).
    expect(csp).toContain("frame-src 'none'");
    expect(contentSecurityPolicy("n", { frames: "self" })).toContain("frame-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const nonceOf = (header: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(header)?.[1];
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("Content-Security-Policy")!)).not.toBe(nonce);
    // The nonce in the header is the one handed to Remix for the page's scripts.
    expect(seen.at(-2)!.context.cspNonce).toBe(nonce);
    expect(first.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(first.headers.get("Referrer-Policy")).toBe("same-origin");
  });

  it("send HSTS only when the request came over TLS", async () => {
    expect((await fetch(`${base}/`)).headers.get("Strict-Transport-Security")).toBeNull();
    // Through the trusted (loopback) proxy that terminated TLS.
    const viaTls = await fetch(`${base}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(viaTls.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{7,}/);
  });

  it("pass the client address, from a trusted proxy's X-Forwarded-For", async () => {
    await fetch(`${base}/`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    expect(seen.at(-1)!.context.clientAddress).toBe("203.0.113.9");
  });
});

describe("the same-origin check on POST", () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${base}/requests/new`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: "title=x" });

  it("refuses another site's Origin, a null Origin and a malformed one, before the app sees them", async () => {
    for (const origin of ["https://evil.example", "null", "not a url", `http://127.0.0.1:1`]) {
      const before = seen.length;
      const response = await post({ Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toBe("Cross-site request refused.");
      expect(seen.length).toBe(before);
    }
  });

  it("lets same-origin POSTs and clients that send no Origin (curl, API scripts) through", async () => {
    expect((await post({ Origin: base })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it("never blocks reads", async () => {
    expect((await fetch(`${base}/requests`, { headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });
});
