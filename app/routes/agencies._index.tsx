import { Card } from "~/components/ui/card";
import { SearchForm } from "~/components/ui/search-form";
import { formatNumber } from "~/components/ui/number-text";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { pageAgencies } from "~/domain/places.server";
import { PLACE_PAGE_SIZE, parsePlaceListQuery } from "~/domain/place-list-input";
import { CursorPagination } from "~/components/cursor-pagination";
import { searchDirectory } from "~/domain/directory.server";
import { useCan } from "~/utils/use-permission";
import { requireViewer } from "~/utils/auth.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Agencies · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parsePlaceListQuery("agencies", new URL(request.url).searchParams);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "q")] ??= issue.message;
    const noHits: Awaited<ReturnType<typeof searchDirectory>>["hits"] = [];
    return json({ errors, page: null, directoryHits: noHits, directoryTotal: 0 }, { status: 400 });
  }
  const { q, cursor } = parsed.data;
  // One page of the organization's agencies (their open requests counted for that page only).
  const [page, directory] = await Promise.all([
    pageAgencies(viewer, { q, cursor, pageSize: PLACE_PAGE_SIZE }),
    // The same words in the national directory: agencies the organization does not have yet.
    q && !cursor ? searchDirectory(viewer.organizationId, { q, limit: 6 }) : Promise.resolve({ hits: [], total: 0, words: [] }),
  ]);
  return json({
    errors: null,
    page,
    directoryHits: directory.hits.filter((h) => !h.agencyId),
    directoryTotal: directory.total,
  });
}

export default function AgenciesIndex() {
  const canManage = useCan("agency.manage");
  const { errors, page, directoryHits, directoryTotal } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const agencies = page?.rows ?? [];
  return (
    <>
      <PageHeader
        title="Agencies"
        meta="Departments you send requests to: police, sheriffs, 911 centers, clerks, oversight boards."
        actions={
          <ButtonGroup>
            <Link to="/directory" className="button button--secondary">
              National directory
            </Link>
            {canManage ? (
              <Link to="/agencies/new" className="button">
                Add agency
              </Link>
            ) : null}
          </ButtonGroup>
        }
      />
      <div className="card">
        <SearchForm
          id="agency-q"
          name="q"
          label="Search by name"
          defaultValue={params.get("q") ?? ""}
          errors={errors?.q ? [errors.q] : undefined}
        />
      </div>
      {errors?.cursor || errors?.pageSize ? (
        <div className="card" role="alert">
          <p>{errors.cursor ?? errors.pageSize}</p>
          <Link to={params.get("q") ? `/agencies?q=${encodeURIComponent(params.get("q") ?? "")}` : "/agencies"}>First page</Link>
        </div>
      ) : null}
      {page && (page.nextCursor || page.prevCursor || page.total > 0) ? (
        <CursorPagination total={page.total} totalExact={page.totalExact} nextCursor={page.nextCursor} prevCursor={page.prevCursor} noun="agency" plural="agencies" label="Agency pages" />
      ) : null}
      {agencies.length ? (
        <DataTable captionClassName="visually-hidden" caption="Agencies" columns={["Agency", "Kind", "Jurisdiction", { label: "Open requests", numeric: true }]}>
          {agencies.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/agencies/${a.id}`} className="row-title">
                  {a.name}
                </Link>
              </td>
              <td data-label="Kind">{AGENCY_TYPE_LABELS[a.type]}</td>
              <td data-label="Jurisdiction">
                {a.jurisdictionName}
                {a.stateCode && a.stateCode !== a.jurisdictionName ? `, ${a.stateCode}` : ""}
              </td>
              <td data-label="Open requests" className="num">
                {a.openRequests}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : errors ? null : (
        <div className="card empty-state">
          <p className="empty-state__title">{params.get("q") ? "No agency matches that name" : "No agencies yet"}</p>
          <p>The agencies your organization asks for records; any US agency can be added from the national directory.</p>
          {canManage ? (
            <Link to="/agencies/new" className="button">
              Add an agency
            </Link>
          ) : null}
        </div>
      )}
      {page && agencies.length > 20 && (page.nextCursor || page.prevCursor) ? (
        <CursorPagination total={page.total} totalExact={page.totalExact} nextCursor={page.nextCursor} prevCursor={page.prevCursor} noun="agency" plural="agencies" label="Agency pages, below the list" />
      ) : null}
      {directoryHits.length ? (
        <Card aria-labelledby="directory-matches">
          <h2 id="directory-matches">Not in your list yet: the national directory</h2>
          <ul className="plain-list">
            {directoryHits.map((h) => (
              <li key={h.ori}>
                {h.name} · {h.state}
                {h.counties.length ? ` · ${h.counties.join(", ")} County` : ""} · <code>{h.ori}</code>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/directory?q=${encodeURIComponent(params.get("q") ?? "")}`}>
              All {formatNumber(directoryTotal)} directory matches, to file a request or add one to your agencies
            </Link>
          </p>
        </Card>
      ) : null}
    </>
  );
}
