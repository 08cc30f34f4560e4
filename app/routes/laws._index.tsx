import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/fields";
import { can, requirePermission } from "~/domain/permissions";
import { followUpPolicySchema } from "~/domain/deadline-input";
import { listLaws, organizationPolicy, setFollowUpPolicy } from "~/domain/deadlines.server";
import { requireViewer } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { readFormData } from "~/utils/bounded-input.server";
import { retryOnConflict } from "~/utils/db-errors.server";
import { editVersion, editVersionField, staleEdit } from "~/domain/edit-version";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Law table · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [laws, policy] = await Promise.all([listLaws(db, viewer.organizationId), organizationPolicy(db, viewer.organizationId)]);
  return json({ laws, policy, version: editVersion(policy, POLICY_FIELDS), isAdmin: can(viewer, "org.settings") });
}

const POLICY_FIELDS = ["followUpBusinessDays"];

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "org.settings");
  const form = Object.fromEntries(await readFormData(request));
  const parsed = followUpPolicySchema.safeParse(form);
  if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error.issues), conflict: null }, { status: 400 });
  // Another admin changed the policy since this page was opened: say so instead of putting theirs back.
  const version = editVersionField.safeParse(typeof form.version === "string" ? form.version : undefined);
  const current = await organizationPolicy(db, viewer.organizationId);
  const conflict = version.success
    ? staleEdit({ version: version.data, current, next: parsed.data, fields: POLICY_FIELDS, labels: { followUpBusinessDays: "Business days" } })
    : null;
  if (conflict) return json({ errors: { followUpBusinessDays: [conflict.message] } as Record<string, string[]>, conflict }, { status: 409 });
  const redated = await retryOnConflict(() => setFollowUpPolicy(db, viewer, parsed.data.followUpBusinessDays));
  return redirectWithFlash("/laws", {
    kind: "success",
    message: `Follow-up policy set to ${parsed.data.followUpBusinessDays} business days; ${redated} request${redated === 1 ? "" : "s"} re-dated.`,
  });
}

export default function Laws() {
  const { laws, policy, version, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Law table"
        meta={
          <>
            Response deadlines of federal FOIA, DC and every state. Cities and counties follow their state. Public calculator:{" "}
            <Link to="/deadlines">/deadlines</Link>.
          </>
        }
      />
      <Card aria-labelledby="policy-heading">
        <h2 id="policy-heading">Follow-up policy</h2>
        <p className="small">
          For laws with no fixed number of days (AZ, FL, IA, MN, NC, ND, OH, OK, WI) the app suggests a follow-up date this many business days
          after receipt. It is shown as a policy, never as a statutory deadline.
        </p>
        {isAdmin ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="follow-up-policy" />
            <VersionField version={version} />
            <TextField
              id="follow-up-days"
              name="followUpBusinessDays"
              type="number"
              min={1}
              max={60}
              label="Business days"
              defaultValue={policy.followUpBusinessDays}
              errors={actionData?.errors.followUpBusinessDays}
            />
            <EditConflict conflict={conflictOf(actionData)} />
            <button type="submit" className="button button--secondary">
              Save
            </button>
          </Form>
        ) : (
          <p>
            <strong>{policy.followUpBusinessDays} business days</strong> <span className="muted small">(an admin can change it)</span>
          </p>
        )}
      </Card>
      <DataTable captionClassName="visually-hidden" caption="Laws" columns={["Code", "Law", "Response", "Extension", "Confidence"]}>
        {laws.map(({ law, corrected }) => (
          <tr key={law.jurisdiction}>
            <td>
              <Link to={`/laws/${law.jurisdiction}`} className="row-title">
                {law.jurisdiction}
              </Link>
            </td>
            <td data-label="Law">
              {law.lawName}
              <div className="muted">{law.citation}</div>
              {corrected ? <Badge tone="waiting">Corrected by your organization</Badge> : null}
            </td>
            <td data-label="Response">{law.responseDays ? `${law.responseDays} ${law.dayType} days` : <span className="muted">No fixed number</span>}</td>
            <td data-label="Extension">{law.extensionDays ? `${law.extensionDays} ${law.extensionDayType} days` : <span className="muted">—</span>}</td>
            <td data-label="Confidence">{law.confidence}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
