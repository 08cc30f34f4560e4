import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { MailNav } from "~/components/mail";
import { digestHourVersion, getEmailPreferences, setDigestHour, setEmailPreferences } from "~/domain/mail/preferences.server";
import { autoFollowUpPolicyVersion, getAutoFollowUpPolicy, setAutoFollowUpPolicy } from "~/domain/mail/auto-follow-ups.server";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { editVersionField } from "~/domain/edit-version";
import type { Conflict } from "~/domain/results";
import { DEFAULT_FOLLOW_UP_INTERVAL_DAYS, MAX_FOLLOW_UP_INTERVAL_DAYS } from "~/domain/mail/auto-follow-ups";
import { can, requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Email preferences · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [preferences, autoFollowUp] = await Promise.all([getEmailPreferences(viewer), getAutoFollowUpPolicy(viewer.organizationId)]);
  return json({
    ...preferences,
    autoFollowUp,
    versions: { digestHour: digestHourVersion(preferences.digestHour), autoFollowUp: autoFollowUpPolicyVersion(autoFollowUp) },
    isAdmin: can(viewer, "org.settings"),
    email: viewer.email,
    role: viewer.role,
  });
}

const intentSchema = z.enum(["preferences", "digest-hour", "auto-follow-up"]);
const intervalSchema = z.coerce
  .number({ error: "Enter a number of days" })
  .int("Enter a whole number of days")
  .min(1, `Enter a number of days between 1 and ${MAX_FOLLOW_UP_INTERVAL_DAYS}`)
  .max(MAX_FOLLOW_UP_INTERVAL_DAYS, `Enter a number of days between 1 and ${MAX_FOLLOW_UP_INTERVAL_DAYS}`);
const hourSchema = z.coerce.number({ error: "Choose an hour" }).int("Choose an hour").min(0, "Choose an hour").max(23, "Choose an hour");

type ActionData = { intent: string; errors: Record<string, string[]>; conflict?: Conflict };
const refused = (intent: string, errors: Record<string, string[]>, conflict?: Conflict) =>
  json<ActionData>({ intent, errors, ...(conflict ? { conflict } : {}) }, { status: conflict ? 409 : 400 });

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readFormData(request);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  const version = editVersionField.safeParse(form.get("version") ?? undefined);
  if (!version.success) return refused(intent.data, { "": [version.error.issues[0]!.message] });
  if (intent.data === "preferences") {
    await setEmailPreferences(viewer, { digest: form.get("digest") === "on", overdueAlerts: form.get("overdueAlerts") === "on" });
    return redirectWithFlash("/settings/email", { kind: "success", message: "Email preferences saved." });
  }
  requirePermission(viewer, "org.settings");
  if (intent.data === "auto-follow-up") {
    const interval = intervalSchema.safeParse(form.get("intervalDays") || undefined);
    if (!interval.success) return refused(intent.data, { intervalDays: [interval.error.issues[0]!.message] });
    const enabled = form.get("enabled") === "on";
    const result = await setAutoFollowUpPolicy(viewer, { enabled, intervalDays: interval.data, version: version.data });
    if (!result.ok) return refused(intent.data, result.fieldErrors, result.conflict);
    return redirectWithFlash("/settings/email", {
      kind: "success",
      message: enabled ? `Automatic follow-ups are on: overdue requests get a follow-up letter, then another every ${interval.data} days.` : "Automatic follow-ups are off.",
    });
  }
  const hour = hourSchema.safeParse(form.get("digestHour") ?? undefined);
  if (!hour.success) return refused(intent.data, { digestHour: [hour.error.issues[0]!.message] });
  const result = await setDigestHour(viewer, hour.data, undefined, version.data);
  if (!result.ok) return refused(intent.data, result.fieldErrors, result.conflict);
  return redirectWithFlash("/settings/email", { kind: "success", message: "Digest time saved." });
}

const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

