import { EmptyState } from "~/components/empty-state";
import { SearchForm } from "~/components/ui/search-form";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { addStandardVendors, listVendors } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { useCan } from "~/utils/use-permission";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Vendors · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return json({ vendors: await listVendors(viewer, { q: q || undefined }, todayIn(viewer.timeZone)), organizationId: viewer.organizationId });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const formData = await readFormData(request);
  if (formData.get("intent") !== "add-standard") throw new Response("Unknown action.", { status: 400 });
  const added = await addStandardVendors(viewer);
  const message =
    added.vendorsAdded + added.productsAdded === 0
      ? "You already have every vendor and product of the standard list."
      : `Added ${added.vendorsAdded} vendors and ${added.productsAdded} products from the standard list.`;
  return redirectWithFlash("/vendors", { kind: "success", message });
}

export default function VendorsIndex() {
  const { vendors, organizationId } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const canManage = useCan("vendor.manage");
  return (
    <>
      <PageHeader
        title="Vendors"
        meta={
          <>
            The companies behind departments' records, dispatch and surveillance systems, and who uses them. See the{" "}
            <Link to="/groups">shared-vendor groups</Link>
            {canManage ? (
              <>
                {" "}
                or <Link to="/vendors/import">import agencies and systems from a CSV</Link>
              </>
            ) : null}
            .
          </>
        }
        actions={
          <>
            {canManage ? (
              <ButtonGroup>
                <Link to="/vendors/new" className="button">
                  Add vendor
                </Link>
                <Form method="post">
                  <input type="hidden" name="intent" value="add-standard" />
                  <button type="submit" className="button button--secondary">
                    Add the standard vendor list
                  </button>
                </Form>
              </ButtonGroup>
            ) : null}
          </>
        }
      />
      <div className="card">
        <SearchForm id="vendor-q" name="q" label="Search by name" defaultValue={params.get("q") ?? ""} />
      </div>
      {vendors.length ? (
        <DataTable captionClassName="visually-hidden" caption="Vendors" columns={["Vendor", { label: "Products", numeric: true }, { label: "Agencies using them", numeric: true }, { label: "Cities & counties", numeric: true }, { label: "Open requests to the vendor", numeric: true }]}>
          {vendors.map((v) => (
            <tr key={v.id}>
              <td>
                <Link to={`/vendors/${v.id}`} className="row-title">
                  {v.name}
                </Link>
                {v.organizationId !== organizationId ? <div className="muted small">Shared by {v.organizationName}</div> : null}
              </td>
              <td data-label="Products" className="num">
                {v.productCount}
              </td>
              <td data-label="Agencies" className="num">
                {v.agencies}
              </td>
              <td data-label="Cities & counties" className="num">
                {v.cities}
              </td>
              <td data-label="Open requests" className="num">
                {v.openRequests}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <EmptyState
          title={params.get("q") ? "No vendor matches that name" : "No vendors yet"}
          action={
            canManage ? (
              <Link to="/vendors/new" className="button">
                Add a vendor
              </Link>
            ) : null
          }
        >
          <p>Vendors are the companies behind agencies' systems; start from the standard list of public-safety vendors, or add your own.</p>
        </EmptyState>
      )}
    </>
  );
}
