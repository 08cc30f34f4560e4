import { sql, type SQL } from "drizzle-orm";
import { RECEIVED_STATUS_LIST_SQL, agencies, agencyProducts, directoryAgencies, jurisdictions, mapVersion, memberMapCells, organizations, productGroups, products, requestRecordTypes, requests, vendors } from "../../db/schema";
import type { RequestStatus, SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleAgencies, visibleGroups, visibleMemberships, visibleRequests } from "./access.server";
import { refreshStaleGroups } from "./memberships.server";
import { OPEN_STATUSES } from "./request-status";
import type { GroupFilters } from "./vendor-input";
import { containsPattern } from "./request-search.server";
import { encodeKeyset, MEMBER_AGENCIES_LIST, TARGET_PAGE_SIZE, type KeysetCursor } from "./target-list-input";

// Who is on which product, following shared hosting: the heart of grouping cities by vendor. Reads come from
// agency_products and product_groups, which memberships.server.ts keeps in step with agency_systems.

export const RECEIVED_STATUSES: readonly RequestStatus[] = ["fulfilled", "partially_fulfilled"];
const ANSWERED_STATUSES: readonly RequestStatus[] = ["fulfilled", "partially_fulfilled", "no_responsive_records", "denied"];

const statusList = (statuses: readonly RequestStatus[]) => sql.join(statuses.map((s) => sql`${s}::request_status`), sql`, `);

/** Memberships that count today: no end date, or one not yet past (along the whole hosting chain). */
function isCurrent(today: string): SQL {
  return sql`(${agencyProducts.untilOn} is null or ${agencyProducts.untilOn} >= ${today}::date)`;
}

/** Which products a membership query covers. */
export type ProductScope = { productId: string } | { vendorId: string } | { all: true };

function inScope(scope: ProductScope): SQL {
  if ("productId" in scope) return sql`${agencyProducts.productId} = ${scope.productId}::uuid`;
  if ("vendorId" in scope) return sql`${agencyProducts.vendorId} = ${scope.vendorId}::uuid`;
  return sql`true`;
}

/** Current memberships in scope, as a condition on agency_products. */
function members(viewer: Viewer, scope: ProductScope, today: string): SQL {
  return sql`${visibleMemberships(viewer)} and ${isCurrent(today)} and ${inScope(scope)}`;
}

export type GroupRow = {
  productId: string;
  productName: string;
  systemType: SystemType;
  vendorId: string;
  vendorName: string;
  cities: number;
  agencies: number;
  states: number;
  hosted: number;
};

const GROUP_PAGE_SIZE = 50;

/** Shared-vendor groups: the places (cities, counties) on each product and system type, by size or name. */
export async function listGroups(
  viewer: Viewer,
  filters: Partial<GroupFilters>,
  today: string,
  db: Executor = defaultDb,
): Promise<{ rows: GroupRow[]; total: number; page: number; pageSize: number; pageCount: number }> {
  await refreshStaleGroups(db, viewer.organizationId, today);
  const page = filters.page ?? 1;
  const g = productGroups;
  const order = {
    size: sql`${g.cities} desc, ${g.agencies} desc, lower(p.name), p.id, ${g.systemType}`,
    name: sql`lower(p.name), lower(v.name), p.id, ${g.systemType}`,
    vendor: sql`lower(v.name), lower(p.name), p.id, ${g.systemType}`,
  }[filters.sort ?? "size"];
  const where = sql`${visibleGroups(viewer)} and ${g.cities} >= ${filters.minCities ?? 2}
    ${filters.systemType ? sql`and ${g.systemType} = ${filters.systemType}::system_type` : sql``}
    ${filters.state ? sql`and exists (select 1 from ${agencyProducts} where ${agencyProducts.productId} = ${g.productId} and ${agencyProducts.systemType} = ${g.systemType}
        and ${members(viewer, { all: true }, today)}
        and ${agencyProducts.stateId} in (select id from ${jurisdictions} where code = ${filters.state} and organization_id is null))` : sql``}`;
  const [rows, [counted]] = await Promise.all([
    queryRows<GroupRow>(
      db,
      sql`select p.id::text as "productId", p.name as "productName", ${g.systemType}::text as "systemType",
                 v.id::text as "vendorId", v.name as "vendorName", ${g.cities} as cities, ${g.agencies} as agencies,
                 ${g.states} as states, ${g.hosted} as hosted
            from ${g}
            join ${products} p on p.id = ${g.productId}
            join ${vendors} v on v.id = p.vendor_id
           where ${where}
           order by ${order}
           limit ${GROUP_PAGE_SIZE} offset ${(page - 1) * GROUP_PAGE_SIZE}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${g} where ${where}`),
  ]);
  const total = counted?.total ?? 0;
  return { rows, total, page, pageSize: GROUP_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / GROUP_PAGE_SIZE)) };
}

