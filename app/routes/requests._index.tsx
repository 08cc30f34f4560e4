import { EmptyState } from "~/components/empty-state";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { DueCell } from "~/components/due-cell";
import { AgencyFilterBox } from "~/components/agency-filter-box";
import { CursorPagination } from "~/components/cursor-pagination";
import { StatusBadge } from "~/components/status-badge";
import { VisibilityBadge } from "~/components/visibility-badge";
import { REQUEST_VISIBILITIES } from "../../db/schema/values";
import { VISIBILITY_LABELS } from "~/domain/visibility";
import { listMembers } from "~/domain/members.server";
import { effectiveSort, parseRequestFilters, REQUEST_SORTS, type RequestSort } from "~/domain/request-input";
import { requestReference } from "~/domain/request-reference";
import { REQUEST_STATUSES, STATUS_LABELS } from "~/domain/request-status";
import { filterAgencyName, listRequests, listTags } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { DateText } from "~/components/date-text";
import { useToday } from "~/utils/use-root";
import { useCan } from "~/utils/use-permission";
import { fieldErrorsOf } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Requests · JointAsk" }];

const SORT_LABELS: Record<RequestSort, string> = {
  updated: "Recently updated",
  created: "Recently created",
  filed: "Filed date",
  due: "Due date (soonest first)",
  title: "Title (A–Z)",
  status: "Status",
  next_action: "Next action date",
  number: "Request number",
  relevance: "Best match (when searching)",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseRequestFilters(new URL(request.url).searchParams);
  // No select lists every agency: the agency filter is a text box (agencyName), and links from an agency's page
  // keep their agency id.
  const agencyParam = parsed.success ? parsed.data.agency : undefined;
  const [members, tags, agencyLabel] = await Promise.all([
    listMembers(viewer),
    listTags(viewer),
    agencyParam ? filterAgencyName(viewer, agencyParam) : null,
  ]);
  const inCoalition = viewer.partnerOrganizationIds.length > 0;
  const options = { members, tags, agencyLabel };
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error.issues);
    return json({ ...options, errors, result: null, viewerId: viewer.id, organizationId: viewer.organizationId, inCoalition }, { status: 400 });
  }
  const result = await listRequests(viewer, parsed.data);
  return json({ ...options, errors: null, result, viewerId: viewer.id, organizationId: viewer.organizationId, inCoalition });
}

