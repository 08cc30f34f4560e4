import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { communications, inboundMessages, requests, requestSearch } from "../../db/schema";
import { addNote, addTags, createRequest, listRequests, listTags, logCommunication } from "~/domain/requests.server";
import { db } from "~/utils/db.server";
import { queryRows } from "../../db/client";
import { formCoalition, freshViewer, makeOrganization, TODAY } from "./factories";

// The requests list's search (app/domain/request-search.server.ts): full-text search ranked with ts_rank,
// trigram matching for parts of words and reference numbers, and the texts only the request's own
// organization may search (mail, communications, notes).

let ours: Awaited<ReturnType<typeof makeOrganization>>;
let partner: Awaited<ReturnType<typeof makeOrganization>>;
const ids: Record<string, string> = {};

async function file(org: typeof ours, key: string, input: { title: string; description?: string; trackingNumber?: string; visibility?: "private" | "coalition" }) {
  const created = await createRequest(
    org.viewer,
    {
      title: input.title,
      description: input.description ?? "Records for the year.",
      agencyId: org.agencyId,
      initialStatus: "draft",
      trackingNumber: input.trackingNumber,
      tags: [],
      visibility: input.visibility ?? "coalition",
    },
    TODAY,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  ids[key] = created.value.id;
  return created.value.id;
}

async function reply(org: typeof ours, requestId: string, subject: string, textBody: string, classification: "reply" | "auto_reply" = "reply") {
  await db.insert(inboundMessages).values({
    organizationId: org.org.id,
    requestId,
    status: "filed",
    channel: "upload",
    messageId: `<${randomUUID()}@agency.example>`,
    rawKey: "x",
    rawSize: 1,
    subject,
    textBody,
    classification,
  });
}

const search = async (org: typeof ours, q: string) => (await listRequests(org.viewer, { q, pageSize: 100 })).rows.map((r) => r.id);

beforeAll(async () => {
  ours = await makeOrganization("Search");
  partner = await makeOrganization("SearchPartner");
  await formCoalition(ours, partner);
  ours = { ...ours, viewer: await freshViewer(ours.admin.id) };
  partner = { ...partner, viewer: await freshViewer(partner.admin.id) };

  await file(ours, "inDescription", { title: "Annual audit", description: "All body camera footage retention schedules and the policy." });
  await file(ours, "inTitle", { title: "Body camera footage retention policy" });
  await file(ours, "tracked", { title: "Dispatch logs", trackingNumber: "PRR-2026-1182" });
  await file(ours, "otherTracked", { title: "Dispatch audio", trackingNumber: "PRR-2025-0455" });
  await file(ours, "mailed", { title: "Jail contracts" });
  await reply(ours, ids.mailed!, "Your records request", "The zeppelin invoices are attached.");
  await file(ours, "autoReplied", { title: "Jail menus" });
  await reply(ours, ids.autoReplied!, "Out of office", "Back Monday; ask about zeppelin matters then.", "auto_reply");
  await file(ours, "noted", { title: "Towing contracts" });
  await addNote(ours.viewer, ids.noted!, "The clerk mentioned a walrus-shaped filing cabinet.");
  await file(ours, "logged", { title: "Parking tickets" });
  await logCommunication(ours.viewer, ids.logged!, { direction: "incoming", channel: "phone", occurredOn: TODAY, summary: "Clerk promised the quokka spreadsheet by Friday." });
  await file(ours, "private", { title: "Private body camera audit", visibility: "private" });

  await file(partner, "partnerMailed", { title: "Partner jail contracts" });
  await reply(partner, ids.partnerMailed!, "Records", "More zeppelin invoices here.");
  await file(partner, "partnerBody", { title: "Partner body camera policy" });
  await file(partner, "partnerPrivate", { title: "Partner private narwhal ledger", trackingNumber: "NWL-77123", visibility: "private" });
});

describe("the requests list's search", () => {
  it("ranks a title match above a match in what is asked", async () => {
    const found = await search(ours, "body camera retention");
    expect(found.slice(0, 2)).toEqual([ids.inTitle, ids.inDescription]);
    // Words are stemmed: "policies" finds "policy".
    expect(await search(ours, "retention policies")).toEqual(expect.arrayContaining([ids.inTitle, ids.inDescription]));
  });

  it("finds a tracking number whole or in part, the exact hit first", async () => {
    expect(await search(ours, "1182")).toEqual([ids.tracked]);
    expect(await search(ours, "PRR-2026")).toEqual([ids.tracked]);
    expect((await search(ours, "PRR-2026-1182"))[0]).toBe(ids.tracked);
    expect(sorted(await search(ours, "prr-20"))).toEqual(sorted([ids.tracked!, ids.otherTracked!]));
    // Part of a word of the title.
    expect(await search(ours, "ispatch")).toEqual(expect.arrayContaining([ids.tracked, ids.otherTracked]));
    expect(await search(ours, "udio")).toEqual([ids.otherTracked]);
  });

  it("searches filed replies, notes and communications of the organization's own requests", async () => {
    expect(await search(ours, "zeppelin")).toEqual([ids.mailed]);
    expect(await search(ours, "walrus")).toEqual([ids.noted]);
    expect(await search(ours, "quokka spreadsheet")).toEqual([ids.logged]);
  });

  it("never searches a partner's mail, notes or communications, nor an automatic reply", async () => {
    // The partner sees our shared requests but not their mail or notes, so searching them finds nothing...
    expect(await search(partner, "walrus")).toEqual([]);
    expect(await search(partner, "quokka")).toEqual([]);
    // ...and its own mail is its own: it finds its request, we do not.
    expect(await search(partner, "zeppelin")).toEqual([ids.partnerMailed]);
    expect(await search(ours, "zeppelin")).not.toContain(ids.partnerMailed);
  });

  it("covers the partner's shared requests' own text, and never a private request of another organization", async () => {
    expect(sorted(await search(ours, "body camera"))).toEqual(sorted([ids.inTitle!, ids.inDescription!, ids.private!, ids.partnerBody!]));
    expect(sorted(await search(partner, "body camera"))).toEqual(sorted([ids.inTitle!, ids.inDescription!, ids.partnerBody!]));
  });

  it("never finds a partner's private request, by its words, a part of them or its tracking number", async () => {
    for (const q of ["narwhal", "narwh", "NWL-77123", "77123", "narwhal ledger"]) {
      expect(await search(ours, q), q).toEqual([]);
      expect(await search(partner, q), q).toEqual([ids.partnerPrivate]);
    }
  });

  it("takes any text without an error: quotes, operators, wildcards", async () => {
    const hostile = ['"body camera', "-", "50%", "a_b", "!!", "(", "'", "x", "\\", "%", "_", "a & b | !c", "body:*", "<->", "camera -", '"', "OR", "-body -camera", "\u00a0", "é".repeat(300), "x ".repeat(500)];
    for (const q of hostile) {
      await expect(listRequests(ours.viewer, { q }), q).resolves.toBeTruthy();
      await expect(listRequests(partner.viewer, { q, sort: "updated" }), q).resolves.toBeTruthy();
    }
    // Wildcards are text: "50%" is not "anything starting with 50".
    expect(await search(ours, "%")).toEqual([]);
    expect(await search(ours, "_")).toEqual([]);
  });

  it("keeps up with what changes: a later note, an edited or deleted communication, a reclassified reply, a new title", async () => {
    const id = await file(ours, "changing", { title: "Evidence room inventory" });
    expect(await search(ours, "pangolin")).toEqual([]);
    await addNote(ours.viewer, id, "A pangolin statue is catalogued as evidence.");
    expect(await search(ours, "pangolin")).toEqual([id]);

    const logged = await logCommunication(ours.viewer, id, { direction: "outgoing", channel: "email", occurredOn: TODAY, summary: "Asked about the axolotl tank." });
    if (!logged?.ok) throw new Error("log");
    expect(await search(ours, "axolotl")).toEqual([id]);
    await db.update(communications).set({ summary: "Asked about the aquarium." }).where(eq(communications.id, logged.value.communicationId));
    expect(await search(ours, "axolotl")).toEqual([]);
    expect(await search(ours, "aquarium")).toEqual([id]);
    await db.delete(communications).where(eq(communications.id, logged.value.communicationId));
    expect(await search(ours, "aquarium")).toEqual([]);

    await reply(ours, id, "Re: inventory", "The capybara photographs are enclosed.");
    expect(await search(ours, "capybara")).toEqual([id]);
    await db.update(inboundMessages).set({ classification: "auto_reply" }).where(eq(inboundMessages.requestId, id));
    expect(await search(ours, "capybara")).toEqual([]);

    await db.update(requests).set({ title: "Evidence locker audit" }).where(eq(requests.id, id));
    expect(await search(ours, "locker")).toEqual([id]);
    expect(await search(ours, "ocke")).toEqual([id]);
    expect(await search(ours, "inventory")).toEqual([]);
    // The partner sees it once shared, by its own text only, and no longer once private.
    expect(await search(partner, "locker")).toEqual([id]);
    expect(await search(partner, "pangolin")).toEqual([]);
    await db.update(requests).set({ visibility: "private" }).where(eq(requests.id, id));
    expect(await search(partner, "locker")).toEqual([]);
    expect(await search(ours, "locker")).toEqual([id]);
  });

  it("lets a partner exclude a word our notes hold: it searches the request's own text only", async () => {
    const id = await file(ours, "excluding", { title: "Okapi sighting reports" });
    await addNote(ours.viewer, id, "Ask about the gecko logbook too.");
    expect(await search(ours, "okapi -gecko")).toEqual([]);
    expect(await search(partner, "okapi -gecko")).toEqual([id]);
    expect(await search(partner, "okapi gecko")).toEqual([]);
  });

  it("ranks and filters through the search table the same with other filters or another sort", async () => {
    const byTitle = (await listRequests(ours.viewer, { q: "body camera", sort: "title", pageSize: 100 })).rows.map((r) => r.id);
    expect(sorted(byTitle)).toEqual(sorted(await search(ours, "body camera")));
    const drafts = (await listRequests(ours.viewer, { q: "body camera", status: "draft", pageSize: 100 })).rows.map((r) => r.id);
    expect(sorted(drafts)).toEqual(sorted(await search(ours, "body camera")));
    expect((await listRequests(ours.viewer, { q: "body camera", status: "denied" })).rows).toEqual([]);
    const own = await listRequests(ours.viewer, { q: "body camera", owner: "own", pageSize: 100 });
    expect(sorted(own.rows.map((r) => r.id))).toEqual(sorted([ids.inTitle!, ids.inDescription!, ids.private!]));
    expect(own.total).toBe(3);
    expect(own.totalExact).toBe(true);
  });

  it("the rebuild gives the rows the triggers keep", async () => {
    const mine = [ours.org.id, partner.org.id];
    const snapshot = () =>
      db
        .select({ id: requestSearch.requestId, shared: requestSearch.shared, updatedAt: requestSearch.updatedAt, title: requestSearch.title, document: sql<string>`${requestSearch.document}::text`, own: sql<string>`${requestSearch.requestVector}::text` })
        .from(requestSearch)
        .where(inArray(requestSearch.organizationId, mine))
        .orderBy(requestSearch.requestId);
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(10);
    await queryRows(db, sql`select request_search_rebuild()`);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the tag filter's menu", () => {
  it("lists the tags in use that the viewer may see, kept up to date by the database", async () => {
    const created = await createRequest(
      ours.viewer,
      { title: "Tagged", description: "x", agencyId: ours.agencyId, initialStatus: "draft", tags: ["zz-secret", "zz-both"], visibility: "private" },
      TODAY,
    );
    if (!created.ok) throw new Error("create");
    const id = created.value.id;
    expect(await listTags(ours.viewer)).toEqual(expect.arrayContaining(["zz-secret", "zz-both"]));
    // A private request's tags stay with its organization.
    expect(await listTags(partner.viewer)).not.toContain("zz-secret");
    await db.update(requests).set({ visibility: "coalition" }).where(eq(requests.id, id));
    expect(await listTags(partner.viewer)).toEqual(expect.arrayContaining(["zz-secret", "zz-both"]));
    await addTags(ours.viewer, id, ["zz-added"]);
    expect(await listTags(ours.viewer)).toContain("zz-added");
    await db.update(requests).set({ tags: ["zz-both"] }).where(eq(requests.id, id));
    expect(await listTags(ours.viewer)).not.toContain("zz-secret");
    await db.delete(requests).where(eq(requests.id, id));
    const after = await listTags(ours.viewer);
    expect(after.filter((t) => t.startsWith("zz-"))).toEqual([]);
  });
});

const sorted = (values: string[]) => [...values].sort();

describe("a search of several words", () => {
  // Several words are read latest first when a sample shows them common, else through the index
  // (app/domain/search-path.ts): both ways must give what ranking the 200 most recent matches gives.
  let many: Awaited<ReturnType<typeof makeOrganization>>;
  const oracle = async (organizationId: string, q: string) =>
    queryRows<{ id: string }>(
      db,
      sql`select m.request_id::text as id from (
            select request_id, updated_at, ts_rank(document, websearch_to_tsquery('english', ${q}))::real as k
              from request_search where organization_id = ${organizationId} and document @@ websearch_to_tsquery('english', ${q})
             order by updated_at desc, request_id desc limit 201) m
          order by m.k desc, m.request_id desc limit 25`,
    );

  beforeAll(async () => {
    many = await makeOrganization("SearchMany");
    many = { ...many, viewer: await freshViewer(many.admin.id) };
    // 230 requests naming body cameras (a few of them twice, to rank higher), and 3 naming a rare pair of words.
    for (let i = 0; i < 233; i++) {
      const rare = i % 80 === 5;
      const title = rare ? `Quetzal ledger ${i}` : i % 9 === 0 ? `Body camera body camera audit ${i}` : `Body camera footage ${i}`;
      const created = await createRequest(many.viewer, { title, description: "Records for the year.", agencyId: many.agencyId, initialStatus: "draft", tags: [], visibility: "private" }, TODAY);
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    }
  }, 120_000);

  it("ranks the most recent matches the same whichever way they are read", async () => {
    const { chooseSearchPath, SEARCH_PROBE_ROWS } = await import("~/domain/search-path");
    const sample = async (q: string) =>
      (
        await queryRows<{ matched: number; read: number }>(
          db,
          sql`select (count(*) filter (where document @@ websearch_to_tsquery('english', ${q})))::int as matched, count(*)::int as read
                from (select * from request_search where organization_id = ${many.org.id} order by updated_at desc limit ${SEARCH_PROBE_ROWS}) s`,
        )
      )[0]!;
    // The data makes the rule read "body camera" latest first and "quetzal ledger" through the index.
    const common = await sample("body camera");
    expect(chooseSearchPath({ ...common, total: common.read }, 201)).toBe("recent");
    const rare = await sample("quetzal ledger");
    expect(chooseSearchPath({ ...rare, total: rare.read }, 201)).toBe("index");

    for (const q of ["body camera", '"body camera" audit', "body camera -audit", "quetzal ledger", "camera quetzal"]) {
      const listed = await listRequests(many.viewer, { q, owner: "own" });
      const expected = await oracle(many.org.id, q);
      expect(listed.rows.map((r) => r.id), q).toEqual(expected.map((r) => r.id));
    }
    const common200 = await listRequests(many.viewer, { q: "body camera", owner: "own" });
    expect(common200.total).toBe(201);
    expect(common200.totalExact).toBe(false);
    const rareAll = await listRequests(many.viewer, { q: "quetzal ledger", owner: "own" });
    expect(rareAll.total).toBe(3);
    expect(rareAll.totalExact).toBe(true);
  });
});