export type MemberAgencyRow = {
  agencyId: string;
  agencyName: string;
  agencyType: string;
  jurisdictionId: string;
  jurisdictionName: string;
  stateCode: string | null;
  stateName: string;
  /** Each product the agency is on (within the scope) with the system type and the host it comes through. */
  uses: Array<{ productId: string; productName: string; systemType: SystemType; viaAgencyId: string | null; viaAgencyName: string | null }>;
  openRequests: number;
  answeredRequests: number;
  receivedRequests: number;
  lastReceived: { id: string; number: number; organizationCode: string; title: string; status: RequestStatus; updatedAt: string } | null;
};

/**
 * The agencies on a product or on any of a vendor's products, by state then place (then name and id), one keyset
 * page at a time (after or before the cursor's agency), narrowed by name (agency or place) and state, with their
 * requests: how many are open, how many answered, and the latest that brought records back. `total` is how many
 * agencies match the filters (-1 with countTotal false: the caller knows it from the kept state counts).
 */
export async function listMemberAgencies(
  viewer: Viewer,
  scope: ProductScope,
  options: { today: string; pageSize?: number; stateCode?: string; q?: string; cursor?: KeysetCursor; countTotal?: boolean },
  db: Executor = defaultDb,
): Promise<{ rows: MemberAgencyRow[]; total: number; nextCursor: string | null; prevCursor: string | null }> {
  const pageSize = options.pageSize ?? TARGET_PAGE_SIZE;
  const cursor = options.cursor;
  const backwards = Boolean(cursor?.before);
  const dir = sql.raw(backwards ? "desc" : "asc");
  const pattern = options.q ? containsPattern(options.q) : null;
  // The members in the page's order, read from agency_products' copied sort keys: one branch per organization
  // the viewer sees (agency_products_{vendor,product}_order_idx in order: one page of rows, however many
  // thousand members), merged; an agency on two of the products (or two system types) counted once.
  const ap = agencyProducts;
  const filters = sql`${isCurrent(options.today)}
         ${options.stateCode ? sql`and ${ap.stateName} = (select name from ${jurisdictions} where code = ${options.stateCode} and organization_id is null)` : sql``}
         ${pattern ? sql`and (${ap.agencyKey} ilike ${pattern} or ${ap.placeKey} ilike ${pattern})` : sql``}
         and exists (select 1 from ${agencies} where ${agencies.id} = ${ap.agencyId} and ${visibleAgencies(viewer)})`;
  const keyset = cursor
    ? sql`and (${ap.stateName}, ${ap.placeKey}, ${ap.agencyKey}, ${ap.agencyId}) ${sql.raw(backwards ? "<" : ">")} (${cursor.keys[0]}::text, ${cursor.keys[1]}::text, ${cursor.keys[2]}::text, ${cursor.id}::uuid)`
    : sql``;
  const branch = (organizationId: string) => sql`(
      select distinct on (${ap.stateName}, ${ap.placeKey}, ${ap.agencyKey}, ${ap.agencyId})
             ${ap.agencyId} as agency_id, ${ap.stateName} as k1, ${ap.placeKey} as k2, ${ap.agencyKey} as k3
        from ${ap}
       where ${inScope(scope)} and ${ap.organizationId} = ${organizationId}::uuid and ${filters} ${keyset}
       order by ${ap.stateName} ${dir}, ${ap.placeKey} ${dir}, ${ap.agencyKey} ${dir}, ${ap.agencyId} ${dir}
       limit ${pageSize + 1})`;
  const organizations = [viewer.organizationId, ...viewer.partnerOrganizationIds];
  const [rows, total] = await Promise.all([
    queryRows<Omit<MemberAgencyRow, "lastReceived" | "uses"> & { uses: unknown; lastReceived: unknown; k1: string; k2: string; k3: string }>(
    db,
    sql`with branches as (${sql.join(organizations.map(branch), sql` union all `)}),
    page_rows as (
      select distinct on (b.k1, b.k2, b.k3, b.agency_id) b.agency_id, b.k1, b.k2, b.k3, ${agencies.name} as agency_name, ${agencies.type} as agency_type,
             j.id as jurisdiction_id, j.name as jurisdiction_name, s.code as state_code, s.name as state_name
        from branches b
        join ${agencies} on ${agencies.id} = b.agency_id
        join ${jurisdictions} j on j.id = ${agencies.jurisdictionId}
        join ${jurisdictions} s on s.id = coalesce(j.state_id, j.id)
       order by b.k1 ${dir}, b.k2 ${dir}, b.k3 ${dir}, b.agency_id ${dir}
       limit ${pageSize + 1}
    )
    select pr.agency_id::text as "agencyId", pr.agency_name as "agencyName", pr.agency_type::text as "agencyType",
           pr.jurisdiction_id::text as "jurisdictionId", pr.jurisdiction_name as "jurisdictionName",
           pr.state_code as "stateCode", pr.state_name as "stateName", u.uses,
           pr.k1, pr.k2, pr.k3,
           coalesce(rc.open, 0)::int as "openRequests", coalesce(rc.answered, 0)::int as "answeredRequests",
           coalesce(rc.received, 0)::int as "receivedRequests", lr.last as "lastReceived"
      from page_rows pr
      cross join lateral (
        select json_agg(json_build_object('productId', p.id, 'productName', p.name, 'systemType', ${agencyProducts.systemType},
                                          'viaAgencyId', ${agencyProducts.viaAgencyId}, 'viaAgencyName', via.name)
                        order by p.name, ${agencyProducts.systemType}) as uses
          from ${agencyProducts}
          join ${products} p on p.id = ${agencyProducts.productId}
          left join ${agencies} via on via.id = ${agencyProducts.viaAgencyId}
         where ${agencyProducts.agencyId} = pr.agency_id and ${members(viewer, scope, options.today)}
      ) u
      left join lateral (
        select count(*) filter (where ${requests.status} in (${statusList(OPEN_STATUSES)})) as open,
               count(*) filter (where ${requests.status} in (${statusList(ANSWERED_STATUSES)})) as answered,
               count(*) filter (where ${requests.status} in (${statusList(RECEIVED_STATUSES)})) as received
          from ${requests}
         where ${requests.agencyId} = pr.agency_id and ${visibleRequests(viewer)}
      ) rc on true
      left join lateral (
        select json_build_object('id', ${requests.id}, 'number', ${requests.number}, 'title', ${requests.title},
                                 'organizationCode', (select o.short_code from organizations o where o.id = ${requests.organizationId}),
                                 'status', ${requests.status}, 'updatedAt', ${requests.updatedAt}) as last
          from ${requests}
         where ${requests.agencyId} = pr.agency_id and ${visibleRequests(viewer)}
           and ${requests.status} in (${statusList(RECEIVED_STATUSES)})
         order by ${requests.updatedAt} desc
         limit 1
      ) lr on true
     order by pr.k1 ${dir}, pr.k2 ${dir}, pr.k3 ${dir}, pr.agency_id ${dir}`,
    ),
    // How many match: counted, unless the caller knows (from the kept state counts).
    options.countTotal === false ? -1 : countMembers(),
  ]);
  async function countMembers() {
    const [row] = await queryRows<{ total: number }>(
      db,
      sql`select count(distinct ${ap.agencyId})::int as total from ${ap}
           where ${visibleMemberships(viewer)} and ${inScope(scope)} and ${filters}`,
    );
    return row?.total ?? 0;
  }
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  const at = (row: (typeof rows)[number] | undefined, before: boolean) =>
    row ? encodeKeyset(MEMBER_AGENCIES_LIST, { before, keys: [row.k1, row.k2, row.k3], id: row.agencyId }) : null;
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(cursor);
  return {
    rows: page.map(({ k1: _1, k2: _2, k3: _3, ...row }) => ({
      ...row,
      uses: parseJson<MemberAgencyRow["uses"]>(row.uses) ?? [],
      lastReceived: row.lastReceived ? parseJson<NonNullable<MemberAgencyRow["lastReceived"]>>(row.lastReceived) : null,
    })),
    total,
    nextCursor: hasNext && page.length ? at(page[page.length - 1], false) : null,
    prevCursor: hasPrev && page.length ? at(page[0], true) : null,
  };
}

