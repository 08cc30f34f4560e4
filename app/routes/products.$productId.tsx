import { Card } from "~/components/ui/card";
import { SearchForm } from "~/components/ui/search-form";
import { SharedNotice } from "~/components/shared-notice";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { directoryQuery } from "~/domain/directory-input";
import { searchDirectory } from "~/domain/directory.server";
import { can } from "~/domain/permissions";
import { MembersByState, Precedents } from "~/components/vendor-ui";
import { UsMap } from "~/components/us-map";
import { SYSTEM_TYPE_MAP_CATEGORIES } from "~/domain/us-map";
import { SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { memberAgencyQuery, queryValues } from "~/domain/target-list-input";
import { getProductPage } from "~/domain/vendors.server";
import { scorecard } from "~/domain/analytics.server";
import { isUuid } from "~/domain/request-events.server";
import { Scorecard } from "~/components/scorecard";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { DateText } from "~/components/date-text";
import { badQuery, notFound } from "~/utils/responses.server";
import { useToday } from "~/utils/use-root";
import { useCan } from "~/utils/use-permission";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.name} (${data.product.vendorName}) · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  // The agencies list: one keyset page (50), by name and state; a bad filter or cursor is a 400 naming it.
  const list = memberAgencyQuery.safeParse(queryValues(url.searchParams, ["q", "state", "cursor"]));
  if (!list.success) throw badQuery(list.error.issues);
  // One wave: the page, the directory search and the scorecard don't wait on each other (a product another
  // organization can't see gets a 404 before anything read for it is used; an id that is no uuid reads nothing).
  const productId = params.productId ?? "";
  const today = todayIn(viewer.timeZone);
  // "Record it at an agency": any agency in the national directory, or one of the organization's own.
  const agencyQuery = directoryQuery.safeParse({ q: url.searchParams.get("agencyQ") ?? "" });
  const [page, recordHits, figures] = await Promise.all([
    getProductPage(viewer, productId, today, { stateCode: list.data.state, q: list.data.q, cursor: list.data.cursor }),
    can(viewer, "vendor.manage") && agencyQuery.success && agencyQuery.data.q.trim().length >= 2
      ? searchDirectory(viewer.organizationId, { q: agencyQuery.data.q, limit: 10 }).then(({ hits }) => hits.filter((hit) => hit.jurisdictionCode !== null))
      : Promise.resolve(null),
    isUuid(productId) ? scorecard(viewer, { productId }, today) : Promise.resolve(null),
  ]);
  if (!page || !figures) throw notFound("product");
  const owned = page.product.organizationId === viewer.organizationId;
  return json({ ...page, q: list.data.q ?? "", owned, recordQuery: agencyQuery.success ? agencyQuery.data.q : "", recordHits, figures });
}

