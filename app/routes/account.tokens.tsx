import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { CopyField } from "~/components/copy-field";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/fields";
import { createApiToken, listApiTokens, revokeApiToken } from "~/domain/api-tokens.server";
import { requirePermission } from "~/domain/permissions";
import { API_TOKEN_SCOPES } from "../../db/schema/security";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "API tokens · JointAsk" }];

const createSchema = z.object({
  intent: z.literal("create"),
  name: z
    .string({ error: "Name the token, e.g. what script uses it" })
    .trim()
    .min(1, "Name the token, e.g. what script uses it")
    .max(100, "Keep the name under 100 characters"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose what the token may do" }).default("read_write"),
  reach: z.enum(["coalition", "organization"], { error: "Choose which requests the token sees" }).default("coalition"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "apiToken.manage");
  return json({ tokens: await listApiTokens(viewer), organizationName: viewer.organizationName });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "apiToken.manage");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: createSchema });
    if (submission.status !== "success") return json({ result: submission.reply(), created: null }, { status: 400 });
    const created = await createApiToken(viewer, submission.value.name, clientAddressOf(context), {
      scope: submission.value.scope,
      organizationOnly: submission.value.reach === "organization",
    });
    // Shown once, in this response only: the database keeps a hash.
    return json({ result: submission.reply({ resetForm: true }), created: { name: submission.value.name, token: created.token } });
  }
  if (intent === "revoke") {
    const tokenId = String(formData.get("tokenId") ?? "");
    if (!(await revokeApiToken(viewer, tokenId, clientAddressOf(context)))) throw new Response("No such token.", { status: 404 });
    return redirectWithFlash("/account/tokens", { kind: "success", message: "Token revoked: it no longer works." });
  }
  throw new Response("Unknown action.", { status: 400 });
}

export default function ApiTokens() {
  const { tokens, organizationName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const timeZone = useTimeZone();
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: actionData?.result,
    constraint: getZodConstraint(createSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createSchema }),
  });
  const created = actionData?.created;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/account">Your account</Link> /
          </>
        }
        title="API tokens"
        meta={
          <>
            Personal tokens for the JSON API: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with your role, and sees
            what you see, unless you limit it to reading or to your organization&apos;s own rows. Each token may make a limited number of calls a
            minute (the <code>RateLimit-*</code> headers say how many are left). What it can do: the <Link to="/docs/api">API reference</Link>.
          </>
        }
      />
      {created ? (
        <Card role="status">
          <h2>Your new token “{created.name}”</h2>
          <p>Copy it now: it is shown only once. Anyone with it can use the API as you until you revoke it.</p>
          <CopyField id="new-token" label="Token" value={created.token} />
        </Card>
      ) : null}
      <Card aria-labelledby="create-heading">
        <h2 id="create-heading">Create a token</h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="create" />
          <TextField
            label="Token name"
            {...getInputProps(fields.name, { type: "text" })}
            id={fields.name.id}
            errors={fields.name.errors}
            hint="What uses it, e.g. “nightly sync script”."
          />
          <fieldset className="choices" aria-describedby={fields.scope.errors ? `${fields.scope.id}-error` : undefined}>
            <legend>What it may do</legend>
            <label className="choice">
              <input type="radio" name={fields.scope.name} value="read_write" defaultChecked={fields.scope.initialValue !== "read"} /> <strong>Read and write</strong>{" "}
              <span className="muted small">everything your role allows</span>
            </label>
            <label className="choice">
              <input type="radio" name={fields.scope.name} value="read" defaultChecked={fields.scope.initialValue === "read"} /> <strong>Read only</strong>{" "}
              <span className="muted small">any change is refused (403)</span>
            </label>
            {fields.scope.errors ? (
              <p className="field__error" id={`${fields.scope.id}-error`}>
                {fields.scope.errors.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <fieldset className="choices" aria-describedby={fields.reach.errors ? `${fields.reach.id}-error` : undefined}>
            <legend>What it sees</legend>
            <label className="choice">
              <input type="radio" name={fields.reach.name} value="coalition" defaultChecked={fields.reach.initialValue !== "organization"} />{" "}
              <strong>All you see</strong> <span className="muted small">your organization&apos;s rows and what coalition partners share</span>
            </label>
            <label className="choice">
              <input type="radio" name={fields.reach.name} value="organization" defaultChecked={fields.reach.initialValue === "organization"} />{" "}
              <strong>{organizationName} only</strong> <span className="muted small">its own requests and records, not partners&apos; shared ones</span>
            </label>
            {fields.reach.errors ? (
              <p className="field__error" id={`${fields.reach.id}-error`}>
                {fields.reach.errors.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <ButtonGroup>
            <button type="submit" className="button">
              Create token
            </button>
          </ButtonGroup>
        </Form>
      </Card>
      <Card aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {tokens.length ? (
          <DataTable columns={["Name", "Access", "Created", "Last used", "State", <span className="visually-hidden">Actions</span>]}>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="row-title">{t.name}</td>
                <td data-label="Access">
                  {t.scope === "read" ? "Read only" : "Read and write"}
                  {t.organizationOnly ? `, ${organizationName} only` : ""}
                </td>
                <td data-label="Created"><DateText instant={t.createdAt} timeZone={timeZone} /></td>
                <td data-label="Last used">{t.lastUsedAt ? <DateText instant={t.lastUsedAt} timeZone={timeZone} /> : "never"}</td>
                <td data-label="State">{t.revokedAt ? <Badge tone="muted">Revoked</Badge> : <Badge tone="success">Active</Badge>}</td>
                <td>
                  {t.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button type="submit" className="button button--quiet" aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">None yet.</p>
        )}
      </Card>
    </>
  );
}
