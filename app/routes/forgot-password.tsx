import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/fields";
import { PASSWORD_RESET_MINUTES } from "~/domain/account-links";
import { requestPasswordReset } from "~/domain/password-resets.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { readFormData } from "~/utils/bounded-input.server";

// Public. The answer is the same whether or not the address has an account, is disabled or hit the hourly
// limit, so the page can't be used to find out who has an account.

export const meta: MetaFunction = () => [{ title: "Forgot your password · JointAsk" }];

const schema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .min(1, { error: "Enter your email address", abort: true })
    .max(254, "Email is too long (at most 254 characters)")
    .email("Enter an email address like name@example.org"),
});

export const RESET_REQUESTED = `If an account exists for that address, we sent a link to choose a new password; it works for ${PASSWORD_RESET_MINUTES} minutes. Check your spam folder if it doesn't arrive.`;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readFormData(request));
  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    return json({ errors: fieldErrorsOf(parsed.error.issues), email: typeof form.email === "string" ? form.email : "" }, { status: 400 });
  }
  await requestPasswordReset(parsed.data.email, { ipAddress: clientAddressOf(context) });
  return redirectWithFlash("/forgot-password", { kind: "success", message: RESET_REQUESTED });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="auth card">
      <h1>Forgot your password?</h1>
      <p className="muted">
        Enter the email address of your account. We will send you a link to choose a new password; it works once, for {PASSWORD_RESET_MINUTES}{" "}
        minutes.
      </p>
      <Form method="post" className="form">
        <FormErrors errors={data?.errors[""]} />
        <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required maxLength={254} defaultValue={data?.email} errors={data?.errors.email} />
        <ButtonGroup>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Send me a link
          </button>
        </ButtonGroup>
      </Form>
      <p className="small">
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
