import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { agencyProducts, campaigns, jurisdictions, products, recordTypes, requests, vendors } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import { todayIn } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import {
  PUBLIC,
  visibleAgencyProducts,
  visibleCampaigns,
  visibleProducts,
  visibleRecordTypes,
  visibleRequests,
  visibleVendors,
} from "./access.server";
import {
  RESPONSE_STATUSES,
  type AnalyticsFilters,
  type ScorecardFigures,
} from "./analytics";
import { OPEN_STATUSES } from "./request-status";
import { distribution, groupScorecard, rollupAnalytics, rollupAnswers, type RollupGroup, type RollupLevel } from "./analytics-rollups.server";

// The analytics queries. Every measure is defined in analytics.ts; this file computes them in SQL over the
// requests the audience may see (access.server.ts visibleRequests), in ONE statement per page: the per-request
// facts are a CTE computed once (Postgres materializes a CTE used more than once), and every figure is an
// aggregate over it (percentile_cont for medians and quartiles), returned as one JSON document. Nothing loads
// every row into JavaScript; lists are capped (LIMITS).

/** Who the figures are for: a signed-in viewer (the one visibility rule) or the public (published requests). */
type Audience = Viewer | typeof PUBLIC;

export const LIMITS = { groups: 25, months: 24, fields: 200, exemptions: 10, campaigns: 10 } as const;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The requests in scope: visible to the audience and matching the filters, with their agency, state and law. */
export function baseQuery(audience: Audience, filters: AnalyticsFilters, visibility: SQL = visibleRequests(audience)): SQL {
  const conditions: SQL[] = [visibility];
  const productsVisible = audience === PUBLIC ? sql`true` : visibleAgencyProducts(audience);
  if (filters.owner === "own" && audience !== PUBLIC) conditions.push(sql`${requests.organizationId} = ${audience.organizationId}`);
  if (filters.from) conditions.push(sql`${requests.receivedOn} >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`${requests.receivedOn} <= ${filters.to}::date`);
  if (filters.state) conditions.push(sql`coalesce(st.code, j.code) = ${filters.state}`);
  if (filters.agencyType) conditions.push(sql`a.type = ${filters.agencyType}`);
  if (filters.agency) conditions.push(sql`${requests.agencyId} = ${filters.agency}::uuid`);
  if (filters.campaign) conditions.push(sql`${requests.campaignId} = ${filters.campaign}::uuid`);
  if (filters.vendor) {
    conditions.push(sql`(${requests.vendorId} = ${filters.vendor}::uuid or exists (
      select 1 from ${agencyProducts} where ${agencyProducts.agencyId} = ${requests.agencyId}
        and ${agencyProducts.vendorId} = ${filters.vendor}::uuid and ${productsVisible}))`);
  }
  if (filters.product) {
    conditions.push(sql`exists (
      select 1 from ${agencyProducts} where ${agencyProducts.agencyId} = ${requests.agencyId}
        and ${agencyProducts.productId} = ${filters.product}::uuid and ${productsVisible})`);
  }
  if (filters.recordType) {
    conditions.push(sql`exists (select 1 from request_record_types rrt where rrt.request_id = ${requests.id} and rrt.record_type_id = ${filters.recordType}::uuid)`);
  }
  return sql`
    select ${requests.id} as id, ${requests.organizationId} as organization_id, ${requests.agencyId} as agency_id,
      ${requests.vendorId} as vendor_id, ${requests.campaignId} as campaign_id, ${requests.visibility} as visibility, ${requests.status}::text as status,
      ${requests.receivedOn} as received_on, ${requests.dueOn} as due_on, a.name as agency_name,
      coalesce(st.code, j.code) as law_code
    from ${requests}
    left join agencies a on a.id = ${requests.agencyId}
    left join jurisdictions j on j.id = a.jurisdiction_id
    left join jurisdictions st on st.id = j.state_id
    where ${sql.join(conditions, sql` and `)}`;
}

export interface Distribution {
  n: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

export interface GroupFigures {
  key: string;
  label: string;
  requests: number;
  response: Distribution;
  completion: Distribution;
  onTime: number;
  late: number;
  overdueNow: number;
  lawCode: string | null;
  periodDays: number | null;
  periodDayType: string | null;
}

export interface AnalyticsResult {
  today: string;
  total: { requests: number; received: number; response: Distribution; completion: Distribution; onTime: number; late: number; overdueNow: number };
  byAgency: GroupFigures[];
  byState: GroupFigures[];
  byProduct: GroupFigures[];
  months: { month: string; due: number; onTime: number; late: number }[];
  outcomes: { outcome: string; n: number }[];
  exemptions: { note: string; n: number }[];
  fields: { recordType: string; key: string; label: string; product: string | null; asked: number; received: number; partly: number }[];
  funnels: { campaignId: string; title: string; drafted: number; sent: number; acknowledged: number; answered: number; dataReceived: number }[];
}

function groupSelect(keyExpr: string, labelExpr: string, from: string, groupBy: string, today: SQL): SQL {
  return sql`
    select ${sql.raw(keyExpr)} as key, ${sql.raw(labelExpr)} as label, count(*)::int as requests,
      json_build_object('n', count(response_days)::int,
        'q1', percentile_cont(0.25) within group (order by response_days),
        'median', percentile_cont(0.5) within group (order by response_days),
        'q3', percentile_cont(0.75) within group (order by response_days)) as response,
      json_build_object('n', count(completion_days)::int,
        'q1', percentile_cont(0.25) within group (order by completion_days),
        'median', percentile_cont(0.5) within group (order by completion_days),
        'q3', percentile_cont(0.75) within group (order by completion_days)) as completion,
      count(*) filter (where on_time)::int as on_time, count(*) filter (where on_time = false)::int as late,
      count(*) filter (where status in (${list(OPEN_STATUSES)}) and due_on < ${today}::date)::int as overdue_now,
      min(law_code) as law_code
    from ${sql.raw(from)}
    group by ${sql.raw(groupBy)}
    order by count(*) desc, 2
    limit ${LIMITS.groups}`;
}

/**
 * Every figure of the analytics page for the audience and filters: from the rollups where they can answer
 * (analytics-rollups.server.ts: no filter, own/coalition, state, agency type, vendor, product, agency), else
 * from the live query (a received-date period, a record type or a joint ask).
 */
export async function analytics(
  audience: Audience,
  filters: AnalyticsFilters,
  options: { today?: string; db?: Executor; level?: RollupLevel } = {},
): Promise<AnalyticsResult> {
  const db = options.db ?? defaultDb;
  const today = options.today ?? todayIn(audience === PUBLIC ? "America/New_York" : audience.timeZone);
  if (!rollupAnswers(filters)) return analyticsLive(audience, filters, { today, db });
  // Independent statements, run at once (on Postgres each takes its own connection).
  const [rolled, extras, laws] = await Promise.all([
    rollupAnalytics(db, audience, filters, today, baseQuery, { groups: LIMITS.groups, months: LIMITS.months, level: options.level }),
    analyticsExtras(db, audience, filters, today),
    lawPeriods(db),
  ]);
  if (!rolled) return analyticsLive(audience, filters, { today, db });
  const group = (g: RollupGroup): GroupFigures => {
    const law = g.law_code ? laws.get(g.law_code) : undefined;
    return {
      key: g.key,
      label: g.label,
      requests: g.requests,
      response: distribution(g.response),
      completion: distribution(g.completion),
      onTime: g.on_time,
      late: g.late,
      overdueNow: g.overdue_now,
      lawCode: g.law_code,
      periodDays: law?.days ?? null,
      periodDayType: law?.dayType ?? null,
    };
  };
  const t = rolled.total;
  return {
    today,
    total: {
      requests: t.requests,
      received: t.received,
      response: distribution(t.response),
      completion: distribution(t.completion),
      onTime: t.on_time,
      late: t.late,
      overdueNow: t.overdue_now,
    },
    byAgency: rolled.byAgency.map(group),
    byState: rolled.byState.map(group),
    byProduct: rolled.byProduct.map((g) => ({ ...group(g), lawCode: null, periodDays: null, periodDayType: null })),
    months: rolled.months,
    outcomes: outcomeList(rolled.outcomes),
    ...extras,
  };
}

/** The outcomes with any requests, most first (then by name). */
function outcomeList(counts: Record<string, number>): { outcome: string; n: number }[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => ({ outcome, n }))
    .sort((a, b) => b.n - a.n || a.outcome.localeCompare(b.outcome));
}

/**
 * Exemptions, fields and joint-ask funnels, live: driven from request_fields and the joint asks' requests (the
 * facts are not materialized, so only those requests are read), not from every request.
 */
export async function analyticsExtras(db: Executor, audience: Audience, filters: AnalyticsFilters, today: string) {
  const productsVisible = audience === PUBLIC ? sql`true` : visibleAgencyProducts(audience);
  const [row] = await queryRows<{ doc: string }>(
    db,
    sql`with ${factsCtes(audience, filters, today, false)}
    select json_build_object(${extrasParts(productsVisible)})::text as doc`,
  );
  return JSON.parse(row!.doc) as Pick<AnalyticsResult, "exemptions" | "fields" | "funnels">;
}

/** The live query: every figure of the analytics page for the audience and filters, in one statement. The
 * reference the rollups must equal (tests/integration/analytics-rollups.test.ts), and the fallback. */
export async function analyticsLive(audience: Audience, filters: AnalyticsFilters, options: { today?: string; db?: Executor } = {}): Promise<AnalyticsResult> {
  const db = options.db ?? defaultDb;
  const today = options.today ?? todayIn(audience === PUBLIC ? "America/New_York" : audience.timeZone);
  const productsVisible = audience === PUBLIC ? sql`true` : visibleAgencyProducts(audience);
  const query = sql`
    with ${factsCtes(audience, filters, today)},
    -- Each agency's visible products (a request has one agency: a request's products are its agency's, so
    -- deduplicating per agency is deduplicating per request, over thousands of rows instead of millions).
    agency_products_of as (
      select distinct ${agencyProducts.agencyId} as agency_id, ${agencyProducts.productId} as product_id, pr.name || ' (' || v.name || ')' as label
      from ${agencyProducts}
      join products pr on pr.id = ${agencyProducts.productId}
      join vendors v on v.id = ${agencyProducts.vendorId}
      where ${productsVisible}
    ),
    product_facts as (
      select f.*, ap.product_id, ap.label as product_label from facts f join agency_products_of ap on ap.agency_id = f.agency_id
      union all
      select f.*, f.vendor_id, v.name || ' (asked directly)' from facts f join vendors v on v.id = f.vendor_id
    )
    select json_build_object(
      'total', (select json_build_object('requests', count(*)::int, 'received', count(received_on)::int,
          'response', json_build_object('n', count(response_days)::int,
            'q1', percentile_cont(0.25) within group (order by response_days),
            'median', percentile_cont(0.5) within group (order by response_days),
            'q3', percentile_cont(0.75) within group (order by response_days)),
          'completion', json_build_object('n', count(completion_days)::int,
            'q1', percentile_cont(0.25) within group (order by completion_days),
            'median', percentile_cont(0.5) within group (order by completion_days),
            'q3', percentile_cont(0.75) within group (order by completion_days)),
          'onTime', count(*) filter (where on_time)::int, 'late', count(*) filter (where on_time = false)::int,
          'overdueNow', count(*) filter (where status in (${list(OPEN_STATUSES)}) and due_on < ${today}::date)::int)
        from facts),
      'byAgency', (select coalesce(json_agg(g), '[]'::json) from (${groupSelect("agency_id::text", "min(agency_name)", "facts where agency_id is not null", "agency_id", sql`${today}`)}) g),
      'byState', (select coalesce(json_agg(g), '[]'::json) from (${groupSelect("law_code", "law_code", "facts where law_code is not null", "law_code", sql`${today}`)}) g),
      'byProduct', (select coalesce(json_agg(g), '[]'::json) from (${groupSelect("product_id::text", "min(product_label)", "product_facts", "product_id", sql`${today}`)}) g),
      'months', (select coalesce(json_agg(m order by m.month), '[]'::json) from (
          select to_char(date_trunc('month', due_on), 'YYYY-MM') as month, count(*)::int as due,
            count(*) filter (where on_time)::int as "onTime", count(*) filter (where on_time = false)::int as late
          from facts where on_time is not null
          group by 1 order by 1 desc limit ${LIMITS.months}) m),
      'outcomes', (select coalesce(json_agg(o), '[]'::json) from (
          select case when status in ('appealed', 'in_litigation') then 'appealed' else status end as outcome, count(*)::int as n
          from facts where status in (${list(RESPONSE_STATUSES)}, 'appealed', 'in_litigation')
          group by 1 order by 2 desc) o),
      ${extrasParts(productsVisible)}
    )::text as doc`;
  const [row] = await queryRows<{ doc: string }>(db, query);
  const doc = JSON.parse(row!.doc) as Omit<AnalyticsResult, "today" | "byAgency" | "byState" | "byProduct"> & Record<"byAgency" | "byState" | "byProduct", RawGroup[]>;
  const laws = await lawPeriods(db);
  const group = (g: RawGroup): GroupFigures => {
    const law = g.law_code ? laws.get(g.law_code) : undefined;
    return {
      key: g.key,
      label: g.label,
      requests: g.requests,
      response: g.response,
      completion: g.completion,
      onTime: g.on_time,
      late: g.late,
      overdueNow: g.overdue_now,
      lawCode: g.law_code,
      periodDays: law?.days ?? null,
      periodDayType: law?.dayType ?? null,
    };
  };
  return {
    ...doc,
    today,
    byAgency: doc.byAgency.map(group),
    byState: doc.byState.map(group),
    byProduct: doc.byProduct.map((g) => ({ ...group(g), lawCode: null, periodDays: null, periodDayType: null })),
    months: [...doc.months].sort((a, b) => a.month.localeCompare(b.month)),
  };
}

function extrasParts(productsVisible: SQL): SQL {
  return sql`
      'exemptions', (select coalesce(json_agg(x), '[]'::json) from (
          select min(btrim(rf.state_note)) as note, count(*)::int as n
          from request_fields rf join facts f on f.id = rf.request_id
          where rf.state in ('withheld', 'denied') and nullif(btrim(rf.state_note), '') is not null
          group by lower(btrim(rf.state_note)) order by 2 desc, 1 limit ${LIMITS.exemptions}) x),
      'fields', (select coalesce(json_agg(fl), '[]'::json) from (
          select rt.name as "recordType", rf.key, min(rf.label) as label, po.label as product,
            count(distinct rf.request_id)::int as asked,
            count(distinct rf.request_id) filter (where rf.state = 'received')::int as received,
            count(distinct rf.request_id) filter (where rf.state = 'partly_received')::int as partly
          from request_fields rf
          join facts f on f.id = rf.request_id
          join record_types rt on rt.id = rf.record_type_id
          -- the request's products (its agency's visible products, or the vendor it went to), per field row
          left join lateral (
            select distinct ${agencyProducts.productId} as product_id, pr.name || ' (' || v.name || ')' as label
              from ${agencyProducts} join products pr on pr.id = ${agencyProducts.productId} join vendors v on v.id = ${agencyProducts.vendorId}
             where ${agencyProducts.agencyId} = f.agency_id and ${productsVisible}
            union all
            select v.id, v.name || ' (asked directly)' from vendors v where v.id = f.vendor_id) po on true
          group by grouping sets ((rt.name, rf.key), (rt.name, rf.key, po.label))
          having grouping(po.label) = 1 or po.label is not null
          order by rt.name, rf.key, po.label nulls first
          limit ${LIMITS.fields}) fl),
      'funnels', (select coalesce(json_agg(c), '[]'::json) from (
          select f.campaign_id as "campaignId", min(c.title) as title, count(*)::int as drafted,
            count(*) filter (where f.status <> 'draft')::int as sent,
            count(*) filter (where f.engaged)::int as acknowledged,
            count(*) filter (where f.responded_on is not null)::int as answered,
            count(*) filter (where exists (select 1 from request_fields rf where rf.request_id = f.id and rf.state in ('received', 'partly_received'))
              or exists (select 1 from request_files fi where fi.request_id = f.id))::int as "dataReceived"
          from facts f join campaigns c on c.id = f.campaign_id
          where f.campaign_id is not null
          group by f.campaign_id order by count(*) desc, 2 limit ${LIMITS.campaigns}) c)`;
}

interface RawGroup {
  key: string;
  label: string;
  requests: number;
  response: Distribution;
  completion: Distribution;
  on_time: number;
  late: number;
  overdue_now: number;
  law_code: string | null;
}

async function lawPeriods(db: Executor): Promise<Map<string, { days: number | null; dayType: string }>> {
  const rows = await queryRows<{ code: string; days: number | null; day_type: string }>(
    db,
    sql`select jurisdiction_code as code, response_days as days, day_type from laws`,
  );
  return new Map(rows.map((r) => [r.code, { days: r.days, dayType: r.day_type }]));
}

/**
 * The CTEs every figure reads: base (requests in scope) and facts (one row per request with response_days,
 * completion_days and on_time; see analytics.ts). What the status changes say (first response, completion,
 * engagement, paused days before each) is read from request_status_facts, which a trigger keeps from the
 * timeline's status_changed events (migration 0025, view request_status_facts_source), so no page scans events.
 */
function factsCtes(audience: Audience, filters: AnalyticsFilters, today: string, materialized = true): SQL {
  return sql`
    base as (${baseQuery(audience, filters)}),
    facts as ${materialized ? sql`materialized` : sql`not materialized`} (
      select b.*, f.responded_on, f.completed_on, coalesce(f.engaged, false) as engaged,
        case when f.responded_on is not null and b.received_on is not null
          then (f.responded_on - b.received_on) - f.paused_before_response end as response_days,
        case when f.completed_on is not null and b.received_on is not null
          then (f.completed_on - b.received_on) - f.paused_before_completion end as completion_days,
        case when b.due_on is null or b.due_on > ${today}::date then null
          when f.responded_on is not null and f.responded_on <= b.due_on then true
          else false end as on_time
      from base b left join request_status_facts f on f.request_id = b.id
    )`;
}

/**
 * An agency's, vendor's or product's own figures (for its page): requests, median response and quartiles, on
 * time and late, overdue now and outcomes, over the requests the audience may see (the public: published ones).
 */
export async function scorecard(
  audience: Audience,
  target: { agencyId: string } | { vendorId: string } | { productId: string },
  today: string,
  db: Executor = defaultDb,
): Promise<ScorecardFigures> {
  const filters = scorecardFilters(target);
  // A vendor's or product's from its group rows when they answer (a handful of rows), else the per-agency rows.
  const grouped = "agencyId" in target ? null : await groupScorecard(db, audience, target, today, baseQuery);
  const rolled = grouped ?? (await rollupAnalytics(db, audience, filters, today, baseQuery, { groups: 0, months: 0, scorecardOnly: true }));
  if (!rolled) return scorecardLive(audience, target, today, db);
  const response = distribution(rolled.total.response);
  return {
    requests: rolled.total.requests,
    answered: response.n,
    q1Response: response.q1,
    medianResponse: response.median,
    q3Response: response.q3,
    onTime: rolled.total.on_time,
    late: rolled.total.late,
    overdueNow: rolled.total.overdue_now,
    outcomes: Object.fromEntries(outcomeList(rolled.outcomes).map((o) => [o.outcome, o.n])),
  };
}

function scorecardFilters(target: { agencyId: string } | { vendorId: string } | { productId: string }): AnalyticsFilters {
  return "agencyId" in target ? { agency: target.agencyId } : "vendorId" in target ? { vendor: target.vendorId } : { product: target.productId };
}

/** scorecard() by the live query: the reference the rollups must equal, and the fallback. */
export async function scorecardLive(
  audience: Audience,
  target: { agencyId: string } | { vendorId: string } | { productId: string },
  today: string,
  db: Executor = defaultDb,
): Promise<ScorecardFigures> {
  const filters = scorecardFilters(target);
  const [row] = await queryRows<{ doc: string }>(
    db,
    sql`with ${factsCtes(audience, filters, today)}
      select json_build_object('requests', count(*)::int, 'answered', count(response_days)::int,
        'q1Response', percentile_cont(0.25) within group (order by response_days),
        'medianResponse', percentile_cont(0.5) within group (order by response_days),
        'q3Response', percentile_cont(0.75) within group (order by response_days),
        'onTime', count(*) filter (where on_time)::int, 'late', count(*) filter (where on_time = false)::int,
        'overdueNow', count(*) filter (where status in (${list(OPEN_STATUSES)}) and due_on < ${today}::date)::int,
        'outcomes', (select coalesce(json_object_agg(o.outcome, o.n), '{}'::json) from (
          select case when status in ('appealed', 'in_litigation') then 'appealed' else status end as outcome, count(*)::int as n
          from facts where status in (${list(RESPONSE_STATUSES)}, 'appealed', 'in_litigation') group by 1) o)
      )::text as doc from facts`,
  );
  return JSON.parse(row!.doc) as ScorecardFigures;
}

/** Choices for the filter form: what the viewer may see (vendors, products and joint asks shared by the coalition). */
export async function analyticsFilterOptions(viewer: Viewer, db: Executor = defaultDb) {
  const [states, vendorRows, productRows, typeRows, campaignRows] = await Promise.all([
    db.select({ code: jurisdictions.code, name: jurisdictions.name }).from(jurisdictions)
      .where(and(isNull(jurisdictions.organizationId), inArray(jurisdictions.kind, ["state", "federal"])))
      .orderBy(asc(jurisdictions.name)),
    db.select({ id: vendors.id, name: vendors.name }).from(vendors).where(visibleVendors(viewer)).orderBy(asc(sql`lower(${vendors.name})`)).limit(500),
    db.select({ id: products.id, name: products.name, vendorName: vendors.name }).from(products)
      .innerJoin(vendors, eq(vendors.id, products.vendorId))
      .where(and(visibleProducts(viewer), visibleVendors(viewer)))
      .orderBy(asc(sql`lower(${vendors.name})`), asc(sql`lower(${products.name})`)).limit(1000),
    db.select({ id: recordTypes.id, name: recordTypes.name }).from(recordTypes).where(visibleRecordTypes(viewer)).orderBy(asc(recordTypes.position), asc(recordTypes.name)),
    db.select({ id: campaigns.id, title: campaigns.title }).from(campaigns).where(visibleCampaigns(viewer)).orderBy(desc(campaigns.updatedAt)).limit(200),
  ]);
  return {
    states: states.filter((s): s is { code: string; name: string } => !!s.code),
    vendors: vendorRows,
    products: productRows,
    recordTypes: typeRows,
    campaigns: campaignRows,
  };
}

/**
 * The figures of the agency of a published request (by its public address), from published requests only: what
 * its public page shows. Null for a request to a vendor or an address that isn't published.
 */
export async function publicAgencyScorecard(slug: string, today: string, db: Executor = defaultDb): Promise<ScorecardFigures | null> {
  const [row] = await db
    .select({ agencyId: requests.agencyId })
    .from(requests)
    .where(and(eq(requests.publicSlug, slug), visibleRequests(PUBLIC)))
    .limit(1);
  if (!row?.agencyId) return null;
  return scorecard(PUBLIC, { agencyId: row.agencyId }, today, db);
}
