import type { ReactNode } from "react";

type ErrorList = string[] | undefined;

/** What a control needs to be announced with its label's hint and error. */
export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

export function describedBy(id: string, hint: ReactNode, errors: ErrorList): string | undefined {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * One labelled control of a form: the label, a hint under it and the errors, both tied to the control through
 * aria-describedby (and aria-invalid while there are errors). The control is rendered by `children`, given the
 * props to spread on it:
 *   <FormRow id="name" label="Name" hint="As on the letterhead" errors={errors}>{(p) => <input {...p} name="name" />}</FormRow>
 */
export function FormRow({
  id,
  label,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: ErrorList;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {children({ id, "aria-describedby": describedBy(id, hint, errors), "aria-invalid": errors?.length ? true : undefined })}
      {errors?.length ? (
        <ul id={`${id}-error`} className="field__error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
