import { Card } from "~/components/ui/card";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { VendorFields } from "~/components/vendor-form";
import { vendorFormSchema } from "~/domain/vendor-input";
import { deleteVendor, getVendor, updateVendor } from "~/domain/vendors.server";
import { vendorEditVersion } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { openBounces } from "~/domain/mail/bounces.server";
import { notFound } from "~/utils/responses.server";
import { ownsRow } from "~/domain/access.server";
import { readFormData } from "~/utils/bounded-input.server";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Edit ${data.vendor.name} · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const vendor = await getVendor(viewer, params.vendorId ?? "");
  // A coalition partner's vendor is shown on its page but changed only by its own organization.
  if (!vendor || !ownsRow(viewer, vendor)) throw notFound("vendor");
  return json({ vendor, version: vendorEditVersion(vendor) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const id = params.vendorId ?? "";
  const formData = await readFormData(request);
  if (formData.get("intent") === "delete") {
    const deleted = await deleteVendor(viewer, id);
    if (!deleted) throw notFound("vendor");
    if (!deleted.ok) return json({ intent: "delete" as const, result: null, deleteError: Object.values(deleted.fieldErrors).flat() }, { status: 409 });
    return redirectWithFlash("/vendors", { kind: "success", message: `${deleted.value.name} deleted.` });
  }
  const submission = parseWithZod(formData, { schema: vendorFormSchema });
  if (submission.status !== "success") return json({ intent: "save" as const, result: submission.reply(), deleteError: null }, { status: 400 });
  const result = await updateVendor(viewer, id, submission.value);
  if (!result) throw notFound("vendor");
  if (!result.ok && result.conflict) {
    return json(
      { intent: "save" as const, result: submission.reply({ formErrors: [result.conflict.message] }), deleteError: null, conflict: result.conflict },
      { status: 409 },
    );
  }
  if (!result.ok) return json({ intent: "save" as const, result: submission.reply({ fieldErrors: result.fieldErrors }), deleteError: null }, { status: 400 });
  // A corrected contact reaches the requests whose letters bounced: the vendor page offers to resend them.
  const { bounces } = await openBounces(viewer, { vendorId: id });
  const resendable = bounces.filter((b) => b.resendable).length;
  return redirectWithFlash(`/vendors/${id}`, {
    kind: "success",
    message: resendable
      ? `Vendor saved. ${resendable} ${resendable === 1 ? "letter" : "letters"} bounced from the old address: resend ${resendable === 1 ? "it" : "them"} to the new one below.`
      : "Vendor saved.",
  });
}

export default function EditVendor() {
  const { vendor, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-vendor",
    lastResult: actionData?.intent === "save" ? actionData.result : undefined,
    defaultValue: {
      name: vendor.name,
      website: vendor.website ?? "",
      contactName: vendor.contactName ?? "",
      contactEmail: vendor.contactEmail ?? "",
      notes: vendor.notes ?? "",
    },
    constraint: getZodConstraint(vendorFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: vendorFormSchema }),
  });
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/vendors">Vendors</Link> / <Link to={`/vendors/${vendor.id}`}>{vendor.name}</Link> /
          </>
        }
        title={<>Edit {vendor.name}</>}
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <EditConflict conflict={conflictOf(actionData)} />
          <VersionField version={version} />
          <VendorFields fields={fields} />
          <div className="actions">
            <button type="submit" className="button">
              Save changes
            </button>
            <Link to={`/vendors/${vendor.id}`} className="button button--quiet">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
      <Card aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this vendor</h2>
        <p className="muted">Its products go with it. A vendor still used by agency systems, requests or joint asks can't be deleted.</p>
        <FormErrors errors={actionData?.deleteError ?? undefined} />
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--secondary">
            Delete {vendor.name}
          </button>
        </Form>
      </Card>
    </>
  );
}
