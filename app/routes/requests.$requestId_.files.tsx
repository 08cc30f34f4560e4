import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState } from "~/components/empty-state";
import { requestReference } from "~/domain/request-reference";
import { requirePermission } from "~/domain/permissions";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { fileUrl, FilesTable, UploadForm } from "~/components/request-files";
import { loadFieldsAndFiles } from "~/domain/fields-page.server";
import { acceptUpload } from "~/domain/files.server";
import { getRequest } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useTimeZone } from "~/utils/use-root";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Files · #${data.request.number} ${data.request.title} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const data = await loadFieldsAndFiles(viewer, found.id);
  if (!data) throw notFound("request");
  return json({ request: { id: found.id, number: found.number, organizationCode: found.organizationCode, title: found.title }, files: data.files, communications: data.communications, maxBytes: env.UPLOAD_MAX_BYTES });
}

/** Receives one file (multipart field `file`), then shows its preview; refusals are shown on this page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const id = params.requestId ?? "";
  const outcome = await acceptUpload(viewer, id, request);
  if (!outcome) throw notFound("request");
  if (!outcome.ok) {
    // The rest of a refused body may still be on its way: close the connection rather than read it.
    return json({ errors: { [outcome.field]: [outcome.message] } }, { status: outcome.status, headers: { Connection: "close" } });
  }
  const { file, duplicate } = outcome;
  return redirectWithFlash(
    fileUrl(id, file.id),
    {
      kind: "success",
      message: duplicate
        ? `"${file.originalName}" is already on this request (same SHA-256), so it was not stored again.`
        : `Received "${file.originalName}". Check the fields it holds below.`,
    },
    // A PDF's preview page frames it under its own policy, which only a full page load applies.
    file.kind === "pdf" ? { headers: { "X-Remix-Reload-Document": "true" } } : {},
  );
}

export default function RequestFilesPage() {
  const { request, files, communications, maxBytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const timeZone = useTimeZone();
  const canDownload = useCan("export");
  const canUpload = useCan("request.edit");
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/requests">Requests</Link> / <Link to={`/requests/${request.id}`}>{requestReference(request)}</Link> /
          </>
        }
        title={
          <>
            <span className="muted">{requestReference(request)}</span> {request.title}: files
          </>
        }
        actions={
          <Link to={`/requests/${request.id}`} className="button button--secondary">
            Back to the request
          </Link>
        }
      />
      {canUpload ? (
        <Card aria-labelledby="upload-heading">
          <h2 id="upload-heading">Upload a file</h2>
          <UploadForm requestId={request.id} communications={communications} errors={result?.errors} maxBytes={maxBytes} />
        </Card>
      ) : null}
      <Card aria-labelledby="files-heading">
        <h2 id="files-heading">Files received</h2>
        {files.length ? (
          <>
            <FilesTable requestId={request.id} files={files} communications={communications} timeZone={timeZone} />
            {canDownload ? (
              <p>
                <a href={`/requests/${request.id}/files.zip`} download>
                  Download all {files.length} files as a zip
                </a>
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState inCard title="No files received yet">
            The records the agency sends go here, each with what it holds and how it answers the fields asked.{" "}
            {canUpload ? "Upload one above when it arrives, or forward the agency's email to the inbox." : "They appear here once your organization uploads them."}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
