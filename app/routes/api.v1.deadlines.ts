import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { publicDeadlineSchema } from "~/domain/deadline-input";
import { publicDeadline } from "~/domain/deadlines.server";
import { db } from "~/utils/db.server";
import { apiError, fieldErrorsOf } from "~/utils/responses.server";

/** GET /api/v1/deadlines?jurisdiction=PA&received=2026-12-21: public, no sign-in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = publicDeadlineSchema.safeParse(params);
  if (!parsed.success) return apiError(400, "Invalid query: give jurisdiction (e.g. PA, DC, US) and received (YYYY-MM-DD)", fieldErrorsOf(parsed.error.issues));
  const result = await publicDeadline(db, parsed.data.jurisdiction, parsed.data.received);
  if (!result) {
    return apiError(400, `Unknown jurisdiction ${parsed.data.jurisdiction}: use a two-letter state code, DC or US`, {
      jurisdiction: ["Unknown jurisdiction"],
    });
  }
  return json(result, { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } });
}
