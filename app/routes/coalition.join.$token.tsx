import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { acceptCoalitionInvitation, coalitionNameOf, describeCoalitionInvitation, shareableRequestCount } from "~/domain/coalitions.server";
import { can, requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { useTimeZone } from "~/utils/use-root";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Join a coalition · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [invitation, currentCoalition, counts] = await Promise.all([
    describeCoalitionInvitation(params.token),
    coalitionNameOf(viewer),
    shareableRequestCount(viewer),
  ]);
  const status = invitation.state === "unknown" ? 404 : invitation.state === "valid" ? 200 : 410;
  return json(
    {
      invitation,
      organizationName: viewer.organizationName,
      currentCoalition,
      canAccept: can(viewer, "coalition.manage"),
      counts,
    },
    { status },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "coalition.manage");
  const result = await acceptCoalitionInvitation(viewer, params.token, { ipAddress: clientAddressOf(context) });
  if (!result.ok) return json({ errors: Object.values(result.fieldErrors).flat() }, { status: 409 });
  return redirectWithFlash("/coalition", {
    kind: "success",
    message: `${viewer.organizationName} joined “${result.value.coalitionName}”. Its members now see your requests that are not private.`,
  });
}

export default function JoinCoalition() {
  const { invitation, organizationName, currentCoalition, canAccept, counts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const timeZone = useTimeZone();
  if (invitation.state !== "valid") {
    return (
      <div className="card">
        <h1>{invitation.state === "unknown" ? "This invitation link is not valid" : "This invitation no longer works"}</h1>
        <p>
          {invitation.state === "expired"
            ? "It has expired."
            : invitation.state === "used"
              ? "It was already used, or revoked by the coalition."
              : "Check that you copied the whole link."}{" "}
          Ask an admin of the coalition to send a new one.
        </p>
        <p>
          <Link to="/coalition">Your coalition page</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <PageHeader
        title={<>Join “{invitation.coalitionName}”</>}
        meta={
          <>
            {invitation.invitingOrganization} invites {organizationName} (sent to {invitation.email}, valid until{" "}
            <DateText instant={invitation.expiresAt} timeZone={timeZone} />).
          </>
        }
      />
      <Card aria-labelledby="join-heading">
        <h2 id="join-heading">What joining shares</h2>
        <p>Members today: {invitation.members.join(", ")}.</p>
        <ul>
          <li>You and they see each other's vendors, products, agency systems and their evidence, and joint asks.</li>
          <li>
            They see your requests that are not private: {counts.shared} today ({counts.private} private stay with you), without internal timeline
            entries or internal files. You see theirs the same way.
          </li>
          <li>Each organization changes only its own records. You can leave at any time; sharing stops at once.</li>
        </ul>
        <FormErrors errors={data?.errors} />
        {currentCoalition ? (
          <p className="notice">
            {organizationName} is already in the coalition “{currentCoalition}”. An organization belongs to one coalition at a time: leave it on the{" "}
            <Link to="/coalition">coalition page</Link> first.
          </p>
        ) : canAccept ? (
          <Form method="post">
            <button type="submit" className="button">
              Join for {organizationName}
            </button>
          </Form>
        ) : (
          <p className="notice">Only an admin of {organizationName} can accept. Forward this link to one.</p>
        )}
      </Card>
    </>
  );
}
