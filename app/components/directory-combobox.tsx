import { useId, useState } from "react";
import { useSearchCombobox } from "./use-search-combobox";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import type { AgencyType } from "../../db/schema/values";

export interface DirectoryOption {
  ori: string;
  name: string;
  agencyType: AgencyType;
  state: string;
  counties: string[];
  agencyId: string | null;
}

export function directoryOptionLabel(o: Pick<DirectoryOption, "name" | "state" | "counties" | "ori">): string {
  const county = o.counties.length ? ` · ${o.counties.join(", ")} County` : "";
  return `${o.name} — ${o.state}${county} · ${o.ori}`;
}

/**
 * A search box over the national agency directory, as an ARIA combobox: type, move with the arrow keys, pick
 * with Enter (or a click), Escape closes the list; the number of matches is announced. Picking puts the ORI in
 * a hidden input named `name`. Without JavaScript the box is never interactive: `fallback` links to the
 * directory's results page instead.
 */
export function DirectoryCombobox({
  name,
  label,
  hint,
  errors,
  initial,
  onPick,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  initial?: DirectoryOption | null;
  onPick?: (option: DirectoryOption | null) => void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initial ? directoryOptionLabel(initial) : "");
  const [picked, setPicked] = useState<DirectoryOption | null>(initial ?? null);
  const combobox = useSearchCombobox<DirectoryOption, { hits: DirectoryOption[]; total: number }>({
    listId,
    urlFor: (q) => `/directory/search?q=${encodeURIComponent(q)}&limit=8`,
    onChoose: (option) => {
      setPicked(option);
      setText(directoryOptionLabel(option));
      onPick?.(option);
    },
  });
  const { hits, answered } = combobox;

  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(" ");
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        {...combobox.inputProps}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (picked) {
            setPicked(null);
            onPick?.(null);
          }
          combobox.search(e.target.value);
        }}
        placeholder="Name, place, county, state or ORI"
      />
      <input type="hidden" name={name} value={picked?.ori ?? ""} />
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors?.length ? (
        <span className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </span>
      ) : null}
      <span className="visually-hidden" id={`${id}-status`} aria-live="polite">
        {answered ? `${answered.total} agencies found${answered.total > hits.length ? `, first ${hits.length} shown` : ""}` : ""}
      </span>
      <ul {...combobox.listProps} aria-label={`${label}: matches`}>
        {hits.map((h, i) => (
          <li key={h.ori} {...combobox.optionProps(h, i)}>
            <span className="combobox__name">{h.name}</span>{" "}
            <span className="muted small">
              {AGENCY_TYPE_LABELS[h.agencyType]} · {h.state}
              {h.counties.length ? ` · ${h.counties.join(", ")} County` : ""} · {h.ori}
              {h.agencyId ? " · in your agencies" : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
