import { and, eq, isNull, or, type SQL } from "drizzle-orm";
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
  requests,
  systemDocuments,
  users,
  vendors,
} from "../../db/schema";
import type { Viewer } from "./accounts.server";
import { can, requirePermission } from "./permissions";

// The one place that decides which rows a signed-in user may see. Every query over these tables takes
// its condition from here, so a list, a count, an export or an API route can't see more than a page does.

export function visibleRequests(viewer: Viewer): SQL {
  return eq(requests.organizationId, viewer.organizationId);
}

export function visibleAgencies(viewer: Viewer): SQL {
  return eq(agencies.organizationId, viewer.organizationId);
}

/** Shared reference rows (federal, states, DC) and the organization's own local jurisdictions. */
export function visibleJurisdictions(viewer: Viewer): SQL {
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

// Fields asked and received files belong to a request: queries over them join `requests` and use
// visibleRequests(viewer), so whoever can see a request sees its fields and files, and nobody else.

// Vendors, products, systems and joint asks belong to the organization that recorded them.

export function visibleVendors(viewer: Viewer): SQL {
  return eq(vendors.organizationId, viewer.organizationId);
}

export function visibleProducts(viewer: Viewer): SQL {
  return eq(products.organizationId, viewer.organizationId);
}

export function visibleSystems(viewer: Viewer): SQL {
  return eq(agencySystems.organizationId, viewer.organizationId);
}

/** Derived rows (who is on which product, group sizes) follow the systems they come from. */
export function visibleMemberships(viewer: Viewer): SQL {
  return eq(agencyProducts.organizationId, viewer.organizationId);
}

export function visibleGroups(viewer: Viewer): SQL {
  return eq(productGroups.organizationId, viewer.organizationId);
}

export function visibleSystemDocuments(viewer: Viewer): SQL {
  return eq(systemDocuments.organizationId, viewer.organizationId);
}

export function visibleCampaigns(viewer: Viewer): SQL {
  return eq(campaigns.organizationId, viewer.organizationId);
}
