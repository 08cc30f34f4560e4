import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgencyFields } from "~/components/agency-form";
import { FormErrors } from "~/components/fields";
import { agencyFormSchema } from "~/domain/places-input";
import { openBounces } from "~/domain/mail/bounces.server";
import { agencyEditVersion, getAgency, listJurisdictions, updateAgency } from "~/domain/places.server";
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
  return json({ agency, version: agencyEditVersion(agency), jurisdictions: await listJurisdictions(viewer) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "agency.manage");
  const submission = parseWithZod(await readFormData(request), { schema: agencyFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await updateAgency(viewer, params.agencyId ?? "", submission.value);
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
  const { agency, version, jurisdictions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-agency",
    lastResult,
    defaultValue: {
      name: agency.name,
      type: agency.type,
      jurisdictionId: agency.jurisdictionId,
      recordsContactName: agency.recordsContactName ?? "",
      recordsContactEmail: agency.recordsContactEmail ?? "",
      portalUrl: agency.portalUrl ?? "",
      notes: agency.notes ?? "",
      deadlineRuleDays: agency.deadlineRuleDays?.toString() ?? "",
      deadlineRuleDayType: agency.deadlineRuleDayType ?? "",
      deadlineRuleReason: agency.deadlineRuleReason ?? "",
    },
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
          <AgencyFields fields={fields} jurisdictions={jurisdictions} />
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
