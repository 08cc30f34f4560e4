import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { suggestOwnAgencies } from "~/domain/place-choice.server";
import { requireViewer } from "~/utils/auth.server";

const querySchema = z.object({ q: z.string().trim().min(2, "Type at least 2 characters").max(200, "At most 200 characters") });

/**
 * The forms' agency search boxes (a request's agency, a system's hosting agency): JSON suggestions, at most eight
 * of the organization's own agencies. The boxes work as plain text fields without them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return json({ error: `q: ${parsed.error.issues[0]!.message}`, hits: [] }, { status: 400 });
  const hits = await suggestOwnAgencies(viewer, parsed.data.q);
  return json({ hits }, { headers: { "Cache-Control": "private, max-age=30" } });
}
