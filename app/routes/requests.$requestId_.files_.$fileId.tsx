import type { HeadersFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FIELD_STATES } from "../../db/schema/field-values";
import { describeCommunication, downloadUrl } from "~/components/request-files";
import { FieldStateBadge } from "~/components/request-fields";
import { FIELD_STATE_LABELS, FILE_KIND_LABELS, formatBytes } from "~/domain/field-states";
import { getRequestFields } from "~/domain/fields.server";
import { getRequestFile, listAttachableCommunications } from "~/domain/files.server";
import { PERSONAL_DATA_LABELS } from "~/domain/personal-data";
import { previewFile, privacyWarnings, proposeStates, tablesOf, type FilePreview } from "~/domain/previews.server";
import { getRequest } from "~/domain/requests.server";
import { can } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { contentSecurityPolicy } from "~/utils/http-guards.server";
import { formatInstant } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useTimeZone } from "~/utils/use-root";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.file.originalName} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const stored = await getRequestFile(viewer, found.id, params.fileId ?? "");
  if (!stored) throw notFound("file");
  const [fields, communications, preview] = await Promise.all([
    getRequestFields(viewer, found.id),
    listAttachableCommunications(viewer, found.id),
    previewFile(stored),
  ]);
  const tables = tablesOf(preview);
  const { path: _path, ...file } = stored;
  // A PDF is shown in a sandboxed frame to those who may take the file; only this page's policy allows a frame.
  const framed = file.kind === "pdf" && can(viewer, "export") && preview.type === "pdf" && !preview.pdf.problem;
  const headers: Record<string, string> = {};
  if (framed && context.cspNonce) headers["Content-Security-Policy"] = contentSecurityPolicy(context.cspNonce, { frames: "self" });
  return json({
    request: { id: found.id, number: found.number, title: found.title },
    file,
    communication: communications.find((c) => c.id === file.communicationId) ?? null,
    preview,
    tabular: tables.length > 0,
    fields: fields?.fields ?? [],
    proposals: fields && tables.length ? proposeStates(tables, fields.fields) : [],
    warnings: privacyWarnings(preview, tables, fields?.ask.deidentify ?? false),
    framed,
  }, { headers });
}

/** The page's own policy (set by its loader) replaces the default one for PDF previews. */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const policy = loaderHeaders.get("Content-Security-Policy");
  const own = new Headers();
  if (policy) own.set("Content-Security-Policy", policy);
  return own;
};

type Data = SerializeFrom<typeof loader>;

