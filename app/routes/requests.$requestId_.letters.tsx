import { Card } from "~/components/ui/card";
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { requestReference } from "~/domain/request-reference";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { LETTER_KINDS, type LetterKind } from "../../db/schema/values";
import { FormErrors, TextAreaField, TextField } from "~/components/fields";
import { OutboxStatusBadge } from "~/components/mail";
import { LETTER_LABELS } from "~/domain/mail/labels";
import { letterSchema } from "~/domain/mail/letter-input";
import { appealRouteOf, draftLetter, letterContext, newLetterNonce, sendLetter } from "~/domain/mail/letters.server";
import { mailConfig } from "~/domain/mail/config.server";
import { lettersOf } from "~/domain/mail/outbox.server";
import { bouncingAddresses } from "~/domain/mail/bounces.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Write a letter · #${data.request.number} · JointAsk` : "Not found · JointAsk" },
];

const kindParam = z.enum(LETTER_KINDS).catch("request_letter");

const LAW_DAYS = (law: { responseDays: number | null; dayType: string }) =>
  law.responseDays === null || law.dayType === "none" ? "no fixed response time" : `a response within ${law.responseDays} ${law.dayType} days`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const context = await letterContext(viewer, params.requestId ?? "");
  if (!context) throw notFound("request");
  const kind: LetterKind = kindParam.parse(new URL(request.url).searchParams.get("kind") ?? undefined);
  const today = todayIn(viewer.timeZone);
  const target = context.recipientKind === "vendor" ? { vendorId: context.targetId } : { agencyId: context.targetId };
  const [draft, letters, bounces] = await Promise.all([
    draftLetter(kind, context, today),
    lettersOf(viewer, context.requestId),
    bouncingAddresses(viewer, target),
  ]);
  const config = mailConfig();
  const appeal = kind === "appeal" ? appealRouteOf(context, null) : null;
  // An appeal to another body (PA's Office of Open Records) is not sent to the agency's records email.
  const appealEmail = appeal && !appeal.toAgency ? (/[^\s<>,;()]+@[^\s<>,;()]+\.[a-z]{2,}/i.exec(appeal.address ?? "")?.[0] ?? null) : null;
  const defaultTo = appeal && !appeal.toAgency ? appealEmail : context.contactEmail;
  return json({
    appeal,
    defaultTo,
    kind,
    request: { id: context.requestId, number: context.number, organizationCode: context.organizationCode, title: context.title, status: context.status, agencyName: context.agencyName },
    recipientKind: context.recipientKind,
    contactEmail: context.contactEmail,
    law: context.law ? { lawName: context.law.lawName, citation: context.law.citation, days: LAW_DAYS(context.law), appealNote: context.law.appealNote } : null,
    jurisdictionName: context.jurisdictionName,
    replyAddress: context.replyAddress,
    from: `${context.requesterName} <${config.from.address}>`,
    devMailbox: !config.smtpUrl,
    draft: { subject: draft.subject, body: draft.text },
    nonce: newLetterNonce(),
    letters,
    // Addresses of this agency (or vendor) that bounced, so nobody writes to one unawares.
    bouncing: bounces.map((b) => ({ address: b.address, reason: b.reason })),
  });
}

