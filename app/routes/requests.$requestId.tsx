import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { COMMUNICATION_CHANNELS, COMMUNICATION_DIRECTIONS } from "../../db/schema/values";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/fields";
import { METHOD_LABELS } from "~/components/request-form";
import { StatusBadge } from "~/components/status-badge";
import { Timeline } from "~/components/timeline";
import { listMembers } from "~/domain/members.server";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { addNoteSchema, assignSchema, changeStatusSchema, logCommunicationSchema } from "~/domain/request-input";
import { STATUS_LABELS, STATUS_TRANSITIONS } from "~/domain/request-status";
import {
  addNote,
  assignRequest,
  changeStatus,
  getRequest,
  getTimeline,
  logCommunication,
} from "~/domain/requests.server";
import { CHANNEL_LABELS, DIRECTION_LABELS } from "~/domain/timeline";
import { requireViewer } from "~/utils/auth.server";
import { describeWhen, formatDate, todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useTimeZone, useToday } from "~/utils/use-root";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.request.number} ${data.request.title} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const [timeline, members] = await Promise.all([getTimeline(viewer, found.id), listMembers(viewer)]);
  return json({ request: found, timeline, members, nextStatuses: STATUS_TRANSITIONS[found.status] });
}

const intentSchema = z.object({
  intent: z.enum(["change-status", "add-note", "log-communication", "assign"], { error: "Unknown action" }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = params.requestId ?? "";
  const today = todayIn(viewer.timeZone);
  const formData = await request.formData();
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  const back = (message: string) => redirectWithFlash(`/requests/${id}`, { kind: "success", message });

  switch (intent.data.intent) {
    case "change-status": {
      const submission = parseWithZod(formData, { schema: changeStatusSchema });
      if (submission.status !== "success") return json({ intent: "change-status", result: submission.reply() }, { status: 400 });
      const result = await changeStatus(viewer, id, submission.value, today);
      if (!result) throw notFound("request");
      if (!result.ok) return json({ intent: "change-status", result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
      return back(`Status changed to ${STATUS_LABELS[result.value.to]}.`);
    }
    case "add-note": {
      const submission = parseWithZod(formData, { schema: addNoteSchema });
      if (submission.status !== "success") return json({ intent: "add-note", result: submission.reply() }, { status: 400 });
      const result = await addNote(viewer, id, submission.value.body);
      if (!result) throw notFound("request");
      return back("Note added.");
    }
    case "log-communication": {
      const submission = parseWithZod(formData, { schema: logCommunicationSchema(today) });
      if (submission.status !== "success") return json({ intent: "log-communication", result: submission.reply() }, { status: 400 });
      const result = await logCommunication(viewer, id, submission.value);
      if (!result) throw notFound("request");
      return back("Communication logged.");
    }
    case "assign": {
      const submission = parseWithZod(formData, { schema: assignSchema });
      if (submission.status !== "success") return json({ intent: "assign", result: submission.reply() }, { status: 400 });
      const result = await assignRequest(viewer, id, submission.value.assigneeId || null);
      if (!result) throw notFound("request");
      if (!result.ok) return json({ intent: "assign", result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
      return back("Assignment saved.");
    }
  }
}

function useIntentResult(intent: string) {
  const data = useActionData<typeof action>();
  return data && data.intent === intent ? data.result : undefined;
}

function StatusForm({ nextStatuses }: { nextStatuses: readonly (keyof typeof STATUS_LABELS)[] }) {
  const [form, fields] = useForm({
    id: "change-status",
    lastResult: useIntentResult("change-status"),
    constraint: getZodConstraint(changeStatusSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeStatusSchema }),
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
      <TextAreaField label="Note (optional)" {...getTextareaProps(fields.note)} id={fields.note.id} errors={fields.note.errors} rows={3} />
      <div className="actions">
        <button type="submit" className="button">
          Change status
        </button>
      </div>
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
      <div className="actions">
        <button type="submit" className="button">
          Add note
        </button>
      </div>
    </Form>
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
      <div className="actions">
        <button type="submit" className="button">
          Log communication
        </button>
      </div>
    </Form>
  );
}

function AssignForm({ members, current }: { members: { id: string; name: string }[]; current: string | null }) {
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
      <SelectField label="Assignee" {...getSelectProps(fields.assigneeId)} id={fields.assigneeId.id} errors={fields.assigneeId.errors}>
        <option value="">Unassigned</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button button--secondary">
          Save assignee
        </button>
      </div>
    </Form>
  );
}

export default function RequestPage() {
  const { request, timeline, members, nextStatuses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const today = useToday();
  const timeZone = useTimeZone();
  const openPanel = actionData?.intent;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/requests">Requests</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1>
            <span className="muted">#{request.number}</span> {request.title}
          </h1>
          <p className="page-header__meta">
            <StatusBadge status={request.status} /> · to{" "}
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
          </p>
        </div>
        <Link to={`/requests/${request.id}/edit`} className="button button--secondary">
          Edit
        </Link>
      </div>

      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="asked-heading">
            <h2 id="asked-heading">What is asked</h2>
            <p className="prose">{request.description}</p>
          </section>
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <Timeline events={timeline} timeZone={timeZone} />
          </section>
        </div>

        <div>
          <section className="card" aria-labelledby="summary-heading">
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
              <dt>Requester</dt>
              <dd>{request.requesterName}</dd>
              <dt>Assignee</dt>
              <dd>{request.assigneeName ?? <span className="muted">Unassigned</span>}</dd>
              <dt>Filed</dt>
              <dd>{request.filedOn ? formatDate(request.filedOn, today) : <span className="muted">Not filed yet</span>}</dd>
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
              <dd>{request.nextActionOn ? describeWhen(request.nextActionOn, today) : <span className="muted">None set</span>}</dd>
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
          </section>

          <section className="card" aria-labelledby="actions-heading" aria-busy={navigation.state !== "idle"}>
            <h2 id="actions-heading">Update</h2>
            <details className="panel" open={openPanel === undefined || openPanel === "change-status"}>
              <summary>Change status</summary>
              <StatusForm nextStatuses={nextStatuses} />
            </details>
            <details className="panel" open={openPanel === "add-note"}>
              <summary>Add a note</summary>
              <NoteForm />
            </details>
            <details className="panel" open={openPanel === "log-communication"}>
              <summary>Log a communication</summary>
              <CommunicationForm today={today} />
            </details>
            <details className="panel" open={openPanel === "assign"}>
              <summary>Assign</summary>
              <AssignForm members={members} current={request.assigneeId} />
            </details>
          </section>
        </div>
      </div>
    </>
  );
}
