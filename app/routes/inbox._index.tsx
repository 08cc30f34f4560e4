import { Card } from "~/components/ui/card";
import { useOwnRequestReference } from "~/utils/use-root";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import type { MailClassification } from "../../db/schema/values";
import { FieldErrors } from "~/components/fields";
import { ClassificationBadge, MailNav } from "~/components/mail";
import { Pagination } from "~/components/pagination";
import { mailConfig } from "~/domain/mail/config.server";
import { listInbound, receiveMail, reviewCount } from "~/domain/mail/inbound.server";
import { formatBytes } from "~/domain/mail/labels";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/uploads.server";
import { useTimeZone } from "~/utils/use-root";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Inbox · JointAsk" }];

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const [result, toReview] = await Promise.all([listInbound(viewer, { status: "filed", page }), reviewCount(viewer)]);
  const config = mailConfig();
  return json({
    ...result,
    toReview,
    limit: formatBytes(config.maxInboundBytes),
    listening: config.inboundPort !== undefined,
    domain: config.domain,
  });
}

/** What the upload says once the message is on its request: a bounce or an automatic reply is not an answer. */
const FILED_MESSAGES: Record<MailClassification, string> = {
  reply: "The email was filed on this request.",
  auto_reply: "This is an automatic reply (not the agency's answer); it was filed on this request's timeline without changing its status or deadline.",
  bounce: "This is a bounce: the letter did not reach the agency. It is on this request's timeline, and the address is marked as bouncing: fix the contact and resend.",
};

const UPLOAD_ERROR_STATUS = 400;

function uploadError(message: string, status = UPLOAD_ERROR_STATUS) {
  return json({ errors: { file: [message] } }, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.note");
  const limit = mailConfig().maxInboundBytes;
  const tooLarge = `The file is larger than ${formatBytes(limit)}, the most the inbox takes.`;
  // The form's own fields are tiny; anything much bigger than the limit is refused before it is read.
  if (Number(request.headers.get("Content-Length") ?? 0) > limit + 64 * 1024) return uploadError(tooLarge, 413);
  let formData: FormData | null;
  try {
    formData = await readForm(request, limit, { fileFields: ["file"] });
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413) return uploadError(tooLarge, 413);
    if (thrown instanceof Response && thrown.status < 500) return uploadError("The upload could not be read; choose the .eml file again.", thrown.status);
    throw thrown;
  }
  if (!formData) return uploadError(tooLarge, 413);
  const file = formData.get("file");
  if (!file || typeof file === "string" || file.size === 0) return uploadError("Choose an email saved as a .eml file.");
  if (!/\.eml$/i.test(file.name) && file.type !== "message/rfc822") {
    return uploadError("That is not a .eml file. Save the email from your mail program as a .eml file (\"Download message\" or \"Save as\") and upload that.");
  }
  const outcome = await receiveMail({ raw: Buffer.from(await file.arrayBuffer()), channel: "upload", uploader: viewer });
  switch (outcome.outcome) {
    case "too_large":
      return uploadError(tooLarge, 413);
    case "filed":
      return redirectWithFlash(`/requests/${outcome.requestId}`, { kind: "success", message: FILED_MESSAGES[outcome.classification] });
    case "review":
      return redirectWithFlash("/inbox/review", { kind: "success", message: `The email is held for review: ${outcome.reason}` });
    case "duplicate":
      return redirectWithFlash(`/inbox/${outcome.inboundMessageId}`, { kind: "success", message: "This email was already received; nothing changed." });
  }
}

export default function Inbox() {
  const reference = useOwnRequestReference();
  const { rows, total, page, pageCount, toReview, limit, listening, domain } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const timeZone = useTimeZone();
  const fileErrors = actionData?.errors.file;
  return (
    <>
      <PageHeader
        title="Inbox"
        meta="Agency replies, automatic replies and bounces, filed on their requests."
      />
      <MailNav reviewCount={toReview} />
      <div className="grid-2">
        <Card aria-labelledby="received-heading">
          <h2 id="received-heading">Received</h2>
          {rows.length === 0 ? (
            <EmptyState title="No replies filed yet" inCard action={<Link to="/inbox/review">Open the review queue</Link>}>
              <p>Agencies' replies to your letters are filed here, on their request, as they arrive.</p>
            </EmptyState>
          ) : (
            <DataTable columns={["Received", "From", "Kind", "Subject", "Request"]}>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td data-label="Received"><DateText instant={row.receivedAt} timeZone={timeZone} /></td>
                  <td data-label="From">{row.fromName ?? row.fromAddress ?? "Unknown sender"}</td>
                  <td data-label="Kind">
                    <ClassificationBadge classification={row.classification} />
                  </td>
                  <td data-label="Subject">
                    <Link to={`/inbox/${row.id}`} className="row-title">
                      {row.subject || "(no subject)"}
                    </Link>
                  </td>
                  <td data-label="Request">
                    {row.requestId ? <Link to={`/requests/${row.requestId}`}>{reference(row.requestNumber!)}</Link> : <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <Pagination page={page} pageCount={pageCount} total={total} noun="message" />
        </Card>
        <Card aria-labelledby="upload-heading">
          <h2 id="upload-heading">Add a reply by hand</h2>
          <Form method="post" encType="multipart/form-data" className="form" aria-busy={navigation.state !== "idle"}>
            <div className="field">
              <label htmlFor="eml-file">Email file (.eml)</label>
              <span id="eml-file-hint" className="field__hint">
                Save the agency's email as a file (“Download message” or “Save as” in most mail programs), up to {limit}. It is filed on
                the request whose reply address it was sent to; anything else waits for review.
              </span>
              <input
                id="eml-file"
                name="file"
                type="file"
                accept=".eml,message/rfc822"
                required
                aria-invalid={fileErrors?.length ? true : undefined}
                aria-describedby={`eml-file-hint${fileErrors?.length ? " eml-file-error" : ""}`}
              />
              <FieldErrors id="eml-file-error" errors={fileErrors} />
            </div>
            <ButtonGroup>
              <button type="submit" className="button">
                Upload
              </button>
            </ButtonGroup>
          </Form>
          <p className="small muted">
            {listening
              ? `Replies sent to a request's address (requests+…@${domain}) arrive here on their own.`
              : "The app is not receiving mail itself (INBOUND_SMTP_PORT is not set), so upload replies here."}
          </p>
        </Card>
      </div>
    </>
  );
}
