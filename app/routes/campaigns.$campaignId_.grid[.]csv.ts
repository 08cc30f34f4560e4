import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/domain/audit.server";
import { gridCsv } from "~/domain/campaigns.server";
import { requirePermission } from "~/domain/permissions";
import { dataReceivedByRequest } from "~/domain/profiles/campaign-data.server";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { notFound } from "~/utils/responses.server";

/** GET /campaigns/:id/grid.csv: the city-by-field grid (each field's state in words, the period delivered, totals). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "export");
  const campaignId = params.campaignId ?? "";
  const received = await dataReceivedByRequest(viewer, campaignId);
  const exported = await gridCsv(viewer, campaignId, new Map(received.map((r) => [r.requestId, r.periodCovered])));
  if (!exported) throw notFound("joint ask");
  await recordExport(db, viewer, { type: "campaign", id: exported.id }, { what: "joint ask grid CSV", name: exported.title, rows: exported.rows }, clientAddressOf(context));
  const slug = exported.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "joint-ask";
  return new Response(exported.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-grid-${todayIn(viewer.timeZone)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
