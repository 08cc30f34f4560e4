import { type FieldMetadata, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { SYSTEM_CONFIDENCES, SYSTEM_TYPES } from "../../db/schema/values";
import { CONFIDENCE_HINTS, CONFIDENCE_LABELS, SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { AgencyPickerBox } from "./place-picker-box";
import { SelectField, TextAreaField, TextField } from "./fields";

type Field = FieldMetadata<string | undefined>;

export function VendorFields({ fields }: { fields: Record<"name" | "website" | "contactName" | "contactEmail" | "notes", Field> }) {
  return (
    <>
      <TextField label="Name" {...getInputProps(fields.name, { type: "text" })} id={fields.name.id} errors={fields.name.errors} hint="e.g. Tyler Technologies" />
      <TextField label="Website" {...getInputProps(fields.website, { type: "url" })} id={fields.website.id} errors={fields.website.errors} placeholder="https://" />
      <div className="form-row">
        <TextField
          label="Records or legal contact"
          {...getInputProps(fields.contactName, { type: "text" })}
          id={fields.contactName.id}
          errors={fields.contactName.errors}
          hint="Who a request to the vendor goes to."
        />
        <TextField label="Contact email" {...getInputProps(fields.contactEmail, { type: "email" })} id={fields.contactEmail.id} errors={fields.contactEmail.errors} />
      </div>
      <TextAreaField label="Notes" {...getTextareaProps(fields.notes)} id={fields.notes.id} errors={fields.notes.errors} rows={4} hint="Acquisitions, former names, standard exports they offer." />
    </>
  );
}

export function ProductFields({ fields }: { fields: Record<"name" | "systemType" | "notes", Field> }) {
  return (
    <>
      <TextField label="Name" {...getInputProps(fields.name, { type: "text" })} id={fields.name.id} errors={fields.name.errors} hint="e.g. Enterprise CAD" />
      <SelectField label="Kind of system" {...getSelectProps(fields.systemType)} id={fields.systemType.id} errors={fields.systemType.errors}>
        <option value="">Choose…</option>
        {SYSTEM_TYPES.map((t) => (
          <option key={t} value={t}>
            {SYSTEM_TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Notes" {...getTextareaProps(fields.notes)} id={fields.notes.id} errors={fields.notes.errors} rows={4} />
    </>
  );
}

export interface ProductOption {
  id: string;
  name: string;
  vendorName: string;
}

/** Products grouped by vendor. */
function ProductOptions({ products }: { products: ProductOption[] }) {
  const byVendor = new Map<string, ProductOption[]>();
  for (const p of products) byVendor.set(p.vendorName, [...(byVendor.get(p.vendorName) ?? []), p]);
  return (
    <>
      {[...byVendor].map(([vendor, list]) => (
        <optgroup key={vendor} label={vendor}>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function SystemFields({
  fields,
  products,
  hostAgencyName = "",
}: {
  fields: Record<"systemType" | "productId" | "hostAgencyId" | "hostAgencyName" | "sinceOn" | "untilOn" | "confidence" | "evidenceUrl" | "notes", Field>;
  products: ProductOption[];
  /** The name of the hosting agency already chosen (when editing). */
  hostAgencyName?: string;
}) {
  return (
    <>
      <SelectField label="Kind of system" {...getSelectProps(fields.systemType)} id={fields.systemType.id} errors={fields.systemType.errors}>
        <option value="">Choose…</option>
        {SYSTEM_TYPES.map((t) => (
          <option key={t} value={t}>
            {SYSTEM_TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <div className="form-row">
        <SelectField
          label="Product"
          {...getSelectProps(fields.productId)}
          id={fields.productId.id}
          errors={fields.productId.errors}
          hint={<>Missing one? <a href="/vendors">Add it under its vendor</a>.</>}
        >
          <option value="">Choose…</option>
          <ProductOptions products={products} />
        </SelectField>
        <AgencyPickerBox
          label="Or hosted by"
          name={fields.hostAgencyName.name}
          pickName={fields.hostAgencyId.name}
          initialText={(fields.hostAgencyName.initialValue as string | undefined) ?? hostAgencyName}
          initialId={(fields.hostAgencyId.initialValue as string | undefined) || null}
          errors={[...(fields.hostAgencyId.errors ?? []), ...(fields.hostAgencyName.errors ?? [])]}
          hint="When another of your agencies (a county or regional 911 authority) runs this system for this one: type part of its name."
        />
      </div>
      <div className="form-row">
        <TextField label="Since" {...getInputProps(fields.sinceOn, { type: "date" })} id={fields.sinceOn.id} errors={fields.sinceOn.errors} hint="If known" />
        <TextField label="Until" {...getInputProps(fields.untilOn, { type: "date" })} id={fields.untilOn.id} errors={fields.untilOn.errors} hint="Only if it has stopped" />
      </div>
      <fieldset className="field">
        <legend>Confidence</legend>
        <div className="radio-row">
          {SYSTEM_CONFIDENCES.map((c) => (
            <label key={c}>
              <input type="radio" name={fields.confidence.name} value={c} defaultChecked={(fields.confidence.initialValue ?? "reported") === c} />
              {CONFIDENCE_LABELS[c]} <span className="muted small">({CONFIDENCE_HINTS[c]})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label="Evidence link"
        {...getInputProps(fields.evidenceUrl, { type: "url" })}
        id={fields.evidenceUrl.id}
        errors={fields.evidenceUrl.errors}
        hint="A council agenda, contract or purchase order online."
        placeholder="https://"
      />
      <TextAreaField label="Notes" {...getTextareaProps(fields.notes)} id={fields.notes.id} errors={fields.notes.errors} rows={3} />
    </>
  );
}