/** postgres.js parses json columns, PGlite may hand them over as text. */
function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export type MemberLocation = { agencies: number; names: string[]; stateCode: string | null; systemType: SystemType; latitude: number | null; longitude: number | null };
export type StateCount = { stateCode: string | null; stateName: string; agencies: number };

/**
 * The map's cells and the state counts of a product's or vendor's agencies from member_map_cells (kept by
 * migration 0046's triggers), or null when they can't answer for this viewer and day: a scope computed for a
 * later day or whose earliest end date has passed (memberFigures recounts those and reads again), or cells of more
 * than one organization (an agency could then be in two: the live query counts it once).
 */
export async function keptMemberCells(
  viewer: Viewer,
  scope: ProductScope,
  today: string,
  db: Executor = defaultDb,
): Promise<{ locations: MemberLocation[]; states: StateCount[] } | null> {
  if ("all" in scope) return null;
  const c = memberMapCells;
  const organizations = [viewer.organizationId, ...viewer.partnerOrganizationIds];
  const rows = await queryRows<MemberLocation & { stateName: string | null; organizationId: string; usable: boolean }>(
    db,
    sql`select ${c.agencies} as agencies, ${c.names} as names, ${c.stateCode} as "stateCode", ${c.stateName} as "stateName",
               ${c.systemType}::text as "systemType", ${c.latitude} as latitude, ${c.longitude} as longitude,
               ${c.organizationId}::text as "organizationId",
               (${c.computedOn} <= ${today}::date and (${c.staleAfter} is null or ${c.staleAfter} >= ${today}::date)) as usable
          from ${c}
         where ${c.scopeId} = ${"productId" in scope ? scope.productId : scope.vendorId}::uuid and ${c.scope} = ${"productId" in scope ? "p" : "v"}
           and ${c.organizationId} in (${sql.join(organizations.map((id) => sql`${id}::uuid`), sql`, `)})
         order by ${c.stateCode} nulls last, ${c.systemType}::text, 6 nulls last, 7 nulls last`,
  );
  if (rows.some((r) => !r.usable) || new Set(rows.map((r) => r.organizationId)).size > 1) return null;
  const byState = new Map<string, StateCount>();
  for (const r of rows) {
    if (r.stateName === null) continue;
    const key = `${r.stateCode}\u0000${r.stateName}`;
    const entry = byState.get(key) ?? { stateCode: r.stateCode, stateName: r.stateName, agencies: 0 };
    entry.agencies += r.agencies;
    byState.set(key, entry);
  }
  return {
    locations: rows.map(({ stateName: _s, organizationId: _o, usable: _u, ...r }) => ({ ...r, names: parseArray(r.names) })),
    states: [...byState.values()].sort((a, b) => (a.stateName < b.stateName ? -1 : a.stateName > b.stateName ? 1 : 0)),
  };
}

