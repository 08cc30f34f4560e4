import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, campaigns, outboxMessages, requests } from "../../db/schema";
import { campaignTargets, countOverdue, sendAllLetters, sendProgress } from "~/domain/campaign-mail.server";
import { campaignCounts, campaignTargetPage, letterCounts, type CampaignTargetRow } from "~/domain/campaign-targets.server";
import { bulkAssign, bulkRemove, listCampaignRequests, summarize } from "~/domain/campaigns.server";
import { listMemberAgencies } from "~/domain/groups.server";
import { changeStatus } from "~/domain/requests.server";
import { campaignTargetQuery, decodeKeyset, encodeKeyset, memberAgencyQuery, type CampaignTargetQuery } from "~/domain/target-list-input";
import * as campaignRoute from "~/routes/campaigns.$campaignId";
import * as productRoute from "~/routes/products.$productId";
import * as vendorRoute from "~/routes/vendors.$vendorId";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeAgency, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, makeVendorRequest, TODAY } from "./factories";

// The bounded target lists (issue 14): a joint ask's requests and a vendor's or product's agencies, keyset-paged
// 50 at a time with filters; the joint ask's summary counted by the database, equal to a recount of every row.

const STATES = ["PA", "WI", "CA", "OH"] as const;

let org: Awaited<ReturnType<typeof makeOrganization>>;
let cookie = "";
let campaignId = "";
/** The 120 targets: 119 requests to 30 agencies (four to most, so sort keys tie and the id decides) and one to a vendor. */
let requestIds: string[] = [];
const agencyIds: string[] = [];

beforeAll(async () => {
  org = await makeOrganization("Targets");
  cookie = await cookieFor(org.admin.id);
  for (let i = 0; i < 30; i++) {
    const made = await makeAgency(org.viewer, { name: `Police ${String.fromCharCode(65 + (i % 26))}`, place: `Town ${i}`, state: STATES[i % 4] });
    agencyIds.push(made.agencyId);
  }
  // The first 20 agencies have a records address (their letters can be sent), the rest have none.
  await db.update(agencies).set({ recordsContactEmail: "records@town.example" }).where(inArray(agencies.id, agencyIds.slice(0, 20)));
  const [campaign] = await db
    .insert(campaigns)
    .values({ organizationId: org.org.id, title: "Bounded ask", ask: "Stops.", recordTypes: ["stops"], letterTemplate: "Dear {agency}" })
    .returning({ id: campaigns.id });
  campaignId = campaign!.id;
  for (let i = 0; i < 119; i++) requestIds.push((await makeRequest(org.viewer, agencyIds[Math.floor(i / 4)]!, { title: `Target ${i}` })).id);
  const vendorId = await makeVendor(org.viewer, "Bounded Vendor");
  requestIds.push((await makeVendorRequest(org.viewer, vendorId)).id);
  await db.update(requests).set({ campaignId }).where(inArray(requests.id, requestIds));
}, 240_000);

/** Every page from the first (forward), then from the last back to the first (previous links). */
async function walk(query: Partial<CampaignTargetQuery>, pageSize: number) {
  const forward: CampaignTargetRow[][] = [];
  let page = await campaignTargetPage(org.viewer, campaignId, query, db, pageSize);
  expect(page.prevCursor).toBeNull();
  forward.push(page.rows);
  while (page.nextCursor) {
    page = await campaignTargetPage(org.viewer, campaignId, { ...query, cursor: decodeKeyset("ct", 4, page.nextCursor)! }, db, pageSize);
    forward.push(page.rows);
  }
  const backward: CampaignTargetRow[][] = [page.rows];
  while (page.prevCursor) {
    page = await campaignTargetPage(org.viewer, campaignId, { ...query, cursor: decodeKeyset("ct", 4, page.prevCursor)! }, db, pageSize);
    backward.unshift(page.rows);
  }
  return { forward, backward, total: page.total };
}

const idsOf = (pages: CampaignTargetRow[][]) => pages.flat().map((r) => r.id);

