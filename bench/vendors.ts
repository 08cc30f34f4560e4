/**
 * Server time of the vendor page, the shared-vendor group list and 300-city campaign pages (and of queueing a
 * 300-city joint ask's letters with "Send all") on a national-scale
 * dataset: 18,000 agencies, about 5 systems each (10% of records and dispatch systems hosted by a 911 center),
 * 2,000 products from 200 vendors, 200,000 requests. Creates its own database on the Postgres server
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), fills it with set-based SQL,
 * then times each page's route loader as Remix calls it (session lookup, the queries, the JSON it sends),
 * with the domain function alone beside it; HTML rendering and the network are not included. Prints the
 * figures and drops the database. Run with `npm run bench:vendors`. Always exits 0 unless the server can't
 * be reached.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Viewer } from "../app/domain/accounts.server";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TODAY = "2026-11-23";
const SIZES = { places: 12_000, agencies: 18_000, vendors: 200, productsPerVendor: 10, requests: 200_000, campaignCities: 300 };
const RUNS = 25;
const TARGET_MS = 100;

const name = `jointask_bench_${Date.now().toString(36)}_${process.pid}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
// The app's database handle (which the domain functions use) is opened on import: point it here first.
process.env.DATABASE_URL = url.toString();
const { dbHandle: handle, db } = await import("../app/utils/db.server");
const { runMigrations } = await import("../db/migrate");
const { seedReferenceData } = await import("../db/seed/reference");
const { createOrganization, createUser } = await import("../app/domain/accounts.server");
const { createCampaign, getCampaignPage } = await import("../app/domain/campaigns.server");
const { sendAllLetters } = await import("../app/domain/campaign-mail.server");
const { listGroups, memberAgencyIds } = await import("../app/domain/groups.server");
const { DEFAULT_AGENCY_LETTER } = await import("../app/domain/letters");
const { campaignFormSchema } = await import("../app/domain/vendor-input");
const { standardRecordType } = await import("../app/domain/catalog.server");
const { signIn } = await import("../app/utils/auth.server");
const { catalogFields } = await import("../db/schema");
const vendorRoute = await import("../app/routes/vendors.$vendorId");
const productRoute = await import("../app/routes/products.$productId");
const groupsRoute = await import("../app/routes/groups");
const campaignRoute = await import("../app/routes/campaigns.$campaignId");
const { getProductPage, getVendorPage } = await import("../app/domain/vendors.server");
const { refreshMemberships } = await import("../app/domain/memberships.server");
const nf = new Intl.NumberFormat("en-US");

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

async function measure(work: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.ceil(samples.length * 0.95) - 1]!, max: samples.at(-1)! };
}

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

/** Times the page's loader (the server's work for the page's data, its JSON included) and the domain call alone. */
async function time(
  label: string,
  route: { loader: Loader; url: string; params?: Record<string, string> },
  domain: () => Promise<unknown>,
  options: { byP95?: boolean } = {},
) {
  const load = async () => {
    const response = await route.loader({ request: new Request(`http://localhost${route.url}`, { headers: { Cookie: cookie } }), params: route.params ?? {}, context: {} });
    if (response.status !== 200) throw new Error(`${route.url} answered ${response.status}`);
    await response.text();
  };
  const server = await measure(load);
  const alone = await measure(domain);
  const ms = (n: number) => `${n.toFixed(1).padStart(6)} ms`;
  console.log(
    `${label.padEnd(44)} loader median ${ms(server.median)}  p95 ${ms(server.p95)}  max ${ms(server.max)}   domain median ${ms(alone.median)}   ${
      (options.byP95 ? server.p95 : server.median) < TARGET_MS ? "MET" : "NOT MET"
    }${options.byP95 ? " (p95)" : ""}`,
  );
}

let cookie = "";

