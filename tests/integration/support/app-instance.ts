// One app instance as its own process, for tests of several instances: the app's own request handler
// (createRequestHandler, with the request guard and backpressure) over a build of the file routes that
// matter here (upload through the API, download), on PORT, against DATABASE_URL and the store in FILES_URL.
// Prints "ready <port>" once listening; SIGTERM stops it.
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import * as apiFiles from "../../../app/routes/api.v1.requests.$requestId.files";
import * as download from "../../../app/routes/requests.$requestId_.files_.$fileId.download";
import { objectStore } from "../../../app/domain/files/storage.server";
import { dbHandle } from "../../../app/utils/db.server";
import { loadContextFor } from "../../../app/utils/http-guards.server";
import { createRequestHandler } from "../../../app/utils/remix-handler.server";

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
    upload: { id: "upload", parentId: "root", path: "api/v1/requests/:requestId/files", module: apiFiles },
    download: { id: "download", parentId: "root", path: "requests/:requestId/files/:fileId/download", module: download },
  },
} as unknown as ServerBuild;

const app = express();
app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: loadContextFor }));
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`ready ${(server.address() as AddressInfo).port} ${objectStore().location}\n`);
});
process.on("SIGTERM", () => {
  server.close(async () => {
    await dbHandle.close();
    process.exit(0);
  });
  server.closeAllConnections();
});
