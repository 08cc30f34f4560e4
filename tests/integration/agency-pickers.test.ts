import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, agencySystems, requests } from "../../db/schema";
import { agencyByName, jurisdictionByName, PLACE_SUGGESTIONS, suggestJurisdictions, suggestOwnAgencies } from "~/domain/place-choice.server";
import { editFormValuesOf } from "~/domain/request-input";
import * as requestsNew from "~/routes/requests.new";
import * as requestEdit from "~/routes/requests.$requestId_.edit";
import * as agenciesNew from "~/routes/agencies.new";
import * as agencyEdit from "~/routes/agencies.$agencyId_.edit";
import * as systemsNew from "~/routes/agencies.$agencyId_.systems.new";
import * as systemEdit from "~/routes/systems.$systemId.edit";
import * as agencySuggestions from "~/routes/agencies.suggestions";
import * as jurisdictionSuggestions from "~/routes/jurisdictions.suggestions";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, formCoalition, freshViewer, makeAgency, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor } from "./factories";

// The forms pick an agency (or a jurisdiction) with a search box, not a select of every one of the organization's
// (issue 14): a pick sends its id; without JavaScript the typed name is resolved by the server, or the form comes
// back (400) with the error on that field naming a few matches.

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org;
let b: Org;
let cookie: string;
const ids = {} as Record<"ferndaleCity" | "ferndaleCounty" | "ferndaleSheriff" | "quill" | "quillPlace" | "partner", string>;

beforeAll(async () => {
  a = await makeOrganization("Pickers A");
  b = await makeOrganization("Pickers B");
  ids.ferndaleCity = (await makeAgency(a.viewer, { name: "Ferndale Police Department", place: "Ferndale" })).agencyId;
  ids.ferndaleCounty = (await makeAgency(a.viewer, { name: "Ferndale Police Department", place: "Ferndale County", kind: "county" })).agencyId;
  ids.ferndaleSheriff = (await makeAgency(a.viewer, { name: "Ferndale County Sheriff", place: "Ferndale County", kind: "county", type: "sheriff" })).agencyId;
  const quill = await makeAgency(a.viewer, { name: "Quillborough 911 Center", place: "Quillborough", type: "dispatch_911" });
  ids.quill = quill.agencyId;
  ids.quillPlace = quill.placeId;
  // More agencies whose name holds "Harbor" than the box suggests at once.
  for (let i = 0; i < PLACE_SUGGESTIONS + 3; i++) await makeAgency(a.viewer, { name: `Harbor Police ${String(i).padStart(2, "0")}`, place: `Harbor Town ${i}` });
  // A partner's agency: suggested in the requests list's filter, never in a form of this organization.
  ids.partner = (await makeAgency(b.viewer, { name: "Partnerville Police Department", place: "Partnerville" })).agencyId;
  await formCoalition(a, b);
  cookie = await cookieFor(a.admin.id);
});

type Reply = { status?: string; error?: Record<string, string[] | null> };
const errorsOf = async (response: Response) => ((await response.json()) as Reply).error ?? {};
const createdRequestId = (response: Response) => response.headers.get("Location")!.split("/").pop()!;
const agencyOf = async (requestId: string) => (await db.select({ agencyId: requests.agencyId }).from(requests).where(eq(requests.id, requestId)))[0]!.agencyId;

