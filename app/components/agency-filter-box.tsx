import { Combobox } from "./ui/combobox";

type Hit = { id: string; name: string; jurisdictionName: string | null };

/**
 * The requests list's agency filter: a text box named `agencyName` (part of the agency's name), which works as a
 * plain text search without JavaScript. With it, the box suggests agencies (see `Combobox`): picking one also
 * sends its id as `agency`; typing again drops it.
 */
export function AgencyFilterBox({ initialText, initialId, errors }: { initialText: string; initialId: string | null; errors?: string[] }) {
  return (
    <Combobox<Hit>
      label="Agency"
      name="agencyName"
      hint="Part of the agency's name"
      errors={errors}
      initialText={initialText}
      initialPick={initialId}
      urlFor={(q) => `/requests/agencies?q=${encodeURIComponent(q)}`}
      delayMs={150}
      pickName="agency"
      pickValue={(h) => h.id}
      pickText={(h) => h.name}
      optionKey={(h) => h.id}
      status={(_, shown) => `${shown} agencies found`}
      renderOption={(h) => (
        <>
          <span className="combobox__name">{h.name}</span>
          {h.jurisdictionName ? <span className="muted small"> · {h.jurisdictionName}</span> : null}
        </>
      )}
    />
  );
}
