import { and, eq, inArray, isNull, lte, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  agencies,
  agencyProducts,
  agencySystems,
  auditEvents,
  campaigns,
  catalogFields,
  devMailbox,
  inboundMessages,
  jurisdictions,
  outboxMessages,
  productGroups,
  products,
  recordTypes,
  requestEvents,
  requestFiles,
  requests,
  systemDocuments,
  users,
  vendors,
} from "../../db/schema";
import type { Viewer } from "./accounts.server";
import { can, requirePermission } from "./permissions";

// The one place that decides which rows a signed-in user (or, for public pages, anyone) may see. Every query
// over these tables takes its condition from here, so a list, a count, an export, a feed, a digest or an API
// route can't see more than a page does.
//
// Organizations in a coalition share their vendor knowledge (vendors, products, systems and their evidence,
// the agencies and places those are about), their joint asks, and their requests that are not private.
// What is shared is read-only for the other members: changes go through the own*() conditions below, which
// are the organization's alone.

/** Anyone, signed in or not, looking at public pages. */
export const PUBLIC = Symbol("public audience");

/**
 * The publishing preview: what the public would read of the viewer's own requests if they were published now.
 * The public's rules for entries and files, over requests the organization owns whatever their visibility, so
 * the preview and the public page can never disagree about what a publication exposes.
 */
export interface PublishingPreview {
  readonly previewFor: Pick<Viewer, "organizationId">;
}
export function publishingPreview(viewer: Pick<Viewer, "organizationId">): PublishingPreview {
  return { previewFor: viewer };
}

export type Audience = Viewer | typeof PUBLIC | PublishingPreview;

/** Audiences that read what the public reads: the public itself, and a publishing preview. */
function readsAsPublic(audience: Audience): audience is typeof PUBLIC | PublishingPreview {
  return audience === PUBLIC || "previewFor" in audience;
}

/** Rows of the viewer's organization, or shared with it by a member of its coalition. */
function ownOrShared(column: AnyPgColumn, viewer: Viewer): SQL {
  const own = eq(column, viewer.organizationId);
  return viewer.partnerOrganizationIds.length === 0 ? own : or(own, inArray(column, [...viewer.partnerOrganizationIds]))!;
}

/** A public request is visible to everyone once its embargo (public_at) has passed. */
function publishedRequests(): SQL {
  return and(eq(requests.visibility, "public"), lte(requests.publicAt, sql`now()`))!;
}

/**
 * Which requests the audience sees. Signed in: the organization's own, and those of coalition members that
 * are not private (a public request still under embargo is shared with the coalition). Public: published ones.
 */
export function visibleRequests(audience: Audience): SQL {
  if (audience === PUBLIC) return publishedRequests();
  if ("previewFor" in audience) return ownRequests(audience.previewFor);
  const own = eq(requests.organizationId, audience.organizationId);
  if (audience.partnerOrganizationIds.length === 0) return own;
  return or(own, and(ne(requests.visibility, "private"), inArray(requests.organizationId, [...audience.partnerOrganizationIds])))!;
}

/**
 * visibleRequests for rows that sum requests per organization and visibility (the analytics rollups): the same
 * rule over those two columns. For the public it is every public row, embargo or not: the reader takes the
 * requests still under embargo (embargoedRequests) back out, as the embargo is a matter of time.
 */
export function visibleRollupRows(audience: Viewer | typeof PUBLIC, organizationId: SQL, visibility: SQL): SQL {
  if (audience === PUBLIC) return sql`${visibility} = 'public'`;
  const own = sql`${organizationId} = ${audience.organizationId}`;
  if (audience.partnerOrganizationIds.length === 0) return own;
  return sql`(${own} or (${visibility} <> 'private' and ${organizationId} in (${sql.join([...audience.partnerOrganizationIds].map((id) => sql`${id}`), sql`, `)})))`;
}

/** Public requests not yet published (their embargo is still running): public rows the public doesn't see. */
export function embargoedRequests(): SQL {
  return and(eq(requests.visibility, "public"), sql`${requests.publicAt} > now()`)!;
}

