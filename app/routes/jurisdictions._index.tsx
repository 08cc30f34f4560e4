import { Card } from "~/components/ui/card";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CursorPagination } from "~/components/cursor-pagination";
import { SearchForm } from "~/components/ui/search-form";
import { PLACE_PAGE_SIZE, parsePlaceListQuery } from "~/domain/place-list-input";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import {
  JURISDICTION_KIND_LABELS,
  LOCAL_JURISDICTION_KINDS,
  localJurisdictionFormSchema,
} from "~/domain/places-input";
import { createLocalJurisdiction, listStates, pageJurisdictions } from "~/domain/places.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { useCan } from "~/utils/use-permission";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Jurisdictions · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parsePlaceListQuery("jurisdictions", new URL(request.url).searchParams);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "q")] ??= issue.message;
  // One page of the local jurisdictions (their agencies counted for that page only), the states, and the
  // states for the form (52 rows each).
  const [places, states] = await Promise.all([
    pageJurisdictions(viewer, parsed.success ? { q: parsed.data.q, cursor: parsed.data.cursor, pageSize: PLACE_PAGE_SIZE } : { pageSize: 0 }),
    listStates(),
  ]);
  return json({ errors: parsed.success ? null : errors, local: parsed.success ? places.local : null, stateLevel: places.stateLevel, states }, { status: parsed.success ? 200 : 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "jurisdiction.manage");
  const submission = parseWithZod(await readFormData(request), { schema: localJurisdictionFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createLocalJurisdiction(viewer, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash("/jurisdictions", { kind: "success", message: `${submission.value.name} added.` });
}

export default function Jurisdictions() {
  const { errors, local: localPage, stateLevel, states } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const canManage = useCan("jurisdiction.manage");
  const [form, fields] = useForm({
    id: "add-jurisdiction",
    lastResult: useActionData<typeof action>(),
    constraint: getZodConstraint(localJurisdictionFormSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: localJurisdictionFormSchema }),
  });
  const local = localPage?.rows ?? [];
  // The same pages above the list and, for a long one, below it.
  const pager = (label: string) =>
    localPage ? (
      <CursorPagination total={localPage.total} totalExact={localPage.totalExact} nextCursor={localPage.nextCursor} prevCursor={localPage.prevCursor} noun="place" label={label} />
    ) : null;
  const q = params.get("q") ?? "";
  return (
    <>
      <PageHeader
        title="Jurisdictions"
        meta={
          <>
            Whose public-records law applies. Cities, counties and regional authorities follow their state's law.
          </>
        }
      />
      <div className="grid-2">
        <div>
          <Card aria-labelledby="local-heading">
            <h2 id="local-heading">Cities, counties and regional authorities</h2>
            <SearchForm id="jurisdiction-q" name="q" label="Search by name" defaultValue={q} secondary errors={errors?.q ? [errors.q] : undefined} />
            {errors?.cursor || errors?.pageSize ? (
              <p role="alert">
                {errors.cursor ?? errors.pageSize} <Link to={q ? `/jurisdictions?q=${encodeURIComponent(q)}` : "/jurisdictions"}>First page</Link>
              </p>
            ) : null}
            {localPage && (localPage.total > 0 || localPage.prevCursor) ? pager("Pages of places") : null}
            {local.length ? (
              <DataTable columns={["Name", "Kind", "State", "County", { label: "Agencies", numeric: true }]}>
                {local.map((j) => (
                  <tr key={j.id}>
                    <td className="row-title">{j.name}</td>
                    <td data-label="Kind">{JURISDICTION_KIND_LABELS[j.kind]}</td>
                    <td data-label="State">{j.stateName}</td>
                    <td data-label="County">{j.county ?? <span className="muted">—</span>}</td>
                    <td data-label="Agencies" className="num">
                      {j.agencyCount}
                    </td>
                  </tr>
                ))}
              </DataTable>
            ) : errors ? null : (
              <p className="muted">{q ? "No city, county or authority matches that name." : "None yet: add the places whose departments you ask."}</p>
            )}
            {localPage && local.length > 20 && (localPage.nextCursor || localPage.prevCursor) ? pager("Pages of places, below the list") : null}
          </Card>
          <Card aria-labelledby="state-heading">
            <h2 id="state-heading">Federal, states and DC</h2>
            <p className="small muted">Each has its own public-records law: open one for its response times, closed days and exemptions. Those with state-level agencies of yours (a state police, an attorney general) come first.</p>
            <ul className="state-grid">
              {[...stateLevel]
                .sort((a, b) => Number(b.agencyCount > 0) - Number(a.agencyCount > 0))
                .map((j) => (
                  <li key={j.id} className={j.agencyCount > 0 ? "state-grid__item state-grid__item--used" : "state-grid__item"}>
                    <Link to={`/laws/${j.code}`}>
                      {j.name} <span className="muted">({j.code})</span>
                    </Link>
                    {j.agencyCount > 0 ? (
                      <span className="small muted">
                        {j.agencyCount} {j.agencyCount === 1 ? "agency" : "agencies"}
                      </span>
                    ) : null}
                  </li>
                ))}
            </ul>
          </Card>
        </div>
        {canManage ? (
          <Card aria-labelledby="add" id="add">
            <h2 id="add-heading">Add a city, county or authority</h2>
            <Form method="post" className="form" {...getFormProps(form)}>
              <FormErrors id={form.errorId} errors={form.errors} />
              <TextField label="Name" {...getInputProps(fields.name, { type: "text" })} id={fields.name.id} errors={fields.name.errors} />
              <SelectField label="Kind" {...getSelectProps(fields.kind)} id={fields.kind.id} errors={fields.kind.errors}>
                <option value="">Choose…</option>
                {LOCAL_JURISDICTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {JURISDICTION_KIND_LABELS[k]}
                  </option>
                ))}
              </SelectField>
              <SelectField label="State" {...getSelectProps(fields.stateId)} id={fields.stateId.id} errors={fields.stateId.errors}>
                <option value="">Choose…</option>
                {states.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="County (optional)"
                {...getInputProps(fields.county, { type: "text" })}
                id={fields.county.id}
                errors={fields.county.errors}
                hint="For a city or authority: the county it lies in. Some states close offices on days that exist only in some counties."
              />
              <ButtonGroup>
                <button type="submit" className="button">
                  Add
                </button>
              </ButtonGroup>
            </Form>
            <p className="small muted">
              Then <Link to="/agencies/new">add its agencies</Link>.
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
