import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { suggestMembers } from "~/domain/members.server";
import { requireViewer } from "~/utils/auth.server";

const querySchema = z.object({ q: z.string().trim().min(1, "Type at least 1 character").max(200, "At most 200 characters") });

/**
 * The member search boxes (the requests list's assignee filter, "Assign to"): JSON suggestions, at most eight of
 * the organization's active members. The boxes work as plain text fields without them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return json({ error: `q: ${parsed.error.issues[0]!.message}`, hits: [] }, { status: 400 });
  const hits = await suggestMembers(viewer, parsed.data.q);
  return json({ hits }, { headers: { "Cache-Control": "private, max-age=30" } });
}
