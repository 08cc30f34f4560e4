import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../utils/db.server";
import { queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { embargoedRequests, PUBLIC, visibleAgencyProductOwners, visibleAgencyProducts, visibleRollupRows } from "./access.server";
import { quantileOfHistogram, type AnalyticsFilters } from "./analytics";
import { OPEN_STATUSES } from "./request-status";

// Analytics figures read from the rollups (migration 0034_analytics_rollups_triggers) instead of every request.
//
// What is kept: analytics_rollups sums each request's contribution (count, received, response and completion
// day histograms as (days[], n[]) pairs, current outcome, and the time-dependent on time / late / overdue part,
// see below) per organization, visibility and target (agency, or vendor asked directly). Vendor, product,
// state and agency-type figures are sums over agencies (agency_products and agencies are small joins), so
// changing which products an agency runs, or where an agency is, costs nothing. analytics_due_days keeps, per
// organization, visibility and due date, how many would be on time / late once due and how many are open: the
// totals' by-month series for any today.
//
// Writes append each request's contribution before and after to analytics_deltas (triggers on requests and
// request_status_facts); analytics_fold() folds them in (the job "analytics-fold", every minute). A reader adds
// the deltas not yet folded, so figures never wait for a fold.
//
// Today: on time / late count requests due by today, overdue now open ones due before today. The rollups count
// those for requests due before analytics_watermark.day (a day no time zone's today is before: yesterday in UTC,
// moved by the daily fold), and keep them apart for the requests due on the watermark day (d0) and the next (d1),
// added when today has reached them. So on the watermark day and the next (every time zone's today, when the
// fold runs daily) nothing is read live; a today further on reads the requests due from the watermark + 2 to
// today live (requests_due_idx). A `today` before the watermark (only tests ask) is answered by the live query.
//
// The coarser level (analytics_group_rollups, migrations 0042-0044): the same sums per organization, visibility
// and group (the total, a state, a product with the organization of the agency_products row, a vendor asked
// directly), kept by the same fold. The page with no filter (or own/coalition only) reads it (groupedQuery):
// hundreds of rows instead of one per agency; only the by-agency list ranks the per-agency rows. An agency
// moving, a place recoded or products changed leave a mark (analytics_group_marks, triggers, append-only):
// readers then use the per-agency rows (rollupQuery) until the next fold rewrites every group row.
//
// The public reads published requests: the rollups' public rows minus the public requests still under embargo
// (requests_public_idx, a handful), taken out as negative contributions.
//
// What the rollups can't answer falls back to the live query (analytics.server.ts, the reference
// implementation): a date period (received from/to, day precision), a record type and a joint ask. The by-month
// series with a state, agency-type, vendor, product or agency filter is read live over the due requests of those
// agencies (the month grain is kept per organization only). Exemptions, fields and joint-ask funnels are always
// read live from request_fields and the joint asks' requests (they are driven from those rows, not from every
// request).

type Audience = Viewer | typeof PUBLIC;

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Filters the rollups answer. */
export function rollupAnswers(filters: AnalyticsFilters): boolean {
  return !filters.from && !filters.to && !filters.recordType && !filters.campaign;
}

/** Whether the filters name a set of agencies (the by-month series is then read live). */
function agencyScoped(filters: AnalyticsFilters): boolean {
  return !!(filters.state || filters.agencyType || filters.vendor || filters.product || filters.agency);
}

/** The filters as conditions on a row keyed by organization, visibility, agency and vendor (alias.columns). */
function scope(audience: Audience, filters: AnalyticsFilters, alias: string): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const productsVisible = audience === PUBLIC ? sql`true` : visibleAgencyProducts(audience);
  const conditions: SQL[] = [visibleRollupRows(audience, col("organization_id"), col("visibility"))];
  if (filters.owner === "own" && audience !== PUBLIC) conditions.push(sql`${col("organization_id")} = ${audience.organizationId}`);
  if (filters.agency) conditions.push(sql`${col("agency_id")} = ${filters.agency}::uuid`);
  if (filters.state) {
    conditions.push(sql`${col("agency_id")} in (select a.id from agencies a join jurisdictions j on j.id = a.jurisdiction_id
      left join jurisdictions st on st.id = j.state_id where coalesce(st.code, j.code) = ${filters.state})`);
  }
  if (filters.agencyType) conditions.push(sql`${col("agency_id")} in (select a.id from agencies a where a.type = ${filters.agencyType})`);
  if (filters.vendor) {
    conditions.push(sql`(${col("vendor_id")} = ${filters.vendor}::uuid or ${col("agency_id")} in (
      select agency_products.agency_id from agency_products where agency_products.vendor_id = ${filters.vendor}::uuid and ${productsVisible}))`);
  }
  if (filters.product) {
    conditions.push(sql`${col("agency_id")} in (
      select agency_products.agency_id from agency_products where agency_products.product_id = ${filters.product}::uuid and ${productsVisible})`);
  }
  return sql.join(conditions, sql` and `);
}

