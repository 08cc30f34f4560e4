import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { searchDirectory } from "~/domain/directory.server";
import { requireViewer } from "~/utils/auth.server";
import { directoryQuery } from "~/domain/directory-input";

/** The combobox's answers: JSON, the viewer's own linked agencies marked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = directoryQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return json({ error: `${issue.path.join(".")}: ${issue.message}`, hits: [], total: 0 }, { status: 400 });
  }
  const { q, state, limit, offset } = parsed.data;
  const started = performance.now();
  const result = await searchDirectory(viewer.organizationId, { q, state, limit, offset });
  return json(
    { hits: result.hits, total: result.total },
    { headers: { "Cache-Control": "private, max-age=60", "Server-Timing": `search;dur=${(performance.now() - started).toFixed(1)}` } },
  );
}
