import { sql, type SQL } from "drizzle-orm";
import { agencies, agencySystems, jurisdictions, products, requests, vendors } from "../../db/schema";
import type { RequestStatus, SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { visibleAgencies, visibleProducts, visibleRequests, visibleSystems } from "./access.server";
import { OPEN_STATUSES } from "./request-status";
import type { GroupFilters } from "./vendor-input";

// Who is on which product, following shared hosting: the heart of grouping cities by vendor. Everything
// here is computed from agency_systems in one recursive query, so a change of a host's system moves every
// agency it hosts at once, with nothing to keep in sync.

/** Hosting chains longer than this are not followed (they are refused on entry well before). */
export const MAX_HOSTING_DEPTH = 8;

export const RECEIVED_STATUSES: readonly RequestStatus[] = ["fulfilled", "partially_fulfilled"];
const ANSWERED_STATUSES: readonly RequestStatus[] = ["fulfilled", "partially_fulfilled", "no_responsive_records", "denied"];

const statusList = (statuses: readonly RequestStatus[]) => sql.join(statuses.map((s) => sql`${s}::request_status`), sql`, `);

function isCurrent(today: string): SQL {
  return sql`(${agencySystems.untilOn} is null or ${agencySystems.untilOn} >= ${today}::date)`;
}

/** Which products a membership query starts from. */
export type ProductScope = { productId: string } | { vendorId: string } | { all: true };

function productCondition(viewer: Viewer, scope: ProductScope): SQL {
  if ("productId" in scope) return sql`and ${agencySystems.productId} = ${scope.productId}::uuid`;
  if ("vendorId" in scope) {
    return sql`and ${agencySystems.productId} in (select ${products.id} from ${products} where ${products.vendorId} = ${scope.vendorId}::uuid and ${visibleProducts(viewer)})`;
  }
  return sql``;
}

/**
 * `membership(agency_id, product_id, system_type, via_agency_id, depth)`: every agency currently on a product,
 * directly (via_agency_id null) or through the agency that hosts its system of that type (via_agency_id).
 */
export function membershipCte(viewer: Viewer, today: string, scope: ProductScope): SQL {
  return sql`with recursive membership(agency_id, product_id, system_type, via_agency_id, depth) as (
    select ${agencySystems.agencyId}, ${agencySystems.productId}, ${agencySystems.systemType}, null::uuid, 0
      from ${agencySystems}
      where ${visibleSystems(viewer)} and ${agencySystems.productId} is not null and ${isCurrent(today)}
        ${productCondition(viewer, scope)}
    union
    select ${agencySystems.agencyId}, membership.product_id, ${agencySystems.systemType}, membership.agency_id, membership.depth + 1
      from membership
      join ${agencySystems} on ${agencySystems.hostAgencyId} = membership.agency_id and ${agencySystems.systemType} = membership.system_type
      where ${visibleSystems(viewer)} and ${isCurrent(today)} and membership.depth < ${MAX_HOSTING_DEPTH}
  )`;
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
  const page = filters.page ?? 1;
  const minCities = filters.minCities ?? 2;
  const order = {
    size: sql`cities desc, agencies desc, lower(p.name), p.id, m.system_type`,
    name: sql`lower(p.name), lower(v.name), p.id, m.system_type`,
    vendor: sql`lower(v.name), lower(p.name), p.id, m.system_type`,
  }[filters.sort ?? "size"];
  const rows = await queryRows<GroupRow & { total: number }>(
    db,
    sql`${membershipCte(viewer, today, { all: true })}
    select p.id::text as "productId", p.name as "productName", m.system_type::text as "systemType",
           v.id::text as "vendorId", v.name as "vendorName",
           count(distinct a.jurisdiction_id)::int as cities,
           count(distinct m.agency_id)::int as agencies,
           count(distinct coalesce(j.state_id, j.id))::int as states,
           count(distinct m.agency_id) filter (where m.via_agency_id is not null)::int as hosted,
           (count(*) over ())::int as total
      from membership m
      join ${agencies} a on a.id = m.agency_id
      join ${jurisdictions} j on j.id = a.jurisdiction_id
      join ${products} p on p.id = m.product_id
      join ${vendors} v on v.id = p.vendor_id
      ${filters.systemType ? sql`where m.system_type = ${filters.systemType}::system_type` : sql``}
      group by p.id, v.id, m.system_type
      having count(distinct a.jurisdiction_id) >= ${minCities}
      order by ${order}
      limit ${GROUP_PAGE_SIZE} offset ${(page - 1) * GROUP_PAGE_SIZE}`,
  );
  const total = rows[0]?.total ?? (page > 1 ? await countGroups(viewer, filters, today, db) : 0);
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total,
    page,
    pageSize: GROUP_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / GROUP_PAGE_SIZE)),
  };
}