describe("a joint ask's targets, page by page", () => {
  it("lists every one of 120 targets exactly once, in the table's order, forward and back", async () => {
    const all = (await campaignTargetPage(org.viewer, campaignId, {}, db, 1000)).rows;
    expect(all).toHaveLength(120);
    expect(new Set(all.map((r) => r.id))).toEqual(new Set(requestIds));
    // The vendor first, then by state: the order the page and the CSV use.
    expect(all[0]!.vendorName).toBe("Bounded Vendor");
    const states = all.slice(1).map((r) => r.stateCode!);
    expect(states).toEqual([...states].sort());
    // Requests to one agency tie on every sort key: the id orders them.
    for (const agencyId of agencyIds) {
      const same = all.filter((r) => r.agencyId === agencyId).map((r) => r.id);
      expect(same).toEqual([...same].sort());
      const at = all.findIndex((r) => r.agencyId === agencyId);
      expect(all.slice(at, at + same.length).map((r) => r.id)).toEqual(same);
    }
    const { forward, backward, total } = await walk({}, 50);
    expect(forward.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(idsOf(forward)).toEqual(all.map((r) => r.id));
    expect(backward.map((p) => p.map((r) => r.id))).toEqual(forward.map((p) => p.map((r) => r.id)));
    expect(total).toBe(120);
    // Small pages too: page boundaries inside a run of ties lose nothing.
    expect(idsOf((await walk({}, 3)).forward)).toEqual(all.map((r) => r.id));
  });

  it("keeps the filters on every page: state, name, request status", async () => {
    const all = (await campaignTargetPage(org.viewer, campaignId, {}, db, 1000)).rows;
    const wi = await walk({ state: "WI" }, 7);
    expect(idsOf(wi.forward)).toEqual(all.filter((r) => r.stateCode === "WI").map((r) => r.id));
    expect(wi.total).toBe(all.filter((r) => r.stateCode === "WI").length);

    // By place or agency name, case-insensitively (and % is a letter, not a wildcard).
    expect(idsOf((await walk({ q: "town 1" }, 4)).forward)).toEqual(all.filter((r) => /^Town 1/.test(r.jurisdictionName ?? "")).map((r) => r.id));
    expect(idsOf((await walk({ q: "bounded VENDOR" }, 4)).forward)).toEqual([all[0]!.id]);
    expect((await campaignTargetPage(org.viewer, campaignId, { q: "%" })).rows).toEqual([]);

    const submitted = requestIds.slice(10, 17);
    for (const id of submitted) expect((await changeStatus(org.viewer, id, { status: "submitted" }, TODAY))?.ok).toBe(true);
    const bySubmitted = await walk({ status: "submitted" }, 2);
    expect(new Set(idsOf(bySubmitted.forward))).toEqual(new Set(submitted));
    expect(idsOf(bySubmitted.forward)).toHaveLength(7);
    expect(idsOf((await walk({ status: "submitted", state: "WI" }, 2)).forward)).toEqual(
      all.filter((r) => r.stateCode === "WI" && submitted.includes(r.id)).map((r) => r.id),
    );
  });

  it("finds the letters that failed, the ones queued and the ones not sent yet", async () => {
    // Letters go out to the first 10 agencies' drafts; 12 of them then fail in the outbox.
    const drafts = requestIds.slice(0, 40).filter((id) => !requestIds.slice(10, 17).includes(id));
    const sent = await sendAllLetters(org.viewer, campaignId, TODAY, { requestIds: drafts });
    expect(sent?.ok).toBe(true);
    const letters = await db.select({ id: outboxMessages.id, requestId: outboxMessages.requestId }).from(outboxMessages).where(inArray(outboxMessages.requestId, drafts));
    expect(letters.length).toBe(drafts.length);
    const failed = letters.slice(0, 12);
    await db.update(outboxMessages).set({ status: "failed" }).where(inArray(outboxMessages.id, failed.map((l) => l.id)));
    const byFailed = await walk({ letter: "failed" }, 5);
    expect(new Set(idsOf(byFailed.forward))).toEqual(new Set(failed.map((l) => l.requestId)));
    expect(byFailed.total).toBe(12);
    expect(byFailed.forward.flat().every((r) => r.letter === "failed")).toBe(true);
    const queued = await walk({ letter: "queued" }, 50);
    expect(queued.total).toBe(drafts.length - 12);
    // Not sent: drafts with no letter queued (the agencies without an address, and the vendor).
    const targets = (await campaignTargets(org.viewer, campaignId))!;
    const unsent = targets.filter((t) => t.status === "draft" && t.letter === null).map((t) => t.requestId);
    expect(new Set(idsOf((await walk({ letter: "unsent" }, 50)).forward))).toEqual(new Set(unsent));
  });
});

describe("the joint ask's summary counts", () => {
  /** The counts the page reads, against a recount of every row (what the page did before). */
  async function expectRecount() {
    const [counts, letters, rows, targets, overdue] = await Promise.all([
      campaignCounts(org.viewer, campaignId, TODAY),
      letterCounts(org.viewer, campaignId, db, TODAY),
      listCampaignRequests(org.viewer, campaignId),
      campaignTargets(org.viewer, campaignId),
      countOverdue(org.viewer, campaignId, TODAY),
    ]);
    // The page reads the overdue follow-ups' figures with the letters (one query): as countOverdue lists them.
    expect({ total: letters.overdue, withoutContact: letters.overdueWithoutContact }).toEqual(overdue);
    const recount = summarize(rows, TODAY);
    const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));
    expect({ ...counts, statusCounts: nonZero(counts.statusCounts) }).toEqual({ ...recount, statusCounts: nonZero(recount.statusCounts) });
    const { queued, sent, failed, unsent, unsentWithoutContact, total } = letters;
    expect({ queued, sent, failed, unsent, unsentWithoutContact, total }).toEqual({ ...sendProgress(targets!), total: targets!.length });
    return { counts, letters };
  }

  it("equal a recount after status changes, assignments, letter events and removals", async () => {
    let { counts } = await expectRecount();
    expect(counts.total).toBe(120);
    for (const id of requestIds.slice(10, 13)) await changeStatus(org.viewer, id, { status: "acknowledged" }, TODAY);
    await changeStatus(org.viewer, requestIds[13]!, { status: "fulfilled" }, TODAY);
    await expectRecount();
    // Overdue: an open request whose due date has passed.
    await db.update(requests).set({ dueOn: "2026-10-01" }).where(inArray(requests.id, requestIds.slice(10, 12)));
    ({ counts } = await expectRecount());
    expect(counts.overdue).toBe(2);
    await bulkAssign(org.viewer, campaignId, requestIds.slice(0, 30), org.member.id);
    ({ counts } = await expectRecount());
    expect(counts.assignees.find((a) => a.id === org.member.id)?.total).toBe(30);
    // Letter events: one sent, one failed back to queued (a retry), one more letter queued.
    const letters = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(inArray(outboxMessages.requestId, requestIds)).limit(3);
    await db.update(outboxMessages).set({ status: "sent" }).where(eq(outboxMessages.id, letters[0]!.id));
    await db.update(outboxMessages).set({ status: "queued" }).where(eq(outboxMessages.id, letters[1]!.id));
    await sendAllLetters(org.viewer, campaignId, TODAY, { requestIds: [requestIds[60]!] });
    const { letters: after } = await expectRecount();
    expect(after.sent).toBeGreaterThanOrEqual(1);
    await bulkRemove(org.viewer, campaignId, requestIds.slice(100, 104));
    ({ counts } = await expectRecount());
    expect(counts.total).toBe(116);
    expect((await campaignTargetPage(org.viewer, campaignId, {}, db, 1000)).total).toBe(116);
  });
});