export type Histogram = [number, number][];

export interface RollupGroup {
  key: string;
  label: string;
  requests: number;
  response: Histogram;
  completion: Histogram;
  on_time: number;
  late: number;
  overdue_now: number;
  law_code: string | null;
}

export interface RollupFigures {
  total: RollupGroup & { received: number };
  outcomes: Record<string, number>;
  byAgency: RollupGroup[];
  byState: RollupGroup[];
  byProduct: RollupGroup[];
  months: { month: string; due: number; onTime: number; late: number }[];
}

export const distribution = (histogram: Histogram) => ({
  n: histogram.reduce((sum, [, n]) => sum + n, 0),
  q1: quantileOfHistogram(histogram, 0.25),
  median: quantileOfHistogram(histogram, 0.5),
  q3: quantileOfHistogram(histogram, 0.75),
});

/** A rollup row's measures (alias.columns) for `today`: the due parts of the watermark day and the next added once today reaches them. */
function measures(alias: string, today: string, watermark: string): SQL {
  const a = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`${a("requests")} as requests, ${a("received")} as received, ${a("response_days")} as r_days, ${a("response_n")} as r_n,
        ${a("completion_days")} as c_days, ${a("completion_n")} as c_n, ${a("fulfilled")} as fulfilled, ${a("partially_fulfilled")} as partially_fulfilled,
        ${a("no_responsive_records")} as no_responsive_records, ${a("denied")} as denied, ${a("appealed")} as appealed,
        ${onTimeLateOverdue(alias, today, watermark)}`;
}

/** on_time, late and overdue of a rollup row (alias.columns) for `today`. */
function onTimeLateOverdue(alias: string, today: string, watermark: string): SQL {
  const a = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`${a("on_time")} + case when ${today}::date >= ${watermark}::date then ${a("d0_on_time")} else 0 end + case when ${today}::date > ${watermark}::date then ${a("d1_on_time")} else 0 end as on_time,
        ${a("late")} + case when ${today}::date >= ${watermark}::date then ${a("d0_late")} else 0 end + case when ${today}::date > ${watermark}::date then ${a("d1_late")} else 0 end as late,
        ${a("overdue")} + case when ${today}::date > ${watermark}::date then ${a("d0_open")} else 0 end + case when ${today}::date > ${watermark}::date + 1 then ${a("d1_open")} else 0 end as overdue`;
}

/**
 * The contributions not in the rollups, rows shaped as contrib's: the pending deltas (and, for the public,
 * embargoed public requests taken out: in `pending`), and the requests due from the watermark + 2 to today
 * (their time-dependent part only).
 */
function smallRows(audience: Audience, filters: AnalyticsFilters, baseQuery: BaseQuery, today: string, watermark: string): SQL {
  return sql`select p.organization_id, p.visibility, p.agency_id, p.vendor_id, p.sign as requests, case when p.received then p.sign else 0 end as received,
        case when p.response_days is null then '{}'::int[] else array[p.response_days] end as r_days, case when p.response_days is null then '{}'::int[] else array[p.sign] end as r_n,
        case when p.completion_days is null then '{}'::int[] else array[p.completion_days] end as c_days, case when p.completion_days is null then '{}'::int[] else array[p.sign] end as c_n,
        case when p.status = 'fulfilled' then p.sign else 0 end as fulfilled, case when p.status = 'partially_fulfilled' then p.sign else 0 end as partially_fulfilled,
        case when p.status = 'no_responsive_records' then p.sign else 0 end as no_responsive_records, case when p.status = 'denied' then p.sign else 0 end as denied,
        case when p.status in ('appealed', 'in_litigation') then p.sign else 0 end as appealed,
        case when p.due_on < ${watermark}::date + 2 and p.due_on <= ${today}::date and p.on_time_if_due then p.sign else 0 end as on_time,
        case when p.due_on < ${watermark}::date + 2 and p.due_on <= ${today}::date and not p.on_time_if_due then p.sign else 0 end as late,
        case when p.due_on < ${watermark}::date + 2 and p.due_on < ${today}::date and p.status in (${list(OPEN_STATUSES)}) then p.sign else 0 end as overdue
      from pending p
      union all
      select b.organization_id, b.visibility, b.agency_id, b.vendor_id, 0, 0, '{}', '{}', '{}', '{}', 0, 0, 0, 0, 0,
        case when f.responded_on <= b.due_on then 1 else 0 end, case when f.responded_on <= b.due_on then 0 else 1 end,
        case when b.status in (${list(OPEN_STATUSES)}) and b.due_on < ${today}::date then 1 else 0 end
      from (${baseQuery(audience, filters)}) b left join request_status_facts f on f.request_id = b.id
      where b.due_on >= ${watermark}::date + 2 and b.due_on <= ${today}::date`;
}

