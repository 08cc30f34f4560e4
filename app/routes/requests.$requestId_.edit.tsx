import { getFormProps, useForm } from "@conform-to/react";
import { requestReference } from "~/domain/request-reference";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { RequestFields } from "~/components/request-form";
import { chosenAssignee, chosenRequester } from "~/domain/members.server";
import { MemberSearchBox } from "~/components/member-search-box";
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
  const vendors = await listVendorOptions(viewer);
  // Who the assignee field offers: a search box of the members for those who may assign anyone, else the
  // viewer and whoever has it now (one who may only take or release a request).
  const current = found.assigneeId && found.assigneeId !== viewer.id ? [{ id: found.assigneeId, name: found.assigneeName ?? "" }] : [];
  const assignable = can(viewer, "request.assign") ? null : [{ id: viewer.id, name: viewer.name }, ...current];
  return json({ request: found, version: requestEditVersion(found), assignable, vendors });
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
  // The assignee and the requester: the person picked in each search box, else the one whose name was typed.
  const [assignee, requester] = await Promise.all([chosenAssignee(viewer, submission.value), chosenRequester(viewer, submission.value)]);
  if (!assignee.ok) return json(submission.reply({ fieldErrors: { [assignee.field]: [assignee.message] } }), { status: 400 });
  if (!requester.ok) return json(submission.reply({ fieldErrors: { [requester.field]: [requester.message] } }), { status: 400 });
  if (!requester.member) return json(submission.reply({ fieldErrors: { requesterName: ["Choose a requester"] } }), { status: 400 });
  if (!mayAssign(viewer, current.assigneeId, assignee.member?.id ?? null)) {
    return json(submission.reply({ fieldErrors: { assigneeName: [ASSIGN_REFUSED] } }), { status: 403 });
  }
  const result = await updateRequest(viewer, current.id, {
    ...submission.value,
    agencyId: agency.id ?? undefined,
    assigneeId: assignee.member?.id,
    requesterId: requester.member.id,
  });
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
  const { request, version, assignable, vendors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const today = useToday();
  const schema = editRequestPageSchema(today);
  const [form, fields] = useForm({
    id: "edit-request",
    lastResult,
    defaultValue: { ...editFormValuesOf(request), agencyName: request.agencyName ?? "", assigneeName: request.assigneeName ?? "", requesterName: request.requesterName },
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
          <RequestFields fields={fields} assignable={assignable} vendors={vendors} />
          <MemberSearchBox
            label="Requester"
            name={fields.requesterName.name}
            pickName={fields.requesterId.name}
            hint="The person the request is filed in the name of: part of their name."
            initialText={fields.requesterName.initialValue ?? ""}
            initialId={fields.requesterId.initialValue || null}
            errors={[...(fields.requesterId.errors ?? []), ...(fields.requesterName.errors ?? [])]}
          />
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
