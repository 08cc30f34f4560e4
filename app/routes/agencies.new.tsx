import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgencyFields } from "~/components/agency-form";
import { FormErrors } from "~/components/fields";
import { agencyFormSchema } from "~/domain/places-input";
import { createAgency, listJurisdictions } from "~/domain/places.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Add agency · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  return json({ jurisdictions: await listJurisdictions(viewer) });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  const submission = parseWithZod(await readFormData(request), { schema: agencyFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createAgency(viewer, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/agencies/${result.value.id}`, { kind: "success", message: `${submission.value.name} added.` });
}

export default function NewAgency() {
  const { jurisdictions } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    id: "new-agency",
    lastResult: useActionData<typeof action>(),
    constraint: getZodConstraint(agencyFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencyFormSchema }),
  });
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/agencies">Agencies</Link> /
          </>
        }
        title="Add an agency"
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <AgencyFields fields={fields} jurisdictions={jurisdictions} />
          <ButtonGroup>
            <button type="submit" className="button">
              Add agency
            </button>
            <Link to="/agencies" className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </>
  );
}
