import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { isIndexablePath } from "./indexing";

/**
 * The Content-Security-Policy for a response whose inline scripts carry `nonce`. Pages frame nothing, except
 * those that pass `frames: "self"` (a received PDF's preview page, framing the PDF served from this origin).
 */
export function contentSecurityPolicy(nonce: string, options: { frames?: "none" | "self" } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src '${options.frames ?? "none"}'`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Headers every response carries. Makes a fresh nonce per request (res.locals.cspNonce) for the
 * server-rendered inline scripts; HSTS only when the request came over TLS (directly or, with
 * "trust proxy", through a proxy that said so).
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (!isIndexablePath(req.path)) res.setHeader("X-Robots-Tag", "noindex, nofollow");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

/** What every loader and action gets as `context` (see app/utils/load-context.server.ts). */
export function loadContextFor(req: Request, res: Response) {
  return { clientAddress: req.ip, cspNonce: typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : "" };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests sent from another site: beyond SameSite cookies, a browser's Origin
 * header must name this host. Requests without Origin (curl, older clients) rely on the cookie rules.
 */
export function rejectCrossOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get("Origin");
  if (!origin || origin === "null") return origin === "null" ? refuse(res) : next();
  try {
    if (new URL(origin).host === req.get("Host")) return next();
  } catch {
    // malformed Origin: refuse below
  }
  return refuse(res);
}

function refuse(res: Response) {
  res.status(403).type("text/plain").send("Cross-site request refused.");
}