/** A text[] as postgres.js (an array) or PGlite (maybe its literal) hands it over. */
function parseArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  return typeof value === "string" ? (JSON.parse(value) as string[]) : [];
}

/**
 * The state counts and map cells of a product's or vendor's agencies: kept (keptMemberCells) when they answer,
 * else live (stateCounts, memberLocations).
 */
export async function memberFigures(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb) {
  let kept = await keptMemberCells(viewer, scope, today, db);
  if (!kept && !("all" in scope)) {
    // A scope whose earliest end date has passed (the organization's or a partner's): recount, read again.
    for (const organizationId of [viewer.organizationId, ...viewer.partnerOrganizationIds]) await refreshStaleGroups(db, organizationId, today);
    kept = await keptMemberCells(viewer, scope, today, db);
  }
  if (kept) return kept;
  const [states, locations] = await Promise.all([stateCounts(viewer, scope, today, db), memberLocations(viewer, scope, today, db)]);
  return { states, locations };
}

/** How many agencies in scope each state has, for the "by state" summary. */
export async function stateCounts(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb) {
  return queryRows<StateCount>(
    db,
    sql`select s.code as "stateCode", s.name as "stateName", c.agencies
          from (select ${agencyProducts.stateId} as state_id, count(distinct ${agencyProducts.agencyId})::int as agencies
                  from ${agencyProducts}
                 where ${members(viewer, scope, today)}
                 group by ${agencyProducts.stateId}) c
          join ${jurisdictions} s on s.id = c.state_id
         order by s.name`,
  );
}

