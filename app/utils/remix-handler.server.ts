import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import {
  createRequestHandler as createRemixHandler,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { guardRequest, InputRefused, refusalResponse } from "./bounded-input.server";
import { env } from "./env.server";
import { webStreamOf } from "./web-streams.server";
import { appUrl } from "./app-url.server";
import { createWorkGate, type WorkGate } from "./work-gate.server";
import { openRequestScope, REQUEST_SCOPE_HEADER } from "./request-scope.server";
import { withApiRateLimit } from "../domain/api-rate-limits.server";

// Express adapter for Remix, as @remix-run/express's but sending response bodies with backpressure: a
// download is read from disk only as fast as the client takes it (@remix-run/express writes without waiting
// for the socket, so a large file sent to a slow client would pile up in memory). Request bodies are passed
// on unread, as a stream that pauses the socket when the route's action reads slower than the client sends.

/** The limits of the request guard in this server: multipart bodies as large as the largest upload. */
export function serverGuardOptions() {
  return { multipartBytes: Math.max(env.UPLOAD_MAX_BYTES, env.MAIL_MAX_BYTES) + 1024 * 1024 };
}

/** The request as Remix gets it, through the bounded-input guard; a refusal is the Response to send instead. */
export async function guardedRemixRequest(req: ExpressRequest, res: ExpressResponse): Promise<Request | Response> {
  const request = remixRequest(req, res);
  try {
    return await guardRequest(request, serverGuardOptions());
  } catch (error) {
    if (error instanceof InputRefused) return refusalResponse(error, request);
    throw error;
  }
}

export function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // The configured address, not the client's Host or X-Forwarded-Host: whatever reads request.url's origin
  // gets the app's own. (originalUrl starts with "/", so "//host" stays a path.)
  const url = new URL(`${new URL(appUrl()).origin}${req.originalUrl.startsWith("/") ? req.originalUrl : `/${req.originalUrl}`}`);

  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  // This request's scope (what its loaders read once: the viewer), over any value the client sent. Only for a
  // GET or HEAD: after a form's POST the page's loaders run in the same HTTP request as its action, and must see
  // what the action changed (a sign-out, a role, the user's time zone), not the viewer the action read.
  headers.delete(REQUEST_SCOPE_HEADER);
  if (req.method === "GET" || req.method === "HEAD") {
    const scope = openRequestScope();
    headers.set(REQUEST_SCOPE_HEADER, scope.id);
    res.on("close", scope.close);
  }
  // Abort loaders and actions once the response can no longer be sent (the client went away).
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());

  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = webStreamOf(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/**
 * Runs `work` (the loader or action, and the render up to the response's first byte) within the gate's slots.
 * Uploads stream for as long as the client sends and hold no page data, and /healthz must answer under load:
 * neither waits in line.
 */
async function handleThroughGate(gate: WorkGate, request: Request, work: () => Promise<Response>): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === "/healthz" || (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/")) return work();
  const leave = await gate.enter(request.signal);
  if (!leave) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return new Response("The server is busy. Try again in a moment.", {
      status: 503,
      headers: { "Retry-After": "2", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  try {
    return await work();
  } finally {
    leave();
  }
}

export function createRequestHandler({
  build,
  mode,
  getLoadContext,
}: {
  build: ServerBuild;
  mode: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRemixHandler(build, mode);
  const gate = createWorkGate({ concurrency: env.MAX_CONCURRENT_REQUESTS, queueLimit: env.WAIT_QUEUE_LIMIT });
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = await guardedRemixRequest(req, res);
      // API calls with a token count against its rate limit (429 past it) and carry the RateLimit headers.
      const work = (r: Request) => () => withApiRateLimit(r, env.API_RATE_LIMIT_PER_MINUTE, () => handle(r, getLoadContext?.(req, res)));
      const response = request instanceof Response ? request : await handleThroughGate(gate, request, work(request));
      res.statusMessage = response.statusText;
      res.status(response.status);
      // A route's own header replaces the default set by earlier middleware (e.g. a download's CSP).
      for (const [key, value] of response.headers.entries()) {
        if (key === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      if (!response.body) {
        res.end();
        return;
      }
      try {
        await pipeline(Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>), res);
      } catch {
        // The client went away mid-response: nothing more to send.
        res.destroy();
      }
    } catch (error) {
      next(error);
    }
  };
}
