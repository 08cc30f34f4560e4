import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import http from "node:http";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "~/utils/remix-handler.server";
import { webStreamOf } from "~/utils/web-streams.server";

// A client that closes the connection in the middle of a long download (a browser's cancel, a phone losing its
// signal) must end that response only: the server kept crashing on an unhandled 'error' event
// (ERR_STREAM_PREMATURE_CLOSE) from the stream it was reading the file from.

let producedChunks = 0;
let sourcesDestroyed = 0;

function endlessFile(): Readable {
  const chunk = Buffer.alloc(64 * 1024, 120);
  return new Readable({
    read() {
      producedChunks += 1;
      this.push(chunk);
    },
    destroy(error, callback) {
      sourcesDestroyed += 1;
      callback(error);
    },
  });
}

const build = {
  mode: "production",
  future: {},
  isSpaMode: false,
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  entry: { module: { default: () => new Response("No pages in this test build.", { status: 404 }) } },
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
  routes: {
    root: { id: "root", path: "", module: {} },
    download: {
      id: "download",
      parentId: "root",
      path: "download",
      module: { loader: () => new Response(webStreamOf(endlessFile()), { headers: { "Content-Type": "application/octet-stream" } }) },
    },
  },
} as unknown as ServerBuild;

let port = 0;
let server: http.Server;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  process.on("uncaughtException", onUncaught);
  const app = express();
  app.all("*", createRequestHandler({ build, mode: "production" }));
  server = await new Promise<http.Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function downloadThenHangUp(afterBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/download" }, (response) => {
      let received = 0;
      response.on("data", (data: Buffer) => {
        received += data.length;
        if (received >= afterBytes) {
          request.destroy();
          resolve(received);
        }
      });
      response.on("error", () => {});
    });
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}

describe("a download the client abandons", () => {
  it("ends that response and releases the file, and the server keeps serving", async () => {
    for (let round = 0; round < 20; round += 1) await downloadThenHangUp(256 * 1024);
    // Give the server the ticks in which the abandoned streams are torn down.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
    expect(sourcesDestroyed).toBe(20);
    // Backpressure held: the server read about what the sockets could take, not the endless file.
    expect(producedChunks).toBeLessThan(20 * 200);
    expect(await downloadThenHangUp(64 * 1024)).toBeGreaterThanOrEqual(64 * 1024);
  });
});
