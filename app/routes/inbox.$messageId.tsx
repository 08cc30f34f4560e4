import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requestReference } from "~/domain/request-reference";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MAIL_CLASSIFICATIONS } from "../../db/schema/values";
import { FieldErrors } from "~/components/fields";
import { ClassificationBadge, InboundStatusBadge, MailNav } from "~/components/mail";
import { CLASSIFICATION_LABELS } from "~/domain/mail/classify";
import { checkEmailAddress } from "~/domain/mail/addresses";
import { getInboundMessage, reclassifyMessage } from "~/domain/mail/inbound.server";
import { requirePermission } from "~/domain/permissions";
import { redirectWithFlash } from "~/utils/flash.server";
import { useCan } from "~/utils/use-permission";
import { formatBytes } from "~/domain/mail/labels";
import { sanitizeMailHtml } from "~/domain/mail/sanitize.server";
import { requireViewer } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.message.subject || "(no subject)"} · Inbox · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getInboundMessage(viewer, params.messageId ?? "");
  if (!found) throw notFound("message");
  const { message } = found;
  return json({
    message: {
      id: message.id,
      status: message.status,
      channel: message.channel,
      subject: message.subject,
      from: message.fromAddress ? (message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress) : null,
      to: message.toAddresses,
      recipient: message.recipient,
      sentAt: message.sentAt,
      receivedAt: message.receivedAt,
      messageId: message.messageId,
      reviewReason: message.reviewReason,
      text: message.textBody,
      // Never the HTML as received: only what the sanitizer lets through reaches the page.
      html: message.htmlBody ? await sanitizeMailHtml(message.htmlBody) : null,
      rawSize: message.rawSize,
      requestId: message.requestId,
      classification: message.classification,
      classificationReason: message.classificationReason,
      classifiedByPerson: message.classifiedById !== null,
      bouncedAddress: message.bouncedAddress,
      bounceReason: message.bounceReason,
      bounceStatus: message.bounceStatus,
    },
    mayReclassify: message.organizationId === viewer.organizationId,
    request: message.requestId ? { number: found.requestNumber ?? 0, organizationCode: found.requestOrganizationCode ?? "", title: found.requestTitle } : null,
    reviewedBy: found.reviewedBy,
    attachments: found.attachments,
  });
}

const reclassifySchema = z.object({
  classification: z.enum(MAIL_CLASSIFICATIONS, { error: "Choose what the message is" }),
  bouncedAddress: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => v || undefined),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const parsed = reclassifySchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "classification")] ??= []).push(issue.message);
    return json({ errors }, { status: 400 });
  }
  if (parsed.data.bouncedAddress) {
    const address = checkEmailAddress(parsed.data.bouncedAddress, "The address that bounced");
    if (!address.ok) return json({ errors: { bouncedAddress: [address.message] } }, { status: 400 });
  }
  const result = await reclassifyMessage(viewer, params.messageId ?? "", parsed.data);
  if (!result) throw notFound("message");
  if (!result.ok) return json({ errors: result.fieldErrors as Record<string, string[]> }, { status: 400 });
  const label = CLASSIFICATION_LABELS[parsed.data.classification].toLowerCase();
  return redirectWithFlash(result.value.requestId ? `/requests/${result.value.requestId}` : `/inbox/${params.messageId}`, {
    kind: "success",
    message: `Reclassified as ${label === "reply" ? "a reply" : label === "bounce" ? "a bounce" : "an automatic reply"}.`,
  });
}

function ReclassifyForm({ message }: { message: { classification: (typeof MAIL_CLASSIFICATIONS)[number]; bouncedAddress: string | null } }) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <Form method="post" className="form">
      <fieldset className="choices" aria-describedby={errors.classification ? "classification-error" : undefined}>
        <legend>What is this message?</legend>
        {MAIL_CLASSIFICATIONS.map((c) => (
          <label key={c} className="choice">
            <input type="radio" name="classification" value={c} defaultChecked={c === message.classification} />{" "}
            <strong>{CLASSIFICATION_LABELS[c]}</strong>{" "}
            <span className="muted small">
              {c === "reply"
                ? "the agency's answer: it counts as its response, and its attachments become the request's files"
                : c === "auto_reply"
                  ? "an out-of-office or other automatic message: not a response"
                  : "the letter was not delivered: the address is marked as bouncing"}
            </span>
          </label>
        ))}
        <FieldErrors id="classification-error" errors={errors.classification} />
      </fieldset>
      <div className="field">
        <label htmlFor="bounced-address">Address that bounced (for a bounce)</label>
        <input
          id="bounced-address"
          name="bouncedAddress"
          type="email"
          defaultValue={message.bouncedAddress ?? ""}
          aria-invalid={errors.bouncedAddress ? true : undefined}
          aria-describedby={errors.bouncedAddress ? "bounced-address-error" : "bounced-address-hint"}
        />
        <span id="bounced-address-hint" className="field__hint">
          Leave empty to use the address the bounce names, or the one the letter went to.
        </span>
        <FieldErrors id="bounced-address-error" errors={errors.bouncedAddress} />
      </div>
      <ButtonGroup>
        <button type="submit" className="button button--secondary">
          Save classification
        </button>
      </ButtonGroup>
    </Form>
  );
}

