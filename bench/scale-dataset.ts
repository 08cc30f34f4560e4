/**
 * The national-scale dataset (issue 14): builds a Postgres database with the app's migrations and reference data,
 * then fills it with set-based SQL (generate_series, insert ... select):
 *
 * - 18,000 agencies, each in its own city or county, spread over the 50 states and DC (the reference rows the app
 *   seeds); 12,000 of them belong to the big organization, the rest to 39 others;
 * - 1,000,000 requests, 600,000 of them in "TRC" (the big organization), in a realistic status mix with due dates
 *   around today, tags, tracking numbers, some public (with a public page) and some private;
 * - about 10,000,000 timeline events (10 per request, 50 on one request in a thousand);
 * - communications and received emails (filed on requests, and a review queue);
 * - a coalition of TRC and three partner organizations, which see each other's non-private requests;
 * - TRC's vendors, products and each agency's systems (records, dispatch, body cameras), with the derived
 *   memberships and shared-vendor groups written by the app's own function;
 * - a joint ask to 300 cities, with its requests;
 * - a sign-in account in TRC: scale@trc.example / scale-password (admin).
 *
 * Usage: `npx tsx bench/scale-dataset.ts [--keep | --drop] [--rebuild]`.
 * The database is SCALE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/jointask_scale). When it already
 * exists and a previous build completed (marked in the database's comment), it is reused as it is. Run alone, the
 * database is kept (and the command to drop it is printed); --drop drops it at the end; --rebuild drops it first.
 * Other scripts import `ensureScaleDataset()`.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";

export const SCALE_DATABASE_URL = process.env.SCALE_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/jointask_scale";
export const SCALE_EMAIL = "scale@trc.example";
export const SCALE_PASSWORD = "scale-password";
export const SCALE_ORGANIZATION = "TRC (Three Rivers Records Coalition)";
/** Bumped whenever the dataset's shape changes: an older complete database is rebuilt. */
const VERSION = "jointask-scale-v1";

export const SIZES = {
  bigAgencies: 12_000,
  agencies: 18_000,
  otherOrganizations: 39,
  partners: 3,
  // SCALE_REQUESTS (for a quick trial of the builder only) scales the request count down; 60% in TRC.
  bigRequests: Math.round(Number(process.env.SCALE_REQUESTS ?? 1_000_000) * 0.6),
  requests: Number(process.env.SCALE_REQUESTS ?? 1_000_000),
  eventsPerRequest: 10,
  bigTimelineEvents: 50,
  vendors: 50,
  campaignCities: 300,
} as const;

const log = (message: string) => console.log(`[scale-dataset] ${message}`);

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

function serverUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await step();
  log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function databaseState(url: string): Promise<"missing" | "complete" | "incomplete"> {
  const admin = postgres(serverUrl(url), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${databaseName(url)}`;
    if (rows.length === 0) return "missing";
    return rows[0]!.comment?.startsWith(`${VERSION} complete`) ? "complete" : "incomplete";
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function dropScaleDataset(url = SCALE_DATABASE_URL): Promise<void> {
  const admin = postgres(serverUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${databaseName(url)}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Builds the dataset unless a complete one is there. Returns whether it built. */
export async function ensureScaleDataset(url = SCALE_DATABASE_URL, options: { rebuild?: boolean } = {}): Promise<boolean> {
  const state = await databaseState(url);
  if (state === "complete" && !options.rebuild) {
    log(`reusing ${databaseName(url)} (complete ${VERSION} dataset)`);
    return false;
  }
  if (state !== "missing") {
    log(`dropping ${databaseName(url)} (${state === "complete" ? "--rebuild" : "an unfinished or older build"})`);
    await dropScaleDataset(url);
  }
  const admin = postgres(serverUrl(url), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${databaseName(url)}"`);
  await admin.end({ timeout: 5 });
  const started = performance.now();
  await build(url);
  log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

async function build(url: string): Promise<void> {
  // The domain modules open the app's database handle on import: point it at the dataset first.
  process.env.DATABASE_URL = url;
  const { openDatabase } = await import("../db/client");
  const { runMigrations } = await import("../db/migrate");
  const { seedReferenceData } = await import("../db/seed/reference");
  const { loadDirectory } = await import("../db/seed/directory");
  const { hashPassword } = await import("../app/domain/passwords.server");
  const { refreshMemberships } = await import("../app/domain/memberships.server");
  const { todayIn } = await import("../app/utils/dates");

  const handle = openDatabase({ driver: "postgres", url, maxConnections: 2 });
  const today = todayIn("America/New_York");
  log(`building ${databaseName(url)} (today ${today})`);
  await timed("migrations", () => runMigrations(handle));
  await timed("reference data (laws, states, catalog)", () => seedReferenceData(handle.db));
  await timed("national agency directory", () => loadDirectory(handle.db));
  const passwordHash = await hashPassword(SCALE_PASSWORD);

  // One connection for the bulk steps (its session settings and pg_temp helpers), a second for parallel halves.
  const connect = () => postgres(url, { max: 1, onnotice: () => {}, idle_timeout: 0, connection: { application_name: "jointask-scale-dataset" } });
  const a = connect();
  const b = connect();
  const prepare = async (c: postgres.Sql) => {
    await c.unsafe(`
      set synchronous_commit = off;
      set maintenance_work_mem = '256MB';
      set work_mem = '64MB';
      -- Rows are generated consistent with every foreign key (checked at the end); skipping the per-row FK
      -- triggers during the load saves minutes. Check constraints and not-nulls still apply.
      set session_replication_role = replica;
      -- Deterministic ids (a v4-shaped uuid from a key), so rows can point at each other without joins.
      create or replace function pg_temp.sid(k text) returns uuid language sql immutable parallel safe as
        $$ select overlay(overlay(md5(k) placing '4' from 13) placing '8' from 17)::uuid $$;`);
  };
  await prepare(a);
  await prepare(b);
  const both = (q: (half: number) => string) => Promise.all([a.unsafe(q(0)), b.unsafe(q(1))]);

  // Secondary indexes of the big tables are built after the load (faster than maintaining them row by row).
  const bigTables = ["requests", "request_events", "communications", "inbound_messages"];
  const indexes = await a<{ indexname: string; indexdef: string }[]>`
    select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any(${bigTables})
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  await timed(`drop ${indexes.length} secondary indexes for the load`, async () => {
    for (const i of indexes) await a.unsafe(`drop index "${i.indexname}"`);
  });

  const S = SIZES;
  const big = `pg_temp.sid('org0')`;
  // Organization of agency g (1..18000) and of request g (1..1,000,000).
  const agencyOrg = (g: string) => `(case when ${g} <= ${S.bigAgencies} then 0 else 1 + (${g} - ${S.bigAgencies} - 1) % ${S.otherOrganizations} end)`;

  await timed("organizations, people, coalition", async () => {
    await a.unsafe(`
      -- Short codes given here: the trigger that derives them (0021) is off during the load.
      insert into organizations (id, name, time_zone, last_request_number, short_code)
      select pg_temp.sid('org' || o),
             case o when 0 then '${SCALE_ORGANIZATION}'
                    when 1 then 'Great Lakes Records Project' when 2 then 'Gulf Coast Transparency Network'
                    when 3 then 'Mountain West Public Records Lab'
                    else 'Records Group ' || lpad(o::text, 2, '0') end,
             (array['America/New_York','America/Chicago','America/Denver','America/Los_Angeles'])[o % 4 + 1], 0,
             case o when 0 then 'TRC' else 'ORG' || lpad(o::text, 2, '0') end
        from generate_series(0, ${S.otherOrganizations}) o;
      insert into users (id, organization_id, email, name, password_hash, role)
      select pg_temp.sid('user' || o || '-' || u), pg_temp.sid('org' || o),
             'user' || u || '@org' || o || '.scale.example',
             (array['Alex','Sam','Jordan','Maya','Priya','Chen','Dana','Luis','Ngozi','Eli'])[u % 10 + 1] || ' ' ||
             (array['Rivera','Okafor','Nguyen','Smith','Haddad','Kowalski','Brown','Garcia','Ito','Moreau'])[(u / 10) % 10 + 1] || ' ' || o || '-' || u,
             '${passwordHash}', (case when u = 0 then 'admin' else 'coordinator' end)::user_role
        from generate_series(0, ${S.otherOrganizations}) o
        cross join lateral generate_series(0, case when o = 0 then 49 else 2 end) u;
      insert into users (id, organization_id, email, name, password_hash, role)
      values (pg_temp.sid('scale-user'), ${big}, '${SCALE_EMAIL}', 'Scale Bench', '${passwordHash}', 'admin');
      insert into coalitions (id, name, founded_by_organization_id, created_by_id)
      values (pg_temp.sid('coalition'), 'National Police Records Coalition', ${big}, pg_temp.sid('user0-0'));
      insert into coalition_members (coalition_id, organization_id, added_by_id)
      select pg_temp.sid('coalition'), pg_temp.sid('org' || o), pg_temp.sid('user0-0') from generate_series(0, ${S.partners}) o;`);
  });

  await timed(`${S.agencies} cities and counties, ${S.agencies} agencies`, async () => {
    await a.unsafe(`
      create temp table st as
        select id, (row_number() over (order by code) - 1)::int as i from jurisdictions
         where kind = 'state' and organization_id is null;
      insert into jurisdictions (id, organization_id, kind, name, state_id, county)
      select pg_temp.sid('jur' || g), pg_temp.sid('org' || ${agencyOrg("g")}),
             (case when g % 10 = 9 then 'county' else 'city' end)::jurisdiction_kind,
             (array['Oak','Maple','Cedar','River','Lake','Hill','Spring','Fair','Green','Clear','Stone','Elm','Pine','Ash','Brook','Mill','Glen','Rock','Bay','Silver'])[g % 20 + 1] ||
             (array['ville','ton',' Falls',' Springs','field','burg',' City','port','wood',' Heights'])[(g / 20) % 10 + 1] ||
             case when g % 10 = 9 then ' County' else '' end || ' ' || g,
             st.id, (array['Adams','Brown','Clark','Douglas','Franklin','Grant','Jackson','Lincoln','Madison','Washington'])[g % 10 + 1] || ' County'
        from generate_series(1, ${S.agencies}) g
        join st on st.i = g % (select count(*) from st);
      insert into agencies (id, organization_id, jurisdiction_id, name, type, records_contact_name, records_contact_email, created_by_id)
      select pg_temp.sid('ag' || g), j.organization_id, j.id,
             case when j.kind = 'county' then replace(j.name, ' County', '') || ' County Sheriff''s Office' else j.name || ' Police Department' end,
             (case when j.kind = 'county' then 'sheriff' else 'police' end)::agency_type,
             'Records Unit ' || g, 'records@agency' || g || '.example.gov', pg_temp.sid('user' || ${agencyOrg("g")} || '-0')
        from generate_series(1, ${S.agencies}) g
        join jurisdictions j on j.id = pg_temp.sid('jur' || g);`);
  });

  await timed(`vendors, products, ${S.bigAgencies * 3} agency systems`, async () => {
    await a.unsafe(`
      insert into vendors (id, organization_id, name, website, contact_name, contact_email, created_by_id)
      select pg_temp.sid('ven' || v), ${big},
             (array['Northwind','Bluestone','Keystone','Summit','Ironclad','Beacon','Harbor','Atlas','Sentinel','Pioneer'])[v % 10 + 1] || ' ' ||
             (array['Public Safety','Justice Systems','Software','Technologies','Solutions'])[(v / 10) % 5 + 1] || ' ' || v,
             'https://vendor' || v || '.example.com', 'Legal Department', 'legal@vendor' || v || '.example.com', pg_temp.sid('user0-0')
        from generate_series(1, ${S.vendors}) v;
      insert into products (id, organization_id, vendor_id, name, system_type, created_by_id)
      select pg_temp.sid('prod' || p), ${big}, pg_temp.sid('ven' || ((p - 1) / 3 + 1)),
             (array['Records','Dispatch','Body Cameras'])[(p - 1) % 3 + 1] || ' ' || p,
             (array['records_management','computer_aided_dispatch','body_cameras'])[(p - 1) % 3 + 1]::system_type, pg_temp.sid('user0-0')
        from generate_series(1, ${S.vendors * 3}) p;
      -- Four agencies in ten run vendor 1's three products: the largest vendor and product pages.
      insert into agency_systems (organization_id, agency_id, system_type, product_id, since_on, confidence, created_by_id)
      select ${big}, pg_temp.sid('ag' || g),
             (array['records_management','computer_aided_dispatch','body_cameras'])[t + 1]::system_type,
             pg_temp.sid('prod' || (case when g % 10 < 4 then 1 + t else (1 + g % 49) * 3 + 1 + t end)),
             date '2012-01-01' + (g % 3000), (array['confirmed','likely','reported'])[g % 3 + 1]::system_confidence, pg_temp.sid('user0-0')
        from generate_series(1, ${S.bigAgencies}) g cross join generate_series(0, 2) t;`);
  });
  await timed("shared-vendor memberships and groups (the app's refreshMemberships)", async () => {
    const [org] = await a<{ id: string }[]>`select pg_temp.sid('org0')::text as id`;
    await handle.db.transaction((tx) => refreshMemberships(tx, org!.id, "all", today));
  });

  await timed("joint ask", async () => {
    await a.unsafe(`
      insert into campaigns (id, organization_id, title, ask, record_types, letter_template, product_id, created_by_id)
      values (pg_temp.sid('campaign'), ${big}, 'Body-worn camera audit logs in 300 cities',
              'The audit log of the body-worn camera evidence system: who viewed, shared or deleted each video, 2023 to the present.',
              '{Body camera audit logs}',
              E'Dear records officer,\\n\\nUnder {law}, I request {ask}\\n\\nThank you,\\n{sender}',
              pg_temp.sid('prod3'), pg_temp.sid('user0-0'));`);
  });

  // Request g: TRC for g <= 600,000 (number g, agency 1 + g % 12,000), else organization 1 + (g - 600,001) % 39
  // with its own numbering and its ~153 agencies. Open requests were filed in the last 75 days (due dates fall
  // from 47 days ago to 4 weeks ahead); closed ones 90 days to 3 years ago.
  const requestsSql = (half: number) => `
    insert into requests (id, organization_id, number, title, description, agency_id, vendor_id, campaign_id, requester_id,
                          assignee_id, status, filed_on, method, tracking_number, received_on, due_on, due_statutory, due_basis,
                          follow_up_on, long_overdue_on, acknowledgement_due_on, appeal_due_on, tags, visibility, public_at,
                          public_slug, campaign_letter, created_by_id, created_at, updated_at)
    select pg_temp.sid('req' || g), pg_temp.sid('org' || o), n,
           (array['Use-of-force reports','Body camera audit logs','Traffic stop data','Calls for service export',
                  'Complaints and internal affairs investigations','Officer roster and badge numbers','License plate reader data sharing',
                  'Gunshot detection alerts','Stop and frisk records','Arrest records by charge','Vehicle pursuit reports',
                  'Early intervention system flags','Training records','Overtime payroll','Surveillance technology contracts',
                  'Facial recognition use','Jail bookings','Canine deployment reports','Crisis intervention calls','Taser deployment logs',
                  'Records retention schedule','Drone flight logs','Social media monitoring contracts','Citation data'])[(g / 7) % 24 + 1]
             || ' ' || (2019 + g % 7) || '-' || (2020 + g % 7),
           (array['All records from 1 January 2022 to the present as a database export, with incident number, date, time, location by beat, and outcome.',
                  'The complete data export with every column the system holds, with a data dictionary and code lists; no names are needed.',
                  'Audit logs showing each access, share and deletion, with user id, timestamp and action, from the vendor''s system.',
                  'Every contract, amendment and purchase order with the vendor, and the statements of work and invoices since 2018.',
                  'The policy in force and every earlier version, with the dates each took effect.',
                  'Summary statistics by month and by district, and the underlying incident-level records.',
                  'Emails between the department and the vendor about the deployment, pilot results and data retention.',
                  'Records of complaints received, their dispositions and any discipline imposed, with officer identifiers hashed.'])[g % 8 + 1],
           case when vendor_target then null
                when o = 0 then pg_temp.sid('ag' || (1 + g % ${S.bigAgencies}))
                else pg_temp.sid('ag' || (${S.bigAgencies + 1} + (o - 1) + ${S.otherOrganizations} * (n % 153))) end,
           case when vendor_target then pg_temp.sid('ven' || (1 + (g / 100) % ${S.vendors})) end,
           case when in_campaign then pg_temp.sid('campaign') end,
           pg_temp.sid('user' || o || '-' || (g % people)),
           case when g % 7 = 0 then null else pg_temp.sid('user' || o || '-' || ((g / 3) % people)) end,
           status::request_status,
           filed, case when filed is null then null else (array['email','portal','mail','email'])[g % 4 + 1]::submission_method end,
           case when filed is not null and g % 3 = 0 then 'PRR-' || extract(year from filed) || '-' || lpad((g % 100000)::text, 5, '0') end,
           filed, filed + 28, true, case when filed is not null then 'Statutory response period from the date received' end,
           filed + 29, filed + 58,
           case when status = 'submitted' then filed + 5 end,
           case when status = 'denied' then filed + 60 end,
           case when g % 4 = 0
                then array[(tags)[g % 30 + 1], (tags)[(g % 30 + 1 + (g / 30) % 29) % 30 + 1]]
                else array[(tags)[g % 30 + 1]] end,
           visibility::request_visibility,
           case when visibility = 'public' then filed::timestamptz end,
           case when visibility = 'public' then 'scale-' || g end,
           in_campaign, pg_temp.sid('user' || o || '-' || (g % people)),
           created, greatest(created, updated)
      from (
        select g, o, n, people, status, vendor_target, in_campaign,
               array['body cameras','use of force','traffic stops','calls for service','complaints','roster','alpr','shotspotter',
                     'stop and frisk','arrests','pursuits','early warning','training','overtime','contracts','facial recognition',
                     'jail','k9','crisis','taser','retention','drones','social media','citations','litigation','appeal',
                     'fees','priority','follow up','data'] as tags,
               case when status = 'draft' then null
                    when status in ${OPEN_SQL} then current_date - (g % 75)
                    else current_date - 90 - (g % 1000) end as filed,
               case when g % 20 = 0 then 'private' when g % 20 = 1 and status <> 'draft' then 'public' else 'coalition' end as visibility,
               case when status = 'draft' then now() - ((g % 60) || ' days')::interval
                    when status in ${OPEN_SQL} then (current_date - (g % 75) - 1)::timestamptz + interval '14 hours'
                    else (current_date - 91 - (g % 1000))::timestamptz + interval '14 hours' end as created,
               case when status in ${OPEN_SQL} then now() - ((g % 30) || ' days')::interval - ((g % 24) || ' hours')::interval
                    else (current_date - 30 - (g % 1000))::timestamptz + interval '16 hours' end as updated
          from (
            select g, o, n, case when o = 0 then 50 else 3 end as people,
                   (o = 0 and g % 100 = 99 and not (g % 37 = 0 and g / 37 <= ${S.campaignCities})) as vendor_target,
                   (o = 0 and g % 37 = 0 and g / 37 <= ${S.campaignCities}) as in_campaign,
                   ${STATUS_SQL} as status
              from (
                select g, ((hashint4(g)::bigint % 100) + 100) % 100 as h, case when g <= ${S.bigRequests} then 0 else 1 + (g - ${S.bigRequests} - 1) % ${S.otherOrganizations} end as o,
                       case when g <= ${S.bigRequests} then g else (g - ${S.bigRequests} - 1) / ${S.otherOrganizations} + 1 end as n
                  from generate_series(1, ${S.requests}) g
                 where g % 2 = ${half}
              ) x
          ) y
      ) z`;
  await timed(`${S.requests.toLocaleString("en-US")} requests (two halves in parallel)`, () => both(requestsSql));
  await a.unsafe(`
    update organizations o set last_request_number = m.n
      from (select organization_id, max(number) as n from requests group by organization_id) m
     where m.organization_id = o.id`);

  // Timeline: 10 events per request (50 on one in a thousand): created, submitted, notes, an extension on some,
  // communications, the last status change; spread from creation to the last update.
  const eventsSql = (half: number) => `
    insert into request_events (organization_id, request_id, kind, actor_id, occurred_at, data)
    select r.organization_id, r.id, k.kind::request_event_kind, r.requester_id,
           r.created_at + (r.updated_at - r.created_at) * ((s - 1)::float8 / (cnt - 1)), k.data
      from (select r.*, case when r.number % 1000 = 1 then ${S.bigTimelineEvents} else ${S.eventsPerRequest} end as cnt
              from requests r where r.number % 2 = ${half}) r
      cross join lateral generate_series(1, r.cnt) s
      cross join lateral (
        select case
                 when s = 1 then 'created'
                 when s = 2 and r.status <> 'draft' then 'status_changed'
                 when s = 3 and r.assignee_id is not null then 'assignment_changed'
                 when s = 4 and r.filed_on is not null and r.number % 50 = 0 and r.status in ${OPEN_SQL} then 'extension_logged'
                 when s = r.cnt and r.status not in ('draft', 'submitted') then 'status_changed'
                 else 'note_added' end as kind,
               case
                 when s = 1 then jsonb_build_object('status', 'draft', 'title', r.title)
                 when s = 2 and r.status <> 'draft' then jsonb_build_object('from', 'draft', 'to', 'submitted')
                 when s = 3 and r.assignee_id is not null then jsonb_build_object('fromId', null, 'fromName', null, 'toId', r.assignee_id, 'toName', 'Coordinator')
                 when s = 4 and r.filed_on is not null and r.number % 50 = 0 and r.status in ${OPEN_SQL}
                   then jsonb_build_object('on', r.filed_on + 10, 'reason', 'The agency invoked its extension for voluminous records.', 'requesterAgreed', false, 'days', 10)
                 when s = r.cnt and r.status not in ('draft', 'submitted') then jsonb_build_object('from', 'submitted', 'to', r.status)
                 else jsonb_build_object('body', (array['Called the records unit; they are searching.','Left a voicemail for the records officer.',
                        'The agency asked which date range matters most.','Checked the portal: still in review.',
                        'Sent a reminder of the statutory deadline.','Partner organization has a similar request pending.',
                        'Agency says the vendor must run the export.','Narrowed the request to 2022 onward.'])[(s + r.number) % 8 + 1]) end as data
      ) k`;
  await timed("about 10,000,000 timeline events (two halves in parallel)", () => both(eventsSql));

  await timed("communications and received emails", async () => {
    await a.unsafe(`
      insert into communications (id, organization_id, request_id, direction, channel, occurred_on, summary, created_by_id, created_at, updated_at)
      select pg_temp.sid('cout' || r.id), r.organization_id, r.id, 'outgoing', 'email', r.filed_on,
             'Request letter sent to the records unit by email.', r.requester_id, r.created_at, r.created_at
        from requests r where r.filed_on is not null and r.number % 10 = 3;
      insert into communications (id, organization_id, request_id, direction, channel, occurred_on, summary, created_by_id, created_at, updated_at)
      select pg_temp.sid('cin' || r.id), r.organization_id, r.id, 'incoming', 'email', r.filed_on + 3,
             'Email from the agency: RE: ' || r.title, null, r.created_at + interval '3 days', r.created_at + interval '3 days'
        from requests r where r.filed_on is not null and r.number % 50 = 3;
      insert into inbound_messages (id, organization_id, request_id, status, channel, message_id, recipient, from_address, from_name,
                                    to_addresses, subject, sent_at, text_body, raw_key, raw_size, received_at, communication_id,
                                    classification, tracking_number_found, created_at, updated_at)
      select pg_temp.sid('in' || r.id), r.organization_id, r.id, 'filed', 'smtp', '<scale-' || r.id || '@agency.example.gov>',
             'request+' || r.number || '@replies.scale.example', a.records_contact_email, a.records_contact_name,
             array['request+' || r.number || '@replies.scale.example'], 'RE: ' || r.title,
             r.created_at + interval '3 days',
             'Thank you for your public records request. It has been assigned reference PRR-' || extract(year from r.filed_on) || '-' ||
               r.number || '. We will respond within the statutory period or notify you of an extension.',
             'scale/' || r.id || '.eml', 2048, r.created_at + interval '3 days', pg_temp.sid('cin' || r.id), 'reply',
             'PRR-' || extract(year from r.filed_on) || '-' || r.number, r.created_at + interval '3 days', r.created_at + interval '3 days'
        from requests r join agencies a on a.id = r.agency_id
       where r.filed_on is not null and r.number % 50 = 3;
      insert into inbound_messages (organization_id, status, channel, review_reason, message_id, recipient, from_address, subject,
                                    text_body, raw_key, raw_size, received_at)
      select ${big}, 'review', 'smtp', 'The reply address names no request.', '<scale-review-' || g || '@agency.example.gov>',
             'records@replies.scale.example', 'records@agency' || g || '.example.gov', 'Your records request ' || g,
             'Please find our response attached.', 'scale/review-' || g || '.eml', 1024, now() - (g || ' hours')::interval
        from generate_series(1, 200) g;`);
  });

  // Tables the app keeps in step with triggers, which are off during the load: filled as the migrations would.
  await timed("trigger-maintained tables (tag uses, attention counts, status facts, search rows, analytics rollups, joint ask counts, request counts)", async () => {
    await a.unsafe(`
      select attention_counts_rebuild();
      select request_status_facts_rebuild();
      select request_search_rebuild();
      select analytics_rollups_rebuild();
      select campaign_counts_rebuild();
      select request_counts_rebuild();
      delete from tag_uses;
      insert into tag_uses (organization_id, tag, uses, shared_uses)
      select r.organization_id, t.tag, count(*), count(*) filter (where r.visibility <> 'private')
        from requests r cross join lateral (select distinct unnest(r.tags) as tag) t
       group by 1, 2;`);
  });

  await timed(`rebuild ${indexes.length} secondary indexes`, async () => {
    // Two at a time, one per connection.
    const queue = [...indexes];
    const worker = async (c: postgres.Sql) => {
      for (let next = queue.shift(); next; next = queue.shift()) await c.unsafe(next.indexdef);
    };
    await Promise.all([worker(a), worker(b)]);
  });

  await timed("foreign keys of the bulk rows checked", async () => {
    const [bad] = await a<{ n: number }[]>`
      select (select count(*) from requests r where r.agency_id is not null and not exists (select 1 from agencies x where x.id = r.agency_id and x.organization_id = r.organization_id))
           + (select count(*) from requests r where r.vendor_id is not null and not exists (select 1 from vendors x where x.id = r.vendor_id))
           + (select count(*) from requests r where not exists (select 1 from users x where x.id = r.requester_id and x.organization_id = r.organization_id))
           + (select count(*) from requests r where r.assignee_id is not null and not exists (select 1 from users x where x.id = r.assignee_id))
           + (select count(*) from agencies x where not exists (select 1 from jurisdictions j where j.id = x.jurisdiction_id))
           + (select count(*) from agency_systems s where not exists (select 1 from products p where p.id = s.product_id))
           + (select count(*) from requests r where r.campaign_id is not null and not exists (select 1 from campaigns c where c.id = r.campaign_id))
           + (select count(*) from communications c where not exists (select 1 from requests r where r.id = c.request_id))
           + (select count(*) from inbound_messages m where m.communication_id is not null and not exists (select 1 from communications c where c.id = m.communication_id))
           as n`;
    if (Number(bad!.n) !== 0) throw new Error(`${bad!.n} rows point at nothing`);
    // Events are generated from the requests table itself: their request ids exist by construction; spot check.
    const [events] = await a<{ n: number }[]>`
      select count(*)::int as n from (select request_id from request_events tablesample system (0.1)) e
       where not exists (select 1 from requests r where r.id = e.request_id)`;
    if (events!.n !== 0) throw new Error(`${events!.n} sampled events point at no request`);
  });

  await timed("vacuum analyze", async () => {
    await a.unsafe(`set session_replication_role = origin`);
    await a.unsafe(`vacuum (analyze) requests, request_events, communications, inbound_messages, agencies, jurisdictions, agency_systems, agency_products, users, organizations, outbox_messages, directory_agencies, request_search, analytics_deltas, analytics_rollups, analytics_due_days`);
  });

  const counts = await a<{ t: string; n: string }[]>`
    select 'organizations' as t, count(*)::text as n from organizations union all
    select 'agencies', count(*)::text from agencies union all
    select 'requests', count(*)::text from requests union all
    select 'requests (TRC)', count(*)::text from requests where organization_id = pg_temp.sid('org0') union all
    select 'request events', (select reltuples::bigint::text from pg_class where relname = 'request_events') union all
    select 'inbound messages', count(*)::text from inbound_messages union all
    select 'joint ask requests', count(*)::text from requests where campaign_id is not null union all
    select 'agency systems', count(*)::text from agency_systems`;
  log(counts.map((c) => `${c.t} ${Number(c.n).toLocaleString("en-US")}`).join(", "));

  await a.unsafe(`comment on database "${databaseName(url)}" is '${VERSION} complete ${new Date().toISOString()}'`);
  await Promise.all([a.end({ timeout: 5 }), b.end({ timeout: 5 })]);
  await handle.close();
  void sql;
}

const OPEN_SQL = `('submitted','acknowledged','awaiting_response','clarification_requested','fee_requested','partially_fulfilled','appealed','in_litigation')`;

/**
 * Status mix (per 100): 5 draft, 15 submitted, 10 acknowledged, 15 awaiting response, 3 clarification, 3 fee,
 * 5 partially fulfilled, 20 fulfilled, 5 no responsive records, 8 denied, 5 appealed, 1 in litigation, 5 withdrawn.
 */
const STATUS_SQL = `(case
  when h < 5 then 'draft'
  when h < 20 then 'submitted'
  when h < 30 then 'acknowledged'
  when h < 45 then 'awaiting_response'
  when h < 48 then 'clarification_requested'
  when h < 51 then 'fee_requested'
  when h < 56 then 'partially_fulfilled'
  when h < 76 then 'fulfilled'
  when h < 81 then 'no_responsive_records'
  when h < 89 then 'denied'
  when h < 94 then 'appealed'
  when h < 95 then 'in_litigation'
  else 'withdrawn' end)`;

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const args = new Set(process.argv.slice(2));
  try {
    await ensureScaleDataset(SCALE_DATABASE_URL, { rebuild: args.has("--rebuild") });
    if (args.has("--drop")) {
      await dropScaleDataset();
      log(`dropped ${databaseName(SCALE_DATABASE_URL)}`);
    } else {
      log(`kept ${databaseName(SCALE_DATABASE_URL)}; drop it with: npx tsx bench/scale-dataset.ts --drop  (or: psql ${serverUrl(SCALE_DATABASE_URL)} -c 'drop database ${databaseName(SCALE_DATABASE_URL)}')`);
    }
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
