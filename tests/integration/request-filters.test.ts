import { beforeAll, describe, expect, it } from "vitest";
import { LAW_TABLE } from "../../app/domain/deadlines/laws";
import { changeStatus, createRequest } from "~/domain/requests.server";
import * as apiDeadlines from "~/routes/api.v1.deadlines";
import * as apiRequests from "~/routes/api.v1.requests";
import * as requestsIndex from "~/routes/requests._index";
import * as requestsAgencies from "~/routes/requests.agencies";
import { callRoute, cookieFor, makeAgency, makeOrganization, TODAY } from "./factories";

// The list's filters, sorts and pages, on an organization of its own whose requests the test knows.

type Item = {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  dueBasis: string | null;
  overdue: boolean;
  nextActionDate: string | null;
};
type Page = { data: Item[]; page: number | null; pageSize: number; total: number; totalExact: boolean; pageCount: number | null; nextCursor: string | null; prevCursor: string | null };

let org: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
let secondAgency: string;
const ids: Record<string, string> = {};
const allIds: string[] = [];
const titles: Record<string, string> = {};

async function file(key: string, input: { title: string; description?: string; agencyId?: string; initialStatus?: "draft" | "submitted"; filedOn?: string; assigneeId?: string; tags?: string[]; nextActionOn?: string }) {
  const created = await createRequest(
    org.viewer,
    {
      title: input.title,
      description: input.description ?? "Record-level data.",
      agencyId: input.agencyId ?? org.agencyId,
      initialStatus: input.initialStatus ?? "draft",
      filedOn: input.filedOn,
      assigneeId: input.assigneeId,
      tags: input.tags ?? [],
      nextActionOn: input.nextActionOn,
    },
    TODAY,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  ids[key] = created.value.id;
  titles[key] = input.title;
  allIds.push(created.value.id);
  return created.value.id;
}

async function list(query: string): Promise<Page> {
  const response = await callRoute(apiRequests.loader, { url: `/api/v1/requests${query}`, cookie });
  expect(response.status, query).toBe(200);
  return (await response.json()) as Page;
}

const idsOf = (page: Page) => page.data.map((item) => item.id);
const sorted = (values: string[]) => [...values].sort();

beforeAll(async () => {
  org = await makeOrganization("Filters");
  cookie = await cookieFor(org.admin.id);
  secondAgency = (await makeAgency(org.viewer, { name: "Filters County Sheriff", place: "Filters County", kind: "county", type: "sheriff" })).agencyId;
  // PA, 5 business days: received Mon 2 Nov 2026 -> due Mon 9 Nov.
  await file("overdue", { title: "Alpha stops", initialStatus: "submitted", filedOn: "2026-11-02", assigneeId: org.admin.id, tags: ["stops"], nextActionOn: "2026-11-30" });
  await file("draft", { title: "Bravo use of force", agencyId: secondAgency, assigneeId: org.member.id, tags: ["use of force"] });
  // Received Fri 20 Nov: 23, 24, 25, (26 Thanksgiving and 27 closed), 30, 1 Dec -> due Tue 1 Dec.
  await file("soon", { title: "Charlie stops", description: "Vehicle and pedestrian stops since 2021.", agencyId: secondAgency, initialStatus: "submitted", filedOn: "2026-11-20", tags: ["stops", "joint ask"] });
  // Received Mon 16 Nov: due Mon 23 Nov; then fulfilled, so never overdue.
  await file("fulfilled", { title: "Delta contracts", initialStatus: "submitted", filedOn: "2026-11-16" });
  const moved = await changeStatus(org.viewer, ids.fulfilled!, { status: "fulfilled", on: "2026-11-20" }, TODAY);
  if (!moved?.ok) throw new Error("status");
  for (let i = 1; i <= 8; i++) await file(`filler${i}`, { title: `Filler ${String(i).padStart(2, "0")}` });
});

describe("GET /api/v1/requests filters", () => {
  it("by status", async () => {
    expect(sorted(idsOf(await list("?status=submitted")))).toEqual(sorted([ids.overdue!, ids.soon!]));
    expect(idsOf(await list("?status=fulfilled"))).toEqual([ids.fulfilled]);
    expect((await list("?status=draft")).total).toBe(9);
  });

  it("by agency", async () => {
    expect(sorted(idsOf(await list(`?agency=${secondAgency}`)))).toEqual(sorted([ids.draft!, ids.soon!]));
  });

  it("by assignee: me, none or a member's id", async () => {
    expect(idsOf(await list("?assignee=me"))).toEqual([ids.overdue]);
    expect(idsOf(await list(`?assignee=${org.member.id}`))).toEqual([ids.draft]);
    const unassigned = await list("?assignee=none&pageSize=100");
    expect(sorted(idsOf(unassigned))).toEqual(sorted(allIds.filter((id) => id !== ids.overdue && id !== ids.draft)));
  });

  it("by tag, whatever its case", async () => {
    expect(sorted(idsOf(await list("?tag=stops")))).toEqual(sorted([ids.overdue!, ids.soon!]));
    expect(sorted(idsOf(await list("?tag=STOPS")))).toEqual(sorted([ids.overdue!, ids.soon!]));
    expect(idsOf(await list(`?tag=${encodeURIComponent("joint ask")}`))).toEqual([ids.soon]);
  });

  it("by text in the title or the description", async () => {
    expect(idsOf(await list("?q=pedestrian"))).toEqual([ids.soon]);
    expect(idsOf(await list("?q=BRAVO"))).toEqual([ids.draft]);
    expect((await list("?q=nothing-like-this")).total).toBe(0);
  });

  it("combines filters", async () => {
    expect(idsOf(await list(`?status=submitted&agency=${secondAgency}&tag=stops`))).toEqual([ids.soon]);
    expect((await list(`?status=fulfilled&assignee=me`)).total).toBe(0);
  });
});

describe("GET /api/v1/requests sorting and pages", () => {
  it("sorts by title both ways", async () => {
    const expected = Object.values(titles).sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase()));
    expect((await list("?sort=title&dir=asc&pageSize=100")).data.map((i) => i.title)).toEqual(expected);
    expect((await list("?sort=title&dir=desc&pageSize=100")).data.map((i) => i.title)).toEqual([...expected].reverse());
  });

  it("sorts by due date, requests without one last", async () => {
    const page = await list("?sort=due&dir=asc&pageSize=100");
    expect(idsOf(page).slice(0, 3)).toEqual([ids.overdue, ids.fulfilled, ids.soon]);
    expect(page.data.slice(3).every((i) => i.dueDate === null)).toBe(true);
    const desc = await list("?sort=due&dir=desc&pageSize=100");
    expect(idsOf(desc).slice(0, 3)).toEqual([ids.soon, ids.fulfilled, ids.overdue]);
  });

  it("pages without repeats or gaps, in a stable order", async () => {
    for (const sort of ["title", "updated", "created", "number"]) {
      const seen: string[] = [];
      const first = await list(`?sort=${sort}&pageSize=5&page=1`);
      expect(first).toMatchObject({ page: 1, pageSize: 5, total: 12, pageCount: 3 });
      seen.push(...idsOf(first));
      const second = await list(`?sort=${sort}&pageSize=5&page=2`);
      expect(second.page).toBe(2);
      expect(second.data).toHaveLength(5);
      seen.push(...idsOf(second));
      const third = await list(`?sort=${sort}&pageSize=5&page=3`);
      expect(third.data).toHaveLength(2);
      seen.push(...idsOf(third));
      expect(new Set(seen).size, sort).toBe(12);
      expect(sorted(seen), sort).toEqual(sorted(allIds));
      // Page 2 is exactly rows 6-10 of the whole list in the same order.
      const whole = await list(`?sort=${sort}&pageSize=100`);
      expect(idsOf(second), sort).toEqual(idsOf(whole).slice(5, 10));
    }
    expect((await list("?pageSize=5&page=4")).data).toEqual([]);
  });

  it("puts the due date, its basis, overdue and the next action on each item", async () => {
    const items = new Map((await list("?pageSize=100")).data.map((i) => [i.id, i]));
    expect(items.get(ids.overdue!)).toMatchObject({ dueDate: "2026-11-09", overdue: true, nextActionDate: "2026-11-30" });
    expect(items.get(ids.overdue!)!.dueBasis).toContain("5 business days");
    // PA: filed Fri 20 Nov; Thanksgiving and the Friday after are closed -> Tue 1 Dec.
    expect(items.get(ids.soon!)).toMatchObject({ dueDate: "2026-12-01", nextActionDate: null });
    expect(items.get(ids.fulfilled!)).toMatchObject({ status: "fulfilled", dueDate: "2026-11-23", overdue: false });
    expect(items.get(ids.draft!)).toMatchObject({ dueDate: null, dueBasis: null, overdue: false, nextActionDate: null });
    for (const item of items.values()) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["dueDate", "dueBasis", "overdue", "nextActionDate"]));
    }
  });

  it("the list page takes the same filters", async () => {
    const response = await callRoute(requestsIndex.loader, { url: `/requests?status=submitted&agency=${secondAgency}`, cookie });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { rows: { id: string }[]; total: number } };
    expect(body.result.rows.map((r) => r.id)).toEqual([ids.soon]);
  });
});

