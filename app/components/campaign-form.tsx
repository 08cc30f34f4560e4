import { AssigneeField, assigneeFieldsOf } from "./member-search-box";
import { requestReference } from "~/domain/request-reference";
import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { DETAIL_LEVELS, FORMATS_WANTED, type DetailLevel, type FormatWanted } from "../../db/schema/field-values";
import { SUBMISSION_METHODS } from "../../db/schema/values";
import { AskDetailFields, CatalogFieldChoices, RecordTypeChoices, type AskDefaults, type CatalogChoices } from "./ask-fields";
import { AGENCY_PLACEHOLDERS, PLACEHOLDER_HINTS, VENDOR_PLACEHOLDERS } from "~/domain/letters";
import { FieldErrors, SelectField, TextAreaField, TextField } from "./fields";
import { METHOD_LABELS } from "./request-form";

type Field = FieldMetadata<string | undefined>;

export interface TargetOption {
  id: string;
  name: string;
  jurisdictionName: string;
  stateCode: string | null;
  law: { name: string; citation: string; days: string } | null;
  note?: string;
}

/** An open request (the organization's or its coalition's) to a target, asking the same record types. */
export interface OverlapOption {
  requestId: string;
  number: number;
  title: string;
  organizationName: string;
  organizationCode: string;
  own: boolean;
  tags: string[];
}

