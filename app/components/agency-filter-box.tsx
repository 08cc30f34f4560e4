import { useId, useState } from "react";
import { useSearchCombobox } from "./use-search-combobox";

type Hit = { id: string; name: string; jurisdictionName: string | null };

/**
 * The requests list's agency filter: a text box named `agencyName` (part of the agency's name), which works as a
 * plain text search without JavaScript. With it, the box is an ARIA combobox like the directory's (arrow keys,
 * Enter, Escape; matches announced): picking an agency also sends its id as `agency`; typing again drops it.
 */
export function AgencyFilterBox({ initialText, initialId, errors }: { initialText: string; initialId: string | null; errors?: string[] }) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initialText);
  const [pickedId, setPickedId] = useState<string | null>(initialId);
  const combobox = useSearchCombobox<Hit>({
    listId,
    urlFor: (q) => `/requests/agencies?q=${encodeURIComponent(q)}`,
    delayMs: 150,
    onChoose: (hit) => {
      setText(hit.name);
      setPickedId(hit.id);
    },
  });
  const { hits, answered } = combobox;

  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(" ");
  return (
    <div className="field combobox">
      <label htmlFor={id}>Agency</label>
      <input
        id={id}
        name="agencyName"
        type="search"
        {...combobox.inputProps}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPickedId(null);
          combobox.search(e.target.value);
        }}
      />
      {pickedId ? <input type="hidden" name="agency" value={pickedId} /> : null}
      <span className="field__hint" id={`${id}-hint`}>
        Part of the agency's name
      </span>
      {errors?.length ? (
        <span className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </span>
      ) : null}
      <span className="visually-hidden" id={`${id}-status`} aria-live="polite">
        {answered ? `${hits.length} agencies found` : ""}
      </span>
      <ul {...combobox.listProps} aria-label="Agency: matches">
        {hits.map((h, i) => (
          <li key={h.id} {...combobox.optionProps(h, i)}>
            <span className="combobox__name">{h.name}</span>
            {h.jurisdictionName ? <span className="muted small"> · {h.jurisdictionName}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