/** Agency ids on a product (optionally of one system type), for starting a joint ask from its group. */
export async function memberAgencyIds(
  viewer: Viewer,
  scope: ProductScope,
  today: string,
  systemType: SystemType | undefined,
  db: Executor = defaultDb,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct ${agencyProducts.agencyId}::text as id from ${agencyProducts}
         where ${members(viewer, scope, today)}
         ${systemType ? sql`and ${agencyProducts.systemType} = ${systemType}::system_type` : sql``}`,
  );
  return rows.map((r) => r.id);
}

function notAsked(viewer: Viewer, scope: ProductScope, campaignId: string, today: string): SQL {
  return sql`${members(viewer, scope, today)}
    and ${agencyProducts.agencyId} not in (
      select ${requests.agencyId} from ${requests}
       where ${requests.campaignId} = ${campaignId}::uuid and ${requests.agencyId} is not null and ${visibleRequests(viewer)})`;
}

/** How many agencies on the product(s) a joint ask has not asked yet. */
export async function countUnasked(viewer: Viewer, scope: ProductScope, campaignId: string, today: string, db: Executor = defaultDb) {
  const [row] = await queryRows<{ total: number }>(
    db,
    sql`select count(distinct ${agencyProducts.agencyId})::int as total from ${agencyProducts} where ${notAsked(viewer, scope, campaignId, today)}`,
  );
  return row?.total ?? 0;
}

/** The first `limit` agencies on the product(s) that a joint ask has not asked yet, by state and place. */
export async function listUnasked(
  viewer: Viewer,
  scope: ProductScope,
  campaignId: string,
  options: { today: string; limit: number },
  db: Executor = defaultDb,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select m.agency_id::text as id
          from (select distinct ${agencyProducts.agencyId} as agency_id, ${agencyProducts.jurisdictionId} as jurisdiction_id,
                       ${agencyProducts.stateId} as state_id
                  from ${agencyProducts} where ${notAsked(viewer, scope, campaignId, options.today)}) m
          join ${agencies} a on a.id = m.agency_id
          join ${jurisdictions} j on j.id = m.jurisdiction_id
          join ${jurisdictions} s on s.id = m.state_id
         order by s.name, lower(j.name), lower(a.name), a.id
         limit ${options.limit}`,
  );
  return rows.map((r) => r.id);
}