function Placeholders({ names }: { names: readonly (keyof typeof PLACEHOLDER_HINTS)[] }) {
  return (
    <details className="placeholders">
      <summary>Placeholders you can use</summary>
      <dl className="summary-list">
        {names.map((n) => (
          <div key={n} className="contents">
            <dt>
              <code>{`{${n}}`}</code>
            </dt>
            <dd>{PLACEHOLDER_HINTS[n]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

type AskFieldName =
  | "title"
  | "ask"
  | "recordTypeIds"
  | "catalogFieldIds"
  | "newRecordType"
  | "detailLevel"
  | "periodStart"
  | "periodEnd"
  | "formats"
  | "deidentify"
  | "deidentifyNotes"
  | "tags"
  | "letterTemplate";

/**
 * The ask of a joint ask: title and text, record types and fields from the catalog, detail level, period,
 * format and de-identification (the same pieces as a request's ask), tags and the letter. Checked boxes come
 * from the form's values, so a refused submission keeps them.
 */
export function AskFields({ fields, catalog }: { fields: Record<AskFieldName, FieldMetadata<any>>; catalog: CatalogChoices }) {
  const recordTypeIds = new Set(toList(fields.recordTypeIds.initialValue));
  const fieldIds = new Set(toList(fields.catalogFieldIds.initialValue));
  const detailLevel = fields.detailLevel.initialValue;
  const defaults: AskDefaults = {
    detailLevel: (DETAIL_LEVELS as readonly unknown[]).includes(detailLevel) ? (detailLevel as DetailLevel) : null,
    formats: toList(fields.formats.initialValue).filter((f): f is FormatWanted => (FORMATS_WANTED as readonly string[]).includes(f)),
    deidentify: fields.deidentify.initialValue === "on" || fields.deidentify.initialValue === true,
  };
  return (
    <>
      <TextField label="Title" {...getInputProps(fields.title, { type: "text" })} id={fields.title.id} errors={fields.title.errors} hint="Each request gets this title, e.g. “Traffic stops from New World RMS”." />
      <TextAreaField label="What is asked" {...getTextareaProps(fields.ask)} id={fields.ask.id} errors={fields.ask.errors} rows={5} hint="The records, as you would describe them in a request. The letter below includes it as {ask}." />
      <RecordTypeChoices field={fields.recordTypeIds} catalog={catalog} checked={recordTypeIds} legend="Record types (each request is tagged with them)" />
      <fieldset className="checkbox-fieldset">
        <legend>Fields asked</legend>
        <p className="muted small">The columns each agency is asked for; every request tracks what comes back for each. Their record types join the ask. A column that isn't listed can be added to your organization's{" "}
          <Link to="/catalog">catalog</Link> first; it is then listed here.</p>
        <CatalogFieldChoices field={fields.catalogFieldIds} catalog={catalog} checked={fieldIds} openTypes={recordTypeIds} />
      </fieldset>
      <AskDetailFields fields={fields} defaults={defaults} />
      <TextField label="Other tags" {...getInputProps(fields.tags, { type: "text" })} id={fields.tags.id} errors={fields.tags.errors} hint="Optional, separate with commas, e.g. joint ask" />
      <TextAreaField
        label="Letter to each agency"
        {...getTextareaProps(fields.letterTemplate)}
        id={fields.letterTemplate.id}
        errors={fields.letterTemplate.errors}
        rows={16}
        className="field--mono"
        hint="The body of each agency's letter, written once. Each letter is composed around it: the date, the greeting to the agency's records contact, its own state's law and citation, the fields, detail, period, format and de-identification asked, the response time, the request's reply address and your signature. Don't add those here."
      />
      <Placeholders names={AGENCY_PLACEHOLDERS} />
    </>
  );
}

export function VendorLetterField({ field, vendorName, includeField }: { field: Field; vendorName: string; includeField: FieldMetadata<boolean | undefined> }) {
  return (
    <fieldset className="field">
      <legend>The vendor</legend>
      <label className="checkbox">
        <input type="checkbox" name={includeField.name} value="on" defaultChecked={includeField.initialValue === "on"} />
        Also ask {vendorName} for the standard export its customers can run
      </label>
      <FieldErrors id={`${includeField.id}-error`} errors={includeField.errors} />
      <TextAreaField label={`Letter to ${vendorName}`} {...getTextareaProps(field)} id={field.id} errors={field.errors} rows={12} className="field--mono" />
      <Placeholders names={VENDOR_PLACEHOLDERS} />
    </fieldset>
  );
}

export function GenerationFields({
  fields,
  assignable,
}: {
  fields: Record<"initialStatus" | "method" | "assigneeId" | "assigneeName", Field>;
  /** Null: a search box of the organization's members; else the few people offered (one who may not assign anyone). */
  assignable: Array<{ id: string; name: string }> | null;
}) {
  return (
    <>
      <fieldset className="field">
        <legend>Create the requests as</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name={fields.initialStatus.name} value="draft" defaultChecked={fields.initialStatus.initialValue !== "submitted"} />
            Drafts: not sent yet
          </label>
          <label>
            <input type="radio" name={fields.initialStatus.name} value="submitted" defaultChecked={fields.initialStatus.initialValue === "submitted"} />
            Submitted today (each gets its own due date)
          </label>
        </div>
        <FieldErrors id={`${fields.initialStatus.id}-error`} errors={fields.initialStatus.errors} />
      </fieldset>
      <div className="form-row">
        <SelectField label="Sent by" {...getSelectProps(fields.method)} id={fields.method.id} errors={fields.method.errors}>
          <option value="">Not decided</option>
          {SUBMISSION_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </SelectField>
        <AssigneeField
          label="Assign all to"
          emptyLabel="Nobody yet"
          offered={assignable}
          hint="Part of the person's name; leave empty for nobody yet."
          {...assigneeFieldsOf(fields)}
        />
      </div>
    </>
  );
}

/** Checkboxes for the agencies to ask, by state, with the law each would be asked under. */
export function TargetChoices({
  name,
  targets,
  chosen,
  errors,
  legend,
  overlaps,
}: {
  name: string;
  targets: TargetOption[];
  chosen: ReadonlySet<string>;
  errors?: string[];
  legend: string;
  /** Open requests to each target for the same record types, by agency id: warned of, with links. */
  overlaps?: Record<string, OverlapOption[]>;
}) {
  return (
    <fieldset className="field targets" aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldErrors id={`${name}-error`} errors={errors} />
      {targets.length ? (
        <ul className="target-list">
          {targets.map((t) => (
            <li key={t.id}>
              <label>
                <input type="checkbox" name={name} value={t.id} defaultChecked={chosen.has(t.id)} />
                <span>
                  <strong>{t.name}</strong>{" "}
                  <span className="muted">
                    {t.jurisdictionName}
                    {t.stateCode && t.stateCode !== t.jurisdictionName ? `, ${t.stateCode}` : ""}
                  </span>
                  <span className="muted small">
                    {" · "}
                    {t.law ? `${t.law.name}: ${t.law.days}` : "no state law on file"}
                    {t.note ? ` · ${t.note}` : ""}
                  </span>
                </span>
              </label>
              {overlaps?.[t.id]?.length ? (
                <p className="target-overlap small" role="note">
                  <strong>Already open:</strong>{" "}
                  {overlaps[t.id]!.slice(0, 5).map((o, i) => (
                    <span key={o.requestId}>
                      {i > 0 ? "; " : ""}
                      <a href={`/requests/${o.requestId}`}>
                        {o.own ? "" : `${o.organizationName} `}{requestReference(o)} {o.title}
                      </a>
                      {o.tags.length ? <span className="muted"> ({o.tags.join(", ")})</span> : null}
                    </span>
                  ))}
                  {overlaps[t.id]!.length > 5 ? ` and ${overlaps[t.id]!.length - 5} more` : ""}. Untick to drop this agency.
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No agencies to choose from here.</p>
      )}
    </fieldset>
  );
}

export function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}
