import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InboundStatusBadge, MailNav } from "~/components/mail";
import { getInboundMessage } from "~/domain/mail/inbound.server";
import { formatBytes } from "~/domain/mail/labels";
import { sanitizeMailHtml } from "~/domain/mail/sanitize.server";
import { requireViewer } from "~/utils/auth.server";
import { formatInstant } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";

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
    },
    request: message.requestId ? { number: found.requestNumber, title: found.requestTitle } : null,
    reviewedBy: found.reviewedBy,
    attachments: found.attachments,
  });
}

export default function InboundMessage() {
  const { message, request, attachments, reviewedBy } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  return (
    <>
      <p className="breadcrumb">
        <Link to={message.status === "review" ? "/inbox/review" : "/inbox"}>{message.status === "review" ? "Mail to review" : "Inbox"}</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1>{message.subject || "(no subject)"}</h1>
          <p className="page-header__meta">
            <InboundStatusBadge status={message.status} />
            {request && message.requestId ? (
              <>
                {" "}
                · on <Link to={`/requests/${message.requestId}`}>#{request.number} {request.title}</Link>
              </>
            ) : null}
            {reviewedBy ? ` · by ${reviewedBy}` : ""}
          </p>
        </div>
        <a className="button button--secondary" href={`/inbox/raw/${message.id}`}>
          Download original (.eml)
        </a>
      </div>
      <MailNav />
      {message.status === "review" ? (
        <p className="notice" role="note">
          <strong>Held for review.</strong> {message.reviewReason} <Link to="/inbox/review">File it or discard it</Link>.
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="body-heading">
          <h2 id="body-heading">Message</h2>
          {message.html ? (
            <div className="mail-html" dangerouslySetInnerHTML={{ __html: message.html }} />
          ) : (
            <div className="prose letter-preview">{message.text || "(empty)"}</div>
          )}
        </section>
        <div>
          <section className="card" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl className="summary-list">
              <dt>From</dt>
              <dd>{message.from ?? <span className="muted">unknown</span>}</dd>
              <dt>To</dt>
              <dd>{message.to.length ? message.to.join(", ") : <span className="muted">—</span>}</dd>
              {message.sentAt ? (
                <>
                  <dt>Sent</dt>
                  <dd>{formatInstant(message.sentAt, timeZone)}</dd>
                </>
              ) : null}
              <dt>{message.channel === "upload" ? "Uploaded" : "Received"}</dt>
              <dd>{formatInstant(message.receivedAt, timeZone)}</dd>
              <dt>Size</dt>
              <dd>{formatBytes(message.rawSize)}</dd>
              <dt>Message-ID</dt>
              <dd>
                <code>{message.messageId}</code>
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="attachments-heading">
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
          </section>
        </div>
      </div>
    </>
  );
}