export default function EmailPreferences() {
  const { digest, overdueAlerts, digestHour, timeZone, isAdmin, email, role, autoFollowUp, versions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  // Each form shows its own refusal; a conflict's saved version goes into the form, so saving again keeps yours.
  const resultFor = (intent: string) => (data && data.intent === intent ? { errors: data.errors, conflict: conflictOf(data) } : null);
  const digestResult = resultFor("digest-hour");
  const policyResult = resultFor("auto-follow-up");
  const getsDigest = role === "admin" || role === "coordinator";
  return (
    <>
      <PageHeader
        title="Email preferences"
        meta={<>Reminders sent to {email}.</>}
      />
      <MailNav />
      <Card aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your reminders</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="preferences" />
          <fieldset className="field">
            <legend>Send me</legend>
            <label className="checkbox">
              <input type="checkbox" name="digest" defaultChecked={digest} /> A daily digest at {hourLabel(digestHour)} ({timeZone}): overdue,
              due this week, waiting on us and next actions, for requests assigned to me or to nobody
              {getsDigest ? "" : " (sent to admins and coordinators)"}
            </label>
            <label className="checkbox">
              <input type="checkbox" name="overdueAlerts" defaultChecked={overdueAlerts} /> An alert when a request assigned to me (or filed by
              me and unassigned) becomes overdue, sent at {hourLabel(digestHour)} that day
            </label>
          </fieldset>
          <ButtonGroup>
            <button type="submit" className="button">
              Save preferences
            </button>
          </ButtonGroup>
        </Form>
      </Card>
      {isAdmin ? (
        <Card aria-labelledby="org-heading">
          <h2 id="org-heading">Your organization's digest</h2>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="digest-hour" />
            <VersionField version={digestResult?.conflict?.version ?? versions.digestHour} />
            <EditConflict conflict={digestResult?.conflict ?? null} />
            {digestResult?.conflict ? null : <FormErrors id="digest-hour-errors" errors={digestResult?.errors[""]} />}
            <SelectField
              id="digest-hour"
              name="digestHour"
              label="Send the daily digest at"
              defaultValue={String(digestHour)}
              errors={digestResult?.errors.digestHour}
              hint={`In the organization's time zone, ${timeZone}. Overdue alerts go out at this hour too.`}
            >
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </SelectField>
            <ButtonGroup>
              <button type="submit" className="button">
                Save digest time
              </button>
            </ButtonGroup>
          </Form>
        </Card>
      ) : null}
      {isAdmin ? (
        <Card aria-labelledby="auto-follow-up-heading">
          <h2 id="auto-follow-up-heading">Automatic follow-up letters</h2>
          <p className="small">
            When a request waiting on the agency is overdue, its follow-up letter (tracking number, due date) is sent to the agency's records
            email at {hourLabel(digestHour)} on the first overdue day, then again every so many days while it stays overdue. Each goes through
            the outbox and onto the request's timeline. Requests whose letters bounced, and requests someone turned off on their own page, are
            left out; a day when someone already sent a follow-up is skipped.
          </p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="auto-follow-up" />
            <VersionField version={policyResult?.conflict?.version ?? versions.autoFollowUp} />
            <EditConflict conflict={policyResult?.conflict ?? null} />
            {policyResult?.conflict ? null : <FormErrors id="auto-follow-up-errors" errors={policyResult?.errors[""]} />}
            <label className="checkbox">
              <input type="checkbox" name="enabled" defaultChecked={autoFollowUp.enabled} /> Send automatic follow-up letters
            </label>
            <TextField
              id="interval-days"
              name="intervalDays"
              type="number"
              label="Then again every (days)"
              min={1}
              max={MAX_FOLLOW_UP_INTERVAL_DAYS}
              required
              defaultValue={autoFollowUp.intervalDays || DEFAULT_FOLLOW_UP_INTERVAL_DAYS}
              errors={policyResult?.errors.intervalDays}
              hint={`1 to ${MAX_FOLLOW_UP_INTERVAL_DAYS} days; ${DEFAULT_FOLLOW_UP_INTERVAL_DAYS} unless you choose otherwise.`}
            />
            <ButtonGroup>
              <button type="submit" className="button">
                Save automatic follow-ups
              </button>
            </ButtonGroup>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
