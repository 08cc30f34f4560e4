import { Card } from "~/components/ui/card";
import { SharedNotice } from "~/components/shared-notice";
import { RequestsTable } from "~/components/requests-table";
import { EmptyState } from "~/components/empty-state";
import { Badge } from "~/components/ui/badge";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BouncedLetters } from "~/components/bounced-letters";
import { bouncingAddresses, openBounces, resendBouncedLetters } from "~/domain/mail/bounces.server";
import { requirePermission } from "~/domain/permissions";
import { redirectWithFlash } from "~/utils/flash.server";
import { MembersByState, Precedents } from "~/components/vendor-ui";
import { UsMap } from "~/components/us-map";
import { SYSTEM_TYPE_MAP_CATEGORIES } from "~/domain/us-map";
import { SYSTEM_TYPE_LABELS } from "~/domain/vendor-input";
import { memberAgencyQuery, queryValues } from "~/domain/target-list-input";
import { getVendor, getVendorPage } from "~/domain/vendors.server";
import { scorecard } from "~/domain/analytics.server";
import { isUuid } from "~/domain/request-events.server";
import { Scorecard } from "~/components/scorecard";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { badQuery, notFound } from "~/utils/responses.server";
import { useToday } from "~/utils/use-root";
import { useCan } from "~/utils/use-permission";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.vendor.name} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const url = new URL(request.url);
  // The agencies list: one keyset page (50), by name and state; a bad filter or cursor is a 400 naming it.
  const list = memberAgencyQuery.safeParse(queryValues(url.searchParams, ["q", "state", "cursor"]));
  if (!list.success) throw badQuery(list.error.issues);
  // One wave: the page, its bounces and its scorecard don't wait on each other (a vendor another organization
  // can't see gets a 404 before anything read for it is used; an id that is no uuid reads nothing).
  const vendorId = params.vendorId ?? "";
  const today = todayIn(viewer.timeZone);
  const [page, bouncing, bounces, figures] = await Promise.all([
    getVendorPage(viewer, vendorId, today, { stateCode: list.data.state, q: list.data.q, cursor: list.data.cursor }),
    isUuid(vendorId) ? bouncingAddresses(viewer, { vendorId }) : Promise.resolve([]),
    isUuid(vendorId) ? openBounces(viewer, { vendorId }) : Promise.resolve(null),
    isUuid(vendorId) ? scorecard(viewer, { vendorId }, today) : Promise.resolve(null),
  ]);
  if (!page || !figures) throw notFound("vendor");
  const owned = page.vendor.organizationId === viewer.organizationId;
  const bounced = owned ? bounces : null;
  return json({ ...page, q: list.data.q ?? "", owned, bouncing, bounced, figures });
}

const resendSchema = z.object({ intent: z.literal("resend-bounced", { error: "Unknown action" }), bounceId: z.array(z.string()).optional() });

/** Resends the letters that bounced from the vendor's old contact address to its current one (one click). */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.note");
  const vendor = await getVendor(viewer, params.vendorId ?? "");
  if (!vendor || vendor.organizationId !== viewer.organizationId) throw notFound("vendor");
  const form = await readFormData(request);
  const parsed = resendSchema.safeParse({ intent: form.get("intent"), bounceId: form.getAll("bounceId").map(String) });
  if (!parsed.success) throw new Response("Unknown action.", { status: 400 });
  const result = await resendBouncedLetters(viewer, { vendorId: vendor.id }, parsed.data.bounceId?.length ? parsed.data.bounceId : null);
  if (!result.ok) return json({ errors: result.fieldErrors }, { status: 400 });
  const { resent, to } = result.value;
  return redirectWithFlash(`/vendors/${vendor.id}`, {
    kind: "success",
    message: resent ? `${resent} ${resent === 1 ? "letter" : "letters"} queued again to ${to}; each is on its request's timeline.` : `Already resent to ${to}.`,
  });
}

