import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getRequestFile } from "~/domain/files.server";
import { getFileProfile } from "~/domain/profiles/profiles.server";
import { getRequest } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

/** The profile job's status and progress only: what the file page polls while the profile runs (cheap, no preview). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const file = await getRequestFile(viewer, found.id, params.fileId ?? "");
  if (!file) throw notFound("file");
  const profile = await getFileProfile(file.id);
  return json({ status: profile?.status ?? null, progress: profile?.progress ?? 0 }, { headers: { "Cache-Control": "no-store" } });
}
