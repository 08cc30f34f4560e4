import { useOwnRequestReference } from "~/utils/use-root";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FieldErrors } from "~/components/fields";
import { ClassificationBadge, MailNav } from "~/components/mail";
import { Pagination } from "~/components/pagination";
import { discardFromReview, fileFromReview, listInbound } from "~/domain/mail/inbound.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Mail to review · JointAsk" }];

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return json(await listInbound(viewer, { status: "review", page }));
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("file"),
    messageId: z.string().uuid(),
    requestNumber: z.coerce
      .number({ error: "Enter the request's number, like 12" })
      .int("Enter the request's number, like 12")
      .min(1, "Enter the request's number, like 12")
      .max(2_147_483_647, "No request has that number"),
  }),
  z.object({ intent: z.literal("discard"), messageId: z.string().uuid() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.note");
  const form = Object.fromEntries(await readFormData(request));
  const parsed = actionSchema.safeParse({ ...form, requestNumber: form.requestNumber === "" ? undefined : form.requestNumber });
  if (!parsed.success) {
    const messageId = typeof form.messageId === "string" ? form.messageId : "";
    const problem = parsed.error.issues.find((i) => i.path[0] === "requestNumber");
    if (!problem) throw new Response("Unknown action.", { status: 400 });
    return json({ messageId, errors: { requestNumber: [problem.message] } }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "discard") {
    if (!(await discardFromReview(viewer, input.messageId))) throw notFound("message");
    return redirectWithFlash("/inbox/review", { kind: "success", message: "Message discarded." });
  }
  const result = await fileFromReview(viewer, input.messageId, input.requestNumber);
  if (!result) throw notFound("message");
  if (!result.ok) return json({ messageId: input.messageId, errors: result.fieldErrors }, { status: 400 });
  return redirectWithFlash(`/requests/${result.value.requestId}`, { kind: "success", message: `The email was filed on request #${input.requestNumber}.` });
}

export default function Review() {
  const reference = useOwnRequestReference();
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        title="Mail to review"
        meta="Mail that could not be filed on its own: file it on a request, or discard it."
      />
      <MailNav reviewCount={total} />
      {rows.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to review" inCard action={<Link to="/inbox">See filed replies</Link>}>
            <p>Replies that could not be matched to a request wait here for someone to file them.</p>
          </EmptyState>
        </Card>
      ) : (
        <ol className="review-list" aria-label="Messages to review">
          {rows.map((row) => {
            const errors = actionData?.messageId === row.id ? actionData.errors.requestNumber : undefined;
            const inputId = `request-number-${row.id}`;
            return (
              <li key={row.id} className="card">
                <h2 id={`subject-${row.id}`}>
                  <Link to={`/inbox/${row.id}`}>{row.subject || "(no subject)"}</Link>
                </h2>
                <p className="muted small">
                  From {row.fromName ? `${row.fromName} <${row.fromAddress}>` : (row.fromAddress ?? "an unknown sender")} ·{" "}
                  {row.channel === "upload" ? "uploaded" : "received"} <DateText instant={row.receivedAt} timeZone={timeZone} />
                  {row.recipient ? ` · to ${row.recipient}` : ""}
                </p>
                <p>
                  <ClassificationBadge classification={row.classification} /> {row.reviewReason}
                  {row.classification === "bounce" && row.bouncedAddress ? ` It reports that mail to ${row.bouncedAddress} could not be delivered.` : ""}
                </p>
                {row.suggestion ? (
                  <p className="small">
                    It looks like a reply about{" "}
                    <Link to={`/requests/${row.suggestion.id}`}>
                      {reference(row.suggestion.number)} {row.suggestion.title}
                    </Link>
                    .
                  </p>
                ) : null}
                <div className="actions">
                  <Form method="post" className="inline-form" aria-busy={navigation.state !== "idle"}>
                    <input type="hidden" name="messageId" value={row.id} />
                    <div className="field">
                      <label htmlFor={inputId}>Request number</label>
                      <input
                        id={inputId}
                        name="requestNumber"
                        type="text"
                        inputMode="numeric"
                        defaultValue={row.suggestion ? String(row.suggestion.number) : ""}
                        aria-invalid={errors?.length ? true : undefined}
                        aria-describedby={errors?.length ? `${inputId}-error` : undefined}
                      />
                      <FieldErrors id={`${inputId}-error`} errors={errors} />
                    </div>
                    <button type="submit" name="intent" value="file" className="button">
                      File on request
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="messageId" value={row.id} />
                    <button type="submit" name="intent" value="discard" className="button button--secondary">
                      Discard
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} noun="message" />
    </>
  );
}
