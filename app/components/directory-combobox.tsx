import { useEffect, useId, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
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
  const fetcher = useFetcher<{ hits: DirectoryOption[]; total: number }>();
  const [text, setText] = useState(initial ? directoryOptionLabel(initial) : "");
  const [picked, setPicked] = useState<DirectoryOption | null>(initial ?? null);
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
      fetcher.load(`/directory/search?q=${encodeURIComponent(value)}&limit=8`);
      setOpen(true);
      setActive(-1);
    }, 120);
  }

  function choose(option: DirectoryOption | null) {
    setPicked(option);
    setText(option ? directoryOptionLabel(option) : "");
    setOpen(false);
    setActive(-1);
    onPick?.(option);
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

  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(" ");
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
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
          if (picked) {
            setPicked(null);
            onPick?.(null);
          }
          search(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
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
        {open && fetcher.state === "idle" && fetcher.data ? `${fetcher.data.total} agencies found${fetcher.data.total > hits.length ? `, first ${hits.length} shown` : ""}` : ""}
      </span>
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} className="combobox__list" hidden={!open || hits.length === 0}>
        {hits.map((h, i) => (
          <li
            key={h.ori}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "combobox__option combobox__option--active" : "combobox__option"}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(h);
            }}
          >
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
