import { Card } from "~/components/ui/card";
import { SharedNotice } from "~/components/shared-notice";
import { requestReference } from "~/domain/request-reference";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { COMMUNICATION_CHANNELS, COMMUNICATION_DIRECTIONS, REQUEST_VISIBILITIES, type RequestVisibility } from "../../db/schema/values";
import { FieldsAndFiles } from "~/components/fields-and-files";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/fields";
import { METHOD_LABELS } from "~/components/request-form";
import { StatusBadge } from "~/components/status-badge";
import { Timeline } from "~/components/timeline";
import { loadFieldsAndFiles } from "~/domain/fields-page.server";
import { AssigneeField } from "~/components/member-search-box";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import {
  addNoteSchema,
  agreedDateSchema,
  assignSchema,
  changeStatusSchema,
  logCommunicationSchema,
  logExtensionSchema,
  nextActionSchema,
  tagsSchema,
} from "~/domain/request-input";
import type { DeadlineSnapshot } from "~/domain/deadlines.server";
import { DeadlineSummary } from "~/components/deadline-card";
import { STATUS_LABELS, STATUS_TRANSITIONS } from "~/domain/request-status";
import {
  changeStatus,
  getRequest,
  getTimeline,
} from "~/domain/requests.server";
import { CHANNEL_LABELS, DIRECTION_LABELS } from "~/domain/timeline";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useTimeZone, useToday } from "~/utils/use-root";
import { clientAddressOf } from "~/utils/load-context.server";
import { ownsRow } from "~/domain/access.server";
import { VisibilityBadge } from "~/components/visibility-badge";
import { EntryVisibilityToggle } from "~/components/entry-visibility-toggle";
import { VISIBILITY_DESCRIPTIONS, VISIBILITY_LABELS, visibilityFormSchema } from "~/domain/visibility";
import type { FlaggedFile } from "~/domain/results";
import { describeAutoFollowUp, getAutoFollowUpPolicy } from "~/domain/mail/auto-follow-ups.server";
import { requestBounces } from "~/domain/mail/bounces.server";
import { trackingProposals } from "~/domain/mail/tracking.server";
import { readFormData } from "~/utils/bounded-input.server";
import { applyRequestChange, isFieldsPageChange, isRequestChangeName, permissionFor } from "~/domain/request-changes.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${requestReference(data.request)} ${data.request.title} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  // A coalition member's shared request is read-only here: only its organization changes it.
  const owned = ownsRow(viewer, found);
  const [timeline, fieldsAndFiles, bounces, proposals, policy] = await Promise.all([
    getTimeline(viewer, found.id),
    loadFieldsAndFiles(viewer, found.id),
    owned ? requestBounces(viewer, found.id) : Promise.resolve(null),
    owned ? trackingProposals(viewer, found.id) : Promise.resolve([]),
    getAutoFollowUpPolicy(viewer.organizationId),
  ]);
  return json({
    request: found,
    owned,
    timeline,
    // Who an advocate (who may only take a request or release their own) can choose between; others search by name.
    selfOrCurrent: [
      { id: viewer.id, name: viewer.name },
      ...(found.assigneeId && found.assigneeId !== viewer.id ? [{ id: found.assigneeId, name: found.assigneeName ?? "" }] : []),
    ],
    nextStatuses: STATUS_TRANSITIONS[found.status],
    viewerId: viewer.id,
    fieldsAndFiles,
    bounces,
    proposals,
    autoFollowUp: { policy, text: describeAutoFollowUp(policy, found.autoFollowUp) },
  });
}

