import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCampaigns } from "~/domain/campaigns.server";
import { requireViewer } from "~/utils/auth.server";
import { useToday } from "~/utils/use-root";
import { useCan } from "~/utils/use-permission";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Joint asks · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return json({ campaigns: await listCampaigns(viewer), organizationId: viewer.organizationId });
}

export default function CampaignsIndex() {
  const { campaigns, organizationId } = useLoaderData<typeof loader>();
  const today = useToday();
  const canAsk = useCan("request.create");
  return (
    <>
      <PageHeader
        title="Joint asks"
        meta={
          <>
            One ask sent to many agencies, usually every city on the same product, tracked together. Start one from a{" "}
            <Link to="/groups">shared-vendor group</Link>, a product or a vendor.
          </>
        }
        actions={
          <>
            {canAsk ? (
              <Link to="/campaigns/new" className="button">
                New joint ask
              </Link>
            ) : null}
          </>
        }
      />
      {campaigns.length ? (
        <DataTable captionClassName="visually-hidden" caption="Joint asks" columns={["Joint ask", "On", { label: "Requests", numeric: true }, { label: "Open", numeric: true }, { label: "Records received", numeric: true }, "Started"]}>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/campaigns/${c.id}`} className="row-title">
                  {c.title}
                </Link>
                {c.recordTypes.length ? <div className="muted small">{c.recordTypes.join(", ")}</div> : null}
                {c.organizationId !== organizationId ? <div className="muted small">Run by {c.organizationName}, shared with your coalition</div> : null}
              </td>
              <td data-label="On">
                {c.productId ? <Link to={`/products/${c.productId}`}>{c.productName}</Link> : c.vendorId ? <Link to={`/vendors/${c.vendorId}`}>{c.vendorName}</Link> : <span className="muted">—</span>}
              </td>
              <td data-label="Requests" className="num">
                {c.total}
              </td>
              <td data-label="Open" className="num">
                {c.open}
              </td>
              <td data-label="Records received" className="num">
                {c.received}
              </td>
              <td data-label="Started"><DateText date={c.createdAt.slice(0, 10)} today={today} /></td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <EmptyState
          title="No joint asks yet"
          action={
            <Link to="/groups" className="button">
              See shared-vendor groups
            </Link>
          }
        >
          <p>A joint ask sends one request to many agencies at once, usually the cities that share a product, and tracks what each sends back.</p>
        </EmptyState>
      )}
    </>
  );
}
