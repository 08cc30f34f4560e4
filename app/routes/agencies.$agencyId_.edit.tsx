import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgencyFields } from "~/components/agency-form";
import { FormErrors } from "~/components/fields";
import { agencyPageSchema } from "~/domain/places-input";
import { chosenJurisdiction, jurisdictionChoice } from "~/domain/place-choice.server";
import { jurisdictionLabel } from "~/domain/place-labels";
import { openBounces } from "~/domain/mail/bounces.server";
import { agencyEditVersion, getAgency, updateAgency } from "~/domain/places.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { ownsRow } from "~/domain/access.server";
import { readFormData } from "~/utils/bounded-input.server";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit ${data.agency.name} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  const agency = await getAgency(viewer, params.agencyId ?? "");
  // A coalition partner's agency is shown on its page but changed only by its own organization.
  if (!agency || !ownsRow(viewer, agency)) throw notFound("agency");
  const place = await jurisdictionChoice(viewer, agency.jurisdictionId);
  return json({ agency, version: agencyEditVersion(agency), placeLabel: place ? jurisdictionLabel(place) : agency.jurisdictionName });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  const submission = parseWithZod(await readFormData(request), { schema: agencyPageSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // The jurisdiction picked in the search box, else the one whose name was typed (without JavaScript).
  const place = await chosenJurisdiction(viewer, { id: submission.value.jurisdictionId, name: submission.value.jurisdictionName });
  if (!place.ok || !place.id) return json(submission.reply({ fieldErrors: { jurisdictionName: [place.ok ? "Choose a jurisdiction" : place.message] } }), { status: 400 });
  const input = { ...submission.value, jurisdictionId: place.id };
  const result = await updateAgency(viewer, params.agencyId ?? "", input);
  if (!result) throw notFound("agency");
  if (!result.ok && result.conflict) {
    return json({ ...submission.reply({ formErrors: [result.conflict.message] }), conflict: result.conflict }, { status: 409 });
  }
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  // A corrected records email reaches the requests whose letters bounced: the agency page offers to resend them.
  const { bounces } = await openBounces(viewer, { agencyId: result.value.id });
  const resendable = bounces.filter((b) => b.resendable).length;
  return redirectWithFlash(`/agencies/${result.value.id}`, {
    kind: "success",
    message: resendable
      ? `Agency saved. ${resendable} ${resendable === 1 ? "letter" : "letters"} bounced from the old address: resend ${resendable === 1 ? "it" : "them"} to the new one below.`
      : "Agency saved.",
  });
}

export default function EditAgency() {
  const { agency, version, placeLabel } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-agency",
    lastResult,
    defaultValue: {
      name: agency.name,
      type: agency.type,
      jurisdictionId: agency.jurisdictionId,
      jurisdictionName: placeLabel,
      recordsContactName: agency.recordsContactName ?? "",
      recordsContactEmail: agency.recordsContactEmail ?? "",
      portalUrl: agency.portalUrl ?? "",
      notes: agency.notes ?? "",
      deadlineRuleDays: agency.deadlineRuleDays?.toString() ?? "",
      deadlineRuleDayType: agency.deadlineRuleDayType ?? "",
      deadlineRuleReason: agency.deadlineRuleReason ?? "",
    },
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
            <Link to="/agencies">Agencies</Link> / <Link to={`/agencies/${agency.id}`}>{agency.name}</Link> /
          </>
        }
        title={<>Edit {agency.name}</>}
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <EditConflict conflict={conflictOf(lastResult)} />
          <VersionField version={version} />
          <AgencyFields fields={fields} />
          <ButtonGroup>
            <button type="submit" className="button">
              Save
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