describe("suggestions", () => {
  it("suggests the organization's own agencies only, shortest names first, at most a few", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect((await suggestOwnAgencies(viewer, "ferndale")).map((h) => [h.name, h.jurisdictionName])).toEqual([
      ["Ferndale County Sheriff", "Ferndale County"],
      ["Ferndale Police Department", "Ferndale"],
      ["Ferndale Police Department", "Ferndale County"],
    ]);
    expect(await suggestOwnAgencies(viewer, "partnerville")).toEqual([]);
    expect(await suggestOwnAgencies(viewer, "harbor")).toHaveLength(PLACE_SUGGESTIONS);
    expect(await suggestOwnAgencies(viewer, "%")).toEqual([]);
  });

  it("answers the boxes as JSON, 400 on a bad q", async () => {
    const ok = await callRoute(agencySuggestions.loader as never, { url: "/agencies/suggestions?q=quill", cookie });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { hits: { id: string }[] }).hits.map((h) => h.id)).toEqual([ids.quill]);
    for (const q of ["", "q", "x".repeat(201)]) {
      expect((await callRoute(agencySuggestions.loader as never, { url: `/agencies/suggestions?q=${q}`, cookie })).status).toBe(400);
      expect((await callRoute(jurisdictionSuggestions.loader as never, { url: `/jurisdictions/suggestions?q=${q}`, cookie })).status).toBe(400);
    }
    const places = await callRoute(jurisdictionSuggestions.loader as never, { url: "/jurisdictions/suggestions?q=quillborough", cookie });
    expect(((await places.json()) as { hits: { id: string; stateName: string }[] }).hits).toEqual([{ id: ids.quillPlace, name: "Quillborough", stateName: "Pennsylvania" }]);
    const anonymous = await callRoute(agencySuggestions.loader as never, { url: "/agencies/suggestions?q=quill" });
    expect(anonymous.status).not.toBe(200);
  });

  it("suggests jurisdictions the organization may use: reference rows and its own, not a partner's", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect((await suggestJurisdictions(viewer, "pennsylv")).map((j) => j.name)).toContain("Pennsylvania");
    expect(await suggestJurisdictions(viewer, "partnerville")).toEqual([]);
    expect((await suggestJurisdictions(viewer, "harbor town")).length).toBe(PLACE_SUGGESTIONS);
  });
});

describe("a typed name", () => {
  it("means the agency with that whole name, or with that whole 'name, place', else the only one containing it", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect(await agencyByName(viewer, "quillborough")).toMatchObject({ ok: true, hit: { id: ids.quill } });
    expect(await agencyByName(viewer, "  FERNDALE COUNTY SHERIFF ")).toMatchObject({ ok: true, hit: { id: ids.ferndaleSheriff } });
    expect(await agencyByName(viewer, "Ferndale Police Department, Ferndale County")).toMatchObject({ ok: true, hit: { id: ids.ferndaleCounty } });
    const twins = await agencyByName(viewer, "Ferndale Police Department");
    expect(twins.ok).toBe(false);
    expect(!twins.ok && twins.message).toBe(
      "2 agencies match “Ferndale Police Department” (Ferndale Police Department, Ferndale; Ferndale Police Department, Ferndale County): type more of the name, or name and place as shown",
    );
    const many = await agencyByName(viewer, "harbor");
    expect(!many.ok && many.message).toMatch(/^More than 8 agencies match “harbor” \(Harbor Police 00, Harbor Town 0; .*…\)/);
    const none = await agencyByName(viewer, "Partnerville");
    expect(!none.ok && none.message).toBe("None of your organization's agencies has “Partnerville” in its name");
  });

  it("means one jurisdiction the same way", async () => {
    const viewer = await freshViewer(a.admin.id);
    expect(await jurisdictionByName(viewer, "quillboro")).toMatchObject({ ok: true, hit: { id: ids.quillPlace } });
    expect(await jurisdictionByName(viewer, "Quillborough, Pennsylvania")).toMatchObject({ ok: true, hit: { id: ids.quillPlace } });
    const unclear = await jurisdictionByName(viewer, "Ferndale");
    expect(unclear.ok).toBe(true); // the whole name of the city, though the county contains it too
    expect((await jurisdictionByName(viewer, "harbor town")).ok).toBe(false);
    expect((await jurisdictionByName(viewer, "Partnerville")).ok).toBe(false);
  });
});

