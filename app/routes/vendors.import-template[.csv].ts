import type { LoaderFunctionArgs } from "@remix-run/node";
import { IMPORT_TEMPLATE } from "~/domain/import-columns";
import { requireViewer } from "~/utils/auth.server";

/** GET /vendors/import-template.csv: the import columns with example rows. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return new Response(`${IMPORT_TEMPLATE}\r\n`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="jointask-systems-template.csv"' },
  });
}
