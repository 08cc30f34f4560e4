import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { EmptyState } from "~/components/empty-state";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { FIELD_STATES, type FieldState } from "../../db/schema/field-values";
import { AskDetailFields, AskSummary, CatalogFieldChoices, RecordTypeChoices } from "~/components/ask-fields";
import { FieldErrors, FormErrors, SelectField, TextField } from "~/components/fields";
import {
  CODE_KEY_KIND_LABELS,
  describeCoverage,
  FIELD_STATE_TONES,
  FIELD_STATE_LABELS,
  FIELD_STATE_NOTE_HINTS,
} from "~/domain/field-states";
import type { FieldsAndFilesData } from "~/domain/fields-page.server";
import { codeKeysSchema, editAskSchema, setFieldsSchema, updateStatesSchema } from "~/domain/fields-input";

type Data = SerializeFrom<FieldsAndFilesData>;
export type FieldsIntent = "edit-ask" | "set-fields" | "update-states" | "set-code-keys";
export interface FieldsFormResult {
  intent: FieldsIntent;
  result: SubmissionResult<string[]>;
}

export function FieldStateBadge({ state }: { state: FieldState }) {
  return <Badge tone={FIELD_STATE_TONES[state]}>{FIELD_STATE_LABELS[state]}</Badge>;
}

/** "3 of 5 fields received", with a bar and the other states spelled out. */
export function CoverageSummary({ coverage, byState }: { coverage: Data["coverage"]; byState: Data["byState"] }) {
  const others = FIELD_STATES.filter((s) => s !== "received" && s !== "not_yet" && byState[s] > 0).map(
    (s) => `${byState[s]} ${FIELD_STATE_LABELS[s].toLowerCase()}`,
  );
  return (
    <div className="coverage">
      <p className="coverage__headline">
        <strong>{describeCoverage(coverage)}</strong>
        {others.length ? <span className="muted"> · {others.join(" · ")}</span> : null}
      </p>
      {coverage.total ? <progress className="coverage__bar" max={coverage.total} value={coverage.received} aria-hidden="true" /> : null}
    </div>
  );
}

function resultFor(intent: FieldsIntent, last: FieldsFormResult | undefined) {
  return last && last.intent === intent ? last.result : undefined;
}