export type PrecedentRow = {
  requestId: string;
  number: number;
  /** The request's organization's short code, for its reference ("TRC-12"). */
  organizationCode: string;
  title: string;
  status: RequestStatus;
  tags: string[];
  updatedAt: string;
  targetName: string;
  placeName: string | null;
  stateCode: string | null;
  productNames: string | null;
  campaignId: string | null;
};

/** How many of the latest received requests listPrecedents reads before reading each member agency's. */
const RECENT_SCAN = 2000;

/**
 * Precedents: requests to agencies on the same product(s), or to the vendor itself, that brought records back
 * (fulfilled or partly), newest first. With record types, only requests about one of them: tagged with one of
 * the names (`recordTypes`, as tags are: lower case), or asking for one of the catalog record types
 * (`recordTypeIds`, the request's own ask).
 */
export async function listPrecedents(
  viewer: Viewer,
  scope: ProductScope,
  options: {
    today: string;
    vendorId?: string | null;
    recordTypes?: readonly string[];
    recordTypeIds?: readonly string[];
    excludeCampaignId?: string;
    limit?: number;
  },
  db: Executor = defaultDb,
): Promise<PrecedentRow[]> {
  const received = sql`${visibleRequests(viewer)}
       and ${requests.status} in (${statusList(RECEIVED_STATUSES)})
       ${options.excludeCampaignId ? sql`and ${requests.campaignId} is distinct from ${options.excludeCampaignId}::uuid` : sql``}`;
  const onTheProduct = sql`(${requests.agencyId} in (select ${agencyProducts.agencyId} from ${agencyProducts} where ${members(viewer, scope, options.today)})
            ${options.vendorId ? sql`or ${requests.vendorId} = ${options.vendorId}::uuid` : sql``})`;
  // With record types, the requests about them (by tag, through the tags index, or by the record types they
  // asked) are found first and each is then checked by its primary key ("offset 0" keeps Postgres from turning
  // that back into a join). Left to itself it scanned every received request of the organization: 400 ms on
  // the national bench dataset, where there was no precedent to find.
  const about: SQL[] = [];
  if (options.recordTypes?.length) {
    const tags = sql`array[${sql.join(options.recordTypes.map((t) => sql`${t}`), sql`, `)}]::text[]`;
    about.push(sql`select ${requests.id} as id from ${requests} where ${visibleRequests(viewer)} and ${requests.tags} && ${tags}`);
  }
  if (options.recordTypeIds?.length) {
    const ids = sql.join(options.recordTypeIds.map((t) => sql`${t}::uuid`), sql`, `);
    about.push(sql`select ${requestRecordTypes.requestId} as id from ${requestRecordTypes} where ${requestRecordTypes.recordTypeId} in (${ids})`);
  }
  // Without record types: each member agency's (and the vendor's) latest received requests, read from the
  // partial indexes on received requests and limited, so the cost is bounded by the product's agencies (and
  // nothing is scanned beyond their rows when there is no precedent at all).
  const limit = options.limit ?? 20;
  const receivedLiteral = sql`${requests.status} in ${sql.raw(RECEIVED_STATUS_LIST_SQL)}`;
  const latest = (where: SQL) =>
    sql`select * from ${requests} where ${where} and ${receivedLiteral} and ${received} order by ${requests.updatedAt} desc limit ${limit}`;
  const source = about.length
    ? sql`with about as materialized (${sql.join(about, sql` union `)})
          select ${requests}.* from about cross join lateral (select * from ${requests} where ${requests.id} = about.id and ${received} offset 0) as ${requests}`
    : sql`select c.* from (select distinct ${agencyProducts.agencyId} as agency_id from ${agencyProducts} where ${members(viewer, scope, options.today)}) m
            cross join lateral (${latest(sql`${requests.agencyId} = m.agency_id`)}) c
          ${options.vendorId ? sql`union all (${latest(sql`${requests.vendorId} = ${options.vendorId}::uuid`)})` : sql``}`;
  const select = (source: SQL) => queryRows<PrecedentRow>(
    db,
    sql`select ${requests.id}::text as "requestId", ${requests.number} as number, ${requests.title} as title,
           (select o.short_code from ${organizations} o where o.id = ${requests.organizationId}) as "organizationCode",
           ${requests.status}::text as status, ${requests.tags}::text[] as tags, ${requests.updatedAt} as "updatedAt",
           coalesce(${agencies.name}, ${vendors.name}) as "targetName", j.name as "placeName",
           coalesce(s.code, j.code) as "stateCode",
           (select string_agg(distinct p.name, ', ') from ${agencyProducts} join ${products} p on p.id = ${agencyProducts.productId}
             where ${agencyProducts.agencyId} = ${requests.agencyId} and ${members(viewer, scope, options.today)}) as "productNames",
           ${requests.campaignId}::text as "campaignId"
      from (${source}) as ${requests}
      left join ${agencies} on ${agencies.id} = ${requests.agencyId}
      left join ${jurisdictions} j on j.id = ${agencies.jurisdictionId}
      left join ${jurisdictions} s on s.id = j.state_id
      left join ${vendors} on ${vendors.id} = ${requests.vendorId}
     where ${onTheProduct}
     order by ${requests.updatedAt} desc, ${requests.id}
     limit ${limit}`,
  );
  // A product or vendor on thousands of agencies: reading each agency's latest requests costs a probe per agency
  // (1.7 s for the largest vendor of the national bench dataset). First try the latest RECENT_SCAN received
  // requests the viewer may see, in the same order (requests_received_updated_idx): if `limit` of them are on
  // the product, they are the answer, since every other request on it comes after all of those read.
  // Otherwise (a product with few agencies, whose precedents are older) the per-agency reading below.
  if (!about.length) {
    const recent = await select(
      sql`select * from ${requests} where ${receivedLiteral} and ${received} order by ${requests.updatedAt} desc, ${requests.id} limit ${RECENT_SCAN}`,
    );
    if (recent.length === limit) return recent.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
  }
  const rows = await select(source);
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
}

