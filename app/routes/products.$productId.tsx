import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MembersByState, Precedents } from "~/components/vendor-ui";
import { UsMap } from "~/components/us-map";
import { SYSTEM_TYPE_MAP_CATEGORIES } from "~/domain/us-map";
import { pageSchema, parseQuery, SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { getProductPage } from "~/domain/vendors.server";
import { requireViewer } from "~/utils/auth.server";
import { formatDate, todayIn } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";
import { useToday } from "~/utils/use-root";
import { useCan } from "~/utils/use-permission";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.name} (${data.product.vendorName}) · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  const paging = parseQuery(pageSchema, url.searchParams);
  const page = await getProductPage(viewer, params.productId ?? "", todayIn(viewer.timeZone), {
    page: paging.success ? paging.data.page : 1,
    stateCode: url.searchParams.get("state") ?? undefined,
  });
  if (!page) throw notFound("product");
  return json({ ...page, owned: page.product.organizationId === viewer.organizationId });
}

export default function ProductPage() {
  const { product, states, totalAgencies, stateCode, members, groups, precedents, former, owned, map } = useLoaderData<typeof loader>();
  const today = useToday();
  // A coalition partner's product is read-only here, and joint asks start from one's own records.
  const canAsk = useCan("request.create") && owned;
  const canManage = useCan("vendor.manage") && owned;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/vendors">Vendors</Link> / <Link to={`/vendors/${product.vendorId}`}>{product.vendorName}</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1>{product.name}</h1>
          <p className="page-header__meta">
            {SYSTEM_TYPE_LABELS[product.systemType]} by <Link to={`/vendors/${product.vendorId}`}>{product.vendorName}</Link>
          </p>
        </div>
        <div className="actions">
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
        </div>
      </div>
      {!owned ? (
        <p className="notice" role="note">
          {product.organizationName} shares this product with your coalition. Only its members can change it.
        </p>
      ) : null}

      <section className="card" aria-labelledby="group-heading">
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
      </section>

      <section className="card" aria-labelledby="agencies-heading">
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
        <MembersByState states={states} totalAgencies={totalAgencies} stateCode={stateCode} members={members} today={today} showProducts={false} />
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="precedents-heading">
          <h2 id="precedents-heading">Records already released from {product.name}</h2>
          <Precedents items={precedents} today={today} empty="No request to an agency on this product has brought records back yet." />
        </section>
        <section className="card" aria-labelledby="former-heading">
          <h2 id="former-heading">Former users</h2>
          {former.length ? (
            <ul className="plain-list">
              {former.map((f) => (
                <li key={f.systemId}>
                  <Link to={`/agencies/${f.agencyId}`}>{f.agencyName}</Link> <span className="muted small">until {formatDate(f.untilOn!, today)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None recorded.</p>
          )}
        </section>
      </div>
    </>
  );
}
