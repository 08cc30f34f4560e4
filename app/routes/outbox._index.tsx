import { Card } from "~/components/ui/card";
import { useOwnRequestReference } from "~/utils/use-root";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MailNav, OutboxStatusBadge } from "~/components/mail";
import { Pagination } from "~/components/pagination";
import { mailConfig } from "~/domain/mail/config.server";
import { reviewCount } from "~/domain/mail/inbound.server";
import { MAIL_KIND_LABELS, OUTBOX_FILTERS, type OutboxFilter } from "~/domain/mail/labels";
import { listOutbox, outboxCounts, sendTestMessage } from "~/domain/mail/outbox.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Outbox · JointAsk" }];

const querySchema = z.object({
  status: z.enum(OUTBOX_FILTERS).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const params = new URL(request.url).searchParams;
  const query = querySchema.parse({ status: params.get("status") ?? undefined, page: params.get("page") ?? undefined });
  const [result, counts, toReview] = await Promise.all([
    listOutbox(viewer, { filter: query.status, page: query.page }),
    outboxCounts(viewer),
    reviewCount(viewer),
  ]);
  return json({ ...result, filter: query.status, counts, toReview, devMailbox: !mailConfig().smtpUrl, email: viewer.email });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.note");
  const intent = (await readFormData(request)).get("intent");
  if (intent !== "send-test") throw new Response("Unknown action.", { status: 400 });
  const result = await sendTestMessage(viewer);
  return redirectWithFlash(
    "/outbox",
    result.ok
      ? { kind: "success", message: `Test message queued for ${viewer.email}.` }
      : { kind: "error", message: Object.values(result.fieldErrors)[0]?.[0] ?? "The test message could not be queued." },
  );
}

const FILTER_LABELS: Record<OutboxFilter, string> = { all: "All", queued: "Waiting", failed: "Failed", sent: "Sent" };

export default function Outbox() {
  const reference = useOwnRequestReference();
  const { rows, total, page, pageCount, filter, counts, toReview, devMailbox, email } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  const filterCounts: Record<OutboxFilter, number> = {
    all: counts.queued + counts.sending + counts.sent + counts.failed,
    queued: counts.queued + counts.sending,
    failed: counts.failed,
    sent: counts.sent,
  };
  return (
    <>
      <PageHeader
        title="Outbox"
        meta="Every letter, digest and alert the app sends, and what became of it."
        actions={
          <Form method="post">
            <button type="submit" name="intent" value="send-test" className="button button--secondary">
              Send a test message to {email}
            </button>
          </Form>
        }
      />
      <MailNav reviewCount={toReview} />
      {devMailbox ? (
        <p className="notice" role="note">
          <strong>Development mailbox.</strong> No mail server is configured (<code>SMTP_URL</code>), so messages are delivered here
          instead of being sent. Open a message to read it as its recipient would.
        </p>
      ) : null}
      <nav className="tabs tabs--small" aria-label="Filter by status">
        {OUTBOX_FILTERS.map((f) => (
          <Link key={f} to={f === "all" ? "/outbox" : `/outbox?status=${f}`} aria-current={f === filter ? "page" : undefined}>
            {FILTER_LABELS[f]} ({filterCounts[f]})
          </Link>
        ))}
      </nav>
      <Card aria-label="Messages">
        {rows.length === 0 ? (
          <EmptyState title={filter === "all" ? "No messages yet" : "No messages here"} inCard action={<Link to="/requests">Go to your requests</Link>}>
            <p>Letters and follow-ups you send from a request's page appear here, with whether they were delivered.</p>
          </EmptyState>
        ) : (
          <DataTable columns={["Queued", "Message", "To", "Request", "Status"]}>
            {rows.map((row) => (
              <tr key={row.id}>
                <td data-label="Queued"><DateText instant={row.createdAt} timeZone={timeZone} /></td>
                <td data-label="Message">
                  <Link to={`/outbox/${row.id}`} className="row-title">
                    {row.subject}
                  </Link>
                  <div className="muted small">{MAIL_KIND_LABELS[row.kind]}</div>
                </td>
                <td data-label="To">{row.toAddress}</td>
                <td data-label="Request">
                  {row.requestId && row.requestNumber !== null ? <Link to={`/requests/${row.requestId}`}>{reference(row.requestNumber)}</Link> : <span className="muted">—</span>}
                </td>
                <td data-label="Status">
                  <OutboxStatusBadge status={row.status} retrying={row.attempts > 0} />
                  {row.status === "sent" && row.sentAt ? (
                    <div className="muted small">
                      {row.transport === "dev_mailbox" ? "To the dev mailbox " : ""}
                      <DateText instant={row.sentAt} timeZone={timeZone} />
                    </div>
                  ) : null}
                  {row.status !== "sent" && row.lastError ? (
                    <div className="small error-text">
                      {row.lastError}
                      {row.status === "queued" ? (
                        <>
                          {" · "}next try <DateText instant={row.nextAttemptAt} timeZone={timeZone} />
                        </>
                      ) : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={page} pageCount={pageCount} total={total} noun="message" />
      </Card>
    </>
  );
}