/** For the public: the public requests still under embargo, as negative contributions (rows shaped as analytics_deltas'). */
function embargoedRows(audience: Audience, filters: AnalyticsFilters, baseQuery: BaseQuery): SQL {
  return audience === PUBLIC
      ? sql`union all
        select b.organization_id, b.visibility, b.agency_id, b.vendor_id, -1, b.received_on is not null,
          case when f.responded_on is not null and b.received_on is not null then (f.responded_on - b.received_on) - f.paused_before_response end,
          case when f.completed_on is not null and b.received_on is not null then (f.completed_on - b.received_on) - f.paused_before_completion end,
          b.status, b.due_on, case when b.due_on is null then null else coalesce(f.responded_on <= b.due_on, false) end
        from (${baseQuery(audience, filters, embargoedRequests())}) b left join request_status_facts f on f.request_id = b.id`
      : sql``;
}

/**
 * The contributions in scope, one row per rollup row, pending delta, embargoed public request (negative) and
 * request due from the watermark to today (its time-dependent part only): summing them gives the figures.
 */
function contributions(audience: Audience, filters: AnalyticsFilters, baseQuery: BaseQuery, today: string, watermark: string): SQL {
  const embargoed = embargoedRows(audience, filters, baseQuery);
  return sql`
    wm as (select day from analytics_watermark),
    pending as (
      select x.organization_id, x.visibility, x.agency_id, x.vendor_id, x.sign, x.received, x.response_days, x.completion_days, x.status, x.due_on, x.on_time_if_due
        from analytics_deltas x where ${scope(audience, filters, "x")}
      ${embargoed}
    ),
    contrib as materialized (
      select a.organization_id, a.visibility, a.agency_id, a.vendor_id, ${measures("a", today, watermark)}
      from analytics_rollups a where ${scope(audience, filters, "a")}
      union all
      ${smallRows(audience, filters, baseQuery, today, watermark)}
    ),
    by_target as materialized (
      select agency_id, vendor_id, coalesce(agency_id, vendor_id) as target, agency_id is not null as is_agency, sum(requests)::int as requests, sum(received)::int as received,
        sum(fulfilled)::int as fulfilled, sum(partially_fulfilled)::int as partially_fulfilled,
        sum(no_responsive_records)::int as no_responsive_records, sum(denied)::int as denied, sum(appealed)::int as appealed,
        sum(on_time)::int as on_time, sum(late)::int as late, sum(overdue)::int as overdue
      from contrib group by agency_id, vendor_id
    ),
    target_hist as materialized (
      -- (a request has an agency or a vendor, never both: target and is_agency are the key, hash-joinable)
      select c.agency_id, c.vendor_id, coalesce(c.agency_id, c.vendor_id) as target, c.agency_id is not null as is_agency, 'r' as m, u.d, sum(u.n)::int as n
        from contrib c, unnest(c.r_days, c.r_n) u(d, n) group by 1, 2, 6
      union all
      select c.agency_id, c.vendor_id, coalesce(c.agency_id, c.vendor_id), c.agency_id is not null, 'c', u.d, sum(u.n)::int
        from contrib c, unnest(c.c_days, c.c_n) u(d, n) group by 1, 2, 6
    )`;
}

/** Which rollups answer: the group rows (no filter naming agencies) or the per-agency rows. */
export type RollupLevel = "groups" | "agencies";

export type BaseQuery = (audience: Audience, filters: AnalyticsFilters, visibility?: SQL) => SQL;

