import { Card } from "~/components/ui/card";
import { DataTable } from "~/components/ui/data-table";
import { Badge } from "~/components/ui/badge";
import { formatNumber } from "~/components/ui/number-text";
import { parseWithZod } from "@conform-to/zod/v4";
import { requestReference } from "~/domain/request-reference";
import { DateText } from "~/components/date-text";
import { PageHeader } from "~/components/ui/page-header";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { AskCheckCard, ConfirmReceived, InstallmentForm, ProfileCard, ProfileStatus } from "~/components/file-profile";
import { describeCommunication, downloadUrl } from "~/components/request-files";
import { FILE_KIND_LABELS, formatBytes } from "~/domain/field-states";
import { installmentSchema, updateStatesSchema } from "~/domain/fields-input";
import { describeStateChange, updateFieldStates } from "~/domain/fields.server";
import { getRequestFile, listAttachableCommunications } from "~/domain/files.server";
import { PERSONAL_DATA_LABELS } from "~/domain/personal-data";
import { previewStoredFile, privacyWarnings, tablesOf, type FilePreview } from "~/domain/previews.server";
import { loadFileCheck, setInstallment } from "~/domain/profiles/profiles.server";
import { getRequest } from "~/domain/requests.server";
import { can, requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { contentSecurityPolicy } from "~/utils/http-guards.server";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.file.originalName} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const stored = await getRequestFile(viewer, found.id, params.fileId ?? "");
  if (!stored) throw notFound("file");
  const [communications, preview] = await Promise.all([listAttachableCommunications(viewer, found.id), previewStoredFile(stored)]);
  const checked = await loadFileCheck(viewer, found.id, stored, preview);
  if (!checked) throw notFound("request");
  const tables = tablesOf(preview);
  // Every value's count stays on the server: the page shows the top ones.
  const profile = checked.profile?.result
    ? { ...checked.profile, result: { ...checked.profile.result, tables: checked.profile.result.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, valueCounts: null, months: null })) })) } }
    : checked.profile;
  const { storageName: _storageName, ...file } = stored;
  // A PDF is shown in a sandboxed frame to those who may take the file; only this page's policy allows a frame.
  const framed = file.kind === "pdf" && can(viewer, "export") && preview.type === "pdf" && !preview.pdf.problem;
  const headers: Record<string, string> = {};
  if (framed && context.cspNonce) headers["Content-Security-Policy"] = contentSecurityPolicy(context.cspNonce, { frames: "self" });
  return json({
    request: { id: found.id, number: found.number, organizationCode: found.organizationCode, title: found.title },
    file,
    communication: communications.find((c) => c.id === file.communicationId) ?? null,
    preview,
    tabular: tables.length > 0 || checked.profile !== null,
    checked: { ...checked, profile },
    // Once the profile is checked, personal data is judged from the values too (in the check); before, from headers.
    warnings: privacyWarnings(preview, tables, checked.ask.deidentify && !checked.check),
    framed,
  }, { headers });
}

const intentSchema = z.object({ intent: z.enum(["update-states", "set-installment"], { error: "Unknown action" }) });

/** Confirms what came back from this file (one timeline entry), or marks it as an installment. Errors show on this page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const requestId = params.requestId ?? "";
  const fileId = params.fileId ?? "";
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  const here = `/requests/${requestId}/files/${fileId}`;
  if (intent.data.intent === "update-states") {
    const submission = parseWithZod(formData, { schema: updateStatesSchema });
    if (submission.status !== "success") return json({ intent: "update-states" as const, result: submission.reply() }, { status: 400 });
    const result = await updateFieldStates(viewer, requestId, { ...submission.value, fileId });
    if (!result) throw notFound("request");
    if (!result.ok) return json({ intent: "update-states" as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return redirectWithFlash(here, { kind: "success", message: describeStateChange(result.value.changed) });
  }
  const submission = parseWithZod(formData, { schema: installmentSchema });
  if (submission.status !== "success") return json({ intent: "set-installment" as const, result: submission.reply() }, { status: 400 });
  const result = await setInstallment(viewer, requestId, fileId, submission.value);
  if (!result) throw notFound("file");
  if (!result.ok) return json({ intent: "set-installment" as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirectWithFlash(here, { kind: "success", message: result.value.changed ? "Installment saved." : "Nothing changed." });
}

/** The page's own policy (set by its loader) replaces the default one for PDF previews. */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const policy = loaderHeaders.get("Content-Security-Policy");
  const own = new Headers();
  if (policy) own.set("Content-Security-Policy", policy);
  return own;
};

