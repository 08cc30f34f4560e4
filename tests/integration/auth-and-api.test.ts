import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requests, sessions, users } from "../../db/schema";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiRequests from "~/routes/api.v1.requests";
import * as healthz from "~/routes/healthz";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as requestsIndex from "~/routes/requests._index";
import * as requestsNew from "~/routes/requests.new";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;
beforeAll(async () => {
  org = await makeOrganization("Auth");
});

const sessionCount = async (userId: string) => (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;

describe("signing in and out", () => {
  it("starts a new session with an httpOnly, SameSite=Lax cookie and ends the one the browser had", async () => {
    const oldCookie = await cookieFor(org.member.id);
    const before = await sessionCount(org.member.id);
    const response = await callRoute(login.action, {
      url: "/login",
      cookie: oldCookie,
      form: { email: org.member.email.toUpperCase(), password: org.password, redirectTo: "/agencies" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/agencies");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie.split(";")[0]).not.toBe(oldCookie);
    // Rotated: the old session is gone, one new one exists.
    expect(await sessionCount(org.member.id)).toBe(before);
    const oldStillWorks = await callRoute(requestsIndex.loader, { url: "/requests", cookie: oldCookie });
    expect(oldStillWorks.status).toBe(302);
    const newWorks = await callRoute(requestsIndex.loader, { url: "/requests", cookie: setCookie.split(";")[0] });
    expect(newWorks.status).toBe(200);
  });

  it("refuses a wrong password, an unknown email and a disabled account with the same message", async () => {
    const [disabled] = await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, org.member.id)).returning();
    for (const form of [
      { email: org.admin.email, password: "wrong password" },
      { email: "nobody@example.org", password: org.password },
      { email: disabled!.email, password: org.password },
    ]) {
      const response = await callRoute(login.action, { url: "/login", form });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: Record<string, string[]> };
      expect(body.error[""]).toEqual(["Email or password is incorrect."]);
      expect(response.headers.get("Set-Cookie")).toBeNull();
    }
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, org.member.id));
  });

  it("names the missing fields", async () => {
    const response = await callRoute(login.action, { url: "/login", form: { email: "not an email", password: "" } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]> };
    expect(body.error.email?.[0]).toMatch(/email address/);
    expect(body.error.password?.[0]).toMatch(/password/i);
  });

  it("never redirects off-site after login", async () => {
    for (const redirectTo of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const response = await callRoute(login.action, { url: "/login", form: { email: org.admin.email, password: org.password, redirectTo } });
      expect(response.headers.get("Location")).toBe("/");
    }
  });

  it("signs out with a POST that deletes the session; a GET changes nothing", async () => {
    const cookie = await cookieFor(org.admin.id);
    const get = await callRoute(logout.loader, { url: "/logout", cookie });
    expect(get.status).toBe(302);
    expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie })).status).toBe(200);
    const post = await callRoute(logout.action, { url: "/logout", cookie, method: "POST" });
    expect(post.headers.get("Location")).toBe("/login");
    expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie })).status).toBe(302);
  });
});

describe("GET /healthz", () => {
  it("answers ok with the driver in use", async () => {
    const response = await callRoute(healthz.loader, { url: "/healthz" });
    // The agency directory is null until loaded (this file does not load it; on a shared Postgres database another may have).
    const body = (await response.json()) as { ok: boolean; db: string; directory: unknown };
    expect(body).toEqual({ ok: true, db: process.env.TEST_DB_DRIVER, directory: body.directory === null ? null : expect.objectContaining({ agencies: 20379 }) });
  });
});

