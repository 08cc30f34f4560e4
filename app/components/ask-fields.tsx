import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { DateText } from "~/components/date-text";
import { DETAIL_LEVELS, FORMATS_WANTED, type DetailLevel, type FormatWanted } from "../../db/schema/field-values";
import { FieldErrors, TextAreaField, TextField } from "~/components/fields";
import { DETAIL_LEVEL_LABELS, FORMAT_LABELS } from "~/domain/field-states";

// The pieces of "what is asked" shared by a request's ask (request-fields.tsx) and a joint ask's form
// (campaign-form.tsx): record types and fields from the catalog, then detail level, period, format and
// de-identification. Field names are those of askShape in app/domain/fields-input.ts.

// Any form's field of that name: the request's ask form and the joint ask form have different schemas.
type Field = FieldMetadata<any>;

export interface CatalogChoices {
  recordTypes: ReadonlyArray<{ id: string; name: string; category: string; description: string }>;
  fields: ReadonlyArray<{ id: string; recordTypeId: string; label: string; group: string | null; description: string }>;
}

/** Record types as checkboxes, by category. */
export function RecordTypeChoices({ field, catalog, checked, legend = "Record types" }: { field: Field; catalog: CatalogChoices; checked: ReadonlySet<string>; legend?: string }) {
  const categories = [...new Set(catalog.recordTypes.map((t) => t.category))];
  const errorId = `${field.id}-error`;
  return (
    <fieldset className="checkbox-fieldset" aria-describedby={field.errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      <FieldErrors id={errorId} errors={field.errors} />
      <div className="checkbox-columns">
        {categories.map((category) => (
          <div key={category} className="checkbox-group">
            <p className="checkbox-group__title">{category}</p>
            {catalog.recordTypes
              .filter((t) => t.category === category)
              .map((t) => (
                <label key={t.id} className="checkbox" title={t.description || undefined}>
                  <input type="checkbox" name={field.name} value={t.id} defaultChecked={checked.has(t.id)} />
                  {t.name}
                </label>
              ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The catalog's fields as checkboxes, one collapsible group per record type that has fields. */
export function CatalogFieldChoices({
  field,
  catalog,
  checked,
  openTypes,
}: {
  field: Field;
  catalog: CatalogChoices;
  checked: ReadonlySet<string>;
  /** Record types shown open (those asked). */
  openTypes: ReadonlySet<string>;
}) {
  const typesWithFields = catalog.recordTypes.filter((t) => catalog.fields.some((f) => f.recordTypeId === t.id));
  return (
    <>
      <FieldErrors id={`${field.id}-error`} errors={field.errors} />
      {typesWithFields.map((type) => {
        const typeFields = catalog.fields.filter((f) => f.recordTypeId === type.id);
        const count = typeFields.filter((f) => checked.has(f.id)).length;
        const groups = [...new Set(typeFields.map((f) => f.group ?? ""))];
        return (
          <details key={type.id} className="catalog-group" open={openTypes.has(type.id) || count > 0}>
            <summary>
              {type.name}{" "}
              <span className="muted small">
                ({count} of {typeFields.length} asked)
              </span>
            </summary>
            <fieldset className="checkbox-fieldset">
              <legend className="visually-hidden">{type.name}</legend>
              {groups.map((group) => (
                <div key={group} className="checkbox-group">
                  {group ? <p className="checkbox-group__title">{group}</p> : null}
                  {typeFields
                    .filter((f) => (f.group ?? "") === group)
                    .map((f) => (
                      <label key={f.id} className="checkbox" title={f.description}>
                        <input type="checkbox" name={field.name} value={f.id} defaultChecked={checked.has(f.id)} />
                        {f.label}
                      </label>
                    ))}
                </div>
              ))}
            </fieldset>
          </details>
        );
      })}
    </>
  );
}

export interface AskDefaults {
  detailLevel: DetailLevel | null;
  formats: readonly FormatWanted[];
  deidentify: boolean;
}

/** "Other record type", detail level, coverage period, format wanted and de-identification. */
export function AskDetailFields({
  fields,
  defaults,
}: {
  fields: Record<"newRecordType" | "detailLevel" | "periodStart" | "periodEnd" | "formats" | "deidentify" | "deidentifyNotes", Field>;
  defaults: AskDefaults;
}) {
  return (
    <>
      <TextField
        label="Other record type"
        hint="Added to your organization's catalog"
        {...getInputProps(fields.newRecordType, { type: "text" })}
        id={fields.newRecordType.id}
        errors={fields.newRecordType.errors}
      />
      <fieldset className="checkbox-fieldset">
        <legend>Detail level</legend>
        {DETAIL_LEVELS.map((level) => (
          <label key={level} className="checkbox">
            <input type="radio" name={fields.detailLevel.name} value={level} defaultChecked={defaults.detailLevel === level} />
            {DETAIL_LEVEL_LABELS[level]}
          </label>
        ))}
        <FieldErrors id={`${fields.detailLevel.id}-error`} errors={fields.detailLevel.errors} />
      </fieldset>
      <div className="form-row">
        <TextField label="Period from" {...getInputProps(fields.periodStart, { type: "date" })} id={fields.periodStart.id} errors={fields.periodStart.errors} />
        <TextField
          label="Period to"
          hint="Empty: to the present"
          {...getInputProps(fields.periodEnd, { type: "date" })}
          id={fields.periodEnd.id}
          errors={fields.periodEnd.errors}
        />
      </div>
      <fieldset className="checkbox-fieldset">
        <legend>Format wanted</legend>
        <div className="checkbox-columns">
          {FORMATS_WANTED.map((format) => (
            <label key={format} className="checkbox">
              <input type="checkbox" name={fields.formats.name} value={format} defaultChecked={defaults.formats.includes(format)} />
              {FORMAT_LABELS[format]}
            </label>
          ))}
        </div>
        <FieldErrors id={`${fields.formats.id}-error`} errors={fields.formats.errors} />
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name={fields.deidentify.name} value="on" defaultChecked={defaults.deidentify} />
        Asked for de-identified data (files are checked for names, dates of birth and addresses)
      </label>
      <TextAreaField
        label="De-identification details"
        hint="e.g. a hashed officer id instead of names; no addresses"
        {...getTextareaProps(fields.deidentifyNotes)}
        id={fields.deidentifyNotes.id}
        errors={fields.deidentifyNotes.errors}
        rows={2}
      />
    </>
  );
}

/** The ask beyond its record types, as stored on a request or a joint ask. */
export interface AskValues extends AskDefaults {
  periodStart: string | null;
  periodEnd: string | null;
  deidentifyNotes: string | null;
}

const notSet = <span className="muted">Not set</span>;

/**
 * What is asked, as a list: record types, the fields (when given), detail level, period, format and
 * de-identification. Without `ask` (a joint ask made before it had a structured ask) only the record types.
 */
export function AskSummary({ recordTypes, fields, ask, today }: { recordTypes: readonly string[]; fields?: readonly string[]; ask: AskValues | null; today: string }) {
  return (
    <dl className="summary-list">
      <dt>Record types</dt>
      <dd>{recordTypes.length ? recordTypes.join(", ") : notSet}</dd>
      {fields ? (
        <>
          <dt>Fields</dt>
          <dd>{fields.length ? fields.join(", ") : <span className="muted">None chosen</span>}</dd>
        </>
      ) : null}
      {ask ? (
        <>
          <dt>Detail level</dt>
          <dd>{ask.detailLevel ? DETAIL_LEVEL_LABELS[ask.detailLevel] : notSet}</dd>
          <dt>Period</dt>
          <dd>{ask.periodStart ? (
              <>
                <DateText date={ask.periodStart} today={today} /> to {ask.periodEnd ? <DateText date={ask.periodEnd} today={today} /> : "the present"}
              </>
            ) : (
              notSet
            )}</dd>
          <dt>Format wanted</dt>
          <dd>{ask.formats.length ? ask.formats.map((f) => FORMAT_LABELS[f]).join(", ") : notSet}</dd>
          <dt>De-identification</dt>
          <dd>{ask.deidentify ? ask.deidentifyNotes || "Asked for de-identified data" : <span className="muted">Not asked</span>}</dd>
        </>
      ) : null}
    </dl>
  );
}