type Data = SerializeFrom<typeof loader>;

/** The first rows of a table in the file, scrolling both ways inside its frame (a focusable region). */
function PreviewTable({ headers, rows, caption }: { headers: string[]; rows: string[][]; caption: string }) {
  return (
    <DataTable caption={caption} columns={headers} wrapClassName="preview-table" scrollLabel={caption}>
      {rows.map((row, r) => (
        <tr key={r}>
          {headers.map((h, c) => (
            <td key={c} data-label={h}>
              {row[c] ?? ""}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

const count = (n: number, noun: string) => `${formatNumber(n)} ${noun}${n === 1 ? "" : "s"}`;

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
          <PreviewTable headers={t.headers} rows={t.rows} caption={`First ${Math.min(t.rows.length, t.totalRows)} of ${count(t.totalRows, "row")}`} />
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
                {s.state !== "visible" ? <Badge tone="danger">{s.state === "veryHidden" ? "Very hidden sheet" : "Hidden sheet"}</Badge> : null}{" "}
                <span className="muted small">{s.isChart ? "chart" : s.hasHeader ? `${count(Math.max(0, s.rowCount - 1), "row")} below the header` : count(s.rowCount, "row")}</span>
              </h3>
              {s.rows.length || s.headers.length ? (
                <PreviewTable headers={s.headers} rows={s.rows} caption={`First ${count(s.rows.length, "row")} of sheet ${s.name}`} />
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
            <PreviewTable headers={preview.json.table.headers} rows={preview.json.table.rows} caption={`First ${preview.json.table.rows.length} of ${count(preview.json.table.totalRows, "record")}`} />
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

export default function FilePreviewPage() {
  const data = useLoaderData<typeof loader>();
  const { request, file, communication, preview } = data;
  const timeZone = useTimeZone();
  const canDownload = useCan("export");
  const canEdit = useCan("request.edit");
  const last = useActionData<typeof action>();
  const location = useLocation();
  const { checked } = data;
  const errorsFor = (intent: "update-states" | "set-installment") => (last && last.intent === intent ? (last.result.error ?? undefined) : undefined);
  const confirmErrors = errorsFor("update-states");
  const formError = confirmErrors ? Object.entries(confirmErrors).filter(([k]) => !/\]\.note$/.test(k)).flatMap(([, v]) => (v ?? []) as string[]) : undefined;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/requests">Requests</Link> / <Link to={`/requests/${request.id}`}>{requestReference(request)} {request.title}</Link> /{" "}
            <Link to={`/requests/${request.id}/files`}>Files</Link> /
          </>
        }
        title={file.originalName}
        titleClassName="file-name"
        meta={
          <>
            {FILE_KIND_LABELS[file.kind]} · {formatBytes(file.sizeBytes)} · received <DateText instant={file.createdAt} timeZone={timeZone} />
            {file.uploadedByName ? ` by ${file.uploadedByName}` : ""}
          </>
        }
        actions={
          canDownload ? (
            <a href={downloadUrl(request.id, file.id)} className="button" download>
              Download
            </a>
          ) : null
        }
      />
      <Warnings warnings={data.warnings} />
      <ProfileStatus profile={checked.profile} here={location.pathname} />
      <AskCheckCard check={checked.check} ask={checked.ask} requestId={request.id} />
      {canEdit && data.tabular ? (
        <ConfirmReceived data={checked} requestId={request.id} fileId={file.id} errors={confirmErrors} formError={formError?.length ? formError : undefined} />
      ) : null}
      <ProfileCard profile={checked.profile} />
      <Card aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <Preview
          preview={preview}
          frame={
            data.framed
              ? { src: inlineUrl(request.id, file.id), title: `${file.originalName} (PDF)`, download: canDownload ? downloadUrl(request.id, file.id) : null }
              : null
          }
        />
      </Card>
      {canEdit ? <InstallmentForm installment={checked.installment} errors={errorsFor("set-installment")} /> : null}
      <Card aria-labelledby="details-heading">
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
      </Card>
    </>
  );
}