/** Requests the viewer's organization owns: what it may change, and what its own work lists (chase board,
 * digests, calendar feeds) are about. */
export function ownRequests(viewer: Pick<Viewer, "organizationId">): SQL {
  return eq(requests.organizationId, viewer.organizationId);
}

/**
 * Timeline entries: those of visible requests, except entries marked internal, which only the request's
 * organization sees. The public sees no record of who is assigned.
 */
export function visibleTimelineEntries(audience: Audience): SQL {
  if (readsAsPublic(audience)) {
    return and(visibleRequests(audience), eq(requestEvents.internal, false), notInArray(requestEvents.kind, [...NOT_PUBLIC_EVENT_KINDS]))!;
  }
  return and(visibleRequests(audience), or(ownRequests(audience), eq(requestEvents.internal, false)))!;
}

/** Kinds of timeline entries that stay off public pages whatever their flag: they name people or inner work. */
export const NOT_PUBLIC_EVENT_KINDS = ["assignment_changed", "visibility_changed", "entry_visibility_changed", "campaign_joined", "campaign_left"] as const;

/**
 * Received files: those of visible requests, except files marked internal, seen by the owner alone.
 *
 * This is also the one download rule: whoever may see a file may download it (the download, the zip of a
 * request's files, the PDF preview's frame, the API and the public pages all select files through this). The
 * request's organization gets all its files; a coalition partner the files of a request shared with it that are
 * not internal; anyone the non-internal files of a published request. Signed in, downloading also needs the
 * role's "export" permission. To keep a file within the organization, mark it internal.
 */
export function visibleFiles(audience: Audience): SQL {
  if (readsAsPublic(audience)) return and(visibleRequests(audience), eq(requestFiles.internal, false))!;
  // "Own request, or not internal", written as a CASE on the file's flag (both columns are NOT NULL, so it is the
  // same rule): as an OR spanning the file and its request, Postgres planned bitmap-OR paths over every index of
  // requests for it, 3 ms of planning per query (listDoneProfiles on the joint ask page) before reading a row.
  return and(visibleRequests(audience), sql`(case when ${requestFiles.internal} then ${ownRequests(audience)} else true end)`)!;
}

/** Whether a row that the viewer can see belongs to its own organization (and so may be changed by it). */
export function ownsRow(viewer: Viewer, row: { organizationId: string }): boolean {
  return row.organizationId === viewer.organizationId;
}

/** Agencies: the organization's own and its coalition's (shared vendor knowledge is about them). */
export function visibleAgencies(viewer: Viewer): SQL {
  return ownOrShared(agencies.organizationId, viewer);
}

/** Agencies the organization may change and file requests to. */
export function ownAgencies(viewer: Viewer): SQL {
  return eq(agencies.organizationId, viewer.organizationId);
}

/** Shared reference rows (federal, states, DC) and the local jurisdictions of the organization and its coalition. */
export function visibleJurisdictions(viewer: Viewer): SQL {
  return or(isNull(jurisdictions.organizationId), ownOrShared(jurisdictions.organizationId, viewer))!;
}

/** Reference rows and the organization's own local jurisdictions: where it may add agencies and places. */
export function ownJurisdictions(viewer: Viewer): SQL {
  return or(isNull(jurisdictions.organizationId), eq(jurisdictions.organizationId, viewer.organizationId))!;
}

/** People a request can be assigned to or filed by: members of the same organization. */
export function visibleUsers(viewer: Viewer): SQL {
  return and(eq(users.organizationId, viewer.organizationId), isNull(users.disabledAt))!;
}

/** Every member of the organization, disabled ones included: for the users admin page. */
export function organizationMembers(viewer: Viewer): SQL {
  return eq(users.organizationId, viewer.organizationId);
}

export function visibleAuditEvents(viewer: Viewer): SQL {
  return eq(auditEvents.organizationId, viewer.organizationId);
}

