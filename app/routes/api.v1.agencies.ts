import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { agencyApiSchema, agencyJson } from "~/domain/agency-api.server";
import { searchDirectory } from "~/domain/directory.server";
import { directoryQuery } from "~/domain/directory-input";
import { can } from "~/domain/permissions";
import { createAgency, getAgency, pageAgencies } from "~/domain/places.server";
import { parsePlaceListQuery } from "~/domain/place-list-input";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** Own agencies answered with the directory's hits: a keyset page of this many unless `pageSize` says. */
const OWN_PAGE_SIZE = 25;

/**
 * GET /api/v1/agencies?q=&state=&limit=&offset=&pageSize=&cursor=: the national agency directory search (as
 * /directory), each hit with `agencyId` when your organization has the agency; and `own`: a keyset page of your
 * organization's agencies whose name matches `q` (by jurisdiction name, agency name, id; `pageSize` 1–100,
 * default 25; `cursor` from `nextCursor` / `prevCursor`), with `ownTotal` (exact up to 10,000: `ownTotalExact`).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const parsed = directoryQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "Invalid query parameters", fieldErrorsOf(parsed.error.issues));
  const paging = parsePlaceListQuery("agencies", new URL(request.url).searchParams, OWN_PAGE_SIZE);
  if (!paging.success) return apiError(400, "Invalid query parameters", fieldErrorsOf(paging.error.issues));
  const { q, state, limit, offset } = parsed.data;
  const [directory, own] = await Promise.all([
    q.trim() ? searchDirectory(viewer.organizationId, { q, state, limit, offset }) : Promise.resolve({ hits: [], total: 0 }),
    pageAgencies(viewer, paging.data),
  ]);
  return json({
    data: directory.hits,
    total: directory.total,
    own: own.rows.map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      jurisdiction: { id: a.jurisdictionId, name: a.jurisdictionName, state: a.stateCode },
      recordsContactEmail: a.recordsContactEmail,
      openRequests: a.openRequests,
    })),
    ownTotal: own.total,
    ownTotalExact: own.totalExact,
    pageSize: own.pageSize,
    nextCursor: own.nextCursor,
    prevCursor: own.prevCursor,
  });
}

/** POST /api/v1/agencies: add an agency to your organization, as the new agency form (same schema). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "POST") return apiError(405, "Use POST to add an agency.");
  if (!can(viewer, "agency.manage")) return apiError(403, "Your role can't add agencies.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const parsed = agencyApiSchema.safeParse(read.body);
  if (!parsed.success) return apiError(400, "Invalid agency", fieldErrorsOf(parsed.error.issues));
  const created = await createAgency(viewer, parsed.data);
  if (!created.ok) return apiError(400, "Invalid agency", created.fieldErrors);
  const row = await getAgency(viewer, created.value.id);
  return json({ data: agencyJson(viewer, row!) }, { status: 201, headers: { Location: `/api/v1/agencies/${created.value.id}` } });
}