describe("GET /api/v1/requests keyset pages", () => {
  const SORTS = ["updated", "created", "filed", "due", "title", "status", "next_action", "number"];

  it("follows nextCursor through every sort and direction: the whole list, in order, no repeats or gaps", async () => {
    for (const sort of SORTS) {
      for (const dir of ["asc", "desc"]) {
        const whole = idsOf(await list(`?sort=${sort}&dir=${dir}&pageSize=100`));
        expect(sorted(whole), `${sort} ${dir}`).toEqual(sorted(allIds));
        const seen: string[] = [];
        let page = await list(`?sort=${sort}&dir=${dir}&pageSize=5`);
        expect(page.prevCursor, `${sort} ${dir}`).toBeNull();
        const pages: Page[] = [page];
        seen.push(...idsOf(page));
        while (page.nextCursor) {
          page = await list(`?sort=${sort}&dir=${dir}&pageSize=5&cursor=${page.nextCursor}`);
          pages.push(page);
          seen.push(...idsOf(page));
        }
        expect(seen, `${sort} ${dir}`).toEqual(whole);
        expect(pages).toHaveLength(3);
        // Previous from the last page is the middle page again.
        const back = await list(`?sort=${sort}&dir=${dir}&pageSize=5&cursor=${pages[2]!.prevCursor}`);
        expect(idsOf(back), `${sort} ${dir}`).toEqual(idsOf(pages[1]!));
        const first = await list(`?sort=${sort}&dir=${dir}&pageSize=5&cursor=${back.prevCursor}`);
        expect(idsOf(first)).toEqual(idsOf(pages[0]!));
        expect(first.prevCursor).toBeNull();
      }
    }
  });

  it("refuses a bad cursor with 400 and the cursor named", async () => {
    for (const query of ["?cursor=garbage", `?sort=title&cursor=${(await list("?pageSize=5")).nextCursor}`]) {
      const response = await callRoute(apiRequests.loader, { url: `/api/v1/requests${query}`, cookie });
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
      expect(Object.keys(body.fieldErrors)).toEqual(["cursor"]);
    }
    const page = await callRoute(requestsIndex.loader, { url: "/requests?cursor=garbage", cookie });
    expect(page.status).toBe(400);
  });

  it("the list page says how it is sorted, for its column headers", async () => {
    const response = await callRoute(requestsIndex.loader, { url: "/requests?sort=due", cookie });
    const body = (await response.json()) as { result: { sort: string; dir: string } };
    expect(body.result).toMatchObject({ sort: "due", dir: "asc" });
    const searched = (await (await callRoute(requestsIndex.loader, { url: "/requests?q=stops", cookie })).json()) as { result: { sort: string; dir: string } };
    expect(searched.result).toMatchObject({ sort: "relevance", dir: "desc" });
  });

  it("states the total exactly while it is small", async () => {
    expect(await list("?pageSize=5")).toMatchObject({ total: 12, totalExact: true, pageCount: 3 });
  });

  it("finds requests by part of the agency's name (a text box, not a select of every agency)", async () => {
    expect(sorted(idsOf(await list("?agencyName=county%20SHERIFF")))).toEqual(sorted([ids.draft!, ids.soon!]));
    expect((await list("?agencyName=no%20such%20agency")).total).toBe(0);
    const response = await callRoute(requestsIndex.loader, { url: "/requests?agencyName=sheriff&status=submitted", cookie });
    const body = (await response.json()) as { result: { rows: { id: string }[] }; agencies?: unknown };
    expect(body.result.rows.map((r) => r.id)).toEqual([ids.soon]);
    expect(body.agencies).toBeUndefined();
    // With JavaScript the box suggests agencies; picking one filters by its id, and the page names it.
    const suggestions = await callRoute(requestsAgencies.loader, { url: "/requests/agencies?q=sheriff", cookie });
    const { hits } = (await suggestions.json()) as { hits: { id: string; name: string }[] };
    expect(hits.map((h) => h.id)).toEqual([secondAgency]);
    expect((await callRoute(requestsAgencies.loader, { url: "/requests/agencies?q=s", cookie })).status).toBe(400);
    const byId = (await (await callRoute(requestsIndex.loader, { url: `/requests?agency=${secondAgency}`, cookie })).json()) as { agencyLabel: string };
    expect(byId.agencyLabel).toBe("Filters County Sheriff");
  });
});

describe("GET /api/v1/deadlines", () => {
  it("carries the law's citation and notes (PA)", async () => {
    const pa = LAW_TABLE.find((law) => law.jurisdiction === "PA")!;
    const response = await callRoute(apiDeadlines.loader, { url: "/api/v1/deadlines?jurisdiction=PA&received=2026-12-21" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.citation).toBe(pa.citation);
    expect(body.notes).toBe(pa.extensionNote);
    expect(body.appealNotes).toBe(pa.appealNote);
    expect(body.lawName).toBe(pa.lawName);
  });
});
