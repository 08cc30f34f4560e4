import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { formatNumber } from "~/components/ui/number-text";
import { ImportProblems } from "~/components/import-problems";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormErrors, TextAreaField } from "~/components/fields";
import { ATLAS_COLUMNS, IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "~/domain/import-columns";
import { previewImport, runImport, type ImportPlan } from "~/domain/systems-import.server";
import { SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm, uploadedFile } from "~/utils/uploads.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Import agencies and systems · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  return null;
}

type ActionData = { plan: ImportPlan | null; csv: string | null; errors: string[] };

function refuse(message: string, status = 400) {
  return json<ActionData>({ plan: null, csv: null, errors: [message] }, { status });
}

/** The CSV text from the uploaded file, or the pasted text. */
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
  requirePermission(viewer, "vendor.manage");
  const formData = await readForm(request, MAX_IMPORT_BYTES, { textAsLargeAsFile: true });
  if (!formData) return refuse("The file is larger than 5 MB; split it into smaller files.", 413);
  const text = await csvText(formData);
  if (typeof text !== "string") return refuse(text.problem);
  if (formData.get("intent") === "import") {
    const result = await runImport(viewer, text);
    if (!result.ok) return json<ActionData>({ plan: result.plan, csv: text, errors: Object.values(result.fieldErrors).flat() }, { status: 400 });
    const c = result.plan.counts;
    return redirectWithFlash("/vendors", {
      kind: "success",
      message: `Imported ${c.systems} systems: ${c.agencies} new agencies, ${c.places} new places, ${c.vendors} new vendors, ${c.products} new products${c.recorded ? ` (${c.recorded} already recorded)` : ""}.`,
    });
  }
  const plan = await previewImport(viewer, text);
  return json<ActionData>({ plan, csv: text, errors: [] }, { status: plan.errors.length ? 400 : 200 });
}

function Plan({ plan, csv }: { plan: ImportPlan; csv: string }) {
  const navigation = useNavigation();
  const c = plan.counts;
  return (
    <Card aria-labelledby="preview-heading">
      <h2 id="preview-heading">{plan.errors.length ? "Problems to fix" : "Preview"}</h2>
      {plan.format ? (
        <p className="muted small">Read as {plan.format === "atlas" ? "an Atlas of Surveillance export" : "JointAsk columns"}.</p>
      ) : null}
      {plan.errors.length ? (
        <ImportProblems errors={plan.errors} />
      ) : (
        <>
          <p>
            {c.rows} rows: {c.systems} systems to add{c.recorded ? `, ${c.recorded} already recorded` : ""}; {c.agencies} new agencies, {c.places} new cities or counties,{" "}
            {c.vendors} new vendors, {c.products} new products.
          </p>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="csv" value={csv} />
            <button type="submit" name="intent" value="import" className="button" disabled={navigation.state === "submitting" || c.systems === 0}>
              Import {c.systems} systems
            </button>
          </Form>
        </>
      )}
      {plan.warnings.length ? (
        <>
          <h3>Notes</h3>
          <ul className="plain-list small">
            {plan.warnings.map((w, i) => (
              <li key={i}>
                Line {w.line}
                {w.column ? `, ${w.column}` : ""}: {w.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!plan.errors.length && plan.preview.length ? (
        <DataTable captionClassName="table-caption" caption={plan.preview.length < c.rows ? `The first ${plan.preview.length} rows` : "Every row"} columns={["Line", "Agency", "System", "Product or host", "Result"]}>
          {plan.preview.map((r) => (
            <tr key={r.line}>
              <td data-label="Line">{r.line}</td>
              <td data-label="Agency">
                {r.agency} {r.newAgency ? <Badge tone="info">New</Badge> : null}
                <div className="muted small">
                  {r.place}, {r.stateCode}
                </div>
              </td>
              <td data-label="System">{SYSTEM_TYPE_LABELS[r.systemType]}</td>
              <td data-label="Product or host">
                {r.target} {r.newProduct ? <Badge tone="info">New product</Badge> : null}
              </td>
              <td data-label="Result">{r.status === "new" ? "Added" : "Already recorded"}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}

export default function ImportSystems() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/vendors">Vendors</Link> /
          </>
        }
        title="Import agencies and their systems"
        meta={
          <>
            Every row is checked before anything is written; with any problem, nothing is imported. Up to {formatNumber(MAX_IMPORT_ROWS)} rows and 5 MB.
          </>
        }
        actions={
          <a href="/vendors/import-template.csv" className="button button--secondary" download>
            Download a template
          </a>
        }
      />
      {data?.plan && data.csv !== null ? <Plan plan={data.plan} csv={data.csv} /> : null}
      <Card aria-labelledby="upload-heading">
        <h2 id="upload-heading">{data?.plan ? "Upload another file" : "Upload"}</h2>
        <Form method="post" encType="multipart/form-data" className="form">
          <FormErrors errors={data?.errors.length ? data.errors : undefined} />
          <div className="field">
            <label htmlFor="import-file">CSV file</label>
            <input id="import-file" type="file" name="file" accept=".csv,text/csv" />
          </div>
          <TextAreaField id="import-paste" name="csv" label="Or paste the CSV" rows={5} className="field--mono" />
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
          Our columns: <code>{IMPORT_COLUMNS.join(", ")}</code>. Each row is one system of one agency: <code>state</code> (PA or Pennsylvania), <code>place</code> (the
          city or county; empty for a state agency), <code>agency</code>, <code>system_type</code> (RMS, CAD, body cameras…), then either <code>vendor</code> and{" "}
          <code>product</code>, or <code>hosted_by</code>: the agency in the same state that runs the system for this one (write “Name (Place)” if two share a name).
          Optional: <code>place_kind</code> (city, county, regional), <code>agency_type</code>, <code>since</code> and <code>until</code> (YYYY-MM-DD),{" "}
          <code>confidence</code> (confirmed, likely, reported), <code>evidence_url</code>, <code>notes</code>.
        </p>
        <p>
          An export of EFF's Atlas of Surveillance works as it is (<code>{ATLAS_COLUMNS.join(", ")}</code>): each technology becomes a product of its vendor (or the
          vendor's only product of that kind), rows without a vendor are skipped, and the first link is kept as evidence, with confidence “reported”.
        </p>
      </Card>
    </>
  );
}
