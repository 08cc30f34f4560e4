import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { parsePublicIndexFilters } from "~/domain/public-requests";
import { listPublicRequests } from "~/domain/public-requests.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";
import { appUrl } from "~/utils/app-url.server";

/** GET /api/v1/public/requests: the public index as JSON, no sign-in (same filters as /r). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = parsePublicIndexFilters(url.searchParams);
  if (!parsed.success) return apiError(400, "Invalid query: see q, status, state and page in the README", fieldErrorsOf(parsed.error.issues));
  const result = await listPublicRequests(parsed.data);
  return json(
    {
      data: result.rows.map((r) => ({
        title: r.title,
        url: `${appUrl()}/r/${r.slug}`,
        organization: r.organizationName,
        target: r.target,
        status: r.status,
        filedOn: r.filedOn,
        dueOn: r.dueOn,
        publishedAt: r.publishedAt,
      })),
      page: result.page,
      pageSize: result.pageSize,
      total: result.total,
      pageCount: result.pageCount,
    },
    { headers: { "Access-Control-Allow-Origin": "*" } },
  );
}