export default function ProductPage() {
  const { product, states, totalAgencies, stateCode, members, groups, precedents, former, owned, map, recordQuery, recordHits, figures, q } = useLoaderData<typeof loader>();
  const canRecord = useCan("vendor.manage");
  const today = useToday();
  // A coalition partner's product is read-only here, and joint asks start from one's own records.
  const canAsk = useCan("request.create") && owned;
  const canManage = useCan("vendor.manage") && owned;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/vendors">Vendors</Link> / <Link to={`/vendors/${product.vendorId}`}>{product.vendorName}</Link> /
          </>
        }
        title={product.name}
        meta={
          <>
            {SYSTEM_TYPE_LABELS[product.systemType]} by <Link to={`/vendors/${product.vendorId}`}>{product.vendorName}</Link>
          </>
        }
        actions={
          <ButtonGroup>
            {totalAgencies > 0 && canAsk ? (
              <Link to={`/campaigns/new?product=${product.id}`} className="button">
                Start a joint ask
              </Link>
            ) : null}
            {canManage ? (
              <Link to={`/products/${product.id}/edit`} className="button button--secondary">
                Edit
              </Link>
            ) : null}
          </ButtonGroup>
        }
      />
      {!owned ? (
        <SharedNotice owner={product.organizationName} thing="product" />
      ) : null}

      <Scorecard
        id="product-figures"
        title="How its customers answer"
        figures={figures}
        scope="Requests to agencies running this product that you may see."
        analyticsHref={`/analytics?product=${product.id}`}
      />

      <Card aria-labelledby="group-heading">
        <h2 id="group-heading">Shared-vendor group</h2>
        {groups.length ? (
          <ul className="plain-list">
            {groups.map((g) => (
              <li key={g.systemType}>
                <strong>
                  {g.cities} {g.cities === 1 ? "city or county" : "cities and counties"}
                </strong>{" "}
                use it as {SYSTEM_TYPE_LABELS[g.systemType].toLowerCase()}: {g.agencies} {g.agencies === 1 ? "agency" : "agencies"}
                {g.hosted ? `, ${g.hosted} of them through an agency that hosts it for them` : ""}, in {g.states} {g.states === 1 ? "state" : "states"}.{" "}
                {groups.length > 1 && canAsk ? <Link to={`/campaigns/new?product=${product.id}&systemType=${g.systemType}`}>Joint ask to these</Link> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No agency is recorded as using {product.name} today.</p>
        )}
        {product.notes ? <p className="prose">{product.notes}</p> : null}
      </Card>

      <Card aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">Agencies on {product.name}, by state</h2>
        {totalAgencies > 0 ? (
          <UsMap
            id="agencies-map-table"
            map={map}
            categories={SYSTEM_TYPE_MAP_CATEGORIES}
            noun={["agency", "agencies"]}
            colouredBy="kind of system"
            stateHref={(code) => `?state=${code}#agencies-heading`}
            clearHref="?"
            currentState={stateCode}
          />
        ) : null}
        <MembersByState states={states} totalAgencies={totalAgencies} stateCode={stateCode} members={members} q={q} today={today} showProducts={false} />
      </Card>

      {canRecord ? (
        <Card aria-labelledby="record-heading">
          <h2 id="record-heading">Record it at an agency</h2>
          <p className="small muted">Find any US law enforcement agency (name, place, county, state or ORI), then record its {product.name} system.</p>
          <SearchForm id="record-agency" name="agencyQ" label="Agency" defaultValue={recordQuery} placeholder="e.g. oakland pd, lane county sheriff" button="Find" secondary wide={false} />
          {recordHits ? (
            recordHits.length ? (
              <ul className="plain-list">
                {recordHits.map((hit) => (
                  <li key={hit.ori}>
                    <strong>{hit.name}</strong>{" "}
                    <span className="muted small">
                      {hit.ori} · {hit.state}
                      {hit.counties.length ? ` · ${hit.counties.join(", ")}` : ""}
                    </span>{" "}
                    {hit.agencyId ? (
                      <Link to={`/agencies/${hit.agencyId}/systems/new?product=${product.id}`}>Record its system</Link>
                    ) : (
                      <Form method="post" action="/directory" className="inline-form">
                        <input type="hidden" name="intent" value="add" />
                        <input type="hidden" name="ori" value={hit.ori} />
                        <input type="hidden" name="recordProduct" value={product.id} />
                        <button type="submit" className="button button--link">
                          Add to our agencies and record its system<span className="visually-hidden"> ({hit.name})</span>
                        </button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No agency matches “{recordQuery}”.</p>
            )
          ) : null}
        </Card>
      ) : null}

      <div className="grid-2">
        <Card aria-labelledby="precedents-heading">
          <h2 id="precedents-heading">Records already released from {product.name}</h2>
          <Precedents items={precedents} today={today} empty="No request to an agency on this product has brought records back yet." />
        </Card>
        <Card aria-labelledby="former-heading">
          <h2 id="former-heading">Former users</h2>
          {former.length ? (
            <ul className="plain-list">
              {former.map((f) => (
                <li key={f.systemId}>
                  <Link to={`/agencies/${f.agencyId}`}>{f.agencyName}</Link> <span className="muted small">until <DateText date={f.untilOn!} today={today} /></span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None recorded.</p>
          )}
        </Card>
      </div>
    </>
  );
}
