import { Card } from "~/components/ui/card";
import { requestReference } from "~/domain/request-reference";
import { useOwnRequestReference } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/fields";
import { campaignTargets, isUnsent, sendAllLetters, sendProgress, setTargetContact } from "~/domain/campaign-mail.server";
import { getCampaign } from "~/domain/campaigns.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { fieldErrorsOf, notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { PageHeader } from "~/components/ui/page-header";

/** Seconds between refreshes of the progress page while letters wait in the outbox (no JavaScript needed). */
const REFRESH_SECONDS = 3;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Send the letters · ${data.campaign.title} · JointAsk` : "Not found · JointAsk" },
  // Without JavaScript the page refreshes itself while letters wait, but only after a send or when asked to
  // (?watch=1), and it says how to stop (WCAG 2.2.1): the page is usable without it.
  ...(data && data.watching ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) } as const] : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const campaignId = params.campaignId ?? "";
  const [campaign, targets] = await Promise.all([getCampaign(viewer, campaignId), campaignTargets(viewer, campaignId)]);
  if (!campaign || !targets) throw notFound("joint ask");
  const unsent = targets.filter(isUnsent);
  const progress = sendProgress(targets);
  return json({
    watching: new URL(request.url).searchParams.get("watch") === "1" && progress.queued > 0,
    campaign: { id: campaign.id, title: campaign.title },
    progress,
    total: targets.length,
    ready: unsent.filter((t) => t.contactEmail && !t.bouncing),
    withoutContact: unsent.filter((t) => !t.contactEmail || t.bouncing),
    failed: targets.filter((t) => t.letter === "failed"),
  });
}

const intentSchema = z.object({ intent: z.enum(["send-all", "send-selected", "add-contact"], { error: "Unknown action" }) });
const selectedSchema = z.object({ requestIds: z.array(z.string().uuid("Reload the page and try again")).min(1, "Tick the letters to send first").max(10_000) });
const contactSchema = z
  .object({
    agencyId: z.string().uuid().optional(),
    vendorId: z.string().uuid().optional(),
    email: z.string({ error: "Enter an email address" }).trim().min(1, "Enter an email address").max(254, "Email must be at most 254 characters"),
  })
  .refine((v) => Boolean(v.agencyId) !== Boolean(v.vendorId), { message: "Reload the page and try again", path: ["email"] });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const campaignId = params.campaignId ?? "";
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  const back = (message: string, kind: "success" | "error" = "success", watch = false) =>
    redirectWithFlash(`/campaigns/${campaignId}/send${watch ? "?watch=1" : ""}`, { kind, message });

  if (intent.data.intent === "add-contact") {
    requirePermission(viewer, "request.edit");
    const parsed = contactSchema.safeParse({
      agencyId: formData.get("agencyId") || undefined,
      vendorId: formData.get("vendorId") || undefined,
      email: formData.get("email") ?? undefined,
    });
    if (!parsed.success) return json({ intent: "add-contact", target: String(formData.get("agencyId") || formData.get("vendorId") || ""), errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
    const saved = await setTargetContact(viewer, parsed.data, parsed.data.email);
    if (!saved) throw notFound("agency");
    if (!saved.ok) return json({ intent: "add-contact", target: parsed.data.agencyId ?? parsed.data.vendorId ?? "", errors: saved.fieldErrors }, { status: 422 });
    return back(`Records email saved: ${saved.value.address}.`);
  }

  requirePermission(viewer, "request.note");
  let requestIds: string[] | undefined;
  if (intent.data.intent === "send-selected") {
    const parsed = selectedSchema.safeParse({ requestIds: formData.getAll("requestIds") });
    if (!parsed.success) return json({ intent: "send", target: "", errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
    requestIds = parsed.data.requestIds;
  }
  const result = await sendAllLetters(viewer, campaignId, todayIn(viewer.timeZone), { requestIds });
  if (!result) throw notFound("joint ask");
  if (!result.ok) return json({ intent: "send", target: "", errors: result.fieldErrors }, { status: 422 });
  const { queued, already, withoutContact, failed } = result.value;
  const parts = [`${queued} ${queued === 1 ? "letter" : "letters"} queued`];
  if (already) parts.push(`${already} already sent, not sent again`);
  if (withoutContact) parts.push(`${withoutContact} waiting for a records email`);
  if (failed.length) parts.push(`${failed.length} refused (${failed.map((f) => `${requestReference({ organizationCode: viewer.organizationCode, number: f.number })}: ${f.message}`).join("; ")})`);
  return back(`${parts.join("; ")}.`, failed.length ? "error" : "success", queued > 0);
}

function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div className="progress-row">
      <span>{label}</span>
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
      <span className="progress-row__value">
        {value} of {max}
      </span>
    </div>
  );
}

export default function SendLetters() {
  const reference = useOwnRequestReference();
  const { campaign, progress, total, ready, withoutContact, failed, watching } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // With JavaScript, the numbers update in place while letters wait (no page reload); without it, see meta.
  useEffect(() => {
    if (watching || progress.queued === 0) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [watching, progress.queued, revalidator]);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const canSend = useCan("request.note");
  const canEdit = useCan("request.edit");
  const busy = navigation.state !== "idle";
  const handled = progress.queued + progress.sent + progress.failed;
  const errorsFor = (target: string) => (actionData && actionData.intent === "add-contact" && actionData.target === target ? (actionData.errors as Record<string, string[]>) : undefined);
  const sendErrors = actionData && actionData.intent === "send" ? (actionData.errors as Record<string, string[]>) : undefined;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/campaigns">Joint asks</Link> / <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link> /
          </>
        }
        title="Send the letters"
        meta={
          <>
            Each letter goes through the outbox to its target's records email. Its request is then filed: received the day of the send and due under its own law.
            A letter is never sent twice.
          </>
        }
      />

      <Card aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <div role="status" aria-live="polite">
          <ProgressBar label="Sent" value={progress.sent} max={handled} />
          <p>
            <strong>{progress.queued}</strong> queued · <strong>{progress.sent}</strong> sent · <strong>{progress.failed}</strong> failed ·{" "}
            <strong>{progress.unsent}</strong> not sent yet (of {total} requests)
          </p>
          {progress.queued > 0 ? (
            <p className="muted small">
              Letters are on their way.{" "}
              {watching ? (
                <>
                  This page refreshes every {REFRESH_SECONDS} seconds until they are all handed over. <Link to=".">Stop refreshing</Link>
                </>
              ) : (
                <>
                  <Link to=".">Refresh now</Link> · <Link to="?watch=1">Keep refreshing every {REFRESH_SECONDS} seconds</Link>
                </>
              )}
            </p>
          ) : null}
        </div>
      </Card>

      {canSend ? (
        <Card aria-labelledby="send-heading">
          <h2 id="send-heading">
            {ready.length} {ready.length === 1 ? "letter" : "letters"} ready to send
          </h2>
          {ready.length ? (
            <Form method="post" className="form">
              <FormErrors errors={sendErrors ? Object.values(sendErrors).flat() : undefined} />
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Letters ready to send</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="visually-hidden">Select</span>
                      </th>
                      <th scope="col">Target</th>
                      <th scope="col">To</th>
                      <th scope="col">Letter</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ready.map((t) => (
                      <tr key={t.requestId}>
                        <td>
                          <input type="checkbox" name="requestIds" value={t.requestId} aria-label={`Select the letter to ${t.targetName}`} />
                        </td>
                        <td>
                          {t.targetName}
                          <div className="muted small">
                            {reference(t.number)}
                            {t.jurisdictionName ? ` · ${t.jurisdictionName}` : t.vendorId ? " · vendor" : ""}
                          </div>
                        </td>
                        <td>{t.contactEmail}</td>
                        <td>
                          <Link to={`/campaigns/${campaign.id}/letters/${t.requestId}`}>{t.edited ? "Preview (edited)" : "Preview"}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="actions">
                <button type="submit" name="intent" value="send-all" className="button" disabled={busy}>
                  Send all {ready.length} {ready.length === 1 ? "letter" : "letters"}
                </button>
                <button type="submit" name="intent" value="send-selected" className="button button--secondary" disabled={busy}>
                  Send only the selected
                </button>
              </div>
            </Form>
          ) : (
            <p className="muted">Every letter with a records email has been sent.</p>
          )}
        </Card>
      ) : null}

      {withoutContact.length ? (
        <Card aria-labelledby="contact-heading">
          <h2 id="contact-heading">
            {withoutContact.length} {withoutContact.length === 1 ? "target has" : "targets have"} no records email
          </h2>
          <p className="muted small">Their letters wait until there is an address to send them to. Add one here, or on the agency's page.</p>
          <ul className="plain-list">
            {withoutContact.map((t) => {
              const errors = errorsFor(t.agencyId ?? t.vendorId ?? "");
              return (
                <li key={t.requestId}>
                  <strong>{t.targetName}</strong> <span className="muted small">{reference(t.number)}</span>
                  {t.bouncing ? <span className="overdue"> · mail to {t.contactEmail} bounced</span> : null} ·{" "}
                  <Link to={t.agencyId ? `/agencies/${t.agencyId}/edit` : `/vendors/${t.vendorId}/edit`}>{t.agencyId ? "Agency's page" : "Vendor's page"}</Link>
                  {canEdit ? (
                    <Form method="post" className="form-row">
                      {t.agencyId ? <input type="hidden" name="agencyId" value={t.agencyId} /> : <input type="hidden" name="vendorId" value={t.vendorId ?? ""} />}
                      <TextField
                        id={`email-${t.requestId}`}
                        name="email"
                        type="email"
                        label={`Records email of ${t.targetName}`}
                        placeholder="records@city.gov"
                        errors={errors?.email}
                      />
                      <div className="actions">
                        <button type="submit" name="intent" value="add-contact" className="button button--secondary" disabled={busy}>
                          Save email
                        </button>
                      </div>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}

      {failed.length ? (
        <Card aria-labelledby="failed-heading">
          <h2 id="failed-heading">Letters that failed</h2>
          <ul className="plain-list">
            {failed.map((t) => (
              <li key={t.requestId}>
                <Link to={`/requests/${t.requestId}/letters`}>
                  {t.targetName} {reference(t.number)}
                </Link>{" "}
                <span className="muted small">· see the outbox for why, then resend from the request's letters page</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
