import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { jurisdictions, type UserRole } from "../../db/schema";
import { createOrganization, createUser, type Viewer } from "~/domain/accounts.server";
import { createAgency, createLocalJurisdiction } from "~/domain/places.server";
import { createRequest } from "~/domain/requests.server";
import { createSystem } from "~/domain/systems.server";
import { createProduct, createVendor } from "~/domain/vendors.server";
import type { SystemType } from "../../db/schema/values";
import { signIn } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { guardRequest, InputRefused, refusalResponse } from "~/utils/bounded-input.server";
import { serverGuardOptions } from "~/utils/remix-handler.server";

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
    organizationCode: org.shortCode,
    timeZone: org.timeZone,
    email: admin.email,
    name: admin.name,
    role: "admin",
    partnerOrganizationIds: [],
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

export async function makeRequest(
  viewer: Viewer,
  agencyId: string,
  overrides: { title?: string; description?: string; initialStatus?: "draft" | "submitted"; visibility?: "private" | "coalition" } = {},
) {
  const result = await createRequest(
    viewer,
    {
      title: overrides.title ?? `Request ${randomUUID().slice(0, 6)}`,
      description: overrides.description ?? "Record-level stop data with subject race and a hashed officer id.",
      agencyId,
      initialStatus: overrides.initialStatus ?? "draft",
      tags: ["stops"],
      visibility: overrides.visibility ?? "coalition",
    },
    TODAY,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

/** A request to a vendor (as a joint ask makes one): no agency, so no jurisdiction and no law. */
export async function makeVendorRequest(viewer: Viewer, vendorId: string, overrides: { title?: string; description?: string; initialStatus?: "draft" | "submitted" } = {}) {
  const result = await createRequest(
    viewer,
    {
      title: overrides.title ?? `Vendor request ${randomUUID().slice(0, 6)}`,
      description: overrides.description ?? "The standard export of stop records from your records management system.",
      vendorId,
      initialStatus: overrides.initialStatus ?? "draft",
      tags: [],
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

/** The request as server.ts hands it to Remix: through the bounded-input guard, or the guard's refusal. */
export async function guardedForTest(request: Request): Promise<Request | Response> {
  try {
    return await guardRequest(request, serverGuardOptions());
  } catch (error) {
    if (error instanceof InputRefused) return refusalResponse(error, request);
    throw error;
  }
}

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
  const sent = new Request(new URL(options.url, "http://localhost"), {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  // Through the server's bounded-input guard, as every request is.
  const request = await guardedForTest(sent);
  if (request instanceof Response) return request;
  try {
    const result = await handler({ request, params: options.params ?? {}, context: options.context ?? {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A city (or county) in a state with one agency in it. */
export async function makeAgency(
  viewer: Viewer,
  options: { name: string; place: string; state?: string; kind?: "city" | "county" | "regional"; type?: "police" | "sheriff" | "dispatch_911" | "other" },
) {
  const [state] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, options.state ?? "PA"), isNull(jurisdictions.organizationId)));
  const existing = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.organizationId, viewer.organizationId), eq(jurisdictions.name, options.place), eq(jurisdictions.stateId, state!.id)));
  let placeId = existing[0]?.id;
  if (!placeId) {
    const created = await createLocalJurisdiction(viewer, { name: options.place, kind: options.kind ?? "city", stateId: state!.id });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    placeId = created.value.id;
  }
  const agency = await createAgency(viewer, { name: options.name, type: options.type ?? "police", jurisdictionId: placeId });
  if (!agency.ok) throw new Error(JSON.stringify(agency.fieldErrors));
  return { agencyId: agency.value.id, placeId };
}

export async function makeVendor(viewer: Viewer, name = `Vendor ${randomUUID().slice(0, 6)}`) {
  const vendor = await createVendor(viewer, { name });
  if (!vendor.ok) throw new Error(JSON.stringify(vendor.fieldErrors));
  return vendor.value.id;
}

export async function makeProduct(viewer: Viewer, vendorId: string, name: string, systemType: SystemType = "records_management") {
  const product = await createProduct(viewer, vendorId, { name, systemType });
  if (!product?.ok) throw new Error(JSON.stringify(product));
  return product.value.id;
}

/** Records that an agency runs a product (or uses the system another agency hosts). */
export async function makeSystem(
  viewer: Viewer,
  agencyId: string,
  target: { productId: string } | { hostAgencyId: string },
  options: { systemType?: SystemType; untilOn?: string; sinceOn?: string } = {},
) {
  const result = await createSystem(
    viewer,
    agencyId,
    { systemType: options.systemType ?? "records_management", confidence: "confirmed", untilOn: options.untilOn, sinceOn: options.sinceOn, ...target },
    null,
  );
  if (!result?.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

/**
 * Puts the organizations in one coalition, the first founding it, through the same invitation and acceptance
 * the pages use. Returns the coalition's id; viewers made before this are stale: read them again with viewerFor.
 */
export async function formCoalition(
  founder: Awaited<ReturnType<typeof makeOrganization>>,
  ...others: Awaited<ReturnType<typeof makeOrganization>>[]
): Promise<string> {
  const { acceptCoalitionInvitation, createCoalition, inviteOrganization } = await import("~/domain/coalitions.server");
  const created = await createCoalition(founder.viewer, { name: `Coalition ${randomUUID().slice(0, 6)}` });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  for (const other of others) {
    const invited = await inviteOrganization(founder.viewer, { email: other.admin.email });
    if (!invited.ok) throw new Error(JSON.stringify(invited.fieldErrors));
    const token = invited.value.acceptUrl.split("/").pop()!;
    const accepted = await acceptCoalitionInvitation(other.viewer, token);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.fieldErrors));
  }
  return created.value.id;
}

/** The viewer of a user as a page would see it now (after a change of coalition). */
export async function freshViewer(userId: string): Promise<Viewer> {
  const { viewerFor } = await import("~/domain/accounts.server");
  const viewer = await viewerFor(db, userId);
  if (!viewer) throw new Error("no such enabled user");
  return viewer;
}

/** The id of a record type of the standard catalog, by its key (e.g. "stops"). */
export async function standardRecordTypeId(key: string): Promise<string> {
  const { recordTypes } = await import("../../db/schema");
  const [row] = await db.select({ id: recordTypes.id }).from(recordTypes).where(and(eq(recordTypes.key, key), isNull(recordTypes.organizationId)));
  if (!row) throw new Error(`no standard record type ${key}`);
  return row.id;
}
