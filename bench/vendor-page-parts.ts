// Times the parts of the vendor and product pages' loaders on a dataset (DATABASE_URL, or PGlite in DATA_DIR with IDS_URL),
// after a warm-up: where a page's server time goes. Usage: DATABASE_URL=... npx tsx bench/vendor-page-parts.ts
import postgres from "postgres";

// IDS_URL: where to look the ids up (a Postgres copy of the dataset) when the app reads PGlite (DATA_DIR, no DATABASE_URL).
const url = process.env.IDS_URL ?? process.env.DATABASE_URL!;
const q = postgres(url, { max: 1 });
const [org] = await q<{ id: string }[]>`select id from organizations where short_code = 'TRC' or name like 'TRC%' limit 1`;
const [vendor] = await q<{ id: string }[]>`select vendor_id as id from agency_products where organization_id = ${org!.id} group by 1 order by count(*) desc limit 1`;
const [product] = await q<{ id: string }[]>`select product_id as id from product_groups where organization_id = ${org!.id} order by agencies desc limit 1`;
const [user] = await q<{ id: string }[]>`select id from users where organization_id = ${org!.id} and role = 'admin' limit 1`;
await q.end();
const { viewerFor } = await import("../app/domain/accounts.server");
const { db } = await import("../app/utils/db.server");
const groups = await import("../app/domain/groups.server");
const vendors = await import("../app/domain/vendors.server");
const { scorecard } = await import("../app/domain/analytics.server");
const { listRequests } = await import("../app/domain/requests.server");
const { listCampaigns } = await import("../app/domain/campaigns.server");
const viewer = (await viewerFor(db, user!.id))!;
const today = new Date().toISOString().slice(0, 10);
const parts: Record<string, () => Promise<unknown>> = {
  "vendor page (all)": () => vendors.getVendorPage(viewer, vendor!.id, today),
  "vendor: memberFigures": () => groups.memberFigures(viewer, { vendorId: vendor!.id }, today),
  "vendor: listMemberAgencies": () => groups.listMemberAgencies(viewer, { vendorId: vendor!.id }, { today, countTotal: false }),
  "vendor: listMemberAgencies q": () => groups.listMemberAgencies(viewer, { vendorId: vendor!.id }, { today, q: "police" }),
  "vendor: listVendorProducts": () => vendors.listVendorProducts(viewer, vendor!.id, today),
  "vendor: listPrecedents": () => groups.listPrecedents(viewer, { vendorId: vendor!.id }, { today, vendorId: vendor!.id, limit: 20 }),
  "vendor: listRequests": () => listRequests(viewer, { vendor: vendor!.id, sort: "updated", pageSize: 50 }),
  "vendor: listCampaigns": () => listCampaigns(viewer, { vendorId: vendor!.id }),
  "vendor: scorecard": () => scorecard(viewer, { vendorId: vendor!.id }, today),
  "vendor: live stateCounts": () => groups.stateCounts(viewer, { vendorId: vendor!.id }, today),
  "vendor: live memberLocations": () => groups.memberLocations(viewer, { vendorId: vendor!.id }, today),
  "product page (all)": () => vendors.getProductPage(viewer, product!.id, today),
  "product: scorecard": () => scorecard(viewer, { productId: product!.id }, today),
  "product: listPrecedents": () => groups.listPrecedents(viewer, { productId: product!.id }, { today, limit: 20 }),
};
for (const [label, run] of Object.entries(parts)) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} p50 ${times[5]!.toFixed(1).padStart(7)} ms   max ${times[9]!.toFixed(1).padStart(7)} ms`);
}
process.exit(0);
