import { Card } from "~/components/ui/card";
import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DocumentField } from "~/components/agency-systems";
import { FormErrors } from "~/components/fields";
import { SystemFields } from "~/components/vendor-form";
import { MAX_DOCUMENT_BYTES } from "~/domain/system-documents";
import { deleteSystem, deleteSystemDocument, getSystem, updateSystem } from "~/domain/systems.server";
import { systemEditVersion } from "~/domain/systems.server";
import { systemPageSchema } from "~/domain/vendor-input";
import { chosenAgency, ownAgencyChoice } from "~/domain/place-choice.server";
import { listProductOptions } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { readForm, uploadedFile } from "~/utils/uploads.server";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit a system of ${data.system.agencyName} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const system = await getSystem(viewer, params.systemId ?? "");
  if (!system) throw notFound("system");
  const [products, host] = await Promise.all([listProductOptions(viewer), ownAgencyChoice(viewer, system.hostAgencyId)]);
  return json({ system, version: systemEditVersion(system), products, hostAgencyName: host?.name ?? "" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const id = params.systemId ?? "";
  const formData = await readForm(request, MAX_DOCUMENT_BYTES);
  if (!formData) return json({ status: "error" as const, error: { document: ["The file is larger than 10 MB"] } }, { status: 400 });
  const intent = formData.get("intent");
  if (intent === "delete") {
    const deleted = await deleteSystem(viewer, id);
    if (!deleted) throw notFound("system");
    return redirectWithFlash(`/agencies/${deleted.agencyId}`, { kind: "success", message: "System deleted." });
  }
  if (intent === "delete-document") {
    const documentId = String(formData.get("documentId") ?? "");
    if (!(await deleteSystemDocument(viewer, id, documentId))) throw notFound("document");
    return redirectWithFlash(`/systems/${id}/edit`, { kind: "success", message: "Document removed." });
  }
  const submission = parseWithZod(formData, { schema: systemPageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // The hosting agency picked in the search box, else the one whose name was typed (without JavaScript).
  const host = await chosenAgency(viewer, { id: submission.value.hostAgencyId, name: submission.value.hostAgencyName });
  if (!host.ok) return json(submission.reply({ fieldErrors: { hostAgencyName: [host.message] } }), { status: 400 });
  const result = await updateSystem(viewer, id, { ...submission.value, hostAgencyId: host.id ?? undefined }, await uploadedFile(formData, "document"));
  if (!result) throw notFound("system");
  if (!result.ok && result.conflict) {
    return json({ ...submission.reply({ formErrors: [result.conflict.message] }), conflict: result.conflict }, { status: 409 });
  }
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/agencies/${result.value.agencyId}#systems-heading`, { kind: "success", message: "System saved." });
}

export default function EditSystem() {
  const { system, version, products, hostAgencyName } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-system",
    lastResult,
    defaultValue: {
      systemType: system.systemType,
      productId: system.productId ?? "",
      hostAgencyId: system.hostAgencyId ?? "",
      hostAgencyName,
      sinceOn: system.sinceOn ?? "",
      untilOn: system.untilOn ?? "",
      confidence: system.confidence,
      evidenceUrl: system.evidenceUrl ?? "",
      notes: system.notes ?? "",
    },
    constraint: getZodConstraint(systemPageSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: systemPageSchema }),
  });
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/agencies">Agencies</Link> / <Link to={`/agencies/${system.agencyId}`}>{system.agencyName}</Link> /
          </>
        }
        title={<>Edit a system of {system.agencyName}</>}
      />
      <div className="card">
        <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <EditConflict conflict={conflictOf(lastResult)} />
          <VersionField version={version} />
          <SystemFields fields={fields} products={products} hostAgencyName={hostAgencyName} />
          <DocumentField errors={form.allErrors.document} />
          <ButtonGroup>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Save changes
            </button>
            <Link to={`/agencies/${system.agencyId}`} className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
      {system.documents.length ? (
        <Card aria-labelledby="documents-heading">
          <h2 id="documents-heading">Evidence documents</h2>
          <ul className="plain-list">
            {system.documents.map((d) => (
              <li key={d.id} className="actions">
                <a href={`/systems/${system.id}/documents/${d.id}`}>{d.fileName}</a>
                <span className="muted small">{Math.ceil(d.byteSize / 1024)} KB</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete-document" />
                  <input type="hidden" name="documentId" value={d.id} />
                  <button type="submit" className="button button--quiet">
                    Remove<span className="visually-hidden"> {d.fileName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this system</h2>
        <p className="muted">Record an end date instead if the agency stopped using it: its history then stays visible.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--secondary">
            Delete system
          </button>
        </Form>
      </Card>
    </>
  );
}
