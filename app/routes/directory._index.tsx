import { formatNumber } from "~/components/ui/number-text";
import { readFormData } from "~/utils/bounded-input.server";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { TextField } from "~/components/fields";
import { DIRECTORY_TYPE_LABELS } from "~/domain/directory/clean";
import { directoryQuery } from "~/domain/directory-input";
import { agencyFromDirectory } from "~/domain/directory-links.server";
import { directoryStatus, searchDirectory } from "~/domain/directory.server";
import { requirePermission } from "~/domain/permissions";
import { listStates } from "~/domain/places.server";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useCan } from "~/utils/use-permission";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Agency directory · JointAsk" }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const page = Math.max(1, Math.min(800, Number.parseInt(params.page ?? "1", 10) || 1));
  const parsed = directoryQuery.safeParse({ q: params.q ?? "", state: params.state ?? "", limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw json({ message: `${String(issue.path[0])} ${issue.message}` }, { status: 400 });
  }
  const { q, state, limit, offset } = parsed.data;
  const started = performance.now();
  const [result, states, status] = await Promise.all([
    q.trim() ? searchDirectory(viewer.organizationId, { q, state, limit, offset }) : Promise.resolve({ hits: [], total: 0, words: [] }),
    listStates(),
    directoryStatus(),
  ]);
  return json({
    q,
    state: state ?? "",
    page,
    pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    total: result.total,
    hits: result.hits,
    ms: Math.round(performance.now() - started),
    states: states.map((s) => ({ code: s.code!, name: s.name })),
    directory: status ? { version: status.version, count: status.count } : null,
  });
}

const addSchema = z.object({
  intent: z.literal("add"),
  ori: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{9}$/, "ori must be nine letters and digits"),
  // From a joint ask's target search: back there with the agency picked.
  returnTo: z
    .string()
    .refine((v) => /^\/campaigns\/new(\?|$)/.test(v), "returnTo must be the new joint ask page")
    .optional(),
  // From a product page's "Record it at an agency": on to recording that product's system at the new agency.
  recordProduct: z.string().uuid("recordProduct must be a product id").optional(),
});

/**
 * "Add to our agencies": the organization's agency row for a directory ORI (created, or the one already linked).
 * From a joint ask's target search (returnTo), anyone who may file requests adds it and goes back with it picked.
 */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = addSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw json({ message: `${String(issue.path[0])}: ${issue.message}` }, { status: 422 });
  }
  requirePermission(viewer, parsed.data.returnTo ? "request.create" : parsed.data.recordProduct ? "vendor.manage" : "agency.manage");
  const result = await agencyFromDirectory(viewer, parsed.data.ori);
  if (!result.ok) throw json({ message: Object.values(result.fieldErrors).flat().join(" ") }, { status: 422 });
  if (parsed.data.recordProduct) {
    return redirectWithFlash(`/agencies/${result.value.id}/systems/new?product=${parsed.data.recordProduct}`, {
      kind: "success",
      message: result.value.created ? "Added to your agencies from the directory: now record its system." : "Already in your agencies: record its system.",
    });
  }
  if (parsed.data.returnTo) {
    const back = parsed.data.returnTo;
    return redirectWithFlash(`${back}${back.includes("?") ? "&" : "?"}agency=${result.value.id}`, { kind: "success", message: "Added from the directory." });
  }
  return redirectWithFlash(`/agencies/${result.value.id}`, {
    kind: "success",
    message: result.value.created ? "Added to your agencies from the directory." : "Already in your agencies, linked to the directory.",
  });
}

export default function Directory() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const canFile = useCan("request.create");
  const canManage = useCan("agency.manage");
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/agencies">Agencies</Link> /
          </>
        }
        title="Agency directory"
        meta={
          <>
            Every US law enforcement agency in the FBI's Crime Data Explorer list
            {data.directory ? ` (${formatNumber(data.directory.count)} agencies, version ${data.directory.version})` : ""}. Search by name, place,
            county, state or ORI code; word order and small typos do not matter.
          </>
        }
        actions={
          <>
            {canManage ? (
              <Link to="/directory/contacts-import" className="button button--secondary">
                Import records contacts
              </Link>
            ) : null}
          </>
        }
      />
      <div className="card">
        <Form method="get" className="filters" role="search">
          <TextField id="directory-q" name="q" type="search" label="Agency" defaultValue={data.q} className="field--wide" hint="e.g. oakland pd, sherif lane county, AK0010100" />
          <div className="field">
            <label htmlFor="directory-state">State</label>
            <select id="directory-state" name="state" defaultValue={data.state}>
              <option value="">Any state</option>
              {data.states.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <ButtonGroup>
            <button type="submit" className="button">
              Search
            </button>
          </ButtonGroup>
        </Form>
      </div>
      {data.q.trim() ? (
        data.hits.length ? (
          <>
            <p className="muted small" role="status">
              {formatNumber(data.total)} {data.total === 1 ? "agency matches" : "agencies match"} “{params.get("q")}” ({data.ms} ms)
            </p>
            <DataTable captionClassName="visually-hidden" caption="Directory agencies matching the search" columns={["Agency", "Type", "County", "State", "ORI", <span className="visually-hidden">Actions</span>]}>
              {data.hits.map((h) => (
                <tr key={h.ori}>
                  <td data-label="Agency">
                    <Link to={`/directory/${h.ori}`}>{h.name}</Link>
                  </td>
                  <td data-label="Type">
                    {AGENCY_TYPE_LABELS[h.agencyType]}
                    {h.directoryType === "unknown" ? <div className="muted small">{DIRECTORY_TYPE_LABELS.unknown} in the FBI list</div> : null}
                  </td>
                  <td data-label="County">{h.counties.join(", ") || <span className="muted">Not specified</span>}</td>
                  <td data-label="State">{h.state}</td>
                  <td data-label="ORI">
                    <code>{h.ori}</code>
                  </td>
                  <td data-label="Actions">
                    <ButtonGroup>
                      {canFile ? (
                        <Link className="button button--secondary" to={h.agencyId ? `/requests/new?agency=${h.agencyId}` : `/requests/new?ori=${h.ori}`}>
                          File a request<span className="visually-hidden"> to {h.name}</span>
                        </Link>
                      ) : null}
                      {h.agencyId ? (
                        <span className="muted small">In your agencies</span>
                      ) : canManage && h.jurisdictionCode ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="add" />
                          <input type="hidden" name="ori" value={h.ori} />
                          <button type="submit" className="button button--quiet">
                            Add to our agencies<span className="visually-hidden">: {h.name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </ButtonGroup>
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={data.page} pageCount={data.pageCount} total={data.total} noun="result" />
          </>
        ) : (
          <p className="card" role="status">
            No agency in the directory matches “{params.get("q")}”{data.state ? ` in ${data.state}` : ""}.
          </p>
        )
      ) : null}
    </>
  );
}