/** [[days, n], ...] of the target_hist rows of measure m matching `where`, as JSON. */
const histJson = (m: "r" | "c", from: string, where: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_array(h.d, h.n) order by h.d), '[]'::json) from (
    select th.d, sum(th.n)::int as n from ${from} where th.m = '${m}' and ${where} group by th.d having sum(th.n) <> 0) h)`);

/** A group list as JSON: the top_* rows of `kind` (a: agencies, s: states, p: products) with their histograms. */
function groupsJson(kind: "a" | "s" | "p", key: string, lawCode: string): SQL {
  const table = { a: "top_agencies", s: "top_states", p: "top_products" }[kind];
  return sql.raw(`(select coalesce(json_agg(json_build_object('key', ${key}, 'label', g.label, 'requests', g.requests, 'on_time', g.on_time,
      'late', g.late, 'overdue_now', g.overdue, 'law_code', ${lawCode},
      'response', coalesce((select h.h from group_hist h where h.kind = '${kind}' and h.key = g.key and h.m = 'r'), '[]'::json),
      'completion', coalesce((select h.h from group_hist h where h.kind = '${kind}' and h.key = g.key and h.m = 'c'), '[]'::json))
    order by g.requests desc, g.label), '[]'::json) from ${table} g)`);
}

/**
 * The analytics page's figures from the rollups (see the top of this file), or null when they can't answer
 * (filters, or a `today` before the watermark): the caller then runs the live query.
 */
export async function rollupAnalytics(
  db: Executor,
  audience: Audience,
  filters: AnalyticsFilters,
  today: string,
  baseQuery: BaseQuery,
  options: { groups: number; months: number; scorecardOnly?: boolean; level?: RollupLevel },
): Promise<RollupFigures | null> {
  if (!rollupAnswers(filters)) return null;
  // The watermark is read first so the live part's due-date range is a constant (an index range); the main
  // statement reads it again in its own snapshot and is run again in the rare case a fold moved it in between.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [mark] = await queryRows<{ day: string; marked: boolean }>(
      db,
      sql`select day::text as day, exists (select 1 from analytics_group_marks) as marked from analytics_watermark`,
    );
    if (!mark || today < mark.day) return null;
    // The group rows answer when no filter names agencies and nothing has marked them stale since the last fold.
    // (tests name the level to compare each with the live query; "groups" then reads the group rows even if marked)
    const grouped = !options.scorecardOnly && !agencyScoped(filters) && (options.level ? options.level === "groups" : !mark.marked);
    // JIT off: the statement reads thousands of rows, not millions, but the planner's estimates cross
    // jit_above_cost and compiling it took longer (~90 ms) than running it.
    const [row] = await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return queryRows<{ watermark: string | null; marked: boolean; doc: string }>(
        tx,
        grouped ? groupedQuery(audience, filters, today, mark.day, baseQuery, options) : rollupQuery(audience, filters, today, mark.day, baseQuery, options),
      );
    });
    if (row?.watermark === mark.day && !(grouped && row.marked && !options.level)) return JSON.parse(row.doc) as RollupFigures;
  }
  return null;
}

/** The statement of rollupAnalytics for a watermark day. */
export function rollupQuery(
  audience: Audience,
  filters: AnalyticsFilters,
  today: string,
  watermark: string,
  baseQuery: BaseQuery,
  options: { groups: number; months: number; scorecardOnly?: boolean },
): SQL {
  const productsVisible = audience === PUBLIC ? sql`true` : visibleAgencyProducts(audience);
  const limit = options.groups;
  const groupParts = options.scorecardOnly
    ? sql`'byAgency', '[]'::json, 'byState', '[]'::json, 'byProduct', '[]'::json, 'months', '[]'::json`
    : sql`
      'byAgency', ${groupsJson("a", "g.agency_id::text", "g.law_code")},
      'byState', ${groupsJson("s", "g.key", "g.key")},
      'byProduct', ${groupsJson("p", "g.key", "null")},
      'months', ${agencyScoped(filters) ? monthsLive(audience, filters, today, baseQuery, options.months) : monthsFromDueDays(audience, filters, today, options.months)}`;
  // The top groups by requests (then label), and their histograms in one pass each (not one scan per group).
  const groupCtes = options.scorecardOnly
    ? sql``
    : sql`,
    top_agencies as materialized (
      select t.agency_id, t.agency_id::text as key, a.name as label, t.requests, t.on_time, t.late, t.overdue, coalesce(st.code, j.code) as law_code
        from (select agency_id, sum(requests)::int as requests, sum(on_time)::int as on_time, sum(late)::int as late, sum(overdue)::int as overdue
                from by_target where agency_id is not null group by agency_id) t
        -- only agencies with at least the 25th largest count can be in the top 25 (names break the ties)
        join (select coalesce(min(n), 1) as least from (select requests as n from by_target where agency_id is not null and requests > 0
                                                         order by requests desc limit ${limit}) c) c on t.requests >= c.least
        left join agencies a on a.id = t.agency_id
        left join jurisdictions j on j.id = a.jurisdiction_id
        left join jurisdictions st on st.id = j.state_id
       where t.requests > 0 order by t.requests desc, a.name limit ${limit}
    ),
    top_states as materialized (
      select al.law_code as key, al.law_code as label, sum(t.requests)::int as requests, sum(t.on_time)::int as on_time, sum(t.late)::int as late, sum(t.overdue)::int as overdue
        from by_target t join agency_law al on al.agency_id = t.agency_id
       group by al.law_code having sum(t.requests) > 0 order by 3 desc, 1 limit ${limit}
    ),
    top_products as materialized (
      select tp.product_id, tp.product_id::text as key, min(tp.label) as label, sum(t.requests)::int as requests, sum(t.on_time)::int as on_time,
             sum(t.late)::int as late, sum(t.overdue)::int as overdue
        from by_target t join target_products tp on tp.target = t.target and tp.is_agency = t.is_agency
       group by tp.product_id having sum(t.requests) > 0 order by 4 desc, 3 limit ${limit}
    ),
    group_hist as (
      select kind, key, m, json_agg(json_build_array(d, n) order by d) as h from (
        select 'a' as kind, g.key, th.m, th.d, sum(th.n)::int as n from target_hist th join top_agencies g on g.agency_id = th.agency_id
         group by 2, 3, 4 having sum(th.n) <> 0
        union all
        select 's', g.key, th.m, th.d, sum(th.n)::int from target_hist th join agency_law al on al.agency_id = th.agency_id join top_states g on g.key = al.law_code
         group by 2, 3, 4 having sum(th.n) <> 0
        union all
        select 'p', g.key, th.m, th.d, sum(th.n)::int from target_hist th join target_products tp on tp.target = th.target and tp.is_agency = th.is_agency
          join top_products g on g.product_id = tp.product_id
         group by 2, 3, 4 having sum(th.n) <> 0) x
       group by kind, key, m
    )`;
  const query = sql`
    with ${contributions(audience, filters, baseQuery, today, watermark)},
    agency_law as (
      select a.id as agency_id, coalesce(st.code, j.code) as law_code
        from agencies a join jurisdictions j on j.id = a.jurisdiction_id left join jurisdictions st on st.id = j.state_id
       where a.id in (select agency_id from by_target) and coalesce(st.code, j.code) is not null
    ),
    -- Each target's products: the visible products its agency runs (deduplicated per agency, as the live
    -- query's), or the vendor a request went to directly.
    target_products as (
      select distinct agency_products.agency_id as target, true as is_agency, agency_products.product_id, pr.name || ' (' || v.name || ')' as label
        from agency_products join products pr on pr.id = agency_products.product_id join vendors v on v.id = agency_products.vendor_id
       where agency_products.agency_id in (select agency_id from by_target) and ${productsVisible}
      union all
      select v.id, false, v.id, v.name || ' (asked directly)' from vendors v where v.id in (select vendor_id from by_target)
    )${groupCtes}
    select (select day::text from wm) as watermark, json_build_object(
      'total', (select json_build_object('key', '', 'label', '', 'requests', coalesce(sum(requests), 0)::int, 'received', coalesce(sum(received), 0)::int,
          'on_time', coalesce(sum(on_time), 0)::int, 'late', coalesce(sum(late), 0)::int, 'overdue_now', coalesce(sum(overdue), 0)::int, 'law_code', null,
          'response', ${histJson("r", "target_hist th", "true")}, 'completion', ${histJson("c", "target_hist th", "true")}) from by_target),
      'outcomes', (select json_build_object('fulfilled', coalesce(sum(fulfilled), 0)::int, 'partially_fulfilled', coalesce(sum(partially_fulfilled), 0)::int,
          'no_responsive_records', coalesce(sum(no_responsive_records), 0)::int, 'denied', coalesce(sum(denied), 0)::int, 'appealed', coalesce(sum(appealed), 0)::int)
        from by_target),
      ${groupParts}
    )::text as doc`;
  return query;
}

/**
 * rollupAnalytics' statement from the group rows (analytics_group_rollups: per organization, sharing class and
 * total, state, product or vendor asked directly), for no filter or the own/coalition choice: hundreds of rows
 * instead of one per agency. The by-agency list still ranks the per-agency rows (their counts only) and sums the
 * histograms of the top ones. The contributions not yet in the rollups (smallRows) are mapped to their groups
 * here, with the agencies' places and products as they are (the group rows follow them: else marked, and not read).
 */
export function groupedQuery(
  audience: Audience,
  filters: AnalyticsFilters,
  today: string,
  watermark: string,
  baseQuery: BaseQuery,
  options: { groups: number; months: number },
): SQL {
  const productsVisible = audience === PUBLIC ? sql`true` : visibleAgencyProducts(audience);
  const ownersVisible = audience === PUBLIC ? sql`true` : visibleAgencyProductOwners(audience, sql`g.owner`);
  const limit = options.groups;
  const cols = sql`s.requests, s.received, s.r_days, s.r_n, s.c_days, s.c_n, s.fulfilled, s.partially_fulfilled, s.no_responsive_records, s.denied, s.appealed, s.on_time, s.late, s.overdue`;
  return sql`
    with wm as (select day from analytics_watermark),
    pending as (
      select x.organization_id, x.visibility, x.agency_id, x.vendor_id, x.sign, x.received, x.response_days, x.completion_days, x.status, x.due_on, x.on_time_if_due
        from analytics_deltas x where ${scope(audience, filters, "x")}
      ${embargoedRows(audience, filters, baseQuery)}
    ),
    small as materialized (${smallRows(audience, filters, baseQuery, today, watermark)}),
    agency_rows as (
      select a.agency_id, a.requests, ${onTimeLateOverdue("a", today, watermark)} from analytics_rollups a where ${scope(audience, filters, "a")} and a.agency_id is not null
      union all
      select s.agency_id, s.requests, s.on_time, s.late, s.overdue from small s where s.agency_id is not null
    ),
    -- (the names joined here, by hash: with "ours" only, thousands of agencies can tie at the 25th count, and
    -- names break the ties)
    by_agency as materialized (
      select r.agency_id, a.name as label, a.jurisdiction_id, sum(r.requests)::int as requests, sum(r.on_time)::int as on_time,
             sum(r.late)::int as late, sum(r.overdue)::int as overdue
        from agency_rows r left join agencies a on a.id = r.agency_id group by r.agency_id, a.id
    ),
    top_agencies as materialized (
      select t.agency_id, t.agency_id::text as key, t.label, t.requests, t.on_time, t.late, t.overdue, coalesce(st.code, j.code) as law_code
        from (select t.* from by_agency t
                -- only agencies with at least the 25th largest count can be in the top 25
                join (select coalesce(min(n), 1) as least from (select requests as n from by_agency where requests > 0 order by requests desc limit ${limit}) c) c
                  on t.requests >= c.least
               where t.requests > 0 order by t.requests desc, t.label limit ${limit}) t
        left join jurisdictions j on j.id = t.jurisdiction_id
        left join jurisdictions st on st.id = j.state_id
    ),
    grouped as materialized (
      select g.kind, g.key, ${measures("g", today, watermark)}
        from analytics_group_rollups g where ${scope(audience, filters, "g")} and g.kind <> 'vp' and (g.kind <> 'p' or ${ownersVisible})
      union all
      select 't', '', ${cols} from small s
      union all
      select 's', coalesce(st.code, j.code), ${cols}
        from small s join agencies a on a.id = s.agency_id join jurisdictions j on j.id = a.jurisdiction_id left join jurisdictions st on st.id = j.state_id
       where coalesce(st.code, j.code) is not null
      union all
      select 'p', ap.product_id::text, ${cols}
        from small s join (select distinct agency_products.agency_id, agency_products.product_id, agency_products.vendor_id from agency_products
                            where agency_products.agency_id in (select agency_id from small) and ${productsVisible}) ap on ap.agency_id = s.agency_id
      union all
      select 'v', s.vendor_id::text, ${cols} from small s where s.vendor_id is not null
      union all
      select 'a', a.agency_id::text, ${measures("a", today, watermark)}
        from analytics_rollups a where ${scope(audience, filters, "a")} and a.agency_id in (select agency_id from top_agencies)
      union all
      select 'a', s.agency_id::text, ${cols} from small s where s.agency_id in (select agency_id from top_agencies)
    ),
    sums as materialized (
      select kind, key, sum(requests)::int as requests, sum(received)::int as received, sum(fulfilled)::int as fulfilled,
        sum(partially_fulfilled)::int as partially_fulfilled, sum(no_responsive_records)::int as no_responsive_records,
        sum(denied)::int as denied, sum(appealed)::int as appealed, sum(on_time)::int as on_time, sum(late)::int as late, sum(overdue)::int as overdue
        from grouped group by kind, key
    ),
    top_states as materialized (
      select key, key as label, requests, on_time, late, overdue from sums where kind = 's' and requests > 0 order by requests desc, key limit ${limit}
    ),
    top_products as materialized (
      select t.key, t.label, t.requests, t.on_time, t.late, t.overdue from (
        select s.kind, s.key, coalesce(pr.name || ' (' || pv.name || ')', v.name || ' (asked directly)') as label, s.requests, s.on_time, s.late, s.overdue
          from sums s
          left join products pr on s.kind = 'p' and pr.id::text = s.key left join vendors pv on pv.id = pr.vendor_id
          left join vendors v on s.kind = 'v' and v.id::text = s.key
         where s.kind in ('p', 'v') and s.requests > 0) t
       order by t.requests desc, t.label limit ${limit}
    ),
    hist as (
      select kind, key, m, json_agg(json_build_array(d, n) order by d) as h from (
        select g.kind, g.key, 'r' as m, u.d, sum(u.n)::int as n from grouped g, unnest(g.r_days, g.r_n) u(d, n)
         where g.kind in ('t', 'a') or (g.kind = 's' and g.key in (select key from top_states)) or (g.kind in ('p', 'v') and g.key in (select key from top_products))
         group by 1, 2, 4 having sum(u.n) <> 0
        union all
        select g.kind, g.key, 'c', u.d, sum(u.n)::int from grouped g, unnest(g.c_days, g.c_n) u(d, n)
         where g.kind in ('t', 'a') or (g.kind = 's' and g.key in (select key from top_states)) or (g.kind in ('p', 'v') and g.key in (select key from top_products))
         group by 1, 2, 4 having sum(u.n) <> 0) x
       group by kind, key, m
    )
    select (select day::text from wm) as watermark, exists (select 1 from analytics_group_marks) as marked, json_build_object(
      'total', json_build_object('key', '', 'label', '', 'requests', coalesce(t.requests, 0), 'received', coalesce(t.received, 0),
          'on_time', coalesce(t.on_time, 0), 'late', coalesce(t.late, 0), 'overdue_now', coalesce(t.overdue, 0), 'law_code', null,
          'response', ${histOf("'t'", "''", "r")}, 'completion', ${histOf("'t'", "''", "c")}),
      'outcomes', json_build_object('fulfilled', coalesce(t.fulfilled, 0), 'partially_fulfilled', coalesce(t.partially_fulfilled, 0),
          'no_responsive_records', coalesce(t.no_responsive_records, 0), 'denied', coalesce(t.denied, 0), 'appealed', coalesce(t.appealed, 0)),
      'byAgency', ${groupListJson("top_agencies", "'a'", "g.law_code", "g.requests desc, g.label")},
      'byState', ${groupListJson("top_states", "'s'", "g.key", "g.requests desc, g.key")},
      'byProduct', ${groupListJson("top_products", "(case when exists (select 1 from sums k where k.kind = 'v' and k.key = g.key) then 'v' else 'p' end)", "null", "g.requests desc, g.label")},
      'months', ${monthsFromDueDays(audience, filters, today, options.months)}
    )::text as doc
    from (select 1) one left join sums t on t.kind = 't' and t.key = ''`;
}

/**
 * A vendor's or product's scorecard figures (total and outcomes) from the group rows: the product's 'p' rows, or the
 * vendor's 'vp' rows (its agencies, each once) and 'v' rows (requests to the vendor itself), of owners the
 * audience may see, plus the contributions not in the rollups (smallRows, scoped to the vendor or product as the
 * per-agency reading scopes them). A handful of rows instead of one per agency (thousands for a large vendor).
 * Null when the group rows can't answer (marked since the last fold, or a today before the watermark): the
 * caller then reads the per-agency rows.
 */
export async function groupScorecard(
  db: Executor,
  audience: Audience,
  target: { vendorId: string } | { productId: string },
  today: string,
  baseQuery: BaseQuery,
): Promise<Pick<RollupFigures, "total" | "outcomes"> | null> {
  const filters: AnalyticsFilters = "vendorId" in target ? { vendor: target.vendorId } : { product: target.productId };
  const ownersVisible = audience === PUBLIC ? sql`true` : visibleAgencyProductOwners(audience, sql`g.owner`);
  const rows = "vendorId" in target
    ? sql`((g.kind = 'vp' and ${ownersVisible}) or g.kind = 'v') and g.key = ${target.vendorId}`
    : sql`g.kind = 'p' and ${ownersVisible} and g.key = ${target.productId}`;
  const cols = sql`s.requests, s.received, s.r_days, s.r_n, s.c_days, s.c_n, s.fulfilled, s.partially_fulfilled, s.no_responsive_records, s.denied, s.appealed, s.on_time, s.late, s.overdue`;
  const hist = (days: string, n: string) =>
    sql.raw(`(select coalesce(json_agg(json_build_array(h.d, h.n) order by h.d), '[]'::json)
       from (select u.d, sum(u.n)::int as n from grouped g, unnest(g.${days}, g.${n}) u(d, n) group by u.d having sum(u.n) <> 0) h)`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [mark] = await queryRows<{ day: string; marked: boolean }>(
      db,
      sql`select day::text as day, exists (select 1 from analytics_group_marks) as marked from analytics_watermark`,
    );
    if (!mark || mark.marked || today < mark.day) return null;
    const watermark = mark.day;
    const [row] = await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return queryRows<{ watermark: string | null; marked: boolean; doc: string }>(
        tx,
        sql`with wm as (select day from analytics_watermark),
        pending as (
          select x.organization_id, x.visibility, x.agency_id, x.vendor_id, x.sign, x.received, x.response_days, x.completion_days, x.status, x.due_on, x.on_time_if_due
            from analytics_deltas x where ${scope(audience, filters, "x")}
          ${embargoedRows(audience, filters, baseQuery)}
        ),
        small as materialized (${smallRows(audience, filters, baseQuery, today, watermark)}),
        grouped as materialized (
          select ${measures("g", today, watermark)} from analytics_group_rollups g where ${scope(audience, {}, "g")} and ${rows}
          union all
          select ${cols} from small s
        )
        select (select day::text from wm) as watermark, exists (select 1 from analytics_group_marks) as marked, json_build_object(
          'total', json_build_object('key', '', 'label', '', 'requests', coalesce(sum(requests), 0)::int, 'received', coalesce(sum(received), 0)::int,
              'on_time', coalesce(sum(on_time), 0)::int, 'late', coalesce(sum(late), 0)::int, 'overdue_now', coalesce(sum(overdue), 0)::int, 'law_code', null,
              'response', ${hist("r_days", "r_n")}, 'completion', ${hist("c_days", "c_n")}),
          'outcomes', json_build_object('fulfilled', coalesce(sum(fulfilled), 0)::int, 'partially_fulfilled', coalesce(sum(partially_fulfilled), 0)::int,
              'no_responsive_records', coalesce(sum(no_responsive_records), 0)::int, 'denied', coalesce(sum(denied), 0)::int, 'appealed', coalesce(sum(appealed), 0)::int)
        )::text as doc from grouped`,
      );
    });
    if (row?.watermark === watermark) return row.marked ? null : (JSON.parse(row.doc) as Pick<RollupFigures, "total" | "outcomes">);
  }
  return null;
}

/** The hist row of (kind, key) for measure m, or [] (SQL expressions for kind and key). */
const histOf = (kind: string, key: string, m: "r" | "c") =>
  sql.raw(`coalesce((select h.h from hist h where h.kind = ${kind} and h.key = ${key} and h.m = '${m}'), '[]'::json)`);

/** A group list as JSON from a top_* CTE with its histograms (groupedQuery). */
const groupListJson = (from: string, kind: string, lawCode: string, order: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_object('key', g.key, 'label', g.label, 'requests', g.requests, 'on_time', g.on_time,
      'late', g.late, 'overdue_now', g.overdue, 'law_code', ${lawCode},
      'response', coalesce((select h.h from hist h where h.kind = ${kind} and h.key = g.key and h.m = 'r'), '[]'::json),
      'completion', coalesce((select h.h from hist h where h.kind = ${kind} and h.key = g.key and h.m = 'c'), '[]'::json))
    order by ${order}), '[]'::json) from ${from} g)`);