describe("the new request form", () => {
  const post = (form: Record<string, string>) =>
    callRoute(requestsNew.action as never, { url: "/requests/new", cookie, form: { title: "Stops", description: "Traffic stop records.", ...form } });

  it("no longer sends the organization's agencies; a link's ?agency= comes back named and picked", async () => {
    const plain = (await (await callRoute(requestsNew.loader as never, { url: "/requests/new", cookie })).json()) as Record<string, unknown>;
    expect(plain.agencies).toBeUndefined();
    expect(plain.agency).toBeNull();
    const linked = (await (await callRoute(requestsNew.loader as never, { url: `/requests/new?agency=${ids.quill}`, cookie })).json()) as Record<string, unknown>;
    expect(linked.agency).toEqual({ id: ids.quill, name: "Quillborough 911 Center", jurisdictionName: "Quillborough" });
    // Another organization's agency, or not an id at all: nothing chosen.
    for (const agency of [ids.partner, "nope"]) {
      const other = (await (await callRoute(requestsNew.loader as never, { url: `/requests/new?agency=${agency}`, cookie })).json()) as Record<string, unknown>;
      expect(other.agency).toBeNull();
    }
  });

  it("files to the agency picked (its id), as before", async () => {
    const response = await post({ agencyId: ids.quill, agencyName: "Quillborough 911 Center" });
    expect(response.status).toBe(302);
    expect(await agencyOf(createdRequestId(response))).toBe(ids.quill);
  });

  it("files to the one agency a typed name means (without JavaScript)", async () => {
    const whole = await post({ agencyName: "ferndale county sheriff" });
    expect(whole.status).toBe(302);
    expect(await agencyOf(createdRequestId(whole))).toBe(ids.ferndaleSheriff);
    const part = await post({ agencyName: "911 cent" });
    expect(part.status).toBe(302);
    expect(await agencyOf(createdRequestId(part))).toBe(ids.quill);
  });

  it("comes back (400) with the error on the agency box when the name is unclear or matches none", async () => {
    const before = await db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, a.org.id));
    const unclear = await post({ agencyName: "Ferndale" });
    expect(unclear.status).toBe(400);
    const unclearErrors = await errorsOf(unclear);
    expect(Object.keys(unclearErrors)).toEqual(["agencyName"]);
    expect(unclearErrors.agencyName![0]).toMatch(/^3 agencies match “Ferndale” \(Ferndale County Sheriff, Ferndale County; /);
    const none = await post({ agencyName: "Partnerville" });
    expect(none.status).toBe(400);
    expect(await errorsOf(none)).toEqual({ agencyName: ["None of your organization's agencies has “Partnerville” in its name"] });
    const neither = await post({});
    expect(neither.status).toBe(400);
    expect((await errorsOf(neither)).agencyId).toEqual(["Choose an agency"]);
    const both = await post({ agencyName: "quill", vendorId: await makeVendor(a.viewer) });
    expect(both.status).toBe(400);
    expect((await errorsOf(both)).vendorId).toEqual(["Choose an agency or a vendor, not both"]);
    // A partner's agency picked by id is refused as before.
    const partner = await post({ agencyId: ids.partner });
    expect(partner.status).toBe(400);
    expect((await errorsOf(partner)).agencyId).toEqual(["Choose an agency from the list"]);
    expect(await db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, a.org.id))).toHaveLength(before.length);
  });
});

