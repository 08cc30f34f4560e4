import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/domain/audit.server";
import { filterQuery } from "~/domain/bulk-input";
import { requirePermission } from "~/domain/permissions";
import { requestsCsvStream } from "~/domain/request-export.server";
import { parseRequestFilters } from "~/domain/request-input";
import { appUrl } from "~/utils/app-url.server";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";

/**
 * GET /requests/export.csv?<the list's filters>: every request the list shows for those filters, as CSV,
 * streamed (see request-export.server.ts). Bad filters are a 400 naming them; the page, if any, is ignored.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "export");
  const query = filterQuery(new URL(request.url).searchParams);
  const parsed = parseRequestFilters(new URLSearchParams(query));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("\n");
    return new Response(problems, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  await recordExport(db, viewer, { type: "request_list", id: viewer.organizationId }, { what: "requests list CSV", name: query || "all requests" }, clientAddressOf(context));
  const body = requestsCsvStream(viewer, parsed.data, { baseUrl: appUrl() });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="requests-${todayIn(viewer.timeZone)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
