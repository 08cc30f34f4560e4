import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/empty-state";
import { ButtonGroup } from "~/components/ui/button-group";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { DueCell } from "~/components/due-cell";
import { AgencyFilterBox } from "~/components/agency-filter-box";
import { MemberSearchBox } from "~/components/member-search-box";
import { assigneeFilterName } from "~/domain/members.server";
import { CursorPagination } from "~/components/cursor-pagination";
import { StatusBadge } from "~/components/status-badge";
import { VisibilityBadge } from "~/components/visibility-badge";
import { REQUEST_VISIBILITIES } from "../../db/schema/values";
import { VISIBILITY_LABELS } from "~/domain/visibility";
import { effectiveSort, parseRequestFilters, REQUEST_SORTS, type RequestSort } from "~/domain/request-input";
import { requestReference } from "~/domain/request-reference";
import { REQUEST_STATUSES, STATUS_LABELS } from "~/domain/request-status";
import { filterAgencyName, listRequests } from "~/domain/requests.server";
import { listFilterOptions } from "~/domain/request-list-options.server";
import { requireViewer } from "~/utils/auth.server";
import { DateText } from "~/components/date-text";
import { useToday } from "~/utils/use-root";
import { useCan } from "~/utils/use-permission";
import { BULK_VISIBILITIES, filterQuery } from "~/domain/bulk-input";
import { countLabel } from "~/components/cursor-pagination";
import { useRef } from "react";
import { fieldErrorsOf } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";

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
  const url = new URL(request.url);
  const parsed = parseRequestFilters(url.searchParams);
  // No select lists every agency: the agency filter is a text box (agencyName), and links from an agency's page
  // keep their agency id.
  const agencyParam = parsed.success ? parsed.data.agency : undefined;
  // Nor one of every member: the assignee filter is a search box too; a person's id from a link is named here.
  const assigneeParam = parsed.success && parsed.data.assignee && parsed.data.assignee !== "me" && parsed.data.assignee !== "none" ? parsed.data.assignee : undefined;
  const assigneeIdParam = parsed.success ? parsed.data.assigneeId : undefined;
  // One round of queries: the filters' options (one statement), the agency's and people's names, and the page itself.
  const [{ tags, views }, agencyLabel, assigneeLabel, pickedAssigneeLabel, result] = await Promise.all([
    listFilterOptions(viewer),
    agencyParam ? filterAgencyName(viewer, agencyParam) : null,
    assigneeParam ? assigneeFilterName(viewer, assigneeParam) : null,
    assigneeIdParam ? assigneeFilterName(viewer, assigneeIdParam) : null,
    parsed.success ? listRequests(viewer, parsed.data) : null,
  ]);
  const inCoalition = viewer.partnerOrganizationIds.length > 0;
  // The filters carried on to the export, saved views and bulk changes; an agency id the viewer can't see (one
  // that names no agency of theirs) matches nothing and is not repeated back.
  const kept = new URLSearchParams(url.searchParams);
  if (agencyParam && !agencyLabel) kept.delete("agency");
  const query = filterQuery(kept);
  const options = { tags, agencyLabel, assignee: assigneeParam && assigneeLabel ? { id: assigneeParam, name: assigneeLabel } : null, pickedAssigneeLabel, views, query };
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error.issues);
    return json({ ...options, errors, result: null, viewerId: viewer.id, organizationId: viewer.organizationId, inCoalition }, { status: 400 });
  }
  return json({ ...options, errors: null, result, viewerId: viewer.id, organizationId: viewer.organizationId, inCoalition });
}

