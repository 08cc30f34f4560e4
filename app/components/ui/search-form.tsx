import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextField } from "../fields";

/**
 * A one-box search: a GET form (it works without JavaScript) holding a search field and its button, in the
 * filters' row. Hidden inputs that keep the page's other parameters go in `children`.
 *   <SearchForm id="agency-q" name="q" label="Search by name" defaultValue={q} />
 */
export function SearchForm({
  id,
  name,
  label,
  defaultValue,
  hint,
  placeholder,
  button = "Search",
  secondary = false,
  wide = true,
  errors,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  hint?: ReactNode;
  placeholder?: string;
  button?: string;
  /** The button as a secondary one (when the page's main action is elsewhere). */
  secondary?: boolean;
  wide?: boolean;
  /** The field's errors (a query string the list refused). */
  errors?: string[];
  children?: ReactNode;
}) {
  return (
    <Form method="get" className="filters" role="search" preventScrollReset>
      {children}
      <TextField id={id} name={name} type="search" label={label} defaultValue={defaultValue} hint={hint} errors={errors} placeholder={placeholder} className={wide ? "field--wide" : undefined} />
      <div className="actions">
        <button type="submit" className={secondary ? "button button--secondary" : "button"}>
          {button}
        </button>
      </div>
    </Form>
  );
}