describe("the request edit form", () => {
  let requestId: string;
  beforeAll(async () => {
    requestId = (await makeRequest(a.viewer, ids.quill, { title: "To move" })).id;
  });
  const load = async () => {
    const response = await callRoute(requestEdit.loader as never, { url: `/requests/${requestId}/edit`, cookie, params: { requestId } });
    return (await response.json()) as { request: Parameters<typeof editFormValuesOf>[0] & { agencyName: string }; version: string } & Record<string, unknown>;
  };
  const save = async (change: Record<string, string>) => {
    const { request, version } = await load();
    const values = editFormValuesOf(request);
    const form: Record<string, string> = { version };
    for (const [key, value] of Object.entries({ ...values, tags: values.tags })) if (value !== undefined && value !== null) form[key] = String(value);
    return callRoute(requestEdit.action as never, { url: `/requests/${requestId}/edit`, cookie, params: { requestId }, form: { ...form, ...change } });
  };

  it("no longer sends the organization's agencies; the request's agency is named", async () => {
    const body = await load();
    expect(body.agencies).toBeUndefined();
    expect(body.request.agencyName).toBe("Quillborough 911 Center");
  });

  it("moves the request to an agency typed by name, or picked, and refuses an unclear name on the field", async () => {
    const typed = await save({ agencyId: "", agencyName: "Ferndale Police Department, Ferndale" });
    expect(typed.status).toBe(302);
    expect(await agencyOf(requestId)).toBe(ids.ferndaleCity);
    const unclear = await save({ agencyId: "", agencyName: "harbor" });
    expect(unclear.status).toBe(400);
    expect(Object.keys(await errorsOf(unclear))).toEqual(["agencyName"]);
    const picked = await save({ agencyId: ids.ferndaleSheriff, agencyName: "Ferndale County Sheriff" });
    expect(picked.status).toBe(302);
    expect(await agencyOf(requestId)).toBe(ids.ferndaleSheriff);
  });

  it("keeps the edit-conflict flow", async () => {
    const { request, version } = await load();
    await db.update(requests).set({ title: "Changed meanwhile" }).where(eq(requests.id, requestId));
    const values = editFormValuesOf(request);
    const form: Record<string, string> = { version };
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null) form[key] = String(value);
    const response = await callRoute(requestEdit.action as never, { url: `/requests/${requestId}/edit`, cookie, params: { requestId }, form: { ...form, agencyId: "", agencyName: "quillborough" } });
    expect(response.status).toBe(409);
    expect(await agencyOf(requestId)).toBe(ids.ferndaleSheriff);
  });
});

describe("the agency forms' jurisdiction", () => {
  const agencyForm = (form: Record<string, string>) => ({ type: "police", ...form });

  it("no longer sends every jurisdiction", async () => {
    const body = (await (await callRoute(agenciesNew.loader as never, { url: "/agencies/new", cookie })).json()) as Record<string, unknown>;
    expect(body.jurisdictions).toBeUndefined();
    const edit = (await (await callRoute(agencyEdit.loader as never, { url: `/agencies/${ids.quill}/edit`, cookie, params: { agencyId: ids.quill } })).json()) as Record<string, unknown>;
    expect(edit.jurisdictions).toBeUndefined();
    expect(edit.placeLabel).toBe("Quillborough, Pennsylvania");
  });

  it("adds an agency in the jurisdiction picked or typed, and refuses an unclear or unknown one on the field", async () => {
    const picked = await callRoute(agenciesNew.action as never, { url: "/agencies/new", cookie, form: agencyForm({ name: "Quillborough Clerk", jurisdictionId: ids.quillPlace }) });
    expect(picked.status).toBe(302);
    const typed = await callRoute(agenciesNew.action as never, { url: "/agencies/new", cookie, form: agencyForm({ name: "Quillborough Board", jurisdictionName: "quillborough, pennsylvania" }) });
    expect(typed.status).toBe(302);
    const made = await db.select({ name: agencies.name, jurisdictionId: agencies.jurisdictionId }).from(agencies).where(eq(agencies.jurisdictionId, ids.quillPlace));
    expect(made.map((r) => r.name).sort()).toEqual(["Quillborough 911 Center", "Quillborough Board", "Quillborough Clerk"]);
    const unclear = await callRoute(agenciesNew.action as never, { url: "/agencies/new", cookie, form: agencyForm({ name: "Harbor Clerk", jurisdictionName: "harbor town" }) });
    expect(unclear.status).toBe(400);
    const unclearErrors = await errorsOf(unclear);
    expect(Object.keys(unclearErrors)).toEqual(["jurisdictionName"]);
    expect(unclearErrors.jurisdictionName![0]).toMatch(/^More than 8 jurisdictions match “harbor town”/);
    const none = await callRoute(agenciesNew.action as never, { url: "/agencies/new", cookie, form: agencyForm({ name: "X", jurisdictionName: "Partnerville" }) });
    expect(none.status).toBe(400);
    expect(await errorsOf(none)).toEqual({ jurisdictionName: ["No jurisdiction you can use has “Partnerville” in its name"] });
    // Nothing at all: the field is named with the other problems of the form at once.
    const empty = await callRoute(agenciesNew.action as never, { url: "/agencies/new", cookie, form: {} });
    expect(empty.status).toBe(400);
    expect(Object.keys(await errorsOf(empty)).sort()).toEqual(["jurisdictionId", "name", "type"]);
  });

  it("moves an agency to a typed jurisdiction on its edit form", async () => {
    const { agencyId } = await makeAgency(a.viewer, { name: "Mover Police", place: "Moverton" });
    const loaded = (await (await callRoute(agencyEdit.loader as never, { url: `/agencies/${agencyId}/edit`, cookie, params: { agencyId } })).json()) as { version: string };
    const response = await callRoute(agencyEdit.action as never, {
      url: `/agencies/${agencyId}/edit`,
      cookie,
      params: { agencyId },
      form: agencyForm({ name: "Mover Police", version: loaded.version, jurisdictionName: "Quillborough" }),
    });
    expect(response.status).toBe(302);
    expect((await db.select({ j: agencies.jurisdictionId }).from(agencies).where(eq(agencies.id, agencyId)))[0]!.j).toBe(ids.quillPlace);
  });
});