describe("the JSON API", () => {
  it("creates a request from JSON and returns it with its timeline", async () => {
    const cookie = await cookieFor(org.admin.id);
    const response = await callRoute(apiRequests.action, {
      url: "/api/v1/requests",
      cookie,
      json: {
        title: "Use of force 2020-",
        description: "Record-level use-of-force data.",
        agencyId: org.agencyId,
        initialStatus: "submitted",
        filedOn: "2026-11-20",
        tags: ["Use of Force", "use of force"],
      },
    });
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string; status: string; filedOn: string; tags: string[]; timeline: { kind: string }[] } };
    expect(data).toMatchObject({ status: "submitted", filedOn: "2026-11-20", tags: ["use of force"] });
    // Submitted with a filed date: the due date is set (PA, 5 business days after Fri 20 Nov -> Tue 1 Dec; Thanksgiving and the Friday after are closed).
    expect(data.timeline.map((e) => e.kind)).toEqual(["created", "due_date_changed"]);
    expect((data as unknown as { dueDate: string }).dueDate).toBe("2026-12-01");
    expect(response.headers.get("Location")).toBe(`/api/v1/requests/${data.id}`);

    const fetched = await callRoute(apiRequest.loader, { url: `/api/v1/requests/${data.id}`, cookie, params: { requestId: data.id } });
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { data: { title: string } }).data.title).toBe("Use of force 2020-");
  });

  it("answers bad bodies with 400 and the fields named, and writes nothing", async () => {
    const cookie = await cookieFor(org.admin.id);
    const count = async () => (await db.select().from(requests).where(eq(requests.organizationId, org.org.id))).length;
    const before = await count();
    const cases: Array<[unknown, string]> = [
      [{ description: "x", agencyId: org.agencyId }, "title"],
      [{ title: "x", description: "x", agencyId: "nope" }, "agencyId"],
      [{ title: "x", description: "x", agencyId: org.agencyId, filedOn: "2026-13-45" }, "filedOn"],
      [{ title: "x", description: "x", agencyId: org.agencyId, filedOn: "2999-01-01" }, "filedOn"],
      [{ title: "x", description: "x", agencyId: org.agencyId, initialStatus: "fulfilled" }, "initialStatus"],
      [{ title: "x", description: "x", agencyId: org.agencyId, portalUrl: "javascript:alert(1)" }, "portalUrl"],
      [{ title: "x", description: "x", agencyId: org.agencyId, surprise: true }, "body"],
      [{ title: "x", description: "x", agencyId: "00000000-0000-4000-8000-000000000000" }, "agencyId"],
    ];
    for (const [json, field] of cases) {
      const response = await callRoute(apiRequests.action, { url: "/api/v1/requests", cookie, json });
      expect(response.status, JSON.stringify(json)).toBe(400);
      const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
      expect(Object.keys(body.fieldErrors), JSON.stringify(json)).toContain(field);
    }
    const malformed = await callRoute(apiRequests.action, { url: "/api/v1/requests", cookie, body: "{not json", headers: { "Content-Type": "application/json" } });
    expect(malformed.status).toBe(400);
    const notJson = await callRoute(apiRequests.action, { url: "/api/v1/requests", cookie, form: { title: "x" } });
    expect(notJson.status).toBe(415);
    expect(await count()).toBe(before);
  });

  it("lists with the page's filters, paginated, and rejects bad query parameters", async () => {
    const cookie = await cookieFor(org.admin.id);
    const list = await callRoute(apiRequests.loader, { url: "/api/v1/requests?pageSize=1&sort=title&dir=asc", cookie });
    const body = (await list.json()) as { data: unknown[]; pageSize: number; total: number };
    expect(body.data).toHaveLength(1);
    expect(body.total).toBeGreaterThanOrEqual(1);
    const bad = await callRoute(apiRequests.loader, { url: "/api/v1/requests?status=lost&page=0&sort=random", cookie });
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["page", "sort", "status"]);
  });
});

describe("the new request form", () => {
  it("shows a field error for a filed date in the future, with status 400", async () => {
    const cookie = await cookieFor(org.admin.id);
    const response = await callRoute(requestsNew.action, {
      url: "/requests/new",
      cookie,
      form: { title: "x", description: "y", agencyId: org.agencyId, initialStatus: "submitted", filedOn: "2099-01-01" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, string[]> };
    expect(body.error.filedOn).toEqual(["Filed date can't be in the future"]);
  });
});
