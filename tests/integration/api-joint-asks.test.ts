import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agencies, recordTypes } from "../../db/schema";
import { DEFAULT_AGENCY_LETTER } from "~/domain/letters";
import * as jointAsks from "~/routes/api.v1.joint-asks";
import * as jointAsk from "~/routes/api.v1.joint-asks.$jointAskId";
import * as targets from "~/routes/api.v1.joint-asks.$jointAskId.targets";
import * as sendAll from "~/routes/api.v1.joint-asks.$jointAskId.send-all";
import * as followUpAll from "~/routes/api.v1.joint-asks.$jointAskId.follow-up-all";
import * as campaignPage from "~/routes/campaigns.$campaignId";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeAgency, makeMember, makeOrganization } from "./factories";

// Joint asks through the API, with the schemas and domain functions of the joint ask pages.

type Detail = { id: string; requests: { id: string; status: string; agency: { name: string } | null }[]; letters: { queued: number; sent: number; unsent: number } | null };

describe("joint asks through the API", () => {
  it("creates a joint ask, adds agencies by id, sends all, and lists in keyset pages", async () => {
    const org = await makeOrganization("API joint asks");
    const cookie = await cookieFor(org.admin.id);
    const ids: string[] = [];
    for (const [name, place] of [["Akron Police", "Akron"], ["Berea Police", "Berea"], ["Canton Police", "Canton"]] as const) {
      const { agencyId } = await makeAgency(org.viewer, { name, place, state: "OH" });
      await db.update(agencies).set({ recordsContactEmail: `records@${place.toLowerCase()}.example` }).where(eq(agencies.id, agencyId));
      ids.push(agencyId);
    }
    const [stops] = await db.select().from(recordTypes).where(and(eq(recordTypes.key, "stops"), isNull(recordTypes.organizationId)));
    const post = (route: { action: unknown }, url: string, json: unknown, params: Record<string, string> = {}) => callRoute(route.action as never, { url, cookie, params, json });

    const invalid = await post(jointAsks, "/api/v1/joint-asks", { title: "", ask: "Stops data", targets: ["not-an-id"] });
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(invalidBody.fieldErrors)).toEqual(expect.arrayContaining(["title", "targets.0"]));

    const created = await post(jointAsks, "/api/v1/joint-asks", {
      title: "Stops data, Ohio",
      ask: "Traffic stop records",
      recordTypeIds: [stops!.id],
      letterTemplate: DEFAULT_AGENCY_LETTER,
      targets: ids.slice(0, 2),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const detail = ((await created.json()) as { data: Detail }).data;
    expect(created.headers.get("Location")).toBe(`/api/v1/joint-asks/${detail.id}`);
    expect(detail.requests).toHaveLength(2);

    const added = await post(targets, `/api/v1/joint-asks/${detail.id}/targets`, { targets: [ids[1], ids[2]] }, { jointAskId: detail.id });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ created: 1, skipped: 1 });
    const noTargets = await post(targets, `/api/v1/joint-asks/${detail.id}/targets`, { targets: [] }, { jointAskId: detail.id });
    expect(noTargets.status).toBe(400);
    expect(((await noTargets.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.targets).toBeTruthy();

    const sent = await post(sendAll, `/api/v1/joint-asks/${detail.id}/send-all`, {}, { jointAskId: detail.id });
    expect(sent.status).toBe(200);
    const sentBody = (await sent.json()) as { queued: number; data: Detail };
    expect(sentBody.queued).toBe(3);
    expect(sentBody.data.requests.every((r) => r.status === "submitted")).toBe(true);
    expect(sentBody.data.letters).toMatchObject({ unsent: 0 });
    const again = (await (await post(sendAll, `/api/v1/joint-asks/${detail.id}/send-all`, {}, { jointAskId: detail.id })).json()) as { queued: number; already: number };
    expect(again.queued).toBe(0);

    // The requests come a page at a time, in the joint ask page's order (state, place, agency); the counts are the whole ask's.
    type Paged = { data: Detail & { counts: { total: number }; requestPage: { pageSize: number; total: number; nextCursor: string | null } } };
    const get = (query: string) => callRoute(jointAsk.loader as never, { url: `/api/v1/joint-asks/${detail.id}${query}`, cookie, params: { jointAskId: detail.id } });
    const firstPage = ((await (await get("?pageSize=2")).json()) as Paged).data;
    expect(firstPage.requests.map((r) => r.agency?.name)).toEqual(["Akron Police", "Berea Police"]);
    expect(firstPage.counts.total).toBe(3);
    expect(firstPage.requestPage).toMatchObject({ pageSize: 2, total: 3 });
    const secondPage = ((await (await get(`?pageSize=2&cursor=${firstPage.requestPage.nextCursor}`)).json()) as Paged).data;
    expect(secondPage.requests.map((r) => r.agency?.name)).toEqual(["Canton Police"]);
    expect(secondPage.requestPage.nextCursor).toBeNull();
    expect(secondPage.letters).toMatchObject({ sent: 0, queued: 3, unsent: 0 });
    expect(((await (await get("")).json()) as Paged).data.requestPage).toMatchObject({ pageSize: 50, total: 3, nextCursor: null });
    for (const bad of ["?cursor=bogus", "?pageSize=101", "?pageSize=0"]) {
      const refused = await get(bad);
      expect(refused.status, bad).toBe(400);
      expect(Object.keys(((await refused.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual([bad.includes("cursor") ? "cursor" : "pageSize"]);
    }

    // The page shows the same joint ask.
    const page = await callRoute(campaignPage.loader as never, { url: `/campaigns/${detail.id}`, cookie, params: { campaignId: detail.id } });
    expect(page.status).toBe(200);

    const followUp = await post(followUpAll, `/api/v1/joint-asks/${detail.id}/follow-up-all`, {}, { jointAskId: detail.id });
    expect(followUp.status).toBe(200);
    expect(await followUp.json()).toMatchObject({ queued: 0 });
    expect((await post(followUpAll, `/api/v1/joint-asks/${detail.id}/follow-up-all`, { all: true }, { jointAskId: detail.id })).status).toBe(400);

    // Keyset pages: a second joint ask, one per page, each once.
    await post(jointAsks, "/api/v1/joint-asks", { title: "Second", ask: "More", recordTypeIds: [stops!.id], letterTemplate: DEFAULT_AGENCY_LETTER, targets: [ids[0]] });
    const list = async (query: string) => (await (await callRoute(jointAsks.loader as never, { url: `/api/v1/joint-asks${query}`, cookie })).json()) as { data: { id: string; title: string }[]; nextCursor: string | null };
    const first = await list("?pageSize=1");
    expect(first.data.map((d) => d.title)).toEqual(["Second"]);
    const second = await list(`?pageSize=1&cursor=${first.nextCursor}`);
    expect(second.data.map((d) => d.id)).toEqual([detail.id]);
    expect(second.nextCursor).toBeNull();
    expect((await callRoute(jointAsks.loader as never, { url: "/api/v1/joint-asks?cursor=bogus", cookie })).status).toBe(400);
    expect((await callRoute(jointAsks.loader as never, { url: "/api/v1/joint-asks?pageSize=1000", cookie })).status).toBe(400);

    // Another organization doesn't see it; a viewer can't create one.
    const stranger = await makeOrganization("API joint asks stranger");
    const strangerGet = await callRoute(jointAsk.loader as never, { url: `/api/v1/joint-asks/${detail.id}`, cookie: await cookieFor(stranger.admin.id), params: { jointAskId: detail.id } });
    expect(strangerGet.status).toBe(404);
    const strangerSend = await callRoute(sendAll.action as never, { url: `/api/v1/joint-asks/${detail.id}/send-all`, cookie: await cookieFor(stranger.admin.id), params: { jointAskId: detail.id }, json: {} });
    expect(strangerSend.status).toBe(404);
    const viewer = await makeMember(org, "viewer");
    const refused = await callRoute(jointAsks.action as never, { url: "/api/v1/joint-asks", cookie: viewer.cookie, json: { title: "x" } });
    expect(refused.status).toBe(403);
  });
});
