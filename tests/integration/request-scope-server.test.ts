import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { remixRequest } from "~/utils/remix-handler.server";
import { REQUEST_SCOPE_HEADER } from "~/utils/request-scope.server";

// The server opens a request scope (what the page's loaders read once: the viewer) for a GET or HEAD only, and
// never takes a scope id from the client: after a document POST the loaders must see what the action changed.

function call(port: number, method: string, headers: Record<string, string>) {
  return new Promise<string>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/requests", method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the request scope the server opens", () => {
  it("is the server's own on a GET, and absent on a POST, whatever the client sends", async () => {
    const app = express();
    app.all("*", (req, res) => void res.send(remixRequest(req, res).headers.get(REQUEST_SCOPE_HEADER) ?? "none"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const forged = { [REQUEST_SCOPE_HEADER]: "00000000-0000-4000-8000-000000000000" };
      const first = await call(port, "GET", forged);
      const second = await call(port, "GET", {});
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      expect(first).not.toBe(forged[REQUEST_SCOPE_HEADER]);
      expect(second).not.toBe(first);
      expect(await call(port, "POST", forged)).toBe("none");
      expect(await call(port, "POST", {})).toBe("none");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
