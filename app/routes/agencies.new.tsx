import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AgencyFields } from "~/components/agency-form";
import { FormErrors } from "~/components/fields";
import { agencyPageSchema } from "~/domain/places-input";
import { chosenJurisdiction } from "~/domain/place-choice.server";
import { createAgency } from "~/domain/places.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Add agency · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  // No list of jurisdictions: the form's jurisdiction is a search box (/jurisdictions/suggestions).
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  const submission = parseWithZod(await readFormData(request), { schema: agencyPageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // The jurisdiction picked in the search box, else the one whose name was typed (without JavaScript).
  const place = await chosenJurisdiction(viewer, { id: submission.value.jurisdictionId, name: submission.value.jurisdictionName });
  if (!place.ok || !place.id) return json(submission.reply({ fieldErrors: { jurisdictionName: [place.ok ? "Choose a jurisdiction" : place.message] } }), { status: 400 });
  const input = { ...submission.value, jurisdictionId: place.id };
  const result = await createAgency(viewer, input);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/agencies/${result.value.id}`, { kind: "success", message: `${submission.value.name} added.` });
}

export default function NewAgency() {
  const [form, fields] = useForm({
    id: "new-agency",
    lastResult: useActionData<typeof action>(),
    constraint: getZodConstraint(agencyPageSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agencyPageSchema }),
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
          <AgencyFields fields={fields} />
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
