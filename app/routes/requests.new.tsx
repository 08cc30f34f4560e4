import { getFormProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { RequestFields } from "~/components/request-form";
import { DirectoryCombobox, directoryOptionLabel } from "~/components/directory-combobox";
import { getDirectoryAgency } from "~/domain/directory.server";
import { useHydrated } from "~/utils/use-hydrated";
import { useState } from "react";
import { chosenAssignee } from "~/domain/members.server";
import { chosenAgency, ownAgencyChoice } from "~/domain/place-choice.server";
import { newRequestFormSchema } from "~/domain/request-input";
import { VISIBILITY_LABELS } from "~/domain/visibility";
import { createRequest } from "~/domain/requests.server";
import { ASSIGN_REFUSED, can, mayAssign, requirePermission } from "~/domain/permissions";
import { listVendorOptions } from "~/domain/vendors.server";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "New request · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.create");
  const params = new URL(request.url).searchParams;
  const [preselected, vendors] = await Promise.all([ownAgencyChoice(viewer, params.get("agency")), listVendorOptions(viewer)]);
  const vendor = params.get("vendor");
  // A directory agency picked on the directory page (the way without JavaScript): the organization's own row if
  // it is linked already, else the directory entry, created as the organization's agency with the request.
  const ori = params.get("ori");
  const fromDirectory = ori ? await getDirectoryAgency(viewer.organizationId, ori) : null;
  return json({
    directoryPick:
      fromDirectory && !fromDirectory.agencyId
        ? { ori: fromDirectory.ori, name: fromDirectory.name, agencyType: fromDirectory.agencyType, state: fromDirectory.state, counties: fromDirectory.counties, agencyId: null }
        : null,
    // Who the assignee field offers: a search box of the members for those who may assign anyone, else the viewer.
    assignable: can(viewer, "request.assign") ? null : [{ id: viewer.id, name: viewer.name }],
    vendors,
    // The agency chosen from a link (?agency=, or a directory entry the organization has already): shown by name, picked.
    agency: preselected ?? (await ownAgencyChoice(viewer, fromDirectory?.agencyId)),
    vendorId: vendors.some((v) => v.id === vendor) ? vendor : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.create");
  const today = todayIn(viewer.timeZone);
  const submission = parseWithZod(await readFormData(request), { schema: newRequestFormSchema(today) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // The agency picked in the search box, else the one whose name was typed (without JavaScript).
  const agency = await chosenAgency(viewer, { id: submission.value.agencyId, name: submission.value.agencyName });
  if (!agency.ok) return json(submission.reply({ fieldErrors: { agencyName: [agency.message] } }), { status: 400 });
  // The same for the assignee: the person picked, else the one whose name was typed.
  const assignee = await chosenAssignee(viewer, submission.value);
  if (!assignee.ok) return json(submission.reply({ fieldErrors: { [assignee.field]: [assignee.message] } }), { status: 400 });
  if (!mayAssign(viewer, null, assignee.member?.id ?? null)) {
    return json(submission.reply({ fieldErrors: { assigneeName: [ASSIGN_REFUSED] } }), { status: 403 });
  }
  const result = await createRequest(viewer, { ...submission.value, agencyId: agency.id ?? undefined, assigneeId: assignee.member?.id }, today);
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithFlash(`/requests/${result.value.id}`, {
    kind: "success",
    message: `Request #${result.value.number} created.`,
  });
}

export default function NewRequest() {
  const { agency, assignable, vendors, vendorId, directoryPick } = useLoaderData<typeof loader>();
  // A directory pick empties the agency box (one agency per request): it is drawn again, empty.
  const [agencyBoxKey, setAgencyBoxKey] = useState(0);
  const hydrated = useHydrated();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const today = useToday();
  const schema = newRequestFormSchema(today);
  const [form, fields] = useForm({
    id: "new-request",
    lastResult,
    defaultValue: { agencyId: agency?.id ?? "", agencyName: agency?.name ?? "", vendorId: vendorId ?? "", directoryOri: directoryPick?.ori ?? "", initialStatus: "draft", visibility: "coalition" },
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
            <Link to="/requests">Requests</Link> /
          </>
        }
        title="New request"
      />
      <div className="card">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <RequestFields
            fields={fields}
            agencyBoxKey={agencyBoxKey}
            assignable={assignable}
            vendors={vendors}
            directoryPicker={
              hydrated ? (
                <DirectoryCombobox
                  name={fields.directoryOri.name}
                  label="Or any US agency, from the national directory"
                  hint="Picked here, it is added to your agencies when you create the request."
                  errors={fields.directoryOri.errors}
                  initial={directoryPick}
                  // One agency per request: a directory pick empties the agency list's choice.
                  onPick={(picked) => {
                    if (picked) setAgencyBoxKey((k) => k + 1);
                  }}
                />
              ) : directoryPick ? (
                <div className="field">
                  <input type="hidden" name={fields.directoryOri.name} value={directoryPick.ori} />
                  <p>
                    From the directory: <strong>{directoryOptionLabel(directoryPick)}</strong>. Leave the agency box above empty: it is added to
                    your agencies when you create the request. <Link to="/directory">Pick another</Link>
                  </p>
                  {fields.directoryOri.errors?.length ? <span className="field__error">{fields.directoryOri.errors.join(" ")}</span> : null}
                </div>
              ) : (
                <p className="field__hint">
                  Not in your list? <Link to="/directory">Find any US agency in the national directory</Link> and file from there.
                </p>
              )
            }
          />
          <fieldset className="field">
            <legend>Status</legend>
            <div className="radio-row">
              <label>
                <input type="radio" name={fields.initialStatus.name} value="draft" defaultChecked={fields.initialStatus.initialValue !== "submitted"} />
                Draft: not sent yet
              </label>
              <label>
                <input type="radio" name={fields.initialStatus.name} value="submitted" defaultChecked={fields.initialStatus.initialValue === "submitted"} />
                Already submitted (filed date defaults to today)
              </label>
            </div>
          </fieldset>
          <fieldset className="field">
            <legend>Who can see it</legend>
            <div className="radio-row">
              <label>
                <input type="radio" name={fields.visibility.name} value="coalition" defaultChecked={fields.visibility.initialValue !== "private"} />
                {VISIBILITY_LABELS.coalition}: your organization and its coalition partners
              </label>
              <label>
                <input type="radio" name={fields.visibility.name} value="private" defaultChecked={fields.visibility.initialValue === "private"} />
                {VISIBILITY_LABELS.private}: only your organization, until you share it
              </label>
            </div>
            <span className="field__hint">Coordinators and admins can make it public later, with an embargo date, from its page.</span>
          </fieldset>
          <ButtonGroup>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Create request
            </button>
            <Link to="/requests" className="button button--quiet">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </div>
    </>
  );
}
