import { Card } from "~/components/ui/card";
import { getFormProps, useForm } from "@conform-to/react";
import { requestReference } from "~/domain/request-reference";
import { ButtonGroup } from "~/components/ui/button-group";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { SYSTEM_TYPES, type SystemType } from "../../db/schema/values";
import { AskFields, GenerationFields, TargetChoices, toList, VendorLetterField, type OverlapOption } from "~/components/campaign-form";
import { FormErrors, TextField } from "~/components/fields";
import {
  createCampaign,
  getCampaign,
  openOverlaps,
  listCampaignRequests,
  previewCampaign,
  searchAgencies,
  targetAgencies,
  type LetterPreview,
} from "~/domain/campaigns.server";
import { ownsRow } from "~/domain/access.server";
import { listCatalog } from "~/domain/catalog.server";
import { readCampaignAsk } from "~/domain/fields.server";
import { memberAgencyIds } from "~/domain/groups.server";
import { searchDirectory } from "~/domain/directory.server";
import { DEFAULT_AGENCY_LETTER, DEFAULT_VENDOR_LETTER } from "~/domain/letters";
import { chosenAssignee } from "~/domain/members.server";
import { campaignFormSchema, MAX_CAMPAIGN_TARGETS, SYSTEM_TYPE_LABELS, type CampaignInput } from "~/domain/vendor-input";
import { isUuid } from "~/domain/requests.server";
import { getProduct, getVendor } from "~/domain/vendors.server";
import { ASSIGN_REFUSED, can, mayAssign, requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "New joint ask · JointAsk" }];

