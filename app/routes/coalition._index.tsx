import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/fields";
import {
  createCoalition,
  getCoalition,
  inviteOrganization,
  leaveCoalition,
  removeMember,
  revokeCoalitionInvitation,
  shareableRequestCount,
} from "~/domain/coalitions.server";
import { requirePermission } from "~/domain/permissions";
import type { FieldErrors } from "~/domain/results";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Coalition · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [coalition, counts] = await Promise.all([getCoalition(viewer), shareableRequestCount(viewer)]);
  return json({ coalition, counts, organizationId: viewer.organizationId });
}

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create"), name: z.string().trim().min(1, "Name is required").max(120, "Name must be at most 120 characters") }),
    z.object({ intent: z.literal("invite"), email: z.string().trim().min(1, "Email is required").max(254, "Email is too long") }),
    z.object({ intent: z.literal("revoke-invitation"), invitationId: z.uuid({ error: "Unknown invitation" }) }),
    z.object({ intent: z.literal("remove-member"), organizationId: z.uuid({ error: "Unknown organization" }) }),
    z.object({ intent: z.literal("leave") }),
  ],
  { error: "Unknown action" },
);

function problem(intent: string, errors: FieldErrors, status = 400) {
  return json({ intent, errors }, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "coalition.manage");
  const form = Object.fromEntries(await readFormData(request));
  const parsed = actionSchema.safeParse(form);
  if (!parsed.success) return problem(typeof form.intent === "string" ? form.intent : "", fieldErrorsOf(parsed.error.issues));
  const input = parsed.data;
  const ctx = { ipAddress: clientAddressOf(context) };
  switch (input.intent) {
    case "create": {
      const result = await createCoalition(viewer, { name: input.name }, ctx);
      if (!result.ok) return problem(input.intent, result.fieldErrors, 409);
      return redirectWithFlash("/coalition", { kind: "success", message: `Coalition “${input.name}” started. Invite other organizations to it.` });
    }
    case "invite": {
      const result = await inviteOrganization(viewer, { email: input.email }, ctx);
      if (!result.ok) return problem(input.intent, result.fieldErrors);
      return redirectWithFlash("/coalition", { kind: "success", message: `Invitation sent to ${input.email}.` });
    }
    case "revoke-invitation": {
      if (!(await revokeCoalitionInvitation(viewer, input.invitationId, ctx))) {
        return problem(input.intent, { invitationId: ["That invitation is not pending any more"] }, 404);
      }
      return redirectWithFlash("/coalition", { kind: "success", message: "Invitation revoked: its link no longer works." });
    }
    case "remove-member": {
      const result = await removeMember(viewer, input.organizationId, ctx);
      if (!result.ok) return problem(input.intent, result.fieldErrors, 409);
      return redirectWithFlash("/coalition", {
        kind: "success",
        message: `${result.value.name} is out of the coalition: it no longer sees what the coalition shares, nor you its requests.`,
      });
    }
    case "leave": {
      const result = await leaveCoalition(viewer, ctx);
      if (!result.ok) return problem(input.intent, result.fieldErrors, 409);
      return redirectWithFlash("/coalition", {
        kind: "success",
        message: result.value.dissolved ? `The coalition “${result.value.name}” is dissolved.` : `Your organization left “${result.value.name}”.`,
      });
    }
  }
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** The fields the forms show next to their input; any other error (hidden ids, the intent, the whole form) shows at the top. */
const SHOWN_FIELDS: Record<string, string> = { create: "name", invite: "email" };

function errorsFor(data: ActionData, intent: string, field: string) {
  return data && "intent" in data && data.intent === intent ? data.errors[field] : undefined;
}

function formErrorsOf(data: ActionData) {
  if (!data || !("errors" in data)) return undefined;
  return Object.entries(data.errors as FieldErrors)
    .filter(([field]) => field !== SHOWN_FIELDS[data.intent])
    .flatMap(([, errors]) => errors);
}

export default function CoalitionPage() {
  const { coalition, counts, organizationId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const canManage = useCan("coalition.manage");
  const timeZone = useTimeZone();
  const formErrors = formErrorsOf(data);

  if (!coalition) {
    return (
      <>
        <PageHeader
          title="Coalition"
          meta="Your organization is not in a coalition."
        />
        <Card aria-labelledby="what-heading">
          <h2 id="what-heading">What a coalition shares</h2>
          <p>
            Organizations in a coalition see each other's vendors, products, agency systems and their evidence, joint asks, and every
            request that is not marked private. Each keeps its own requests and changes only its own; private requests, internal
            timeline entries and internal files stay with their organization.
          </p>
          <p className="muted small">
            Of your {counts.shared + counts.private} requests, {counts.shared} would be shared and {counts.private} are private.
          </p>
        </Card>
        {canManage ? (
          <Card aria-labelledby="start-heading">
            <h2 id="start-heading">Start a coalition</h2>
            <Form method="post" className="form">
              <FormErrors errors={formErrors} />
              <input type="hidden" name="intent" value="create" />
              <TextField id="coalition-name" name="name" label="Name" required maxLength={120} errors={errorsFor(data, "create", "name")} />
              <ButtonGroup>
                <button type="submit" className="button">
                  Start the coalition
                </button>
              </ButtonGroup>
            </Form>
            <p className="muted small">To join another organization's coalition, open the invitation link one of its admins sent you.</p>
          </Card>
        ) : (
          <p className="muted">An admin of your organization can start a coalition or accept an invitation to one.</p>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={coalition.name}
        meta={
          <>
            A coalition of {coalition.members.length} organization{coalition.members.length === 1 ? "" : "s"}. Members see each other's vendor
            knowledge, joint asks and requests not marked private ({counts.shared} of yours; {counts.private} private).
          </>
        }
      />
      <FormErrors errors={formErrors} />
      <Card aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <DataTable captionClassName="visually-hidden" caption="Member organizations" columns={["Organization", "Joined", { label: "Shared requests", numeric: true }, <span className="visually-hidden">Actions</span>]}>
          {coalition.members.map((m) => (
            <tr key={m.organizationId}>
              <td className="row-title">
                {m.name}
                {m.organizationId === organizationId ? <span className="muted"> (yours)</span> : null}
                {m.organizationId === coalition.foundedByOrganizationId ? <div className="muted small">Started the coalition</div> : null}
              </td>
              <td data-label="Joined"><DateText instant={m.joinedAt} timeZone={timeZone} /></td>
              <td data-label="Shared requests" className="num">
                {m.sharedRequests}
              </td>
              <td>
                {canManage && coalition.founded && m.organizationId !== organizationId ? (
                  <details className="confirm">
                    <summary>
                      Remove<span className="visually-hidden"> {m.name}</span>…
                    </summary>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-member" />
                      <input type="hidden" name="organizationId" value={m.organizationId} />
                      <p className="small">It stops seeing what the coalition shares, and you its requests, at once.</p>
                      <button type="submit" className="button button--danger">
                        Remove {m.name}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>

      {canManage ? (
        <Card aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite an organization</h2>
          <p className="muted small">
            The invitation goes by email to one of that organization's admins, who accepts it signed in to JointAsk. The link works once, for 14
            days.
          </p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="invite" />
            <TextField id="invite-email" name="email" type="email" label="Email of an admin there" required errors={errorsFor(data, "invite", "email")} />
            <ButtonGroup>
              <button type="submit" className="button">
                Send the invitation
              </button>
            </ButtonGroup>
          </Form>
          {coalition.invitations.length ? (
            <>
              <h3>Pending invitations</h3>
              <ul className="plain-list">
                {coalition.invitations.map((i) => (
                  <li key={i.id} className="chase-item">
                    <span>
                      {i.email}
                      <span className="muted small">
                        {" "}
                        · invited by {i.invitedByName ?? "someone"} ({i.invitedByOrganization}) · expires <DateText instant={i.expiresAt} timeZone={timeZone} />
                      </span>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-invitation" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="button button--quiet" aria-label={`Revoke the invitation to ${i.email}`}>
                        Revoke
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      ) : null}

      {canManage ? (
        <Card aria-labelledby="leave-heading">
          <h2 id="leave-heading">{coalition.founded ? "Dissolve the coalition" : "Leave the coalition"}</h2>
          <p className="muted small">
            {coalition.founded
              ? "Your organization started this coalition: dissolving it ends all sharing between its members at once."
              : "Your organization stops seeing what the coalition shares, and the coalition stops seeing your requests, at once."}
          </p>
          <details className="confirm">
            <summary>{coalition.founded ? "Dissolve…" : "Leave…"}</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="leave" />
              <button type="submit" className="button button--danger">
                {coalition.founded ? `Yes, dissolve “${coalition.name}”` : `Yes, leave “${coalition.name}”`}
              </button>
            </Form>
          </details>
        </Card>
      ) : null}
    </>
  );
}
