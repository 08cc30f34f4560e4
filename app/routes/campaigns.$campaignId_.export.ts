import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordExport } from "~/domain/audit.server";
import { campaignCsv } from "~/domain/campaigns.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { notFound } from "~/utils/responses.server";

/** GET /campaigns/:id/export: the joint ask's requests as CSV (status, due date, tracking number, assignee). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "export");
  const today = todayIn(viewer.timeZone);
  const exported = await campaignCsv(viewer, params.campaignId ?? "", today);
  if (!exported) throw notFound("joint ask");
  await recordExport(db, viewer, { type: "campaign", id: exported.id }, { what: "joint ask CSV", name: exported.title, rows: exported.rows }, clientAddressOf(context));
  const slug = exported.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "joint-ask";
  return new Response(exported.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-${today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
