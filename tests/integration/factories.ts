import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { jurisdictions, type UserRole } from "../../db/schema";
import { createOrganization, createUser, type Viewer } from "~/domain/accounts.server";
import { createAgency, createLocalJurisdiction } from "~/domain/places.server";
import { createRequest } from "~/domain/requests.server";
import { signIn } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const TODAY = "2026-11-23";

/** A fresh organization with an admin, a second member, a city and one agency in it. */
export async function makeOrganization(label = "Org") {
  const suffix = randomUUID().slice(0, 8);
  const org = await createOrganization(db, { name: `${label} ${suffix}` });
  const admin = await createUser(db, {
    organizationId: org.id,
    email: `admin-${suffix}@example.org`,
    name: `${label} Admin`,
    password: "correct horse battery",
    role: "admin",
  });
  const member = await createUser(db, {
    organizationId: org.id,
    email: `member-${suffix}@example.org`,
    name: `${label} Member`,
    password: "correct horse battery",
  });
  const viewer: Viewer = {
    id: admin.id,
    organizationId: org.id,
    organizationName: org.name,
    timeZone: org.timeZone,
    email: admin.email,
    name: admin.name,
    role: "admin",
  };
  const [pa] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
  const city = await createLocalJurisdiction(viewer, { name: `${label} City ${suffix}`, kind: "city", stateId: pa!.id });
  if (!city.ok) throw new Error("city");
  const agency = await createAgency(viewer, {
    name: `${label} Police Department`,
    type: "police",
    jurisdictionId: city.value.id,
  });
  if (!agency.ok) throw new Error("agency");
  return {
    org,
    admin,
    member,
    viewer,
    cityId: city.value.id,
    agencyId: agency.value.id,
    password: "correct horse battery",
  };
}

/** A member of the organization with the given role, with a session cookie. */
export async function makeMember(org: Awaited<ReturnType<typeof makeOrganization>>, role: UserRole) {
  const suffix = randomUUID().slice(0, 8);
  const user = await createUser(db, {
    organizationId: org.org.id,
    email: `${role}-${suffix}@example.org`,
    name: `${role} ${suffix}`,
    password: org.password,
    role,
  });
  const viewer: Viewer = { ...org.viewer, id: user.id, email: user.email, name: user.name, role };
  return { ...user, role, viewer, cookie: await cookieFor(user.id) };
}

export async function makeRequest(viewer: Viewer, agencyId: string, overrides: { title?: string; description?: string; initialStatus?: "draft" | "submitted" } = {}) {
  const result = await createRequest(
    viewer,
    {
      title: overrides.title ?? `Request ${randomUUID().slice(0, 6)}`,
      description: overrides.description ?? "Record-level stop data with subject race and a hashed officer id.",
      agencyId,
      initialStatus: overrides.initialStatus ?? "draft",
      tags: ["stops"],
    },
    TODAY,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

/** A session cookie header for the user, made the way the login action makes one. */
export async function cookieFor(userId: string): Promise<string> {
  const response = await signIn(new Request("http://localhost/login", { method: "POST" }), userId, "/");
  const setCookie = response.headers.get("Set-Cookie")!;
  return setCookie.split(";")[0]!;
}

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Calls a route's loader or action as Remix would, returning thrown Responses instead of throwing. */
export async function callRoute(
  handler: Handler,
  options: {
    url: string;
    method?: string;
    cookie?: string;
    params?: Record<string, string>;
    form?: Record<string, string>;
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
    /** What server.ts's getLoadContext would pass, e.g. { clientAddress: "203.0.113.7" }. */
    context?: Record<string, unknown>;
  },
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set("Content-Type", "application/json");
  } else if (options.body !== undefined) {
    body = options.body;
  }
  const request = new Request(new URL(options.url, "http://localhost"), {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  try {
    const result = await handler({ request, params: options.params ?? {}, context: options.context ?? {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