/** By due month (totals' series) from analytics_due_days, for no filter or the own/coalition choice. */
function monthsFromDueDays(audience: Audience, filters: AnalyticsFilters, today: string, limit: number): SQL {
  return sql`(select coalesce(json_agg(json_build_object('month', m.month, 'due', m.on_time + m.late, 'onTime', m.on_time, 'late', m.late) order by m.month), '[]'::json)
    from (select to_char(date_trunc('month', z.due_on), 'YYYY-MM') as month, sum(z.on_time)::int as on_time, sum(z.late)::int as late
            from (select dd.due_on, dd.on_time, dd.late from analytics_due_days dd where dd.due_on <= ${today}::date and ${scope(audience, filters, "dd")}
                  union all
                  select p.due_on, case when p.on_time_if_due then p.sign else 0 end, case when p.on_time_if_due then 0 else p.sign end
                    from pending p where p.due_on <= ${today}::date) z
           group by 1 having sum(z.on_time) + sum(z.late) <> 0 order by 1 desc limit ${limit}) m)`;
}

/** By due month over the due requests of the filtered agencies (live). */
function monthsLive(audience: Audience, filters: AnalyticsFilters, today: string, baseQuery: BaseQuery, limit: number): SQL {
  return sql`(select coalesce(json_agg(json_build_object('month', m.month, 'due', m.due, 'onTime', m.on_time, 'late', m.late) order by m.month), '[]'::json)
    from (select to_char(date_trunc('month', b.due_on), 'YYYY-MM') as month, count(*)::int as due,
                 count(*) filter (where f.responded_on <= b.due_on)::int as on_time, count(*) filter (where f.responded_on is null or f.responded_on > b.due_on)::int as late
            from (${baseQuery(audience, filters)}) b left join request_status_facts f on f.request_id = b.id
           where b.due_on <= ${today}::date group by 1 order by 1 desc limit ${limit}) m)`;
}

/** Folds the pending deltas into the rollups and moves the watermark to yesterday in UTC (the periodic job). */
export async function foldAnalytics(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select analytics_fold(((now() at time zone 'UTC')::date - 1)) as n`);
  return Number(row?.n ?? 0);
}