function DataTable({ headers, rows, caption }: { headers: string[]; rows: string[][]; caption: string }) {
  return (
    <div className="table-wrap preview-table">
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {headers.map((h, c) => (
                <td key={c} data-label={h}>
                  {row[c] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const count = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

export const inlineUrl = (requestId: string, fileId: string) => `/requests/${requestId}/files/${fileId}/inline`;

function Preview({ preview, frame }: { preview: SerializeFrom<FilePreview>; frame: { src: string; title: string; download: string | null } | null }) {
  switch (preview.type) {
    case "table": {
      const t = preview.table;
      return (
        <>
          <p className="muted small">
            {count(t.totalRows, "row")}
            {t.counted === "line_breaks" ? " (counted by line breaks)" : ""} · {t.delimiterLabel}-separated · {t.hasHeader ? "first row is the header" : "no header row"} ·{" "}
            {t.encoding === "utf-8" ? "UTF-8" : "Windows-1252"}
          </p>
          {t.warnings.map((w) => (
            <p key={w} className="notice notice--warning">
              {w}
            </p>
          ))}
          <DataTable headers={t.headers} rows={t.rows} caption={`First ${Math.min(t.rows.length, t.totalRows)} of ${count(t.totalRows, "row")}`} />
        </>
      );
    }
    case "workbook":
      return (
        <>
          {preview.workbook.sheets.map((s) => (
            <section key={s.name} className="sheet" aria-label={`Sheet ${s.name}`}>
              <h3>
                {s.name}{" "}
                {s.state !== "visible" ? <span className="badge badge--danger">{s.state === "veryHidden" ? "Very hidden sheet" : "Hidden sheet"}</span> : null}{" "}
                <span className="muted small">{s.isChart ? "chart" : s.hasHeader ? `${count(Math.max(0, s.rowCount - 1), "row")} below the header` : count(s.rowCount, "row")}</span>
              </h3>
              {s.rows.length || s.headers.length ? (
                <DataTable headers={s.headers} rows={s.rows} caption={`First ${count(s.rows.length, "row")} of sheet ${s.name}`} />
              ) : (
                <p className="muted">Empty sheet.</p>
              )}
            </section>
          ))}
        </>
      );
    case "pdf":
      return preview.pdf.problem ? (
        <p>{preview.pdf.problem}</p>
      ) : (
        <>
          <p>
            A PDF of <strong>{count(preview.pdf.pageCount ?? 0, "page")}</strong>
            {preview.pdf.title ? <>, titled “{preview.pdf.title}”</> : null}
            {preview.pdf.encrypted ? " (encrypted)" : ""}.
            {frame ? (
              <>
                {" "}
                It is shown below in a sandboxed frame (no scripts, forms or links run); if your browser shows nothing there,{" "}
                {frame.download ? <a href={frame.download}>download it</a> : "download it"} to read it.
              </>
            ) : null}
          </p>
          {frame ? (
            // No fallback content inside: browsers parse an iframe's children as text, which would not hydrate.
            <iframe src={frame.src} sandbox="" title={frame.title} className="pdf-frame" referrerPolicy="no-referrer" />
          ) : null}
        </>
      );
    case "json":
      return (
        <>
          <p className="muted small">{preview.json.summary}</p>
          {preview.json.table ? (
            <DataTable headers={preview.json.table.headers} rows={preview.json.table.rows} caption={`First ${preview.json.table.rows.length} of ${count(preview.json.table.totalRows, "record")}`} />
          ) : (
            <pre className="excerpt">{preview.json.excerpt}</pre>
          )}
        </>
      );
    case "text":
      return (
        <>
          <pre className="excerpt">{preview.excerpt}</pre>
          {preview.truncated ? <p className="muted small">Only the start of the file is shown.</p> : null}
        </>
      );
    case "none":
      return <p className="muted">{preview.message}</p>;
  }
}

function Warnings({ warnings }: { warnings: Data["warnings"] }) {
  const { hiddenSheets, hiddenRows, personalData } = warnings;
  if (!hiddenSheets.length && !hiddenRows.length && !personalData.length) return null;
  return (
    <section className="card card--warning" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy warning</h2>
      <ul>
        {hiddenSheets.map((s) => (
          <li key={s.name}>
            Sheet “{s.name}” is {s.state === "veryHidden" ? "very hidden (Excel's menus can't show it)" : "hidden"} and holds {count(s.rowCount, "row")}.
          </li>
        ))}
        {hiddenRows.map((h) => (
          <li key={h.sheet}>
            Sheet “{h.sheet}” has {h.count ? `${count(h.count, "hidden row")}${h.rows.length ? ` (${h.rows.slice(0, 10).join(", ")}${h.count > 10 ? ", …" : ""})` : ""}` : ""}
            {h.count && h.columns.length ? " and " : ""}
            {h.columns.length ? `hidden columns ${h.columns.join(", ")}` : ""}.
          </li>
        ))}
        {personalData.map((p) => (
          <li key={`${p.source}:${p.header}`}>
            Column “{p.header}”{p.source ? ` in sheet “${p.source}”` : ""}: {PERSONAL_DATA_LABELS[p.kind].toLowerCase()}, though de-identified data was asked for.
          </li>
        ))}
      </ul>
      <p className="small">Check before sharing this file. It is stored as received; JointAsk doesn't change it.</p>
    </section>
  );
}

function ConfirmFields({ data }: { data: Data }) {
  const { proposals, fields, request, file } = data;
  if (!data.tabular) return null;
  if (fields.length === 0) {
    return (
      <section className="card" aria-labelledby="match-heading">
        <h2 id="match-heading">Fields in this file</h2>
        <p>
          This request doesn't list the fields asked yet. <Link to={`/requests/${request.id}#fields`}>Choose them on the request page</Link>, then come back to match
          this file's columns.
        </p>
      </section>
    );
  }
  const found = proposals.filter((p) => p.match).length;
  return (
    <section className="card" aria-labelledby="match-heading">
      <h2 id="match-heading">Fields in this file</h2>
      <p>
        {found} of {fields.length} fields asked were found among this file's columns. Check what is proposed and confirm; each change goes on the timeline.
      </p>
      <Form method="post" action={`/requests/${request.id}/fields`} className="form">
        <input type="hidden" name="intent" value="update-states" />
        <input type="hidden" name="fileId" value={file.id} />
        <input type="hidden" name="redirectTo" value={`/requests/${request.id}`} />
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Proposed states of the fields asked</caption>
            <thead>
              <tr>
                <th scope="col">Field asked</th>
                <th scope="col">Column in this file</th>
                <th scope="col">Now</th>
                <th scope="col">Record as</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p, i) => {
                const field = fields.find((f) => f.id === p.fieldId)!;
                return (
                  <tr key={p.fieldId}>
                    <td>
                      <span className="row-title">{field.label}</span>
                      <div className="muted small">{field.recordTypeName}</div>
                      <input type="hidden" name={`fields[${i}].id`} value={p.fieldId} />
                      {field.stateNote ? <input type="hidden" name={`fields[${i}].note`} value={field.stateNote} /> : null}
                    </td>
                    <td data-label="Column">
                      {p.match ? (
                        <>
                          “{p.match.header}”{p.match.source ? <span className="muted small"> in {p.match.source}</span> : null}
                          {p.match.how === "similar" ? <div className="muted small">similar name</div> : null}
                        </>
                      ) : (
                        <span className="muted">Not found</span>
                      )}
                    </td>
                    <td data-label="Now">
                      <FieldStateBadge state={p.current} />
                    </td>
                    <td data-label="Record as">
                      <select name={`fields[${i}].state`} defaultValue={p.proposed} aria-label={`Record ${field.label} as`}>
                        {FIELD_STATES.map((s) => (
                          <option key={s} value={s}>
                            {FIELD_STATE_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Confirm fields received
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function FilePreviewPage() {
  const data = useLoaderData<typeof loader>();
  const { request, file, communication, preview } = data;
  const timeZone = useTimeZone();
  const canDownload = useCan("export");
  const canEdit = useCan("request.edit");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/requests">Requests</Link> / <Link to={`/requests/${request.id}`}>#{request.number} {request.title}</Link> /{" "}
        <Link to={`/requests/${request.id}/files`}>Files</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1 className="file-name">{file.originalName}</h1>
          <p className="page-header__meta">
            {FILE_KIND_LABELS[file.kind]} · {formatBytes(file.sizeBytes)} · received {formatInstant(file.createdAt, timeZone)}
            {file.uploadedByName ? ` by ${file.uploadedByName}` : ""}
          </p>
        </div>
        {canDownload ? (
          <a href={downloadUrl(request.id, file.id)} className="button" download>
            Download
          </a>
        ) : null}
      </div>
      <Warnings warnings={data.warnings} />
      {canEdit ? <ConfirmFields data={data} /> : null}
      <section className="card" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <Preview
          preview={preview}
          frame={
            data.framed
              ? { src: inlineUrl(request.id, file.id), title: `${file.originalName} (PDF)`, download: canDownload ? downloadUrl(request.id, file.id) : null }
              : null
          }
        />
      </section>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="summary-list">
          <dt>Type</dt>
          <dd>
            {file.mediaType} <span className="muted small">(from the content, not the name)</span>
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <code className="hash">{file.sha256}</code>
          </dd>
          <dt>Came with</dt>
          <dd>
            {communication ? (
              <>
                {describeCommunication(communication)}
                <div className="prose small">{communication.summary}</div>
              </>
            ) : (
              <span className="muted">No logged communication</span>
            )}
          </dd>
        </dl>
      </section>
    </>
  );
}
