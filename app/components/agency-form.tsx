import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { AGENCY_TYPES } from "../../db/schema/values";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { SelectField, TextAreaField, TextField } from "./fields";
import { JurisdictionPickerBox } from "./place-picker-box";

type Field = FieldMetadata<unknown>;

export function AgencyFields({
  fields,
}: {
  fields: Record<
    | "name"
    | "type"
    | "jurisdictionId"
    | "jurisdictionName"
    | "recordsContactName"
    | "recordsContactEmail"
    | "portalUrl"
    | "notes"
    | "deadlineRuleDays"
    | "deadlineRuleDayType"
    | "deadlineRuleReason",
    Field
  >;
}) {
  return (
    <>
      <TextField label="Name" {...getInputProps(fields.name, { type: "text" })} id={fields.name.id} errors={fields.name.errors} hint="e.g. Oakland Police Department" />
      <div className="form-row">
        <SelectField label="Kind" {...getSelectProps(fields.type)} id={fields.type.id} errors={fields.type.errors}>
          <option value="">Choose…</option>
          {AGENCY_TYPES.map((t) => (
            <option key={t} value={t}>
              {AGENCY_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        {/* A search box, not a list of every jurisdiction: a pick sends jurisdictionId, a name typed without
            JavaScript is sent as jurisdictionName and resolved by the server. */}
        <JurisdictionPickerBox
          name={fields.jurisdictionName.name}
          pickName={fields.jurisdictionId.name}
          initialText={(fields.jurisdictionName.initialValue as string | undefined) ?? ""}
          initialId={(fields.jurisdictionId.initialValue as string | undefined) || null}
          errors={[...(fields.jurisdictionId.errors ?? []), ...(fields.jurisdictionName.errors ?? [])]}
          hint={<>Type part of its name, then choose it. Missing a city or county? <a href="/jurisdictions#add">Add it</a>.</>}
        />
      </div>
      <div className="form-row">
        <TextField label="Records contact" {...getInputProps(fields.recordsContactName, { type: "text" })} id={fields.recordsContactName.id} errors={fields.recordsContactName.errors} />
        <TextField label="Records email" {...getInputProps(fields.recordsContactEmail, { type: "email" })} id={fields.recordsContactEmail.id} errors={fields.recordsContactEmail.errors} />
      </div>
      <TextField label="Request portal" {...getInputProps(fields.portalUrl, { type: "url" })} id={fields.portalUrl.id} errors={fields.portalUrl.errors} hint="NextRequest, GovQA, JustFOIA… link, if the agency takes requests online." placeholder="https://" />
      <TextAreaField label="Notes" {...getTextareaProps(fields.notes)} id={fields.notes.id} errors={fields.notes.errors} rows={4} />
      <fieldset className="field">
        <legend>Own response rule (optional)</legend>
        <span className="field__hint">Only if this agency follows a published period that replaces the state law's. Leave empty otherwise.</span>
        <div className="form-row">
          <TextField label="Days" {...getInputProps(fields.deadlineRuleDays, { type: "number" })} id={fields.deadlineRuleDays.id} errors={fields.deadlineRuleDays.errors} min={1} max={365} />
          <SelectField label="Counted in" {...getSelectProps(fields.deadlineRuleDayType)} id={fields.deadlineRuleDayType.id} errors={fields.deadlineRuleDayType.errors}>
            <option value="">—</option>
            <option value="business">Business days</option>
            <option value="calendar">Calendar days</option>
          </SelectField>
        </div>
        <TextField label="Where the rule comes from" {...getInputProps(fields.deadlineRuleReason, { type: "text" })} id={fields.deadlineRuleReason.id} errors={fields.deadlineRuleReason.errors} />
      </fieldset>
    </>
  );
}
