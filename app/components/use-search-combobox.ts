import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";

/**
 * The behaviour of a search box that suggests as you type, as an ARIA combobox: after `minLength` characters and
 * a short pause it loads `urlFor(text)` (JSON with `hits`); the arrow keys move through the matches, Enter or a
 * click picks one (`onChoose`), Escape and leaving the box close the list. The component renders the input, the
 * hidden field the pick fills, and each option's content; this hook gives it the state and the ARIA props.
 */
export function useSearchCombobox<Hit, Data extends { hits: Hit[] } = { hits: Hit[] }>({
  listId,
  urlFor,
  onChoose,
  minLength = 2,
  delayMs = 120,
}: {
  listId: string;
  urlFor: (text: string) => string;
  onChoose: (hit: Hit) => void;
  minLength?: number;
  delayMs?: number;
}) {
  const fetcher = useFetcher<Data>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // The JSON the search route answers is what it says: serialization leaves these plain objects as they are.
  const hits = (fetcher.data?.hits ?? []) as Hit[];
  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string) {
    clearTimeout(timer.current);
    if (text.trim().length < minLength) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      fetcher.load(urlFor(text));
      setOpen(true);
      setActive(-1);
    }, delayMs);
  }

  function choose(hit: Hit) {
    setOpen(false);
    setActive(-1);
    onChoose(hit);
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

  const shown = open && hits.length > 0;
  return {
    hits,
    active,
    /** The matches have arrived for what was typed last (for the announced count). */
    answered: open && fetcher.state === "idle" && fetcher.data ? (fetcher.data as unknown as Data) : null,
    search,
    inputProps: {
      role: "combobox",
      autoComplete: "off",
      "aria-autocomplete": "list" as const,
      "aria-expanded": shown,
      "aria-controls": listId,
      "aria-activedescendant": open && active >= 0 ? `${listId}-${active}` : undefined,
      onKeyDown,
      onBlur: () => setTimeout(() => setOpen(false), 150),
    },
    listProps: { id: listId, role: "listbox", className: "combobox__list", hidden: !shown },
    optionProps: (hit: Hit, i: number) => ({
      id: `${listId}-${i}`,
      role: "option",
      "aria-selected": i === active,
      className: i === active ? "combobox__option combobox__option--active" : "combobox__option",
      onMouseDown: (e: React.MouseEvent) => {
        e.preventDefault();
        choose(hit);
      },
    }),
  };
}