export type VendorAgencyCount = { vendorId: string; agencies: number; cities: number };

/** Counts computed, by map_version, organizations seen and day: at most VENDOR_COUNTS_CACHE_SIZE, the oldest dropped first. */
const vendorCountsCache = new Map<string, readonly VendorAgencyCount[]>();
const VENDOR_COUNTS_CACHE_SIZE = 100;

/**
 * How many agencies, and how many places (cities, counties), use each vendor's products today (through hosting
 * too), for the vendors list and GET /api/v1/vendors. Counted over every current membership the viewer sees
 * (36,000 on the national dataset), so the answer is kept in memory under map_version, which the statement
 * triggers of migration 0052 move with every write to agency_products (in the writer's transaction), as the
 * memberships' map is (maps.server.ts): a view reads that one number and counts again only when it moved, or
 * for a coalition or day not seen yet (memberships end on a date, so the day is part of the key). A transaction
 * that has written anything (pg_current_xact_id_if_assigned) neither reads nor keeps an entry: its writes may
 * still roll back, and with them the version it saw.
 */
export async function vendorAgencyCounts(viewer: Viewer, today: string, db: Executor = defaultDb): Promise<readonly VendorAgencyCount[]> {
  const [state] = await queryRows<{ version: string; settled: boolean }>(
    db,
    sql`select ${mapVersion.version}::text as version, pg_current_xact_id_if_assigned() is null as settled from ${mapVersion} where ${mapVersion.id}`,
  );
  const orgs = [viewer.organizationId, ...[...viewer.partnerOrganizationIds].sort()].join(",");
  const key = state?.settled ? `${state.version}|${orgs}|${today}` : null;
  const kept = key ? vendorCountsCache.get(key) : undefined;
  if (kept) return kept;
  const counts = await countVendorAgencies(viewer, today, db);
  if (key) {
    if (vendorCountsCache.size >= VENDOR_COUNTS_CACHE_SIZE) vendorCountsCache.delete(vendorCountsCache.keys().next().value!);
    vendorCountsCache.set(key, counts);
  }
  return counts;
}

