import { createCookie, json, redirect } from "@remix-run/node";
import { hashSecretToken as hashToken, newSecretToken } from "../domain/secret-tokens.server";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { organizations, sessions, users } from "../../db/schema";
import { viewerColumns, type Viewer } from "../domain/accounts.server";
import { apiTokenAccess } from "../domain/api-tokens.server";
import { db } from "./db.server";
import { cookieSecure } from "./env.server";
import { flashCookie, type Flash } from "./flash.server";
import { sessionSecret } from "./secrets.server";
import { safeRedirectPath } from "./redirect";
import { requestMemo } from "./request-scope.server";

const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  return (cookie ??= createCookie("jointask_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure,
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
    secrets: [sessionSecret()],
  }));
}


async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * The signed-in user, or null. Read once per HTTP request (request-scope.server.ts), so several guards and the
 * page's several loaders (root and route) cost one query.
 */
export function getViewer(request: Request): Promise<Viewer | null> {
  return requestMemo(request, "viewer", () => loadViewer(request));
}

async function loadViewer(request: Request): Promise<Viewer | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const [row] = await db
    .select({
      ...viewerColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

/** Guard for pages: the signed-in user, or a redirect to the login page that comes back here. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (viewer) return viewer;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * Guard for the JSON API: the user of a personal API token (`Authorization: Bearer jat_...`) or of the
 * session cookie, else 401 JSON. A request that sends an Authorization header is judged by it alone.
 */
export async function requireApiViewer(request: Request): Promise<Viewer> {
  const authorization = request.headers.get("Authorization");
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const access = bearer ? await apiTokenAccess(bearer[1]!) : null;
    if (access) {
      // A read-only token reads: any other method is refused here, before a route reads the body.
      if (access.scope === "read" && request.method !== "GET" && request.method !== "HEAD") {
        throw json(
          { error: "This API token can only read: create a read and write token (Account → API tokens) to make changes.", scope: access.scope },
          { status: 403, headers: { "WWW-Authenticate": 'Bearer error="insufficient_scope", scope="read_write"' } },
        );
      }
      return access.viewer;
    }
    throw json(
      { error: bearer ? "The API token is unknown or revoked." : "Send the token as: Authorization: Bearer <token>." },
      { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } },
    );
  }
  const viewer = await getViewer(request);
  if (viewer) return viewer;
  throw json(
    { error: "Authentication required: send a personal API token (Authorization: Bearer <token>) or sign in at /login." },
    { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
  );
}

/**
 * Starts a fresh session (a new id every login; any session the browser carried is ended) and redirects,
 * with a one-time message for the next page when given one.
 */
export async function signIn(
  request: Request,
  userId: string,
  redirectTo: string | null,
  ipAddress: string | null = null,
  flash?: Flash,
): Promise<Response> {
  const previous = await tokenFrom(request);
  if (previous) await db.delete(sessions).where(eq(sessions.id, hashToken(previous)));
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));

  const { token, hash } = newSecretToken();
  await db.insert(sessions).values({
    id: hash,
    userId,
    expiresAt: new Date(Date.now() + SESSION_MS),
    userAgent: request.headers.get("User-Agent")?.slice(0, 500) ?? null,
    ipAddress,
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize(token));
  if (flash) headers.append("Set-Cookie", await flashCookie(flash));
  return redirect(safeRedirectPath(redirectTo, "/"), { headers });
}

export async function signOut(request: Request): Promise<Response> {
  const token = await tokenFrom(request);
  if (token) await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
  return redirect("/login", {
    headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) }) },
  });
}
