import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requests } from "../../db/schema";
import { getCoalition, shareableRequestCount } from "~/domain/coalitions.server";
import type { Viewer } from "~/domain/accounts.server";
import { db, queryRows } from "~/utils/db.server";
import { formCoalition, freshViewer, makeOrganization, makeRequest } from "./factories";
import { prng } from "./support/prng";

// The coalition page's figures (each member's requests the coalition sees; the organization's shared and private
// requests) read request_counts, kept by a trigger on requests (migration 0055_request_counts_trigger). After
// random inserts, visibility changes (one by one and in one statement), moves between organizations and deletes,
// the kept rows equal a GROUP BY over the requests, and the page says what a live count says.

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org;
let b: Org;
let viewerA: Viewer;
let viewerB: Viewer;
const VISIBILITIES = ["private", "coalition", "public"] as const;

beforeAll(async () => {
  a = await makeOrganization("Counted A");
  b = await makeOrganization("Counted B");
  await formCoalition(a, b);
  viewerA = await freshViewer(a.admin.id);
  viewerB = await freshViewer(b.admin.id);
}, 120_000);

async function keptAndRecounted() {
  const orgs = sql.join([a.org.id, b.org.id].map((id) => sql`${id}::uuid`), sql`, `);
  const kept = await queryRows<{ org: string; visibility: string; n: number }>(
    db,
    sql`select organization_id::text as org, visibility::text as visibility, n::int as n from request_counts where organization_id in (${orgs}) and n <> 0 order by 1, 2`,
  );
  const recounted = await queryRows<{ org: string; visibility: string; n: number }>(
    db,
    sql`select organization_id::text as org, visibility::text as visibility, count(*)::int as n from requests where organization_id in (${orgs}) group by 1, 2 order by 1, 2`,
  );
  return { kept, recounted };
}

describe("request_counts", () => {
  it("stays equal to a recount through random edits, and the coalition page reads it", async () => {
    const random = prng(14);
    const ids: string[] = [];
    for (let step = 0; step < 40; step++) {
      const roll = random();
      if (roll < 0.35 || ids.length < 3) {
        const owner = random() < 0.6 ? a : b;
        const made = await makeRequest(owner === a ? viewerA : viewerB, owner.agencyId, { visibility: random() < 0.5 ? "private" : "coalition" });
        ids.push(made.id);
      } else if (roll < 0.65) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const visibility = VISIBILITIES[Math.floor(random() * 3)]!;
        await db.update(requests).set({ visibility, publicAt: visibility === "public" ? new Date() : null }).where(eq(requests.id, id));
      } else if (roll < 0.75) {
        // One statement changing several rows, both ways.
        const some = ids.filter(() => random() < 0.5);
        if (some.length) await db.update(requests).set({ visibility: sql`case when ${requests.visibility} = 'private' then 'coalition'::request_visibility else 'private'::request_visibility end`, publicAt: null }).where(inArray(requests.id, some));
      } else if (roll < 0.85) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const [row] = await db.select({ org: requests.organizationId }).from(requests).where(eq(requests.id, id));
        await db.update(requests).set({ organizationId: row!.org === a.org.id ? b.org.id : a.org.id }).where(eq(requests.id, id));
      } else {
        const index = Math.floor(random() * ids.length);
        await db.delete(requests).where(eq(requests.id, ids[index]!));
        ids.splice(index, 1);
      }
      if (step % 10 === 9) {
        const { kept, recounted } = await keptAndRecounted();
        expect(kept, `step ${step}`).toEqual(recounted);
      }
    }
    const { kept, recounted } = await keptAndRecounted();
    expect(kept).toEqual(recounted);
    expect(recounted.length).toBeGreaterThan(2);

    const live = async (org: string, shared: boolean) =>
      Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from requests where organization_id = ${org} and (visibility = 'private') = ${!shared}`))[0]!.n);
    expect(await shareableRequestCount(viewerA)).toEqual({ shared: await live(a.org.id, true), private: await live(a.org.id, false) });
    const coalition = await getCoalition(viewerB);
    const byOrg = new Map(coalition!.members.map((m) => [m.organizationId, m.sharedRequests]));
    expect(byOrg.get(a.org.id)).toBe(await live(a.org.id, true));
    expect(byOrg.get(b.org.id)).toBe(await live(b.org.id, true));
  }, 120_000);
});
