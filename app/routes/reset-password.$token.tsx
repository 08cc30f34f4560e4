import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormErrors } from "~/components/fields";
import { NewPasswordFields } from "~/components/new-password-fields";
import { linkPageStatus, PASSWORD_RESET_MINUTES } from "~/domain/account-links";
import { describePasswordReset, RESET_GONE, resetPassword, type PasswordResetView } from "~/domain/password-resets.server";
import { newPasswordFields, PASSWORDS_DIFFER, passwordsMatch } from "~/domain/password-rules";
import { signIn } from "~/utils/auth.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";

// Public: the link from the reset email. Setting the password ends every session of the account and signs
// this browser in afresh: holding the link already proves control of the mailbox, which is all a reset rests
// on, so asking for the new password again on /login would add a step and no safety.

export const meta: MetaFunction = () => [{ title: "Choose a new password · JointAsk" }];

const schema = z.object(newPasswordFields).refine(passwordsMatch, PASSWORDS_DIFFER);

export async function loader({ params }: LoaderFunctionArgs) {
  const view = await describePasswordReset(params.token);
  return json({ view }, { status: linkPageStatus(view.state) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const view = await describePasswordReset(params.token);
  if (view.state !== "valid") return json({ view, errors: null }, { status: linkPageStatus(view.state) });
  const parsed = schema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return json({ view: null, errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
  const ipAddress = clientAddressOf(context);
  const result = await resetPassword(params.token, parsed.data.password, { ipAddress });
  if (!result.ok) {
    if (RESET_GONE in result.fieldErrors) {
      const now = await describePasswordReset(params.token);
      return json({ view: now, errors: null }, { status: linkPageStatus(now.state) });
    }
    return json({ view: null, errors: result.fieldErrors }, { status: 409 });
  }
  return signIn(request, result.value.userId, "/", ipAddress, {
    kind: "success",
    message: "Your password is changed and you are signed in. Every other session of your account has ended.",
  });
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const timeZone = useTimeZone();
  const view: typeof loaded.view = data?.view ?? loaded.view;
  if (view.state !== "valid") return <ResetGone state={view.state} />;
  const errors = data?.errors ?? undefined;
  return (
    <div className="auth card">
      <h1>Choose a new password</h1>
      <p>
        For <strong>{view.email}</strong>. This link works once, until <DateText instant={view.expiresAt} timeZone={timeZone} />. Saving signs you out on every
        other device.
      </p>
      <Form method="post" className="form">
        <FormErrors errors={errors?.[""]} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={view.email} />
        <NewPasswordFields label="New password" errors={errors} />
        <ButtonGroup>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Save the new password
          </button>
        </ButtonGroup>
      </Form>
    </div>
  );
}

function ResetGone({ state }: { state: "used" | "expired" | "unknown" }) {
  const text = {
    used: {
      title: "This link was already used",
      body: "A reset link works once, and choosing a new password voids every link sent before. If you have just chosen a new password, sign in with it.",
    },
    expired: { title: "This link has expired", body: `A reset link works for ${PASSWORD_RESET_MINUTES} minutes.` },
    unknown: {
      title: "This link doesn't work",
      body: "Check that you opened the whole link from the email (long links are sometimes cut in two).",
    },
  }[state];
  return (
    <div className="auth card" role="alert">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>
        <Link to="/forgot-password">Ask for a new link</Link> · <Link to="/login">Sign in</Link>
      </p>
      <p className="muted small">If you can't get in at all, ask an admin of your organization.</p>
    </div>
  );
}
