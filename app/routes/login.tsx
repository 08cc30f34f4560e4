import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/fields";
import { normalizeEmail, verifyLogin } from "~/domain/accounts.server";
import { accountForEmail, recordAudit } from "~/domain/audit.server";
import { clearAccountFailures, loginBlockedFor, recordLoginFailure } from "~/domain/login-throttle.server";
import { getViewer, signIn } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { safeRedirectPath } from "~/utils/redirect";
import { readFormData } from "~/utils/bounded-input.server";

export const meta: MetaFunction = () => [{ title: "Sign in · JointAsk" }];

/**
 * A document POST (a browser without JavaScript) renders the page with the action's status; without this the
 * action's headers would be dropped, and a throttled sign-in would say 429 without Retry-After.
 */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(loaderHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

const loginSchema = z.object({
  email: z.string({ error: "Enter your email address" }).trim().email("Enter an email address like name@example.org"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1000),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) return redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password } = submission.value;
  const who = { email, address: clientAddressOf(context) };
  const failed = async (refusedBy: "password" | "throttled") => {
    const account = await accountForEmail(db, email);
    const reason = refusedBy === "password" && account?.disabled ? "disabled" : refusedBy;
    await recordAudit(db, {
      organizationId: account?.organizationId ?? null,
      actorId: null,
      action: "auth.sign_in_failed",
      targetType: account ? "user" : undefined,
      targetId: account?.id,
      details: { email: normalizeEmail(email), reason },
      ipAddress: who.address,
    });
  };

  const waitSeconds = await loginBlockedFor(db, who);
  if (waitSeconds !== null) {
    await failed("throttled");
    const minutes = Math.ceil(waitSeconds / 60);
    return json(
      submission.reply({
        formErrors: [`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(waitSeconds) } },
    );
  }

  const userId = await verifyLogin(db, email, password);
  if (!userId) {
    await recordLoginFailure(db, who);
    await failed("password");
    return json(
      submission.reply({ formErrors: ["Email or password is incorrect."], hideFields: ["password"] }),
      { status: 400 },
    );
  }
  await clearAccountFailures(db, email);
  const account = await accountForEmail(db, email);
  await recordAudit(db, {
    organizationId: account!.organizationId,
    actorId: userId,
    action: "auth.sign_in",
    targetType: "user",
    targetId: userId,
    ipAddress: who.address,
  });
  return signIn(request, userId, safeRedirectPath(submission.value.redirectTo, "/"), who.address);
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="auth card">
      <h1>Sign in</h1>
      <p className="muted">Track records requests, deadlines and joint asks with your coalition.</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          label="Email"
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
          errors={fields.email.errors}
          autoComplete="username"
        />
        <TextField
          label="Password"
          {...getInputProps(fields.password, { type: "password" })}
          id={fields.password.id}
          errors={fields.password.errors}
          autoComplete="current-password"
        />
        <ButtonGroup>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Sign in
          </button>
        </ButtonGroup>
      </Form>
      <p className="small">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