try {
  console.log(`vendors bench: database ${name}`);
  console.log("generating:");
  await step("migrations and reference data", async () => {
    await runMigrations(handle);
    await seedReferenceData(db);
  });
  const org = await createOrganization(db, { name: "National Coalition" });
  const user = await createUser(db, { organizationId: org.id, email: "bench@example.org", name: "Bench User", password: "bench-password", role: "admin" });
  const viewer: Viewer = { id: user.id, organizationId: org.id, organizationName: org.name, organizationCode: org.shortCode, timeZone: org.timeZone, email: user.email, name: user.name, role: "admin", partnerOrganizationIds: [] };

  await step(`${nf.format(SIZES.places)} places, ${nf.format(SIZES.agencies)} agencies`, async () => {
    await db.execute(sql`select setseed(0.42)`);
    await db.execute(sql`
      insert into jurisdictions (organization_id, kind, name, state_id)
      select ${org.id}::uuid, case when g % 10 = 0 then 'county' else 'city' end::jurisdiction_kind,
             'Place ' || g, s.id
        from generate_series(1, ${SIZES.places}) g
        join (select id, row_number() over (order by code) - 1 as n from jurisdictions where kind = 'state') s
          on s.n = g % 51`);
    // Every 20th agency is a 911 / dispatch center: the hosts of shared systems.
    await db.execute(sql`
      insert into agencies (organization_id, jurisdiction_id, name, type, created_by_id)
      select ${org.id}::uuid, j.id,
             case when g % 20 = 0 then 'Dispatch Center ' else 'Police Department ' end || g,
             case when g % 20 = 0 then 'dispatch_911' when g % 7 = 0 then 'sheriff' else 'police' end::agency_type,
             ${user.id}::uuid
        from generate_series(1, ${SIZES.agencies}) g
        join (select id, row_number() over (order by name) as n from jurisdictions where organization_id = ${org.id}::uuid) j
          on j.n = 1 + (g - 1) % ${SIZES.places}`);
  });

  await step(`${nf.format(SIZES.vendors)} vendors, ${nf.format(SIZES.vendors * SIZES.productsPerVendor)} products`, async () => {
    await db.execute(sql`
      insert into vendors (organization_id, name, created_by_id)
      select ${org.id}::uuid, 'Vendor ' || lpad(g::text, 3, '0'), ${user.id}::uuid from generate_series(1, ${SIZES.vendors}) g`);
    await db.execute(sql`
      insert into products (organization_id, vendor_id, name, system_type, created_by_id)
      select ${org.id}::uuid, v.id, v.name || ' ' || t.label || ' ' || p, t.type::system_type, ${user.id}::uuid
        from vendors v
        cross join generate_series(1, ${SIZES.productsPerVendor / 5}) p
        cross join (values ('records_management', 'RMS'), ('computer_aided_dispatch', 'CAD'), ('mobile', 'Mobile'),
                           ('body_cameras', 'Body Cameras'), ('records_request_portal', 'Portal')) t(type, label)
       where v.organization_id = ${org.id}::uuid`);
  });

  await step("about 90,000 agency systems (10% of RMS/CAD hosted by a 911 center)", async () => {
    // Products are picked with a skew (random()^3), so a few vendors have thousands of agencies, like real markets.
    await db.execute(sql`
      create temporary table ranked_products as
      select id, system_type, row_number() over (partition by system_type order by name) - 1 as n,
             count(*) over (partition by system_type) as per_type
        from products where organization_id = ${org.id}::uuid`);
    await db.execute(sql`
      create temporary table agency_places as
      select a.id, a.type, coalesce(j.state_id, j.id) as state_id from agencies a join jurisdictions j on j.id = a.jurisdiction_id
       where a.organization_id = ${org.id}::uuid`);
    await db.execute(sql`
      create temporary table dispatch_centers as
      select id, state_id, row_number() over (partition by state_id order by id) - 1 as n,
             count(*) over (partition by state_id) as per_state
        from agency_places where type = 'dispatch_911'`);
    await db.execute(sql`
      create temporary table planned as
      select a.id as agency_id, a.state_id, t.type::system_type as system_type,
             (a.type <> 'dispatch_911' and t.type in ('records_management', 'computer_aided_dispatch') and random() < 0.10) as hosted,
             random() as r1, random() as r2
        from agency_places a
        cross join (values ('records_management'), ('computer_aided_dispatch'), ('mobile'), ('body_cameras'), ('records_request_portal')) t(type)
       where random() < 0.97 or t.type = 'records_management'`);
    await db.execute(sql`
      insert into agency_systems (organization_id, agency_id, system_type, product_id, host_agency_id, since_on, until_on, confidence, created_by_id)
      select ${org.id}::uuid, pl.agency_id, pl.system_type,
             case when pl.hosted and d.id is not null then null else rp.id end,
             case when pl.hosted and d.id is not null then d.id end,
             date '2012-01-01' + (pl.r2 * 3000)::int,
             case when pl.r2 < 0.05 then date '2024-01-01' + (pl.r2 * 300)::int end,
             (array['confirmed', 'likely', 'reported'])[1 + (pl.r2 * 3)::int % 3]::system_confidence,
             ${user.id}::uuid
        from planned pl
        join ranked_products rp on rp.system_type = pl.system_type and rp.n = floor(rp.per_type * pl.r1 ^ 3)::int
        left join lateral (
          select dc.id from dispatch_centers dc
           where dc.state_id = pl.state_id and pl.hosted and dc.n = floor(dc.per_state * pl.r2)::int
        ) d on true`);
  });

  await step("who is on which product (agency_products, product_groups)", () =>
    db.transaction((tx) => refreshMemberships(tx, org.id, "all", TODAY)),
  );

  await step(`${nf.format(SIZES.requests)} requests`, async () => {
    await db.execute(sql`create temporary table numbered_agencies as select id, row_number() over (order by id) - 1 as n from agency_places`);
    await db.execute(sql`
      insert into requests (organization_id, number, title, description, agency_id, requester_id, status, filed_on, tags,
                            created_by_id, created_at, updated_at)
      select ${org.id}::uuid, g, 'Request ' || g, 'Records asked for in request ' || g, na.id, ${user.id}::uuid,
             (array['draft','submitted','acknowledged','awaiting_response','fee_requested','partially_fulfilled',
                    'fulfilled','fulfilled','no_responsive_records','denied','withdrawn'])[1 + g % 11]::request_status,
             case when g % 11 = 0 then null else date '2023-01-01' + (g % 1300) end,
             array[(array['traffic stops','use of force','calls for service','complaints','arrests'])[1 + g % 5]],
             ${user.id}::uuid,
             timestamptz '2023-01-01' + (g % 1300) * interval '1 day',
             timestamptz '2023-01-01' + (g % 1300) * interval '1 day' + interval '6 hours'
        from generate_series(1, ${SIZES.requests}) g
        join numbered_agencies na on na.n = (g::bigint * 7919) % ${SIZES.agencies}`);
    await db.execute(sql`update organizations set last_request_number = ${SIZES.requests} where id = ${org.id}::uuid`);
  });
  // Autovacuum would have run after loads like these; vacuum sets the visibility map for index-only scans.
  await step("vacuum analyze", () => db.execute(sql`vacuum analyze`));

  const [counts] = (await db.execute(sql`
    select (select count(*) from agencies)::int as agencies, (select count(*) from agency_systems)::int as systems,
           (select count(*) from agency_systems where host_agency_id is not null)::int as hosted,
           (select count(*) from products)::int as products, (select count(*) from requests)::int as requests`)) as unknown as Array<Record<string, number>>;
  console.log(`  dataset: ${Object.entries(counts!).map(([k, v]) => `${nf.format(v)} ${k}`).join(", ")}`);

  const [biggest] = (await db.execute(sql`
    select p.id as product_id, p.vendor_id, v.name as vendor_name, p.name as product_name
      from agency_systems s join products p on p.id = s.product_id join vendors v on v.id = p.vendor_id
     where p.system_type = 'records_management' group by p.id, v.name order by count(*) desc limit 1`)) as unknown as Array<{
    product_id: string;
    vendor_id: string;
    vendor_name: string;
    product_name: string;
  }>;
  const [median] = (await db.execute(sql`
    select vendor_id from (select p.vendor_id, count(*) as n from agency_systems s join products p on p.id = s.product_id group by 1) x
     order by n limit 1 offset ${SIZES.vendors / 2}`)) as unknown as Array<{ vendor_id: string }>;

  const cityAgencies = await step(`campaign generation for ${SIZES.campaignCities} cities (createCampaign, one transaction)`, async () => {
    const members = await memberAgencyIds(viewer, { productId: biggest!.product_id }, TODAY, "records_management");
    // The ask from the catalog: Stops and six of its fields, so the page's city-by-field grid is 300 x 6.
    const stops = (await standardRecordType("stops", db))!;
    const fields = await db.select({ id: catalogFields.id, key: catalogFields.key }).from(catalogFields).where(sql`${catalogFields.recordTypeId} = ${stops.id}::uuid`);
    const wanted = ["date", "reason_for_stop", "outcome", "subject_race", "subject_sex", "officer_id_hash"];
    const input = campaignFormSchema.parse({
      title: "Stops export from the shared RMS",
      ask: "Record-level traffic stop data since 2021 as the system's standard export.",
      recordTypeIds: [stops.id],
      catalogFieldIds: fields.filter((f) => wanted.includes(f.key)).map((f) => f.id),
      detailLevel: "record_level",
      letterTemplate: DEFAULT_AGENCY_LETTER,
      productId: biggest!.product_id,
      targets: members.slice(0, SIZES.campaignCities),
      initialStatus: "submitted",
    });
    const created = await createCampaign(viewer, input, TODAY);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    await db.execute(sql`
      update requests set status = (array['acknowledged','awaiting_response','fulfilled','partially_fulfilled','denied'])[1 + number % 5]::request_status
       where campaign_id = ${created.value.id}::uuid and number % 3 = 0`);
    return { campaignId: created.value.id, targets: input.targets.length };
  });

  // A second joint ask to the same 300 cities, as drafts, every city with a records email: then "Send all".
  const sendCampaign = await step(`campaign generation for ${SIZES.campaignCities} cities, as drafts`, async () => {
    const stops = (await standardRecordType("stops", db))!;
    const input = campaignFormSchema.parse({
      title: "Stops export, letters sent together",
      ask: "Record-level traffic stop data since 2021 as the system's standard export.",
      recordTypeIds: [stops.id],
      letterTemplate: DEFAULT_AGENCY_LETTER,
      productId: biggest!.product_id,
      targets: (await memberAgencyIds(viewer, { productId: biggest!.product_id }, TODAY, "records_management")).slice(0, SIZES.campaignCities),
      initialStatus: "draft",
    });
    const created = await createCampaign(viewer, input, TODAY);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    await db.execute(sql`
      update agencies set records_contact_email = 'records-' || left(id::text, 8) || '@city.example'
       where id in (select agency_id from requests where campaign_id = ${created.value.id}::uuid)`);
    return created.value.id;
  });
  const sent = await step(`send all: queue ${SIZES.campaignCities} letters (compose, outbox, file each under its law)`, async () => {
    const result = await sendAllLetters(viewer, sendCampaign, TODAY);
    if (!result?.ok) throw new Error("send all failed");
    return result.value;
  });
  const again = await step("send all again (nothing is sent twice)", async () => (await sendAllLetters(viewer, sendCampaign, TODAY))!);
  console.log(`  queued ${sent.queued}, refused ${sent.failed.length}, without email ${sent.withoutContact}; a second send queued ${again.ok ? again.value.queued : "?"}`);
  await db.execute(sql`vacuum analyze`);

  cookie = (await signIn(new Request("http://localhost/login", { method: "POST" }), user.id, "/")).headers.get("Set-Cookie")!.split(";")[0]!;
  const v = (id: string) => ({ loader: vendorRoute.loader as Loader, url: `/vendors/${id}`, params: { vendorId: id } });
  console.log(`\nserver time (${RUNS} runs after 3 warm-up runs each; target < ${TARGET_MS} ms for the loader's median, at p95 for the campaign pages):`);
  const vendorAgencies = (await getVendorPage(viewer, biggest!.vendor_id, TODAY))!.totalAgencies;
  await time(`vendor page, largest (${nf.format(vendorAgencies)} agencies)`, v(biggest!.vendor_id), () => getVendorPage(viewer, biggest!.vendor_id, TODAY));
  const medianAgencies = (await getVendorPage(viewer, median!.vendor_id, TODAY))!.totalAgencies;
  await time(`vendor page, median (${nf.format(medianAgencies)} agencies)`, v(median!.vendor_id), () => getVendorPage(viewer, median!.vendor_id, TODAY));
  await time(
    "product page, largest RMS",
    { loader: productRoute.loader as Loader, url: `/products/${biggest!.product_id}`, params: { productId: biggest!.product_id } },
    () => getProductPage(viewer, biggest!.product_id, TODAY),
  );
  const groups = await listGroups(viewer, { sort: "size" }, TODAY);
  await time(`group list, by size (${nf.format(groups.total)} groups)`, { loader: groupsRoute.loader as Loader, url: "/groups?sort=size" }, () =>
    listGroups(viewer, { sort: "size" }, TODAY),
  );
  await time(
    "group list, RMS only, by name, page 3",
    { loader: groupsRoute.loader as Loader, url: "/groups?sort=name&systemType=records_management&page=3" },
    () => listGroups(viewer, { sort: "name", systemType: "records_management", page: 3 }, TODAY),
  );
  await time(
    `campaign page (${cityAgencies.targets} cities, 6 fields)`,
    { loader: campaignRoute.loader as Loader, url: `/campaigns/${cityAgencies.campaignId}`, params: { campaignId: cityAgencies.campaignId } },
    () => getCampaignPage(viewer, cityAgencies.campaignId, TODAY),
    { byP95: true },
  );
  await time(
    `campaign page (${SIZES.campaignCities} sent, letters in outbox)`,
    { loader: campaignRoute.loader as Loader, url: `/campaigns/${sendCampaign}`, params: { campaignId: sendCampaign } },
    () => getCampaignPage(viewer, sendCampaign, TODAY),
    { byP95: true },
  );
} finally {
  await handle.close();
  if (process.env.BENCH_KEEP_DATABASE) {
    console.log(`\nkept ${name} (BENCH_KEEP_DATABASE is set): drop it with  psql -c 'drop database "${name}"'`);
  } else {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    console.log(`\ndropped ${name}`);
  }
  await admin.end();
}