/** Organization-wide settings and corrections to the law table are for the organization's admins. */
export function canManageOrganization(viewer: Viewer): boolean {
  return can(viewer, "org.settings");
}

export function requireAdmin(viewer: Viewer): void {
  requirePermission(viewer, "org.settings");
}

/** Messages the organization sent or queued (letters, digests, alerts), and what the dev mailbox received of them. */
export function visibleOutboxMessages(viewer: Viewer): SQL {
  return eq(outboxMessages.organizationId, viewer.organizationId);
}

export function visibleDevMailbox(viewer: Viewer): SQL {
  return eq(devMailbox.organizationId, viewer.organizationId);
}

/**
 * Inbound mail of the organization. Mail that names no request of any organization (no usable reply address)
 * has no organization; admins see it in their review queue so it is never silently dropped.
 */
export function visibleInboundMessages(viewer: Viewer): SQL {
  if (viewer.role === "admin") {
    return or(eq(inboundMessages.organizationId, viewer.organizationId), isNull(inboundMessages.organizationId))!;
  }
  return eq(inboundMessages.organizationId, viewer.organizationId);
}

/** The standard catalog (organization_id null) and the organization's own record types and fields. */
export function visibleRecordTypes(viewer: Viewer): SQL {
  return or(isNull(recordTypes.organizationId), eq(recordTypes.organizationId, viewer.organizationId))!;
}

export function visibleCatalogFields(viewer: Viewer): SQL {
  return or(isNull(catalogFields.organizationId), eq(catalogFields.organizationId, viewer.organizationId))!;
}

// Fields asked belong to a request: queries over them join `requests` and use visibleRequests(viewer), so
// whoever can see a request sees its fields, and nobody else. Files use visibleFiles().

// Vendors, products, systems, their evidence and joint asks belong to the organization that recorded them and
// are shared with its coalition (read-only). Changes, and references from new rows, use the own*() forms.

export function visibleVendors(viewer: Viewer): SQL {
  return ownOrShared(vendors.organizationId, viewer);
}

export function ownVendors(viewer: Viewer): SQL {
  return eq(vendors.organizationId, viewer.organizationId);
}

export function visibleProducts(viewer: Viewer): SQL {
  return ownOrShared(products.organizationId, viewer);
}

export function ownProducts(viewer: Viewer): SQL {
  return eq(products.organizationId, viewer.organizationId);
}

export function visibleSystems(viewer: Viewer): SQL {
  return ownOrShared(agencySystems.organizationId, viewer);
}

/** Who runs which product (derived from systems): shared like the systems it is derived from. */
export function visibleAgencyProducts(viewer: Viewer): SQL {
  return ownOrShared(agencyProducts.organizationId, viewer);
}

/** visibleAgencyProducts for a column holding an agency_products row's organization (analytics_group_rollups.owner). */
export function visibleAgencyProductOwners(viewer: Viewer, owner: SQL): SQL {
  const ids = [viewer.organizationId, ...viewer.partnerOrganizationIds];
  return sql`${owner} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
}

export function ownSystems(viewer: Viewer): SQL {
  return eq(agencySystems.organizationId, viewer.organizationId);
}

/** Derived rows (who is on which product, group sizes) follow the systems they come from. */
export function visibleMemberships(viewer: Viewer): SQL {
  return ownOrShared(agencyProducts.organizationId, viewer);
}

export function visibleGroups(viewer: Viewer): SQL {
  return ownOrShared(productGroups.organizationId, viewer);
}

export function visibleSystemDocuments(viewer: Viewer): SQL {
  return ownOrShared(systemDocuments.organizationId, viewer);
}

export function ownSystemDocuments(viewer: Viewer): SQL {
  return eq(systemDocuments.organizationId, viewer.organizationId);
}

/** Joint asks are shared with the coalition; members join them with their own requests. */
export function visibleCampaigns(viewer: Viewer): SQL {
  return ownOrShared(campaigns.organizationId, viewer);
}

export function ownCampaigns(viewer: Viewer): SQL {
  return eq(campaigns.organizationId, viewer.organizationId);
}
