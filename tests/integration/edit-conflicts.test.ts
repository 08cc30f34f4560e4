import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organizations, requests } from "../../db/schema";
import * as editPage from "~/routes/requests.$requestId_.edit";
import * as agencyEdit from "~/routes/agencies.$agencyId_.edit";
import * as vendorEdit from "~/routes/vendors.$vendorId_.edit";
import * as productEdit from "~/routes/products.$productId_.edit";
import * as systemEdit from "~/routes/systems.$systemId.edit";
import * as lawPage from "~/routes/laws.$code";
import * as lawsIndex from "~/routes/laws._index";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as apiVendor from "~/routes/api.v1.vendors.$vendorId";
import * as emailSettings from "~/routes/settings.email";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor } from "./factories";

// Two people with the same request's edit form open: the second save must not silently undo the first.

type EditData = { request: { id: string; title: string; description: string; agencyId: string | null; requesterId: string; trackingNumber: string | null; tags: string[] }; version: string };

async function openForm(cookie: string, id: string) {
  const response = await callRoute(editPage.loader as never, { url: `/requests/${id}/edit`, cookie, params: { requestId: id } });
  expect(response.status).toBe(200);
  const data = (await response.json()) as EditData;
  return {
    version: data.version,
    form: {
      title: data.request.title,
      description: data.request.description,
      agencyId: data.request.agencyId ?? "",
      requesterId: data.request.requesterId,
      trackingNumber: data.request.trackingNumber ?? "",
      tags: data.request.tags.join(", "),
    } as Record<string, string>,
  };
}

const save = (cookie: string, id: string, form: Record<string, string>) =>
  callRoute(editPage.action as never, { url: `/requests/${id}/edit`, cookie, params: { requestId: id }, form });

describe("the API carries the same version as the edit forms", () => {
  it("for a request and a vendor, and it changes when someone saves", async () => {
    const org = await makeOrganization("API versions");
    const cookie = await cookieFor(org.admin.id);
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Versioned" });
    const apiVersion = async () => {
      const response = await callRoute(apiRequest.loader as never, { url: `/api/v1/requests/${request.id}`, cookie, params: { requestId: request.id } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { version: string } }).data.version;
    };
    const form = await openForm(cookie, request.id);
    expect(await apiVersion()).toBe(form.version);
    expect((await save(cookie, request.id, { ...form.form, title: "Versioned again", version: form.version })).status).toBe(302);
    const after = await apiVersion();
    expect(after).not.toBe(form.version);
    expect(after).toBe((await openForm(cookie, request.id)).version);

    const vendor = { id: await makeVendor(org.viewer, "Versioned Vendor") };
    const vendorJson = await callRoute(apiVendor.loader as never, { url: `/api/v1/vendors/${vendor.id}`, cookie, params: { vendorId: vendor.id } });
    const vendorForm = await callRoute(vendorEdit.loader as never, { url: `/vendors/${vendor.id}/edit`, cookie, params: { vendorId: vendor.id } });
    expect(((await vendorJson.json()) as { data: { version: string } }).data.version).toBe(((await vendorForm.json()) as { version: string }).version);
  });
});

describe("editing a request others are editing", () => {
  it("refuses the second save with both versions shown, and keeps the first", async () => {
    const org = await makeOrganization("Conflicts");
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Stops 2024" });
    const alice = await cookieFor(org.admin.id);
    const bob = await cookieFor(org.member.id);
    const a = await openForm(alice, request.id);
    const b = await openForm(bob, request.id);
    expect(a.version).toBe(b.version);

    expect((await save(alice, request.id, { ...a.form, title: "Stops 2024 (all precincts)", version: a.version })).status).toBe(302);
    const refused = await save(bob, request.id, { ...b.form, trackingNumber: "R-2026-0412", version: b.version });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: Record<string, string[]>; conflict: { values: { field: string; theirs: string | null; yours: string | null }[]; version: string } };
    expect(body.error[""]?.[0]).toMatch(/Someone else saved changes/);
    expect(body.conflict.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "title", theirs: "Stops 2024 (all precincts)", yours: "Stops 2024" }),
        expect.objectContaining({ field: "trackingNumber", theirs: null, yours: "R-2026-0412" }),
      ]),
    );
    const [row] = await db.select().from(requests).where(eq(requests.id, request.id));
    expect(row).toMatchObject({ title: "Stops 2024 (all precincts)", trackingNumber: null });

    // Bob reloads (or keeps his values with the version now shown to him) and saves: his change lands on top of Alice's.
    const again = await openForm(bob, request.id);
    expect(again.version).toBe(body.conflict.version);
    expect((await save(bob, request.id, { ...again.form, trackingNumber: "R-2026-0412", version: again.version })).status).toBe(302);
    const [after] = await db.select().from(requests).where(eq(requests.id, request.id));
    expect(after).toMatchObject({ title: "Stops 2024 (all precincts)", trackingNumber: "R-2026-0412" });
  });

  it("lets a form saved twice from the same version through once", async () => {
    const org = await makeOrganization("Conflicts twice");
    const request = await makeRequest(org.viewer, org.agencyId, { title: "Calls 2023" });
    const cookie = await cookieFor(org.admin.id);
    const opened = await openForm(cookie, request.id);
    expect((await save(cookie, request.id, { ...opened.form, title: "Calls 2023 v2", version: opened.version })).status).toBe(302);
    expect((await save(cookie, request.id, { ...opened.form, title: "Calls 2023 v3", version: opened.version })).status).toBe(409);
    // Nothing to save is never a conflict.
    expect((await save(cookie, request.id, { ...opened.form, title: "Calls 2023 v2", version: opened.version })).status).toBe(302);
  });
});

