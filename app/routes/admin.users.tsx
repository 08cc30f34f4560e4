import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { USER_ROLES } from "../../db/schema/values";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { USER_INVITATION_DAYS } from "~/domain/account-links";
import { inviteUser, listPendingInvitations, revokeInvitation } from "~/domain/invitations.server";
import { PERMISSION_NAMES, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_LABELS, requirePermission } from "~/domain/permissions";
import type { FieldErrors } from "~/domain/results";
import { changeRole, listOrganizationUsers, setUserDisabled } from "~/domain/user-admin.server";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf, notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Users · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "users.manage");
  const [users, invitations] = await Promise.all([listOrganizationUsers(viewer), listPendingInvitations(viewer)]);
  return json({ users, invitations, viewerId: viewer.id });
}

const userId = z.uuid({ error: "Unknown user" });
const role = z.enum(USER_ROLES, { error: "Choose a role" });
const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("change-role"), userId, role }),
    z.object({ intent: z.literal("disable"), userId }),
    z.object({ intent: z.literal("enable"), userId }),
    z.object({
      intent: z.literal("invite"),
      email: z.string({ error: "Email is required" }).trim().min(1, "Email is required").max(254, "Email is too long (at most 254 characters)"),
      role,
    }),
    z.object({ intent: z.literal("revoke-invitation"), invitationId: z.uuid({ error: "Unknown invitation" }) }),
  ],
  { error: "Unknown action" },
);

function problem(intent: string, errors: FieldErrors, status: number, userId: string | null = null) {
  return json({ intent, userId, errors }, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "users.manage");
  const form = Object.fromEntries(await readFormData(request));
  const parsed = actionSchema.safeParse(form);
  if (!parsed.success) {
    const intent = typeof form.intent === "string" ? form.intent : "";
    return problem(intent, fieldErrorsOf(parsed.error.issues), 400);
  }
  const input = parsed.data;
  const address = clientAddressOf(context);
  if (input.intent === "invite") {
    const result = await inviteUser(viewer, { email: input.email, role: input.role }, { ipAddress: address });
    if (!result.ok) return problem(input.intent, result.fieldErrors, 400);
    return redirectWithFlash("/admin/users", {
      kind: "success",
      message: `Invitation sent to ${result.value.email} as ${ROLE_LABELS[input.role]}; the link works once, for ${USER_INVITATION_DAYS} days.${
        result.value.replaced ? " The earlier invitation's link no longer works." : ""
      }`,
    });
  }
  if (input.intent === "revoke-invitation") {
    if (!(await revokeInvitation(viewer, input.invitationId, { ipAddress: address }))) throw notFound("invitation");
    return redirectWithFlash("/admin/users", { kind: "success", message: "Invitation revoked: its link no longer works." });
  }
  if (input.intent === "change-role") {
    const result = await changeRole(viewer, input.userId, input.role, address);
    if (!result) throw notFound("user");
    if (!result.ok) return problem(input.intent, result.fieldErrors, 409, input.userId);
    return redirectWithFlash("/admin/users", {
      kind: "success",
      message: result.value.from === result.value.to ? "Role unchanged." : `Role changed to ${ROLE_LABELS[result.value.to]}.`,
    });
  }
  const disable = input.intent === "disable";
  const result = await setUserDisabled(viewer, input.userId, disable, address);
  if (!result) throw notFound("user");
  if (!result.ok) return problem(input.intent, result.fieldErrors, 409, input.userId);
  return redirectWithFlash("/admin/users", {
    kind: "success",
    message: disable ? "User disabled: their sessions have ended and their API tokens no longer work." : "User enabled: they can sign in again.",
  });
}

