import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { mergedEditInput } from "~/domain/api-edit";
import { can } from "~/domain/permissions";
import { getSystem, SYSTEM_EDIT_FIELDS, systemEditVersion, updateSystem } from "~/domain/systems.server";
import { systemFormSchema } from "~/domain/vendor-input";
import { readJsonObject } from "~/utils/api-input.server";
import { requireApiViewer } from "~/utils/auth.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

async function systemJson(viewer: Parameters<typeof getSystem>[0], id: string) {
  const row = await getSystem(viewer, id);
  return row ? { ...row, documents: row.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })), version: systemEditVersion(row) } : null;
}

/** GET /api/v1/systems/:id: one of your organization's agency systems (what an agency runs, with evidence), with `version`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireApiViewer(request);
  const data = await systemJson(viewer, params.systemId ?? "");
  if (!data) return apiError(404, "No such system.");
  return json({ data });
}

/**
 * PATCH /api/v1/systems/:id: edit a system as its edit form does (documents are uploaded on the page): the
 * fields you change (null clears one, e.g. `productId: null` with a `hostAgencyId`) and `version`; 409 when stale.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireApiViewer(request);
  if (request.method !== "PATCH") return apiError(405, "Use PATCH to edit a system.");
  if (!can(viewer, "vendor.manage")) return apiError(403, "Your role can't edit systems.");
  const read = await readJsonObject(request);
  if ("error" in read) return read.error;
  const row = await getSystem(viewer, params.systemId ?? "");
  if (!row) return apiError(404, "No such system.");
  const merged = mergedEditInput(row, read.body, SYSTEM_EDIT_FIELDS, "a system");
  if ("fieldErrors" in merged) return apiError(400, "Invalid system", merged.fieldErrors);
  const parsed = systemFormSchema.safeParse(merged.input);
  if (!parsed.success) return apiError(400, "Invalid system", fieldErrorsOf(parsed.error.issues));
  const result = await updateSystem(viewer, row.id, parsed.data, null);
  if (!result) return apiError(404, "No such system.");
  if (!result.ok && result.conflict) return json({ error: "Someone changed this system since your copy.", conflict: result.conflict }, { status: 409 });
  if (!result.ok) return apiError(400, "Invalid system", result.fieldErrors);
  return json({ message: "System saved.", data: await systemJson(viewer, row.id) });
}
