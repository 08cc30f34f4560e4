import { Form, Link, useLocation } from "@remix-run/react";
import { DateText } from "~/components/date-text";
import { requestReference } from "~/domain/request-reference";
import type { RequestStatus, SystemType } from "../../db/schema/values";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { CursorPagination } from "./cursor-pagination";
import { SelectField, TextField } from "./fields";
import { StatusBadge } from "./status-badge";

export interface MemberRow {
  agencyId: string;
  agencyName: string;
  agencyType: string;
  jurisdictionName: string;
  stateCode: string | null;
  stateName: string;
  uses: Array<{ productId: string; productName: string; systemType: SystemType; viaAgencyId: string | null; viaAgencyName: string | null }>;
  openRequests: number;
  answeredRequests: number;
  receivedRequests: number;
  lastReceived: { id: string; number: number; organizationCode: string; title: string; status: RequestStatus; updatedAt: string } | null;
}

interface MembersProps {
  states: Array<{ stateCode: string | null; stateName: string; agencies: number }>;
  totalAgencies: number;
  stateCode: string | null;
  members: { rows: MemberRow[]; total: number; nextCursor: string | null; prevCursor: string | null };
  /** The name searched for (agency or place), kept in the search box. */
  q: string;
  today: string;
  /** Shown when a product page lists its agencies: the product column is then left out. */
  showProducts: boolean;
}

/**
 * The agencies on a product or vendor: a state index (with counts), a search by name and state (a GET form: it
 * works without JavaScript), one page of 50 grouped by state, and previous / next links that keep the filters.
 */
export function MembersByState({ states, totalAgencies, stateCode, members, today, showProducts, q }: MembersProps) {
  const location = useLocation();
  if (totalAgencies === 0) return <p className="muted">No agency is recorded as using this yet. Add systems from an agency's page, or import a CSV.</p>;
  const byState = new Map<string, MemberRow[]>();
  for (const row of members.rows) byState.set(row.stateName, [...(byState.get(row.stateName) ?? []), row]);
  const stateHref = (code: string | null) => {
    const params = new URLSearchParams(location.search);
    params.delete("cursor");
    if (code) params.set("state", code);
    else params.delete("state");
    return `?${params}#agencies-heading`;
  };
  const filtered = Boolean(stateCode || q);
  return (
    <>
      <nav aria-label="States" className="state-index">
        <ul>
          {stateCode ? (
            <li>
              <Link to={stateHref(null)} preventScrollReset>
                Every state ({totalAgencies})
              </Link>
            </li>
          ) : null}
          {states.map((s) => (
            <li key={s.stateName}>
              {s.stateCode === stateCode ? (
                <strong aria-current="true">
                  {s.stateName} ({s.agencies})
                </strong>
              ) : (
                <Link to={stateHref(s.stateCode)} preventScrollReset>
                  {s.stateName} ({s.agencies})
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters" role="search" aria-label="Find agencies" preventScrollReset>
        <TextField id="agencies-q" name="q" type="search" label="Agency or place" defaultValue={q} />
        <SelectField id="agencies-state" name="state" label="State" defaultValue={stateCode ?? ""}>
          <option value="">Every state</option>
          {states
            .filter((s) => s.stateCode)
            .map((s) => (
              <option key={s.stateCode} value={s.stateCode!}>
                {s.stateName}
              </option>
            ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            Find
          </button>
          {filtered ? (
            <Link to="?#agencies-heading" className="button button--quiet" preventScrollReset>
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      <CursorPagination total={members.total} totalExact nextCursor={members.nextCursor} prevCursor={members.prevCursor} noun={filtered ? "matching agency" : "agency"} plural={filtered ? "matching agencies" : "agencies"} />
      {members.rows.length === 0 ? <p className="muted">No agency matches these filters.</p> : null}
      {[...byState].map(([state, rows]) => (
        <div className="table-wrap" key={state}>
          <table className="data">
            <caption className="table-caption">{state}</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Place</th>
                {showProducts ? <th scope="col">On</th> : <th scope="col">How</th>}
                <th scope="col" className="num">
                  Open requests
                </th>
                <th scope="col" className="num">
                  Answered
                </th>
                <th scope="col">Latest records received</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.agencyId}>
                  <td>
                    <Link to={`/agencies/${r.agencyId}`} className="row-title">
                      {r.agencyName}
                    </Link>
                    <div className="muted small">{AGENCY_TYPE_LABELS[r.agencyType as keyof typeof AGENCY_TYPE_LABELS] ?? r.agencyType}</div>
                  </td>
                  <td data-label="Place">{r.jurisdictionName}</td>
                  <td data-label={showProducts ? "On" : "How"}>
                    <ul className="plain-list">
                      {r.uses.map((u) => (
                        <li key={`${u.productId}-${u.systemType}-${u.viaAgencyId ?? ""}`}>
                          {showProducts ? <Link to={`/products/${u.productId}`}>{u.productName}</Link> : SYSTEM_TYPE_LABELS[u.systemType]}
                          {u.viaAgencyId ? (
                            <span className="muted small">
                              {" "}
                              through <Link to={`/agencies/${u.viaAgencyId}`}>{u.viaAgencyName}</Link>
                            </span>
                          ) : showProducts ? (
                            <span className="muted small"> ({SYSTEM_TYPE_LABELS[u.systemType]})</span>
                          ) : (
                            <span className="muted small"> (runs it)</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label="Open requests" className="num">
                    {r.openRequests ? <Link to={`/requests?agency=${r.agencyId}`}>{r.openRequests}</Link> : 0}
                  </td>
                  <td data-label="Answered" className="num">
                    {r.answeredRequests}
                  </td>
                  <td data-label="Latest records received">
                    {r.lastReceived ? (
                      <>
                        <Link to={`/requests/${r.lastReceived.id}`}>
                          {requestReference(r.lastReceived)} {r.lastReceived.title}
                        </Link>{" "}
                        <StatusBadge status={r.lastReceived.status} />
                        <div className="muted small"><DateText date={r.lastReceived.updatedAt.slice(0, 10)} today={today} /></div>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {members.rows.length && (members.nextCursor || members.prevCursor) ? (
        <CursorPagination label="Pages (end of the list)" total={members.total} totalExact nextCursor={members.nextCursor} prevCursor={members.prevCursor} noun={filtered ? "matching agency" : "agency"} plural={filtered ? "matching agencies" : "agencies"} />
      ) : null}
    </>
  );
}

export interface PrecedentItem {
  requestId: string;
  number: number;
  organizationCode: string;
  title: string;
  status: RequestStatus;
  tags: string[];
  updatedAt: string;
  targetName: string;
  placeName: string | null;
  stateCode: string | null;
  productNames: string | null;
}

/** "City X released this from the same system": requests on the same product that brought records back. */
export function Precedents({ items, today, empty }: { items: PrecedentItem[]; today: string; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="precedents">
      {items.map((p) => (
        <li key={p.requestId}>
          <strong>
            {p.targetName}
            {p.placeName ? ` (${p.placeName}${p.stateCode ? `, ${p.stateCode}` : ""})` : ""}
          </strong>{" "}
          released <Link to={`/requests/${p.requestId}`}>{requestReference(p)} {p.title}</Link> <StatusBadge status={p.status} />
          <div className="muted small">
            {p.productNames ? `From ${p.productNames} · ` : ""}
            {p.tags.length ? `${p.tags.join(", ")} · ` : ""}
            <DateText date={p.updatedAt.slice(0, 10)} today={today} />
          </div>
        </li>
      ))}
    </ul>
  );
}
