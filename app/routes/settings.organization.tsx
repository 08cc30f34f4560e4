import { Card } from "~/components/ui/card";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/fields";
import { getOrganizationShortCode, setOrganizationShortCode } from "~/domain/organization-code.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { readFormData } from "~/utils/bounded-input.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Organization · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "org.settings");
  return json({ name: viewer.organizationName, shortCode: await getOrganizationShortCode(viewer) });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "org.settings");
  const form = await readFormData(request);
  const result = await setOrganizationShortCode(viewer, String(form.get("shortCode") ?? ""));
  if (!result.ok) return json({ errors: result.fieldErrors as Record<string, string[]> }, { status: 422 });
  return redirectWithFlash("/settings/organization", { kind: "success", message: `Requests now read ${result.value.code}-1, ${result.value.code}-2…` });
}

export default function OrganizationSettings() {
  const { name, shortCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Organization"
        meta={name}
      />
      <Card aria-labelledby="code-heading">
        <h2 id="code-heading">Short code</h2>
        <p>Shown before each request number, so your requests and a coalition partner's never share a name.</p>
        <Form method="post" className="form">
          <TextField
            id="shortCode"
            name="shortCode"
            label="Short code"
            hint={`2 to 8 letters or digits; your requests read ${shortCode}-12.`}
            defaultValue={shortCode}
            autoCapitalize="characters"
            maxLength={8}
            required
            errors={actionData?.errors?.shortCode}
          />
          <ButtonGroup>
            <button type="submit" className="button">
              Save
            </button>
          </ButtonGroup>
        </Form>
      </Card>
    </>
  );
}
