import { useId, useState, type ReactNode } from "react";
import { useSearchCombobox } from "../use-search-combobox";
import { FormRow } from "./form-row";

/**
 * A labelled search box that suggests as you type (an ARIA combobox: arrow keys, Enter or a click picks, Escape
 * closes; the number of matches is announced), with its hint and errors tied to it like a FormRow's.
 *
 * Without JavaScript it is a plain text field: give it a `name` and the form submits what was typed (the route
 * searches by it). Picking a suggestion puts `pickValue(hit)` in a hidden field named `pickName` (rendered while
 * something is picked, or always, empty, with `pickAlways`) and `pickText(hit)` in the box; typing again drops
 * the pick.
 *   <Combobox label="Agency" name="agencyName" hint="Part of the agency's name" urlFor={(q) => `/requests/agencies?q=${q}`}
 *     pickName="agency" pickValue={(h) => h.id} pickText={(h) => h.name} optionKey={(h) => h.id} renderOption={(h) => h.name} />
 */
export function Combobox<Hit, Data extends { hits: Hit[] } = { hits: Hit[] }>({
  label,
  name,
  type = "search",
  hint,
  errors,
  placeholder,
  initialText = "",
  initialPick = null,
  urlFor,
  delayMs,
  minLength,
  pickName,
  pickAlways = false,
  pickValue,
  pickText,
  optionKey,
  renderOption,
  status,
  onPick,
}: {
  label: string;
  /** The text box's own name: what a form without JavaScript submits. */
  name?: string;
  type?: "search" | "text";
  hint?: ReactNode;
  errors?: string[];
  placeholder?: string;
  initialText?: string;
  /** The value already picked (e.g. from the URL), kept until the text changes. */
  initialPick?: string | null;
  /** The JSON route that answers `{ hits }` for what was typed. */
  urlFor: (text: string) => string;
  delayMs?: number;
  minLength?: number;
  pickName: string;
  pickAlways?: boolean;
  pickValue: (hit: Hit) => string;
  pickText: (hit: Hit) => string;
  optionKey: (hit: Hit) => string;
  renderOption: (hit: Hit) => ReactNode;
  /** What the live region says once matches arrive (default "N found"). */
  status?: (answer: Data, shown: number) => string;
  onPick?: (hit: Hit | null) => void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<string | null>(initialPick);
  const combobox = useSearchCombobox<Hit, Data>({
    listId,
    urlFor,
    delayMs,
    minLength,
    onChoose: (hit) => {
      setText(pickText(hit));
      setPicked(pickValue(hit));
      onPick?.(hit);
    },
  });
  const { hits, answered } = combobox;
  const statusId = `${id}-status`;

  return (
    <FormRow id={id} label={label} hint={hint} errors={errors} className="combobox">
      {(control) => (
        <>
          <input
            {...control}
            name={name}
            type={type}
            {...combobox.inputProps}
            aria-describedby={[control["aria-describedby"], statusId].filter(Boolean).join(" ")}
            value={text}
            placeholder={placeholder}
            onChange={(e) => {
              setText(e.target.value);
              if (picked !== null) {
                setPicked(null);
                onPick?.(null);
              }
              combobox.search(e.target.value);
            }}
          />
          {picked !== null || pickAlways ? <input type="hidden" name={pickName} value={picked ?? ""} /> : null}
          <span className="visually-hidden" id={statusId} aria-live="polite">
            {answered ? (status ? status(answered, hits.length) : `${hits.length} found`) : ""}
          </span>
          <ul {...combobox.listProps} aria-label={`${label}: matches`}>
            {hits.map((h, i) => (
              <li key={optionKey(h)} {...combobox.optionProps(h, i)}>
                {renderOption(h)}
              </li>
            ))}
          </ul>
        </>
      )}
    </FormRow>
  );
}
