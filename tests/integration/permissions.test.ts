import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jurisdictions, requests, USER_ROLES, type UserRole } from "../../db/schema";
import { can, PERMISSION_NAMES, type Permission } from "~/domain/permissions";
import * as accountTokens from "~/routes/account.tokens";
import * as adminAudit from "~/routes/admin.audit";
import * as adminUsers from "~/routes/admin.users";
import * as agencyEdit from "~/routes/agencies.$agencyId_.edit";
import * as agencyPage from "~/routes/agencies.$agencyId";
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
import * as systemsNew from "~/routes/agencies.$agencyId_.systems.new";
import * as campaignPage from "~/routes/campaigns.$campaignId";
import * as campaignExport from "~/routes/campaigns.$campaignId_.export";
import * as campaignsNew from "~/routes/campaigns.new";
import * as productEdit from "~/routes/products.$productId_.edit";
import * as systemEdit from "~/routes/systems.$systemId.edit";
import * as vendorEdit from "~/routes/vendors.$vendorId_.edit";
import * as productsNew from "~/routes/vendors.$vendorId_.products.new";
import * as vendorsIndex from "~/routes/vendors._index";
import * as vendorsImport from "~/routes/vendors.import";
import * as vendorsNew from "~/routes/vendors.new";
import * as webhookSettings from "~/routes/settings.webhooks";
import { createCampaign } from "~/domain/campaigns.server";
import { standardRecordType } from "~/domain/catalog.server";
import { DEFAULT_AGENCY_LETTER } from "~/domain/letters";
import { campaignFormSchema } from "~/domain/vendor-input";
import { todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { callRoute, makeAgency, makeMember, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

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
    "vendor.manage",
    "export",
    "webhooks.manage",
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
const fixture = {} as { stopsTypeId: string; vendorId: string; productId: string; systemId: string; campaignId: string; otherAgencyId: string };

/** A joint ask with one request (to the organization's agency), made by the admin. */
async function makeCampaign(title = "Matrix joint ask") {
  const input = campaignFormSchema.parse({
    title,
    ask: "Stop data.",
    recordTypeIds: [fixture.stopsTypeId],
    letterTemplate: DEFAULT_AGENCY_LETTER,
    targets: [org.agencyId],
  });
  const created = await createCampaign(org.viewer, input, TODAY);
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const [request] = await db.select({ id: requests.id }).from(requests).where(eq(requests.campaignId, created.value.id));
  return { campaignId: created.value.id, requestId: request!.id };
}

beforeAll(async () => {
  org = await makeOrganization("Matrix");
  for (const role of USER_ROLES) members[role] = await makeMember(org, role);
  const [pa] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
  paId = pa!.id;
  fixture.stopsTypeId = (await standardRecordType("stops"))!.id;
  fixture.vendorId = await makeVendor(org.viewer, "Matrix Vendor");
  fixture.productId = await makeProduct(org.viewer, fixture.vendorId, "Matrix RMS");
  fixture.systemId = await makeSystem(org.viewer, org.agencyId, { productId: fixture.productId });
  fixture.otherAgencyId = (await makeAgency(org.viewer, { name: "Matrix County Sheriff", place: "Matrix County", kind: "county" })).agencyId;
  fixture.campaignId = (await makeCampaign()).campaignId;
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

const IMPORT_CSV = (label: string) =>
  ["state,place,agency,system_type,vendor,product", `PA,Matrix Import Town ${label},Matrix Import Police ${label},RMS,Matrix Vendor,Matrix RMS`].join("\n");

const CAMPAIGN_FORM = () => ({
  intent: "create",
  title: "Matrix joint ask",
  ask: "Stop data.",
  recordTypeIds: fixture.stopsTypeId,
  letterTemplate: DEFAULT_AGENCY_LETTER,
  targets: org.agencyId,
  initialStatus: "draft",
});

const onCampaign = (campaignId: string, form: Record<string, string>) => ({
  handler: campaignPage.action as Handler,
  url: `/campaigns/${campaignId}`,
  params: { campaignId },
  form,
});

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
    name: "add an agency's closed day",
    permission: "agency.closures",
    call: async () => ({
      handler: agencyPage.action,
      url: `/agencies/${org.agencyId}`,
      params: { agencyId: org.agencyId },
      form: { intent: "add-closure", closedOn: "2026-03-10", reason: "Matrix test: storm" },
    }),
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
  { name: "webhooks page", permission: "webhooks.manage", call: async () => ({ handler: webhookSettings.loader, url: "/settings/webhooks" }) },
  {
    name: "add a webhook endpoint",
    permission: "webhooks.manage",
    call: async () => ({ handler: webhookSettings.action, url: "/settings/webhooks", form: { intent: "create", url: "http://127.0.0.1:9/matrix", events: "request.status_changed" } }),
  },
  {
    name: "create a calendar feed",
    permission: "calendarFeed.manage",
    call: async () => ({ handler: calendarSettings.action, url: "/settings/calendar", form: { intent: "create" } }),
  },
  // Vendors, products, agency systems and the CSV import.
  { name: "new vendor page", permission: "vendor.manage", call: async () => ({ handler: vendorsNew.loader, url: "/vendors/new" }) },
  {
    name: "add a vendor",
    permission: "vendor.manage",
    call: async (role) => ({ handler: vendorsNew.action, url: "/vendors/new", form: { name: `Matrix Vendor ${role} ${Math.random()}` } }),
  },
  {
    name: "add the standard vendor list",
    permission: "vendor.manage",
    call: async () => ({ handler: vendorsIndex.action, url: "/vendors", form: { intent: "add-standard" } }),
  },
  {
    name: "edit vendor page",
    permission: "vendor.manage",
    call: async () => ({ handler: vendorEdit.loader, url: `/vendors/${fixture.vendorId}/edit`, params: { vendorId: fixture.vendorId } }),
  },
  {
    name: "edit a vendor",
    permission: "vendor.manage",
    call: async () => ({ handler: vendorEdit.action, url: `/vendors/${fixture.vendorId}/edit`, params: { vendorId: fixture.vendorId }, form: { name: "Matrix Vendor", notes: "Edited." } }),
  },
  {
    name: "delete a vendor",
    permission: "vendor.manage",
    call: async (role) => {
      const vendorId = await makeVendor(org.viewer, `Unused vendor ${role} ${Math.random()}`);
      return { handler: vendorEdit.action, url: `/vendors/${vendorId}/edit`, params: { vendorId }, form: { intent: "delete" } };
    },
  },
  {
    name: "new product page",
    permission: "vendor.manage",
    call: async () => ({ handler: productsNew.loader, url: `/vendors/${fixture.vendorId}/products/new`, params: { vendorId: fixture.vendorId } }),
  },
  {
    name: "add a product",
    permission: "vendor.manage",
    call: async (role) => ({
      handler: productsNew.action,
      url: `/vendors/${fixture.vendorId}/products/new`,
      params: { vendorId: fixture.vendorId },
      form: { name: `Matrix CAD ${role}`, systemType: "computer_aided_dispatch" },
    }),
  },
  {
    name: "edit product page",
    permission: "vendor.manage",
    call: async () => ({ handler: productEdit.loader, url: `/products/${fixture.productId}/edit`, params: { productId: fixture.productId } }),
  },
  {
    name: "edit a product",
    permission: "vendor.manage",
    call: async () => ({
      handler: productEdit.action,
      url: `/products/${fixture.productId}/edit`,
      params: { productId: fixture.productId },
      form: { name: "Matrix RMS", systemType: "records_management", notes: "Edited." },
    }),
  },
  {
    name: "new system page",
    permission: "vendor.manage",
    call: async () => ({ handler: systemsNew.loader, url: `/agencies/${org.agencyId}/systems/new`, params: { agencyId: org.agencyId } }),
  },
  {
    name: "add an agency system",
    permission: "vendor.manage",
    call: async () => ({
      handler: systemsNew.action,
      url: `/agencies/${org.agencyId}/systems/new`,
      params: { agencyId: org.agencyId },
      form: { systemType: "mobile", productId: fixture.productId, confidence: "reported" },
    }),
  },
  {
    name: "edit system page",
    permission: "vendor.manage",
    call: async () => ({ handler: systemEdit.loader, url: `/systems/${fixture.systemId}/edit`, params: { systemId: fixture.systemId } }),
  },
  {
    name: "edit an agency system",
    permission: "vendor.manage",
    call: async () => ({
      handler: systemEdit.action,
      url: `/systems/${fixture.systemId}/edit`,
      params: { systemId: fixture.systemId },
      form: { systemType: "records_management", productId: fixture.productId, confidence: "confirmed" },
    }),
  },
  { name: "import page", permission: "vendor.manage", call: async () => ({ handler: vendorsImport.loader, url: "/vendors/import" }) },
  {
    name: "check an import file",
    permission: "vendor.manage",
    call: async () => ({ handler: vendorsImport.action, url: "/vendors/import", form: { intent: "preview", csv: IMPORT_CSV("Preview") } }),
  },
  {
    name: "import agencies and systems",
    permission: "vendor.manage",
    call: async (role) => ({ handler: vendorsImport.action, url: "/vendors/import", form: { intent: "import", csv: IMPORT_CSV(role) } }),
  },
  // Joint asks: creating one (or a copy) creates requests; bulk actions change them.
  { name: "new joint ask page", permission: "request.create", call: async () => ({ handler: campaignsNew.loader, url: "/campaigns/new" }) },
  {
    name: "copy a joint ask (page)",
    permission: "request.create",
    call: async () => ({ handler: campaignsNew.loader, url: `/campaigns/new?clone=${fixture.campaignId}` }),
  },
  {
    name: "create a joint ask",
    permission: "request.create",
    call: async () => ({ handler: campaignsNew.action, url: "/campaigns/new", form: CAMPAIGN_FORM() }),
  },
  {
    name: "copy a joint ask",
    permission: "request.create",
    call: async () => ({ handler: campaignsNew.action, url: "/campaigns/new", form: { ...CAMPAIGN_FORM(), clonedFromId: fixture.campaignId } }),
  },
  {
    name: "add agencies to a joint ask",
    permission: "request.create",
    call: async () => {
      const { campaignId } = await makeCampaign();
      return onCampaign(campaignId, { intent: "add-targets", targets: fixture.otherAgencyId, initialStatus: "draft" });
    },
  },
  {
    name: "add a request to a joint ask by its number",
    permission: "request.edit",
    call: async () => {
      const { campaignId } = await makeCampaign();
      const loose = await makeRequest(org.viewer, org.agencyId);
      return onCampaign(campaignId, { intent: "add-request", number: String(loose.number) });
    },
  },
  {
    name: "bulk-take requests of a joint ask (assign to oneself)",
    permission: "request.edit",
    call: async (role) => {
      const { campaignId, requestId } = await makeCampaign();
      return onCampaign(campaignId, { intent: "bulk-assign", requestIds: requestId, assigneeId: members[role].id });
    },
  },
  {
    name: "bulk-assign requests of a joint ask to someone else",
    permission: "request.assign",
    call: async () => {
      const { campaignId, requestId } = await makeCampaign();
      return onCampaign(campaignId, { intent: "bulk-assign", requestIds: requestId, assigneeId: org.member.id });
    },
  },
  {
    name: "bulk-tag requests of a joint ask",
    permission: "request.edit",
    call: async () => {
      const { campaignId, requestId } = await makeCampaign();
      return onCampaign(campaignId, { intent: "bulk-tag", requestIds: requestId, tags: "matrix" });
    },
  },
  {
    name: "bulk-log a follow-up on a joint ask",
    permission: "request.note",
    call: async () => {
      const { campaignId, requestId } = await makeCampaign();
      return onCampaign(campaignId, { intent: "bulk-follow-up", requestIds: requestId, channel: "email", occurredOn: today, summary: "Checking in." });
    },
  },
  {
    name: "take requests out of a joint ask",
    permission: "request.edit",
    call: async () => {
      const { campaignId, requestId } = await makeCampaign();
      return onCampaign(campaignId, { intent: "bulk-remove", requestIds: requestId });
    },
  },
  {
    name: "export a joint ask as CSV",
    permission: "export",
    call: async () => ({ handler: campaignExport.loader, url: `/campaigns/${fixture.campaignId}/export`, params: { campaignId: fixture.campaignId } }),
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
    expect(PERMISSION_NAMES.filter((p) => !exercised.has(p))).toEqual([]);
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
