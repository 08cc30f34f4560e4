import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { requirePermission } from "~/domain/permissions";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RECORD_TYPE_CATEGORIES } from "../../db/schema/field-values";
import { SelectField, TextAreaField, TextField } from "~/components/fields";
import { newCatalogFieldSchema, newRecordTypeSchema } from "~/domain/catalog-input";
import { createCatalogField, createRecordType, listCatalog } from "~/domain/catalog.server";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Field catalog · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return json({ catalog: await listCatalog(viewer), organizationName: viewer.organizationName });
}

const intentSchema = z.object({ intent: z.enum(["add-record-type", "add-field"], { error: "Unknown action" }) });

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  if (intent.data.intent === "add-record-type") {
    const submission = parseWithZod(formData, { schema: newRecordTypeSchema });
    if (submission.status !== "success") return json({ intent: "add-record-type", result: submission.reply() }, { status: 400 });
    const created = await createRecordType(viewer, submission.value);
    if (!created.ok) return json({ intent: "add-record-type", result: submission.reply({ fieldErrors: created.fieldErrors }) }, { status: 400 });
    return redirectWithFlash(`/catalog#type-${created.value.key}`, { kind: "success", message: `Record type "${created.value.name}" added.` });
  }
  const submission = parseWithZod(formData, { schema: newCatalogFieldSchema });
  if (submission.status !== "success") return json({ intent: "add-field", result: submission.reply() }, { status: 400 });
  const created = await createCatalogField(viewer, submission.value);
  if (!created.ok) return json({ intent: "add-field", result: submission.reply({ fieldErrors: created.fieldErrors }) }, { status: 400 });
  return redirectWithFlash("/catalog", { kind: "success", message: `Field "${submission.value.label}" (${created.value.key}) added.` });
}

function useIntentResult(intent: string) {
  const data = useActionData<typeof action>();
  return data && data.intent === intent ? data.result : undefined;
}

function RecordTypeForm() {
  const [form, fields] = useForm({
    id: "add-record-type",
    lastResult: useIntentResult("add-record-type"),
    constraint: getZodConstraint(newRecordTypeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newRecordTypeSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-record-type" />
      <div className="form-row">
        <TextField label="Name" {...getInputProps(fields.name, { type: "text" })} id={fields.name.id} errors={fields.name.errors} />
        <SelectField label="Category" {...getSelectProps(fields.category)} id={fields.category.id} errors={fields.category.errors}>
          {RECORD_TYPE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label="Description" {...getTextareaProps(fields.description)} id={fields.description.id} errors={fields.description.errors} rows={2} />
      <ButtonGroup>
        <button type="submit" className="button">
          Add record type
        </button>
      </ButtonGroup>
    </Form>
  );
}

function FieldForm({ recordTypes }: { recordTypes: { id: string; name: string }[] }) {
  const [form, fields] = useForm({
    id: "add-field",
    lastResult: useIntentResult("add-field"),
    constraint: getZodConstraint(newCatalogFieldSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newCatalogFieldSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-field" />
      <div className="form-row">
        <SelectField label="Record type" {...getSelectProps(fields.recordTypeId)} id={fields.recordTypeId.id} errors={fields.recordTypeId.errors}>
          <option value="">Choose…</option>
          {recordTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Field name" hint="e.g. Perceived race" {...getInputProps(fields.label, { type: "text" })} id={fields.label.id} errors={fields.label.errors} />
      </div>
      <TextAreaField label="Description" {...getTextareaProps(fields.description)} id={fields.description.id} errors={fields.description.errors} rows={2} />
      <TextField
        label="Other names for the column"
        hint="Comma-separated, used to find the field in received files: RACE_PERCEIVED, perc race"
        {...getInputProps(fields.synonyms, { type: "text" })}
        id={fields.synonyms.id}
        errors={fields.synonyms.errors}
      />
      <TextField label="Source" hint="Where the definition comes from (optional)" {...getInputProps(fields.source, { type: "text" })} id={fields.source.id} errors={fields.source.errors} />
      <ButtonGroup>
        <button type="submit" className="button">
          Add field
        </button>
      </ButtonGroup>
    </Form>
  );
}

export default function CatalogPage() {
  const { catalog, organizationName } = useLoaderData<typeof loader>();
  const categories = [...new Set(catalog.recordTypes.map((t) => t.category))];
  return (
    <>
      <PageHeader
        title="Field catalog"
        meta={
          <>
            Record types and the fields requests ask for, from public schemas, plus those {organizationName} added. Requests copy a field's key, so
            files can be matched column by column.
          </>
        }
      />
      <div className="grid-2">
        <div>
          {categories.map((category) => (
            <section key={category} className="card" aria-labelledby={`category-${category}`}>
              <h2 id={`category-${category}`}>{category}</h2>
              {catalog.recordTypes
                .filter((t) => t.category === category)
                .map((type) => {
                  const fields = catalog.fields.filter((f) => f.recordTypeId === type.id);
                  return (
                    <details key={type.id} id={`type-${type.key}`} className="panel">
                      <summary>
                        {type.name} {type.custom ? <Badge tone="info">Yours</Badge> : null}{" "}
                        <span className="muted small">{fields.length ? `${fields.length} fields` : "no fields listed"}</span>
                      </summary>
                      {type.description ? <p>{type.description}</p> : null}
                      {type.source ? <p className="muted small">Source: {type.source}</p> : null}
                      {fields.length ? (
                        <DataTable captionClassName="visually-hidden" caption={<>Fields of {type.name}</>} columns={["Field", "What it holds", "Source"]}>
                          {fields.map((f) => (
                            <tr key={f.id}>
                              <td>
                                <span className="row-title">{f.label}</span>
                                <div>
                                  <code className="small">{f.key}</code>
                                </div>
                              </td>
                              <td data-label="What it holds">
                                {f.description}
                                {f.synonyms.length ? <div className="muted small">Also called: {f.synonyms.join(", ")}</div> : null}
                              </td>
                              <td data-label="Source" className="small">
                                {f.source}
                              </td>
                            </tr>
                          ))}
                        </DataTable>
                      ) : null}
                    </details>
                  );
                })}
            </section>
          ))}
        </div>
        <div>
          <Card aria-labelledby="add-field-heading">
            <h2 id="add-field-heading">Add a field</h2>
            <FieldForm recordTypes={catalog.recordTypes} />
          </Card>
          <Card aria-labelledby="add-type-heading">
            <h2 id="add-type-heading">Add a record type</h2>
            <RecordTypeForm />
          </Card>
        </div>
      </div>
    </>
  );
}