describe("bad list input", () => {
  const get = (url: string) => callRoute(campaignRoute.loader as never, { url, cookie, params: { campaignId } });

  it("answers 400 naming the field, for a cursor or a filter the page did not make", async () => {
    const cases: Array<[string, string]> = [
      ["cursor=garbage", "cursor"],
      [`cursor=${encodeKeyset("ma", { before: false, keys: ["a", "b", "c"], id: requestIds[0]! })}`, "cursor"],
      [`cursor=${encodeKeyset("ct", { before: false, keys: ["7", "", "", ""], id: requestIds[0]! })}`, "cursor"],
      [`cursor=${Buffer.from(JSON.stringify(["ct", "a", "1", "PA", "x", "y", "not-a-uuid"])).toString("base64url")}`, "cursor"],
      ["status=nonsense", "status"],
      ["letter=lost", "letter"],
      ["state=Pennsylvania", "state"],
      [`q=${"x".repeat(201)}`, "q"],
      // (a NUL is refused before the page by the bounded-input guard, which names the field too)
      ["q=a%00b", "“q”"],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/campaigns/${campaignId}?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain(field.startsWith("“") ? field : `${field}:`);
    }
  });

  it("serves a filtered page of at most 50 through the route, and a link's cursor reads back", async () => {
    const first = await get(`/campaigns/${campaignId}?state=pa`);
    expect(first.status).toBe(200);
    const data = (await first.json()) as { rows: Array<{ stateCode: string }>; targets: { nextCursor: string | null; total: number } };
    expect(data.rows.length).toBeLessThanOrEqual(50);
    expect(data.rows.every((r) => r.stateCode === "PA")).toBe(true);
    expect(campaignTargetQuery.safeParse({ cursor: encodeKeyset("ct", { before: true, keys: ["1", "PA", "town 0", "police a"], id: requestIds[0]! }) }).success).toBe(true);
  });

  it("refuses the vendor and product pages' bad cursors and states the same way", async () => {
    const vendorId = await makeVendor(org.viewer, "Listless Vendor");
    const productId = await makeProduct(org.viewer, vendorId, "Listless RMS");
    for (const [route, url, params] of [
      [vendorRoute.loader, `/vendors/${vendorId}`, { vendorId }],
      [productRoute.loader, `/products/${productId}`, { productId }],
    ] as const) {
      for (const [query, field] of [
        ["cursor=%7B%7D", "cursor"],
        [`cursor=${encodeKeyset("ct", { before: false, keys: ["1", "", "", ""], id: requestIds[0]! })}`, "cursor"],
        ["state=ZZZ", "state"],
      ] as const) {
        const response = await callRoute(route as never, { url: `${url}?${query}`, cookie, params });
        expect(response.status, `${url}?${query}`).toBe(400);
        expect(await response.text()).toContain(`${field}:`);
      }
      expect((await callRoute(route as never, { url: `${url}?q=x&state=pa`, cookie, params })).status).toBe(200);
    }
  });
});

