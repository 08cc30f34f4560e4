import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DocumentField } from "~/components/agency-systems";
import { FormErrors } from "~/components/fields";
import { SystemFields } from "~/components/vendor-form";
import { getAgency } from "~/domain/places.server";
import { MAX_DOCUMENT_BYTES } from "~/domain/system-documents";
import { createSystem } from "~/domain/systems.server";
import { systemPageSchema } from "~/domain/vendor-input";
import { chosenAgency } from "~/domain/place-choice.server";
import { listProductOptions } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { ownsRow } from "~/domain/access.server";
import { readForm, uploadedFile } from "~/utils/uploads.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Add a system of ${data.agency.name} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const agency = await getAgency(viewer, params.agencyId ?? "");
  // A coalition partner's agency is shown on its page but changed only by its own organization.
  if (!agency || !ownsRow(viewer, agency)) throw notFound("agency");
  const products = await listProductOptions(viewer);
  // From a product page's "Record it at an agency": that product chosen already.
  const wanted = new URL(request.url).searchParams.get("product");
  const preselected = products.find((p) => p.id === wanted) ?? null;
  return json({ agency, products, preselected });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const formData = await readForm(request, MAX_DOCUMENT_BYTES);
  if (!formData) return json({ status: "error" as const, error: { document: ["The file is larger than 10 MB"] } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: systemPageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // The hosting agency picked in the search box, else the one whose name was typed (without JavaScript).
  const host = await chosenAgency(viewer, { id: submission.value.hostAgencyId, name: submission.value.hostAgencyName });
  if (!host.ok) return json(submission.reply({ fieldErrors: { hostAgencyName: [host.message] } }), { status: 400 });
  const result = await createSystem(viewer, params.agencyId ?? "", { ...submission.value, hostAgencyId: host.id ?? undefined }, await uploadedFile(formData, "document"));
  if (!result) throw notFound("agency");
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/agencies/${params.agencyId}#systems-heading`, { kind: "success", message: "System added." });
}

export default function NewSystem() {
  const { agency, products, preselected } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-system",
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      confidence: "reported",
      ...(preselected ? { productId: preselected.id, systemType: preselected.systemType } : {}),
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
            <Link to="/agencies">Agencies</Link> / <Link to={`/agencies/${agency.id}`}>{agency.name}</Link> /
          </>
        }
        title={<>Add a system of {agency.name}</>}
      />
      <div className="card">
        <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <SystemFields fields={fields} products={products} />
          <DocumentField errors={form.allErrors.document} />
          <ButtonGroup>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Add system
            </button>
            <Link to={`/agencies/${agency.id}`} className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </>
  );
}