/**
 * The counts themselves, from the rows. Each membership row is one agency on one product, so an agency on three
 * of a vendor's products is three rows: the (vendor, agency, place) triples are taken first (a hash over the
 * rows), and the distinct counts then sort a third as many. agency_products carries the product's vendor.
 */
export async function countVendorAgencies(viewer: Viewer, today: string, db: Executor = defaultDb): Promise<VendorAgencyCount[]> {
  return queryRows<VendorAgencyCount>(
    db,
    sql`select t.vendor_id::text as "vendorId", count(distinct t.agency_id)::int as agencies,
               count(distinct t.jurisdiction_id)::int as cities
          from (select ${agencyProducts.vendorId} as vendor_id, ${agencyProducts.agencyId} as agency_id,
                       ${agencyProducts.jurisdictionId} as jurisdiction_id
                  from ${agencyProducts}
                 where ${members(viewer, { all: true }, today)}
                 group by 1, 2, 3) t
         group by t.vendor_id`,
  );
}

/** Every current membership in scope with the agency's place, for the JSON API (agencies by product). */
export async function listMembershipsFlat(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb) {
  return queryRows<{
    productId: string;
    systemType: SystemType;
    agencyId: string;
    agencyName: string;
    place: string;
    stateCode: string | null;
    viaAgencyId: string | null;
  }>(
    db,
    sql`select ${agencyProducts.productId}::text as "productId", ${agencyProducts.systemType}::text as "systemType",
               a.id::text as "agencyId", a.name as "agencyName", j.name as place, s.code as "stateCode",
               ${agencyProducts.viaAgencyId}::text as "viaAgencyId"
          from ${agencyProducts}
          join ${agencies} a on a.id = ${agencyProducts.agencyId}
          join ${jurisdictions} j on j.id = ${agencyProducts.jurisdictionId}
          join ${jurisdictions} s on s.id = ${agencyProducts.stateId}
         where ${members(viewer, scope, today)}
         order by s.name, lower(j.name), lower(a.name), a.id`,
  );
}

/**
 * Every agency on the product(s) today with its state, the first system type it uses them as, and its
 * directory location (when it is linked to an ORI that has one), for the map.
 */
/** Map dots are cells of this many degrees (about 28 km north-south): a map's size is bounded by the country's. */
export const MAP_CELL_DEGREES = 0.25;

/**
 * Where the agencies in scope are, for the US map: one row per state, system type and map cell (agencies
 * without a location: one row per state and system type), with how many agencies it holds and the first three
 * names. Aggregated in SQL so the page carries a few hundred dots however many thousand agencies are in scope.
 */
export async function memberLocations(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb) {
  return queryRows<MemberLocation>(
    db,
    sql`select count(*)::int as agencies, (array_agg(${agencies.name} order by ${agencies.name}))[1:3] as names,
               s.code as "stateCode", m.system_type::text as "systemType",
               avg(d.latitude)::float8 as latitude, avg(d.longitude)::float8 as longitude
          from (select ${agencyProducts.agencyId} as agency_id, min(${agencyProducts.stateId}::text)::uuid as state_id,
                       min(${agencyProducts.systemType}::text) as system_type
                  from ${agencyProducts}
                 where ${members(viewer, scope, today)}
                 group by ${agencyProducts.agencyId}) m
          join ${agencies} on ${agencies.id} = m.agency_id
          left join ${jurisdictions} s on s.id = m.state_id
          left join ${directoryAgencies} d on d.ori = ${agencies.ori}
         where ${visibleAgencies(viewer)}
         group by s.code, m.system_type, floor(d.latitude / ${MAP_CELL_DEGREES}), floor(d.longitude / ${MAP_CELL_DEGREES})
         order by s.code nulls last, m.system_type, 5 nulls last, 6 nulls last`,
  );
}