describe("editing agencies, vendors and products others are editing", () => {
  type Case = {
    label: string;
    setup: (org: Awaited<ReturnType<typeof makeOrganization>>) => Promise<{ url: string; params: Record<string, string> }>;
    mod: { loader: unknown; action: unknown };
    form: (data: Record<string, Record<string, unknown>>) => Record<string, string>;
    first: Record<string, string>;
    second: Record<string, string>;
  };
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const cases: Case[] = [
    {
      label: "an agency",
      setup: async (org) => ({ url: `/agencies/${org.agencyId}/edit`, params: { agencyId: org.agencyId } }),
      mod: agencyEdit,
      form: ({ agency }) => ({
        name: text(agency!.name),
        type: text(agency!.type),
        jurisdictionId: text(agency!.jurisdictionId),
        recordsContactName: text(agency!.recordsContactName),
        recordsContactEmail: text(agency!.recordsContactEmail),
        portalUrl: text(agency!.portalUrl),
        notes: text(agency!.notes),
      }),
      first: { notes: "Call before noon." },
      second: { recordsContactName: "Dana Reyes" },
    },
    {
      label: "a vendor",
      setup: async (org) => {
        const vendorId = await makeVendor(org.viewer, `Conflict Vendor ${org.org.id.slice(0, 4)}`);
        return { url: `/vendors/${vendorId}/edit`, params: { vendorId } };
      },
      mod: vendorEdit,
      form: ({ vendor }) => ({ name: text(vendor!.name), website: text(vendor!.website), contactName: text(vendor!.contactName), contactEmail: text(vendor!.contactEmail), notes: text(vendor!.notes) }),
      first: { notes: "Sells to 40 cities." },
      second: { contactName: "Sam Lee" },
    },
    {
      label: "a product",
      setup: async (org) => {
        const vendorId = await makeVendor(org.viewer, `Conflict Maker ${org.org.id.slice(0, 4)}`);
        const productId = await makeProduct(org.viewer, vendorId, "Conflict RMS");
        return { url: `/products/${productId}/edit`, params: { productId } };
      },
      mod: productEdit,
      form: ({ product }) => ({ name: text(product!.name), systemType: text(product!.systemType), notes: text(product!.notes) }),
      first: { name: "Conflict RMS 2" },
      second: { notes: "Cloud hosted." },
    },
    {
      label: "an agency's system",
      setup: async (org) => {
        const vendorId = await makeVendor(org.viewer, `Conflict Systems ${org.org.id.slice(0, 4)}`);
        const productId = await makeProduct(org.viewer, vendorId, "Conflict CAD", "computer_aided_dispatch");
        const systemId = await makeSystem(org.viewer, org.agencyId, { productId }, { systemType: "computer_aided_dispatch" });
        return { url: `/systems/${systemId}/edit`, params: { systemId } };
      },
      mod: systemEdit,
      form: ({ system }) => ({
        systemType: text(system!.systemType),
        productId: text(system!.productId),
        confidence: text(system!.confidence),
        sinceOn: text(system!.sinceOn),
        evidenceUrl: text(system!.evidenceUrl),
        notes: text(system!.notes),
      }),
      first: { notes: "Per the 2023 contract." },
      second: { sinceOn: "2021-03-01" },
    },
  ];

  for (const c of cases) {
    it(`refuses a stale save of ${c.label} with both versions, and saves a fresh one`, async () => {
      const org = await makeOrganization(`Conflicts ${c.label}`);
      const cookie = await cookieFor(org.admin.id);
      const { url, params } = await c.setup(org);
      const open = async () => {
        const response = await callRoute(c.mod.loader as never, { url, cookie, params });
        expect(response.status).toBe(200);
        const data = (await response.json()) as Record<string, Record<string, unknown>> & { version: string };
        return { version: data.version, form: c.form(data) };
      };
      const post = (form: Record<string, string>) => callRoute(c.mod.action as never, { url, cookie, params, form });
      const a = await open();
      const b = await open();
      const first = await post({ ...a.form, ...c.first, version: a.version });
      expect(first.status, await first.clone().text()).toBe(302);
      const stale = await post({ ...b.form, ...c.second, version: b.version });
      expect(stale.status).toBe(409);
      const body = (await stale.json()) as { conflict: { values: { field: string; theirs: string | null; yours: string | null }[] } };
      const [field, value] = Object.entries(c.first)[0]!;
      expect(body.conflict.values).toEqual(expect.arrayContaining([expect.objectContaining({ field, theirs: value })]));
      const fresh = await open();
      expect(fresh.form[field]).toBe(value);
      expect((await post({ ...fresh.form, ...c.second, version: fresh.version })).status).toBe(302);
      const after = await open();
      expect(after.form).toMatchObject({ ...c.first, ...c.second });
    });
  }
});

