import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { newRequestApiSchema, parseRequestFilters } from "~/domain/request-input";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import { requestDetailJson, requestSummaryJson } from "~/domain/request-json";
import { createRequest, getRequest, getTimeline, listRequests } from "~/domain/requests.server";
import { ASSIGN_REFUSED, can, mayAssign } from "~/domain/permissions";
import { requireApiViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/**
 * GET /api/v1/requests: the list page's filters (status, agency, agencyName, assignee, tag, q, sort, dir,
 * pageSize) and keyset pages: follow `nextCursor` / `prevCursor` with `cursor=` (`page=` still works). `total` is
 * exact up to 10,000 (`totalExact`); past that it is 10,001 and `totalExact` is false.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const parsed = parseRequestFilters(new URL(request.url).searchParams);
  if (!parsed.success) return apiError(400, "Invalid query parameters", fieldErrorsOf(parsed.error.issues));
  const result = await listRequests(viewer, parsed.data);
  return json({
    data: result.rows.map((row) => requestSummaryJson(row, todayIn(viewer.timeZone))),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    totalExact: result.totalExact,
    pageCount: result.pageCount,
    sort: result.sort,
    dir: result.dir,
    nextCursor: result.nextCursor,
    prevCursor: result.prevCursor,
  });
}

/** POST /api/v1/requests: create a request from a JSON body. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (!can(viewer, "request.create")) return apiError(403, "Your role can't file requests.");
  if (request.method !== "POST") return apiError(405, "Use POST to create a request.");
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    return apiError(415, "Send the request as JSON with Content-Type: application/json.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "The body is not valid JSON.");
  }
  const today = todayIn(viewer.timeZone);
  const parsed = newRequestApiSchema(today).safeParse(body);
  if (!parsed.success) return apiError(400, "Invalid request", fieldErrorsOf(parsed.error.issues));
  if (!mayAssign(viewer, null, parsed.data.assigneeId ?? null)) return apiError(403, ASSIGN_REFUSED, { assigneeId: [ASSIGN_REFUSED] });
  const created = await createRequest(viewer, parsed.data, today);
  if (!created.ok) return apiError(400, "Invalid request", created.fieldErrors);
  const detail = await getRequest(viewer, created.value.id);
  const timeline = await getTimeline(viewer, created.value.id);
  // The creator's organization owns the request: it gets the request's reply address, as from GET.
  const replyAddress = replyAddressFor(created.value.id);
  return json({ data: requestDetailJson(detail!, timeline, today, { replyAddress }) }, { status: 201, headers: { Location: `/api/v1/requests/${created.value.id}` } });
}
