import { Card } from "~/components/ui/card";
import { formatNumber } from "~/components/ui/number-text";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DueCell } from "~/components/due-cell";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { parsePublicIndexFilters } from "~/domain/public-requests";
import { decodePublicCursor, listPublicRequests, listPublicStates } from "~/domain/public-requests.server";
import { REQUEST_STATUSES, STATUS_LABELS } from "~/domain/request-status";
import { todayIn } from "~/utils/dates";
import { fieldErrorsOf } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [
  { title: "Public records requests · JointAsk" },
  {
    name: "description",
    content: "Public-records requests to police departments and their vendors, published by the organizations that filed them: status, due dates, correspondence and the records received.",
  },
];

/** GET /r: every organization's published requests, no sign-in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const searchParams = new URL(request.url).searchParams;
  const parsed = parsePublicIndexFilters(searchParams);
  if (!parsed.success) return json({ states: await listPublicStates(), errors: fieldErrorsOf(parsed.error.issues), result: null }, { status: 400 });
  // ?after=<cursor> (the "Next page" link) reads the page after the last one shown: keyset, however deep.
  const afterParam = searchParams.get("after");
  const after = afterParam ? decodePublicCursor(afterParam) : null;
  if (afterParam && !after) return json({ states: await listPublicStates(), errors: { after: ["Bad page link: start again from the first page"] } as Record<string, string[]>, result: null }, { status: 400 });
  const [states, result] = await Promise.all([listPublicStates(), listPublicRequests(parsed.data, { after })]);
  // Each organization's "today" is in its own time zone, as on its pages.
  const rows = result.rows.map(({ timeZone, ...row }) => ({ ...row, today: todayIn(timeZone) }));
  return json({ states, errors: null, result: { ...result, rows } });
}

/** The same search, from the page after `after` (or the first page). */
function pageLink(params: URLSearchParams, after: string | null): string {
  const next = new URLSearchParams(params);
  next.delete("page");
  if (after) next.set("after", after);
  else next.delete("after");
  const query = next.toString();
  return query ? `/r?${query}` : "/r";
}

export default function PublicIndex() {
  const { states, errors, result } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filtered = ["q", "status", "state"].some((k) => params.get(k));
  return (
    <>
      <PageHeader
        title="Public records requests"
        meta={
          <>
            Requests to police departments, sheriffs, 911 centers and their vendors, published by the organizations that filed them. Newest
            published first.
          </>
        }
      />

      <Card aria-labelledby="public-filters-heading">
        <h2 id="public-filters-heading" className="visually-hidden">
          Search public requests
        </h2>
        <Form method="get" className="filters" role="search">
          <TextField
            id="public-q"
            name="q"
            type="search"
            label="Search title and text"
            defaultValue={params.get("q") ?? ""}
            errors={errors?.q}
            className="field--wide"
          />
          <SelectField id="public-status" name="status" label="Status" defaultValue={params.get("status") ?? ""} errors={errors?.status}>
            <option value="">Any status</option>
            {REQUEST_STATUSES.filter((s) => s !== "draft").map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField id="public-state" name="state" label="State" defaultValue={(params.get("state") ?? "").toUpperCase()} errors={errors?.state}>
            <option value="">Any state</option>
            {states.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </SelectField>
          <ButtonGroup>
            <button type="submit" className="button">
              Search
            </button>
            {filtered ? (
              <Link to="/r" className="button button--quiet">
                Clear
              </Link>
            ) : null}
          </ButtonGroup>
        </Form>
        {errors?.page ? <FormErrors errors={errors.page} /> : null}
        {errors && "after" in errors && errors.after ? <FormErrors errors={errors.after} /> : null}
      </Card>

      {result && result.rows.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="table-caption">
                {filtered ? "Published requests matching the search" : "Published requests"}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Sent to</th>
                  <th scope="col">Status</th>
                  <th scope="col">Filed</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.slug}>
                    <td>
                      <Link to={`/r/${r.slug}`} className="row-title">
                        {r.title}
                      </Link>
                      <div className="muted small">by {r.organizationName}</div>
                    </td>
                    <td data-label="Sent to">
                      {r.target.name}
                      <div className="muted small">
                        {r.target.kind === "vendor"
                          ? "Vendor"
                          : [r.target.agencyType ? AGENCY_TYPE_LABELS[r.target.agencyType] : null, r.target.place].filter(Boolean).join(" · ")}
                      </div>
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                    </td>
                    <td data-label="Filed">{r.filedOn ? <DateText date={r.filedOn} today={r.today} /> : <span className="muted">Not filed</span>}</td>
                    <td data-label="Due">
                      <DueCell row={r} today={r.today} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {params.get("after") || result.next ? (
            <nav className="pagination" aria-label="Pages">
              <span className="muted small">
                {result.totalCapped ? `More than ${formatNumber(result.total)}` : formatNumber(result.total)} published request
                {result.total === 1 && !result.totalCapped ? "" : "s"}
              </span>{" "}
              {params.get("after") ? <Link to={pageLink(params, null)}>First page</Link> : null}{" "}
              {result.next ? (
                <Link to={pageLink(params, result.next)} rel="next">
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : (
            <Pagination page={result.page} pageCount={result.pageCount} total={result.total} noun="request" />
          )}
        </>
      ) : result ? (
        <EmptyState
          title={filtered ? "No published requests match this search" : "No requests have been published yet"}
          action={
            filtered ? (
              <Link to="/r" className="button button--secondary">
                Show every published request
              </Link>
            ) : (
              <Link to="/deadlines" className="button button--secondary">
                Work out a response deadline
              </Link>
            )
          }
        >
          <p>Organizations publish their requests here, with the agency's answers and the records that came back.</p>
        </EmptyState>
      ) : null}
    </>
  );
}
