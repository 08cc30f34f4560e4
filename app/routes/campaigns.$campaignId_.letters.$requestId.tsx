import { Card } from "~/components/ui/card";
import { useOwnRequestReference } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextAreaField, TextField } from "~/components/fields";
import { StatusBadge } from "~/components/status-badge";
import { campaignTargets, saveTargetLetter, targetLetter } from "~/domain/campaign-mail.server";
import { getCampaign } from "~/domain/campaigns.server";
import { MAX_LETTER_BODY, MAX_LETTER_SUBJECT } from "~/domain/mail/letter-input";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { fieldErrorsOf, notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Letter to ${data.letter.targetName} · ${data.campaign.title} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const today = todayIn(viewer.timeZone);
  const campaignId = params.campaignId ?? "";
  const [campaign, letter, targets] = await Promise.all([
    getCampaign(viewer, campaignId),
    targetLetter(viewer, campaignId, params.requestId ?? "", today),
    campaignTargets(viewer, campaignId),
  ]);
  if (!campaign || !letter || !targets) throw notFound("letter");
  const index = targets.findIndex((t) => t.requestId === letter.requestId);
  const neighbour = (i: number) => (targets[i] ? { requestId: targets[i]!.requestId, targetName: targets[i]!.targetName } : null);
  return json({
    campaign: { id: campaign.id, title: campaign.title },
    letter,
    sent: targets[index]?.letter !== null && targets[index]?.letter !== undefined,
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
    position: index + 1,
    count: targets.length,
  });
}

const intentSchema = z.object({ intent: z.enum(["save", "reset"], { error: "Unknown action" }) });
const editSchema = z.object({
  subject: z
    .string({ error: "Subject is required" })
    .trim()
    .min(1, "Subject is required")
    .max(MAX_LETTER_SUBJECT, `Subject must be at most ${MAX_LETTER_SUBJECT} characters`),
  body: z.string({ error: "The letter is empty" }).trim().min(1, "The letter is empty").max(MAX_LETTER_BODY, `The letter must be at most ${MAX_LETTER_BODY} characters`),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const campaignId = params.campaignId ?? "";
  const requestId = params.requestId ?? "";
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  let letter: { subject: string; body: string } | null = null;
  if (intent.data.intent === "save") {
    const parsed = editSchema.safeParse({ subject: formData.get("subject") ?? undefined, body: formData.get("body") ?? undefined });
    if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
    letter = parsed.data;
  }
  const result = await saveTargetLetter(viewer, campaignId, requestId, letter);
  if (!result) throw notFound("letter");
  if (!result.ok) return json({ errors: result.fieldErrors }, { status: 422 });
  return redirectWithFlash(`/campaigns/${campaignId}/letters/${requestId}`, {
    kind: "success",
    message: !result.value.changed ? "Nothing changed." : letter ? "This letter is saved; the other letters are unchanged." : "This letter is the joint ask's letter again.",
  });
}

export default function TargetLetter() {
  const reference = useOwnRequestReference();
  const { campaign, letter, sent, previous, next, position, count } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? (actionData.errors as Record<string, string[]>) : undefined;
  const navigation = useNavigation();
  const canEdit = useCan("request.edit");
  const editable = canEdit && letter.status === "draft" && !sent;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/campaigns">Joint asks</Link> / <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link> /
          </>
        }
        title={<>Letter to {letter.targetName}</>}
        meta={
          <>
            <Link to={`/requests/${letter.requestId}`}>{reference(letter.number)}</Link> · <StatusBadge status={letter.status} />
            {letter.jurisdictionName ? ` · ${letter.jurisdictionName}` : ""}
            {letter.law ? ` · ${letter.law.lawName} (${letter.law.citation})` : letter.recipientKind === "vendor" ? " · vendor: no records law applies" : ""}
            {" · "}letter {position} of {count}
          </>
        }
        actions={
          <nav className="actions" aria-label="Other letters">
            {previous ? (
              <Link to={`/campaigns/${campaign.id}/letters/${previous.requestId}`} className="button button--secondary">
                Previous: {previous.targetName}
              </Link>
            ) : null}
            {next ? (
              <Link to={`/campaigns/${campaign.id}/letters/${next.requestId}`} className="button button--secondary">
                Next: {next.targetName}
              </Link>
            ) : null}
          </nav>
        }
      />

      <Card aria-labelledby="letter-heading">
        <h2 id="letter-heading">{sent ? "The letter as sent" : letter.edited ? "This letter, as edited for this target" : "The letter, composed from the joint ask's text"}</h2>
        <dl className="meta-list">
          <div>
            <dt>To</dt>
            <dd>{letter.to ?? <span className="overdue">No records email yet: add one before sending</span>}</dd>
          </div>
          <div>
            <dt>Replies to</dt>
            <dd>{letter.replyAddress}</dd>
          </div>
          <div>
            <dt>Subject</dt>
            <dd>{letter.subject}</dd>
          </div>
        </dl>
        <pre className="letter" aria-label="Letter text">
          {letter.text}
        </pre>
      </Card>

      {editable ? (
        <Card aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit this letter only</h2>
          <p className="muted small">The change applies to this target's letter alone; the other letters of the joint ask stay as they are.</p>
          <Form method="post" className="form">
            <FormErrors errors={errors?.form} />
            <TextField id="letter-subject" name="subject" label="Subject" defaultValue={letter.subject} errors={errors?.subject} />
            <TextAreaField id="letter-body" name="body" label="Letter" defaultValue={letter.text} rows={24} className="field--mono" errors={errors?.body} />
            <div className="actions">
              <button type="submit" name="intent" value="save" className="button" disabled={navigation.state !== "idle"}>
                Save this letter
              </button>
              {letter.edited ? (
                <button type="submit" name="intent" value="reset" className="button button--secondary" disabled={navigation.state !== "idle"}>
                  Go back to the joint ask's letter
                </button>
              ) : null}
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
