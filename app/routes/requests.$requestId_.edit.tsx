import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { requestReference } from "~/domain/request-reference";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, SelectField } from "~/components/fields";
import { RequestFields } from "~/components/request-form";
import { listMembers } from "~/domain/members.server";
import { chosenAgency } from "~/domain/place-choice.server";
import { editFormValuesOf, editRequestPageSchema } from "~/domain/request-input";
import { getRequest, requestEditVersion, updateRequest } from "~/domain/requests.server";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { ASSIGN_REFUSED, can, mayAssign, requirePermission } from "~/domain/permissions";
import { listVendorOptions } from "~/domain/vendors.server";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Edit #${data.request.number} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const [members, vendors] = await Promise.all([listMembers(viewer), listVendorOptions(viewer)]);
  const assignable = can(viewer, "request.assign") ? members : members.filter((m) => m.id === viewer.id || m.id === found.assigneeId);
  return json({ request: found, version: requestEditVersion(found), members: assignable, vendors });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const today = todayIn(viewer.timeZone);
  const submission = parseWithZod(await readFormData(request), { schema: editRequestPageSchema(today) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // The agency picked in the search box, else the one whose name was typed (without JavaScript).
  const agency = await chosenAgency(viewer, { id: submission.value.agencyId, name: submission.value.agencyName });
  if (!agency.ok) return json(submission.reply({ fieldErrors: { agencyName: [agency.message] } }), { status: 400 });
  const current = await getRequest(viewer, params.requestId ?? "");
  if (!current) throw notFound("request");
  if (!mayAssign(viewer, current.assigneeId, submission.value.assigneeId || null)) {
    return json(submission.reply({ fieldErrors: { assigneeId: [ASSIGN_REFUSED] } }), { status: 403 });
  }
  const result = await updateRequest(viewer, current.id, { ...submission.value, agencyId: agency.id ?? undefined });
  if (!result) throw notFound("request");
  if (!result.ok && result.conflict) {
    return json({ ...submission.reply({ formErrors: [result.conflict.message] }), conflict: result.conflict }, { status: 409 });
  }
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/requests/${params.requestId}`, {
    kind: "success",
    message: result.value.changed ? "Changes saved." : "Nothing changed.",
  });
}

export default function EditRequest() {
  const { request, version, members, vendors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const today = useToday();
  const schema = editRequestPageSchema(today);
  const [form, fields] = useForm({
    id: "edit-request",
    lastResult,
    defaultValue: { ...editFormValuesOf(request), agencyName: request.agencyName ?? "" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/requests">Requests</Link> / <Link to={`/requests/${request.id}`}>{requestReference(request)}</Link> /
          </>
        }
        title={<>Edit request {requestReference(request)}</>}
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <EditConflict conflict={conflictOf(lastResult)} />
          {/* From the loader, which runs again after a refused save: saving again then keeps this form's values. */}
          <VersionField version={version} />
          <RequestFields fields={fields} members={members} vendors={vendors} />
          <SelectField label="Requester" {...getSelectProps(fields.requesterId)} id={fields.requesterId.id} errors={fields.requesterId.errors} hint="The person the request is filed in the name of.">
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <ButtonGroup>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Save changes
            </button>
            <Link to={`/requests/${request.id}`} className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </>
  );
}
