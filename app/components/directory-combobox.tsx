import { Combobox } from "./ui/combobox";
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
 * A search box over the national agency directory (see `Combobox`): picking puts the ORI in a hidden input named
 * `name`. It suggests only with JavaScript; without it the page shows a link to the directory's results page
 * instead (see requests.new).
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
  return (
    <Combobox<DirectoryOption, { hits: DirectoryOption[]; total: number }>
      label={label}
      type="text"
      hint={hint}
      errors={errors}
      placeholder="Name, place, county, state or ORI"
      initialText={initial ? directoryOptionLabel(initial) : ""}
      initialPick={initial?.ori ?? null}
      urlFor={(q) => `/directory/search?q=${encodeURIComponent(q)}&limit=8`}
      pickName={name}
      pickAlways
      pickValue={(o) => o.ori}
      pickText={directoryOptionLabel}
      optionKey={(o) => o.ori}
      onPick={onPick}
      status={(answer, shown) => `${answer.total} agencies found${answer.total > shown ? `, first ${shown} shown` : ""}`}
      renderOption={(h) => (
        <>
          <span className="combobox__name">{h.name}</span>{" "}
          <span className="muted small">
            {AGENCY_TYPE_LABELS[h.agencyType]} · {h.state}
            {h.counties.length ? ` · ${h.counties.join(", ")} County` : ""} · {h.ori}
            {h.agencyId ? " · in your agencies" : ""}
          </span>
        </>
      )}
    />
  );
}
