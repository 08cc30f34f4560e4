import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { USER_ROLES } from "../../db/schema/values";
import { PERMISSION_NAMES, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_LABELS, requirePermission } from "~/domain/permissions";
import { changeRole, listOrganizationUsers, setUserDisabled } from "~/domain/user-admin.server";
import { requireViewer } from "~/utils/auth.server";
import { formatInstant } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf, notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";

export const meta: MetaFunction = () => [{ title: "Users · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "users.manage");
  return json({ users: await listOrganizationUsers(viewer), viewerId: viewer.id });
}

const userId = z.uuid({ error: "Unknown user" });
const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("change-role"), userId, role: z.enum(USER_ROLES, { error: "Choose a role" }) }),
    z.object({ intent: z.literal("disable"), userId }),
    z.object({ intent: z.literal("enable"), userId }),
  ],
  { error: "Unknown action" },
);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "users.manage");
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ userId: null, errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
  const input = parsed.data;
  const address = clientAddressOf(context);
  if (input.intent === "change-role") {
    const result = await changeRole(viewer, input.userId, input.role, address);
    if (!result) throw notFound("user");
    if (!result.ok) return json({ userId: input.userId, errors: result.fieldErrors }, { status: 409 });
    return redirectWithFlash("/admin/users", {
      kind: "success",
      message: result.value.from === result.value.to ? "Role unchanged." : `Role changed to ${ROLE_LABELS[result.value.to]}.`,
    });
  }
  const disable = input.intent === "disable";
  const result = await setUserDisabled(viewer, input.userId, disable, address);
  if (!result) throw notFound("user");
  if (!result.ok) return json({ userId: input.userId, errors: result.fieldErrors }, { status: 409 });
  return redirectWithFlash("/admin/users", {
    kind: "success",
    message: disable ? "User disabled: their sessions have ended and their API tokens no longer work." : "User enabled: they can sign in again.",
  });
}

export default function UsersAdmin() {
  const { users, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const timeZone = useTimeZone();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p className="page-header__meta">
            Members of your organization and what their role lets them do. Every change is written to the <Link to="/admin/audit">audit log</Link>.
          </p>
        </div>
      </div>
      {actionData && !actionData.userId ? (
        <div className="form-error" role="alert">
          {Object.values(actionData.errors).flat().join(" ")}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Member since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                      <span className="badge badge--muted">Disabled</span>
                    ) : (
                      <span className="badge badge--success">Active</span>
                    )}
                    <div className="muted small">
                      {u.activeSessions} session{u.activeSessions === 1 ? "" : "s"} · {u.activeTokens} API token{u.activeTokens === 1 ? "" : "s"}
                    </div>
                  </td>
                  <td data-label="Member since">{formatInstant(u.createdAt, timeZone)}</td>
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
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="roles-heading">
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
          <table className="data permission-matrix">
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
      </section>
    </>
  );
}
