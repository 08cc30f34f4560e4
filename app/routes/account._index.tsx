import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/domain/permissions";
import { sessionCount, signOutEverywhere } from "~/domain/user-admin.server";
import { requireViewer, signOut } from "~/utils/auth.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Your account · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return json({
    name: viewer.name,
    email: viewer.email,
    role: viewer.role,
    organizationName: viewer.organizationName,
    sessions: await sessionCount(viewer),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const intent = (await readFormData(request)).get("intent");
  if (intent !== "sign-out-everywhere") throw new Response("Unknown action.", { status: 400 });
  await signOutEverywhere(viewer, clientAddressOf(context));
  return signOut(request);
}

export default function Account() {
  const { name, email, role, organizationName, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Your account"
        meta={
          <>
            {name} · {organizationName}
          </>
        }
      />
      <div className="grid-2">
        <Card aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <dl className="summary-list">
            <dt>Name</dt>
            <dd>{name}</dd>
            <dt>Email</dt>
            <dd>{email}</dd>
            <dt>Role</dt>
            <dd>
              {ROLE_LABELS[role]}
              <div className="muted small">{ROLE_DESCRIPTIONS[role]}</div>
            </dd>
          </dl>
          <p className="small">
            <Link to="/account/tokens">API tokens</Link> · <Link to="/settings/calendar">Calendar feed</Link>
            {role === "admin" || role === "coordinator" ? (
              <>
                {" "}
                · <Link to="/settings/webhooks">Webhooks</Link>
              </>
            ) : null}
            {role === "admin" ? (
              <>
                {" "}
                · <Link to="/settings/organization">Organization short code</Link>
              </>
            ) : null}
          </p>
        </Card>
        <Card aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <p>
            You are signed in on {sessions} device{sessions === 1 ? "" : "s"} or browser{sessions === 1 ? "" : "s"}. Signing out everywhere ends all of
            them, this one included; your API tokens keep working until you revoke them.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-everywhere" />
            <button type="submit" className="button button--secondary">
              Sign out everywhere
            </button>
          </Form>
        </Card>
      </div>
    </>
  );
}
