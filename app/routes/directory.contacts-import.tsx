import { Card } from "~/components/ui/card";
import { formatNumber } from "~/components/ui/number-text";
import { ImportProblems } from "~/components/import-problems";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/fields";
import { CONTACT_COLUMNS, MAX_CONTACT_ROWS, type RowProblem } from "~/domain/contacts-import";
import { previewContactsImport, runContactsImport, type ContactPlanRow } from "~/domain/contacts-import.server";
import { MAX_IMPORT_BYTES } from "~/domain/import-columns";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, uploadedFile } from "~/utils/uploads.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Import records contacts · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  return null;
}

type Plan = { preview: ContactPlanRow[]; errors: RowProblem[]; counts: { rows: number; created: number; updated: number } };
type ActionData = { plan: Plan | null; csv: string | null; errors: string[] };

function refuse(message: string, status = 400) {
  return json<ActionData>({ plan: null, csv: null, errors: [message] }, { status });
}

async function csvText(formData: FormData): Promise<string | { problem: string }> {
  const file = await uploadedFile(formData, "file");
  if (file) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      return { problem: "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again." };
    }
  }
  const pasted = formData.get("csv");
  return typeof pasted === "string" && pasted.trim() ? pasted : { problem: "Choose a CSV file, or paste its contents." };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  const formData = await readForm(request, MAX_IMPORT_BYTES, { textAsLargeAsFile: true });
  if (!formData) return refuse("The file is larger than 5 MB; split it into smaller files.", 413);
  const text = await csvText(formData);
  if (typeof text !== "string") return refuse(text.problem);
  if (formData.get("intent") === "import") {
    const result = await runContactsImport(viewer, text);
    if (!result.ok) {
      return json<ActionData>({ plan: { ...result.plan, preview: [] }, csv: text, errors: Object.values(result.fieldErrors).flat() }, { status: 400 });
    }
    const c = result.plan.counts;
    return redirectWithFlash("/agencies", {
      kind: "success",
      message: `Records contacts imported: ${c.updated} agencies updated, ${c.created} added from the directory.`,
    });
  }
  const plan = await previewContactsImport(viewer, text);
  return json<ActionData>({ plan: { preview: plan.preview, errors: plan.errors, counts: plan.counts }, csv: text, errors: [] }, { status: plan.errors.length ? 400 : 200 });
}

export default function ImportContacts() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const plan = data?.plan;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/agencies">Agencies</Link> / <Link to="/directory">Directory</Link> /
          </>
        }
        title="Import records contacts by ORI"
        meta={
          <>
            Every row is checked before anything is written; with any problem, nothing is imported. Up to {formatNumber(MAX_CONTACT_ROWS)} rows and 5 MB.
          </>
        }
      />
      {plan && data?.csv !== null ? (
        <Card aria-labelledby="preview-heading">
          <h2 id="preview-heading">{plan.errors.length ? "Problems to fix" : "Preview"}</h2>
          {plan.errors.length ? (
            <ImportProblems errors={plan.errors} />
          ) : (
            <>
              <p>
                {plan.counts.rows} rows: {plan.counts.updated} of your agencies updated, {plan.counts.created} added to your agencies from the directory.
              </p>
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="csv" value={data?.csv ?? ""} />
                <button type="submit" name="intent" value="import" className="button" disabled={navigation.state === "submitting"}>
                  Import {plan.counts.rows} contacts
                </button>
              </Form>
              <DataTable captionClassName="table-caption" caption={plan.preview.length < plan.counts.rows ? `The first ${plan.preview.length} rows` : "Every row"} columns={["Line", "Agency", "Contact", "Result"]}>
                {plan.preview.map((r) => (
                  <tr key={r.line}>
                    <td data-label="Line">{r.line}</td>
                    <td data-label="Agency">
                      {r.agency}
                      <div className="muted small">
                        {r.state} · {r.ori}
                      </div>
                    </td>
                    <td data-label="Contact">{[r.recordsContactName, r.recordsContactEmail, r.portalUrl].filter(Boolean).join(" · ") || <span className="muted">—</span>}</td>
                    <td data-label="Result">{r.result === "new" ? "Added from the directory" : "Updated"}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </Card>
      ) : null}
      <Card aria-labelledby="upload-heading">
        <h2 id="upload-heading">{plan ? "Upload another file" : "Upload"}</h2>
        <Form method="post" encType="multipart/form-data" className="form">
          <FormErrors errors={data?.errors.length ? data.errors : undefined} />
          <div className="field">
            <label htmlFor="contacts-file">CSV file</label>
            <input id="contacts-file" type="file" name="file" accept=".csv,text/csv" />
          </div>
          <TextAreaField id="contacts-paste" name="csv" label="Or paste the CSV" rows={5} className="field--mono" />
          <ButtonGroup>
            <button type="submit" name="intent" value="preview" className="button" disabled={navigation.state === "submitting"}>
              Check the file
            </button>
          </ButtonGroup>
        </Form>
      </Card>
      <Card aria-labelledby="columns-heading">
        <h2 id="columns-heading">Columns</h2>
        <p>
          <code>{CONTACT_COLUMNS.join(", ")}</code>. <code>ori</code> is required: the agency's FBI ORI code, as in the national directory. An empty cell leaves that
          value as it is. An ORI your organization has no agency for yet is added to your agencies from the directory.
        </p>
      </Card>
    </>
  );
}
