import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { ProductFields } from "~/components/vendor-form";
import { productFormSchema } from "~/domain/vendor-input";
import { createProduct, getVendor } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { ownsRow } from "~/domain/access.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Add a product of ${data.vendor.name} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const vendor = await getVendor(viewer, params.vendorId ?? "");
  // A coalition partner's vendor is shown on its page but changed only by its own organization.
  if (!vendor || !ownsRow(viewer, vendor)) throw notFound("vendor");
  return json({ vendor });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const submission = parseWithZod(await readFormData(request), { schema: productFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createProduct(viewer, params.vendorId ?? "", submission.value);
  if (!result) throw notFound("vendor");
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/products/${result.value.id}`, { kind: "success", message: `${submission.value.name} added.` });
}

export default function NewProduct() {
  const { vendor } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: "new-product",
    lastResult: useActionData<typeof action>(),
    constraint: getZodConstraint(productFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productFormSchema }),
  });
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/vendors">Vendors</Link> / <Link to={`/vendors/${vendor.id}`}>{vendor.name}</Link> /
          </>
        }
        title={<>Add a product of {vendor.name}</>}
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <ProductFields fields={fields} />
          <div className="actions">
            <button type="submit" className="button">
              Add product
            </button>
            <Link to={`/vendors/${vendor.id}`} className="button button--quiet">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
