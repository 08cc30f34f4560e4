import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jurisdictions, requests, USER_ROLES, type UserRole } from "../../db/schema";
import { can, PERMISSION_NAMES, type Permission } from "~/domain/permissions";
import * as accountTokens from "~/routes/account.tokens";
import * as adminAudit from "~/routes/admin.audit";
import * as adminUsers from "~/routes/admin.users";
import * as agencyEdit from "~/routes/agencies.$agencyId_.edit";
import * as agenciesNew from "~/routes/agencies.new";
import * as apiRequests from "~/routes/api.v1.requests";
import * as chase from "~/routes/chase";
import * as coalitionPage from "~/routes/coalition._index";
import * as jurisdictionsIndex from "~/routes/jurisdictions._index";
import * as lawPage from "~/routes/laws.$code";
import * as lawsIndex from "~/routes/laws._index";
import * as requestEdit from "~/routes/requests.$requestId_.edit";
import * as requestPage from "~/routes/requests.$requestId";
import * as requestsNew from "~/routes/requests.new";
import * as calendarSettings from "~/routes/settings.calendar";
import { todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { callRoute, makeMember, makeOrganization, makeRequest } from "./factories";

// The documented matrix (README "Roles and permissions"), written out here so a change to it is a
// deliberate change to this test too.
const EXPECTED: Record<UserRole, Permission[]> = {
  admin: [...PERMISSION_NAMES],
  coordinator: [
    "request.create",
    "request.edit",
    "request.changeStatus",
    "request.note",
    "request.assign",
    "request.publish",
    "agency.manage",
    "jurisdiction.manage",
    "export",
    "apiToken.manage",
    "calendarFeed.manage",
  ],
  advocate: ["request.create", "request.edit", "request.changeStatus", "request.note", "export", "apiToken.manage", "calendarFeed.manage"],
  viewer: ["apiToken.manage", "calendarFeed.manage"],
};

let org: Awaited<ReturnType<typeof makeOrganization>>;
const members = {} as Record<UserRole, Awaited<ReturnType<typeof makeMember>>>;
let paId: string;
const today = todayIn("America/New_York");

beforeAll(async () => {
  org = await makeOrganization("Matrix");
  for (const role of USER_ROLES) members[role] = await makeMember(org, role);
  const [pa] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
  paId = pa!.id;
});

type Handler = Parameters<typeof callRoute>[0];
interface Case {
  name: string;
  permission: Permission;
  /** Builds the call for one role; fresh rows per call so one role's change can't spoil the next. */
  call: (role: UserRole) => Promise<{ handler: Handler } & Parameters<typeof callRoute>[1]>;
}

const onFreshRequest =
  (form: Record<string, string>) =>
  async (): Promise<{ handler: Handler } & Parameters<typeof callRoute>[1]> => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    return { handler: requestPage.action, url: `/requests/${id}`, params: { requestId: id }, form };
  };

