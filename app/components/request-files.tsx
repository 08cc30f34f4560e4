import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import type { SerializeFrom } from "@remix-run/node";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { Form, Link, useNavigation } from "@remix-run/react";
import { FieldErrors } from "~/components/fields";
import { FILE_KIND_LABELS, formatBytes } from "~/domain/field-states";
import type { FieldsAndFilesData } from "~/domain/fields-page.server";
import { CHANNEL_LABELS, DIRECTION_LABELS } from "~/domain/timeline";
import { formatDate } from "~/utils/dates";
import { EntryVisibilityToggle } from "./entry-visibility-toggle";
import { useCan } from "~/utils/use-permission";

type Data = SerializeFrom<FieldsAndFilesData>;
export type UploadErrors = { file?: string[]; communicationId?: string[] };

export const fileUrl = (requestId: string, fileId: string) => `/requests/${requestId}/files/${fileId}`;
export const downloadUrl = (requestId: string, fileId: string) => `/requests/${requestId}/files/${fileId}/download`;

export function UploadForm({
  requestId,
  communications,
  errors,
  maxBytes,
}: {
  requestId: string;
  communications: Data["communications"];
  errors?: UploadErrors;
  maxBytes?: number;
}) {
  const navigation = useNavigation();
  const action = `/requests/${requestId}/files`;
  const uploading = navigation.state === "submitting" && navigation.formAction === action;
  return (
    <Form method="post" action={action} encType="multipart/form-data" className="form" aria-busy={uploading}>
      <div className="field">
        <label htmlFor="upload-file">File</label>
        <span id="upload-file-hint" className="field__hint">
          CSV, TSV, Excel, PDF, JSON or any other file the agency sent{maxBytes ? `, up to ${formatBytes(maxBytes)}` : ""}.
        </span>
        <input
          id="upload-file"
          name="file"
          type="file"
          required
          aria-invalid={errors?.file?.length ? true : undefined}
          aria-describedby={errors?.file?.length ? "upload-file-hint upload-file-error" : "upload-file-hint"}
        />
        <FieldErrors id="upload-file-error" errors={errors?.file} />
      </div>
      {communications.length ? (
        <div className="field">
          <label htmlFor="upload-communication">Came with (optional)</label>
          <select
            id="upload-communication"
            name="communicationId"
            defaultValue=""
            aria-invalid={errors?.communicationId?.length ? true : undefined}
            aria-describedby={errors?.communicationId?.length ? "upload-communication-error" : undefined}
          >
            <option value="">No logged communication</option>
            {communications.map((c) => (
              <option key={c.id} value={c.id}>
                {formatDate(c.occurredOn)} · {DIRECTION_LABELS[c.direction]} · {CHANNEL_LABELS[c.channel]} · {c.summary.slice(0, 60)}
              </option>
            ))}
          </select>
          <FieldErrors id="upload-communication-error" errors={errors?.communicationId} />
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? "Uploading…" : "Upload file"}
        </button>
      </div>
    </Form>
  );
}

/** "Received from agency by email, Mon 23 Nov 2026": the logged communication a file came with. */
export function describeCommunication(c: Pick<Data["communications"][number], "direction" | "channel" | "occurredOn">): string {
  return `${DIRECTION_LABELS[c.direction]} by ${CHANNEL_LABELS[c.channel].toLowerCase()}, ${formatDate(c.occurredOn)}`;
}

export function FilesTable({
  requestId,
  files,
  communications,
  timeZone,
  controls,
}: {
  requestId: string;
  files: Data["files"];
  communications: Data["communications"];
  timeZone: string;
  /** Per-file controls for the request's organization (e.g. make a file internal). */
  controls?: (file: Data["files"][number]) => React.ReactNode;
}) {
  const canDownload = useCan("export");
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">Files received</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Received</th>
            {canDownload ? (
              <th scope="col">
                <span className="visually-hidden">Download</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {files.map((f) => {
            const came = f.communicationId ? communications.find((c) => c.id === f.communicationId) : undefined;
            return (
              <tr key={f.id}>
                <td>
                  {/* A PDF's preview page has its own policy allowing its frame: load it as a document, not in place. */}
                  <Link to={fileUrl(requestId, f.id)} reloadDocument={f.kind === "pdf"} className="row-title file-name">
                    {f.originalName}
                  </Link>
                  {f.internal ? (
                    <>
                      {" "}
                      <Badge tone="muted">Internal</Badge>
                    </>
                  ) : null}
                  {controls ? <div>{controls(f)}</div> : null}
                </td>
                <td data-label="Type">{FILE_KIND_LABELS[f.kind]}</td>
                <td data-label="Size" className="num">
                  {formatBytes(f.sizeBytes)}
                </td>
                <td data-label="Received">
                  <DateText instant={f.createdAt} timeZone={timeZone} />
                  {f.uploadedByName ? <div className="muted small">by {f.uploadedByName}</div> : null}
                  {came ? <div className="small">Came with: {describeCommunication(came)}</div> : null}
                </td>
                {canDownload ? (
                  <td>
                    <a href={downloadUrl(requestId, f.id)} download>
                      Download<span className="visually-hidden"> {f.originalName}</span>
                    </a>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The files received for a request and the upload form. */
export function RequestFilesCard({ data, timeZone, errors }: { data: Data; timeZone: string; errors?: UploadErrors }) {
  const canDownload = useCan("export");
  return (
    <Card id="files" aria-labelledby="files-heading">
      <h2 id="files-heading">Files received</h2>
      {data.files.length ? (
        <>
          <FilesTable
            requestId={data.requestId}
            files={data.files}
            communications={data.communications}
            timeZone={timeZone}
            controls={data.canChange ? (f) => <EntryVisibilityToggle requestId={data.requestId} entryType="file" entryId={f.id} internal={f.internal} /> : undefined}
          />
          {canDownload ? (
            <p>
              <a href={`/requests/${data.requestId}/files.zip`} download>
                Download all {data.files.length} files as a zip
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState inCard title="No files received yet">
          The records the agency sends (spreadsheets, PDFs, exports) go here, each checked against the fields asked.{" "}
          {data.canUpload ? "Upload one below when it arrives, or forward the agency's email to the inbox." : "They appear here once your organization uploads them."}
        </EmptyState>
      )}
      {data.canUpload ? (
        <details className="panel" open={Boolean(errors) || data.files.length === 0}>
          <summary>Upload a file</summary>
          <UploadForm requestId={data.requestId} communications={data.communications} errors={errors} />
        </details>
      ) : null}
    </Card>
  );
}
