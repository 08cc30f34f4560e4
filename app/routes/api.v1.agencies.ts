import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { agencyApiSchema, agencyJson } from "~/domain/agency-api.server";
import { searchDirectory } from "~/domain/directory.server";
import { directoryQuery } from "~/domain/directory-input";
import { can } from "~/domain/permissions";
import { createAgency, getAgency, listAgencies } from "~/domain/places.server";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** Own agencies answered with the directory's hits, at most this many. */
const OWN_LIMIT = 100;

/**
 * GET /api/v1/agencies?q=&state=&limit=&offset=: the national agency directory search (as /directory), each
 * hit with `agencyId` when your organization has the agency; and `own`: your organization's agency rows whose
 * name matches `q` (at most 100).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const parsed = directoryQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "Invalid query parameters", fieldErrorsOf(parsed.error.issues));
  const { q, state, limit, offset } = parsed.data;
  const [directory, own] = await Promise.all([
    q.trim() ? searchDirectory(viewer.organizationId, { q, state, limit, offset }) : Promise.resolve({ hits: [], total: 0 }),
    listAgencies(viewer, { q: q.trim() || undefined }),
  ]);
  return json({
    data: directory.hits,
    total: directory.total,
    own: own.slice(0, OWN_LIMIT).map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      jurisdiction: { id: a.jurisdictionId, name: a.jurisdictionName, state: a.stateCode },
      recordsContactEmail: a.recordsContactEmail,
      openRequests: a.openRequests,
    })),
    ownTotal: own.length,
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
