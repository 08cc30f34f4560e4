import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditEvents, sessions, users } from "../../db/schema";
import * as account from "~/routes/account._index";
import * as accountTokens from "~/routes/account.tokens";
import * as adminAudit from "~/routes/admin.audit";
import * as adminUsers from "~/routes/admin.users";
import * as apiRequests from "~/routes/api.v1.requests";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as requestsIndex from "~/routes/requests._index";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeMember, makeOrganization } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;
let other: Awaited<ReturnType<typeof makeOrganization>>;
let adminCookie: string;

beforeAll(async () => {
  org = await makeOrganization("Admin");
  other = await makeOrganization("Elsewhere");
  adminCookie = await cookieFor(org.admin.id);
});

const sessionsOf = async (userId: string) => (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;
const lastAudit = async (organizationId: string) =>
  (await db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId)).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(1))[0];

async function createToken(cookie: string, name = "script") {
  const response = await callRoute(accountTokens.action, { url: "/account/tokens", cookie, form: { intent: "create", name } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { created: { token: string } };
  return body.created.token;
}

describe("disabling a user", () => {
  it("ends their sessions at once, stops their API tokens, and is audited; enabling lets them sign in again", async () => {
    const target = await makeMember(org, "advocate");
    const secondCookie = await cookieFor(target.id);
    const token = await createToken(target.cookie);
    expect((await callRoute(apiRequests.loader, { url: "/api/v1/requests", headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await sessionsOf(target.id)).toBe(2);

    const response = await callRoute(adminUsers.action, {
      url: "/admin/users",
      cookie: adminCookie,
      form: { intent: "disable", userId: target.id },
      context: { clientAddress: "198.51.100.4" },
    });
    expect(response.status).toBe(302);
    expect(await sessionsOf(target.id)).toBe(0);
    for (const cookie of [target.cookie, secondCookie]) {
      expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie })).status).toBe(302);
    }
    expect((await callRoute(apiRequests.loader, { url: "/api/v1/requests", headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    const signIn = await callRoute(login.action, { url: "/login", form: { email: target.email, password: org.password } });
    expect(signIn.status).toBe(400);
    const refused = await lastAudit(org.org.id);
    expect(refused).toMatchObject({ action: "auth.sign_in_failed", targetId: target.id });
    expect(refused!.details).toMatchObject({ reason: "disabled" });

    const disabled = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.disabled"), eq(auditEvents.targetId, target.id)));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toMatchObject({ actorId: org.admin.id, organizationId: org.org.id, ipAddress: "198.51.100.4" });
    expect(disabled[0]!.details).toMatchObject({ email: target.email, endedSessions: 2 });

    const enable = await callRoute(adminUsers.action, { url: "/admin/users", cookie: adminCookie, form: { intent: "enable", userId: target.id } });
    expect(enable.status).toBe(302);
    expect((await lastAudit(org.org.id))!.action).toBe("user.enabled");
    const again = await callRoute(login.action, { url: "/login", form: { email: target.email, password: org.password } });
    expect(again.status).toBe(302);
  });

  it("refuses to disable yourself, and a user of another organization is not found", async () => {
    const self = await callRoute(adminUsers.action, { url: "/admin/users", cookie: adminCookie, form: { intent: "disable", userId: org.admin.id } });
    expect(self.status).toBe(409);
    expect(await self.text()).toContain("can't disable your own account");
    expect((await db.select().from(users).where(eq(users.id, org.admin.id)))[0]!.disabledAt).toBeNull();

    const foreign = await callRoute(adminUsers.action, { url: "/admin/users", cookie: adminCookie, form: { intent: "disable", userId: other.member.id } });
    expect(foreign.status).toBe(404);
    expect((await db.select().from(users).where(eq(users.id, other.member.id)))[0]!.disabledAt).toBeNull();
  });

  it("answers 400 for a malformed user id or intent", async () => {
    const forms: Array<Record<string, string>> = [
      { intent: "disable", userId: "1 or 1=1" },
      { intent: "delete", userId: org.member.id },
      { intent: "change-role", userId: org.member.id, role: "owner" },
    ];
    for (const form of forms) {
      const response = await callRoute(adminUsers.action, { url: "/admin/users", cookie: adminCookie, form });
      expect(response.status, JSON.stringify(form)).toBe(400);
    }
  });
});

describe("changing a role", () => {
  it("takes effect on the next request and is audited with the old and new role", async () => {
    const target = await makeMember(org, "viewer");
    const response = await callRoute(adminUsers.action, {
      url: "/admin/users",
      cookie: adminCookie,
      form: { intent: "change-role", userId: target.id, role: "coordinator" },
    });
    expect(response.status).toBe(302);
    expect((await db.select().from(users).where(eq(users.id, target.id)))[0]!.role).toBe("coordinator");
    const audit = await lastAudit(org.org.id);
    expect(audit).toMatchObject({ action: "user.role_changed", targetId: target.id, actorId: org.admin.id });
    expect(audit!.details).toMatchObject({ from: "viewer", to: "coordinator" });
    // The new role applies to the session the user already has.
    expect((await callRoute(adminUsers.loader, { url: "/admin/users", cookie: target.cookie })).status).toBe(403);
  });

  it("keeps at least one enabled admin", async () => {
    const solo = await makeOrganization("Solo");
    const soloCookie = await cookieFor(solo.admin.id);
    const response = await callRoute(adminUsers.action, {
      url: "/admin/users",
      cookie: soloCookie,
      form: { intent: "change-role", userId: solo.admin.id, role: "viewer" },
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("at least one enabled admin");
    expect((await db.select().from(users).where(eq(users.id, solo.admin.id)))[0]!.role).toBe("admin");
  });

  it("the users page lists every member of the organization and nobody else", async () => {
    const response = await callRoute(adminUsers.loader, { url: "/admin/users", cookie: adminCookie });
    const body = (await response.json()) as { users: Array<{ id: string }> };
    const ids = body.users.map((u) => u.id);
    expect(ids).toContain(org.member.id);
    expect(ids).not.toContain(other.member.id);
    expect(ids).not.toContain(other.admin.id);
  });
});

describe("signing out everywhere", () => {
  it("deletes every session of the user, keeps others', and is audited", async () => {
    const user = await makeMember(org, "coordinator");
    const second = await cookieFor(user.id);
    const bystander = await cookieFor(org.member.id);
    const response = await callRoute(account.action, { url: "/account", cookie: user.cookie, form: { intent: "sign-out-everywhere" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie: second })).status).toBe(302);
    expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie: bystander })).status).toBe(200);
    const audit = await lastAudit(org.org.id);
    expect(audit).toMatchObject({ action: "auth.sign_out_everywhere", actorId: user.id });
    expect(audit!.details).toMatchObject({ endedSessions: 2 });
  });
});

describe("the audit log", () => {
  it("records sign-in, failed sign-in (with the email tried) and sign-out", async () => {
    const user = await makeMember(org, "advocate");
    const context = { clientAddress: "203.0.113.50" };
    await callRoute(login.action, { url: "/login", form: { email: user.email, password: "wrong password" }, context });
    const ok = await callRoute(login.action, { url: "/login", form: { email: user.email, password: org.password }, context });
    const cookie = ok.headers.get("Set-Cookie")!.split(";")[0]!;
    await callRoute(logout.action, { url: "/logout", cookie, form: {}, context });
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id)).orderBy(auditEvents.at, auditEvents.id);
    expect(rows.map((r) => r.action)).toEqual(["auth.sign_in_failed", "auth.sign_in", "auth.sign_out"]);
    expect(rows[0]).toMatchObject({ organizationId: org.org.id, actorId: null, ipAddress: "203.0.113.50" });
    expect(rows[0]!.details).toMatchObject({ email: user.email, reason: "password" });
    expect(rows[1]).toMatchObject({ actorId: user.id, ipAddress: "203.0.113.50" });
  });

  it("records a failed sign-in for an email no account has, outside every organization", async () => {
    const email = `ghost-${Date.now()}@example.org`;
    await callRoute(login.action, { url: "/login", form: { email, password: "whatever" } });
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed")).orderBy(desc(auditEvents.at)).limit(1);
    expect(row).toMatchObject({ organizationId: null, targetId: null });
    expect(row!.details).toMatchObject({ email });
  });

  it("records API token creation and revocation", async () => {
    const user = await makeMember(org, "viewer");
    await createToken(user.cookie, "audited");
    const [token] = await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    await callRoute(accountTokens.action, { url: "/account/tokens", cookie: user.cookie, form: { intent: "revoke", tokenId: token!.id } });
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.targetId, token!.id)).orderBy(auditEvents.at, auditEvents.id);
    expect(rows.map((r) => r.action)).toEqual(["api_token.created", "api_token.revoked"]);
    expect(rows.every((r) => r.actorId === user.id && r.organizationId === org.org.id)).toBe(true);
  });

  it("shows admins their organization's events, newest first, 50 a page, and nothing of another organization", async () => {
    const fresh = await makeOrganization("Paged");
    const freshCookie = await cookieFor(fresh.admin.id);
    for (let i = 0; i < 55; i++) {
      await db.insert(auditEvents).values({
        organizationId: fresh.org.id,
        actorId: fresh.admin.id,
        action: "export",
        details: { what: `export ${i}` },
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    }
    await db.insert(auditEvents).values({ organizationId: other.org.id, actorId: other.admin.id, action: "export", details: { what: "other org secret" } });
    const first = (await (await callRoute(adminAudit.loader, { url: "/admin/audit", cookie: freshCookie })).json()) as {
      rows: Array<{ details: { what?: string } }>;
      total: number;
      pageCount: number;
    };
    expect(first.total).toBe(55);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.details.what).toBe("export 54");
    const second = (await (await callRoute(adminAudit.loader, { url: "/admin/audit?page=2", cookie: freshCookie })).json()) as {
      rows: Array<{ details: { what?: string } }>;
    };
    expect(second.rows.map((r) => r.details.what)).toEqual(["export 4", "export 3", "export 2", "export 1", "export 0"]);
    const junk = await callRoute(adminAudit.loader, { url: "/admin/audit?page=abc", cookie: freshCookie });
    expect(junk.status).toBe(200);
    expect(JSON.stringify(first)).not.toContain("other org secret");
  });
});
