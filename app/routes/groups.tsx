import { Card } from "~/components/ui/card";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SYSTEM_TYPES } from "../../db/schema/values";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { Pagination } from "~/components/pagination";
import { listGroups } from "~/domain/groups.server";
import { membersMap } from "~/domain/maps.server";
import { UsMap } from "~/components/us-map";
import { SYSTEM_TYPE_MAP_CATEGORIES } from "~/domain/us-map";
import { GROUP_SORTS, groupFiltersSchema, parseQuery, SYSTEM_TYPE_LABELS, type GroupSort } from "~/domain/vendor-input";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { fieldErrorsOf } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Shared-vendor groups · JointAsk" }];

const SORT_LABELS: Record<GroupSort, string> = { size: "Most cities first", name: "Product (A–Z)", vendor: "Vendor (A–Z)" };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseQuery(groupFiltersSchema, new URL(request.url).searchParams);
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error.issues), result: null, map: null, state: null }, { status: 400 });
  const today = todayIn(viewer.timeZone);
  const [result, map] = await Promise.all([listGroups(viewer, parsed.data, today), membersMap(viewer, { all: true }, today)]);
  return json({ errors: null, result, map, state: parsed.data.state ?? null });
}

export default function Groups() {
  const { errors, result, map, state } = useLoaderData<typeof loader>();
  const canAsk = useCan("request.create");
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/vendors">Vendors</Link> /
          </>
        }
        title="Shared-vendor groups"
        meta={
          <>
            Cities and counties on the same product, including those whose system another agency hosts. One standard export from a product can answer the
            same ask in every place on it.
          </>
        }
      />
      {map && map.states.some((s) => s.total > 0) ? (
        <Card aria-labelledby="groups-map-heading">
          <h2 id="groups-map-heading">Where the agencies on shared products are</h2>
          <UsMap
            id="groups-map-table"
            map={map}
            categories={SYSTEM_TYPE_MAP_CATEGORIES}
            noun={["agency", "agencies"]}
            colouredBy="kind of system"
            stateHref={(code) => {
              const next = new URLSearchParams(params);
              next.set("state", code);
              next.delete("page");
              return `?${next.toString()}#group-list`;
            }}
            clearHref={(() => {
              const next = new URLSearchParams(params);
              next.delete("state");
              next.delete("page");
              return `?${next.toString()}`;
            })()}
            currentState={state}
          />
        </Card>
      ) : null}
      <Card aria-labelledby="group-filters">
        <h2 id="group-filters" className="visually-hidden">
          Filter groups
        </h2>
        <Form method="get" className="filters">
          <SelectField id="group-type" name="systemType" label="Kind of system" defaultValue={params.get("systemType") ?? ""} errors={errors?.systemType}>
            <option value="">Any</option>
            {SYSTEM_TYPES.map((t) => (
              <option key={t} value={t}>
                {SYSTEM_TYPE_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <TextField id="group-min" name="minCities" type="number" min={1} label="At least this many cities" defaultValue={params.get("minCities") ?? "2"} errors={errors?.minCities} />
          <SelectField id="group-sort" name="sort" label="Sort by" defaultValue={params.get("sort") ?? "size"} errors={errors?.sort}>
            {GROUP_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <ButtonGroup>
            <button type="submit" className="button">
              Apply
            </button>
          </ButtonGroup>
          {state ? <input type="hidden" name="state" value={state} /> : null}
        </Form>
        {errors?.page ? <FormErrors errors={errors.page} /> : null}
        {errors?.state ? <FormErrors errors={errors.state} /> : null}
      </Card>
      {state && result ? (
        <p className="notice" role="status" id="group-list">
          Groups with an agency in {map?.states.find((s) => s.code === state)?.name ?? state}.{" "}
          <Link to="?" preventScrollReset>
            Show every state
          </Link>
        </p>
      ) : null}
      {result && result.rows.length ? (
        <>
          <DataTable captionClassName="visually-hidden" caption="Shared-vendor groups" columns={["Product", "Used as", { label: "Cities & counties", numeric: true }, { label: "Agencies", numeric: true }, { label: "States", numeric: true }, <span className="visually-hidden">Actions</span>]}>
            {result.rows.map((g) => (
              <tr key={`${g.productId}-${g.systemType}`}>
                <td>
                  <Link to={`/products/${g.productId}`} className="row-title">
                    {g.productName}
                  </Link>
                  <div className="muted small">
                    <Link to={`/vendors/${g.vendorId}`}>{g.vendorName}</Link>
                  </div>
                </td>
                <td data-label="Used as">{SYSTEM_TYPE_LABELS[g.systemType]}</td>
                <td data-label="Cities & counties" className="num">
                  {g.cities}
                </td>
                <td data-label="Agencies" className="num">
                  {g.agencies}
                  {g.hosted ? <div className="muted small">{g.hosted} hosted</div> : null}
                </td>
                <td data-label="States" className="num">
                  {g.states}
                </td>
                <td>
                  {canAsk ? (
                    <Link to={`/campaigns/new?product=${g.productId}&systemType=${g.systemType}`}>
                      Joint ask<span className="visually-hidden"> to the {g.productName} group</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} noun="group" />
        </>
      ) : result ? (
        <div className="card empty">
          <p>No group matches. Record which systems agencies use (on an agency's page, or by importing a CSV) to see who shares a vendor.</p>
        </div>
      ) : null}
    </>
  );
}