describe("the system forms' hosting agency", () => {
  it("no longer sends the agencies, and takes a hosting agency picked or typed", async () => {
    const body = (await (await callRoute(systemsNew.loader as never, { url: `/agencies/${ids.ferndaleCity}/systems/new`, cookie, params: { agencyId: ids.ferndaleCity } })).json()) as Record<string, unknown>;
    expect(body.agencies).toBeUndefined();
    const post = (form: Record<string, string>) =>
      callRoute(systemsNew.action as never, { url: `/agencies/${ids.ferndaleCity}/systems/new`, cookie, params: { agencyId: ids.ferndaleCity }, form: { systemType: "computer_aided_dispatch", confidence: "reported", ...form } });
    const unclear = await post({ hostAgencyName: "harbor" });
    expect(unclear.status).toBe(400);
    expect(Object.keys(await errorsOf(unclear))).toEqual(["hostAgencyName"]);
    const typed = await post({ hostAgencyName: "911 center" });
    expect(typed.status).toBe(302);
    const [system] = await db.select({ id: agencySystems.id, host: agencySystems.hostAgencyId }).from(agencySystems).where(eq(agencySystems.agencyId, ids.ferndaleCity));
    expect(system!.host).toBe(ids.quill);

    const edit = (await (await callRoute(systemEdit.loader as never, { url: `/systems/${system!.id}/edit`, cookie, params: { systemId: system!.id } })).json()) as Record<string, unknown>;
    expect(edit.agencies).toBeUndefined();
    expect(edit.hostAgencyName).toBe("Quillborough 911 Center");
  });

  it("keeps a product-hosted system editable without a host", async () => {
    const productId = await makeProduct(a.viewer, await makeVendor(a.viewer), "Picker RMS");
    const systemId = await makeSystem(a.viewer, ids.ferndaleSheriff, { productId });
    const edit = (await (await callRoute(systemEdit.loader as never, { url: `/systems/${systemId}/edit`, cookie, params: { systemId } })).json()) as { version: string; hostAgencyName: string };
    expect(edit.hostAgencyName).toBe("");
    const saved = await callRoute(systemEdit.action as never, {
      url: `/systems/${systemId}/edit`,
      cookie,
      params: { systemId },
      form: { version: edit.version, systemType: "records_management", productId, confidence: "confirmed", hostAgencyName: "" },
    });
    expect(saved.status).toBe(302);
  });
});