export default function VendorPage() {
  const { vendor, products, states, totalAgencies, stateCode, members, precedents, requests, campaigns, owned, bouncing, bounced, map, figures, q } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const canResend = useCan("request.note") && owned;
  const contactBouncing = bouncing.find((b) => b.address === vendor.contactEmail?.trim().toLowerCase());
  // A coalition partner's vendor is read-only here, and joint asks and requests start from one's own records.
  const canAsk = useCan("request.create") && owned;
  const canManage = useCan("vendor.manage") && owned;
  const today = useToday();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/vendors">Vendors</Link> /
          </>
        }
        title={vendor.name}
        meta={
          <>
            Vendor · {products.length} {products.length === 1 ? "product" : "products"} · {totalAgencies} {totalAgencies === 1 ? "agency" : "agencies"} in{" "}
            {states.length} {states.length === 1 ? "state" : "states"}
            {vendor.website ? (
              <>
                {" · "}
                <a href={vendor.website} rel="noreferrer noopener" target="_blank">
                  {new URL(vendor.website).host}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            ) : null}
          </>
        }
        actions={
          <ButtonGroup>
            {canAsk ? (
              <>
                <Link to={`/campaigns/new?vendor=${vendor.id}`} className="button">
                  Start a joint ask
                </Link>
                <Link to={`/requests/new?vendor=${vendor.id}`} className="button button--secondary">
                  New request to the vendor
                </Link>
              </>
            ) : null}
            {canManage ? (
              <>
                <Link to={`/vendors/${vendor.id}/products/new`} className="button button--secondary">
                  Add product
                </Link>
                <Link to={`/vendors/${vendor.id}/edit`} className="button button--secondary">
                  Edit
                </Link>
              </>
            ) : null}
          </ButtonGroup>
        }
      />
      {!owned ? (
        <SharedNotice owner={vendor.organizationName} thing="vendor" />
      ) : null}
      {bounced ? <BouncedLetters bounced={bounced} canResend={canResend} contactLabel="contact email" errors={actionData?.errors.bounceIds} /> : null}

      <Scorecard
        id="vendor-figures"
        title="How its customers answer"
        figures={figures}
        scope="Requests to agencies running its products, and to the vendor itself, that you may see."
        analyticsHref={`/analytics?vendor=${vendor.id}`}
      />

      <Card aria-labelledby="products-heading">
        <h2 id="products-heading">Products</h2>
        {products.length ? (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Kind</th>
                  <th scope="col">In use</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/products/${p.id}`} className="row-title">
                        {p.name}
                      </Link>
                    </td>
                    <td data-label="Kind">{SYSTEM_TYPE_LABELS[p.systemType]}</td>
                    <td data-label="In use">
                      {p.groups.length ? (
                        <ul className="plain-list">
                          {p.groups.map((g) => (
                            <li key={g.systemType}>
                              {g.cities} {g.cities === 1 ? "city or county" : "cities and counties"}, {g.agencies} {g.agencies === 1 ? "agency" : "agencies"}
                              {g.hosted ? ` (${g.hosted} through hosting)` : ""}, {g.states} {g.states === 1 ? "state" : "states"}
                              {p.groups.length > 1 || g.systemType !== p.systemType ? <span className="muted"> as {SYSTEM_TYPE_LABELS[g.systemType]}</span> : null}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">No agency recorded</span>
                      )}
                    </td>
                    <td>
                      {p.groups.length && canAsk ? (
                        <Link to={`/campaigns/new?product=${p.id}`}>
                          Joint ask<span className="visually-hidden"> to every agency on {p.name}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">
            No products yet.{canManage ? <> <Link to={`/vendors/${vendor.id}/products/new`}>Add one</Link>.</> : null}
          </p>
        )}
      </Card>

      <Card aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">Agencies on its products, by state</h2>
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
        <MembersByState states={states} totalAgencies={totalAgencies} stateCode={stateCode} members={members} q={q} today={today} showProducts />
      </Card>

      <div className="grid-2">
        <Card aria-labelledby="precedents-heading">
          <h2 id="precedents-heading">Records already released from these systems</h2>
          <Precedents items={precedents} today={today} empty="No request to an agency on these products (or to the vendor) has brought records back yet." />
        </Card>
        <div>
          <Card aria-labelledby="vendor-contact">
            <h2 id="vendor-contact">Contact</h2>
            <dl className="summary-list">
              <dt>Records or legal</dt>
              <dd>{vendor.contactName ?? <span className="muted">—</span>}</dd>
              <dt>Email</dt>
              <dd>
                {vendor.contactEmail ? <a href={`mailto:${vendor.contactEmail}`}>{vendor.contactEmail}</a> : <span className="muted">—</span>}
                {contactBouncing ? (
                  <>
                    {" "}
                    <Badge tone="danger">Bouncing</Badge>
                    <div className="small error-text">Mail to this address bounced ({contactBouncing.reason}).</div>
                  </>
                ) : null}
              </dd>
            </dl>
            {vendor.notes ? <p className="prose">{vendor.notes}</p> : null}
          </Card>
          <Card aria-labelledby="vendor-campaigns">
            <h2 id="vendor-campaigns">Joint asks</h2>
            {campaigns.length ? (
              <ul className="plain-list">
                {campaigns.map((c) => (
                  <li key={c.id}>
                    <Link to={`/campaigns/${c.id}`}>{c.title}</Link>{" "}
                    <span className="muted small">
                      {c.total} requests, {c.open} open, {c.received} with records
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None yet.</p>
            )}
          </Card>
        </div>
      </div>

      <Card aria-labelledby="vendor-requests">
        <h2 id="vendor-requests">Requests to {vendor.name} ({requests.total})</h2>
        <RequestsTable
          rows={requests.rows}
          today={today}
          empty={
            <EmptyState inCard title={`No requests to ${vendor.name} yet`}>
              Requests to the vendor itself (for its contracts, manuals or audit logs) are listed here with their status. A joint ask can include
              the vendor beside the agencies that run its products.
            </EmptyState>
          }
        />
      </Card>
    </>
  );
}
