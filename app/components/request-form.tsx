import {
  type FieldMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from "@conform-to/react";
import { SUBMISSION_METHODS, type SubmissionMethod } from "../../db/schema/values";
import { SelectField, TextAreaField, TextField } from "./fields";
import { AgencyPickerBox } from "./place-picker-box";
import { AssigneeField, assigneeFieldsOf } from "./member-search-box";

export const METHOD_LABELS: Record<SubmissionMethod, string> = {
  email: "Email",
  portal: "Online portal",
  mail: "Mail",
  in_person: "In person",
};

export interface VendorOption {
  id: string;
  name: string;
}

export interface MemberOption {
  id: string;
  name: string;
}

type Field = FieldMetadata<string | undefined>;

export function RequestFields({
  fields,
  agencyBoxKey = 0,
  assignable,
  vendors,
  directoryPicker,
}: {
  fields: {
    title: Field;
    description: Field;
    agencyId: Field;
    agencyName: Field;
    vendorId?: Field;
    assigneeId: Field;
    assigneeName: Field;
    method: Field;
    filedOn: Field;
    trackingNumber: Field;
    portalUrl: Field;
    nextActionOn: Field;
    receivedOn: Field;
    receivedTime?: Field;
    tags: Field;
  };
  /** Changed to empty the agency box (drawn again, with nothing typed or picked). */
  agencyBoxKey?: number;
  /** Null: a search box of the organization's members; else the few people offered (one who may not assign anyone). */
  assignable: MemberOption[] | null;
  /** When given, the request can go to a vendor instead of an agency. */
  vendors?: VendorOption[];
  /** Shown under the agency box: a way to pick any agency of the national directory. */
  directoryPicker?: React.ReactNode;
}) {
  return (
    <>
      <TextField label="Title" {...getInputProps(fields.title, { type: "text" })} id={fields.title.id} errors={fields.title.errors} hint="A short name you will recognise, e.g. “Traffic stops 2021–present”." />
      <TextAreaField
        label="What is asked"
        {...getTextareaProps(fields.description)}
        id={fields.description.id}
        errors={fields.description.errors}
        rows={8}
        hint="The records you are asking for, as you would write them in the request."
      />
      <div className="form-row">
        {/* A search box, not a list of every agency (an organization may have thousands): a pick sends agencyId,
            a name typed without JavaScript is sent as agencyName and resolved by the server. */}
        <AgencyPickerBox
          key={agencyBoxKey}
          name={fields.agencyName.name}
          pickName={fields.agencyId.name}
          initialText={agencyBoxKey ? "" : (fields.agencyName.initialValue ?? "")}
          initialId={agencyBoxKey ? null : fields.agencyId.initialValue || null}
          errors={[...(fields.agencyId.errors ?? []), ...(fields.agencyName.errors ?? [])]}
        />
        {fields.vendorId && vendors?.length ? (
          <SelectField label="Or a vendor" {...getSelectProps(fields.vendorId)} id={fields.vendorId.id} errors={fields.vendorId.errors} hint="Leave the agency empty to send the request to a vendor.">
            <option value="">No vendor</option>
            {vendors.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {directoryPicker}
      <div className="form-row">
        <AssigneeField
          offered={assignable}
          hint="Part of the person's name; leave empty for unassigned."
          {...assigneeFieldsOf(fields)}
        />
      </div>
      <div className="form-row">
        <SelectField label="Sent by" {...getSelectProps(fields.method)} id={fields.method.id} errors={fields.method.errors}>
          <option value="">Not decided</option>
          {SUBMISSION_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </SelectField>
        <TextField label="Filed date" {...getInputProps(fields.filedOn, { type: "date" })} id={fields.filedOn.id} errors={fields.filedOn.errors} />
        <TextField
          label="Received by agency"
          {...getInputProps(fields.receivedOn, { type: "date" })}
          id={fields.receivedOn.id}
          errors={fields.receivedOn.errors}
          hint="If later than filed (e.g. an after-hours email). The clock starts the next day."
        />
        {fields.receivedTime ? (
          <TextField
            label="Time received (optional)"
            {...getInputProps(fields.receivedTime, { type: "time" })}
            id={fields.receivedTime.id}
            errors={fields.receivedTime.errors}
            hint="Only where the law has an after-hours rule: the agency's local time."
          />
        ) : null}
        <TextField label="Next action date" {...getInputProps(fields.nextActionOn, { type: "date" })} id={fields.nextActionOn.id} errors={fields.nextActionOn.errors} />
      </div>
      <div className="form-row">
        <TextField label="Agency tracking number" {...getInputProps(fields.trackingNumber, { type: "text" })} id={fields.trackingNumber.id} errors={fields.trackingNumber.errors} />
        <TextField label="Portal link" {...getInputProps(fields.portalUrl, { type: "url" })} id={fields.portalUrl.id} errors={fields.portalUrl.errors} placeholder="https://" />
      </div>
      <TextField label="Tags (optional)" {...getInputProps(fields.tags, { type: "text" })} required={false} id={fields.tags.id} errors={fields.tags.errors} hint="Separate tags with commas, e.g. stops, joint ask" />
    </>
  );
}