function StatesForm({ data, action, last }: { data: Data; action: string; last?: FieldsFormResult }) {
  const [form, fields] = useForm({
    id: "update-states",
    lastResult: resultFor("update-states", last),
    defaultValue: { fields: data.fields.map((f) => ({ id: f.id, state: f.state, note: f.stateNote ?? "" })) },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateStatesSchema }),
  });
  const rows = fields.fields.getFieldList();
  return (
    <Form method="post" action={action} className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.fields.errors ?? [])]} />
      <input type="hidden" name="intent" value="update-states" />
      <div className="table-wrap">
        <table className="data field-states">
          <caption className="visually-hidden">What came back for each field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">What came back</th>
              <th scope="col">Note or exemption cited</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              // A submitted list longer than the request's fields (a hand-made form) shows only the real ones.
              const field = data.fields[i];
              if (!field) return null;
              const f = row.getFieldset();
              return (
                <tr key={row.key}>
                  <td>
                    <input {...getInputProps(f.id, { type: "hidden" })} />
                    <label htmlFor={f.state.id} className="row-title">
                      {field.label}
                    </label>
                    <div className="muted small">{field.recordTypeName}</div>
                  </td>
                  <td data-label="What came back">
                    <select {...getSelectProps(f.state)} aria-label={`What came back for ${field.label}`}>
                      {FIELD_STATES.map((s) => (
                        <option key={s} value={s}>
                          {FIELD_STATE_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    <FieldErrors id={`${f.state.id}-error`} errors={f.state.errors} />
                  </td>
                  <td data-label="Note">
                    <input
                      {...getInputProps(f.note, { type: "text" })}
                      aria-label={`Note for ${field.label}`}
                      placeholder={FIELD_STATE_NOTE_HINTS[field.state] ?? "Years missing, exemption cited…"}
                    />
                    <FieldErrors id={`${f.note.id}-error`} errors={f.note.errors} />
                  </td>
                </tr>
              );
            })}
            {data.codeKeys.map((k, i) => {
              const noteErrors = (resultFor("update-states", last)?.error?.[`codeKeys[${i}].note`] ?? undefined) as string[] | undefined;
              return (
                <tr key={k.id}>
                  <td>
                    <input type="hidden" name={`codeKeys[${i}].id`} value={k.id} />
                    <label htmlFor={`code-key-${k.id}`} className="row-title">
                      {k.label}
                    </label>
                    <div className="muted small">{CODE_KEY_KIND_LABELS[k.kind]}</div>
                  </td>
                  <td data-label="What came back">
                    <select id={`code-key-${k.id}`} name={`codeKeys[${i}].state`} defaultValue={k.state} aria-label={`What came back for ${k.label}`}>
                      {FIELD_STATES.map((s) => (
                        <option key={s} value={s}>
                          {FIELD_STATE_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-label="Note">
                    <input type="text" name={`codeKeys[${i}].note`} defaultValue={k.stateNote ?? ""} aria-label={`Note for ${k.label}`} aria-describedby={noteErrors?.length ? `code-key-${k.id}-error` : undefined} />
                    <FieldErrors id={`code-key-${k.id}-error`} errors={noteErrors} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Save what came back
        </button>
      </div>
    </Form>
  );
}

function ChooseFieldsForm({ data, action, last }: { data: Data; action: string; last?: FieldsFormResult }) {
  const [form, fields] = useForm({
    id: "set-fields",
    lastResult: resultFor("set-fields", last),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: setFieldsSchema }),
  });
  const asked = new Set(data.fields.map((f) => f.catalogFieldId).filter((id): id is string => Boolean(id)));
  const custom = data.fields.filter((f) => !f.catalogFieldId);
  return (
    <Form method="post" action={action} className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="set-fields" />
      <p className="muted small">Tick the fields this request asks for. Unticking a field stops asking for it; what came back for it stays on the timeline.</p>
      <CatalogFieldChoices field={fields.catalogFieldIds} catalog={data.catalog} checked={asked} openTypes={new Set(data.recordTypes.map((t) => t.id))} />
      {custom.length ? (
        <fieldset className="checkbox-fieldset">
          <legend>Custom fields on this request</legend>
          {custom.map((f) => (
            <label key={f.id} className="checkbox">
              <input type="checkbox" name={fields.keepCustomIds.name} value={f.id} defaultChecked />
              {f.label} <span className="muted small">({f.recordTypeName})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="form-row">
        <TextField label="Add a custom field" hint="A column not in the catalog" {...getInputProps(fields.customLabel, { type: "text" })} id={fields.customLabel.id} errors={fields.customLabel.errors} />
        <SelectField label="Its record type" {...getSelectProps(fields.customRecordTypeId)} id={fields.customRecordTypeId.id} errors={fields.customRecordTypeId.errors}>
          <option value="">Choose…</option>
          {data.catalog.recordTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Save fields asked
        </button>
      </div>
    </Form>
  );
}

function AskForm({ data, action, last }: { data: Data; action: string; last?: FieldsFormResult }) {
  const { ask } = data;
  const [form, fields] = useForm({
    id: "edit-ask",
    lastResult: resultFor("edit-ask", last),
    defaultValue: {
      periodStart: ask.periodStart ?? "",
      periodEnd: ask.periodEnd ?? "",
      deidentifyNotes: ask.deidentifyNotes ?? "",
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editAskSchema }),
  });
  return (
    <Form method="post" action={action} className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="edit-ask" />
      <RecordTypeChoices field={fields.recordTypeIds} catalog={data.catalog} checked={new Set(data.recordTypes.map((t) => t.id))} />
      <AskDetailFields fields={fields} defaults={ask} />
      <div className="actions">
        <button type="submit" className="button">
          Save the ask
        </button>
      </div>
    </Form>
  );
}

/** The request's fields asked, what came back, and the forms to change both. */
export function RequestFieldsCard({ data, today, last }: { data: Data; today: string; last?: FieldsFormResult }) {
  const action = `/requests/${data.requestId}/fields`;
  const open = last?.intent;
  return (
    <Card id="fields" aria-labelledby="fields-heading">
      <h2 id="fields-heading">Fields asked</h2>
      <CoverageSummary coverage={data.coverage} byState={data.byState} />
      <AskSummary recordTypes={data.recordTypes.map((t) => t.name)} ask={data.ask} today={today} />
      {data.fields.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Fields asked and what came back</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Record type</th>
                <th scope="col">What came back</th>
              </tr>
            </thead>
            <tbody>
              {data.fields.map((f) => (
                <tr key={f.id}>
                  <td>
                    <span className="row-title">{f.label}</span> <code className="muted small">{f.key}</code>
                  </td>
                  <td data-label="Record type">{f.recordTypeName}</td>
                  <td data-label="What came back">
                    <FieldStateBadge state={f.state} />
                    {f.stateNote ? <div className="small">{f.stateNote}</div> : null}
                    {f.stateFileName ? <div className="muted small">from {f.stateFileName}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState inCard title="No fields listed yet">
          {data.canChange
            ? "The fields are the columns this request asks for (e.g. subject_race, officer_id_hash); listed, what comes back is checked field by field. Choose them below."
            : "The fields are the columns this request asks for; the organization filing it has not listed them."}
        </EmptyState>
      )}
      {data.canChange ? (
        <>
          {data.fields.length ? (
            <details className="panel" open={open === "update-states"}>
              <summary>Record what came back</summary>
              <StatesForm data={data} action={action} last={last} />
            </details>
          ) : null}
          <details className="panel" open={open === "set-fields" || (!open && data.fields.length === 0 && data.recordTypes.length > 0)}>
            <summary>Choose the fields asked</summary>
            <ChooseFieldsForm data={data} action={action} last={last} />
          </details>
          <details className="panel" open={open === "edit-ask"}>
            <summary>Edit the ask: record types, period, format, de-identification</summary>
            <AskForm data={data} action={action} last={last} />
          </details>
        </>
      ) : null}
    </Card>
  );
}

/** What the request needs to read its data (code lists, a data dictionary), asked and received like fields. */
export function CodeKeysCard({ data, last }: { data: Data; last?: FieldsFormResult }) {
  const action = `/requests/${data.requestId}/fields`;
  const [form, fields] = useForm({
    id: "set-code-keys",
    lastResult: resultFor("set-code-keys", last),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeKeysSchema }),
  });
  if (!data.canChange && data.codeKeys.length === 0) return null;
  return (
    <Card id="code-keys" aria-labelledby="code-keys-heading">
      <h2 id="code-keys-heading">To read the data</h2>
      <p className="muted small">
        Codes in a file (call types, dispositions) mean nothing without their list. Track the code lists and data dictionary asked for; a received code list is recognised and
        linked to the columns that use it.
      </p>
      {data.codeKeys.length ? (
        <ul className="plain-list">
          {data.codeKeys.map((k) => (
            <li key={k.id}>
              <span className="row-title">{k.label}</span> <span className="muted small">({CODE_KEY_KIND_LABELS[k.kind]}{k.columnName ? ` for “${k.columnName}”` : ""})</span>{" "}
              <FieldStateBadge state={k.state} />
              {k.stateNote ? <span className="small"> · {k.stateNote}</span> : null}
              {k.stateFileId && k.stateFileName ? (
                <span className="muted small">
                  {" "}
                  · from <a href={`/requests/${data.requestId}/files/${k.stateFileId}`}>{k.stateFileName}</a>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing tracked yet.</p>
      )}
      {data.canChange ? (
        <details className="panel" open={last?.intent === "set-code-keys"}>
          <summary>Add or remove code lists and dictionaries</summary>
          <Form method="post" action={action} className="form" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="set-code-keys" />
            {data.codeKeys.length ? (
              <fieldset className="checkbox-fieldset">
                <legend>Keep tracking</legend>
                {data.codeKeys.map((k) => (
                  <label key={k.id} className="checkbox">
                    <input type="checkbox" name={fields.keepIds.name} value={k.id} defaultChecked /> {k.label}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <div className="form-row">
              <SelectField label="What to add" {...getSelectProps(fields.newKind)} id={fields.newKind.id} errors={fields.newKind.errors}>
                <option value="">Choose…</option>
                <option value="code_list">A code list</option>
                <option value="data_dictionary">A data dictionary</option>
              </SelectField>
              <TextField label="Its name" hint="e.g. Call type codes" {...getInputProps(fields.newLabel, { type: "text" })} id={fields.newLabel.id} errors={fields.newLabel.errors} />
              <TextField label="Column it explains" hint="e.g. call_type (optional)" {...getInputProps(fields.newColumn, { type: "text" })} id={fields.newColumn.id} errors={fields.newColumn.errors} />
            </div>
            <div className="actions">
              <button type="submit" className="button">
                Save
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </Card>
  );
}