async function countGroups(viewer: Viewer, filters: Partial<GroupFilters>, today: string, db: Executor) {
  const [row] = await queryRows<{ total: number }>(
    db,
    sql`${membershipCte(viewer, today, { all: true })}
    select count(*)::int as total from (
      select 1 from membership m join ${agencies} a on a.id = m.agency_id
      ${filters.systemType ? sql`where m.system_type = ${filters.systemType}::system_type` : sql``}
      group by m.product_id, m.system_type
      having count(distinct a.jurisdiction_id) >= ${filters.minCities ?? 2}
    ) g`,
  );
  return row?.total ?? 0;
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
  lastReceived: { id: string; number: number; title: string; status: RequestStatus; updatedAt: string } | null;
};

/**
 * The agencies on a product or on any of a vendor's products, by state then place, one page at a time, with
 * their requests: how many are open, how many answered, and the latest that brought records back.
 */
export async function listMemberAgencies(
  viewer: Viewer,
  scope: ProductScope,
  options: { today: string; page?: number; pageSize?: number; stateCode?: string },
  db: Executor = defaultDb,
): Promise<{ rows: MemberAgencyRow[]; total: number; page: number; pageSize: number; pageCount: number }> {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? 100;
  const rows = await queryRows<Omit<MemberAgencyRow, "lastReceived"> & { total: number; lastReceived: string | null }>(
    db,
    sql`${membershipCte(viewer, options.today, scope)},
    per_agency as (
      select m.agency_id,
             json_agg(distinct jsonb_build_object(
               'productId', p.id, 'productName', p.name, 'systemType', m.system_type,
               'viaAgencyId', m.via_agency_id, 'viaAgencyName', via.name)) as uses
        from membership m
        join ${products} p on p.id = m.product_id
        left join ${agencies} via on via.id = m.via_agency_id
       group by m.agency_id
    ),
    page_rows as (
      select ${agencies.id} as agency_id, ${agencies.name} as agency_name, ${agencies.type} as agency_type,
             j.id as jurisdiction_id, j.name as jurisdiction_name,
             coalesce(s.code, j.code) as state_code, coalesce(s.name, j.name) as state_name,
             pa.uses, count(*) over () as total
        from per_agency pa
        join ${agencies} on ${agencies.id} = pa.agency_id
        join ${jurisdictions} j on j.id = ${agencies.jurisdictionId}
        left join ${jurisdictions} s on s.id = j.state_id
       where ${visibleAgencies(viewer)}
         ${options.stateCode ? sql`and coalesce(s.code, j.code) = ${options.stateCode}` : sql``}
       order by state_name, lower(j.name), lower(${agencies.name}), ${agencies.id}
       limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select pr.agency_id::text as "agencyId", pr.agency_name as "agencyName", pr.agency_type::text as "agencyType",
           pr.jurisdiction_id::text as "jurisdictionId", pr.jurisdiction_name as "jurisdictionName",
           pr.state_code as "stateCode", pr.state_name as "stateName", pr.uses, pr.total::int as total,
           coalesce(rc.open, 0)::int as "openRequests", coalesce(rc.answered, 0)::int as "answeredRequests",
           coalesce(rc.received, 0)::int as "receivedRequests", lr.last as "lastReceived"
      from page_rows pr
      left join lateral (
        select count(*) filter (where ${requests.status} in (${statusList(OPEN_STATUSES)})) as open,
               count(*) filter (where ${requests.status} in (${statusList(ANSWERED_STATUSES)})) as answered,
               count(*) filter (where ${requests.status} in (${statusList(RECEIVED_STATUSES)})) as received
          from ${requests}
         where ${requests.agencyId} = pr.agency_id and ${visibleRequests(viewer)}
      ) rc on true
      left join lateral (
        select json_build_object('id', ${requests.id}, 'number', ${requests.number}, 'title', ${requests.title},
                                 'status', ${requests.status}, 'updatedAt', ${requests.updatedAt}) as last
          from ${requests}
         where ${requests.agencyId} = pr.agency_id and ${visibleRequests(viewer)}
           and ${requests.status} in (${statusList(RECEIVED_STATUSES)})
         order by ${requests.updatedAt} desc
         limit 1
      ) lr on true
     order by pr.state_name, lower(pr.jurisdiction_name), lower(pr.agency_name), pr.agency_id`,
  );
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _t, ...row }) => ({
      ...row,
      uses: parseJson<MemberAgencyRow["uses"]>(row.uses).sort((a, b) => a.productName.localeCompare(b.productName)),
      lastReceived: row.lastReceived ? parseJson<NonNullable<MemberAgencyRow["lastReceived"]>>(row.lastReceived) : null,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** postgres.js parses json columns, PGlite may hand them over as text. */
function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Agencies (and places, states) on each product in scope: the product table of a vendor page. */
export async function productCounts(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb) {
  return queryRows<{ productId: string; agencies: number; cities: number; states: number; hosted: number }>(
    db,
    sql`${membershipCte(viewer, today, scope)}
    select m.product_id::text as "productId", count(distinct m.agency_id)::int as agencies,
           count(distinct a.jurisdiction_id)::int as cities, count(distinct coalesce(j.state_id, j.id))::int as states,
           count(distinct m.agency_id) filter (where m.via_agency_id is not null)::int as hosted
      from membership m
      join ${agencies} a on a.id = m.agency_id
      join ${jurisdictions} j on j.id = a.jurisdiction_id
     group by m.product_id`,
  );
}

/** How many agencies in scope each state has, for the "by state" summary. */
export async function stateCounts(viewer: Viewer, scope: ProductScope, today: string, db: Executor = defaultDb) {
  return queryRows<{ stateCode: string | null; stateName: string; agencies: number }>(
    db,
    sql`${membershipCte(viewer, today, scope)}
    select coalesce(s.code, j.code) as "stateCode", coalesce(s.name, j.name) as "stateName",
           count(distinct m.agency_id)::int as agencies
      from membership m
      join ${agencies} a on a.id = m.agency_id
      join ${jurisdictions} j on j.id = a.jurisdiction_id
      left join ${jurisdictions} s on s.id = j.state_id
     group by 1, 2
     order by 2`,
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
    sql`${membershipCte(viewer, today, scope)}
    select distinct m.agency_id::text as id from membership m
    ${systemType ? sql`where m.system_type = ${systemType}::system_type` : sql``}`,
  );
  return rows.map((r) => r.id);
}

export type PrecedentRow = {
  requestId: string;
  number: number;
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

/**
 * Precedents: requests to agencies on the same product(s), or to the vendor itself, that brought records back
 * (fulfilled or partly), newest first. With record types, only requests tagged with one of them.
 */
export async function listPrecedents(
  viewer: Viewer,
  scope: ProductScope,
  options: { today: string; vendorId?: string | null; recordTypes?: readonly string[]; excludeCampaignId?: string; limit?: number },
  db: Executor = defaultDb,
): Promise<PrecedentRow[]> {
  const types = options.recordTypes?.length ? options.recordTypes : null;
  const rows = await queryRows<PrecedentRow>(
    db,
    sql`${membershipCte(viewer, options.today, scope)},
    member_agencies as (select distinct agency_id from membership)
    select ${requests.id}::text as "requestId", ${requests.number} as number, ${requests.title} as title,
           ${requests.status}::text as status, ${requests.tags}::text[] as tags, ${requests.updatedAt} as "updatedAt",
           coalesce(${agencies.name}, ${vendors.name}) as "targetName", j.name as "placeName",
           coalesce(s.code, j.code) as "stateCode",
           (select string_agg(distinct p.name, ', ') from membership m join ${products} p on p.id = m.product_id
             where m.agency_id = ${requests.agencyId}) as "productNames",
           ${requests.campaignId}::text as "campaignId"
      from ${requests}
      left join ${agencies} on ${agencies.id} = ${requests.agencyId}
      left join ${jurisdictions} j on j.id = ${agencies.jurisdictionId}
      left join ${jurisdictions} s on s.id = j.state_id
      left join ${vendors} on ${vendors.id} = ${requests.vendorId}
     where ${visibleRequests(viewer)}
       and ${requests.status} in (${statusList(RECEIVED_STATUSES)})
       and (${requests.agencyId} in (select agency_id from member_agencies)
            ${options.vendorId ? sql`or ${requests.vendorId} = ${options.vendorId}::uuid` : sql``})
       ${types ? sql`and ${requests.tags} && ${sql`array[${sql.join(types.map((t) => sql`${t}`), sql`, `)}]::text[]`}` : sql``}
       ${options.excludeCampaignId ? sql`and ${requests.campaignId} is distinct from ${options.excludeCampaignId}::uuid` : sql``}
     order by ${requests.updatedAt} desc, ${requests.id}
     limit ${options.limit ?? 20}`,
  );
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
}

/** Vendors the viewer can see with how many agencies use their products (through hosting too). */
export async function vendorAgencyCounts(viewer: Viewer, today: string, db: Executor = defaultDb) {
  return queryRows<{ vendorId: string; agencies: number; cities: number }>(
    db,
    sql`${membershipCte(viewer, today, { all: true })}
    select p.vendor_id::text as "vendorId", count(distinct m.agency_id)::int as agencies,
           count(distinct a.jurisdiction_id)::int as cities
      from membership m
      join ${products} p on p.id = m.product_id
      join ${agencies} a on a.id = m.agency_id
     group by p.vendor_id`,
  );
}
