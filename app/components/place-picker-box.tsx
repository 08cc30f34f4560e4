import type { ReactNode } from "react";
import { jurisdictionLabel, type AgencyHit, type JurisdictionHit } from "~/domain/place-labels";
import { Combobox } from "./ui/combobox";

/**
 * A form's agency field: a search box over the organization's own agencies (/agencies/suggestions). Without
 * JavaScript the typed name is submitted as `name` and the server finds the one agency it means (or says which
 * match); a pick puts the agency's id in `pickName`, the field the action reads.
 */
export function AgencyPickerBox({
  label = "Agency",
  name,
  pickName,
  initialText,
  initialId,
  errors,
  hint = "Type part of its name, then choose it.",
}: {
  label?: string;
  name: string;
  pickName: string;
  initialText: string;
  initialId: string | null;
  errors?: string[];
  hint?: ReactNode;
}) {
  return (
    <Combobox<AgencyHit>
      label={label}
      name={name}
      type="text"
      hint={hint}
      errors={errors}
      initialText={initialText}
      initialPick={initialId}
      urlFor={(q) => `/agencies/suggestions?q=${encodeURIComponent(q)}`}
      delayMs={150}
      minLength={2}
      pickName={pickName}
      pickValue={(h) => h.id}
      pickText={(h) => h.name}
      optionKey={(h) => h.id}
      status={(_, shown) => `${shown} ${shown === 1 ? "agency" : "agencies"} found`}
      renderOption={(h) => (
        <>
          <span className="combobox__name">{h.name}</span>
          {h.jurisdictionName && h.jurisdictionName !== h.name ? <span className="muted small"> · {h.jurisdictionName}</span> : null}
        </>
      )}
    />
  );
}

/** The agency form's jurisdiction field: the same kind of box over /jurisdictions/suggestions. */
export function JurisdictionPickerBox({
  name,
  pickName,
  initialText,
  initialId,
  errors,
  hint,
}: {
  name: string;
  pickName: string;
  initialText: string;
  initialId: string | null;
  errors?: string[];
  hint?: ReactNode;
}) {
  return (
    <Combobox<JurisdictionHit>
      label="Jurisdiction"
      name={name}
      type="text"
      hint={hint}
      errors={errors}
      initialText={initialText}
      initialPick={initialId}
      urlFor={(q) => `/jurisdictions/suggestions?q=${encodeURIComponent(q)}`}
      delayMs={150}
      minLength={2}
      pickName={pickName}
      pickValue={(h) => h.id}
      pickText={jurisdictionLabel}
      optionKey={(h) => h.id}
      status={(_, shown) => `${shown} ${shown === 1 ? "jurisdiction" : "jurisdictions"} found`}
      renderOption={(h) => (
        <>
          <span className="combobox__name">{h.name}</span>
          {h.stateName ? <span className="muted small"> · {h.stateName}</span> : null}
        </>
      )}
    />
  );
}