describe("correcting a law someone else just corrected", () => {
  it("is refused with both versions instead of putting the old numbers back", async () => {
    const org = await makeOrganization("Conflicts law");
    const cookie = await cookieFor(org.admin.id);
    const url = "/laws/PA";
    const open = async () => {
      const response = await callRoute(lawPage.loader as never, { url, cookie, params: { code: "PA" } });
      expect(response.status).toBe(200);
      const { law, version } = (await response.json()) as { law: Record<string, number | string | null>; version: string };
      const form: Record<string, string> = { intent: "correct-law", reason: "Read the statute again." };
      for (const f of ["responseDays", "dayType", "extensionDays", "extensionDayType", "acknowledgementDays", "acknowledgementDayType", "appealDays", "appealDayType"]) {
        const value = law[f];
        form[f] = value === null || value === undefined || value === "none" ? "" : String(value);
      }
      return { version, form };
    };
    const post = (form: Record<string, string>) => callRoute(lawPage.action as never, { url, cookie, params: { code: "PA" }, form });
    const a = await open();
    const b = await open();
    expect((await post({ ...a.form, appealDays: "20", appealDayType: "calendar", version: a.version })).status).toBe(302);
    const stale = await post({ ...b.form, extensionDays: "45", extensionDayType: "calendar", version: b.version });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { conflict: { values: { field: string; theirs: string | null }[] } };
    expect(body.conflict.values).toEqual(expect.arrayContaining([expect.objectContaining({ field: "appealDays", theirs: "20" })]));
    const fresh = await open();
    expect(fresh.form.appealDays).toBe("20");
    expect((await post({ ...fresh.form, extensionDays: "45", extensionDayType: "calendar", version: fresh.version })).status).toBe(302);
    const after = await open();
    expect(after.form).toMatchObject({ appealDays: "20", extensionDays: "45" });
  });
});

describe("changing the follow-up policy another admin just changed", () => {
  it("is refused with both values", async () => {
    const org = await makeOrganization("Conflicts policy");
    const cookie = await cookieFor(org.admin.id);
    const open = async () => ((await (await callRoute(lawsIndex.loader as never, { url: "/laws", cookie })).json()) as { version: string }).version;
    const post = (days: string, version: string) =>
      callRoute(lawsIndex.action as never, { url: "/laws", cookie, form: { intent: "follow-up-policy", followUpBusinessDays: days, version } });
    const a = await open();
    const b = await open();
    expect((await post("12", a)).status).toBe(302);
    const stale = await post("7", b);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { conflict: { values: unknown[] } }).conflict.values).toEqual([
      expect.objectContaining({ field: "followUpBusinessDays", theirs: "12", yours: "7" }),
    ]);
    expect((await post("7", await open())).status).toBe(302);
  });
});

describe("the organization's settings others are editing", () => {
  it("refuses a stale automatic follow-up or digest form with both values, and saves a fresh one", async () => {
    const org = await makeOrganization("Settings versions");
    const cookie = await cookieFor(org.admin.id);
    const open = async () => {
      const response = await callRoute(emailSettings.loader as never, { url: "/settings/email", cookie });
      return ((await response.json()) as { versions: { digestHour: string; autoFollowUp: string } }).versions;
    };
    const post = (form: Record<string, string>) => callRoute(emailSettings.action as never, { url: "/settings/email", cookie, form });
    const alice = await open();
    const bob = await open();
    expect((await post({ intent: "auto-follow-up", enabled: "on", intervalDays: "10", version: alice.autoFollowUp })).status).toBe(302);
    const refused = await post({ intent: "auto-follow-up", intervalDays: "21", version: bob.autoFollowUp });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { conflict: { values: { field: string; theirs: string | null; yours: string | null }[] } };
    expect(body.conflict.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "enabled", theirs: "true", yours: "false" }),
        expect.objectContaining({ field: "intervalDays", theirs: "10", yours: "21" }),
      ]),
    );
    const [kept] = await db.select({ on: organizations.autoFollowUpEnabled, days: organizations.autoFollowUpIntervalDays }).from(organizations).where(eq(organizations.id, org.viewer.organizationId));
    expect(kept).toEqual({ on: true, days: 10 });
    // The follow-up change does not make the digest form stale; a digest change does.
    expect((await post({ intent: "digest-hour", digestHour: "7", version: bob.digestHour })).status).toBe(302);
    expect((await post({ intent: "digest-hour", digestHour: "9", version: alice.digestHour })).status).toBe(409);
    expect((await post({ intent: "digest-hour", digestHour: "9", version: (await open()).digestHour })).status).toBe(302);
    expect((await post({ intent: "digest-hour", digestHour: "9", version: "not-a-version" })).status).toBe(400);
  });
});
