import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiRateWindows, apiTokens } from "../../db/schema";
import { countApiCall, withApiRateLimit } from "~/domain/api-rate-limits.server";
import { hashSecretToken } from "~/domain/secret-tokens.server";
import * as accountTokens from "~/routes/account.tokens";
import * as apiChange from "~/routes/api.v1.requests.$requestId.$change";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiRequests from "~/routes/api.v1.requests";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, makeMember, makeOrganization, makeRequest } from "./factories";

// What a token may do: read only or read and write, all its user sees or its organization's own rows only, and
// how many calls a minute (counted in the database, so every app instance shares the count).

async function createToken(cookie: string, form: Record<string, string>) {
  const response = await callRoute(accountTokens.action as never, { url: "/account/tokens", cookie, form: { intent: "create", name: "script", ...form } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { created: { token: string } }).created.token;
}
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("token scope", () => {
  it("a read-only token reads but every write is 403 naming why; a read-write token writes", async () => {
    const org = await makeOrganization("Scope");
    const user = await makeMember(org, "coordinator");
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Scoped" });
    const readOnly = await createToken(user.cookie, { scope: "read" });
    const readWrite = await createToken(user.cookie, { scope: "read_write" });

    const read = await callRoute(apiRequest.loader as never, { url: `/api/v1/requests/${request.id}`, params: { requestId: request.id }, headers: bearer(readOnly) });
    expect(read.status).toBe(200);

    const note = (token: string) =>
      callRoute(apiChange.action as never, { url: `/api/v1/requests/${request.id}/notes`, params: { requestId: request.id, change: "notes" }, headers: bearer(token), json: { body: "From a script" } });
    const refused = await note(readOnly);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/can only read/);
    const create = await callRoute(apiRequests.action as never, { url: "/api/v1/requests", headers: bearer(readOnly), json: { title: "x", description: "y", agencyId: org.agencyId } });
    expect(create.status).toBe(403);
    expect((await note(readWrite)).status).toBe(200);

    // The token list says what each may do; tokens made before scopes (no choice sent) keep full access.
    const legacy = await createToken(user.cookie, {});
    expect((await note(legacy)).status).toBe(200);
    const rows = await db.select({ scope: apiTokens.scope, organizationId: apiTokens.organizationId }).from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(rows.map((r) => r.scope).sort()).toEqual(["read", "read_write", "read_write"]);
    expect(rows.every((r) => r.organizationId === null)).toBe(true);
    const page = await callRoute(accountTokens.loader as never, { url: "/account/tokens", cookie: user.cookie });
    expect(((await page.json()) as { tokens: { scope: string }[] }).tokens.map((t) => t.scope)).toContain("read");
  });

  it("refuses an unknown scope with the field named", async () => {
    const org = await makeOrganization("Scope form");
    const response = await callRoute(accountTokens.action as never, { url: "/account/tokens", cookie: await cookieFor(org.admin.id), form: { intent: "create", name: "x", scope: "admin" } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("Choose what the token may do");
  });
});

describe("a token bound to the organization", () => {
  it("sees its organization's own requests, not what coalition partners share; an unbound token sees both", async () => {
    const a = await makeOrganization("Bound A");
    const b = await makeOrganization("Bound B");
    await formCoalition(a, b);
    const own = await makeRequest(a.viewer, a.agencyId, { title: "Bound own request" });
    const shared = await makeRequest(b.viewer, b.agencyId, { title: "Bound partner shared request" });
    const { setRequestVisibility } = await import("~/domain/visibility.server");
    const { freshViewer } = await import("./factories");
    const shareResult = await setRequestVisibility(await freshViewer(b.admin.id), shared.id, { visibility: "coalition", confirmFileIds: [] } as never, { ipAddress: null });
    expect(shareResult?.ok).toBe(true);

    const bound = await createToken(await cookieFor(a.admin.id), { reach: "organization" });
    const all = await createToken(await cookieFor(a.admin.id), { reach: "coalition" });
    const list = async (token: string) =>
      ((await (await callRoute(apiRequests.loader as never, { url: "/api/v1/requests?q=Bound", headers: bearer(token) })).json()) as { data: { id: string }[] }).data.map((r) => r.id);
    expect(await list(all)).toEqual(expect.arrayContaining([own.id, shared.id]));
    const boundList = await list(bound);
    expect(boundList).toContain(own.id);
    expect(boundList).not.toContain(shared.id);
    const get = (token: string, id: string) => callRoute(apiRequest.loader as never, { url: `/api/v1/requests/${id}`, params: { requestId: id }, headers: bearer(token) });
    expect((await get(all, shared.id)).status).toBe(200);
    expect((await get(bound, shared.id)).status).toBe(404);
    expect((await get(bound, own.id)).status).toBe(200);
    const [row] = await db.select({ organizationId: apiTokens.organizationId }).from(apiTokens).where(eq(apiTokens.tokenHash, hashSecretToken(bound)));
    expect(row!.organizationId).toBe(a.org.id);
  });
});

describe("rate limits per token", () => {
  const apiCall = (token: string, path = "/api/v1/requests") => new Request(`http://localhost${path}`, { headers: bearer(token) });
  const handled = () => Promise.resolve(new Response(JSON.stringify({ data: [] }), { status: 200, headers: { "Content-Type": "application/json" } }));

  it("answers with the RateLimit headers, then 429 with Retry-After and JSON past the limit, without running the route", async () => {
    const org = await makeOrganization("Rate");
    const token = await createToken(await cookieFor(org.admin.id), {});
    let ran = 0;
    const run = () => {
      ran += 1;
      return handled();
    };
    const first = await withApiRateLimit(apiCall(token), 3, run);
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBe("3");
    expect(first.headers.get("RateLimit-Remaining")).toBe("2");
    const reset = Number(first.headers.get("RateLimit-Reset"));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);
    expect(await first.json()).toEqual({ data: [] });
    await withApiRateLimit(apiCall(token), 3, run);
    const third = await withApiRateLimit(apiCall(token), 3, run);
    expect(third.headers.get("RateLimit-Remaining")).toBe("0");
    const fourth = await withApiRateLimit(apiCall(token), 3, run);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(fourth.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(((await fourth.json()) as { error: string }).error).toMatch(/3 API calls a minute/);
    expect(ran).toBe(3);
    // Another token has its own count.
    const other = await createToken(await cookieFor(org.admin.id), {});
    expect((await withApiRateLimit(apiCall(other), 3, run)).status).toBe(200);
  });

  it("counts in the database per fixed minute, clearing a token's older windows", async () => {
    const org = await makeOrganization("Rate windows");
    const token = await createToken(await cookieFor(org.admin.id), {});
    const hash = hashSecretToken(token);
    const minute = new Date("2026-11-23T10:00:10Z");
    expect(await countApiCall(hash, 2, minute)).toMatchObject({ remaining: 1, exceeded: false, resetSeconds: 50 });
    expect(await countApiCall(hash, 2, new Date("2026-11-23T10:00:59.500Z"))).toMatchObject({ remaining: 0, exceeded: false, resetSeconds: 1 });
    expect(await countApiCall(hash, 2, new Date("2026-11-23T10:00:59.900Z"))).toMatchObject({ exceeded: true });
    // The next minute starts again, and the old window is gone.
    expect(await countApiCall(hash, 2, new Date("2026-11-23T10:01:00Z"))).toMatchObject({ remaining: 1, exceeded: false, resetSeconds: 60 });
    const [tokenRow] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.tokenHash, hash));
    const windows = await db.select().from(apiRateWindows).where(eq(apiRateWindows.tokenId, tokenRow!.id));
    expect(windows).toHaveLength(1);
    expect(windows[0]!.count).toBe(1);
  });

  it("leaves pages, session calls and unknown tokens alone (the route answers those)", async () => {
    const unknown = `jat_${"A".repeat(43)}`;
    const response = await withApiRateLimit(apiCall(unknown), 1, handled);
    expect(response.headers.get("RateLimit-Limit")).toBeNull();
    const page = await withApiRateLimit(new Request("http://localhost/requests", { headers: bearer(unknown) }), 1, handled);
    expect(page.headers.get("RateLimit-Limit")).toBeNull();
    const session = await withApiRateLimit(new Request("http://localhost/api/v1/requests"), 1, handled);
    expect(session.headers.get("RateLimit-Limit")).toBeNull();
  });
});