const intentSchema = z.object({ intent: z.enum(["preview", "send"], { error: "Unknown action" }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.note");
  const id = params.requestId ?? "";
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  const submission = parseWithZod(formData, { schema: letterSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), preview: null }, { status: 400 });

  if (intent.data.intent === "preview") {
    const context = await letterContext(viewer, id);
    if (!context) throw notFound("request");
    const { to, subject, body } = submission.value;
    return json({ result: submission.reply(), preview: { to, subject, body } });
  }

  const result = await sendLetter(viewer, id, submission.value, todayIn(viewer.timeZone));
  if (!result) throw notFound("request");
  if (!result.ok) return json({ result: submission.reply({ fieldErrors: result.fieldErrors }), preview: null }, { status: 400 });
  const label = LETTER_LABELS[submission.value.kind];
  return redirectWithFlash(`/requests/${id}`, {
    kind: "success",
    message: result.value.created
      ? `${label} queued for ${submission.value.to}. It will be sent in a moment.`
      : `${label} was already queued; it was not queued again.`,
  });
}

export default function WriteLetter() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const timeZone = useTimeZone();
  const [form, fields] = useForm({
    id: `letter-${data.kind}`,
    lastResult: actionData?.result,
    defaultValue: { kind: data.kind, to: data.defaultTo ?? "", subject: data.draft.subject, body: data.draft.body, nonce: data.nonce },
    constraint: getZodConstraint(letterSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: letterSchema }),
  });
  const preview = actionData?.preview;
  const busy = navigation.state !== "idle";
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/requests">Requests</Link> / <Link to={`/requests/${data.request.id}`}>{requestReference(data.request)}</Link> /
          </>
        }
        title="Write a letter"
        meta={
          <>
            {requestReference(data.request)} {data.request.title} · to {data.request.agencyName}
          </>
        }
      />

      {data.bouncing.length ? (
        <p className="notice notice--danger" role="note">
          Mail to {data.bouncing.map((b) => b.address).join(", ")} bounced ({data.bouncing[0]!.reason}).{" "}
          {data.contactEmail && data.bouncing.some((b) => b.address === data.contactEmail?.toLowerCase())
            ? "Correct the address on the agency's page before sending, or write to another one."
            : "Check the address before sending."}
        </p>
      ) : null}
      <nav className="tabs" aria-label="Kind of letter">
        {LETTER_KINDS.map((kind) => (
          <Link key={kind} to={`?kind=${kind}`} aria-current={kind === data.kind ? "page" : undefined} preventScrollReset>
            {LETTER_LABELS[kind]}
          </Link>
        ))}
      </nav>

      <div className="grid-2">
        <Card aria-labelledby="letter-heading">
          <h2 id="letter-heading">{LETTER_LABELS[data.kind]}</h2>
          <p className="muted small">
            {data.recipientKind === "vendor" ? (
              <>
                This request goes to a vendor, a company that no public-records law binds, so the letter cites no law and sets no
                statutory deadline: it asks for the records, or for the way to produce them. The agencies' own requests cite their laws.
              </>
            ) : data.law ? (
              <>
                Cites the {data.law.lawName} ({data.law.citation}), {data.jurisdictionName}: {data.law.days}.
              </>
            ) : (
              <>No public-records law is on file for {data.jurisdictionName ?? "this agency"}, so the letter cites none.</>
            )}{" "}
            Edit anything before sending.
          </p>
          {data.appeal && !data.appeal.toAgency ? (
            <p className="notice" role="note">
              The law sends this appeal to {data.appeal.body}, not to {data.request.agencyName}
              {data.appeal.cite ? ` (${data.appeal.cite})` : ""}.{" "}
              {data.appeal.address ? `Its address: ${data.appeal.address}.` : "Find its address before sending."}
              {data.defaultTo ? "" : " Enter its email address below, or print the letter and post it."}
            </p>
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)} aria-busy={busy}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input {...getInputProps(fields.kind, { type: "hidden" })} key={fields.kind.key} />
            <input {...getInputProps(fields.nonce, { type: "hidden" })} key={fields.nonce.key} />
            <TextField
              label="To"
              {...getInputProps(fields.to, { type: "text" })}
              id={fields.to.id}
              key={fields.to.key}
              errors={fields.to.errors}
              inputMode="email"
              autoComplete="off"
              hint={
                data.appeal && !data.appeal.toAgency
                  ? `The address of ${data.appeal.body}`
                  : data.recipientKind === "vendor"
                  ? data.contactEmail
                    ? "The vendor's contact email"
                    : "The vendor has no contact email on file: enter one, and add it on the vendor's page"
                  : data.contactEmail
                    ? "The agency's records email"
                    : "The agency has no records email on file: enter one, and add it on the agency's page"
              }
            />
            <TextField label="Subject" {...getInputProps(fields.subject, { type: "text" })} id={fields.subject.id} key={fields.subject.key} errors={fields.subject.errors} />
            <TextAreaField label="Letter" {...getTextareaProps(fields.body)} id={fields.body.id} key={fields.body.key} errors={fields.body.errors} rows={22} className="field--letter" />
            <ButtonGroup>
              <button type="submit" name="intent" value="send" className="button" disabled={busy}>
                Send letter
              </button>
              <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={busy}>
                Preview
              </button>
              <Link to={`/requests/${data.request.id}`}>Cancel</Link>
            </ButtonGroup>
          </Form>
        </Card>

        <div>
          {preview ? (
            <Card aria-labelledby="preview-heading">
              <h2 id="preview-heading">Preview</h2>
              <dl className="summary-list">
                <dt>From</dt>
                <dd>{data.from}</dd>
                <dt>Reply-To</dt>
                <dd>{data.replyAddress}</dd>
                <dt>To</dt>
                <dd>{preview.to}</dd>
                <dt>Subject</dt>
                <dd>{preview.subject}</dd>
              </dl>
              {data.recipientKind === "vendor" ? (
                <p className="muted small">
                  No law is cited: {data.request.agencyName} is a vendor, which no public-records law binds. Its answer is voluntary.
                </p>
              ) : null}
              <div className="letter-preview prose">{preview.body}</div>
            </Card>
          ) : null}
          <Card aria-labelledby="how-heading">
            <h2 id="how-heading">How it is sent</h2>
            <p className="small">
              {data.devMailbox
                ? "No mail server is configured, so letters go to the development mailbox in the Outbox instead of the agency."
                : "The letter is queued and sent by email within a few seconds; it is never sent twice."}{" "}
              Replies to <code>{data.replyAddress}</code> are filed on this request automatically.
            </p>
            {data.kind === "appeal" && data.law?.appealNote ? (
              <p className="small">
                <strong>Appeals under this law:</strong> {data.law.appealNote}
              </p>
            ) : null}
          </Card>
          <Card aria-labelledby="letters-heading">
            <h2 id="letters-heading">Letters on this request</h2>
            {data.letters.length === 0 ? (
              <p className="muted">None yet.</p>
            ) : (
              <ul className="plain-list">
                {data.letters.map((letter) => (
                  <li key={letter.id}>
                    <Link to={`/outbox/${letter.id}`}>{letter.subject}</Link> <OutboxStatusBadge status={letter.status} />
                    <div className="muted small"><DateText instant={letter.sentAt ?? letter.createdAt} timeZone={timeZone} /></div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