export default function RequestsIndex() {
  const canFile = useCan("request.create");
  const { tags, agencyLabel, assignee, pickedAssigneeLabel, errors, result, organizationId, inCoalition, views, query } = useLoaderData<typeof loader>();
  const canEdit = useCan("request.edit");
  const canChangeStatus = useCan("request.changeStatus");
  const canBulk = canEdit || canChangeStatus;
  const canExport = useCan("export");
  const tableRef = useRef<HTMLDivElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  // With JavaScript, "select all on this page" ticks the rows, and stays ticked only while every row is.
  const rowBoxes = () => [...(tableRef.current?.querySelectorAll<HTMLInputElement>('input[name="requestIds"]') ?? [])];
  const onSelectAll = (checked: boolean) => rowBoxes().forEach((box) => (box.checked = checked));
  const onRowChange = () => {
    const boxes = rowBoxes();
    const ticked = boxes.filter((b) => b.checked).length;
    if (selectAllRef.current) {
      selectAllRef.current.checked = ticked > 0 && ticked === boxes.length;
      selectAllRef.current.indeterminate = ticked > 0 && ticked < boxes.length;
    }
  };
  const exportHref = `/requests/export.csv${query ? `?${query}` : ""}`;
  const ownIds = result ? result.rows.filter((r) => r.organizationId === organizationId).map((r) => r.id) : [];
  const [params] = useSearchParams();
  const today = useToday();
  const filtered = ["status", "agency", "agencyName", "assignee", "assigneeId", "assigneeName", "tag", "q", "owner", "visibility"].some((k) => params.get(k));
  const agencyId = params.get("agency");
  return (
    <>
      <PageHeader
        title="Requests"
        meta={
          <>
            {inCoalition
              ? "Your organization's records requests, and those its coalition partners share."
              : "Every records request your organization is tracking."}
          </>
        }
        actions={
          <ButtonGroup>
            {canExport ? (
              <a href={exportHref} className="button button--quiet" download>
                Download CSV
              </a>
            ) : null}
            <Link to="/r" className="button button--quiet">
              Public requests
            </Link>
            {canFile ? (
              <Link to="/requests/new" className="button">
                New request
              </Link>
            ) : null}
          </ButtonGroup>
        }
      />

      <nav className="saved-views-bar" aria-label="Saved views">
        {views.length ? (
          <>
            <span className="muted">Your views:</span>
            <ul className="saved-views-bar__list">
              {views.map((v) => (
                <li key={v.id}>
                  <Link to={v.valid && v.query ? `/requests?${v.query}` : "/requests"} className="tag" aria-current={v.valid && v.query === query ? "page" : undefined}>
                    {v.name}
                  </Link>
                </li>
              ))}
            </ul>
            <Link to="/requests/views">Rename or delete views</Link>
          </>
        ) : (
          <span className="muted">No saved views yet: filter the list, then save it as a view below the filters.</span>
        )}
      </nav>

      <Card aria-labelledby="filters-heading">
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
          <SelectField id="filter-assignee" name="assignee" label="Assigned" defaultValue={params.get("assignee") ?? ""} errors={errors?.assignee}>
            <option value="">To anyone or no one</option>
            <option value="me">To me</option>
            <option value="none">To no one (unassigned)</option>
            {assignee ? <option value={assignee.id}>To {assignee.name}</option> : null}
          </SelectField>
          <MemberSearchBox
            key={`${params.get("assigneeName") ?? ""}|${params.get("assigneeId") ?? ""}`}
            label="Assignee's name"
            name="assigneeName"
            pickName="assigneeId"
            initialText={params.get("assigneeName") ?? pickedAssigneeLabel ?? ""}
            initialId={params.get("assigneeId")}
            errors={errors?.assigneeName ?? errors?.assigneeId}
          />
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
        {!errors ? (
          <Form method="post" action="/requests/views" className="inline-form save-view">
            <input type="hidden" name="intent" value="save-view" />
            <input type="hidden" name="query" value={query} />
            <TextField id="view-name" name="name" label="View name" hint="Save these filters and this sort as a view of your own." maxLength={80} required />
            <button type="submit" className="button button--secondary">
              Save view
            </button>
          </Form>
        ) : null}
        {errors && (errors.page || errors.pageSize || errors.dir || errors.cursor) ? (
          <FormErrors errors={[...(errors.page ?? []), ...(errors.pageSize ?? []), ...(errors.dir ?? []), ...(errors.cursor ?? [])]} />
        ) : null}
      </Card>

      {result && result.rows.length > 0 ? (
        <>
          {canBulk && ownIds.length ? (
            <p className="select-all">
              <label className="checkbox">
                <input ref={selectAllRef} type="checkbox" name="allOnPage" form="bulk" onChange={(e) => onSelectAll(e.currentTarget.checked)} />
                Select all on this page
              </label>
            </p>
          ) : null}
          <div className="table-wrap" ref={tableRef}>
            <table className="data">
              <caption className="visually-hidden">Requests</caption>
              <thead>
                <tr>
                  {canBulk ? (
                    <th scope="col" className="select-cell">
                      <span className="visually-hidden">Select</span>
                    </th>
                  ) : null}
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
                    {canBulk ? (
                      <td className="select-cell">
                        {/* Only the organization's own requests can be changed; a partner's shared ones have no box. */}
                        {r.organizationId === organizationId ? (
                          <input type="checkbox" form="bulk" name="requestIds" value={r.id} onChange={onRowChange} aria-label={`Select ${requestReference(r)}: ${r.title}`} />
                        ) : null}
                      </td>
                    ) : null}
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
          {canBulk ? (
            <BulkForm
              query={query}
              pageIds={ownIds}
              matching={countLabel(result.total, result.totalExact, "request")}
              canEdit={canEdit}
              canChangeStatus={canChangeStatus}
            />
          ) : null}
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

/**
 * The form that changes several requests: the rows' boxes belong to it (form="bulk"). Each change has its own
 * button (name="change"), so it works without JavaScript; every button leads to a review page first.
 */
function BulkForm({
  query,
  pageIds,
  matching,
  canEdit,
  canChangeStatus,
}: {
  query: string;
  pageIds: string[];
  matching: string;
  canEdit: boolean;
  canChangeStatus: boolean;
}) {
  return (
    <Form method="post" action="/requests/bulk" id="bulk" className="card bulk-form" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">Change several requests</h2>
      {/* Pressing Enter in a field below must not pick one of the changes: the form's first button does nothing. */}
      <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="filter" value={query} />
      {pageIds.map((id) => (
        <input key={id} type="hidden" name="pageIds" value={id} />
      ))}
      <fieldset className="bulk-form__scope">
        <legend>Apply to</legend>
        <label className="checkbox">
          <input type="radio" name="scope" value="selected" defaultChecked /> The requests ticked above
        </label>
        <label className="checkbox">
          <input type="radio" name="scope" value="all" /> Every request matching these filters ({matching} listed; only your organization&apos;s own change)
        </label>
      </fieldset>
      <p className="field__hint">Each button shows what would change, and how many requests, before anything is changed.</p>
      <div className="bulk-form__changes">
        {canEdit ? (
          <fieldset>
            <legend>Assign</legend>
            <MemberSearchBox label="Assign to" name="assigneeName" pickName="assigneeId" hint="Part of the person's name; leave it empty to unassign" initialText="" initialId={null} />
            <button type="submit" name="change" value="assign" className="button button--secondary">
              Assign…
            </button>
          </fieldset>
        ) : null}
        {canEdit ? (
          <fieldset>
            <legend>Tags</legend>
            <TextField id="bulk-tags" name="tags" label="Tags to add or remove" hint="Separate tags with commas." maxLength={1000} />
            <span className="actions">
              <button type="submit" name="change" value="add-tags" className="button button--secondary">
                Add tags…
              </button>
              <button type="submit" name="change" value="remove-tags" className="button button--secondary">
                Remove tags…
              </button>
            </span>
          </fieldset>
        ) : null}
        {canChangeStatus ? (
          <fieldset>
            <legend>Status</legend>
            <SelectField id="bulk-status" name="status" label="Move to status" defaultValue="">
              <option value="">Choose a status</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </SelectField>
            <button type="submit" name="change" value="change-status" className="button button--secondary">
              Change status…
            </button>
          </fieldset>
        ) : null}
        {canEdit ? (
          <fieldset>
            <legend>Who can see them</legend>
            <SelectField id="bulk-visibility" name="visibility" label="Make visible to" defaultValue="" hint="Publishing is done from each request's page.">
              <option value="">Choose</option>
              {BULK_VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {VISIBILITY_LABELS[v]}
                </option>
              ))}
            </SelectField>
            <button type="submit" name="change" value="set-visibility" className="button button--secondary">
              Change visibility…
            </button>
          </fieldset>
        ) : null}
        {canEdit ? (
          <fieldset>
            <legend>Next action</legend>
            <TextField id="bulk-next-action" name="nextActionOn" type="date" label="Next action on" hint="Leave empty to clear it." />
            <button type="submit" name="change" value="set-next-action" className="button button--secondary">
              Schedule…
            </button>
          </fieldset>
        ) : null}
      </div>
    </Form>
  );
}
