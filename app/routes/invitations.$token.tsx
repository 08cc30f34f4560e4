import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/fields";
import { NewPasswordFields } from "~/components/new-password-fields";
import { linkPageStatus, USER_INVITATION_DAYS } from "~/domain/account-links";
import { acceptInvitation, describeInvitation, INVITATION_GONE, type InvitationView } from "~/domain/invitations.server";
import { newPasswordFields, PASSWORDS_DIFFER, passwordsMatch } from "~/domain/password-rules";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/domain/permissions";
import { getViewer, signIn } from "~/utils/auth.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";

// Public: whoever holds the link chooses a name and password and becomes a member with the invited role.

export const meta: MetaFunction = () => [{ title: "Invitation · JointAsk" }];

const acceptSchema = z
  .object({
    name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(200, "Name must be at most 200 characters"),
    ...newPasswordFields,
  })
  .refine(passwordsMatch, PASSWORDS_DIFFER);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await describeInvitation(params.token);
  const viewer = view.state === "valid" ? await getViewer(request) : null;
  return json({ view, signedInAs: viewer ? viewer.name : null }, { status: linkPageStatus(view.state) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const view = await describeInvitation(params.token);
  if (view.state !== "valid") return json({ view, errors: null, name: null }, { status: linkPageStatus(view.state) });
  const form = Object.fromEntries(await readFormData(request));
  const name = typeof form.name === "string" ? form.name : "";
  const parsed = acceptSchema.safeParse(form);
  if (!parsed.success) return json({ view: null, errors: fieldErrorsOf(parsed.error.issues), name }, { status: 400 });
  const ipAddress = clientAddressOf(context);
  const result = await acceptInvitation(params.token, { name: parsed.data.name, password: parsed.data.password }, { ipAddress });
  if (!result.ok) {
    if (INVITATION_GONE in result.fieldErrors) {
      // Used, revoked or expired between the page and the submit (a second submit lands here).
      const now = await describeInvitation(params.token);
      return json({ view: now, errors: null, name: null }, { status: linkPageStatus(now.state) });
    }
    return json({ view: null, errors: result.fieldErrors, name }, { status: 409 });
  }
  const { organizationName, role } = result.value;
  return signIn(request, result.value.userId, "/", ipAddress, {
    kind: "success",
    message: `Welcome to ${organizationName} on JointAsk, ${parsed.data.name}. You are signed in as ${ROLE_LABELS[role].toLowerCase()}.`,
  });
}

export default function InvitationPage() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const timeZone = useTimeZone();
  const view: typeof loaded.view = data?.view ?? loaded.view;
  if (view.state !== "valid") return <InvitationGone view={view} />;
  const errors = data?.errors ?? undefined;
  return (
    <div className="auth card">
      <h1>Join {view.organizationName}</h1>
      <p>
        {view.invitedBy ?? "An admin"} invites you to join <strong>{view.organizationName}</strong> on JointAsk as{" "}
        <strong>{ROLE_LABELS[view.role]}</strong>: {ROLE_DESCRIPTIONS[view.role].toLowerCase()}
      </p>
      <dl className="summary-list">
        <dt>Your email</dt>
        <dd>{view.email}</dd>
        <dt>Link works until</dt>
        <dd><DateText instant={view.expiresAt} timeZone={timeZone} /></dd>
      </dl>
      {loaded.signedInAs ? (
        <p className="notice" role="note">
          You are signed in as {loaded.signedInAs}. Accepting signs you out and in to the new account.
        </p>
      ) : null}
      <Form method="post" className="form">
        <FormErrors errors={errors?.[""]} />
        <TextField id="name" name="name" label="Your name" autoComplete="name" required maxLength={200} defaultValue={data?.name ?? ""} errors={errors?.name} />
        <NewPasswordFields errors={errors} />
        <ButtonGroup>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Join {view.organizationName}
          </button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

function InvitationGone({ view }: { view: Exclude<InvitationView, { state: "valid" }> }) {
  const ask =
    view.state === "unknown"
      ? "the person who invited you"
      : `${view.invitedBy ? `${view.invitedBy} or another admin` : "an admin"} of ${view.organizationName}`;
  const text = {
    unknown: {
      title: "This invitation link doesn't work",
      body: "We don't know this link. Check that you opened the whole link from the email (long links are sometimes cut in two).",
      next: `If it still doesn't work, ask ${ask} to invite you again.`,
    },
    used: {
      title: "This invitation has already been used",
      body: "An account was created with it. If that was you, sign in with the email and password you chose.",
      next: `If it wasn't you, tell ${ask} at once.`,
    },
    revoked: {
      title: "This invitation was withdrawn",
      body: "An admin revoked it, or sent a newer invitation to the same address: look for a more recent email.",
      next: `Otherwise ask ${ask} to invite you again.`,
    },
    expired: {
      title: "This invitation has expired",
      body: `Invitation links work for ${USER_INVITATION_DAYS} days.`,
      next: `Ask ${ask} to invite you again.`,
    },
  }[view.state];
  return (
    <div className="auth card" role="alert">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>{text.next}</p>
      <p>
        <Link to="/login">Sign in</Link> · <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
