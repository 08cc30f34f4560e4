import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, users } from "../../db/schema";
import * as accountTokens from "~/routes/account.tokens";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiRequests from "~/routes/api.v1.requests";
import * as requestsIndex from "~/routes/requests._index";
import { db } from "~/utils/db.server";
import { callRoute, makeMember, makeOrganization, makeRequest } from "./factories";

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let aRequestId: string;
let bRequestId: string;

beforeAll(async () => {
  a = await makeOrganization("TokenA");
  b = await makeOrganization("TokenB");
  aRequestId = (await makeRequest(a.viewer, a.agencyId, { title: "Alpha's token-visible request" })).id;
  bRequestId = (await makeRequest(b.viewer, b.agencyId, { title: "Bravo secret for tokens" })).id;
});

async function createToken(cookie: string, name = "script") {
  const response = await callRoute(accountTokens.action, { url: "/account/tokens", cookie, form: { intent: "create", name } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { created: { token: string } }).created.token;
}
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("personal API tokens", () => {
  it("are shown once and stored only as a SHA-256 hash", async () => {
    const user = await makeMember(a, "coordinator");
    const token = await createToken(user.cookie, "hash check");
    expect(token).toMatch(/^jat_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const page = await callRoute(accountTokens.loader, { url: "/account/tokens", cookie: user.cookie });
    expect(await page.text()).not.toContain(token);
  });

  it("act as their user on the JSON API, see only that organization's rows, and record when last used", async () => {
    const user = await makeMember(a, "advocate");
    const token = await createToken(user.cookie);
    const list = await callRoute(apiRequests.loader, { url: "/api/v1/requests?pageSize=100", headers: bearer(token) });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain(aRequestId);
    expect(text).not.toContain(bRequestId);
    expect(text).not.toContain("Bravo secret");
    expect((await callRoute(apiRequest.loader, { url: `/api/v1/requests/${aRequestId}`, params: { requestId: aRequestId }, headers: bearer(token) })).status).toBe(200);
    expect((await callRoute(apiRequest.loader, { url: `/api/v1/requests/${bRequestId}`, params: { requestId: bRequestId }, headers: bearer(token) })).status).toBe(404);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("carry their user's role: a viewer's token can read but not create", async () => {
    const user = await makeMember(a, "viewer");
    const token = await createToken(user.cookie);
    const create = await callRoute(apiRequests.action, {
      url: "/api/v1/requests",
      headers: bearer(token),
      json: { title: "Viewer via API", description: "Nope.", agencyId: a.agencyId },
    });
    expect(create.status).toBe(403);
    expect(((await create.json()) as { error: string }).error).toMatch(/role/);
    const advocate = await makeMember(a, "advocate");
    const created = await callRoute(apiRequests.action, {
      url: "/api/v1/requests",
      headers: bearer(await createToken(advocate.cookie)),
      json: { title: "Advocate via API", description: "Yes.", agencyId: a.agencyId },
    });
    expect(created.status).toBe(201);
  });

  it("answer 401 when unknown, malformed, revoked, or their user is disabled", async () => {
    const user = await makeMember(a, "coordinator");
    const token = await createToken(user.cookie);
    for (const header of [`Bearer jat_${"x".repeat(43)}`, "Bearer not-a-token", "Basic dXNlcjpwYXNz", `Bearer ${token}extra`, "Bearer"]) {
      const response = await callRoute(apiRequests.loader, { url: "/api/v1/requests", headers: { Authorization: header } });
      expect(response.status, header).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    }
    // A bad Authorization header is not rescued by a valid session cookie.
    expect((await callRoute(apiRequests.loader, { url: "/api/v1/requests", cookie: user.cookie, headers: { Authorization: "Bearer nope" } })).status).toBe(401);

    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    const revoke = await callRoute(accountTokens.action, { url: "/account/tokens", cookie: user.cookie, form: { intent: "revoke", tokenId: row!.id } });
    expect(revoke.status).toBe(302);
    expect((await callRoute(apiRequests.loader, { url: "/api/v1/requests", headers: bearer(token) })).status).toBe(401);

    const other = await makeMember(a, "coordinator");
    const otherToken = await createToken(other.cookie);
    expect((await callRoute(apiRequests.loader, { url: "/api/v1/requests", headers: bearer(otherToken) })).status).toBe(200);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, other.id));
    expect((await callRoute(apiRequests.loader, { url: "/api/v1/requests", headers: bearer(otherToken) })).status).toBe(401);
  });

  it("only the owner can revoke a token", async () => {
    const owner = await makeMember(a, "coordinator");
    await createToken(owner.cookie);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, owner.id));
    for (const intruder of [await makeMember(a, "admin"), await makeMember(b, "admin")]) {
      const response = await callRoute(accountTokens.action, { url: "/account/tokens", cookie: intruder.cookie, form: { intent: "revoke", tokenId: row!.id } });
      expect(response.status).toBe(404);
    }
    const response = await callRoute(accountTokens.action, { url: "/account/tokens", cookie: owner.cookie, form: { intent: "revoke", tokenId: "../../etc" } });
    expect(response.status).toBe(404);
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, row!.id)))[0]!.revokedAt).toBeNull();
  });

  it("need a name", async () => {
    const user = await makeMember(a, "coordinator");
    const response = await callRoute(accountTokens.action, { url: "/account/tokens", cookie: user.cookie, form: { intent: "create", name: "   " } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Name the token");
  });

  it("don't sign anyone in to the pages", async () => {
    const user = await makeMember(a, "coordinator");
    const token = await createToken(user.cookie);
    expect((await callRoute(requestsIndex.loader, { url: "/requests", headers: bearer(token) })).status).toBe(302);
  });
});