export default function RequestsIndex() {
  const canFile = useCan("request.create");
  const { members, tags, agencyLabel, errors, result, organizationId, inCoalition } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const today = useToday();
  const filtered = ["status", "agency", "agencyName", "assignee", "tag", "q", "owner", "visibility"].some((k) => params.get(k));
  const agencyId = params.get("agency");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Requests</h1>
          <p className="page-header__meta">
            {inCoalition
              ? "Your organization's records requests, and those its coalition partners share."
              : "Every records request your organization is tracking."}
          </p>
        </div>
        <div className="actions">
          <Link to="/r" className="button button--quiet">
            Public requests
          </Link>
          {canFile ? (
            <Link to="/requests/new" className="button">
              New request
            </Link>
          ) : null}
        </div>
      </div>

      <section className="card" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          Filter requests
        </h2>
        <Form method="get" className="filters" role="search">
          <TextField
            id="filter-q"
            name="q"
            type="search"
            label="Search title and text"
            defaultValue={params.get("q") ?? ""}
            errors={errors?.q}
            className="field--wide"
          />
          <SelectField id="filter-status" name="status" label="Status" defaultValue={params.get("status") ?? ""} errors={errors?.status}>
            <option value="">Any status</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <AgencyFilterBox
            key={`${params.get("agencyName") ?? ""}|${agencyId ?? ""}`}
            initialText={params.get("agencyName") ?? agencyLabel ?? ""}
            initialId={agencyId}
            errors={errors?.agencyName ?? errors?.agency}
          />
          <SelectField id="filter-assignee" name="assignee" label="Assignee" defaultValue={params.get("assignee") ?? ""} errors={errors?.assignee}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="filter-tag" name="tag" label="Tag" defaultValue={params.get("tag") ?? ""} errors={errors?.tag}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </SelectField>
          {inCoalition ? (
            <SelectField id="filter-owner" name="owner" label="Whose" defaultValue={params.get("owner") ?? ""} errors={errors?.owner}>
              <option value="">Ours and shared with us</option>
              <option value="own">Ours only</option>
              <option value="shared">Shared by coalition partners</option>
            </SelectField>
          ) : null}
          <SelectField id="filter-visibility" name="visibility" label="Who can see it" defaultValue={params.get("visibility") ?? ""} errors={errors?.visibility}>
            <option value="">Anyone</option>
            {REQUEST_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {VISIBILITY_LABELS[v]}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="filter-sort"
            name="sort"
            label="Sort by"
            defaultValue={effectiveSort({ sort: (params.get("sort") || undefined) as RequestSort | undefined, q: params.get("q") || undefined })}
            errors={errors?.sort}
          >
            {REQUEST_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button">
              Apply
            </button>
            {filtered ? (
              <Link to="/requests" className="button button--quiet">
                Clear
              </Link>
            ) : null}
          </div>
        </Form>
        {errors && (errors.page || errors.pageSize || errors.dir || errors.cursor) ? (
          <FormErrors errors={[...(errors.page ?? []), ...(errors.pageSize ?? []), ...(errors.dir ?? []), ...(errors.cursor ?? [])]} />
        ) : null}
      </section>

      {result && result.rows.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Requests</caption>
              <thead>
                <tr>
                  <SortableHeader sort="number" label="#" current={result} />
                  <SortableHeader sort="title" label="Request" current={result} />
                  <th scope="col">Agency</th>
                  <SortableHeader sort="status" label="Status" current={result} />
                  <th scope="col">Fields received</th>
                  <th scope="col">Assignee</th>
                  <SortableHeader sort="filed" label="Filed" current={result} />
                  <SortableHeader sort="due" label="Due" current={result} />
                  <SortableHeader sort="next_action" label="Next action" current={result} />
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.id}>
                    <td data-label="Number" className="muted nowrap">
                      {requestReference(r)}
                    </td>
                    <td>
                      <Link to={`/requests/${r.id}`} className="row-title">
                        {r.title}
                      </Link>
                      {r.visibility !== "coalition" || r.organizationId !== organizationId ? (
                        <div className="small">
                          {r.visibility !== "coalition" ? <VisibilityBadge visibility={r.visibility} embargoUntil={r.embargoUntil} today={today} /> : null}
                          {r.organizationId !== organizationId ? <span className="muted"> Shared by {r.organizationName}</span> : null}
                        </div>
                      ) : null}
                      {r.tags.length > 0 ? (
                        <div>
                          {r.tags.map((t) => (
                            <Link key={t} className="tag" to={`/requests?tag=${encodeURIComponent(t)}`}>
                              {t}
                            </Link>
                          ))}
                        </div>
                      ) : null}
                    </td>
                    <td data-label="Agency">
                      {r.vendorName ? (
                        <>
                          {r.vendorName}
                          <div className="muted">Vendor</div>
                        </>
                      ) : (
                        <>
                          {r.agencyName}
                          <div className="muted">{r.jurisdictionName}</div>
                        </>
                      )}
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                    </td>
                    <td data-label="Fields received">
                      {r.coverageTotal ? `${r.coverageReceived} of ${r.coverageTotal}` : <span className="muted">—</span>}
                    </td>
                    <td data-label="Assignee">{r.assigneeName ?? <span className="muted">Unassigned</span>}</td>
                    <td data-label="Filed">{r.filedOn ? <DateText date={r.filedOn} today={today} /> : <span className="muted">Not filed</span>}</td>
                    <td data-label="Due">
                      <DueCell row={r} today={today} />
                    </td>
                    <td data-label="Next action">
                      {r.nextActionOn ? <DateText date={r.nextActionOn} today={today} as="when" /> : <span className="muted">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CursorPagination total={result.total} totalExact={result.totalExact} nextCursor={result.nextCursor} prevCursor={result.prevCursor} noun="request" />
        </>
      ) : result ? (
        <EmptyState
          title={filtered ? "No requests match these filters" : "No requests yet"}
          action={
            <>
              {filtered ? (
                <Link to="/requests" className="button button--secondary">
                  Clear the filters
                </Link>
              ) : null}
              {canFile ? (
                <Link to="/requests/new" className="button">
                  File a request
                </Link>
              ) : null}
            </>
          }
        >
          <p>Every public-records request your organization files is tracked here, with its deadline and what came back.</p>
        </EmptyState>
      ) : null}
    </>
  );
}

/**
 * A column header that sorts the list by its column: a link (works without JavaScript) to the same filters
 * sorted this way, from the first page; on the sorted column it turns the direction round.
 */
function SortableHeader({ sort, label, current }: { sort: RequestSort; label: string; current: { sort: RequestSort; dir: "asc" | "desc" } }) {
  const [params] = useSearchParams();
  const active = current.sort === sort;
  const next = new URLSearchParams(params);
  next.delete("cursor");
  next.delete("page");
  next.set("sort", sort);
  const dir = active ? (current.dir === "asc" ? "desc" : "asc") : null;
  if (dir) next.set("dir", dir);
  else next.delete("dir");
  return (
    <th scope="col" aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={`?${next}`} className="sort-link">
        {label}
        {active ? <span aria-hidden="true">{current.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        <span className="visually-hidden">{active ? `, sorted ${current.dir === "asc" ? "ascending" : "descending"}; sort the other way` : ", sort by this column"}</span>
      </Link>
    </th>
  );
}
