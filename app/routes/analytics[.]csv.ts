import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAnalyticsFilters, toCsv } from "~/domain/analytics";
import { analytics } from "~/domain/analytics.server";
import { analyticsTables, TABLE_NAMES, type TableName } from "~/domain/analytics-tables";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";

/**
 * GET /analytics.csv?table=agencies&<filters>: one table of the analytics page, the same numbers as the page
 * shows for the same filters (built by analyticsTables), every cell formula-safe (csv.ts). Aggregates only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const params = new URL(request.url).searchParams;
  const table = params.get("table") ?? "";
  if (!(TABLE_NAMES as readonly string[]).includes(table)) {
    return new Response(`table must be one of: ${TABLE_NAMES.join(", ")}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const parsed = parseAnalyticsFilters(params);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    return new Response(problems, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const result = await analytics(viewer, parsed.data);
  const { header, rows } = analyticsTables(result)[table as TableName];
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="analytics-${table}-${todayIn(viewer.timeZone)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