const CASES: Case[] = [
  { name: "new request page", permission: "request.create", call: async () => ({ handler: requestsNew.loader, url: "/requests/new" }) },
  {
    name: "file a request (form)",
    permission: "request.create",
    call: async () => ({
      handler: requestsNew.action,
      url: "/requests/new",
      form: { title: "Matrix request", description: "Stop data.", agencyId: org.agencyId, initialStatus: "draft" },
    }),
  },
  {
    name: "file a request (JSON API)",
    permission: "request.create",
    call: async () => ({ handler: apiRequests.action, url: "/api/v1/requests", json: { title: "API matrix", description: "Stop data.", agencyId: org.agencyId } }),
  },
  {
    name: "edit page",
    permission: "request.edit",
    call: async () => {
      const { id } = await makeRequest(org.viewer, org.agencyId);
      return { handler: requestEdit.loader, url: `/requests/${id}/edit`, params: { requestId: id } };
    },
  },
  {
    name: "edit a request",
    permission: "request.edit",
    call: async () => {
      const { id } = await makeRequest(org.viewer, org.agencyId);
      return {
        handler: requestEdit.action,
        url: `/requests/${id}/edit`,
        params: { requestId: id },
        form: { title: "Edited by matrix", description: "Stop data.", agencyId: org.agencyId, requesterId: org.admin.id },
      };
    },
  },
  { name: "change status", permission: "request.changeStatus", call: onFreshRequest({ intent: "change-status", status: "submitted" }) },
  { name: "make a request private", permission: "request.edit", call: onFreshRequest({ intent: "set-visibility", visibility: "private" }) },
  { name: "make a request public", permission: "request.publish", call: onFreshRequest({ intent: "set-visibility", visibility: "public" }) },
  { name: "add a note", permission: "request.note", call: onFreshRequest({ intent: "add-note", body: "A note." }) },
  {
    name: "log a communication",
    permission: "request.note",
    call: onFreshRequest({ intent: "log-communication", direction: "incoming", channel: "email", occurredOn: today, summary: "Call." }),
  },
  { name: "set next action", permission: "request.edit", call: onFreshRequest({ intent: "set-next-action", nextActionOn: today }) },
  {
    name: "take a request (assign to oneself)",
    permission: "request.edit",
    call: (role) => onFreshRequest({ intent: "assign", assigneeId: members[role].id })(),
  },
  {
    name: "assign a request to someone else",
    permission: "request.assign",
    call: () => onFreshRequest({ intent: "assign", assigneeId: org.member.id })(),
  },
  {
    name: "log a follow-up on the chase board",
    permission: "request.note",
    call: async () => {
      const { id } = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
      return { handler: chase.action, url: "/chase", form: { intent: "log-follow-up", requestId: id, channel: "email" } };
    },
  },
  {
    name: "set next action on the chase board",
    permission: "request.edit",
    call: async () => {
      const { id } = await makeRequest(org.viewer, org.agencyId, { initialStatus: "submitted" });
      return { handler: chase.action, url: "/chase", form: { intent: "set-next-action", requestId: id, nextActionOn: today } };
    },
  },
  { name: "new agency page", permission: "agency.manage", call: async () => ({ handler: agenciesNew.loader, url: "/agencies/new" }) },
  {
    name: "add an agency",
    permission: "agency.manage",
    call: async (role) => ({ handler: agenciesNew.action, url: "/agencies/new", form: { name: `Matrix Sheriff ${role}`, type: "sheriff", jurisdictionId: org.cityId } }),
  },
  {
    name: "edit agency page",
    permission: "agency.manage",
    call: async () => ({ handler: agencyEdit.loader, url: `/agencies/${org.agencyId}/edit`, params: { agencyId: org.agencyId } }),
  },
  {
    name: "edit an agency",
    permission: "agency.manage",
    call: async () => ({
      handler: agencyEdit.action,
      url: `/agencies/${org.agencyId}/edit`,
      params: { agencyId: org.agencyId },
      form: { name: "Matrix Police Department", type: "police", jurisdictionId: org.cityId },
    }),
  },
  {
    name: "add a jurisdiction",
    permission: "jurisdiction.manage",
    call: async (role) => ({ handler: jurisdictionsIndex.action, url: "/jurisdictions", form: { name: `Matrix Borough ${role}`, kind: "city", stateId: paId } }),
  },
  {
    name: "set the follow-up policy",
    permission: "org.settings",
    call: async () => ({ handler: lawsIndex.action, url: "/laws", form: { intent: "follow-up-policy", followUpBusinessDays: "12" } }),
  },
  {
    name: "correct the law table",
    permission: "law.correct",
    call: async () => ({
      handler: lawPage.action,
      url: "/laws/PA",
      params: { code: "PA" },
      form: { intent: "correct-law", responseDays: "6", dayType: "business", reason: "Matrix test correction" },
    }),
  },
  { name: "users page", permission: "users.manage", call: async () => ({ handler: adminUsers.loader, url: "/admin/users" }) },
  {
    name: "change a role",
    permission: "users.manage",
    call: async () => ({ handler: adminUsers.action, url: "/admin/users", form: { intent: "change-role", userId: org.member.id, role: "coordinator" } }),
  },
  {
    name: "invite someone",
    permission: "users.manage",
    call: async (role) => ({
      handler: adminUsers.action,
      url: "/admin/users",
      form: { intent: "invite", email: `invited-by-${role}-${Date.now()}@example.org`, role: "advocate" },
    }),
  },
  {
    // Only the admin's call succeeds, so the organization ends up in one coalition.
    name: "start a coalition",
    permission: "coalition.manage",
    call: async (role) => ({ handler: coalitionPage.action, url: "/coalition", form: { intent: "create", name: `Matrix coalition ${role}` } }),
  },
  { name: "audit log", permission: "audit.view", call: async () => ({ handler: adminAudit.loader, url: "/admin/audit" }) },
  { name: "API tokens page", permission: "apiToken.manage", call: async () => ({ handler: accountTokens.loader, url: "/account/tokens" }) },
  {
    name: "create an API token",
    permission: "apiToken.manage",
    call: async () => ({ handler: accountTokens.action, url: "/account/tokens", form: { intent: "create", name: "matrix" } }),
  },
  {
    name: "create a calendar feed",
    permission: "calendarFeed.manage",
    call: async () => ({ handler: calendarSettings.action, url: "/settings/calendar", form: { intent: "create" } }),
  },
];

