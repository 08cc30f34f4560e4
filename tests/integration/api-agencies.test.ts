import { describe, expect, it } from "vitest";
import * as agenciesRoute from "~/routes/api.v1.agencies";
import * as agencyRoute from "~/routes/api.v1.agencies.$agencyId";
import { callRoute, cookieFor, makeMember, makeOrganization } from "./factories";

// Agencies through the API: the directory search, and the organization's own rows edited as the form edits them.

type Agency = { id: string; name: string; recordsContactEmail: string | null; version: string; jurisdiction: { id: string } };

describe("agencies through the API", () => {
  it("searches, adds, edits with the version, and refuses a stale copy with 409", async () => {
    const org = await makeOrganization("API agencies");
    const cookie = await cookieFor(org.admin.id);
    const search = await callRoute(agenciesRoute.loader as never, { url: "/api/v1/agencies?q=API%20agencies", cookie });
    expect(search.status).toBe(200);
    const found = (await search.json()) as { own: { id: string; name: string }[]; data: unknown[] };
    expect(found.own.map((a) => a.id)).toContain(org.agencyId);
    expect((await callRoute(agenciesRoute.loader as never, { url: `/api/v1/agencies?q=${"x".repeat(201)}`, cookie })).status).toBe(400);
    expect((await callRoute(agenciesRoute.loader as never, { url: "/api/v1/agencies?q=police&limit=1000", cookie })).status).toBe(400);

    const existing = ((await (await callRoute(agencyRoute.loader as never, { url: `/api/v1/agencies/${org.agencyId}`, cookie, params: { agencyId: org.agencyId } })).json()) as { data: Agency }).data;
    const created = await callRoute(agenciesRoute.action as never, {
      url: "/api/v1/agencies",
      cookie,
      json: { name: "Harbor Police", type: "police", jurisdictionId: existing.jurisdiction.id, recordsContactEmail: "records@harbor.example" },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const agency = ((await created.json()) as { data: Agency }).data;
    const invalid = await callRoute(agenciesRoute.action as never, { url: "/api/v1/agencies", cookie, json: { name: "", type: "castle", jurisdictionId: existing.jurisdiction.id } });
    expect(invalid.status).toBe(400);
    expect(Object.keys(((await invalid.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(expect.arrayContaining(["name", "type"]));

    const patch = (body: unknown, c = cookie) => callRoute(agencyRoute.action as never, { url: `/api/v1/agencies/${agency.id}`, cookie: c, params: { agencyId: agency.id }, method: "PATCH", json: body });
    const saved = await patch({ recordsContactEmail: "foia@harbor.example", version: agency.version });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { data: Agency }).data).toMatchObject({ name: "Harbor Police", recordsContactEmail: "foia@harbor.example" });
    const stale = await patch({ recordsContactEmail: "old@harbor.example", version: agency.version });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(await stale.json())).toContain("foia@harbor.example");
    expect((await patch({ colour: "blue" })).status).toBe(400);
    expect((await patch({ recordsContactEmail: "not an email" })).status).toBe(400);

    const viewer = await makeMember(org, "viewer");
    expect((await patch({ name: "x" }, viewer.cookie)).status).toBe(403);
    const stranger = await makeOrganization("API agencies stranger");
    expect((await patch({ name: "x" }, await cookieFor(stranger.admin.id))).status).toBe(404);
  });
});