/** Each form on the page names its change (see request-changes.server.ts, shared with the JSON API). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = params.requestId ?? "";
  const formData = await readFormData(request);
  // (Checked here, not in a module-level schema: the change table is server-only and absent from the browser.)
  const intent = formData.get("intent");
  // (The fields page's changes are answered on that page, where their forms show the errors.)
  if (!isRequestChangeName(intent) || isFieldsPageChange(intent)) throw new Response("Unknown action.", { status: 400 });
  requirePermission(viewer, permissionFor(intent));

  // Publishing goes through its preview: the coordinator sees exactly what becomes public first.
  if (intent === "set-visibility" && formData.get("visibility") === "public") {
    requirePermission(viewer, "request.publish");
    const current = await getRequest(viewer, id);
    if (!current) throw notFound("request");
    if (current.visibility !== "public") {
      const embargoUntil = formData.get("embargoUntil");
      const query = typeof embargoUntil === "string" && embargoUntil ? `?${new URLSearchParams({ embargoUntil })}` : "";
      return redirect(`/requests/${id}/publish${query}`);
    }
  }

  const outcome = await applyRequestChange(viewer, id, intent, formData, { today: todayIn(viewer.timeZone), ipAddress: clientAddressOf(context) });
  switch (outcome.kind) {
    case "not-found":
      throw notFound("request");
    case "invalid":
      return json({ intent, result: outcome.submission.reply() }, { status: 400 });
    case "forbidden":
      return json({ intent, result: outcome.submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 403 });
    case "refused":
      return json(
        { intent, result: outcome.submission.reply({ fieldErrors: outcome.fieldErrors }), flaggedFiles: (outcome.flaggedFiles as FlaggedFile[] | null) ?? null },
        { status: 400 },
      );
    case "done":
      return redirectWithFlash(`/requests/${id}`, { kind: "success", message: outcome.message });
  }
}

function useIntentResult(intent: string) {
  const data = useActionData<typeof action>();
  return data && data.intent === intent ? data.result : undefined;
}

function StatusForm({ nextStatuses, today }: { nextStatuses: readonly (keyof typeof STATUS_LABELS)[]; today: string }) {
  const schema = changeStatusSchema(today);
  const [form, fields] = useForm({
    id: "change-status",
    lastResult: useIntentResult("change-status"),
    defaultValue: { on: today },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  if (nextStatuses.length === 0) return <p className="muted">This status is final.</p>;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="change-status" />
      <SelectField label="New status" {...getSelectProps(fields.status)} id={fields.status.id} errors={fields.status.errors}>
        <option value="">Choose…</option>
        {nextStatuses.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Date it happened"
        {...getInputProps(fields.on, { type: "date" })}
        id={fields.on.id}
        errors={fields.on.errors}
        hint="The deadline clock uses this date, e.g. the day the agency's letter arrived."
      />
      <TextAreaField label="Note (optional)" {...getTextareaProps(fields.note)} id={fields.note.id} errors={fields.note.errors} rows={3} />
      <ButtonGroup>
        <button type="submit" className="button">
          Change status
        </button>
      </ButtonGroup>
    </Form>
  );
}

function NoteForm() {
  const [form, fields] = useForm({
    id: "add-note",
    lastResult: useIntentResult("add-note"),
    constraint: getZodConstraint(addNoteSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addNoteSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add-note" />
      <TextAreaField label="Note" {...getTextareaProps(fields.body)} id={fields.body.id} errors={fields.body.errors} rows={3} />
      <InternalCheckbox name={fields.internal.name} />
      <ButtonGroup>
        <button type="submit" className="button">
          Add note
        </button>
      </ButtonGroup>
    </Form>
  );
}

function InternalCheckbox({ name }: { name: string }) {
  return (
    <label className="small">
      <input type="checkbox" name={name} value="on" /> Internal: only our organization sees this entry
    </label>
  );
}

/** Files the app flagged that publishing would make public: each published only when its box is ticked. */
function FlaggedFilesToConfirm({ errors }: { errors: string[] | undefined }) {
  const data = useActionData<typeof action>();
  const flagged = data && data.intent === "set-visibility" && "flaggedFiles" in data ? (data.flaggedFiles as FlaggedFile[] | null) : null;
  if (!flagged?.length) return null;
  return (
    <fieldset className="choices notice card--warning" aria-describedby="confirm-files-error">
      <legend>Files the app flagged</legend>
      <p className="field__error" id="confirm-files-error">
        {errors?.join(" ")}
      </p>
      {flagged.map((f) => (
        <label key={f.id} className="choice">
          <input type="checkbox" name="confirmFileIds" value={f.id} /> Publish <strong>{f.name}</strong> anyway{" "}
          <span className="muted small">({f.reasons.join("; ")})</span>
        </label>
      ))}
      <p className="small">Or mark a file internal in the Files card: it then stays within your organization.</p>
    </fieldset>
  );
}

