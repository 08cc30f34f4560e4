import type { NextFunction, Request, Response } from "express";

/** Headers every response carries. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Content-Security-Policy", "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
  next();
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