/** Where a joint ask starts: a product's group, a vendor, some agencies, a copy of another, or a search. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.create");
  const today = todayIn(viewer.timeZone);
  const params = new URL(request.url).searchParams;
  const systemTypeParam = params.get("systemType");
  const systemType = (SYSTEM_TYPES as readonly string[]).includes(systemTypeParam ?? "") ? (systemTypeParam as SystemType) : undefined;
  const source = params.get("clone") ? await getCampaign(viewer, params.get("clone")!) : null;
  // A copy of a coalition partner's joint ask keeps its text and ask; its product and vendor are the partner's
  // records, so the copy starts from the organization's own agencies instead.
  const sourceIsOwn = source ? ownsRow(viewer, source) : false;
  const productId = (sourceIsOwn ? source?.productId : null) ?? params.get("product");
  const foundProduct = productId ? await getProduct(viewer, productId) : null;
  const product = foundProduct && ownsRow(viewer, foundProduct) ? foundProduct : null;
  const vendorId = (sourceIsOwn ? source?.vendorId : null) ?? product?.vendorId ?? params.get("vendor");
  const foundVendor = vendorId ? await getVendor(viewer, vendorId) : null;
  const vendor = foundVendor && ownsRow(viewer, foundVendor) ? foundVendor : null;
  const q = (params.get("q") ?? "").trim().slice(0, 200);

  let candidateIds: string[] = [];
  let preselected: string[] = [];
  let alreadyAsked: string[] = [];
  if (product) candidateIds = await memberAgencyIds(viewer, { productId: product.id }, today, systemType);
  else if (vendor) candidateIds = await memberAgencyIds(viewer, { vendorId: vendor.id }, today, systemType);
  const picked = params.getAll("agency").filter(isUuid);
  candidateIds = [...new Set([...picked, ...candidateIds])];
  if (source) {
    alreadyAsked = (await listCampaignRequests(viewer, source.id)).map((r) => r.agencyId).filter((id): id is string => Boolean(id));
    preselected = candidateIds.filter((id) => !alreadyAsked.includes(id));
  } else {
    preselected = candidateIds;
  }
  const [candidates, found, catalog, sourceAsk, directory] = await Promise.all([
    targetAgencies(viewer, candidateIds.slice(0, MAX_CAMPAIGN_TARGETS)),
    q ? searchAgencies(viewer, q, candidateIds) : Promise.resolve([]),
    listCatalog(viewer),
    source ? readCampaignAsk(source.id) : Promise.resolve(null),
    // Agencies beyond the organization's own: the national directory, by name, place, county, state or ORI.
    q ? searchDirectory(viewer.organizationId, { q, limit: 8 }) : Promise.resolve({ hits: [], total: 0, words: [] }),
  ]);
  // A copy starts from the original's ask; one made before joint asks had a catalog ask has names only.
  const byName = new Map(catalog.recordTypes.map((t) => [t.name.toLowerCase(), t.id]));
  const sourceTypeIds = sourceAsk
    ? sourceAsk.recordTypes.map((t) => t.id).filter((id): id is string => id !== null)
    : (source?.recordTypes ?? []).map((name) => byName.get(name.toLowerCase())).filter((id): id is string => Boolean(id));
  const asked = new Set(alreadyAsked);
  // Open requests to these agencies: for the copied ask's record types, or any until the ask is chosen (the
  // preview checks again for the record types ticked).
  const shownIds = [...candidates, ...found].map((t) => t.id);
  const overlaps = await openOverlaps(viewer, shownIds, source ? { ids: sourceTypeIds, names: source.recordTypes } : null);
  return json({
    source,
    product: product ? { id: product.id, name: product.name, vendorName: product.vendorName } : null,
    vendor: vendor ? { id: vendor.id, name: vendor.name } : null,
    systemType: systemType ?? null,
    targets: [...candidates, ...found].map((t) => ({ ...t, note: asked.has(t.id) ? "asked in the original" : undefined })),
    candidateTotal: candidateIds.length,
    overlaps,
    // Only agencies the viewer can see: ids from the address are never echoed back.
    preselected: candidates.map((c) => c.id).filter((id) => preselected.includes(id)),
    // Who "Assign all to" offers: a search box of the members for those who may assign anyone, else the viewer.
    assignable: can(viewer, "request.assign") ? null : [{ id: viewer.id, name: viewer.name }],
    q,
    directoryHits: directory.hits.filter((h) => !h.agencyId || !candidateIds.includes(h.agencyId)),
    catalog: {
      recordTypes: catalog.recordTypes.map(({ id, name, category, description }) => ({ id, name, category, description })),
      fields: catalog.fields.map(({ id, recordTypeId, label, group, description }) => ({ id, recordTypeId, label, group, description })),
    },
    sourceAsk: source
      ? {
          recordTypeIds: sourceTypeIds,
          catalogFieldIds: (sourceAsk?.fields ?? []).map((f) => f.catalogFieldId).filter((id): id is string => id !== null),
          ...(sourceAsk?.ask ?? null),
        }
      : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.create");
  const today = todayIn(viewer.timeZone);
  const submission = parseWithZod(await readFormData(request), { schema: campaignFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), preview: null }, { status: 400 });
  // "Assign all to": the person picked in the search box, else the one whose name was typed.
  const assignee = await chosenAssignee(viewer, submission.value);
  if (!assignee.ok) return json({ result: submission.reply({ fieldErrors: { [assignee.field]: [assignee.message] } }), preview: null }, { status: 400 });
  if (!mayAssign(viewer, null, assignee.member?.id ?? null)) {
    return json({ result: submission.reply({ fieldErrors: { assigneeName: [ASSIGN_REFUSED] } }), preview: null }, { status: 403 });
  }
  const input = { ...submission.value, assigneeId: assignee.member?.id };
  if (submission.value.intent === "preview") {
    const preview = await previewCampaign(viewer, input, today);
    if (!preview.ok) return json({ result: submission.reply({ fieldErrors: preview.fieldErrors }), preview: null }, { status: 400 });
    return json({ result: submission.reply(), preview: preview.value });
  }
  const created = await createCampaign(viewer, input, today);
  if (!created.ok) return json({ result: submission.reply({ fieldErrors: created.fieldErrors }), preview: null }, { status: 400 });
  return redirectWithFlash(`/campaigns/${created.value.id}`, {
    kind: "success",
    message: `Joint ask created with ${created.value.created} ${created.value.created === 1 ? "request" : "requests"}.`,
  });
}

function LetterPreviews({ letters, total, overlaps, names }: { letters: LetterPreview[]; total: number; overlaps: Record<string, OverlapOption[]>; names: Map<string, string> }) {
  const overlapping = Object.entries(overlaps).filter(([, list]) => list.length > 0);
  return (
    <Card aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        Preview: {letters.length} of the {total} letters
      </h2>
      {overlapping.length ? (
        <div className="notice" role="note">
          <p>
            <strong>
              {overlapping.length} {overlapping.length === 1 ? "agency already has" : "agencies already have"} open requests for these record types
            </strong>{" "}
            (yours or your coalition's). Untick them in the list below to leave them out:
          </p>
          <ul>
            {overlapping.map(([agencyId, list]) => (
              <li key={agencyId}>
                {names.get(agencyId) ?? "An agency"}:{" "}
                {list.map((o, i) => (
                  <span key={o.requestId}>
                    {i > 0 ? "; " : ""}
                    <a href={`/requests/${o.requestId}`}>
                      {o.own ? "" : `${o.organizationName} `}{requestReference(o)} {o.title}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {letters.map((l) => (
        <details key={l.target} className="panel" open>
          <summary>
            {l.target}
            {l.place ? ` (${l.place})` : ""}
            {l.law ? <span className="muted small"> · {l.law}</span> : null}
          </summary>
          <p className="small">
            <strong>Subject:</strong> {l.subject}
          </p>
          <pre className="letter">{l.text}</pre>
        </details>
      ))}
    </Card>
  );
}

export default function NewCampaign() {
  const { source, product, vendor, systemType, targets, candidateTotal, preselected, assignable, q, catalog, sourceAsk, overlaps, directoryHits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const [form, fields] = useForm<CampaignInput>({
    id: "new-campaign",
    lastResult: actionData?.result,
    defaultValue: {
      title: source ? `${source.title} (copy)` : product ? `Records from ${product.name}` : "",
      ask: source?.ask ?? "",
      recordTypeIds: sourceAsk?.recordTypeIds ?? [],
      catalogFieldIds: sourceAsk?.catalogFieldIds ?? [],
      detailLevel: sourceAsk?.detailLevel ?? undefined,
      periodStart: sourceAsk?.periodStart ?? "",
      periodEnd: sourceAsk?.periodEnd ?? "",
      formats: sourceAsk?.formats ?? [],
      deidentify: sourceAsk?.deidentify ?? false,
      deidentifyNotes: sourceAsk?.deidentifyNotes ?? "",
      letterTemplate: source?.letterTemplate ?? DEFAULT_AGENCY_LETTER,
      vendorLetterTemplate: source?.vendorLetterTemplate ?? DEFAULT_VENDOR_LETTER,
      targets: preselected,
      initialStatus: "draft",
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignFormSchema }),
  });
  const chosen = new Set(toList(fields.targets.initialValue ?? preselected));
  const start = product ? `${product.name} (${product.vendorName})` : vendor ? vendor.name : null;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/campaigns">Joint asks</Link> /
          </>
        }
        title={source ? `Copy “${source.title}” for new agencies` : "New joint ask"}
        meta={
          <>
            One ask, one request per agency, each under its own state's law.
            {start ? ` Starting from everyone on ${start}${systemType ? ` as ${SYSTEM_TYPE_LABELS[systemType].toLowerCase()}` : ""}.` : ""}
          </>
        }
      />
      {actionData?.preview ? (
        <LetterPreviews
          letters={actionData.preview.letters}
          total={actionData.preview.total}
          overlaps={actionData.preview.overlaps}
          names={new Map(targets.map((t) => [t.id, t.name]))}
        />
      ) : null}
      <div className="card">
        <Form method="get" className="filters" role="search">
          {[...new URLSearchParams(location.search)].filter(([k]) => k !== "q").map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          <TextField
            id="target-q"
            name="q"
            type="search"
            label="Find more agencies"
            hint="Yours by name, and any US agency in the national directory by name, place, county, state or ORI."
            defaultValue={q}
            className="field--wide"
          />
          <ButtonGroup>
            <button type="submit" className="button button--secondary">
              Find
            </button>
          </ButtonGroup>
        </Form>
        {directoryHits.length ? (
          <section aria-labelledby="directory-targets">
            <h2 id="directory-targets">In the national directory</h2>
            <ul className="plain-list">
              {directoryHits.map((h) => (
                <li key={h.ori}>
                  {h.agencyId ? (
                    <Link to={`${location.pathname}${location.search}${location.search ? "&" : "?"}agency=${h.agencyId}`}>
                      Add {h.name} ({h.state}) to this joint ask
                    </Link>
                  ) : h.jurisdictionCode ? (
                    <Form method="post" action="/directory?index" className="inline-form">
                      <input type="hidden" name="intent" value="add" />
                      <input type="hidden" name="ori" value={h.ori} />
                      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
                      {h.name} · {h.state}
                      {h.counties.length ? ` · ${h.counties.join(", ")} County` : ""} · <code>{h.ori}</code>{" "}
                      <button type="submit" className="button button--secondary">
                        Add to this joint ask<span className="visually-hidden">: {h.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <div className="card">
        <Form method="post" action={`/campaigns/new${location.search}`} className="form form--wide" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          {product ? <input type="hidden" name="productId" value={product.id} /> : null}
          {vendor ? <input type="hidden" name="vendorId" value={vendor.id} /> : null}
          {source ? <input type="hidden" name="clonedFromId" value={source.id} /> : null}
          <TargetChoices
            name={fields.targets.name}
            targets={targets}
            chosen={chosen}
            overlaps={actionData?.preview?.overlaps ?? overlaps}
            errors={fields.targets.errors ?? form.allErrors["targets[0]"]}
            legend={
              candidateTotal > MAX_CAMPAIGN_TARGETS
                ? `Agencies to ask (the first ${MAX_CAMPAIGN_TARGETS} of ${candidateTotal}; one joint ask goes to at most ${MAX_CAMPAIGN_TARGETS})`
                : "Agencies to ask"
            }
          />
          <AskFields fields={fields} catalog={catalog} />
          {vendor ? <VendorLetterField field={fields.vendorLetterTemplate} vendorName={vendor.name} includeField={fields.includeVendor} /> : null}
          {!vendor && fields.vendorId.errors ? <FormErrors errors={fields.vendorId.errors} /> : null}
          <GenerationFields fields={fields} assignable={assignable} />
          <ButtonGroup>
            <button type="submit" name="intent" value="create" className="button" disabled={navigation.state === "submitting"}>
              Create the requests
            </button>
            <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={navigation.state === "submitting"}>
              Preview letters
            </button>
            <Link to="/campaigns" className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </>
  );
}