function VisibilityForm({ current, embargoUntil, canPublish, today }: { current: RequestVisibility; embargoUntil: string | null; canPublish: boolean; today: string }) {
  const [form, fields] = useForm({
    id: "set-visibility",
    lastResult: useIntentResult("set-visibility"),
    defaultValue: { visibility: current, embargoUntil: embargoUntil ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: visibilityFormSchema }),
  });
  // Public is offered to those who may publish; a public request stays a choice so it can be kept as it is.
  const choices = REQUEST_VISIBILITIES.filter((v) => v !== "public" || canPublish || current === "public");
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="set-visibility" />
      <fieldset className="choices" aria-describedby={fields.visibility.errors ? `${fields.visibility.id}-error` : undefined}>
        <legend>Who can see it</legend>
        {choices.map((v) => (
          <label key={v} className="choice">
            <input type="radio" name={fields.visibility.name} value={v} defaultChecked={current === v} />{" "}
            <strong>{VISIBILITY_LABELS[v]}</strong> <span className="muted small">{VISIBILITY_DESCRIPTIONS[v]}</span>
          </label>
        ))}
        {fields.visibility.errors ? (
          <p className="field__error" id={`${fields.visibility.id}-error`}>
            {fields.visibility.errors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <FlaggedFilesToConfirm errors={fields.confirmFileIds.errors} />
      {canPublish ? (
        <TextField
          label="Embargo until (public only)"
          {...getInputProps(fields.embargoUntil, { type: "date" })}
          id={fields.embargoUntil.id}
          errors={fields.embargoUntil.errors}
          min={today}
          hint="A public request stays off its public page until this day starts (in your organization's time zone); until then the coalition sees it. Leave empty to publish now."
        />
      ) : null}
      <ButtonGroup>
        <button type="submit" className="button button--secondary">
          Save who can see it
        </button>
      </ButtonGroup>
    </Form>
  );
}

/** One sentence under the badge: who sees the request, and where its public page is once it has one. */
function VisibilityExplanation({
  request,
  owned,
  today,
}: {
  request: { visibility: RequestVisibility; embargoUntil: string | null; publicSlug: string | null; organizationName: string };
  owned: boolean;
  today: string;
}) {
  if (request.visibility !== "public") {
    return <>{owned ? VISIBILITY_DESCRIPTIONS[request.visibility] : `${request.organizationName} shares it with its coalition.`}</>;
  }
  if (request.embargoUntil && request.embargoUntil > today) {
    return (
      <>
        The coalition sees it now; its public page, <code>/r/{request.publicSlug}</code>, opens <DateText date={request.embargoUntil} today={today} as="when" />.
      </>
    );
  }
  return (
    <>
      Anyone can read <Link to={`/r/${request.publicSlug}`}>its public page</Link>: status, due dates, and the entries and files not marked internal.
    </>
  );
}

function CommunicationForm({ today }: { today: string }) {
  const schema = logCommunicationSchema(today);
  const [form, fields] = useForm({
    id: "log-communication",
    lastResult: useIntentResult("log-communication"),
    defaultValue: { occurredOn: today, direction: "incoming", channel: "email" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="log-communication" />
      <div className="form-row">
        <SelectField label="Direction" {...getSelectProps(fields.direction)} id={fields.direction.id} errors={fields.direction.errors}>
          {COMMUNICATION_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {DIRECTION_LABELS[d]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Channel" {...getSelectProps(fields.channel)} id={fields.channel.id} errors={fields.channel.errors}>
          {COMMUNICATION_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <TextField label="Date" {...getInputProps(fields.occurredOn, { type: "date" })} id={fields.occurredOn.id} errors={fields.occurredOn.errors} />
      </div>
      <TextAreaField label="Summary" {...getTextareaProps(fields.summary)} id={fields.summary.id} errors={fields.summary.errors} rows={3} />
      <InternalCheckbox name={fields.internal.name} />
      <ButtonGroup>
        <button type="submit" className="button">
          Log communication
        </button>
      </ButtonGroup>
    </Form>
  );
}

function ExtensionForm({ today }: { today: string }) {
  const schema = logExtensionSchema(today);
  const [form, fields] = useForm({
    id: "log-extension",
    lastResult: useIntentResult("log-extension"),
    defaultValue: { on: today },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="log-extension" />
      <div className="form-row">
        <TextField label="Notice dated" {...getInputProps(fields.on, { type: "date" })} id={fields.on.id} errors={fields.on.errors} />
        <TextField label="New due date" {...getInputProps(fields.newDueDate, { type: "date" })} id={fields.newDueDate.id} errors={fields.newDueDate.errors} />
        <TextField label="Or days added" {...getInputProps(fields.days, { type: "number" })} id={fields.days.id} errors={fields.days.errors} min={1} max={365} />
      </div>
      <TextAreaField label="Reason given" {...getTextareaProps(fields.reason)} id={fields.reason.id} errors={fields.reason.errors} rows={2} />
      <label className="small">
        <input type="checkbox" name={fields.requesterAgreed.name} value="on" /> The requester agreed to this extension
      </label>
      <ButtonGroup>
        <button type="submit" className="button button--secondary">
          Log extension
        </button>
      </ButtonGroup>
    </Form>
  );
}

function AgreedDateForm({ today }: { today: string }) {
  const schema = agreedDateSchema(today);
  const [form, fields] = useForm({
    id: "agreed-date",
    lastResult: useIntentResult("agreed-date"),
    defaultValue: { on: today },
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="agreed-date" />
      <div className="form-row">
        <TextField label="Agreed due date" {...getInputProps(fields.dueDate, { type: "date" })} id={fields.dueDate.id} errors={fields.dueDate.errors} />
        <TextField label="Agreed on" {...getInputProps(fields.on, { type: "date" })} id={fields.on.id} errors={fields.on.errors} />
      </div>
      <TextAreaField label="What was agreed" {...getTextareaProps(fields.reason)} id={fields.reason.id} errors={fields.reason.errors} rows={2} />
      <ButtonGroup>
        <button type="submit" className="button button--secondary">
          Record agreed date
        </button>
      </ButtonGroup>
    </Form>
  );
}

function TagsForm({ current }: { current: readonly string[] }) {
  const [form, fields] = useForm({
    id: "tags",
    lastResult: useIntentResult("tags"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tagsSchema }),
  });
  return (
    <>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="tags" />
        <TextField label="Add tags" {...getInputProps(fields.add, { type: "text" })} id={fields.add.id} errors={fields.add.errors} hint="Separate tags with commas." />
        <ButtonGroup>
          <button type="submit" className="button button--secondary">
            Add tags
          </button>
        </ButtonGroup>
      </Form>
      {current.length ? (
        <ul className="inline-list" aria-label="Take a tag off">
          {current.map((t) => (
            <li key={t}>
              <Form method="post">
                <input type="hidden" name="intent" value="tags" />
                <input type="hidden" name="remove" value={t} />
                <button type="submit" className="button button--quiet" aria-label={`Take off the tag ${t}`}>
                  {t} ×
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function NextActionForm({ current }: { current: string | null }) {
  const [form, fields] = useForm({
    id: "set-next-action",
    lastResult: useIntentResult("set-next-action"),
    defaultValue: { nextActionOn: current ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nextActionSchema }),
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="set-next-action" />
      <TextField label="Next action date" {...getInputProps(fields.nextActionOn, { type: "date" })} id={fields.nextActionOn.id} errors={fields.nextActionOn.errors} hint="Leave empty to clear it." />
      <ButtonGroup>
        <button type="submit" className="button button--secondary">
          Save next action
        </button>
      </ButtonGroup>
    </Form>
  );
}

/**
 * Who the request is assigned to: a search box for those who may assign anyone (no select of every member), a
 * choice of themselves or the current assignee for an advocate.
 */
function AssignForm({
  canAssign,
  selfOrCurrent,
  current,
  currentName,
}: {
  canAssign: boolean;
  selfOrCurrent: { id: string; name: string }[];
  current: string | null;
  currentName: string | null;
}) {
  const [form, fields] = useForm({
    id: "assign",
    lastResult: useIntentResult("assign"),
    defaultValue: { assigneeId: current ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: assignSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="assign" />
      <AssigneeField
        offered={canAssign ? null : selfOrCurrent}
        hint="Part of the person's name; leave it empty to unassign"
        idName="assigneeId"
        nameName="assigneeName"
        selectId={fields.assigneeId.id}
        initialId={current}
        initialName={currentName ?? ""}
        errors={fields.assigneeName.errors ?? fields.assigneeId.errors}
      />
      <ButtonGroup>
        <button type="submit" className="button button--secondary">
          Save assignee
        </button>
      </ButtonGroup>
    </Form>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Letters to this request's agency that bounced: a notice with what to do about it. */
function BounceNotice({ bounces, canEdit }: { bounces: NonNullable<LoaderData["bounces"]>; canEdit: boolean }) {
  const { targetUrl } = bounces;
  if (bounces.bounces.length === 0 && !bounces.contactBouncesElsewhere) return null;
  return (
    <section className="notice notice--danger" aria-labelledby="bounce-heading">
      <h2 id="bounce-heading" className="notice__title">
        {bounces.bounces.length ? "A letter bounced" : "This agency's address bounces"}
      </h2>
      {bounces.bounces.map((b) => (
        <div key={b.id} className="bounce">
          <p>
            Delivery failed to <strong>{b.address}</strong>: {b.reason}. The agency never got this letter. The bounce is not its answer: the
            status and the deadline are unchanged.
          </p>
          <ButtonGroup as="p">
            <Link to={targetUrl} className="button">
              {b.resendable ? `Resend to ${bounces.contact}` : "Fix the contact"}
            </Link>{" "}
            <Link to={`/inbox/${b.inboundMessageId}`}>Open the bounce</Link>
            {canEdit ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="dismiss-bounce" />
                <input type="hidden" name="bounceId" value={b.id} />
                <button type="submit" className="button button--quiet">
                  Set aside (nothing to fix)
                </button>
              </Form>
            ) : null}
          </ButtonGroup>
        </div>
      ))}
      {bounces.bounces.length === 0 && bounces.contactBouncesElsewhere ? (
        <p>
          Mail to {bounces.contact} bounced on another request: <Link to={targetUrl}>check the contact</Link> before writing to it.
        </p>
      ) : null}
    </section>
  );
}

function TrackingProposals({ proposals, current }: { proposals: LoaderData["proposals"]; current: string | null }) {
  if (proposals.length === 0) return null;
  return (
    <div className="proposal" role="group" aria-labelledby="tracking-proposal-heading">
      <p id="tracking-proposal-heading" className="small">
        {current ? `The agency's email gives another reference than ${current}:` : "The agency's email gives a reference for the tracking number:"}
      </p>
      {proposals.map((p) => (
        <Form key={p.inboundMessageId} method="post" className="proposal__form">
          <input type="hidden" name="intent" value="tracking-number" />
          <input type="hidden" name="inboundMessageId" value={p.inboundMessageId} />
          <p className="proposal__value">
            <strong>{p.value}</strong>{" "}
            <span className="muted small">
              from <Link to={`/inbox/${p.inboundMessageId}`}>“{p.subject || "(no subject)"}”</Link>
            </span>
          </p>
          <ButtonGroup>
            <button type="submit" name="decision" value="accepted" className="button button--secondary" aria-label={`Use this number, ${p.value}, as the tracking number`}>
              Use this number
            </button>
            <button type="submit" name="decision" value="declined" className="button button--quiet" aria-label={`Not it: ${p.value}`}>
              Not it
            </button>
          </ButtonGroup>
        </Form>
      ))}
    </div>
  );
}

function AutoFollowUpForm({ on, text, enabled }: { on: boolean; text: string; enabled: boolean }) {
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="auto-follow-up" />
      <p className="small">{text}</p>
      {enabled ? (
        <ButtonGroup>
          <button type="submit" name="autoFollowUp" value={on ? "off" : "on"} className="button button--secondary">
            {on ? "Turn off for this request" : "Turn on for this request"}
          </button>
        </ButtonGroup>
      ) : null}
    </Form>
  );
}

export default function RequestPage() {
  const { request, owned, timeline, selfOrCurrent, nextStatuses, fieldsAndFiles, bounces, proposals, autoFollowUp } = useLoaderData<typeof loader>();
  const canEdit = useCan("request.edit") && owned;
  const canWriteLetters = useCan("request.note") && owned;
  const canNote = useCan("request.note") && owned;
  const canChangeStatus = useCan("request.changeStatus") && owned;
  const canAssign = useCan("request.assign") && owned;
  const canPublish = useCan("request.publish") && owned;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const today = useToday();
  const timeZone = useTimeZone();
  const openPanel = actionData?.intent;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/requests">Requests</Link> /
          </>
        }
        title={
          <>
            <span className="muted">{requestReference(request)}</span> {request.title}
          </>
        }
        meta={
          <>
            <StatusBadge status={request.status} /> <VisibilityBadge visibility={request.visibility} embargoUntil={request.embargoUntil} today={today} /> · to{" "}
            {request.vendorId ? (
              <>
                <Link to={`/vendors/${request.vendorId}`}>{request.vendorName}</Link> (vendor)
              </>
            ) : (
              <>
                <Link to={`/agencies/${request.agencyId}`}>{request.agencyName}</Link> ({request.jurisdictionName})
              </>
            )}
            {request.campaignId ? (
              <>
                {" "}
                · part of <Link to={`/campaigns/${request.campaignId}`}>{request.campaignTitle}</Link>
              </>
            ) : null}
          </>
        }
        actions={
          <ButtonGroup>
            {canWriteLetters ? (
              <Link to={`/requests/${request.id}/letters`} className="button">
                Write letter
              </Link>
            ) : null}
            {canEdit ? (
              <Link to={`/requests/${request.id}/edit`} className="button button--secondary">
                Edit
              </Link>
            ) : null}
          </ButtonGroup>
        }
      />

      {!owned ? (
        <SharedNotice owner={request.organizationName} thing="request" />
      ) : null}

      {bounces ? <BounceNotice bounces={bounces} canEdit={canEdit} /> : null}
      <div className="grid-2">
        <div>
          <Card aria-labelledby="asked-heading">
            <h2 id="asked-heading">What is asked</h2>
            <p className="prose">{request.description}</p>
          </Card>
          {fieldsAndFiles ? <FieldsAndFiles data={fieldsAndFiles} today={today} timeZone={timeZone} /> : null}
          <Card aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <Timeline
              events={timeline}
              timeZone={timeZone}
              requestId={request.id}
              audience={owned ? "owner" : "partner"}
              entryControls={canEdit ? (item) => <EntryVisibilityToggle requestId={request.id} entryType="event" entryId={item.id} internal={item.internal ?? false} /> : undefined}
            />
          </Card>
        </div>

        <div>
          <Card aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">Deadline</h2>
            <DeadlineSummary
              status={request.status}
              receivedOn={request.receivedOn}
              deadline={request.deadline as unknown as DeadlineSnapshot | null}
              today={today}
            />
          </Card>
          <Card aria-labelledby="visibility-heading">
            <h2 id="visibility-heading">Who can see it</h2>
            <p>
              <VisibilityBadge visibility={request.visibility} embargoUntil={request.embargoUntil} today={today} />{" "}
              <span className="muted small">
                <VisibilityExplanation request={request} owned={owned} today={today} />
              </span>
            </p>
            {canEdit ? (
              <details className="panel" open={openPanel === "set-visibility"}>
                <summary>Change who can see it</summary>
                <VisibilityForm current={request.visibility} embargoUntil={request.embargoUntil} canPublish={canPublish} today={today} />
              </details>
            ) : null}
          </Card>
          <Card aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <dl className="summary-list">
              <dt>Status</dt>
              <dd>
                <StatusBadge status={request.status} />
              </dd>
              {request.vendorId ? (
                <>
                  <dt>Vendor</dt>
                  <dd>{request.vendorName}</dd>
                </>
              ) : (
                <>
                  <dt>Agency</dt>
                  <dd>
                    {request.agencyName}
                    {request.agencyType ? <div className="muted small">{AGENCY_TYPE_LABELS[request.agencyType]}</div> : null}
                  </dd>
                </>
              )}
              {!owned ? (
                <>
                  <dt>Organization</dt>
                  <dd>{request.organizationName}</dd>
                </>
              ) : null}
              <dt>Requester</dt>
              <dd>{request.requesterName}</dd>
              <dt>Assignee</dt>
              <dd>{request.assigneeName ?? <span className="muted">Unassigned</span>}</dd>
              <dt>Filed</dt>
              <dd>{request.filedOn ? <DateText date={request.filedOn} today={today} /> : <span className="muted">Not filed yet</span>}</dd>
              <dt>Sent by</dt>
              <dd>{request.method ? METHOD_LABELS[request.method as keyof typeof METHOD_LABELS] : <span className="muted">—</span>}</dd>
              <dt>Tracking no.</dt>
              <dd>{request.trackingNumber ?? <span className="muted">—</span>}</dd>
              <dt>Portal</dt>
              <dd>
                {request.portalUrl ? (
                  <a href={request.portalUrl} rel="noreferrer noopener" target="_blank">
                    Open portal<span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
              </dd>
              <dt>Next action</dt>
              <dd>{request.nextActionOn ? <DateText date={request.nextActionOn} today={today} as="when" /> : <span className="muted">None set</span>}</dd>
              {owned ? (
                <>
                  <dt>Automatic follow-ups</dt>
                  <dd>
                    {canEdit ? (
                      <AutoFollowUpForm on={request.autoFollowUp} text={autoFollowUp.text} enabled={autoFollowUp.policy.enabled} />
                    ) : (
                      <span className="small">{autoFollowUp.text}</span>
                    )}
                  </dd>
                </>
              ) : null}
              <dt>Tags</dt>
              <dd>
                {request.tags.length ? (
                  request.tags.map((t) => (
                    <Link key={t} className="tag" to={`/requests?tag=${encodeURIComponent(t)}`}>
                      {t}
                    </Link>
                  ))
                ) : (
                  <span className="muted">—</span>
                )}
              </dd>
            </dl>
            {canEdit ? <TrackingProposals proposals={proposals} current={request.trackingNumber} /> : null}
          </Card>

          {canEdit || canNote || canChangeStatus ? (
          <Card aria-labelledby="actions-heading" aria-busy={navigation.state !== "idle"}>
            <h2 id="actions-heading">Update</h2>
            {canChangeStatus ? (
              <details className="panel" open={openPanel === undefined || openPanel === "change-status"}>
                <summary>Change status</summary>
                <StatusForm nextStatuses={nextStatuses} today={today} />
              </details>
            ) : null}
            {canNote ? (
              <>
                <details className="panel" open={openPanel === "add-note"}>
                  <summary>Add a note</summary>
                  <NoteForm />
                </details>
                <details className="panel" open={openPanel === "log-communication"}>
                  <summary>Log a communication</summary>
                  <CommunicationForm today={today} />
                </details>
              </>
            ) : null}
            {canEdit ? (
              <>
                <details className="panel" open={openPanel === "assign"}>
                  <summary>{canAssign ? "Assign" : "Take or release"}</summary>
                  <AssignForm canAssign={canAssign} selfOrCurrent={selfOrCurrent} current={request.assigneeId} currentName={request.assigneeName} />
                </details>
                <details className="panel" open={openPanel === "set-next-action"}>
                  <summary>Set next action</summary>
                  <NextActionForm current={request.nextActionOn} />
                </details>
                <details className="panel" open={openPanel === "tags"}>
                  <summary>Tags</summary>
                  <TagsForm current={request.tags} />
                </details>
              </>
            ) : null}
            {canEdit && request.receivedOn ? (
              <>
                <details className="panel" open={openPanel === "log-extension"}>
                  <summary>Log an extension</summary>
                  <ExtensionForm today={today} />
                </details>
                <details className="panel" open={openPanel === "agreed-date"}>
                  <summary>Record an agreed due date</summary>
                  <AgreedDateForm today={today} />
                </details>
              </>
            ) : null}
          </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