describe("a vendor's and a product's agencies, page by page", () => {
  it("lists 55 agencies in two states exactly once, 50 a page, by state, with name and state filters", async () => {
    const vendorId = await makeVendor(org.viewer, "Paged Vendor");
    const productId = await makeProduct(org.viewer, vendorId, "Paged RMS");
    const made: string[] = [];
    for (let i = 0; i < 55; i++) {
      const { agencyId } = await makeAgency(org.viewer, { name: i % 5 === 0 ? "Sheriff" : `Police ${i}`, place: `Paged ${i}`, state: i % 2 ? "WI" : "PA" });
      await makeSystem(org.viewer, agencyId, { productId });
      made.push(agencyId);
    }
    for (const scope of [{ vendorId }, { productId }]) {
      const pages: string[][] = [];
      let page = await listMemberAgencies(org.viewer, scope, { today: TODAY });
      expect(page.total).toBe(55);
      expect(page.prevCursor).toBeNull();
      pages.push(page.rows.map((r) => r.agencyId));
      const states = [page.rows.map((r) => r.stateName)];
      while (page.nextCursor) {
        page = await listMemberAgencies(org.viewer, scope, { today: TODAY, cursor: decodeKeyset("ma", 3, page.nextCursor)! });
        pages.push(page.rows.map((r) => r.agencyId));
        states.push(page.rows.map((r) => r.stateName));
      }
      expect(pages.map((p) => p.length)).toEqual([50, 5]);
      expect(new Set(pages.flat())).toEqual(new Set(made));
      expect(pages.flat()).toHaveLength(55);
      expect(states.flat()).toEqual([...states.flat()].sort());
      // Back from the last page to the first.
      const back = await listMemberAgencies(org.viewer, scope, { today: TODAY, cursor: decodeKeyset("ma", 3, page.prevCursor!)! });
      expect(back.rows.map((r) => r.agencyId)).toEqual(pages[0]);
      expect(back.prevCursor).toBeNull();

      // Filters on every page: a state, a name (eleven are "Sheriff").
      const wi: string[] = [];
      let filtered = await listMemberAgencies(org.viewer, scope, { today: TODAY, stateCode: "WI", pageSize: 10 });
      wi.push(...filtered.rows.map((r) => r.agencyId));
      while (filtered.nextCursor) {
        filtered = await listMemberAgencies(org.viewer, scope, { today: TODAY, stateCode: "WI", pageSize: 10, cursor: decodeKeyset("ma", 3, filtered.nextCursor)! });
        wi.push(...filtered.rows.map((r) => r.agencyId));
        expect(filtered.total).toBe(27);
      }
      expect(new Set(wi)).toEqual(new Set(made.filter((_, i) => i % 2)));
      expect(wi).toHaveLength(27);
      const sheriffs = await listMemberAgencies(org.viewer, scope, { today: TODAY, q: "sheriff", pageSize: 2 });
      expect(sheriffs.total).toBe(11);
      expect(sheriffs.rows.every((r) => r.agencyName === "Sheriff")).toBe(true);
      // A place name matches too.
      expect((await listMemberAgencies(org.viewer, scope, { today: TODAY, q: "Paged 54" })).rows.map((r) => r.agencyId)).toEqual([made[54]]);
    }
    // Through the route: the search box and the state choice, with the count beside them.
    const response = await callRoute(vendorRoute.loader as never, { url: `/vendors/${vendorId}?state=WI&q=police`, cookie, params: { vendorId } });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { members: { total: number; rows: unknown[] }; totalAgencies: number; states: unknown[] };
    expect([data.members.total, data.totalAgencies, data.states.length]).toEqual([made.filter((_, i) => i % 2 && i % 5).length, 55, 2]);
    expect(memberAgencyQuery.safeParse({ state: "wi", q: " police " }).data).toMatchObject({ state: "WI", q: "police" });
  }, 240_000);
});
