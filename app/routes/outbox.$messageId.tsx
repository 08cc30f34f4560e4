import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requestReference } from "~/domain/request-reference";
import { DateText } from "~/components/date-text";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MailNav, OutboxStatusBadge } from "~/components/mail";
import { MAIL_KIND_LABELS } from "~/domain/mail/labels";
import { getOutboxMessage, retryOutboxMessage } from "~/domain/mail/outbox.server";
import { sanitizeMailHtml } from "~/domain/mail/sanitize.server";
import { isUuid } from "~/domain/requests.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.message.subject} · Outbox · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = params.messageId ?? "";
  if (!isUuid(id)) throw notFound("message");
  const found = await getOutboxMessage(viewer, id);
  if (!found) throw notFound("message");
  const { message } = found;
  return json({
    message: {
      id: message.id,
      kind: message.kind,
      status: message.status,
      from: message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress,
      to: message.toAddress,
      replyTo: message.replyTo,
      subject: message.subject,
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      text: message.textBody,
      html: found.hiddenBody ? "" : await sanitizeMailHtml(message.htmlBody),
      attempts: message.attempts,
      maxAttempts: message.maxAttempts,
      lastError: message.lastError,
      nextAttemptAt: message.nextAttemptAt,
      sentAt: message.sentAt,
      failedAt: message.failedAt,
      createdAt: message.createdAt,
      transport: message.transport,
      serverResponse: message.serverResponse,
      requestId: message.requestId,
    },
    request: found.requestNumber !== null ? { number: found.requestNumber, organizationCode: found.requestOrganizationCode ?? "", title: found.requestTitle } : null,
    devMailbox: found.devMailbox,
    hiddenBody: found.hiddenBody,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.note");
  const id = params.messageId ?? "";
  if (!isUuid(id)) throw notFound("message");
  const intent = (await readFormData(request)).get("intent");
  if (intent !== "retry") throw new Response("Unknown action.", { status: 400 });
  const retried = await retryOutboxMessage(viewer, id);
  if (!retried && !(await getOutboxMessage(viewer, id))) throw notFound("message");
  return redirectWithFlash(
    `/outbox/${id}`,
    retried ? { kind: "success", message: "Queued again; it will be sent in a moment." } : { kind: "error", message: "Only a failed message can be sent again." },
  );
}

export default function OutboxMessage() {
  const { message, request, devMailbox, hiddenBody } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/outbox">Outbox</Link> /
          </>
        }
        title={message.subject}
        meta={
          <>
            <OutboxStatusBadge status={message.status} retrying={message.attempts > 0} /> · {MAIL_KIND_LABELS[message.kind]}
            {request && message.requestId ? (
              <>
                {" "}
                · on <Link to={`/requests/${message.requestId}`}>{requestReference(request)} {request.title}</Link>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            {message.status === "failed" ? (
              <Form method="post">
                <button type="submit" name="intent" value="retry" className="button">
                  Send again
                </button>
              </Form>
            ) : null}
          </>
        }
      />
      <MailNav />
      <div className="grid-2">
        {hiddenBody ? (
          <Card aria-labelledby="text-heading">
            <h2 id="text-heading">Message</h2>
            <p className="notice" role="note">
              {hiddenBody}
            </p>
          </Card>
        ) : (
          <div>
            <Card aria-labelledby="text-heading">
              <h2 id="text-heading">Message</h2>
              <div className="prose letter-preview">{message.text}</div>
            </Card>
            <details className="card panel">
              <summary>HTML version</summary>
              <div className="mail-html" dangerouslySetInnerHTML={{ __html: message.html }} />
            </details>
            {devMailbox ? (
              <details className="card panel">
                <summary>Source as delivered to the development mailbox</summary>
                <pre className="raw-source">{devMailbox.raw}</pre>
              </details>
            ) : null}
          </div>
        )}
        <Card aria-labelledby="headers-heading">
          <h2 id="headers-heading">Delivery</h2>
          <dl className="summary-list">
            <dt>From</dt>
            <dd>{message.from}</dd>
            <dt>To</dt>
            <dd>{message.to}</dd>
            {message.replyTo ? (
              <>
                <dt>Reply-To</dt>
                <dd>{message.replyTo}</dd>
              </>
            ) : null}
            <dt>Queued</dt>
            <dd><DateText instant={message.createdAt} timeZone={timeZone} /></dd>
            <dt>Attempts</dt>
            <dd>
              {message.attempts} of {message.maxAttempts}
            </dd>
            {message.sentAt ? (
              <>
                <dt>Sent</dt>
                <dd>
                  <DateText instant={message.sentAt} timeZone={timeZone} />
                  {message.transport === "dev_mailbox" ? " (development mailbox)" : ""}
                </dd>
              </>
            ) : null}
            {message.status === "queued" && message.attempts > 0 ? (
              <>
                <dt>Next try</dt>
                <dd><DateText instant={message.nextAttemptAt} timeZone={timeZone} /></dd>
              </>
            ) : null}
            {message.lastError ? (
              <>
                <dt>Error</dt>
                <dd className="error-text">{message.lastError}</dd>
              </>
            ) : null}
            {message.serverResponse ? (
              <>
                <dt>Server said</dt>
                <dd>{message.serverResponse}</dd>
              </>
            ) : null}
            <dt>Message-ID</dt>
            <dd>
              <code>{message.messageId}</code>
            </dd>
            {message.inReplyTo ? (
              <>
                <dt>In-Reply-To</dt>
                <dd>
                  <code>{message.inReplyTo}</code>
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
      </div>
    </>
  );
}