export default function InboundMessage() {
  const { message, request, attachments, reviewedBy, mayReclassify } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  const canReclassify = useCan("request.edit") && mayReclassify;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to={message.status === "review" ? "/inbox/review" : "/inbox"}>{message.status === "review" ? "Mail to review" : "Inbox"}</Link> /
          </>
        }
        title={message.subject || "(no subject)"}
        meta={
          <>
            <InboundStatusBadge status={message.status} /> <ClassificationBadge classification={message.classification} />
            {request && message.requestId ? (
              <>
                {" "}
                · on <Link to={`/requests/${message.requestId}`}>{requestReference(request)} {request.title}</Link>
              </>
            ) : null}
            {reviewedBy ? ` · by ${reviewedBy}` : ""}
          </>
        }
        actions={
          <a className="button button--secondary" href={`/inbox/raw/${message.id}`}>
            Download original (.eml)
          </a>
        }
      />
      <MailNav />
      {message.status === "review" ? (
        <p className="notice" role="note">
          <strong>Held for review.</strong> {message.reviewReason} <Link to="/inbox/review">File it or discard it</Link>.
        </p>
      ) : null}
      {message.classification === "bounce" ? (
        <p className="notice notice--danger" role="note">
          <strong>Delivery failed{message.bouncedAddress ? ` to ${message.bouncedAddress}` : ""}:</strong> {message.bounceReason ?? "the receiving mail server refused it"}
          {message.bounceStatus ? ` (status ${message.bounceStatus})` : ""}.
        </p>
      ) : null}
      <div className="grid-2">
        <Card aria-labelledby="body-heading">
          <h2 id="body-heading">Message</h2>
          {message.html ? (
            <div className="mail-html" dangerouslySetInnerHTML={{ __html: message.html }} />
          ) : (
            <div className="prose letter-preview">{message.text || "(empty)"}</div>
          )}
        </Card>
        <div>
          <Card aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl className="summary-list">
              <dt>From</dt>
              <dd>{message.from ?? <span className="muted">unknown</span>}</dd>
              <dt>To</dt>
              <dd>{message.to.length ? message.to.join(", ") : <span className="muted">—</span>}</dd>
              {message.sentAt ? (
                <>
                  <dt>Sent</dt>
                  <dd><DateText instant={message.sentAt} timeZone={timeZone} /></dd>
                </>
              ) : null}
              <dt>{message.channel === "upload" ? "Uploaded" : "Received"}</dt>
              <dd><DateText instant={message.receivedAt} timeZone={timeZone} /></dd>
              <dt>Size</dt>
              <dd>{formatBytes(message.rawSize)}</dd>
              <dt>Message-ID</dt>
              <dd>
                <code>{message.messageId}</code>
              </dd>
            </dl>
          </Card>
          <Card aria-labelledby="classification-heading">
            <h2 id="classification-heading">Classification</h2>
            <p>
              <ClassificationBadge classification={message.classification} />{" "}
              <span className="small">
                {message.classifiedByPerson ? message.classificationReason : `Judged on arrival: ${message.classificationReason ?? "no sign of an automatic message or a bounce"}.`}
              </span>
            </p>
            {canReclassify ? (
              <details className="panel">
                <summary>Reclassify</summary>
                <ReclassifyForm message={message} />
              </details>
            ) : null}
          </Card>
          <Card aria-labelledby="attachments-heading">
            <h2 id="attachments-heading">Attachments</h2>
            {attachments.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="attachments">
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/inbox/attachments/${a.id}`}>{a.filename}</a>{" "}
                    <span className="muted small">
                      ({a.contentType}, {formatBytes(a.size)})
                    </span>
                    {a.requestFileId && message.requestId ? (
                      <>
                        {" "}
                        · <Link to={`/requests/${message.requestId}/files/${a.requestFileId}`}>Preview<span className="visually-hidden"> {a.filename}</span> with the request's files</Link>
                      </>
                    ) : null}
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