describe("the permission matrix", () => {
  it("is the documented one", () => {
    for (const role of USER_ROLES) {
      expect(PERMISSION_NAMES.filter((p) => can({ role }, p)), role).toEqual(EXPECTED[role]);
    }
  });

  it("every permission that guards something is exercised below", () => {
    const exercised = new Set(CASES.map((c) => c.permission));
    expect(PERMISSION_NAMES.filter((p) => !exercised.has(p))).toEqual(["export"]);
  });

  for (const role of USER_ROLES) {
    describe(`as ${role}`, () => {
      for (const c of CASES) {
        const allowed = EXPECTED[role].includes(c.permission);
        it(`${allowed ? "may" : "may not"} ${c.name}`, async () => {
          const { handler, ...options } = await c.call(role);
          const response = await callRoute(handler, { ...options, cookie: members[role].cookie });
          if (allowed) {
            expect(response.status, await response.clone().text()).toBeLessThan(400);
          } else {
            expect(response.status).toBe(403);
          }
        });
      }
    });
  }

  it("a refused change writes nothing", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const before = await db.select().from(requests).where(eq(requests.id, id));
    const forms: Array<Record<string, string>> = [
      { intent: "change-status", status: "submitted" },
      { intent: "add-note", body: "viewer note" },
      { intent: "assign", assigneeId: members.viewer.id },
    ];
    for (const form of forms) {
      const response = await callRoute(requestPage.action, { url: `/requests/${id}`, params: { requestId: id }, form, cookie: members.viewer.cookie });
      expect(response.status).toBe(403);
    }
    expect(await db.select().from(requests).where(eq(requests.id, id))).toEqual(before);
  });

  it("an advocate may not file a request assigned to someone else", async () => {
    const response = await callRoute(requestsNew.action, {
      url: "/requests/new",
      cookie: members.advocate.cookie,
      form: { title: "Assigned away", description: "Stop data.", agencyId: org.agencyId, initialStatus: "draft", assigneeId: org.member.id },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Only coordinators and admins can assign");
  });

  it("the 403 says which role and what was refused", async () => {
    const response = await callRoute(adminUsers.loader, { url: "/admin/users", cookie: members.coordinator.cookie });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Coordinator.*users/);
  });
});
