import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { OPEN_STATUS_LIST_SQL, RECEIVED_STATUS_LIST_SQL, jurisdictions } from "../../db/schema";
import { RECEIVED_STATUSES } from "~/domain/groups.server";
import { CHASE_BOARD_ROWS, CHASE_SECTION_PAGE_ROWS, chaseBoard, decodeChaseCursor, encodeChaseCursor } from "~/domain/chase.server";
import { OPEN_STATUSES } from "~/domain/request-status";
import { createAgency, createLocalJurisdiction } from "~/domain/places.server";
import * as chaseRoute from "~/routes/chase";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization } from "./factories";

const TODAY = "2026-11-23";
let org: Awaited<ReturnType<typeof makeOrganization>>;
let agencyId: string;

/** `n` open requests straight into the table (numbers from `from`), due `daysAgo` days before TODAY plus i % 5. */
async function bulk(orgId: string, requesterId: string, agency: string, from: number, n: number, daysAgo: number, status = "submitted") {
  await db.execute(sql`
    insert into requests (organization_id, number, title, description, agency_id, requester_id, status, filed_on, received_on, due_on)
    select ${orgId}::uuid, ${from}::int + g, 'Bulk ' || g, 'x', ${agency}::uuid, ${requesterId}::uuid, ${status}::request_status,
           ${TODAY}::date - 60, ${TODAY}::date - 60, ${TODAY}::date - ${daysAgo}::int + (g % 5)
      from generate_series(0, ${n - 1}::int) g`);
}

beforeAll(async () => {
  org = await makeOrganization("Chase paging");
  const [state] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
  const city = await createLocalJurisdiction(org.viewer, { name: "Paging Town", kind: "city", stateId: state!.id });
  if (!city.ok) throw new Error("city");
  const agency = await createAgency(org.viewer, { name: "Paging Police", type: "police", jurisdictionId: city.value.id });
  if (!agency.ok) throw new Error("agency");
  agencyId = agency.value.id;
  // 60 overdue (due 20-16 days ago), 3 due within the week, 2 waiting on us.
  await bulk(org.viewer.organizationId, org.admin.id, agencyId, 1, 60, 20);
  await bulk(org.viewer.organizationId, org.admin.id, agencyId, 101, 3, -2);
  await bulk(org.viewer.organizationId, org.admin.id, agencyId, 201, 2, -20, "fee_requested");
});

const idsOf = (section: { groups: { rows: { id: string }[] }[] }) => section.groups.flatMap((g) => g.rows.map((r) => r.id));
const numbersOf = (section: { groups: { rows: { number: number; sortOn: string | null }[] }[] }) =>
  section.groups.flatMap((g) => g.rows).sort((a, b) => (a.sortOn ?? "").localeCompare(b.sortOn ?? "") || a.number - b.number).map((r) => r.number);

describe("the chase board at scale", () => {
  it("shows each section's first rows with its total, and says when there are more", async () => {
    const board = await chaseBoard(org.viewer, TODAY);
    const overdue = board.find((s) => s.key === "overdue")!;
    expect(overdue.total).toBe(60);
    expect(overdue.shown).toBe(CHASE_BOARD_ROWS);
    expect(overdue.more).toBe(true);
    const dueSoon = board.find((s) => s.key === "due_soon")!;
    expect([dueSoon.total, dueSoon.shown, dueSoon.more]).toEqual([3, 3, false]);
    expect(board.find((s) => s.key === "waiting_on_us")!.total).toBe(2);
    // The first rows are the earliest due: due 20 days ago (numbers 1, 6, 11, ... have i % 5 = 0).
    expect(numbersOf(overdue).slice(0, 3)).toEqual([1, 6, 11]);
  });

  it("pages through a whole section in board order, every request once", async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const [section] = await chaseBoard(org.viewer, TODAY, undefined, { section: "overdue", after: decodeChaseCursor(after) });
      expect(section!.key).toBe("overdue");
      expect(section!.shown).toBeLessThanOrEqual(CHASE_SECTION_PAGE_ROWS);
      seen.push(...numbersOf(section!));
      after = section!.next;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    // Board order: by due date (i % 5), then number.
    const expected = Array.from({ length: 60 }, (_, i) => i + 1).sort((a, b) => ((a - 1) % 5) - ((b - 1) % 5) || a - b);
    expect(seen).toEqual(expected);
  });

  it("counts a large section exactly, from the kept counts, without reading its rows", async () => {
    const big = await makeOrganization("Chase cap");
    const [state] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
    const city = await createLocalJurisdiction(big.viewer, { name: "Cap Town", kind: "city", stateId: state!.id });
    const agency = city.ok ? await createAgency(big.viewer, { name: "Cap Police", type: "police", jurisdictionId: city.value.id }) : null;
    await bulk(big.viewer.organizationId, big.admin.id, agency?.ok ? agency.value.id : "", 1, 105, 30);
    const overdue = (await chaseBoard(big.viewer, TODAY)).find((s) => s.key === "overdue")!;
    expect(overdue.total).toBe(105);
    expect(overdue.shown).toBe(CHASE_BOARD_ROWS);
    // Another organization's board is untouched.
    expect(idsOf((await chaseBoard(org.viewer, TODAY)).find((s) => s.key === "overdue")!)).toHaveLength(CHASE_BOARD_ROWS);
  });

  it("links each long section to its own pages, and refuses a bad section or cursor", async () => {
    const cookie = await cookieFor(org.admin.id);
    const board = await callRoute(chaseRoute.loader, { url: "/chase", cookie });
    const data = (await board.json()) as { sections: { key: string; more: boolean }[]; section: string | null };
    expect(data.section).toBeNull();
    expect(data.sections.find((s) => s.key === "overdue")!.more).toBe(true);
    const page = await callRoute(chaseRoute.loader, { url: "/chase?section=overdue", cookie });
    const one = (await page.json()) as { sections: { key: string; next: string | null }[]; section: string };
    expect(one.sections.map((s) => s.key)).toEqual(["overdue"]);
    expect(decodeChaseCursor(one.sections[0]!.next)).not.toBeNull();
    for (const url of ["/chase?section=everything", "/chase?section=overdue&after=yesterday", "/chase?section=overdue&after=2026-01-01_x"]) {
      const response = await callRoute(chaseRoute.loader, { url, cookie }).catch((thrown: unknown) => thrown as Response);
      expect(response.status, url).toBe(400);
    }
  });

  it("round-trips cursors, with no date too", () => {
    for (const cursor of [{ on: "2026-11-03", number: 12 }, { on: null, number: 7 }]) expect(decodeChaseCursor(encodeChaseCursor(cursor))).toEqual(cursor);
    expect(decodeChaseCursor("2026-11-03_")).toBeNull();
  });

  it("keeps the schema's literal status lists in step with OPEN_STATUSES and RECEIVED_STATUSES", () => {
    expect(OPEN_STATUS_LIST_SQL).toBe(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);
    expect(RECEIVED_STATUS_LIST_SQL).toBe(`(${RECEIVED_STATUSES.map((s) => `'${s}'`).join(", ")})`);
  });
});