export default function UsersAdmin() {
  const { users, invitations, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const timeZone = useTimeZone();
  const inviteErrors = actionData?.intent === "invite" ? actionData.errors : undefined;
  return (
    <>
      <PageHeader
        title="Users"
        meta={
          <>
            Members of your organization and what their role lets them do. Every change is written to the <Link to="/admin/audit">audit log</Link>.
          </>
        }
      />
      {actionData && !actionData.userId && actionData.intent !== "invite" ? (
        <div className="form-error" role="alert">
          {Object.values(actionData.errors).flat().join(" ")}
        </div>
      ) : null}
      <DataTable captionClassName="visually-hidden" caption="Users" columns={["Name", "Role", "State", "Member since", <span className="visually-hidden">Actions</span>]}>
        {users.map((u) => {
          const errors = actionData && actionData.userId === u.id ? Object.values(actionData.errors).flat() : [];
          return (
            <tr key={u.id}>
              <td className="row-title">
                {u.name}
                {u.id === viewerId ? <span className="muted"> (you)</span> : null}
                <div className="muted small">{u.email}</div>
              </td>
              <td data-label="Role">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="change-role" />
                  <input type="hidden" name="userId" value={u.id} />
                  <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                    Role of {u.name}
                  </label>
                  <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                    {USER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button button--quiet" aria-label={`Save role of ${u.name}`}>
                    Save
                  </button>
                </Form>
              </td>
              <td data-label="State">
                {u.disabledAt ? (
                  <Badge tone="muted">Disabled</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
                <div className="muted small">
                  {u.activeSessions} session{u.activeSessions === 1 ? "" : "s"} · {u.activeTokens} API token{u.activeTokens === 1 ? "" : "s"}
                </div>
              </td>
              <td data-label="Member since"><DateText instant={u.createdAt} timeZone={timeZone} /></td>
              <td>
                {u.id === viewerId ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value={u.disabledAt ? "enable" : "disable"} />
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" className="button button--secondary" aria-label={`${u.disabledAt ? "Enable" : "Disable"} ${u.name}`}>
                      {u.disabledAt ? "Enable" : "Disable"}
                    </button>
                  </Form>
                )}
                {errors.length ? (
                  <p className="field__error" role="alert">
                    {errors.join(" ")}
                  </p>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <div className="grid-2">
        <Card aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite someone</h2>
          <p className="muted small">
            They get an email with a link that works once, for {USER_INVITATION_DAYS} days, to choose their name and password. Inviting the same
            address again replaces the earlier link.
          </p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="invite" />
            <FormErrors errors={inviteErrors?.[""] ?? inviteErrors?.intent} />
            <TextField id="invite-email" name="email" type="email" label="Email" autoComplete="off" maxLength={254} required errors={inviteErrors?.email} />
            <SelectField id="invite-role" name="role" label="Role" defaultValue="coordinator" errors={inviteErrors?.role}>
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <ButtonGroup>
              <button type="submit" className="button">
                Send invitation
              </button>
            </ButtonGroup>
          </Form>
        </Card>
        <Card aria-labelledby="pending-heading">
          <h2 id="pending-heading">Pending invitations</h2>
          {invitations.length === 0 ? (
            <EmptyState title="No invitation is waiting to be accepted" inCard>
              <p>Invite a colleague with the form beside this list; the invitation waits here until they accept it.</p>
            </EmptyState>
          ) : (
            <ul className="plain-list" aria-labelledby="pending-heading">
              {invitations.map((i) => (
                <li key={i.id} className="chase-item">
                  <div>
                    <strong>{i.email}</strong> · {ROLE_LABELS[i.role]}
                    <div className="muted small">
                      {i.invitedByName ? `Invited by ${i.invitedByName} · ` : ""}link works until <DateText instant={i.expiresAt} timeZone={timeZone} />
                    </div>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-invitation" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className="button button--secondary" aria-label={`Revoke the invitation of ${i.email}`}>
                      Revoke
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card aria-labelledby="roles-heading">
        <h2 id="roles-heading">What each role may do</h2>
        <dl className="summary-list">
          {USER_ROLES.map((r) => (
            <div key={r}>
              <dt>{ROLE_LABELS[r]}</dt>
              <dd>{ROLE_DESCRIPTIONS[r]}</dd>
            </div>
          ))}
        </dl>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Permission matrix</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                {USER_ROLES.map((r) => (
                  <th key={r} scope="col">
                    {ROLE_LABELS[r]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PERMISSION_NAMES.map((p) => (
                <tr key={p}>
                  <td>{PERMISSIONS[p].label}</td>
                  {USER_ROLES.map((r) => (
                    <td key={r} data-label={ROLE_LABELS[r]}>
                      {(PERMISSIONS[p].roles as readonly string[]).includes(r) ? "Yes" : <span className="muted">No</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
