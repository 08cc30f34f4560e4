import { useEffect, useId, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";

type Hit = { id: string; name: string; jurisdictionName: string | null };

/**
 * The requests list's agency filter: a text box named `agencyName` (part of the agency's name), which works as a
 * plain text search without JavaScript. With it, the box is an ARIA combobox like the directory's (arrow keys,
 * Enter, Escape; matches announced): picking an agency also sends its id as `agency`; typing again drops it.
 */
export function AgencyFilterBox({ initialText, initialId, errors }: { initialText: string; initialId: string | null; errors?: string[] }) {
  const id = useId();
  const listId = `${id}-list`;
  const fetcher = useFetcher<{ hits: Hit[] }>();
  const [text, setText] = useState(initialText);
  const [pickedId, setPickedId] = useState<string | null>(initialId);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const hits = fetcher.data?.hits ?? [];
  useEffect(() => () => clearTimeout(timer.current), []);

  function search(value: string) {
    clearTimeout(timer.current);
    if (value.trim().length < 2) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      fetcher.load(`/requests/agencies?q=${encodeURIComponent(value)}`);
      setOpen(true);
      setActive(-1);
    }, 150);
  }

  function choose(hit: Hit) {
    setText(hit.name);
    setPickedId(hit.id);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open && hits.length) setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter" && open && active >= 0 && hits[active]) {
      event.preventDefault();
      choose(hits[active]!);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(" ");
  return (
    <div className="field combobox">
      <label htmlFor={id}>Agency</label>
      <input
        id={id}
        name="agencyName"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPickedId(null);
          search(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
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
        {open && fetcher.state === "idle" && fetcher.data ? `${hits.length} agencies found` : ""}
      </span>
      <ul id={listId} role="listbox" aria-label="Agency: matches" className="combobox__list" hidden={!open || hits.length === 0}>
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "combobox__option combobox__option--active" : "combobox__option"}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(h);
            }}
          >
            <span className="combobox__name">{h.name}</span>
            {h.jurisdictionName ? <span className="muted small"> · {h.jurisdictionName}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
