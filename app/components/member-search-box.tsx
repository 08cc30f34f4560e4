import type { FieldMetadata } from "@conform-to/react";
import { SelectField } from "./fields";
import { Combobox } from "./ui/combobox";

type Hit = { id: string; name: string };

/**
 * A search box that picks one of the organization's members (the assignee filter, "Assign to"): a text box named
 * `name` (part of the person's name), which works without JavaScript (the server reads the name). With it, the
 * box suggests members as you type; picking one also sends their id as `pickName`, and typing again drops it.
 */
export function MemberSearchBox({
  label,
  name,
  pickName,
  hint,
  initialText,
  initialId,
  errors,
}: {
  label: string;
  name: string;
  pickName: string;
  hint?: string;
  initialText: string;
  initialId: string | null;
  errors?: string[];
}) {
  return (
    <Combobox<Hit>
      label={label}
      name={name}
      hint={hint ?? "Part of the person's name"}
      errors={errors}
      initialText={initialText}
      initialPick={initialId}
      urlFor={(q) => `/requests/members?q=${encodeURIComponent(q)}`}
      delayMs={150}
      minLength={1}
      pickName={pickName}
      pickValue={(h) => h.id}
      pickText={(h) => h.name}
      optionKey={(h) => h.id}
      status={(_, shown) => `${shown} ${shown === 1 ? "member" : "members"} found`}
      renderOption={(h) => <span className="combobox__name">{h.name}</span>}
    />
  );
}

/**
 * A form's assignee field: the member search box for one who may assign anyone (`offered` null), else a select
 * of the few people offered (one who may only take or release a request: themselves, the current assignee).
 * Either way the pick is sent as `idName`; the search box also sends the name typed as `nameName`.
 */
export function AssigneeField({
  label = "Assignee",
  emptyLabel = "Unassigned",
  hint,
  offered,
  idName,
  nameName,
  selectId,
  initialId,
  initialName,
  errors,
}: {
  label?: string;
  emptyLabel?: string;
  hint: string;
  offered: ReadonlyArray<{ id: string; name: string }> | null;
  idName: string;
  nameName: string;
  selectId: string;
  initialId: string | null;
  initialName: string;
  errors?: string[];
}) {
  if (!offered) {
    return <MemberSearchBox label={label} name={nameName} pickName={idName} hint={hint} initialText={initialName} initialId={initialId} errors={errors} />;
  }
  return (
    <SelectField id={selectId} name={idName} label={label} errors={errors} defaultValue={initialId ?? ""}>
      <option value="">{emptyLabel}</option>
      {offered.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </SelectField>
  );
}

type TextField = FieldMetadata<string | undefined>;

/** AssigneeField's field names, initial values and errors, from a conform form's assigneeId and assigneeName. */
export function assigneeFieldsOf(fields: { assigneeId: TextField; assigneeName: TextField }) {
  return {
    idName: fields.assigneeId.name,
    nameName: fields.assigneeName.name,
    selectId: fields.assigneeId.id,
    initialId: fields.assigneeId.initialValue || null,
    initialName: fields.assigneeName.initialValue ?? "",
    errors: [...(fields.assigneeId.errors ?? []), ...(fields.assigneeName.errors ?? [])],
  };
}
