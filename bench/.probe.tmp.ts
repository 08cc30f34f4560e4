process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/jointask_scale";
const { db, queryRows } = await import("../app/utils/db.server");
const { sql } = await import("drizzle-orm");
const { viewerFor } = await import("../app/domain/accounts.server");
const { analytics, analyticsLive, scorecard, scorecardLive } = await import("../app/domain/analytics.server");
const { todayIn } = await import("../app/utils/dates");
const [u] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'scale@trc.example'`);
const viewer = (await viewerFor(db, u!.id))!;
const today = todayIn(viewer.timeZone);
const [v] = await queryRows<{ vendor_id: string; product_id: string }>(db, sql`select vendor_id, product_id from agency_products group by 1, 2 order by count(*) desc limit 1`);
const [ag] = await queryRows<{ agency_id: string }>(db, sql`select agency_id from requests where organization_id = ${viewer.organizationId} group by 1 order by count(*) desc limit 1`);
const time = async (label: string, f: () => Promise<unknown>, n = 3) => {
  const ts: number[] = []; let r: unknown;
  for (let i = 0; i < n; i++) { const t = performance.now(); r = await f(); ts.push(performance.now() - t); }
  console.log(label, ts.map((x) => x.toFixed(0)).join(" "));
  return r;
};
const a1 = await time("analytics rollup", () => analytics(viewer, {}, { today }));
for (const [label, target] of [["vendor", { vendorId: v!.vendor_id }], ["product", { productId: v!.product_id }], ["agency", { agencyId: ag!.agency_id }]] as const) {
  const s1 = await time(`scorecard ${label} rollup`, () => scorecard(viewer, target as never, today));
  if (process.env.LIVE) { const s2 = await time(`scorecard ${label} live`, () => scorecardLive(viewer, target as never, today), 1); console.log("equal", JSON.stringify(s1) === JSON.stringify(s2), JSON.stringify(s1)); }
}
if (process.env.LIVE) { const a2 = await time("analytics live", () => analyticsLive(viewer, {}, { today }), 1); const n = (x: any) => JSON.stringify({ ...x, outcomes: [...x.outcomes].sort((p: any, q: any) => p.outcome.localeCompare(q.outcome)) }); console.log("analytics equal", n(a1) === n(a2)); if (n(a1) !== n(a2)) { console.log(n(a1).slice(0, 1500)); console.log(n(a2).slice(0, 1500)); } }
process.exit(0);
