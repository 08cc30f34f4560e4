import type { LoaderFunctionArgs } from "@remix-run/node";
import { storedFileResponse } from "~/domain/files/download.server";
import { getPublicRequestFile } from "~/domain/public-requests.server";
import { notFound } from "~/utils/responses.server";

/**
 * GET /r/:slug/files/:fileId: a public file of a published request, no sign-in. Anything else (unknown, not
 * public, embargoed, internal, missing from storage) is the same plain 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await getPublicRequestFile(params.slug ?? "", params.fileId ?? "");
  const response = file ? await storedFileResponse(file) : null;
  if (!response) throw notFound();
  return response;
}
