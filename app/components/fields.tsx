import type { ReactNode } from "react";
import { FormRow } from "~/components/ui/form-row";

// Labelled inputs with their hint and error announced to screen readers (aria-describedby/aria-invalid): each a
// FormRow (ui/form-row.tsx) around its control.

type ErrorList = string[] | undefined;

export function FieldErrors({ id, errors }: { id: string; errors: ErrorList }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field__error">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function FormErrors({ id, errors }: { id?: string; errors: ErrorList }) {
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-error" role="alert">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  errors?: ErrorList;
  hint?: ReactNode;
  className?: string;
}

export function TextField({
  id,
  label,
  errors,
  hint,
  className,
  ...input
}: FieldProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <FormRow id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <input type="text" {...control} {...input} />}
    </FormRow>
  );
}

export function TextAreaField({
  id,
  label,
  errors,
  hint,
  className,
  ...input
}: FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <FormRow id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <textarea {...control} {...input} />}
    </FormRow>
  );
}

export function SelectField({
  id,
  label,
  errors,
  hint,
  className,
  children,
  ...select
}: FieldProps & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <FormRow id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    </FormRow>
  );
}
