import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { VendorFields } from "~/components/vendor-form";
import { vendorFormSchema } from "~/domain/vendor-input";
import { createVendor } from "~/domain/vendors.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Add vendor · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "vendor.manage");
  const submission = parseWithZod(await readFormData(request), { schema: vendorFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createVendor(viewer, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/vendors/${result.value.id}`, { kind: "success", message: `${submission.value.name} added.` });
}

export default function NewVendor() {
  const [form, fields] = useForm({
    id: "new-vendor",
    lastResult: useActionData<typeof action>(),
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
            <Link to="/vendors">Vendors</Link> /
          </>
        }
        title="Add a vendor"
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <VendorFields fields={fields} />
          <ButtonGroup>
            <button type="submit" className="button">
              Add vendor
            </button>
            <Link to="/vendors" className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </>
  );
}
