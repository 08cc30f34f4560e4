import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import {
  agencies,
  agencyProducts,
  agencySystems,
  campaigns,
  jurisdictions,
  productGroups,
  products,
  requests,
  systemDocuments,
  users,
  vendors,
} from "../../db/schema";
import type { Viewer } from "./accounts.server";

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
