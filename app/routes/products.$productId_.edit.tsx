import { Card } from "~/components/ui/card";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { ProductFields } from "~/components/vendor-form";
import { productFormSchema } from "~/domain/vendor-input";
import { deleteProduct, getProduct, updateProduct } from "~/domain/vendors.server";
import { productEditVersion } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { ownsRow } from "~/domain/access.server";
import { readFormData } from "~/utils/bounded-input.server";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.product.name} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const product = await getProduct(viewer, params.productId ?? "");
  // A coalition partner's product is shown on its page but changed only by its own organization.
  if (!product || !ownsRow(viewer, product)) throw notFound("product");
  return json({ product, version: productEditVersion(product) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const id = params.productId ?? "";
  const formData = await readFormData(request);
  if (formData.get("intent") === "delete") {
    const deleted = await deleteProduct(viewer, id);
    if (!deleted) throw notFound("product");
    if (!deleted.ok) return json({ intent: "delete" as const, result: null, deleteError: Object.values(deleted.fieldErrors).flat() }, { status: 409 });
    return redirectWithFlash(`/vendors/${deleted.value.vendorId}`, { kind: "success", message: `${deleted.value.name} deleted.` });
  }
  const submission = parseWithZod(formData, { schema: productFormSchema });
  if (submission.status !== "success") return json({ intent: "save" as const, result: submission.reply(), deleteError: null }, { status: 400 });
  const result = await updateProduct(viewer, id, submission.value);
  if (!result) throw notFound("product");
  if (!result.ok && result.conflict) {
    return json(
      { intent: "save" as const, result: submission.reply({ formErrors: [result.conflict.message] }), deleteError: null, conflict: result.conflict },
      { status: 409 },
    );
  }
  if (!result.ok) return json({ intent: "save" as const, result: submission.reply({ fieldErrors: result.fieldErrors }), deleteError: null }, { status: 400 });
  return redirectWithFlash(`/products/${id}`, { kind: "success", message: "Product saved." });
}

export default function EditProduct() {
  const { product, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-product",
    lastResult: actionData?.intent === "save" ? actionData.result : undefined,
    defaultValue: { name: product.name, systemType: product.systemType, notes: product.notes ?? "" },
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
            <Link to="/vendors">Vendors</Link> / <Link to={`/vendors/${product.vendorId}`}>{product.vendorName}</Link> /{" "}
            <Link to={`/products/${product.id}`}>{product.name}</Link> /
          </>
        }
        title={<>Edit {product.name}</>}
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <EditConflict conflict={conflictOf(actionData)} />
          <VersionField version={version} />
          <ProductFields fields={fields} />
          <div className="actions">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/products/${product.id}`} className="button button--quiet">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
      <Card aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this product</h2>
        <p className="muted">A product still used by agency systems or joint asks can't be deleted.</p>
        <FormErrors errors={actionData?.deleteError ?? undefined} />
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--secondary">
            Delete {product.name}
          </button>
        </Form>
      </Card>
    </>
  );
}
